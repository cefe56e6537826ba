"""Word banks for generated tasks: titles of about 30 characters, contents of about 150,
progress reports of about 40 — the register of a county supervision office's ledger."""

from __future__ import annotations

import random

CATEGORIES = ["大气污染防治", "水污染防治", "土壤污染防治", "督导检查", "责任落实", "宣传教育",
              "项目建设", "安全生产", "信访稳定", "脱贫攻坚", "农村人居环境", "招商引资"]

PLACES = ["全县", "城区", "县城规划区", "产业集聚区", "各乡镇", "沙河沿线", "107国道沿线", "高速出入口",
          "澧河流域", "老城区", "城乡结合部", "各行政村"]

VERBS = ["全面开展", "深入推进", "扎实做好", "加快推进", "集中开展", "持续深化", "严格落实", "认真组织"]

OBJECTS = ["建筑工地扬尘污染", "渣土车辆密闭运输", "燃煤锅炉拆改", "“散乱污”企业排查", "秸秆禁烧",
           "畜禽养殖场搬迁", "入河排污口排查", "黑臭水体", "餐饮油烟", "露天烧烤", "道路机扫洒水",
           "重点企业在线监测", "饮用水水源地保护", "河道垃圾清理", "违法违规建设项目清理",
           "农村生活垃圾收运", "危化品企业安全隐患", "重点项目手续办理", "信访积案化解",
           "贫困户危房改造", "厕所革命", "招商项目落地"]

GOALS = ["专项整治工作", "排查整改工作", "集中攻坚行动", "督查督办工作", "长效机制建设", "问题整改销号",
         "百日攻坚行动", "全覆盖检查"]

TAILS = ["，确保按期完成目标任务", "，做到问题清零", "，每周报送进展情况", "，逐一建立整改台账",
         "，实行挂图作战", "，确保年底前整改到位", "，切实改善环境质量", "，按时限要求办结"]

SENTENCES = [
    "各乡镇、各有关部门要提高认识，主要负责同志亲自抓、负总责，分管同志具体抓、抓具体。",
    "牵头单位要制定具体实施方案，明确时间表、路线图，落实到人。",
    "配合单位要主动对接，密切配合，形成工作合力，不得推诿扯皮。",
    "对排查发现的问题逐一登记造册，建立问题清单、责任清单和整改清单，实行销号管理。",
    "县督查室将采取明查暗访、随机抽查等方式跟踪督办，每周通报进展情况。",
    "对工作不力、进度滞后的单位，予以通报批评；造成严重后果的，依纪依规追究责任。",
    "属地乡镇要落实网格化管理，把责任落实到村、落实到人，确保不留死角。",
    "要加强宣传引导，营造全社会共同参与的良好氛围。",
    "完成情况于每月25日前以书面形式报县委、县政府督查室。",
    "对群众反映强烈的突出问题，要立行立改、限期办结，并及时向群众反馈。",
    "牵头县领导要定期听取汇报，现场调度，协调解决工作中的重大问题。",
    "各单位要建立工作台账，做到有据可查、有迹可循。",
]

REPORTS = [
    "已召开专题会议安排部署，制定实施方案，明确责任人和完成时限。",
    "已完成前期摸底排查，登记问题{n}个，正在逐一整改。",
    "已整改到位{n}个，剩余问题已下达限期整改通知书。",
    "联合执法开展专项检查{n}次，查处违规行为{m}起。",
    "已完成阶段性目标，整改情况经复查验收合格。",
    "已约谈相关负责人{m}人，督促落实整改措施。",
    "各项工作按计划推进，本周新增完成{n}项，详细台账已报送。",
    "全部整改完毕，申请办结销号。",
]


def title(rng: random.Random, unit_short: str | None) -> str:
    place = unit_short if unit_short and rng.random() < 0.4 else rng.choice(PLACES)
    return place + rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(GOALS) + rng.choice(TAILS)


def content(rng: random.Random) -> str:
    parts = rng.sample(SENTENCES, 3)
    text = "".join(parts)
    while len(text) < 130:
        text += rng.choice([s for s in SENTENCES if s not in parts])
    return text


def report(rng: random.Random, final: bool) -> str:
    if final:
        return REPORTS[-1]
    return rng.choice(REPORTS[:-1]).format(n=rng.randint(3, 60), m=rng.randint(1, 12))

"""The failure patterns of issue 20, each on sentences of real documents (benchmarks/intake_corpus
and the issue's own quotations)."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import Metric, Person, Responsibility, Source, Task
from wuyang_tasks.domain.enums import Role
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.imports.deadlines import deadline_in_sentence
from wuyang_tasks.imports.minutes import document_date, propose
from wuyang_tasks.services import intake

from .drafts import draft_with, titles_of

DATA = Path(__file__).parent / "data"
MEETING = (DATA / "meeting_2016-07-13.txt").read_text(encoding="utf-8")


def test_reference_meeting_states_its_concrete_measures_with_their_leaders():
    p = propose(MEETING, issued_on=date(2016, 7, 13))
    for words, leader in [("清理整顿环保违法违规建设项目", "李亦博"), ("重点时段大气污染的应急应对", "宋耀生"),
                          ("全面强化水污染防治", "宋耀生"), ("到项目工地检查指导“六个百分之百”", "李亦博"),
                          ("主动到联系的乡镇调研", "李亦博"), ("到企业检查、督导", "李亦博"),
                          ("集中精力开展督促检查", "李亦博"), ("增加“双重追责”和“终身追责”", "李亦博"),
                          ("加大环境保护宣传教育力度", "李亦博"), ("巩固提升大气污染防治成果", "宋耀生"),
                          ("健全推进机制", "李亦博"), ("落实属地责任", "李亦博")]:
        assert draft_with(p, words).leader == leader
    boilerplate = [t for t in titles_of(p) if any(w in t for w in ("思想认识", "认清形势", "提高认识", "攻坚战"))]
    assert boilerplate == []
    assert not any("宣读" in t or "表态发言" in t for t in titles_of(p))  # what was done is no task


def test_second_import_of_the_meeting_adds_no_source_and_no_metric(demo_ledger, state):
    p = intake.propose_minutes(demo_ledger, MEETING, issued_on=date(2016, 7, 13))
    river = next(m for m in p.metrics if m.name == "三里河水质类别")
    assert river.merge_name == "三里河省控断面水质类别"  # the demo's metric of the same river and year
    result = intake.save_minutes(demo_ledger, p)
    assert result.metrics_created == []
    with demo_ledger.read() as s:
        task = s.scalar(select(Task).where(Task.source_id == result.source_id, Task.title.contains("清理整顿")))
        leader = s.scalar(select(Person.name).join(Responsibility, Responsibility.person_id == Person.id)
                          .where(Responsibility.task_id == task.id, Responsibility.role == Role.LEAD_LEADER))
        assert leader == "李亦博"
    before = state(demo_ledger)
    copy = MEETING.replace("會議。", "會議。\n", 1)  # the same meeting, another copy of its text
    again = intake.propose_minutes(demo_ledger, copy, issued_on=date(2016, 7, 13))
    assert again.earlier_source == p.title
    with pytest.raises(ValidationError, match="已经导入过"):
        intake.save_minutes(demo_ledger, again)
    assert state(demo_ledger) == before
    with demo_ledger.read() as s:
        assert s.scalar(select(func.count(Source.id)).where(Source.title == p.title)) == 1
        assert s.scalar(select(func.count(Metric.id)).where(Metric.name.contains("三里河"))) == 1


def test_executive_meeting_decisions_become_drafts():
    text = ("岳阳县人民政府第21次常务会议纪要\n岳阳县人民政府办公室 2016年4月13日\n"
            "一、研究迎接国家卫生县城复审工作\n"
            "会议原则同意县卫生和计划生育局提出的迎接国家卫生县城复审工作任务分解方案，按程序报县委常委会研究。\n"
            "会议要求，一是要进一步加强组织领导，成立迎接国家卫生县城复审工作领导小组。二是要进一步浓厚迎复审工作氛围，"
            "在4月初召开迎复审工作动员大会。\n"
            "1.关于迎复审工作经费问题。县财政安排县卫计局迎复审工作经费50万元。\n"
            "2.关于迎复审相关单位设备配备问题。相关单位设备配备由迎接国家卫生县城复审工作领导小组提出具体方案后另行研究确定。\n")
    p = propose(text)
    assert p.issued_on == date(2016, 4, 13)
    plan = draft_with(p, "任务分解方案")
    assert plan.lead.written == "县卫生和计划生育局"  # the unit name is not cut at 和
    assert draft_with(p, "动员大会").deadline.day == date(2016, 4, 10)
    money = next(d for d in p.drafts if d.lead and d.lead.written == "县财政")
    assert "经费" in money.title
    assert not any("领导小组组成" in t for t in titles_of(p))
    assert any(d.lead and d.lead.written == "迎接国家卫生县城复审工作领导小组" for d in p.drafts)


def test_decisions_of_a_model_text_and_their_proposers():
    text = ("常务会议纪要\n（一）会议原则同意县经发局关于调整xx县统筹城乡发展领导小组组成人员的意见，会后提交县委常委会议研究。\n"
            "（二）会议原则同意县政府办关于2022年人大代表建议、政协提案办理工作情况的汇报。\n"
            "（三）关于县农机修造厂改制有关问题：一是职工回迁原址安置，一律按新建房成本价安置；二是经发局要认真做好离退休职工的思想稳定工作。\n")
    p = propose(text)
    assert draft_with(p, "领导小组组成人员").lead.written == "县经发局"
    assert not any("汇报" in t for t in titles_of(p))  # a report heard assigns nothing
    assert draft_with(p, "思想稳定工作").lead.written == "经发局"
    assert not any("回迁" in t for t in titles_of(p))


def test_yishi_ershi_items_under_a_requirement():
    text = ("钟宇龙要求：一是力度要更大。始终思想上绷紧“弦”，务必要持续加大人员机械力量，加速整改；二是措施要更硬。"
            "保持整改定力，挂图作战、倒排工期，攻坚克难，快速整改。三是指导要更细。县自然资源局全体班子成员要带领股室吃住在镇村，"
            "加强技术指导，提速整改。四是县政府督查室要加强督查，及时形成督查专报。")
    p = propose(text)
    assert len(p.drafts) == 4 and {d.leader for d in p.drafts} == {"钟宇龙"}
    assert "持续加大人员机械力量" in p.drafts[0].title and "挂图作战" in p.drafts[1].title
    assert p.drafts[2].lead.written == "县自然资源局" and p.drafts[3].lead.written == "县政府督查室"


def test_labelled_responsibility_lines_and_cells():
    text = ("立山区政府2023年重点工作任务分解和责任分工方案\n一、经济社会发展的主要预期目标\n"
            "1.固定资产投资增长15%左右。\n牵头单位：区发改局\n责任单位：立山经济开发区，各街道、区直各部门\n"
            "2.一般公共预算收入增长8%左右。（牵头单位：区财政局；责任单位：立山经济开发区、税务局）\n"
            "3.推进大气污染防治。\n牵头负责领导：朱俊峰\n牵头责任单位：县环保局\n协同责任单位：县住建委、县交通运输局\n")
    p = propose(text)
    invest, revenue, air = p.drafts
    assert invest.lead.written == "区发改局" and [r.written for r in invest.cooperating] == ["立山经济开发区"]
    assert invest.all_townships and "区直各部门" in invest.collective
    assert revenue.lead.written == "区财政局"
    assert [r.written for r in revenue.cooperating] == ["立山经济开发区", "税务局"]  # no label inside a name
    assert (air.leader, air.lead.written) == ("朱俊峰", "县环保局")
    assert [r.written for r in air.cooperating] == ["县住建委", "县交通运输局"]


def test_provincial_responsibility_note_with_nested_brackets():
    text = ("一、深化现代流通市场化改革\n（一）加强市场体系建设。推进高标准市场体系建设。〔责任单位：省发展改革委、省市场监管局、商务厅、"
            "省大数据中心按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕\n"
            "（二）优化市场准入环境。持续推进“一网通办”“一日办结”。〔责任单位：省市场监管局〕\n"
            "（三）加强反垄断和反不正当竞争执法。落实反不正当竞争省际联席会议制度。\n")
    p = propose(text, issued_on=date(2022, 10, 18))
    market, access, antitrust = p.drafts
    assert market.lead.written == "省发展改革委"
    assert [r.written for r in market.cooperating] == ["省市场监管局", "商务厅", "省大数据中心"]
    assert access.lead.written == "省市场监管局" and access.deadline is None  # 持续推进 is no 完成时限
    assert antitrust.title == "加强反垄断和反不正当竞争执法"


def test_an_item_with_two_notes_is_two_tasks():
    text = ("二、工作任务\n1.制定实施准入清单。完成环境准入清单编制工作。〔市生态环境局牵头，市发展和改革局、自然资源局参与，"
            "各县、区人民政府（管委会）负责落实。〕按省的要求，县级及以上城市建成区原则上不再新建每小时35蒸吨以下燃煤锅炉。"
            "（市生态环境局、市场监管局牵头，市发展和改革局参与）\n")
    first, second = propose(text, issued_on=date(2019, 1, 1)).drafts
    assert first.title == "制定实施准入清单" and first.lead.written == "市生态环境局"
    assert "各县区人民政府（管委会）" in first.collective
    assert second.title.startswith("县级及以上城市建成区原则上不再新建")
    assert [r.written for r in second.cooperating] == ["市场监管局", "市发展和改革局"]


def test_adjacent_items_are_not_merged():
    text = ("关于砂石行业整治。县水务局牵头负责，县公安局、县交通运输局配合，9月底前完成河道非法采砂清理。"
            "关于砖瓦行业问题。县国土局负责，县环保局配合，年底前完成黏土砖瓦窑关停。")
    sand, brick = propose(text, issued_on=date(2016, 7, 1)).drafts
    assert (sand.title, sand.lead.written, [r.written for r in sand.cooperating]) == (
        "砂石行业整治", "县水务局", ["县公安局", "县交通运输局"])
    assert (brick.title, brick.lead.written, [r.written for r in brick.cooperating]) == (
        "砖瓦行业", "县国土局", ["县环保局"])
    assert (sand.deadline.day, brick.deadline.day) == (date(2016, 9, 30), date(2016, 12, 31))


@pytest.mark.parametrize("clause", [
    "持续推进“一网通办”",
    "6月20日，国土局联合环保局已组织对全县砂场进行了排查",
    "确保新建项目一季度开工达到35%",
    "年底逐一绩效对账",
])
def test_no_deadline_outside_deadline_grammar(clause):
    assert deadline_in_sentence(clause, 2016) is None


@pytest.mark.parametrize("clause, expected", [
    ("2022年10月底前编制并公布市、县两级行政许可事项清单", date(2022, 10, 31)),
    ("务于2021年2月3日前报送各位分管市领导，经分管市领导审核把关后于2月7日前报送市政府", date(2021, 2, 7)),
    ("一是各单位会后于2月9日下午下班前报县发改局汇总", date(2016, 2, 9)),
    ("武汉市应在2014年6月底前制定并印发实施", date(2014, 6, 30)),
])
def test_deadline_grammar(clause, expected):
    assert deadline_in_sentence(clause, 2016).day == expected


def test_past_actions_make_no_draft_and_the_year_is_the_documents():
    text = ("关于砂石治理工作的通报\n2019年7月2日\n6月20日，国土局联合环保局已组织对全县砂场进行了排查。"
            "各乡镇要在7月底前完成辖区砂场清理。")
    p = propose(text, fallback_year=2016)
    assert p.year == 2019 and len(p.drafts) == 1
    assert p.drafts[0].deadline.day == date(2019, 7, 31) and p.drafts[0].all_townships


def test_document_date_from_its_head_or_signature():
    assert document_date("紫阳县政府办公室 督察通报第十七期 成文日期：2022年09月14日\n近期，…") == date(2022, 9, 14)
    assert document_date("通知\n一、…于2021年2月3日前报送。\n盘锦市人民政府办公室\n2021年1月25日") == date(2021, 1, 25)
    assert document_date("时间：2024-04-25 来源：兴县新闻网\n4月18日…") == date(2024, 4, 25)


def test_anaphoric_units_and_owners_of_items():
    text = ("其中，由县民政局负责的第1件、县发改局负责的第4件确定事项进展滞后，请以上责任单位加快工作节奏，全力推动确定事项落实。")
    (d,) = propose(text).drafts
    assert d.lead.written == "县民政局" and [r.written for r in d.cooperating] == ["县发改局"]
    assert "加快工作节奏" in d.title


def test_a_speaker_on_the_next_work_and_an_item_asking_without_yao():
    text = ("听取汇报后，县长刘国庆就做好下一步工作，强调了具体意见。一是要推进扬尘污染治理工作；"
            "二是认真部署土地确权等项工作。同时，要认真抓好三夏生产、西蔡河治理工作；三是要推进县城电网改造工作。")
    drafts = propose(text, issued_on=date(2019, 5, 14)).drafts
    assert [d.title for d in drafts] == ["推进扬尘污染治理工作", "认真部署土地确权等项工作",
                                         "认真抓好三夏生产、西蔡河治理工作", "推进县城电网改造工作"]
    assert {d.leader for d in drafts} == {"刘国庆"}


def test_when_the_paper_the_work_makes_is_due():
    text = ("一、报送整改方案。各有关地区和部门要针对存在的问题，认真分析原因，并逐一制定整改方案。"
            "整改方案请于2015年8月15日前报国务院。\n"
            "二、报告整改结果。各有关地区和部门要认真按照整改方案明确的目标和时限完成整改任务，"
            "整改报告请于2015年12月31日前报国务院。")
    plan, result = propose(text).drafts
    assert plan.title.startswith("针对存在的问题") and plan.deadline.day == date(2015, 8, 15)
    assert result.title == "认真按照整改方案明确的目标和时限完成整改任务" and result.deadline.day == date(2015, 12, 31)
    assert not plan.lead and not result.lead


def test_a_paper_another_group_did_not_make_is_a_task_of_its_own():
    text = ("各牵头单位要建立任务清单和责任清单，细化工作举措。"
            "各牵头单位的具体推进实施方案务于2021年2月3日前报送市政府。")
    listing, plan = propose(text).drafts
    assert listing.deadline is None and plan.deadline.day == date(2021, 2, 3)


def test_a_modifier_ending_its_sentence_is_the_work():
    text = "会议要求，要加强责任监管，对相关责任人、责任单位、建设任务等内容以公示牌形式向社会公示；要加大森林防火工作力度。"
    first, fire = propose(text).drafts
    assert "以公示牌形式向社会公示" in first.title and fire.title == "加大森林防火工作力度"


def test_labels_with_a_semicolon_for_the_colon_and_the_lead_units_as_a_collective():
    text = ("一、重点督办事项\n1.实施改厨、改厕、改圈等工程。（责任单位；住建局、畜牧局、各乡镇场）\n"
            "二、工作要求\n特别是牵头单位要统筹相关责任单位制定细化方案，明确工作目标。")
    toilets, plans = propose(text).drafts
    assert toilets.lead.written == "住建局" and [r.written for r in toilets.cooperating] == ["畜牧局"]
    assert toilets.all_townships
    assert plans.lead is None and "牵头单位" in plans.collective


def test_a_document_checked_against_is_a_frame_not_work():
    text = ("赵东红要求，要强化工作举措，抓紧查漏补缺，对照《张家川县贯彻落实中央环境保护督察反馈意见整改方案》和清单，"
            "加快工作进度，抓紧回头自查，完善资料台账。")
    draft, = propose(text).drafts
    assert "《" not in draft.title and "加快工作进度" in draft.title


def test_a_principle_in_quotes_is_left_out_of_the_title():
    text = ("会议强调，自然资源和规划局要发挥牵头作用，各乡镇要落实属地管理责任，坚持“以拆为主、以补为辅，拆补结合、分类整改”的原则，"
            "分类研究制定措施，尽快消除违法状态。")
    draft, = propose(text).drafts
    assert "原则" not in draft.title and "分类研究制定措施" in draft.title
    assert draft.lead.written == "自然资源和规划局" and draft.all_townships


def test_generic_work_words_are_no_task():
    text = ("陈时彪要求，要加强工作领导，理顺工作机制，改进工作作风，强化工作督查，确保全县交通运输工作任务圆满完成。"
            "会议强调，在有限的工作时效内，靠实责任、倒排工期，确保按期完成各项工作任务。")
    assert propose(text).drafts == []


def test_a_safety_speech_read_at_its_subjects_and_steps():
    text = ("李丽莉在讲话中要求，各乡（镇、街道）要在统筹做好经济社会发展等工作的同时，抓实安全生产和消防风险防范工作，"
            "深入排查治理隐患。要迅速开展排查治理，立即组织开展本行业、本领域的安全生产及消防工作大检查活动，"
            "对重点环节、重点部位、关键设备要建立台账，对发现的安全隐患要明确责任，限时整改到位。"
            "各级各部门要针对重点区域和重点时段安全生产工作特点，抓好安全教育培训，加强应急物资储备工作。"
            "安委会督导组要深入基层，迅速开展督导检查工作，督促各相关部门迅速做好安全薄弱环节、场所的安全防范工作。\n"
            "会上，应急管理局、消防大队通报了安全生产情况，县卫健委安排医疗领域安全生产工作。")
    townships, checks, training, inspection = propose(text).drafts
    assert townships.all_townships and townships.title.startswith("抓实安全生产")
    assert "建立台账" in checks.sentence and "对重点环节" not in checks.title
    assert training.title.startswith("针对重点区域") and "抓好安全教育培训" in training.title
    assert inspection.lead.written == "安委会督导组" and "督促各相关部门" in inspection.title
    assert {d.leader for d in (townships, checks, training, inspection)} == {"李丽莉"}


def test_sentences_after_huiyi_yaoqiu_ask_even_without_yao():
    text = ("会议要求，要深刻认识会议的重要意义。要组织全体职工深刻领会讲话的丰富内涵，全面把握精神实质，准确把握形势。"
            "继续加快推进S107道路建设工程建设进度，安排专人进行现场管理；加快办理国道344过境段道路项目前期的各项审批手续。（陈李）\n"
            "现就需要整改的事项提出以下要求。")
    roads, permits = propose(text).drafts
    assert roads.title.startswith("继续加快推进S107道路建设工程") and permits.title.startswith("加快办理国道344")


# --------------------------------------------------------------------------- round 5 (corpus 64–77)
def test_the_work_first_then_its_leader_and_unit():
    text = ("会议决定：九重区域环境整治由王光玲牵头，九重镇落实；干渠绿化、陶岔外环线绿化由顾理牵头，林业局落实；"
            "两场建设由辛泽涛牵头，住建局落实，香花、九重污水处理厂由住建局派驻专人指导督导；"
            "督导组负责每天向市里报送陶岔风情小镇进度。")
    area, green, works, plants, report = propose(text).drafts
    assert (area.title, area.leader, [r.written for r in area.territorial], area.lead) == ("九重区域环境整治", "王光玲", ["九重镇"], None)
    assert (green.title, green.leader, green.lead.written) == ("干渠绿化、陶岔外环线绿化", "顾理", "林业局")
    assert (works.title, works.leader, works.lead.written) == ("两场建设", "辛泽涛", "住建局")
    assert plants.lead.written == "住建局" and plants.leader is None and "派驻专人指导督导" in plants.title
    assert report.lead.written == "督导组" and report.title.startswith("每天向市里报送")


@pytest.mark.parametrize("text, leader", [
    ("就做好今年自然资源和规划工作，张守锐要求，各级各部门要加快编制国土空间总体规划。", "张守锐"),
    ("在听取了农村乱占耕地建房清理整治和国土空间规划编制工作情况汇报后，陈栋强调，要制定路线图，挂图作战。", "陈栋"),
    ("张秀萍对相关工作取得的进展表示肯定，她说，相关责任部门要加快推动项目立项、入库等工作。", "张秀萍"),
    ("副县长周虎光就推进我县沟渠疏浚行动做了全面安排和部署，他指出，要加大宣传和督查力度。", "周虎光"),
    ("会议还对全县耕地流出图斑整改工作进行了安排调度。在听取各镇的情况汇报后，张秀萍强调，要加强实地督导。", "张秀萍"),
])
def test_speakers_after_a_topic_a_pronoun_or_in_a_later_sentence(text, leader):
    (draft,) = propose(text).drafts
    assert draft.leader == leader


def test_a_yao_list_over_paragraphs_with_headings_and_unnamed_leaders():
    text = ("就进一步做好全县“三区三线”划定工作，高巍强调，一要提高政治站位。各级各部门要认真贯彻落实中央决策部署和省、市工作安排。\n"
            "二要强化时间概念。由相关县领导牵头，县自然资源和规划局负责，住建局、发改局等其他相关单位加强配合协调，"
            "抽调业务骨干，成立工作专班。\n"
            "三要加强对上沟通。相关部门要加强与省、市有关部门的沟通对接，主动对接、积极上报。")
    (team, contact) = propose(text).drafts
    assert team.title == "抽调业务骨干，成立工作专班" and team.lead.written == "县自然资源和规划局"
    assert [r.written for r in team.cooperating] == ["住建局", "发改局"]
    assert contact.title.startswith("加强与省、市有关部门的沟通对接")
    assert {team.leader, contact.leader} == {"高巍"}


def test_the_parts_of_a_semicolon_list_are_not_split_into_actions():
    text = ("张守锐要求，各级各部门要坚决遏制耕地“非农化”，强化永久基本农田特殊保护，严格耕地占补平衡管理，牢牢守住资源保护底线；"
            "要加快编制国土空间总体规划，全力做好土地要素保障，推进新增耕地和增减挂项目，精准提升服务发展水平；"
            "要扎实做好不动产登记工作，切实加强地质灾害防治，着力办好自然资源民生实事。")
    assert [d.title[:8] for d in propose(text).drafts] == ["坚决遏制耕地“非", "加快编制国土空间", "扎实做好不动产登"]


def test_slogans_behind_adverbs_headings_and_frames_are_no_task():
    text = ("张守锐强调，全县党员领导干部要强化担当，切实提升凝聚力和战斗力，进一步压实工作责任、强化协调配合、提升工作能力，"
            "攻坚克难，苦干实干。\n"
            "李会良强调，要加强督导检查。严格落实汛期值班、带班制度，严守防汛纪律。\n"
            "督查组实地督查、现场交办问题，同时要求，一要紧扣测评体系，迅速整改问题；二要加大宣传力度，积极动员全社会共同参与。")
    assert [d.title for d in propose(text).drafts] == [
        "严格落实汛期值班、带班制度，严守防汛纪律", "紧扣测评体系，迅速整改问题", "加大宣传力度，积极动员全社会共同参与"]


def test_a_notice_to_the_townships_with_a_monthly_report():
    text = ("请各乡镇人民政府抓住时机，与群众、施工方多方合力，务必在规定建设期限前完成林区公路项目建设。\n"
            "请各乡镇人民政府于每月28日（本次报送于5月29日）之前将2017年林区公路建设进度表（附件）报送至县林业局。")
    build, report = propose(text, issued_on=date(2017, 5, 20)).drafts
    assert build.all_townships and build.title.startswith("在规定建设期限前完成")
    assert report.all_townships and report.deadline.recurrence_day == 28 and report.title.startswith("将2017年林区公路")


def test_requirements_after_huiyi_yaoqiu_mid_paragraph_name_their_doers():
    text = ("1月15日上午，澧南镇召开秸秆禁烧工作调度会。会上，副镇长张力传达了县秸秆禁烧调度会精神。"
            "会议要求，镇秸秆禁烧巡查队、镇村两级包保干部严格按照《澧南镇农作物秸秆禁烧工作方案》执行24小时值班巡查；"
            "各村（社区）提前掌握属地内秸秆存量，做好秸秆粉碎还田、资源回收等工作。")
    patrol, villages = propose(text).drafts
    assert patrol.lead.written == "镇秸秆禁烧巡查队" and patrol.title.startswith("严格按照《澧南镇")
    assert [r.written for r in villages.territorial] == ["各村（社区）"] and villages.lead is None


def test_no_marker_inside_quotes_and_names_with_ying():
    text = ("会议要求，一要紧盯烟花爆竹领域。严格落实“五个严禁、三个务必”硬措施，紧盯不放。二要紧盯非煤矿山领域。深入开展隐患排查整治。\n"
            "会议明确，县水利局牵头，县应急局、县自然资源局配合，组织开展防汛应急演练。")
    fireworks, mines, drill = propose(text).drafts
    assert fireworks.title.startswith("严格落实“五个严禁、三个务必”硬措施") and mines.title == "深入开展隐患排查整治"
    assert drill.lead.written == "县水利局" and [r.written for r in drill.cooperating] == ["县应急局", "县自然资源局"]


def test_study_slogans_and_loyalty_clauses_are_no_task():
    text = ("会议指出，要认真学习贯彻党的二十大精神，深入开展“学习贯彻习近平新时代中国特色社会主义思想”主题教育，坚持以学促干。"
            "各县区、各部门要坚持以习近平新时代中国特色社会主义思想为指导，认真落实党中央、国务院决策部署和省委、省政府工作要求。"
            "各参与单位要主动作为，积极配合，履职尽责。")
    assert propose(text).drafts == []


def test_three_short_actions_are_one_measure_four_are_a_list():
    three = "王奋彦要求，要紧盯实现全面小康，大力发展特色产业，积极创新运营机制，多方增加农民收入，全力加快脱贫攻坚步伐。"
    assert len(propose(three).drafts) == 1
    four = "李亦博强调，要全面实施源头治理，集中精力开展督促检查，清理整顿环保违法违规建设项目，严肃查处违法排污行为。"
    assert len(propose(four).drafts) == 4


def test_knowing_why_and_doing_everything_are_no_task():
    text = ("会议强调，一要清醒认识做好岁末年初安全防范工作的重要性、必要性、复杂性，推动各项安全防范措施落地见效。"
            "二要加强重点领域、重点场所的安全监督管理。\n章寿禹指出，接下来，要全力抓好各项工作落实。")
    assert [d.title for d in propose(text).drafts] == ["加强重点领域、重点场所的安全监督管理"]

"""Round 7 of issue 20: who leads and who works with whom — '会同' names partners, a brigade of a
bureau is the unit, '要保障…' after a named subject is its work, a topic ('关于…问题。') titles a
task only when the requirement is not asked in words, and '由X组织实施' after a decision names who
carries it out."""

from wuyang_tasks.imports.minutes import propose


def _by(p, words):
    found = [d for d in p.drafts if words in d.title]
    assert found, f"no draft with “{words}” in {[d.title for d in p.drafts]}"
    return found[0]


def test_a_partner_after_hui_tong_and_a_brigade_of_a_bureau():
    p = propose("一、关于城区停车难问题。会议要求，县公安局交警大队要会同县住建局，尽快制定停车场建设方案。\n")
    draft = _by(p, "停车场建设方案")
    assert draft.title == "尽快制定停车场建设方案"
    assert draft.lead.written == "县公安局交警大队"
    assert [r.written for r in draft.cooperating] == ["县住建局"]


def test_a_named_subjects_own_work_after_yao_bao_zhang():
    p = propose("会议要求，县城投公司要抓紧推进棚户区改造项目，县供电公司要保障施工用电。\n")
    assert _by(p, "施工用电").lead.written == "县供电公司"


def test_who_carries_out_a_decision():
    p = propose("二、关于供水管网改造。会议同意县水务局提出的改造方案，由县水务局组织实施，县财政局保障资金。\n")
    assert len(p.drafts) == 1
    assert p.drafts[0].lead.written == "县水务局"
    assert p.drafts[0].title == "供水管网改造"


def test_a_phases_addressees_own_its_sentences_without_a_subject():
    text = ("㈠ 动员部署阶段（4月-5月中旬）。\n"
            "各县（市、口岸）环保专项行动领导小组要结合实际情况，制定具体实施方案，完成专项行动的动员部署工作。"
            "动员部署情况和实施方案于2011年5月20日前报州环保专项行动领导小组办公室（州环保局）。\n")
    p = propose(text)
    draft = _by(p, "动员部署情况和实施方案")
    assert [r.written for r in draft.territorial] == ["各县（市、口岸）"]
    speech = propose("会议强调，各乡镇要加强秸秆禁烧巡查。严格落实24小时值班制度。\n")
    assert not _by(speech, "值班制度").all_townships  # a meeting's requirements name their own doers


def test_named_cities_of_a_provincial_plan_are_territorial():
    text = ("三、具体措施\n（一）强化规划指导。\n"
            "1.制定实施空气质量达标规划。武汉市、宜昌市、襄阳市、荆州市应在2014年6月底前制定并印发实施。\n")
    draft = _by(propose(text), "达标规划")
    assert [r.written for r in draft.territorial] == ["武汉市", "宜昌市", "襄阳市", "荆州市"]
    assert draft.lead is None

"""Round 7 of issue 20: who leads and who works with whom — '会同' names partners, a brigade of a
bureau is the unit, '要保障…' after a named subject is its work, a topic ('关于…问题。') titles a
task only when the requirement is not asked in words, and '由X组织实施' after a decision names who
carries it out."""

from wuyang_tasks.imports.minutes import propose

from .drafts import draft_with


def test_a_partner_after_hui_tong_and_a_brigade_of_a_bureau():
    p = propose("一、关于城区停车难问题。会议要求，县公安局交警大队要会同县住建局，尽快制定停车场建设方案。\n")
    draft = draft_with(p, "停车场建设方案")
    assert draft.title == "尽快制定停车场建设方案"
    assert draft.lead.written == "县公安局交警大队"
    assert [r.written for r in draft.cooperating] == ["县住建局"]


def test_a_named_subjects_own_work_after_yao_bao_zhang():
    p = propose("会议要求，县城投公司要抓紧推进棚户区改造项目，县供电公司要保障施工用电。\n")
    assert draft_with(p, "施工用电").lead.written == "县供电公司"


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
    draft = draft_with(p, "动员部署情况和实施方案")
    assert [r.written for r in draft.territorial] == ["各县（市、口岸）"]
    speech = propose("会议强调，各乡镇要加强秸秆禁烧巡查。严格落实24小时值班制度。\n")
    assert not draft_with(speech, "值班制度").all_townships  # a meeting's requirements name their own doers


def test_named_cities_of_a_provincial_plan_are_territorial():
    text = ("三、具体措施\n（一）强化规划指导。\n"
            "1.制定实施空气质量达标规划。武汉市、宜昌市、襄阳市、荆州市应在2014年6月底前制定并印发实施。\n")
    draft = draft_with(propose(text), "达标规划")
    assert [r.written for r in draft.territorial] == ["武汉市", "宜昌市", "襄阳市", "荆州市"]
    assert draft.lead is None


def test_labels_after_an_items_heading_and_roles_written_without_brackets():
    text = ("发布日期：2023-03-02\n三、重点任务\n"
            "（一）开展河道清淤。责任单位：县水利局；配合单位：县财政局；完成时限：2023年10月底\n"
            "（二）整治农村黑臭水体。县生态环境分局为牵头单位，县农业农村局为配合单位，年底前完成。\n")
    p = propose(text)
    dredging, water = draft_with(p, "河道清淤"), draft_with(p, "黑臭水体")
    assert (dredging.lead.written, [r.written for r in dredging.cooperating]) == ("县水利局", ["县财政局"])
    assert str(dredging.deadline.day) == "2023-10-31"
    assert (water.lead.written, [r.written for r in water.cooperating]) == ("县生态环境分局", ["县农业农村局"])


def test_roles_and_a_due_date_in_the_clauses_around_the_work():
    text = ("发布日期：2023-03-02\n"
            "会议要求，县教育局牵头负责校园安全整治，县公安局、县市场监管局积极配合，务必于9月1日前完成。\n"
            "由县交通运输局负责，会同县住建局，在11月底前完成国道沿线环境整治。\n"
            "县卫健委牵头，各乡镇卫生院具体实施，10月31日前完成适龄人群疫苗接种。\n")
    p = propose(text)
    assert str(draft_with(p, "校园安全整治").deadline.day) == "2023-09-01"
    road = draft_with(p, "国道沿线环境整治")
    assert (road.title, road.lead.written, [r.written for r in road.cooperating]) == (
        "完成国道沿线环境整治", "县交通运输局", ["县住建局"])
    vaccines = draft_with(p, "疫苗接种")
    assert (vaccines.title, vaccines.lead.written, vaccines.all_townships) == ("完成适龄人群疫苗接种", "县卫健委", True)

"""Round 8 of issue 20: where a title starts and ends, and which sentences are no task. Patterns
from the development documents (71, 85, 86, 104, …); each test fails on the round 7 reader."""

from wuyang_tasks.imports.minutes import propose


def _titles(text):
    return [d.title for d in propose(text).drafts]


def test_a_short_frame_of_the_works_own_material_opens_the_title():
    titles = _titles("会议要求，要对照筹备方案，深入现场点逐个逐项进行督导，及时提出整改意见。\n")
    assert titles and titles[0].startswith("对照筹备方案，深入现场点")
    titles = _titles("李晓东强调，各乡镇要结合本县新冠肺炎疫情形势，从严抓好疫情防控工作。\n")
    assert titles and titles[0].startswith("结合本县新冠肺炎疫情形势，从严抓好疫情防控工作")


def test_a_frame_of_authorities_or_of_local_conditions_stays_out():
    titles = _titles("会议要求，各乡镇要严格按照县委、县政府决策部署和要求，抓住当前施工的有利时机，加快工程进度。\n")
    assert titles and titles[0].startswith("抓住当前施工的有利时机")
    titles = _titles("会议要求，各乡镇要结合实际情况，确定本辖区整治工作重点，制定具体实施方案。\n")
    assert titles and titles[0].startswith("确定本辖区整治工作重点")


def test_a_speaker_asking_a_unit_inside_a_sentence_is_not_the_title():
    p = propose("会议要求，县住建局要加快施工进度。李晶要求设计院加快整改，确保月底前完工。\n")
    draft = next(d for d in p.drafts if "整改" in d.title)
    assert draft.title == "加快整改，确保月底前完工"
    assert draft.lead.written == "设计院"
    assert draft.leader == "李晶"
    p = propose("李晶要求县住建局加快整改。\n")
    assert [(d.title, d.lead.written, d.leader) for d in p.drafts] == [("加快整改", "县住建局", "李晶")]


def test_duties_principles_attitudes_and_aims_are_no_task():
    text = ("会议指出，要从讲政治的高度，坚决扛牢责任，要真认账、真反思，做到反馈问题调查分析到位、个性问题查纠到位，"
            "全力推动整改取得实实在在的效果。\n"
            "会议要求，党组书记严格履行第一责任人责任，对巡察整改负首责、负总责。"
            "要坚持“当下改”与“长久立”相结合，完善制度机制，堵塞管理漏洞。\n")
    assert _titles(text) == ["完善制度机制，堵塞管理漏洞"]


def test_attitude_pairs_and_following_a_spirit_are_slogans():
    titles = _titles("梁庆民强调，办公室要对报告进行认真核对。当前面临的问题和困难，要不回避、不畏惧，"
                     "2018年的工作内容要紧跟党的十九大精神，与省市发展战略相符，措施具体，任务明确。\n")
    assert titles == ["对报告进行认真核对"]


def test_what_a_text_says_a_thing_is_is_no_task():
    titles = _titles("路国云要求各乡镇各部门充分认识到，开展以交出高质量发展优异答卷为主题的“争一流、当冠军”活动，"
                     "是使命所系、群众所盼。要定立工作目标，健全工作机制。\n")
    assert titles == ["定立工作目标，健全工作机制"]


def test_what_others_did_and_a_duty_do_not_open_the_title():
    titles = _titles("梁庆民指出，各部门对《政府工作报告（讨论稿）》提出了很好的意见和建议，县政府办公室要认真梳理、尽量采纳，"
                     "抓紧修改完善。\n")
    assert titles == ["认真梳理、尽量采纳，抓紧修改完善"]
    titles = _titles("会议要求，要压实整改责任。其他班子成员认真落实“一岗双责”，按照责任分工研究整改措施，切实落实分管领域整改任务。\n")
    assert titles == ["按照责任分工研究整改措施，切实落实分管领域整改任务"]


def test_he_stresses_after_a_named_speech_is_the_speaker_not_the_title():
    p = propose("县长李建富在会上讲话。他强调各乡镇、各部门在制定工作谋划时首先要明确工作方向，清晰工作思路。\n")
    assert [(d.title, d.leader) for d in p.drafts] == [("在制定工作谋划时首先明确工作方向，清晰工作思路", "李建富")]


def test_how_a_breakdown_is_to_be_run_is_no_task():
    text = ("县政府分线领导要站在全局高度，对牵头负责的政府重点工作任务进行科学协调，定时调度，确保推进有力有效。"
            "各牵头领导、责任单位要高度重视，认真研究推进措施，全面落实推进责任，确保各项目标任务不折不扣完成。"
            "各牵头县领导要按照工作分工，靠前指挥，强化统筹调度，强化督促检查，及时研究解决问题。"
            "县直各部门要加大指导和协调力度，及时帮助解决工作推进中的困难和问题。"
            "各责任单位要于3月10日前制定具体实施方案报县政府督查室备案。\n")
    assert _titles(text) == ["制定具体实施方案报县政府督查室备案"]

"""Round 6 of issue 20: a plan's 时间安排 by phase, the lower governments of a higher-level plan,
a 征求意见 request, a speaker's colon before his 一是 lists and a speaker's dash before 一要
paragraphs, a term stated before, two dated reports in one sentence, what a meeting asks after what
it studied, slogans of resolve (sentences of the development documents 43, 67, 79, 80, 82, 83, 85, 86
in benchmarks/intake_corpus)."""

from datetime import date

from wuyang_tasks.imports.minutes import propose

from .drafts import draft_with

PHASES = (
    "㈠ 动员部署阶段（4月-5月中旬）。\n"
    "各县（市、口岸）环保专项行动领导小组要结合实际情况，确定本辖区整治工作重点，制定具体实施方案，完成专项行动的动员部署工作。\n"
    "㈡ 全面排查和集中整治阶段（5月下旬-8月）。\n"
    "各县（市、口岸）环保专项行动领导小组要按照自治州环保专项行动的总体部署，认真组织有关部门对重金属排放企业存在的环境违法问题"
    "进行集中检查和整治，严肃查处一批典型违法案件。\n"
    "㈢ 督查阶段（9月）。\n"
    "自治州专项行动领导小组将对全州专项行动工作开展情况进行督查。\n")


def _territorial(draft):
    return [r.written for r in draft.territorial]


def test_the_work_of_a_phase_is_due_at_the_phase_end():
    p = propose(PHASES, issued_on=date(2011, 4, 1))
    assert draft_with(p, "集中检查和整治").deadline.day == date(2011, 8, 31)
    assert draft_with(p, "开展情况进行督查").deadline.day == date(2011, 9, 30)
    assert draft_with(p, "制定具体实施方案").deadline.day == date(2011, 5, 20)


def test_a_phase_heading_is_no_task_and_a_deadline_of_its_own_wins():
    text = PHASES + "各县（市、口岸）要于10月20日前将工作总结报自治州专项行动领导小组办公室。\n"
    p = propose("㈣ 总结阶段（10月）。\n" + text.split("\n", 6)[-1], issued_on=date(2011, 4, 1))
    assert draft_with(p, "工作总结").deadline.day == date(2011, 10, 20)
    assert not [d for d in propose(PHASES, issued_on=date(2011, 4, 1)).drafts if "阶段" in d.title]


def test_the_lower_governments_of_a_higher_plan_are_territorial_not_part_of_the_title():
    p = propose(PHASES, issued_on=date(2011, 4, 1))
    draft = draft_with(p, "制定具体实施方案")
    assert draft.title.startswith("确定本辖区整治工作重点")
    assert _territorial(draft) == ["各县（市、口岸）"]
    assert draft.lead is None
    assert "结合实际情况" not in draft.title


def test_a_request_to_send_comments_back_by_a_date_is_a_task():
    text = ("关于公开征求《湖州市出租汽车客运管理办法》（修订征求意见稿）意见的通知\n"
            "为进一步规范湖州出租汽车管理，我局研究起草了《湖州市出租汽车客运管理办法》（修订征求意见稿），"
            "现向全社会公开征求意见，请将意见于7月26日前反馈至市公路与运输管理中心。逾期未反馈，视为无意见。\n")
    p = propose(text, issued_on=date(2021, 7, 15))
    draft = draft_with(p, "反馈至市公路与运输管理中心")
    assert draft.deadline.day == date(2021, 7, 26)
    assert len(p.drafts) == 1


def test_a_speakers_colon_before_his_list_is_no_task_and_a_second_list_stands_apart():
    text = ("最后，县委书记陆晓延要求相关部门、乡镇：一是进一步统一思想，提高认识；二是明确任务，认真做好设施农业、秸秆禁烧、"
            "基础服务、技术指导等各项工作；三是加强领导，夯实责任，严格奖惩，使我县三秋工作顺利开展。同时，县委书记陆晓延对当前我县"
            "重点工作进行了强调：一是加强安全生产监督检查，提高对次生地质灾害的预警预防；二是加快推进我县各项重点工程；"
            "三是扎实做好维稳信访工作，维护好我县社会和谐稳定的良好局面；四是各镇要认真做好村两委会班子换届准备工作。\n")
    p = propose(text, issued_on=date(2011, 9, 21))
    titles = [d.title for d in p.drafts]
    assert not [t for t in titles if "要求相关部门" in t or "严格奖惩" in t], titles
    for words in ("认真做好设施农业", "加强安全生产监督检查", "加快推进我县各项重点工程", "扎实做好维稳信访工作", "村两委会班子换届"):
        assert draft_with(p, words).leader == "陆晓延"


def test_a_speaker_before_a_dash_owns_the_yi_yao_paragraphs_that_follow():
    text = ("5月24日，县委副书记、县长许锋主持召开全市粮食安全现场会筹备工作部署会。\n"
            "许锋强调——\n"
            "一要提高思想认识，要充分认识此次现场会放在古田召开的重要意义。\n"
            "二要紧抓责任落实，各相关部门和沿线乡镇要严格按照时间节点和任务分工，全力以赴加快活动安排、现场点建设等各项筹备工作。\n"
            "三要加强协作配合，筹备组要对照筹备方案，深入现场点逐个逐项进行督导，及时提出整改意见。\n")
    p = propose(text, issued_on=date(2023, 5, 24))
    assert draft_with(p, "加快活动安排").leader == "许锋"
    supervision = draft_with(p, "深入现场点")
    assert supervision.leader == "许锋"
    assert supervision.lead is not None and supervision.lead.written == "筹备组"
    assert not [d for d in p.drafts if "重要意义" in d.title]


def test_a_phase_heading_on_the_line_of_its_work():
    text = ("（一）动员部署阶段（4月-5月中旬） 各县（市、口岸）环保专项行动领导小组要确定本辖区整治工作重点，制定具体实施方案。\n"
            "（二）督查阶段（9月） 自治州专项行动领导小组将对全州专项行动工作开展情况进行督查。\n")
    p = propose(text, issued_on=date(2011, 4, 1))
    assert draft_with(p, "制定具体实施方案").deadline.day == date(2011, 5, 20)
    assert draft_with(p, "专项行动工作开展情况进行督查").deadline.day == date(2011, 9, 30)


def test_before_the_set_term_is_the_deadline_stated_before():
    text = ("按照我县2017年脱贫攻坚的总体部署，本年度林区公路项目要求在8月底前全部完工。请各乡镇人民政府抓住时机，"
            "与群众、施工方多方合力，务必在规定建设期限前完成林区公路项目建设。\n")
    p = propose(text, issued_on=date(2017, 5, 10))
    assert draft_with(p, "完成林区公路项目建设").deadline.day == date(2017, 8, 31)


def test_a_subject_before_its_circumstance_owns_the_work_after_yao():
    text = ("会议强调，一是思想上务必高度重视。各乡镇要坚决落实最严格的耕地保护制度。二是严防发生新增问题。各乡镇在做好存量违法用地整改的同时，"
            "要进一步健全自然资源执法监管机制，加大日常监管力度，坚决控制新增违法占地行为发生。\n")
    p = propose(text, issued_on=date(2024, 3, 1))
    assert draft_with(p, "健全自然资源执法监管机制").all_townships


def test_a_second_dated_report_in_one_sentence_is_a_task_of_its_own():
    text = ("各县（市、口岸）要分别在每月10日、20日前将专项行动进展情况报自治州环保专项行动领导小组办公室，分别在2011年6月10日、8月10日前"
            "将重金属排放企业整治情况和对生态环境影响较大的建设项目专项检查情况报自治州专项行动领导小组办公室。\n")
    p = propose(text, issued_on=date(2011, 4, 1))
    assert draft_with(p, "进展情况报").deadline.recurrence_day == 10
    second = draft_with(p, "重金属排放企业整治情况")
    assert second.title.startswith("将重金属排放企业整治情况")
    assert second.deadline.day == date(2011, 6, 10)
    assert [r.written for r in second.territorial] == ["各县（市、口岸）"]


def test_resolve_and_coordination_slogans_are_no_task():
    text = ("会议要求，要高质高效统筹推进各项工作；要强化执法、强力整治，严格考核、严厉问责；要坚决完成环保督查问题整改任务；"
            "要摸清镇域资源底数，建立资源台账。\n")
    p = propose(text, issued_on=date(2023, 5, 30))
    assert [d.title for d in p.drafts] == ["摸清镇域资源底数，建立资源台账"]


def test_what_the_meeting_asks_after_reporting_what_it_studied_is_required():
    text = ("3月21日，县长吴海宏主持召开县政府党组会议。\n"
            "会议传达学习了全国“两会”精神。会议要求，要认真对标对表全国“两会”精神、学习报告原文，在深刻领会的基础上，狠抓工作落实。\n"
            "会议学习了统计相关知识，要求深入学习习近平总书记关于统计工作重要讲话指示批示精神和《中华人民共和国统计法》等法律法规，"
            "高度重视统计工作，坚决防范和惩治统计造假、弄虚作假行为。\n")
    p = propose(text, issued_on=date(2022, 3, 21))
    assert [d.title for d in p.drafts] == ["坚决防范和惩治统计造假、弄虚作假行为"]


def test_a_request_to_send_back_names_its_recipient_with_or_without_zhi():
    p = propose("请将修改意见于7月26日前反馈市公路与运输管理中心。\n", issued_on=date(2021, 7, 15))
    assert draft_with(p, "修改意见反馈市公路与运输管理中心").deadline.day == date(2021, 7, 26)
    assert not propose("请将工作总结报告认真修改完善。\n", issued_on=date(2021, 7, 15)).drafts

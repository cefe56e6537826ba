"""Round 7 of issue 20: the document's year and the deadlines of running text and notes — a year the
text looks back from is not the document's, a range's first year is, a year heading ('2020年任务：')
dates the clauses after it, '完成时限：' inside a responsibility note, a date right before the finishing
verb ('力争10月底全面完成'), '一周内' and '本月底前'; and a requirement with its own date is a task,
not the heading of the next one."""

from datetime import date

from wuyang_tasks.imports.deadlines import deadline_in_sentence
from wuyang_tasks.imports.minutes import propose

from .drafts import draft_with


def test_a_year_the_text_looks_back_from_is_not_the_documents():
    text = ("2003年以来，我州环保工作取得明显成效，但问题依然突出。\n"
            "（一）动员部署阶段（4月）。各县要制定具体实施方案，于4月20日前报州环保局。\n"
            "（二）总结阶段（10月）。各县要按照《2005年环保专项行动工作方案》要求完成工作总结。\n")
    p = propose(text)
    assert p.year == 2005
    assert draft_with(p, "制定具体实施方案").deadline.day == date(2005, 4, 20)


def test_a_plans_span_gives_its_first_year():
    p = propose("西安市城乡融合发展三年（2019—2021年）行动方案\n各区县要于6月底前完成村庄分类工作。\n")
    assert p.year == 2019
    assert draft_with(p, "村庄分类").deadline.day == date(2019, 6, 30)


def test_a_year_heading_dates_the_clauses_after_it():
    text = ("市资源规划局要抓好村庄规划工作。2019年任务：一是完成村庄分类工作；二是对已编制完成的村庄规划进行评估。"
            "2020年任务：一是要在4月底前完成村庄规划评估工作；二是要在10月底前完成规划编制任务。\n")
    p = propose(text, issued_on=date(2019, 3, 1))
    assert draft_with(p, "村庄规划评估工作").deadline.day == date(2020, 4, 30)
    assert draft_with(p, "规划编制任务").deadline.day == date(2020, 10, 31)
    assert not [d for d in p.drafts if d.title == "2019年任务"]


def test_the_deadline_of_a_responsibility_note():
    text = ("某县2023年重点工作任务\n"
            "一、重点任务\n"
            "（一）推进老旧小区改造。完成12个老旧小区改造。（牵头单位：县住建局；责任单位：各乡镇；完成时限：2023年6月底前）\n"
            "（二）优化营商环境。（牵头单位：县政务服务中心；完成时限：长期坚持）\n")
    p = propose(text)
    draft = draft_with(p, "老旧小区改造")
    assert draft.lead.written == "县住建局"
    assert draft.deadline.day == date(2023, 6, 30)
    assert draft_with(p, "优化营商环境").deadline.ongoing


def test_a_date_before_the_finishing_verb_is_a_deadline():
    assert deadline_in_sentence("力争10月底全面完成改厕任务", 2023).day == date(2023, 10, 31)
    assert deadline_in_sentence("确保9月30日建成投用", 2023).day == date(2023, 9, 30)
    assert deadline_in_sentence("9月底召开推进会", 2023) is None


def test_a_week_and_this_month():
    assert deadline_in_sentence("县林业局要在一周内拿出方案", 2023).days == 7
    assert deadline_in_sentence("两周内整改到位", 2023).days == 14
    assert deadline_in_sentence("要于本月底前完成摸排", 2023, doc_date=date(2023, 3, 2)).day == date(2023, 3, 31)
    assert deadline_in_sentence("要于本月底前完成摸排", 2023) is None  # no document date, no month


def test_a_dated_completion_is_a_task_and_heads_nothing():
    text = ("关于开展农村人居环境整治的通知\n发布日期：2023-03-02\n"
            "各乡镇要在10月底前全面完成改厕任务。县林业局要在一周内拿出方案，各乡镇要于本月底前完成摸排。\n")
    p = propose(text)
    assert draft_with(p, "改厕任务").deadline.day == date(2023, 10, 31)
    assert draft_with(p, "拿出方案").title == "拿出方案"
    assert draft_with(p, "完成摸排").deadline.day == date(2023, 3, 31)


def test_the_end_of_a_period_and_a_stated_term():
    assert deadline_in_sentence("6月1日至9月30日开展集中整治", 2023).day == date(2023, 9, 30)
    assert deadline_in_sentence("即日起至12月31日开展专项行动", 2023).day == date(2023, 12, 31)
    assert deadline_in_sentence("5月至9月开展河道巡查", 2023).day == date(2023, 9, 30)
    assert deadline_in_sentence("整改时限为2023年6月30日", 2022).day == date(2023, 6, 30)
    assert deadline_in_sentence("1-6月完成投资5亿元", 2023) is None  # a reporting span, not a term


def test_the_items_of_a_dated_lead_in_are_due_then():
    text = ("发布日期：2023-03-02\n"
            "会议要求，各乡镇要在6月底前完成以下工作：一是全面排查辖区内危房；二是建立整改台账；三是落实包保责任人。\n")
    p = propose(text)
    assert [d.deadline.day for d in p.drafts] == [date(2023, 6, 30)] * 3
    assert not [d for d in p.drafts if "以下工作" in d.title]


def test_a_step_with_its_period_in_brackets_is_due_at_its_end():
    text = ("发布日期：2023-03-02\n一、工作步骤\n"
            "（一）排查摸底（3月15日—4月30日）。各乡镇要对辖区内自建房逐栋开展排查，建立台账。\n"
            "（二）集中整治（5月—9月）。县住建局要组织对排查出的隐患逐一整改销号。\n"
            "（三）总结验收（10月底前）。县住建局要会同各乡镇开展验收。\n")
    p = propose(text)
    assert draft_with(p, "逐栋开展排查").deadline.day == date(2023, 4, 30)
    assert draft_with(p, "整改销号").deadline.day == date(2023, 9, 30)
    assert draft_with(p, "开展验收").deadline.day == date(2023, 10, 31)


def test_the_items_of_a_time_arrangement():
    text = ("发布日期：2023-03-02\n二、时间安排\n"
            "1.2023年4月底前，各乡镇完成摸底调查。\n"
            "2.2023年6月底前，县财政局完成资金拨付。\n")
    p = propose(text)
    survey, funds = draft_with(p, "摸底调查"), draft_with(p, "资金拨付")
    assert (survey.title, survey.deadline.day, survey.all_townships) == ("完成摸底调查", date(2023, 4, 30), True)
    assert (funds.title, funds.deadline.day, funds.lead.written) == ("完成资金拨付", date(2023, 6, 30), "县财政局")


def test_next_year_and_a_month_before_the_finishing_verb():
    assert deadline_in_sentence("明年3月底前完成", 2023).day == date(2024, 3, 31)
    assert deadline_in_sentence("力争明年底建成", 2023).day == date(2024, 12, 31)
    assert deadline_in_sentence("确保6月份完成", 2023).day == date(2023, 6, 30)
    assert deadline_in_sentence("要在年底前完成", 2023).day == date(2023, 12, 31)

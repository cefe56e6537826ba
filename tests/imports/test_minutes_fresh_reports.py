"""Round 7 of issue 20, from meeting reports and notices read outside the corpus (found with the search
tool, not annotated): slogans of arrangement and attitude, a committee's member units, schools as units,
the governments of 各镇, and a leader named after a long circumstance."""

from wuyang_tasks.imports.minutes import propose

from .drafts import draft_with, titles_of


def test_slogans_of_arrangement_and_attitude():
    text = ("申文霞指出，各级各部门要周密安排部署，精心组织实施。要高度重视疫情防控工作，进一步压实工作责任、细化工作举措、"
            "加大工作力度，全力以赴抓好各项疫情防控工作。全县各级各部门要责任上各负其责，措施上对症下药，配合上无缝对接。\n")
    assert titles_of(propose(text)) == ["全力以赴抓好各项疫情防控工作"]


def test_a_committees_member_units_and_the_governments_of_the_townships():
    p = propose("会议指出，县环委会成员单位要抓紧细化工作措施，整理资料台账。\n")
    draft = draft_with(p, "整理资料台账")
    assert draft.lead.written == "县环委会" and draft.title.startswith("抓紧细化")
    p = propose("各镇政府、县政府各有关部门要把落实农业重点工作任务作为当前农业工作的重中之重，建立主要领导全面抓的工作机制。\n")
    assert titles_of(p) == ["建立主要领导全面抓的工作机制"] and p.drafts[0].all_townships


def test_schools_are_units_and_a_leader_after_a_long_circumstance():
    text = ("葛金海要求，临泉一中、临泉四中要做好学校搬迁后师生生活和学习工作。要求县教育局和前进小学要紧盯项目建设。\n"
            "下午，葛金海一行到城关街道中心校实地调研。在了解了学校存在的困难和问题，实地查看城南小学后，葛金海要求县教育局要指导"
            "城关街道中心校抓紧制订辖区学校整合方案。\n")
    p = propose(text)
    moving = draft_with(p, "学校搬迁")
    assert (moving.lead.written, [r.written for r in moving.cooperating]) == ("临泉一中", ["临泉四中"])
    site = draft_with(p, "紧盯项目建设")
    assert site.title == "紧盯项目建设" and [r.written for r in site.cooperating] == ["前进小学"]
    assert draft_with(p, "整合方案").leader == "葛金海"


def test_policy_slogans_and_mechanisms_of_working_together():
    text = ("会议强调，要扎实做好“六稳”工作、全面落实“六保”任务。要探索创新体制机制。主要责任单位要建立协作机制，"
            "主动对接其他责任单位。各乡镇要强化服务，全面突破。要统筹推进重点工作、重点项目。县住建局要加快棚户区改造。\n")
    assert titles_of(propose(text)) == ["加快棚户区改造"]

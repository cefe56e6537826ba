"""A task table inside a text (issue 20, round 7): a 任务分解表 pasted with tabs or blanks between its
cells, or a web page's table with one cell a line, is read row by row like a ledger's — title, lead,
partners, townships and 完成时限 — and its lines are not read again as running text."""

from datetime import date

from wuyang_tasks.imports.minutes import propose
from wuyang_tasks.imports.text_table import read_tables

TABBED = ("2023年重点任务分解表\n"
          "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
          "1\t完成城区污水管网改造10公里\t县住建局\t县财政局、县自然资源局\t2023年10月底前\n"
          "2\t新建农村公路50公里\t县交通运输局\t各乡镇\t2023年12月底前\n"
          "3\t优化营商环境\t县政务服务中心\t县直各部门\t长期坚持\n")


def _facts(p):
    return [(d.title, d.lead.written if d.lead else None, [r.written for r in d.cooperating], d.all_townships,
             d.deadline.day if d.deadline and d.deadline.day else ("ongoing" if d.deadline and d.deadline.ongoing else None))
            for d in p.drafts]


def test_a_tabbed_table_is_read_row_by_row():
    assert _facts(propose(TABBED)) == [
        ("完成城区污水管网改造10公里", "县住建局", ["县财政局", "县自然资源局"], False, date(2023, 10, 31)),
        ("新建农村公路50公里", "县交通运输局", [], True, date(2023, 12, 31)),
        ("优化营商环境", "县政务服务中心", [], False, "ongoing")]


def test_a_web_tables_cells_one_a_line():
    text = ("2023年重点任务\n序号\n重点任务\n牵头单位\n完成时限\n"
            "1\n完成城区污水管网改造10公里\n县住建局\n2023年10月底前\n"
            "2\n新建农村公路50公里\n县交通运输局\n年底前\n附件2\n")
    assert _facts(propose(text)) == [
        ("完成城区污水管网改造10公里", "县住建局", [], False, date(2023, 10, 31)),
        ("新建农村公路50公里", "县交通运输局", [], False, date(2023, 12, 31))]


def test_labelled_lines_are_no_table_and_the_rest_of_the_text_is_kept():
    rows, rest = read_tables("一、推进老旧小区改造\n牵头单位：县住建局\n配合单位：县财政局\n完成时限：2023年6月底前\n")
    assert rows == [] and "牵头单位：县住建局" in rest
    rows, rest = read_tables("请各单位认真落实。\n" + TABBED.split("\n", 1)[1])
    assert len(rows) == 3 and rest.startswith("请各单位认真落实。") and "县住建局" not in rest

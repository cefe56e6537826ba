"""The briefing's per-unit table carries 考核得分 only when the office turned it on."""

from datetime import date

from openpyxl import load_workbook

from wuyang_tasks.exports.briefing_pdf import write_briefing_pdf
from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx
from wuyang_tasks.services import assessment, documents


def _briefing(ledger):
    with ledger.read() as s:
        return documents.build_briefing(s, start=date(2016, 7, 25), end=date(2016, 7, 31), today=date(2016, 7, 29),
                                        cal=ledger.calendar(), keep_issue=False)


def _unit_rows(path):
    ws = load_workbook(path)["总体情况"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[:2] == ["序号", "单位"])
    return rows[header], {r[1]: r for r in rows[header + 1:] if isinstance(r[0], int)}


def test_score_column_follows_the_setting(demo_ledger, tmp_path):
    off = tmp_path / "off.xlsx"
    write_briefing_xlsx(_briefing(demo_ledger), off)
    header, _ = _unit_rows(off)
    assert "考核得分" not in header
    with demo_ledger.write() as s:
        assessment.set_briefing_score(s, True)
    b = _briefing(demo_ledger)
    on = tmp_path / "on.xlsx"
    write_briefing_xlsx(b, on)
    header, rows = _unit_rows(on)
    col = header.index("考核得分")
    assert col == len([h for h in header if h]) - 1  # the last column, after 应报/已报/未报 and 排名
    assert rows["县住建委"][col] == "95.4" and rows["舞泉镇"][col] == "97.4"
    assert write_briefing_pdf(b, tmp_path / "on.pdf").pages >= 1

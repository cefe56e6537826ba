"""The 本周进展 column of the briefing (QA: closed tasks printed "本期未报送进展")."""

from dataclasses import replace
from datetime import date

from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.services.documents import BriefingLine
from wuyang_tasks.services.task_list import list_tasks

from .conftest import REFERENCE_DAY


def test_progress_text_for_reported_silent_and_closed_tasks(demo_ledger, cal):
    with demo_ledger.read() as s:
        row = next(r for r in list_tasks(s, today=REFERENCE_DAY, cal=cal) if r.code == "2016-002")
    assert BriefingLine(row, "7月28日：已排查工地12个").progress_text == "7月28日：已排查工地12个"
    assert BriefingLine(row).progress_text == "本期未报送进展"
    done = replace(row, status=TaskStatus.DONE, closed_on=date(2016, 7, 26))
    assert BriefingLine(done).progress_text == "2016年7月26日已办结"
    archived = replace(row, status=TaskStatus.ARCHIVED, closed_on=date(2016, 7, 26))
    assert BriefingLine(archived).progress_text == "2016年7月26日已归档"


def test_the_laggard_sentence_quotes_a_quoted_title_with_single_quotes(demo_ledger, cal):
    from wuyang_tasks.exports.briefing_text import laggard_sentence
    from wuyang_tasks.services.documents import build_briefing

    with demo_ledger.read() as s:
        b = build_briefing(s, start=date(2016, 7, 25), end=date(2016, 7, 31), today=REFERENCE_DAY, cal=cal,
                           keep_issue=False)
    assert "2016-002“全县在建项目工地‘六个百分之百’拉网式排查”（县住建委，逾期2个工作日）" in laggard_sentence(b)


def test_the_unit_chart_colours_overdue_red_and_done_green(demo_ledger, cal, tmp_path):
    import zipfile

    from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx
    from wuyang_tasks.services.documents import build_briefing

    with demo_ledger.read() as s:
        b = build_briefing(s, start=date(2016, 7, 25), end=date(2016, 7, 31), today=REFERENCE_DAY, cal=cal,
                           keep_issue=False)
    path = write_briefing_xlsx(b, tmp_path / "周报.xlsx")
    with zipfile.ZipFile(path) as z:
        chart = next(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart"))
    done, open_, overdue = (chart.index(f'val="{c}"') for c in ("2E7D32", "8EA2C8", "D32F2F"))
    assert done < open_ < overdue  # the series 已办结, 办理中, 逾期 in this order

"""The circular names the worst overdue tasks, not all of them (a county ledger has thousands)."""

from dataclasses import dataclass, field
from types import SimpleNamespace

from wuyang_tasks.domain.enums import DeadlineBasis
from wuyang_tasks.exports.briefing_text import NAMED_OVERDUE, laggard_sentence


@dataclass
class _Row:
    code: str
    days_overdue: int
    urging_count: int = 0
    title: str = "排查“六个百分之百”"
    lead_units: list = field(default_factory=lambda: ["县住建委"])
    deadline_basis: DeadlineBasis = DeadlineBasis.CALENDAR


def _briefing(rows):
    return SimpleNamespace(overdue=[SimpleNamespace(row=r) for r in rows],
                           laggards=[SimpleNamespace(unit="县住建委")])


def test_many_overdue_tasks_name_the_worst_ten_and_count_the_rest():
    rows = [_Row(f"2016-{i:04d}", days_overdue=i % 50) for i in range(1686)]
    text = laggard_sentence(_briefing(rows))
    assert len(text) < 2000
    assert text.startswith("逾期未办结任务1686项：")
    assert text.count("逾期49天") == NAMED_OVERDUE  # the worst first
    assert "等1686项（详见“逾期任务”表）" in text
    assert "‘六个百分之百’" in text


def test_a_few_overdue_tasks_are_all_named():
    rows = [_Row("2016-002", 2, deadline_basis=DeadlineBasis.WORKDAY), _Row("2016-009", 5)]
    text = laggard_sentence(_briefing(rows))
    assert text.index("2016-009") < text.index("2016-002")
    assert "逾期2个工作日" in text and "等" not in text.split("：", 1)[1].split("。")[0]

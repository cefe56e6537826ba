"""The task list's 主要负责人 column follows the tenure: after a 任免 entered in 单位与人员 (the
dialog's 确定), an open task of the unit names the new chief from the day of the appointment,
a task closed before it still names the chief who answered then."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from wuyang_tasks.domain.enums import ChiefKind
from wuyang_tasks.ui.pages.units import AppointDialog

NEW_CHIEF = "韩新民"


def _chiefs_by_code(page) -> dict[str, str]:
    column = page.model.column_index("chiefs")
    return {page.model.rows[i].code: page.model.index(i, column).data()
            for i in range(page.model.rowCount())}


def _appoint_new_director(window, qtbot, monkeypatch, effective: date) -> str:
    """单位与人员 ▸ 县环保局 ▸ 局长 ▸ 任免…: a new person from ``effective``; returns the
    director it replaces."""
    window.go_to("units")
    units = window.pages["units"]
    units.units.setCurrentRow(next(i for i, e in enumerate(units.rows) if e and e.name == "县环保局"))
    row = next(i for i, p in enumerate(units.rows[units.units.currentRow()].posts)
               if p.chief_kind is ChiefKind.GOVERNMENT)
    units.posts.selectRow(row)
    old = units.selected_post()[1].holder

    def fill_and_accept(dialog):
        dialog.new_name.setText(NEW_CHIEF)
        dialog.effective.setDate(effective)
        return 1

    monkeypatch.setattr(AppointDialog, "exec", fill_and_accept)
    units.appoint_button.click()
    qtbot.waitUntil(window.ctx.is_idle, timeout=30_000)
    return old


def test_a_new_director_answers_for_the_open_tasks_from_the_day(main_window, qtbot, monkeypatch):
    window = main_window
    window.go_to("tasks")
    page = window.pages["tasks"]
    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() > 0, timeout=30_000)
    header = page.model.headerData(page.model.column_index("chiefs"), Qt.Orientation.Horizontal)
    assert header == "主要负责人"
    before = _chiefs_by_code(page)
    today = window.ctx.today()
    ours = [r for r in page.model.rows if r.lead_units == ("县环保局",) and r.assigned_on]
    open_ones = [r.code for r in ours if r.status.is_open]
    closed_before = [r.code for r in ours if r.closed_on and r.closed_on < today]
    assert open_ones and closed_before

    old = _appoint_new_director(window, qtbot, monkeypatch, today)
    assert all(old in before[code] and NEW_CHIEF not in before[code] for code in open_ones)
    window.go_to("tasks")
    qtbot.waitUntil(lambda: page.store.loaded and NEW_CHIEF in _chiefs_by_code(page)[open_ones[0]],
                    timeout=30_000)
    after = _chiefs_by_code(page)
    assert all(NEW_CHIEF in after[c] and old not in after[c] for c in open_ones)
    assert all(old in after[c] and NEW_CHIEF not in after[c] for c in closed_before)
    party = after[open_ones[0]].split("、")[0]  # the party chief, unchanged, stays first
    assert party == before[open_ones[0]].split("、")[0] != NEW_CHIEF

"""The window tells its pages what changed with a typed event (ui/changes.py), and the task
table puts the rows of the tasks an action changed in place instead of resetting itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services.changes import Change as LedgerChange
from wuyang_tasks.ui.changes import EVERYTHING, Change, ChangeKind
from wuyang_tasks.ui.live_view import change_of
from wuyang_tasks.ui.pages.tasks.editor import TaskEditor
from wuyang_tasks.ui.pages.tasks.filters import Criteria


@pytest.fixture
def tasks_page(main_window, qtbot, model_tester):
    main_window.go_to("tasks")
    page = main_window.pages["tasks"]
    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() > 0, timeout=30_000)
    model_tester(page.model)
    return page


class Signals:
    """What the task table told its view."""

    def __init__(self, model):
        self.resets, self.inserted, self.removed, self.changed = [], [], [], []
        model.modelReset.connect(lambda: self.resets.append(1))
        model.rowsInserted.connect(lambda _parent, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _parent, first, last: self.removed.append((first, last)))
        model.dataChanged.connect(lambda top, bottom, _roles=(): self.changed.append(
            (top.row(), bottom.row(), top.column(), bottom.column())))


def _select(page, task_id: int) -> None:
    page.table.clearSelection()
    page.table.selectRow(page.model.row_of_task(task_id))


def _selected_ids(page) -> list[int]:
    return [r.id for r in page.selected_rows()]


def test_an_action_on_a_task_updates_its_row_in_place(tasks_page):
    draft = next(r for r in tasks_page.model.rows if r.status is TaskStatus.DRAFT)
    where = tasks_page.model.row_of_task(draft.id)  # sorted by 编号: the row keeps its place
    others = [r for r in tasks_page.model.rows if r.id != draft.id]
    _select(tasks_page, draft.id)
    seen = Signals(tasks_page.model)
    tasks_page.workflow[Action.ASSIGN].trigger()
    assert seen.resets == [] and seen.inserted == [] and seen.removed == []
    assert seen.changed == [(where, where, 0, len(tasks_page.model.columns) - 1)]
    assert tasks_page.model.row_at(where).status is TaskStatus.ASSIGNED
    assert tasks_page.model.index(where, tasks_page.model.column_index("status")).data() == "已交办"
    assert [r for r in tasks_page.model.rows if r.id != draft.id] == others  # the same row objects
    assert _selected_ids(tasks_page) == [draft.id]


def test_a_row_the_sort_moves_goes_to_its_new_place_and_stays_selected(tasks_page):
    column = tasks_page.model.column_index("status")
    tasks_page.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    draft = next(r for r in tasks_page.model.rows if r.status is TaskStatus.DRAFT)
    _select(tasks_page, draft.id)
    seen = Signals(tasks_page.model)
    tasks_page.workflow[Action.ASSIGN].trigger()
    assert seen.resets == [] and len(seen.removed) == len(seen.inserted) == 1
    key = tasks_page.model.columns[column].sort_key
    assert [key(r) for r in tasks_page.model.rows] == sorted(key(r) for r in tasks_page.model.rows)
    assert _selected_ids(tasks_page) == [draft.id]
    assert tasks_page.model.row_at(seen.inserted[0][0]).status is TaskStatus.ASSIGNED


def test_a_row_leaving_the_filter_is_removed_and_the_count_follows(tasks_page):
    tasks_page.filters.set_criteria(Criteria(status=TaskStatus.DRAFT.value))
    drafts = tasks_page.model.rowCount()
    total = len(tasks_page.store.rows)
    draft = tasks_page.model.row_at(0)
    _select(tasks_page, draft.id)
    seen = Signals(tasks_page.model)
    tasks_page.workflow[Action.ASSIGN].trigger()
    assert seen.resets == [] and seen.removed == [(0, 0)] and seen.inserted == []
    assert tasks_page.model.row_of_task(draft.id) is None
    assert tasks_page.count_label.text() == f"显示 {drafts - 1} 项，共 {total} 项"


def test_a_new_task_is_inserted_where_it_sorts(tasks_page, qtbot):
    count = tasks_page.model.rowCount()
    seen = Signals(tasks_page.model)
    editor = TaskEditor(tasks_page.ctx, None, tasks_page)
    qtbot.addWidget(editor)
    editor.title.setText("新增一项任务")
    editor.lead_unit.setCurrentIndex(editor.lead_unit.findText("县环保局"))
    QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.saved
    assert seen.resets == [] and len(seen.inserted) == 1 and seen.removed == []
    first, _last = seen.inserted[0]
    assert tasks_page.model.row_at(first).id == editor.task_id
    assert tasks_page.model.rowCount() == count + 1 == len(tasks_page.store.rows)
    codes = [r.code for r in tasks_page.model.rows]
    key = tasks_page.model.columns[0].sort_key
    assert [key(r) for r in tasks_page.model.rows] == sorted(key(r) for r in tasks_page.model.rows), codes


def test_changes_name_their_tasks_or_everything():
    assert Change.tasks([3, 1, 3]).ids == frozenset({1, 3})
    assert Change.tasks([2]).task_ids == frozenset({2})
    assert Change(ChangeKind.TASK).task_ids is None  # every task
    assert EVERYTHING.touches(ChangeKind.METRIC) and not Change(ChangeKind.TASK).touches(ChangeKind.METRIC)
    with pytest.raises(ValueError):
        Change.tasks([])  # no ids would silently mean every task
    with pytest.raises(ValueError):
        Change(ChangeKind.ALL, frozenset({1}))


def test_other_users_changes_become_one_event():
    def event(seq, entity, task_id):
        return LedgerChange(seq, "2016-07-13T09:00", "clerk", entity, 1, "update", task_id)

    assert change_of([event(1, "task", 7), event(2, "progress_report", 9)]) == Change.tasks([7, 9])
    assert change_of([event(1, "task", 7), event(2, "unit", None)]) is EVERYTHING

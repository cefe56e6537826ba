"""单位与人员 ▸ 分包联系: a county leader's township ended and another begun from the window's
buttons; the task ledger then marks the tasks he is linked to through the township."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from tests.ui.user import User
from wuyang_tasks.db.models import Liaison
from wuyang_tasks.services import units


def _select_unit(page, name: str) -> None:
    row = next(i for i, e in enumerate(page.rows) if e is not None and e.name == name)
    page.units.setCurrentRow(row)


def test_liaison_ended_and_begun_from_the_units_page(main_window, monkeypatch, tmp_path, qtbot):
    user = User(monkeypatch, tmp_path / "files", screenshots=tmp_path / "shots")
    user.ctx = main_window.ctx
    days = iter([date(2016, 7, 27), date(2016, 7, 28)])

    def fill(dialog, _user):
        day = next(days)
        dialog.day.setDate(QDate(day.year, day.month, day.day))
        dialog.leader.setCurrentIndex(dialog.leader.findText("宋耀生"))

    user.fillers["LiaisonDialog"] = fill
    main_window.go_to("units")
    page = main_window.pages["units"]
    _select_unit(page, "吴城镇")
    qtbot.mouseClick(page.end_liaison_button, Qt.MouseButton.LeftButton)
    _select_unit(page, "舞泉镇")
    qtbot.mouseClick(page.add_liaison_button, Qt.MouseButton.LeftButton)
    main_window.ctx.wait_for_workers()
    assert not user.bugs and not user.errors, (user.bugs, user.errors)
    assert [s for s in user.seen if "LiaisonDialog" in s] == [
        "dialog: LiaisonDialog 结束分包联系", "dialog: LiaisonDialog 新增分包联系"]
    ledger = main_window.ctx.ledger
    with ledger.read() as s:
        leader = units.find_person(s, "宋耀生").id
        kept = [(units.find_unit(s, "吴城镇").id, date(2015, 1, 1), date(2016, 7, 27)),
                (units.find_unit(s, "舞泉镇").id, date(2016, 7, 28), None)]
        rows = s.execute(select(Liaison.unit_id, Liaison.start_date, Liaison.end_date)
                         .where(Liaison.leader_id == leader).order_by(Liaison.id)).all()
    assert [tuple(r) for r in rows] == kept
    qtbot.waitUntil(lambda: "舞泉镇" in page.liaison.text() or "宋耀生" in page.liaison.text(), timeout=5000)
    page.grab().save(str(tmp_path / "units_page.png"))

"""Fixtures for the window tests: the Chinese translation installed, a context on the demo
ledger, the main window. Qt runs offscreen (tests/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from wuyang_tasks.ui import gc_policy
from wuyang_tasks.ui.context import UiContext
from wuyang_tasks.ui.i18n import CHINESE, install_translators


@pytest.fixture(scope="session", autouse=True)
def _gc_on_the_gui_thread(qapp):
    """As in the program (ui/app.py): collection only on the GUI thread."""
    gc_policy.install(qapp)


@pytest.fixture(scope="session", autouse=True)
def _widgets_die_before_the_application(qapp):
    """At the end of the session every window and dialog left over is deleted while the
    application still runs: left to PySide's exit clean-up, a widget held by a slot's closure
    was freed twice (an abort after every test had passed)."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def _chinese(qapp):
    translators = install_translators(qapp, CHINESE)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def ui_ctx(demo_ledger, qtbot):
    ctx = UiContext(demo_ledger)
    yield ctx
    ctx.wait_for_workers()


@pytest.fixture
def model_tester():
    """``model_tester(model)`` watches a model with a fatal QAbstractItemModelTester until the
    test ends: a tester that nobody holds is destroyed at once and checks nothing."""
    testers: list[QAbstractItemModelTester] = []

    def attach(model) -> QAbstractItemModelTester:
        testers.append(QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal))
        return testers[-1]

    yield attach
    testers.clear()


@pytest.fixture
def main_window(ui_ctx, qtbot):
    from wuyang_tasks.ui.main_window import MainWindow

    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    return window


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes do not block (box.exec() and the static QMessageBox.information/warning/
    critical/question): each one is recorded (title, text, informative text) and answered with
    Ok; ``dialogs.answer`` picks the button text to press for the next ones."""

    class Recorder(list):
        answer: str | None = None

    seen = Recorder()

    def fake_exec(box: QMessageBox):
        seen.append((box.windowTitle(), box.text(), box.informativeText()))
        if seen.answer:
            for button in box.buttons():
                if button.text().replace("&", "") == seen.answer.replace("&", ""):
                    button.click()
                    standard = box.standardButton(button)
                    return int(standard.value) if standard else 0
        return int(QMessageBox.StandardButton.Ok.value)

    def fake_static(icon):
        def show(parent, title, text, *args, **kwargs):
            box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
            buttons = args[0] if args else kwargs.get("buttons", QMessageBox.StandardButton.Ok)
            box.setStandardButtons(buttons)
            return QMessageBox.StandardButton(fake_exec(box))
        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for name, icon in (("information", QMessageBox.Icon.Information),
                       ("warning", QMessageBox.Icon.Warning),
                       ("critical", QMessageBox.Icon.Critical),
                       ("question", QMessageBox.Icon.Question)):
        monkeypatch.setattr(QMessageBox, name, fake_static(icon))
    return seen

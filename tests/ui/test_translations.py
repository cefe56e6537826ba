"""Every window string has a finished zh_CN translation, the .ts files are up to date with the
sources and the shipped .qm files are compiled from them."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_tool)

AREAS = i18n_tool.areas()


@pytest.mark.parametrize("area", sorted(AREAS))
def test_area_translation_is_complete_and_current(area, tmp_path):
    committed = i18n_tool.ts_path(area)
    assert committed.exists(), f"{committed.name} missing: run python tools/i18n.py"
    fresh = tmp_path / committed.name
    shutil.copyfile(committed, fresh)
    i18n_tool.lupdate(AREAS[area], fresh)
    in_sources = {(c, s) for c, s, _ in i18n_tool.messages(fresh)}
    in_file = {(c, s) for c, s, _ in i18n_tool.messages(committed)}
    assert in_sources - in_file == set(), "new strings not in the .ts: run python tools/i18n.py"
    assert in_file - in_sources == set(), "strings no longer used: run python tools/i18n.py"
    unfinished = [(c, s) for c, s, t in i18n_tool.messages(committed) if t is None]
    assert unfinished == [], f"untranslated in {committed.name}"


@pytest.mark.parametrize("area", sorted(AREAS))
def test_qm_is_compiled_from_the_ts(area, tmp_path):
    shipped = i18n_tool.qm_path(area)
    assert shipped.exists(), f"{shipped.name} missing: run python tools/i18n.py"
    fresh = tmp_path / shipped.name
    i18n_tool.lrelease(i18n_tool.ts_path(area), fresh)
    assert fresh.read_bytes() == shipped.read_bytes(), f"{shipped.name} is stale: run python tools/i18n.py"


def test_no_translation_files_without_sources():
    names = {p.name for p in i18n_tool.I18N.glob("*_zh_CN.*")}
    expected = {i18n_tool.ts_path(a).name for a in AREAS} | {i18n_tool.qm_path(a).name for a in AREAS}
    assert names == expected


def test_an_unfinished_string_is_detected(tmp_path):
    ts = tmp_path / "x_zh_CN.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">'
                  "<context><name>C</name><message><source>Save</source>"
                  '<translation type="unfinished"></translation></message></context></TS>',
                  encoding="utf-8")
    assert list(i18n_tool.messages(ts)) == [("C", "Save", None)]


def test_chinese_is_loaded_for_ours_and_for_qt():
    assert QCoreApplication.translate("Navigation", "Task ledger") == "任务台账"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_qt_file_dialog_is_in_chinese():
    """Qt's own file dialog (used where the system has no native one) reads in Chinese: the
    labels it sets (Qt 6 sources, with accelerators) and its buttons. (A QFileDialog built in
    the test process aborts it at exit, its model's thread outliving the application.)"""
    labels = [QCoreApplication.translate("QFileDialog", source)
              for source in ("&Look in:", "File &name:", "Files of &type:")]
    assert labels == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]
    assert QCoreApplication.translate("QFileDialog", "Back") == "后退"


def test_qt_translations_are_found_beside_pyside6_too(monkeypatch):
    """A frozen program's Qt may name a translations folder that does not exist."""
    from PySide6.QtCore import QLibraryInfo

    from wuyang_tasks.ui import i18n

    monkeypatch.setattr(QLibraryInfo, "path", staticmethod(lambda _which: "/nonexistent"))
    dirs = i18n.qt_translation_dirs()
    assert dirs[0] == "/nonexistent"
    assert any(Path(d, "qtbase_zh_CN.qm").exists() for d in dirs[1:])

"""Where data lives: the user data folder, WUYANG_TASKS_HOME, and portable mode beside the program."""

import sys

from wuyang_tasks import paths


def test_home_override(tmp_path, monkeypatch):
    monkeypatch.setenv("WUYANG_TASKS_HOME", str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"
    assert paths.default_ledger_path() == tmp_path / "elsewhere" / "ledger.db"


def test_portable_marker_keeps_data_beside_the_frozen_program(tmp_path, monkeypatch):
    monkeypatch.delenv("WUYANG_TASKS_HOME", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "wuyang-tasks.exe"))
    assert not paths.is_portable()
    assert paths.data_dir() != tmp_path / "data"
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.is_portable()
    assert paths.data_dir() == tmp_path / "data"
    assert paths.backups_dir_for(paths.default_ledger_path()) == tmp_path / "data" / "backups"


def test_bundled_resources_resolve_unfrozen():
    assert paths.resource_path("icons", "app.ico").is_file()
    assert paths.resource_path("checklists").is_dir()

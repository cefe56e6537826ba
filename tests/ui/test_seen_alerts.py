"""Seen alerts are kept outside settings.ini, compactly, for the last few ledgers only.

QA: at 100k tasks settings.ini had grown to 154 KB of reminder ids."""

from __future__ import annotations

from wuyang_tasks import paths
from wuyang_tasks.ui import seen_alerts
from wuyang_tasks.ui.settings import app_settings


def test_a_hundred_thousand_ids_fit_in_a_small_file_and_come_back():
    seen = {f"{i}:{'RED' if i % 3 else 'BLUE'}" for i in range(1, 100_001, 2)}
    seen_alerts.save("big", seen)
    assert seen_alerts.load("big") == seen
    assert (seen_alerts.folder() / "big.seen").stat().st_size < 5_000
    assert not (paths.data_dir() / "settings.ini").exists()


def test_only_the_last_ledgers_are_kept_and_old_settings_are_dropped():
    settings = app_settings()
    settings.setValue("reminders/0123456789ab", "1:RED,2:BLUE")
    settings.setValue("window/geometry", "kept")
    settings.sync()
    seen_alerts.drop_legacy(settings)
    assert app_settings().allKeys() == ["window/geometry"]
    for n in range(seen_alerts.KEPT_LEDGERS + 5):
        seen_alerts.save(f"ledger{n}", {f"{n}:RED"})
    assert len(list(seen_alerts.folder().glob("*.seen"))) == seen_alerts.KEPT_LEDGERS
    assert seen_alerts.load("never-seen") == set()

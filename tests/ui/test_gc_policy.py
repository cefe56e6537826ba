"""The window process collects garbage on the GUI thread only (see ui/gc_policy.py)."""

import gc
import threading

from wuyang_tasks.ui import gc_policy


def test_automatic_collection_is_off_and_the_timer_collects(qapp):
    collector = gc_policy.install(qapp)
    assert gc_policy.install(qapp) is collector  # once per application
    assert not gc.isenabled()
    junk = []
    for _ in range(gc.get_threshold()[0] + 10):
        a, b = [], []
        a.append(b)
        b.append(a)  # a cycle: only the collector frees it
        junk.append(a)
    junk.clear()
    assert collector.collect_due() is not None
    assert gc.get_count()[0] < gc.get_threshold()[0]


def test_a_worker_thread_never_starts_a_collection(qapp):
    gc_policy.install(qapp)
    seen = []

    def watch(phase, info):
        if phase == "start":
            seen.append(threading.current_thread() is threading.main_thread())

    gc.callbacks.append(watch)
    try:
        worker = threading.Thread(target=lambda: [[[]] for _ in range(200_000)])
        worker.start()
        worker.join()
    finally:
        gc.callbacks.remove(watch)
    assert all(seen)


def test_the_first_collection_waits_for_the_window(qapp):
    from PySide6.QtCore import QObject

    owner = QObject()
    collector = gc_policy.GuiThreadCollector(owner)
    assert collector._timer.interval() == gc_policy.START_DELAY_MS > gc_policy.INTERVAL_MS
    collector._tick()
    assert collector._timer.interval() == gc_policy.INTERVAL_MS
    owner.deleteLater()

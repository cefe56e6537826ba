"""Garbage collection on the GUI thread only.

Python runs its cyclic garbage collector in whichever thread happens to allocate when a
threshold is crossed. If that is a worker thread (reading 100,000 tasks allocates a lot) and
the garbage includes Qt wrappers, their C++ destructors run outside the GUI thread and the
program crashes (seen here: a segmentation fault while a worker read the task list). So in the
window process automatic collection is switched off and a timer on the GUI thread collects
the generations whose thresholds have been crossed — the same work, always on the right thread.
The first collection waits for the window to be up: the start-up's half a million objects
(imports, the window, the first screenful) leave nothing to free, and scanning them when the
timer first fired delayed the window's first paint by ≈ 30 ms.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from wuyang_tasks import collector

INTERVAL_MS = 500
START_DELAY_MS = 3_000


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        collector.off_for_good()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(START_DELAY_MS)

    def _tick(self) -> None:
        self._timer.setInterval(INTERVAL_MS)
        self.collect_due()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose threshold is crossed; return it (None: none)."""
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return None
        generation = 0
        for older in (1, 2):
            if counts[older] > self._thresholds[older]:
                generation = older
        gc.collect(generation)
        return generation


def install(app: QObject) -> GuiThreadCollector:
    """Once per application; the collector lives as long as the application object."""
    collector = app.findChild(GuiThreadCollector)
    return collector or GuiThreadCollector(app)

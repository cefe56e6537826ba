"""The one place that switches Python's cyclic garbage collector on and off.

Two reasons to switch it, both about when collections run, never whether garbage is freed:
- building rows in bulk (``paused``): creating 10^5 rows (and half a million name lists) sets off
  collection after collection, each walking every tracked object — half the time of a 100k-task
  list, a fifth of a 10k-task import. The rows hold no reference cycles, so nothing is left for
  the collector to find when it runs again. Nested uses leave it to the outermost to switch it
  back on; in the window process, where it is off for good, they leave it off.
- the window process (``off_for_good``): collections run on a timer of the GUI thread instead
  (ui/gc_policy.py), so that Qt wrappers are never destroyed in a worker thread; switched off as
  the window's module is first imported, the start-up's half a million objects (nothing to
  free) are spared ≈ 50 ms of collections.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def off_for_good() -> None:
    gc.disable()

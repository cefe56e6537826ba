"""任务台账 page (navigation key ``tasks``): list, filters, workflow actions, task editor.

The page module loads only when the page is built: the dashboard imports the filters and the
table model from this package at every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...context import UiContext

if TYPE_CHECKING:
    from .page import TasksPage


def create_page(ctx: UiContext) -> TasksPage:
    from .page import TasksPage

    return TasksPage(ctx)

"""任务台账 page (navigation key ``tasks``): list, filters, workflow actions, task editor."""

from __future__ import annotations

from ...context import UiContext
from .page import TasksPage


def create_page(ctx: UiContext) -> TasksPage:
    return TasksPage(ctx)

"""指标 page (navigation key ``metrics``): year targets, readings entry, charts, raising a task."""

from __future__ import annotations

from ...context import UiContext
from .page import MetricsPage


def create_page(ctx: UiContext) -> MetricsPage:
    return MetricsPage(ctx)

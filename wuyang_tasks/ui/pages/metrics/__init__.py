"""指标 page (navigation key ``metrics``): year targets, readings entry, charts, raising a task.

The page module loads only when the page is built: the dashboard imports ``charts`` from
this package at every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...context import UiContext

if TYPE_CHECKING:
    from .page import MetricsPage


def create_page(ctx: UiContext) -> MetricsPage:
    from .page import MetricsPage

    return MetricsPage(ctx)

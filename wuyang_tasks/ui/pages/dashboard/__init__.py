"""工作台 page (navigation key ``dashboard``)."""

from __future__ import annotations

from ...context import UiContext
from .page import DashboardPage


def create_page(ctx: UiContext) -> DashboardPage:
    return DashboardPage(ctx)

"""问责台账 page (navigation key ``accountability``): records with their state, corrections, voids,
a person's own view."""

from __future__ import annotations

from ...context import UiContext
from .page import AccountabilityPage


def create_page(ctx: UiContext) -> AccountabilityPage:
    return AccountabilityPage(ctx)

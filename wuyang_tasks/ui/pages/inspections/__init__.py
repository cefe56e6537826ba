"""督导检查 page (navigation key ``inspections``): inspections, recording a visit, templates."""

from __future__ import annotations

from ...context import UiContext
from .page import InspectionsPage


def create_page(ctx: UiContext) -> InspectionsPage:
    return InspectionsPage(ctx)

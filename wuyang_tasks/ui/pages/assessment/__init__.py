"""考核 page (navigation key ``assessment``): each unit's score for a year, the points behind it."""

from __future__ import annotations

from ...context import UiContext
from .page import AssessmentPage


def create_page(ctx: UiContext) -> AssessmentPage:
    return AssessmentPage(ctx)

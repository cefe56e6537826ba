"""The navigation: which pages exist, in which order, and where each page's code lives.

A page for key ``k`` is the module ``wuyang_tasks.ui.pages.k`` (a module or a package) with
``create_page(ctx) -> Page``. A module that does not exist yet gets an honest placeholder page
saying the module is not available; nothing else needs registering.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from . import errors
from .context import UiContext
from .page import Page

PAGES_PACKAGE = "wuyang_tasks.ui.pages"


@dataclass(frozen=True)
class NavEntry:
    key: str
    source_title: str  # English source; title() translates it

    @property
    def module(self) -> str:
        return f"{PAGES_PACKAGE}.{self.key}"

    def title(self) -> str:
        return QCoreApplication.translate("Navigation", self.source_title)


NAVIGATION = (
    NavEntry("dashboard", QT_TRANSLATE_NOOP("Navigation", "Dashboard")),
    NavEntry("tasks", QT_TRANSLATE_NOOP("Navigation", "Task ledger")),
    NavEntry("units", QT_TRANSLATE_NOOP("Navigation", "Units and people")),
    NavEntry("inspections", QT_TRANSLATE_NOOP("Navigation", "Inspections")),
    NavEntry("accountability", QT_TRANSLATE_NOOP("Navigation", "Accountability")),
    NavEntry("metrics", QT_TRANSLATE_NOOP("Navigation", "Metrics")),
    NavEntry("assessment", QT_TRANSLATE_NOOP("Navigation", "Assessment")),
    NavEntry("reports", QT_TRANSLATE_NOOP("Navigation", "Reports")),
)


def entry(key: str) -> NavEntry:
    return next(e for e in NAVIGATION if e.key == key)


def module_available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def create_page(nav: NavEntry, ctx: UiContext) -> Page:
    from .unavailable import UnavailablePage

    if not module_available(nav.module):
        return UnavailablePage(ctx, nav.title())
    try:
        module = importlib.import_module(nav.module)
        return module.create_page(ctx)
    except Exception as exc:  # a broken page must not take the whole window down
        errors.log_unexpected(exc)
        return UnavailablePage(ctx, nav.title(), failure=errors.describe(exc))

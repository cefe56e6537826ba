"""Argument types shared by the command modules."""

from __future__ import annotations

import argparse
from datetime import date


def day(text: str) -> date:
    """A YYYY-MM-DD date; anything else is a usage error (exit 2) with a Chinese message."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应为 YYYY-MM-DD，例如 2016-07-29") from None

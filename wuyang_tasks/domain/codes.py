"""The order of task codes (编号): by year, then number — 2017-089 < 2017-105 < 2017-1001.

Codes are "年份-序号" (2016-007, a counter per year that grows past 999 in a big ledger), and
sometimes longer ("2016-002-1") or written by hand. As text they sort 2017-1001 before
2017-105; ``code_key`` compares their runs of digits as numbers and the rest as text, so
every code has a place and the usual ones sort by year, then number.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = re.compile(r"(\d+)")


@lru_cache(maxsize=1 << 18)  # the window sorts 10^5 rows on every filter change
def code_key(code: str) -> tuple:
    """Sort key of a code: text and numbers alternating, numbers compared as numbers (the
    text between is kept so that every key compares with every other)."""
    parts = _DIGITS.split(code or "")
    return tuple((1, int(p), p) if i % 2 else (0, p) for i, p in enumerate(parts))

"""Chinese line breaking (避头尾) for reportlab paragraphs.

reportlab wraps CJK text "like a knife" between any two characters. Its rule list for
characters that may not begin a line is Japanese (it lacks the fullwidth comma "，", "；", "：",
"”", "》" …), its fallback hangs a forbidden character into the right margin (in a table cell:
across the cell border) and it breaks inside numbers ("2016年12月3|1日"). ``install()`` replaces
the splitter reportlab uses for plain (single-style) paragraphs — every table cell and body
paragraph of our documents — with one that

- never begins a line with closing punctuation (，。、；：！？）》”’ …) nor ends one with opening
  punctuation (（《“‘ …): the character before is carried down with it instead,
- keeps runs of digits and Latin letters ("2016", "14.8%", "PM2.5") on one line when they fit,
- never lets a line grow wider than its column.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import textsplit

NOT_AT_LINE_START = frozenset("，。、；：！？）》」』】〕〉”’％%·…,.;:!?)]}")
NOT_AT_LINE_END = frozenset("（《「『【〔〈“‘([{")
_FUZZ = 1e-6


def _in_run(c: str) -> bool:
    """Characters of a number or Latin word: a line is not broken between two of them."""
    return c.isascii() and (c.isalnum() or c in ".%-/:+")


def _break_at(word: str, start: int, end: int) -> int:
    """Move a break proposed before ``word[end]`` back so that the rules hold; never to
    ``start`` (a line keeps at least one character)."""
    best = end
    for _ in range(len(word)):
        moved = best
        if best < len(word) and word[best] in NOT_AT_LINE_START and best - 1 > start:
            best -= 1
        elif word[best - 1] in NOT_AT_LINE_END and best - 1 > start:
            best -= 1
        if moved == best:
            break
    if best < len(word) and _in_run(word[best]) and _in_run(word[best - 1]):
        run_start = best - 1
        while run_start > start and _in_run(word[run_start - 1]):
            run_start -= 1
        if run_start > start:  # the run fits on the next line; else cut it where it is
            return _break_at(word, start, run_start)
    return best


def split(word: str, widths: Sequence[float],
          maxWidths: float | list[float] | tuple[float, ...]) -> list[list]:
    """Same contract as ``reportlab.lib.textsplit.dumbSplit``: [[extra_space, text], …] (and its
    parameter names: it replaces that function, which may be called by keyword)."""
    max_widths = maxWidths if isinstance(maxWidths, (list, tuple)) else [maxWidths]
    lines: list[list] = []
    start, n = 0, len(word)
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, end = 0.0, start
        while end < n and used + widths[end] <= max_width + _FUZZ:
            used += widths[end]
            end += 1
        if end == start:  # a single character wider than the column
            end = start + 1
        elif end < n:
            end = _break_at(word, start, end)
        lo, hi = start, end
        while lo < hi and word[lo].isspace():
            lo += 1
        while hi > lo and word[hi - 1].isspace():
            hi -= 1
        lines.append([max_width - sum(widths[lo:hi]), word[lo:hi]])
        start = end
    return lines


def install() -> None:
    """Make reportlab's plain-paragraph wrapping follow the rules above (idempotent)."""
    textsplit.dumbSplit = split

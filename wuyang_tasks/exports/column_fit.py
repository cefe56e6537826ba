"""Column widths for the PDF tables: short values are never broken.

The documents give each column a share of the page. With real data some shares were too small
for the short values a column holds, which then broke mid-value ("2016年10月31" / "日",
"牵头单" / "位", "2个工" / "作日") while wide text columns stayed half empty. ``fit`` widens a
column to its longest short value (a date, a status, a unit's short name — anything up to
``SHORT_EM`` characters wide without a list separator) and takes the room from the columns
that have more than they need; long texts still wrap in what is left.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

SHORT_EM = 9  # about 9 Chinese characters: "2016年12月31日" is 8
SEPARATORS = "、，,；;\n"


def _short_width(value: object, font: str, size: float) -> float:
    if value is None or hasattr(value, "wrapOn"):
        return 0.0
    text = str(value)
    if not text or any(s in text for s in SEPARATORS):
        return 0.0
    width = stringWidth(text, font, size)
    return width if width <= SHORT_EM * size else 0.0


def fit(widths: Sequence[float], rows: Sequence[Sequence[object]], font: str, size: float,
        padding: float) -> list[float]:
    """``widths`` (summing to the table width) adjusted so each column holds its short values
    on one line; unchanged where the table has no room to spare."""
    widths = list(widths)
    need = [0.0] * len(widths)
    for row in rows:
        for i, value in enumerate(row[:len(widths)]):
            w = _short_width(value, font, size)
            if w:
                need[i] = max(need[i], w + padding + 0.5)
    short = [max(w, n) for w, n in zip(widths, need)]
    excess = sum(short) - sum(widths)
    if excess <= 0:
        return widths
    slack = [max(0.0, w - n) for w, n in zip(short, need)]
    if sum(slack) < excess:
        return widths
    return [w - excess * s / sum(slack) for w, s in zip(short, slack)]

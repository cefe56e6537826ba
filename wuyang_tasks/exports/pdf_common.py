"""What the PDF documents share: GB/T 9704 page geometry, page numbers, paragraph styles, tables.

Portrait documents: A4, top margin 37 mm, left (binding) margin 28 mm, text block 156 × 225 mm,
page numbers "— 1 —" in 4号 (14 pt) 7 mm below the text block, odd pages right, even pages left
(one character in from the edge). Landscape lists keep the same page-number rule. Checklists
print "第X页 共Y页" instead (the total needs the whole document first: a two-pass canvas).

Import only from inside an export function: reportlab is loaded lazily.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, LongTable, PageTemplate, Paragraph, TableStyle

from wuyang_tasks.fileio import atomic_path

from . import MIN_ROWS, column_fit, kinsoku
from .fonts import FontSet, font_set

PORTRAIT = A4
LANDSCAPE = landscape(A4)
TOP, LEFT, TEXT_W, TEXT_H = 37 * mm, 28 * mm, 156 * mm, 225 * mm
PAGE_NUMBER_SIZE = 14
CELL_PADDING = 3
# split positions count the header row: row MIN_ROWS + 1 at the earliest, MIN_ROWS from the end
ROW_SPLIT_RANGE = (MIN_ROWS + 1, -MIN_ROWS)


@dataclass(frozen=True)
class Geometry:
    pagesize: tuple[float, float]
    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.pagesize[1] - self.top - self.height


GBT_PORTRAIT = Geometry(PORTRAIT, LEFT, TOP, TEXT_W, TEXT_H)
# Landscape lists: the same 37/28 mm rule turned on its side would waste a third of the page;
# offices print ledgers with ~20 mm margins, the page number stays 7 mm below the text block.
GBT_LANDSCAPE = Geometry(LANDSCAPE, 20 * mm, 22 * mm, LANDSCAPE[0] - 40 * mm, LANDSCAPE[1] - 22 * mm - 24 * mm)
# A circular's attachment tables: the portrait page turned, binding side up — the same 225 × 156
# mm text block (GB/T 9704 10.2), the page number on the long edge that is the foot of the page
# when the sheet is read upright in the bound document (see turned_page_number).
GBT_TURNED = Geometry(LANDSCAPE, 35 * mm, 28 * mm, TEXT_H, TEXT_W)


def text(value: object) -> str:
    """Ledger text made safe for reportlab's paragraph markup; newlines kept."""
    return escape("" if value is None else str(value)).replace("\n", "<br/>")


class Styles:
    """Paragraph styles of a document, in its fonts (GB/T 9704 roles)."""

    def __init__(self, fonts: FontSet, body_size: float = 16, table_size: float = 10.5):
        kinsoku.install()  # 避头尾 for every paragraph of the document
        self.fonts = fonts
        self.title = ParagraphStyle("title", fontName=fonts.title, fontSize=22, leading=32,
                                    alignment=TA_CENTER, wordWrap="CJK", spaceAfter=12)
        self.subtitle = ParagraphStyle("subtitle", fontName=fonts.body, fontSize=14, leading=22,
                                       alignment=TA_CENTER, wordWrap="CJK")
        # 3号 body, 28.9 pt leading = 22 lines in the 225 mm text block
        self.body = ParagraphStyle("body", fontName=fonts.body, fontSize=body_size,
                                   leading=body_size * 1.8, alignment=TA_JUSTIFY, wordWrap="CJK",
                                   firstLineIndent=body_size * 2)
        self.plain = ParagraphStyle("plain", parent=self.body, firstLineIndent=0, alignment=TA_LEFT)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=fonts.heading)
        self.heading2 = ParagraphStyle("heading2", parent=self.body, fontName=fonts.kai)
        self.cell = ParagraphStyle("cell", fontName=fonts.body, fontSize=table_size,
                                   leading=table_size * 1.35, wordWrap="CJK", alignment=TA_LEFT)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell, fontName=fonts.heading,
                                        alignment=TA_CENTER)

    def p(self, value: object, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(text(value), style or self.body)


class KeptRows(LongTable):
    """A LongTable whose pieces keep ROW_SPLIT_RANGE too: reportlab builds the rest of a split
    table without it, so the rest could leave a single row on the next page."""

    def split(self, avail_width, avail_height):
        parts = super().split(avail_width, avail_height)
        if not parts and getattr(self, "_postponed", False):
            # already moved to a fresh page (reportlab marks it so) and still no break keeps
            # MIN_ROWS a side — rows too tall: break anywhere rather than fail the export
            self._rowSplitRange = None
            parts = super().split(avail_width, avail_height)
        for part in parts:
            part._rowSplitRange = ROW_SPLIT_RANGE
        return parts


def table(styles: Styles, headers: Sequence[str], rows: Sequence[Sequence[object]],
          widths: Sequence[float], *, centered: Sequence[int] = (),
          row_styles: Sequence[tuple] = ()) -> KeptRows:
    """A ruled table with a repeated header row; cells wrap Chinese text. Split over pages, no
    page holds only one or two of its rows (MIN_ROWS): the break moves up, or the table starts
    on the next page."""
    data: list[list[object]] = [[Paragraph(text(h), styles.cell_head) for h in headers]]
    widths = column_fit.fit(widths, rows, styles.fonts.body, styles.cell.fontSize, CELL_PADDING * 2)
    center = set(centered)
    for row in rows:
        data.append([v if hasattr(v, "wrapOn") else
                     Paragraph(text(v), styles.cell_center if i in center else styles.cell)
                     for i, v in enumerate(row)])
    t = KeptRows(data, colWidths=list(widths), repeatRows=1, rowSplitRange=ROW_SPLIT_RANGE)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.body),  # else Helvetica is declared, unembedded
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E7E6E6")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        *row_styles,
    ]))
    return t


class WithTail(Flowable):
    """A table and what must end on the same page as its last rows (signature lines): when the
    tail does not fit under them, the table's last rows (MIN_ROWS at least) go over with it."""

    def __init__(self, table: LongTable, tail: Flowable):
        super().__init__()
        self.table, self.tail = table, tail

    def wrap(self, avail_width, avail_height):
        _, table_height = self.table.wrap(avail_width, avail_height)
        _, tail_height = self.tail.wrap(avail_width, avail_height)
        self._tail_height = tail_height + self.tail.getSpaceBefore()
        self.width, self.height = avail_width, table_height + self._tail_height
        return self.width, self.height

    def draw(self):
        self.table.drawOn(self.canv, 0, self._tail_height)
        self.tail.drawOn(self.canv, 0, 0)

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        table_height = self.height - self._tail_height
        if getattr(self, "_postponed", False):
            self.table._postponed = 1  # on a fresh page: the table may break where it must
        # the table alone fits: break it above its own end, so that its last rows go over
        parts = self.table.split(avail_width, min(avail_height, table_height - 1))
        if len(parts) < 2:
            return []
        return [parts[0], WithTail(parts[1], self.tail)]


class PageMark(Flowable):
    """Takes no room; notes the number of the page it lands on (where a section begins)."""

    def __init__(self, pages: list[int]):
        super().__init__()
        self.pages = pages

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.pages.append(self.canv.getPageNumber())


def scaled(widths: Sequence[float], total: float) -> list[float]:
    """Relative column widths scaled to the text block width."""
    s = sum(widths)
    return [w * total / s for w in widths]


# --------------------------------------------------------------------------- page numbers
def gbt_page_number(canv, number: int, geometry: Geometry, font: str) -> None:
    """— N — 7 mm below the text block, odd pages right, even pages left, one character in."""
    label = f"— {number} —"
    y = geometry.bottom - 7 * mm - PAGE_NUMBER_SIZE * 0.8
    canv.setFont(font, PAGE_NUMBER_SIZE)
    if number % 2:
        canv.drawRightString(geometry.left + geometry.width - PAGE_NUMBER_SIZE, y, label)
    else:
        canv.drawString(geometry.left + PAGE_NUMBER_SIZE, y, label)


def turned_page_number(canv, number: int, geometry: Geometry, font: str) -> None:
    """— N — on a turned page, turned with it: odd pages at the left edge reading top to bottom,
    even pages at the right edge reading bottom to top; 7 mm off the text block, one character
    in from its foot."""
    label = f"— {number} —"
    canv.saveState()
    canv.setFont(font, PAGE_NUMBER_SIZE)
    foot = geometry.bottom + PAGE_NUMBER_SIZE  # one character in from the text block's foot
    if number % 2:
        canv.translate(geometry.left - 7 * mm - PAGE_NUMBER_SIZE * 0.2, foot)
        canv.rotate(-90)
        canv.drawRightString(0, 0, label)
    else:
        canv.translate(geometry.left + geometry.width + 7 * mm + PAGE_NUMBER_SIZE * 0.2, foot)
        canv.rotate(90)
        canv.drawString(0, 0, label)
    canv.restoreState()


def colophon(styles: Styles, copies: str, printer: str, printed_on: str, width: float):
    """版记 at the foot of the page: 抄送, then 印发机关 and 印发日期, between a thick first and last
    rule and a thin one between (4号, one character in from each side)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.platypus import Table
    from reportlab.platypus.flowables import TopPadder

    size = 14
    style = ParagraphStyle("colophon", parent=styles.plain, fontSize=size, leading=size * 1.6)
    right = ParagraphStyle("colophon_right", parent=style, alignment=TA_RIGHT)
    hanging = ParagraphStyle("colophon_copies", parent=style, leftIndent=size * 3, firstLineIndent=-size * 3)
    rows = [[styles.p(f"抄送：{copies}", hanging), ""]] if copies else []  # wraps under the first name
    rows.append([styles.p(printer, style), styles.p(f"{printed_on}印发", right)])
    t = Table(rows, colWidths=[width * 0.6, width * 0.4])
    last = len(rows) - 1
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.body),
        ("LEFTPADDING", (0, 0), (-1, -1), size), ("RIGHTPADDING", (0, 0), (-1, -1), size),
        ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black), ("LINEBELOW", (0, last), (-1, last), 1, colors.black)]
    if copies:
        commands += [("SPAN", (0, 0), (-1, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black)]
    t.setStyle(TableStyle(commands))
    return TopPadder(t)


def counted_canvas(draw: Callable[[rl_canvas.Canvas, int, int], None]):
    """A canvas class that knows the page total when each page is finished ("第X页 共Y页")."""

    class CountedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw(self, number, total)
                super().showPage()
            super().save()

    return CountedCanvas


@dataclass
class RenderedPdf:
    path: Path
    pages: int
    warnings: list[str]


def build(target: str | Path, story: list, *, templates: Sequence[PageTemplate],
          title: str, fonts: FontSet, canvasmaker=rl_canvas.Canvas) -> RenderedPdf:
    """Lay out ``story`` and write the file atomically."""
    target = Path(target)
    with atomic_path(target) as tmp:
        doc = BaseDocTemplate(str(tmp), pagesize=templates[0].pagesize, title=title,
                              author="舞阳县任务督办", creator="wuyang_tasks", pageTemplates=list(templates),
                              initialFontName=fonts.body, initialFontSize=10.5)
        doc.build(story, canvasmaker=canvasmaker)
        pages = doc.page
    return RenderedPdf(target, pages, list(fonts.warnings))


def page_template(template_id: str, geometry: Geometry, on_page=None) -> PageTemplate:
    frame = Frame(geometry.left, geometry.bottom, geometry.width, geometry.height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=template_id)
    if on_page is None:
        return PageTemplate(id=template_id, frames=[frame], pagesize=geometry.pagesize)
    return PageTemplate(id=template_id, frames=[frame], pagesize=geometry.pagesize, onPage=on_page)


def numbered_templates(fonts: FontSet) -> dict[str, PageTemplate]:
    """Portrait, landscape and turned (a circular's attachments) GB/T pages with "— N —"."""
    def on_portrait(canv, doc):
        gbt_page_number(canv, doc.page, GBT_PORTRAIT, fonts.title)

    def on_landscape(canv, doc):
        gbt_page_number(canv, doc.page, GBT_LANDSCAPE, fonts.title)

    def on_turned(canv, doc):
        turned_page_number(canv, doc.page, GBT_TURNED, fonts.title)

    return {"portrait": page_template("portrait", GBT_PORTRAIT, on_portrait),
            "landscape": page_template("landscape", GBT_LANDSCAPE, on_landscape),
            "turned": page_template("turned", GBT_TURNED, on_turned)}


def load_fonts(configured=None) -> FontSet:
    return font_set(configured)

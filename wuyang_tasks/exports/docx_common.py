"""What the Word (.docx) documents share: GB/T 9704-2012 page setup and 公文 parts, with python-docx.

Portrait sections: A4, top 37 mm, left (binding) 28 mm, text block 156 × 225 mm, a document
grid of 22 lines × 28 characters (3号 仿宋 at an exact 28.95 pt), page numbers "— 1 —" in 4号
宋体 7 mm below the text block, odd pages right and even pages left, one character in.
Attachment tables go in landscape sections whose text block is the portrait one turned
(225 × 156 mm); their page number stays where the portrait pages have it — on the long edge
that is the bottom of the page when the sheet is read upright in the bound document, turned
with it (a rotated text box in the footer: odd pages at the left edge, even at the right).
The 版记 (抄送, 印发机关和印发日期 between three rules) sits at the foot of the last page, in the
footer of a last section of its own.

Font faces are named by role (title 小标宋, body 仿宋, heading 黑体, kai 楷体) as this machine's
font check chose them (exports.fonts), so Word/WPS on the same machine shows what the PDF shows.

Import only from inside an export function: python-docx (lxml) loads lazily.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.parfmt import ParagraphFormat

from wuyang_tasks.fileio import atomic_path

from . import MIN_ROWS
from .fonts import FontSet

_PLAIN = re.compile(r"[^\t\n\r]+")  # a cell's text that goes into one w:t as it is
RED = RGBColor(0xFF, 0x00, 0x00)
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
LINE_PITCH_TWIPS = 579  # 225 mm / 22 lines = 28.95 pt
TOP, BOTTOM, LEFT, RIGHT = 37, 35, 28, 26  # mm: 297 - 37 - 225 = 35, 210 - 28 - 156 = 26
NUMBER_GAP = 7  # mm between the text block and the page number
NUMBER_FONT = "宋体"
TEXT_WIDTH, TURNED_WIDTH = 156, 225  # mm: the text block, portrait and turned
EMU_PER_MM = 36000
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

CENTER, LEFT_ALIGN, RIGHT_ALIGN, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                           WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)


_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _in_order(ppr, element):
    """Put ``element`` in its place in a paragraph's properties (the schema's order: Word
    rejects, LibreOffice ignores, what is out of it)."""
    tag = element.tag.split("}")[1]
    ppr.insert_element_before(element, *_PPR_ORDER[_PPR_ORDER.index(f"w:{tag}") + 1:])
    return element


class Writer:
    """A .docx in 公文 layout being written: paragraphs by role, tables, sections."""

    def __init__(self, fonts: FontSet):
        self.faces = {role: fonts.families.get(role) or "宋体" for role in ("title", "body", "heading", "kai")}
        self.doc = Document()
        self.doc.settings.odd_and_even_pages_header_footer = True
        normal = self.doc.styles["Normal"]
        self._font(normal.element.get_or_add_rPr(), self.faces["body"])
        normal.font.size = Pt(BODY_PT)
        fmt = normal.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PITCH_TWIPS / 20)
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.widow_control = True
        self.section = self.doc.sections[0]
        self._portrait(self.section)

    # ------------------------------------------------------------------ fonts and runs
    @staticmethod
    def _font(rpr, face: str) -> None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
            rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), face)

    def run(self, paragraph, text: str, *, role: str = "body", size: float | None = None,
            bold: bool = False, colour: RGBColor | None = None, face: str | None = None):
        run = paragraph.add_run(text)
        self._font(run._r.get_or_add_rPr(), face or self.faces[role])
        if size:
            run.font.size = Pt(size)
        run.font.bold = bold or None
        if colour is not None:
            run.font.color.rgb = colour
        return run

    def paragraph(self, text: str = "", *, role: str = "body", size: float | None = None,
                  align=JUSTIFY, indent: bool = False, bold: bool = False, colour: RGBColor | None = None,
                  container=None, line: float | None = None, space_before: float = 0,
                  space_after: float = 0, keep_next: bool = False, left_indent_chars: float = 0):
        """One paragraph; ``indent`` = the body's first-line indent of two characters."""
        p = (container or self.doc).add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = align
        pt = size or BODY_PT
        if indent:
            fmt.first_line_indent = Pt(pt * 2)
        if left_indent_chars:
            fmt.left_indent = Pt(pt * left_indent_chars)
        if line is not None:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(line)
            self.off_grid(p)
        fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
        if keep_next:
            fmt.keep_with_next = True
        for i, part in enumerate(text.split("\n")):
            if i:
                p.add_run().add_break()
            if part:
                self.run(p, part, role=role, size=size, bold=bold, colour=colour)
        return p

    def body(self, text: str):
        return self.paragraph(text, indent=True)

    def heading(self, text: str):
        return self.paragraph(text, role="heading", indent=True, keep_next=True)

    def title(self, text: str):
        return self.paragraph(text, role="title", size=TITLE_PT, align=CENTER, line=36, space_after=14)

    @staticmethod
    def off_grid(paragraph) -> None:
        """A paragraph with its own line height does not snap to the 22-line grid."""
        _in_order(paragraph._p.get_or_add_pPr(), parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))

    # ------------------------------------------------------------------ rules
    @staticmethod
    def rule(paragraph, *, where: str = "bottom", colour: str = "000000", eighths: int = 8,
             style: str = "single") -> None:
        """A rule along the paragraph (its border): ``eighths`` of a point thick."""
        ppr = paragraph._p.get_or_add_pPr()
        borders = ppr.find(qn("w:pBdr"))
        if borders is None:
            borders = _in_order(ppr, parse_xml(f"<w:pBdr {nsdecls('w')}/>"))
        borders.append(parse_xml(f'<w:{where} {nsdecls("w")} w:val="{style}" w:sz="{eighths}" '
                                 f'w:space="1" w:color="{colour}"/>'))

    # ------------------------------------------------------------------ sections and page numbers
    def _portrait(self, section) -> None:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
        section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)
        section.header_distance = Mm(15)
        # the number's line (4号) starts 7 mm below the text block
        section.footer_distance = Mm(BOTTOM - NUMBER_GAP - PAGE_NUMBER_PT * 0.3528 * 1.2)
        self._grid(section, LINE_PITCH_TWIPS)
        self._footer(section.footer, RIGHT_ALIGN)
        self._footer(section.even_page_footer, LEFT_ALIGN)

    def _landscape(self, section) -> None:
        """The portrait page turned: the binding side (28 mm) on top, the text block 225 × 156."""
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(LEFT), Mm(RIGHT)
        section.left_margin, section.right_margin = Mm(BOTTOM), Mm(TOP)
        section.header_distance = section.footer_distance = Mm(10)
        self._grid(section, None)
        for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            for child in list(p._p):
                if child.tag != qn("w:pPr"):
                    p._p.remove(child)
            p._p.append(self._turned_number(odd))

    @staticmethod
    def _grid(section, pitch: int | None) -> None:
        sect = section._sectPr
        for old in sect.findall(qn("w:docGrid")):
            sect.remove(old)
        grid = (f'<w:docGrid {nsdecls("w")} w:type="lines" w:linePitch="{pitch}"/>' if pitch
                else f'<w:docGrid {nsdecls("w")} w:linePitch="312"/>')
        sect.append(parse_xml(grid))

    def _footer(self, footer, align) -> None:
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        for child in list(p._p):
            if child.tag != qn("w:pPr"):
                p._p.remove(child)
        p.paragraph_format.alignment = align
        indent = Pt(PAGE_NUMBER_PT)
        if align is RIGHT_ALIGN:
            p.paragraph_format.right_indent = indent
        else:
            p.paragraph_format.left_indent = indent
        self._number_runs(p)

    def _number_runs(self, p) -> None:
        self.run(p, "— ", face=NUMBER_FONT, size=PAGE_NUMBER_PT)
        for kind, text in (("begin", ""), ("", " PAGE "), ("separate", ""), ("", "1"), ("end", "")):
            run = self.run(p, "", face=NUMBER_FONT, size=PAGE_NUMBER_PT)
            if kind:
                run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
            elif text.strip() == "PAGE":
                run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve">{text}</w:instrText>'))
            else:
                run.text = text
        self.run(p, " —", face=NUMBER_FONT, size=PAGE_NUMBER_PT)

    def _turned_number(self, odd: bool):
        """A text box with the page number, turned a quarter: odd pages read top to bottom at
        the left edge near the foot, even pages bottom to top at the right edge."""
        height_mm, length_mm = 7, 20
        x = (BOTTOM - NUMBER_GAP - height_mm) if odd else (297 - TOP + NUMBER_GAP)
        y = 210 - RIGHT - PAGE_NUMBER_PT * 0.3528 - length_mm  # one character in from the foot
        inner = self.doc.add_paragraph()
        inner.paragraph_format.alignment = CENTER
        inner.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        self._number_runs(inner)
        inner_xml = inner._p.xml
        inner._p.getparent().remove(inner._p)
        vert = "vert" if odd else "vert270"
        emu = EMU_PER_MM
        return parse_xml(
            f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="{WPS}"><w:drawing>'
            f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            f'<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="page"><wp:posOffset>{int(x * emu)}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{int(y * emu)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{height_mm * emu}" cy="{length_mm * emu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:wrapNone/><wp:docPr id="{900 + odd}" name="页码{"奇" if odd else "偶"}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{height_mm * emu}" cy="{length_mm * emu}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            f'</a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{inner_xml}</w:txbxContent></wps:txbx>'
            f'<wps:bodyPr rot="0" vert="{vert}" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
            f'<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')

    def landscape_section(self):
        self.section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self._landscape(self.section)
        return self.section

    def portrait_section(self):
        self.section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self._portrait(self.section)
        return self.section

    def page_break(self) -> None:
        self.doc.add_page_break()

    # ------------------------------------------------------------------ tables
    def table(self, headers: Sequence[str], rows: Sequence[Sequence[object]], widths_mm: Sequence[float],
              *, centered: Sequence[int] = (), size: float = 10.5, fills: dict[tuple[int, int], str] | None = None):
        """A ruled table, header row repeated on every page, rows not split across pages, and
        no page with only one or two of its rows (``_keep_ends``).

        Body cells are copies of one cell made through python-docx per (column, shading), their
        text put into its one run: building every cell through python-docx's API made the 通报
        of a 10,000-task ledger (3,300 rows) take 21 s, four times python-docx's plain cells."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        center = set(centered)
        line = size * 1.35
        self._table_grid(table, widths_mm)
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        for cell, text, width in zip(header.cells, headers, widths_mm):
            cell.width = Mm(width)
            self._cell(cell, str(text), role="heading", size=size, align=CENTER, line=line, shade="E7E6E6")
        fills = fills or {}
        models: dict[tuple[int, str | None], object] = {}

        def model(column: int, shade: str | None):
            """The cell the body cells of ``column`` with ``shade`` are copied from (one run)."""
            if (column, shade) not in models:
                scratch = table.add_row()
                cell = scratch.cells[column]
                cell.width = Mm(widths_mm[column])
                self._cell(cell, "X", size=size, align=CENTER if column in center else LEFT_ALIGN,
                           line=line, shade=shade)
                models[(column, shade)] = cell._tc
                table._tbl.remove(scratch._tr)
            return models[(column, shade)]

        row_model = parse_xml(f'<w:tr {nsdecls("w")}><w:trPr><w:cantSplit/></w:trPr></w:tr>')
        for c in range(len(headers)):
            row_model.append(deepcopy(model(c, None)))
        t_path = f'{qn("w:p")}/{qn("w:r")}/{qn("w:t")}'
        for r, values in enumerate(rows):
            tr = deepcopy(row_model)  # one copy a row: each copy is a document of its own in lxml
            cells = tr.findall(qn("w:tc"))
            for c, value in enumerate(values[:len(headers)]):
                text = "" if value is None else str(value)
                tc = cells[c]
                if (r, c) in fills:
                    tr.replace(tc, tc := deepcopy(model(c, fills[(r, c)])))
                t = tc.find(t_path)
                if _PLAIN.fullmatch(text):
                    t.text = text
                    if text != text.strip():
                        t.set(qn("xml:space"), "preserve")
                else:  # empty, or line breaks and tabs: the runs built by python-docx
                    run = t.getparent()
                    paragraph = run.getparent()
                    paragraph.remove(run)
                    self._runs(Paragraph(paragraph, _Cell(tc, table)), text, size=size)
            for tc in cells[len(values):]:  # a short row: its last cells left empty
                run = tc.find(t_path).getparent()
                run.getparent().remove(run)
            table._tbl.append(tr)
        self._keep_ends(table)
        return table

    @staticmethod
    def _table_grid(table, widths_mm: Sequence[float]) -> None:
        """Fixed column widths in the grid (LibreOffice reads it) and the table's own; each cell
        carries its width too (Word reads the cells: ``_widths``, or set as a cell is made)."""
        tbl_pr = table._tbl.tblPr
        for old in tbl_pr.findall(qn("w:tblW")):
            tbl_pr.remove(old)
        tbl_pr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{int(sum(widths_mm) * 56.7)}" w:type="dxa"/>'))
        tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
        for column, width in zip(table.columns, widths_mm):
            column.width = Mm(width)

    @classmethod
    def _widths(cls, table, widths_mm: Sequence[float]) -> None:
        cls._table_grid(table, widths_mm)
        for column, width in zip(table.columns, widths_mm):
            for cell in column.cells:
                cell.width = Mm(width)

    def _cell(self, cell, text: str, *, role: str = "body", size: float, align, line: float,
              shade: str | None = None) -> None:
        p = cell.paragraphs[0]
        p.paragraph_format.alignment = align
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(line)
        p.paragraph_format.first_line_indent = Pt(0)
        self.off_grid(p)
        self._runs(p, text, role=role, size=size)
        if shade:
            cell._tc.get_or_add_tcPr().append(
                parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{shade}"/>'))

    def _runs(self, paragraph, text: str, *, role: str = "body", size: float) -> None:
        for i, part in enumerate(text.split("\n")):
            if i:
                paragraph.add_run().add_break()
            self.run(paragraph, part, role=role, size=size)

    def label_table(self, rows: Sequence[tuple[str, str]], widths_mm: tuple[float, float], *,
                    size: float, heights_mm: Sequence[float | None] = ()):
        """Two columns: a 黑体 label and its text (the 督办单's boxes)."""
        table = self.doc.add_table(rows=0, cols=2)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        heights = list(heights_mm) + [None] * len(rows)
        for (label, text), height in zip(rows, heights):
            row = table.add_row()
            if height:
                row.height = Mm(height)
            self._cell(row.cells[0], label, role="heading", size=size, align=CENTER, line=size * 1.4)
            self._cell(row.cells[1], text, size=size, align=LEFT_ALIGN, line=size * 1.4)
            for cell in row.cells:
                cell.vertical_alignment = 1  # center
        self._keep_ends(table)
        self._widths(table, widths_mm)
        return table

    @staticmethod
    def _keep_ends(table) -> None:
        """No page with only one or two of the table's rows: the header and the first MIN_ROWS
        rows, and the last MIN_ROWS rows, are kept together (keep with next on their
        paragraphs; the last row not, it is not kept with what follows the table)."""
        rows = table._tbl.tr_lst
        last = len(rows) - 1
        for tr in rows[:min(MIN_ROWS, last)] + rows[max(last - MIN_ROWS + 1, MIN_ROWS):last]:
            for p in tr.iter(qn("w:p")):
                ParagraphFormat(p).keep_with_next = True

    # ------------------------------------------------------------------ 公文 parts
    def masthead(self, text: str, *, size: float = 36) -> None:
        """发文机关标志: red 小标宋, centred."""
        self.paragraph(text, role="title", size=size, align=CENTER, colour=RED, line=size * 1.25)

    def number_and_rule(self, number: str, *, signer: str = "") -> None:
        """发文字号 (centred, or left with 签发人 on the right) over the red rule, 4 mm below."""
        p = self.paragraph("", align=CENTER if not signer else LEFT_ALIGN, space_before=6, line=BODY_PT * 1.5)
        if signer:
            p.paragraph_format.left_indent = Pt(BODY_PT)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(156) - Pt(BODY_PT), alignment=2)  # right
            self.run(p, number)
            self.run(p, "\t签发人：")
            self.run(p, signer, role="kai")
        else:
            self.run(p, number)
        rule = self.paragraph("", line=4, space_after=8)
        self.rule(rule, where="top", colour="FF0000", eighths=12)

    def attachment_note(self, names: Sequence[str]) -> None:
        """附件说明: one line below the body, two characters in; several attachments numbered,
        one per line, the later names aligned with the first."""
        if not names:
            return
        self.paragraph("")
        if len(names) == 1:
            self.paragraph(f"附件：{names[0]}", indent=True)
            return
        for i, name in enumerate(names, start=1):
            p = self.paragraph(("附件：" if i == 1 else "") + f"{i}.{name}", indent=i == 1,
                               left_indent_chars=0 if i == 1 else 5)
        return p

    def signature(self, issuer: str, day_text: str) -> None:
        """落款: the issuing office and the date, right, four characters in from the right edge."""
        self.paragraph("")
        for text in (issuer, day_text):
            p = self.paragraph(text, align=RIGHT_ALIGN)
            p.paragraph_format.right_indent = Pt(BODY_PT * 4)

    def colophon_page(self, copies: str, printer: str, printed_on: str) -> None:
        """版记 at the foot of the last page, over its page number: 抄送 and 印发机关/印发日期
        between a thick first and last rule and a thin one between (4号 仿宋, one character in
        from each side). It is the footer of a last portrait section of its own — the one place
        Word, WPS and LibreOffice all keep at the bottom of the page."""
        self.portrait_section()
        self.paragraph("")
        for footer in (self.section.footer, self.section.even_page_footer):
            number = footer.paragraphs[0]
            parts = []
            if copies:  # a second line aligns with the first name, after 抄送：
                parts.append(self._colophon_line(footer, f"抄送：{copies}", top=8, bottom=4, hang=3))
            parts.append(self._colophon_line(footer, f"{printer}\t{printed_on}印发", top=0 if copies else 8,
                                             bottom=8))
            for part in parts:
                number._p.addprevious(part._p)
            number.paragraph_format.space_before = Pt(BODY_PT)

    def _colophon_line(self, footer, text: str, *, top: int, bottom: int, hang: int = 0):
        size = 14
        p = self.paragraph("", size=size, align=LEFT_ALIGN, line=size * 1.7, container=footer)
        fmt = p.paragraph_format
        fmt.left_indent, fmt.right_indent = Pt(size * (1 + hang)), Pt(size)
        fmt.first_line_indent = Pt(-size * hang)
        fmt.tab_stops.add_tab_stop(Mm(156) - Pt(size * 2), alignment=2)  # right
        self.run(p, text, size=size)
        if top:
            self.rule(p, where="top", eighths=top)
        self.rule(p, where="bottom", eighths=bottom)
        return p

    def save(self, target: str | Path, *, title: str) -> Path:
        core = self.doc.core_properties
        core.title, core.author = title, "舞阳县任务督办"
        target = Path(target)
        with atomic_path(target) as tmp:
            self.doc.save(str(tmp))
        return target

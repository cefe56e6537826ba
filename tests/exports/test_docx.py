"""The Word documents, read back from the files: GB/T 9704 page setup, 版记, 附件说明, the
发文字号 format; and rendered by LibreOffice (writer), page by page."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from wuyang_tasks.exports import registry
from wuyang_tasks.services import office

from . import helpers
from .conftest import REFERENCE_DAY, WEEK_30


def _briefing_docx(ledger, path: Path) -> Path:
    registry.produce(ledger, registry.BRIEFING, {"start": WEEK_30[0], "end": WEEK_30[1]}, path,
                     today=REFERENCE_DAY)
    return path


def _notice_docx(ledger, path: Path, task: str = "2016-002") -> Path:
    registry.produce(ledger, registry.NOTICE, {"task": task}, path, today=REFERENCE_DAY)
    return path


def _mm(length) -> float:
    return round(length / Mm(1), 1)


def _footer_text(footer) -> str:
    return "".join(t for t in footer._element.itertext())


def test_briefing_docx_page_setup_and_parts(demo_ledger, tmp_path):
    d = docx.Document(str(_briefing_docx(demo_ledger, tmp_path / "周报.docx")))
    first = d.sections[0]
    assert (_mm(first.page_width), _mm(first.page_height)) == (210, 297)
    assert (_mm(first.top_margin), _mm(first.left_margin)) == (37, 28)
    assert (_mm(first.page_width - first.left_margin - first.right_margin),
            _mm(first.page_height - first.top_margin - first.bottom_margin)) == (156, 225)  # 版心
    grid = first._sectPr.find(docx.oxml.ns.qn("w:docGrid"))
    assert grid.get(docx.oxml.ns.qn("w:linePitch")) == "579"  # 22 lines in 225 mm
    assert d.settings.odd_and_even_pages_header_footer
    assert "PAGE" in _footer_text(first.footer) and "— " in _footer_text(first.footer)
    assert first.footer.paragraphs[0].alignment == 2 and first.even_page_footer.paragraphs[0].alignment == 0
    landscape = [s for s in d.sections if s.page_width > s.page_height]
    assert len(landscape) == 3  # 任务进展明细, 逾期任务, 目标指标
    for s in landscape:  # the portrait text block turned: 225 × 156 mm, numbers in turned boxes
        assert (_mm(s.page_width - s.left_margin - s.right_margin),
                _mm(s.page_height - s.top_margin - s.bottom_margin)) == (225, 156)
        assert 'vert="vert"' in s.footer._element.xml and 'vert="vert270"' in s.even_page_footer._element.xml
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "舞阳县委县政府督查室"
    assert "各乡镇人民政府，县直各部门：" in texts
    assert any(t.startswith("关于2016年7月25日至7月31日") for t in texts)
    for heading in ("一、总体情况", "二、各单位办理情况", "三、目标指标完成情况", "四、工作要求"):
        assert heading in texts, heading
    assert any(t.startswith("（一）抓紧办理逾期任务。2016-002") for t in texts)
    assert any("推进滞后的单位" in t and "县住建委（任务5项" in t for t in texts)
    # 附件说明: one attachment a line, the later ones aligned with the first name
    i = texts.index("附件：1.任务进展明细")
    assert texts[i + 1:i + 3] == ["2.逾期任务", "3.目标指标完成情况"]
    first_note = d.paragraphs[i].paragraph_format
    assert d.paragraphs[i + 1].paragraph_format.left_indent == first_note.first_line_indent + Mm(0) + \
        docx.shared.Pt(16 * 3)
    # 版记 at the foot of the last page: 抄送, then 印发机关 and 印发日期
    last = d.sections[-1]
    assert last.page_height > last.page_width
    colophon = _footer_text(last.footer)
    assert colophon.index("抄送：县委书记、县长") < colophon.index("舞阳县委县政府督查室") \
        < colophon.index("2016年7月29日印发") < colophon.index("PAGE")
    assert _footer_text(last.even_page_footer) == colophon


def test_unit_table_counts_a_county_wide_overdue_task_for_its_lead_unit_only(demo_ledger, tmp_path):
    d = docx.Document(str(_briefing_docx(demo_ledger, tmp_path / "周报.docx")))
    table = d.tables[0]
    units = {row.cells[1].text: [c.text for c in row.cells] for row in table.rows[1:]}
    # 2016-002 is for 各乡镇: one overdue task of 县住建委, not fourteen townships' each
    assert units["县住建委"][5] == "1" and units["姜店乡"][5] == "0"
    assert sum(int(r[5]) for r in units.values()) == 1
    assert [c.text for c in table.rows[0].cells][7:10] == ["应报", "已报", "未报"]


def test_notice_docx_number_signer_and_red_header(demo_ledger, tmp_path):
    d = docx.Document(str(_notice_docx(demo_ledger, tmp_path / "督办单.docx")))
    body = "\n".join(p.text for p in d.paragraphs)
    cells = "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "舞督〔2016〕1号" in body and "第1号" not in body + cells
    assert "签发人：王耀生" in body and "（盖章）" not in body
    assert d.paragraphs[0].text == "舞阳县委县政府督查室"
    assert d.paragraphs[0].runs[0].font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
    assert 'w:color="FF0000"' in d.element.body.xml  # the red rule
    assert "截至2016年7月29日已逾期2个工作日" in cells and "2016年7月28日红色督办" in cells
    assert "联系人：李静" in cells and "邮箱：wydcs@example.cn" in cells


def test_notice_without_the_official_profile_has_no_red(demo_ledger, tmp_path):
    with demo_ledger.write() as s:
        office.update(s, official=False)
    d = docx.Document(str(_notice_docx(demo_ledger, tmp_path / "督办单.docx")))
    assert 'w:color="FF0000"' not in d.element.body.xml
    assert all(r.font.color.rgb is None for p in d.paragraphs for r in p.runs)


def _render(paths: list[Path], out: Path) -> list[Path]:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice writer is part of the test profile (tools/setup_system.sh)"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'lo-profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, paths)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return [out / f"{p.stem}.pdf" for p in paths]


@pytest.mark.slow
@pytest.mark.sqlite_only  # the files are the same from either backend; LibreOffice is slow
def test_word_documents_render_in_libreoffice(demo_ledger, tmp_path):
    briefing, notice = _render([_briefing_docx(demo_ledger, tmp_path / "briefing.docx"),
                                _notice_docx(demo_ledger, tmp_path / "notice.docx")], tmp_path)
    assert helpers.pages(notice) == 1
    assert helpers.is_a4(helpers.page_size(notice), landscape=False)
    pages = helpers.pages(briefing)
    assert helpers.is_a4(helpers.page_size(briefing, 1), landscape=False)
    assert helpers.is_a4(helpers.page_size(briefing, pages - 1), landscape=True)
    assert helpers.is_a4(helpers.page_size(briefing, pages), landscape=False)  # the 版记 page
    text = helpers.squeezed_text(briefing)
    assert "—1—" in text and f"—{pages}—" in text
    last = subprocess.run(["pdftotext", "-layout", "-f", str(pages), "-l", str(pages), str(briefing), "-"],
                          capture_output=True, text=True, check=True).stdout
    last = re.sub(r"\s+", "", last)
    assert last.startswith("抄送：县委书记、县长") and last.endswith(f"2016年7月29日印发—{pages}—")
    with zipfile.ZipFile(tmp_path / "briefing.docx") as z:
        assert "word/footer" in " ".join(z.namelist())


@pytest.mark.slow
@pytest.mark.parametrize("rows", [43, 44])  # 42 fit the first page: 1 or 2 used to go over alone
def test_word_table_leaves_no_page_with_one_or_two_rows(tmp_path, rows):
    from wuyang_tasks.exports import docx_common
    from wuyang_tasks.exports.fonts import font_set

    w = docx_common.Writer(font_set())
    w.table(["序号", "内容"], [[i, f"第{i}行"] for i in range(1, rows + 1)], (20, 120))
    (pdf,) = _render([w.save(tmp_path / "表.docx", title="表")], tmp_path)
    per_page = [len(re.findall(r"第\s*\d+\s*行", helpers.page_text(pdf, n))) for n in range(1, helpers.pages(pdf) + 1)]
    assert sum(per_page) == rows and len(per_page) == 2 and min(per_page) >= 3, per_page

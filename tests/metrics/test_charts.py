"""Charts for documents: native Excel charts and reportlab drawings, rendered and inspected."""

import re
import subprocess
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from PIL import Image

from wuyang_tasks.exports import metric_charts as mc
from wuyang_tasks.services.metrics import metrics_report


@pytest.fixture
def report(demo_ledger):
    with demo_ledger.read() as s:
        return metrics_report(s, demo_ledger.today())


def _chart_xml(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n))
        return [z.read(n).decode("utf-8") for n in names]


@pytest.mark.sqlite_only
def test_xlsx_has_sheet_table_and_four_native_charts(report, tmp_path):
    path = mc.export_metrics(report, tmp_path / "指标.xlsx")
    charts = _chart_xml(path)
    assert len(charts) == 4
    assert "累计优良天数与序时进度" in charts[0] and "<lineChart>" in charts[0]
    assert "PM10月均浓度与全省平均值" in charts[1] and "<barChart>" in charts[1]
    water = charts[3]
    assert "三里河省控断面水质类别" in water and "<lineChart>" in water  # bars + target line
    assert "C00000" in water  # the missed month painted red
    ws = load_workbook(path)[mc.SHEET]
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "年度目标指标完成情况" in values and "黄灯" in values and "绿灯" in values
    assert any(isinstance(v, str) and "演示数据" in v for v in values)
    assert "7月29日" in values  # the current month's row ends on the day


@pytest.mark.sqlite_only
def test_sheet_goes_into_a_write_only_workbook(report, tmp_path):
    wb = Workbook(write_only=True)
    wb.create_sheet("总体情况").append(["x"])
    mc.add_metrics_sheet(wb, report)
    wb.save(tmp_path / "b.xlsx")
    assert load_workbook(tmp_path / "b.xlsx").sheetnames == ["总体情况", mc.SHEET]


def _red_and_blue_pixels(png) -> tuple[int, int]:
    im = Image.open(png).convert("RGB")
    red = blue = 0
    data = im.tobytes()
    for i in range(0, len(data), 3):
        r, g, b = data[i], data[i + 1], data[i + 2]
        if r > 170 and g < 40 and b < 40:
            red += 1
        elif r < 70 and 70 < g < 110 and b > 130:
            blue += 1
    return red, blue


@pytest.mark.sqlite_only
def test_pdf_charts_render_with_embedded_chinese_fonts(report, tmp_path):
    path = mc.export_metrics(report, tmp_path / "指标.pdf")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    font_rows = fonts.splitlines()[2:]
    assert font_rows and all(" yes " in row for row in font_rows)  # everything embedded
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("累计优良天数与序时进度", "PM2.5月均浓度与全省平均值", "三里河省控断面水质类别",
                  "落后2.3天", "无数据2天", "演示数据"):
        assert words in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "2", "-l", "2", str(path),
                    str(tmp_path / "page")], check=True)
    red, blue = _red_and_blue_pixels(tmp_path / "page-2.png")
    assert red > 150  # the Ⅴ-class month bar
    assert blue > 500  # the county bars and the cumulative line


def test_portrait_width_puts_one_chart_a_row(report):
    from reportlab.lib.units import mm

    grid = mc.chart_grid(report, "Helvetica", 156 * mm)[1]
    assert len(grid._cellvalues) == 4 and len(grid._cellvalues[0]) == 1


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_xlsx_charts_render_in_libreoffice(report, tmp_path):
    path = mc.export_metrics(report, tmp_path / "metrics.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "metrics.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "累计优良天数与序时进度" in text and "全省平均值" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+5\n", pages)  # the table, then one page per metric


def test_sentence_for_the_briefing_body(report):
    text = mc.metrics_sentence(report)
    assert text.startswith("截至2016年7月29日（演示数据）：优良天数（目标≥219天）黄灯，优良124天")
    assert "PM10年均浓度（目标≤全省平均值）绿灯" in text
    assert text.endswith("优良天数、PM2.5年均浓度、三里河省控断面水质类别未达序时要求，请牵头单位和属地乡镇加大工作力度。")

"""The weekly briefing carries the year targets: a section, an attachment with charts (PDF)
and a 目标指标 sheet with native charts (Excel)."""

import re
import subprocess
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from wuyang_tasks.exports.briefing_pdf import write_briefing_pdf
from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx
from wuyang_tasks.exports.metric_charts import SHEET
from wuyang_tasks.services.documents import build_briefing


@pytest.fixture
def briefing(demo_ledger):
    with demo_ledger.read() as s:
        return build_briefing(s, start=date(2016, 7, 25), end=date(2016, 7, 31), today=demo_ledger.today(),
                              cal=demo_ledger.calendar(), keep_issue=False)


def test_briefing_carries_the_metrics(briefing):
    assert briefing.metrics.as_of == date(2016, 7, 29)
    assert [m.name for m in briefing.metrics.metrics] == ["优良天数", "PM10年均浓度", "PM2.5年均浓度",
                                                          "三里河省控断面水质类别"]


def test_excel_briefing_has_the_metrics_sheet_with_charts(briefing, tmp_path):
    path = write_briefing_xlsx(briefing, tmp_path / "周报.xlsx")
    assert load_workbook(path).sheetnames[-1] == SHEET
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n)]
    assert sum("累计优良天数与序时进度" in c for c in charts) == 1
    assert sum("三里河省控断面水质类别" in c for c in charts) == 1


def test_pdf_briefing_has_the_section_and_the_chart_attachment(briefing, tmp_path):
    path = write_briefing_pdf(briefing, tmp_path / "周报.pdf").path
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "三、目标指标完成情况" in flat
    assert "优良天数（目标≥219天）黄灯" in flat
    assert re.search(r"附件：1\.任务进展明细2\.逾期任务3\.目标指标完成情况", flat)
    assert "附件3目标指标完成情况（第" in flat
    assert "累计优良天数与序时进度" in flat and "三里河省控断面水质类别（逐月" in flat

"""Year-target metrics in documents: a 目标指标 sheet with native Excel charts, and the same
charts as reportlab.graphics drawings for PDF. Built from ``services.metrics.MetricsReport``.

Charts: cumulative good days against the straight pace line to the target; each concentration
by month against its reference series (全省平均值); the water section's class by month, months
that missed the class in red. The weekly briefing calls :func:`add_metrics_sheet` (Excel) and
:func:`metrics_flowables` (PDF); ``wuyang-tasks metrics --export`` calls :func:`export_metrics`.

Import only from inside an export function's caller: openpyxl and reportlab load lazily here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wuyang_tasks.domain import metrics as rules
from wuyang_tasks.domain.enums import MetricKind
from wuyang_tasks.domain.metrics import MetricStatus
from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.metrics import MetricsReport, MetricView, chinese_day

if TYPE_CHECKING:
    from reportlab.lib.colors import Color

SHEET = "目标指标"
TITLE = "年度目标指标完成情况"
STATUS_COLOURS = {MetricStatus.GREEN: "A9D08E", MetricStatus.AMBER: "FFE699",
                  MetricStatus.RED: "FF9999", MetricStatus.NO_DATA: "D9D9D9"}
COUNTY_COLOUR, REFERENCE_COLOUR, PACE_COLOUR = "2F5597", "ED7D31", "7F7F7F"
MISSED_COLOUR, MET_COLOUR = "C00000", "5B9BD5"
RULE_TEXT = ("状态规则：优良天数——达到或超过序时进度（直线均匀推进至全年目标）为绿灯；落后序时进度为黄灯；"
             "全年目标已无法完成，或今后所需优良比例高出全年计划10个百分点以上为红灯。无数据的日子不计为"
             "优良或非优良，单独列出。浓度——与全省平均值逐月同期比较，不高于为绿灯，高出10%以内为黄灯，"
             "高出10%以上为红灯。水质——各月均达到目标类别为绿灯，最近一月达标但此前有月份未达标为黄灯，"
             "最近一月未达标为红灯。")


def responsible_text(m: MetricView) -> str:
    parts = []
    if m.lead_units:
        parts.append(f"{'、'.join(m.lead_units)}（牵头）")
    if m.territorial_units:
        towns = m.territorial_units
        names = "、".join(towns) if len(towns) <= 3 else f"{towns[0]}等{len(towns)}个乡镇"
        parts.append(f"{names}（属地）")
    return "；".join(parts)


def metrics_sentence(report: MetricsReport) -> str:
    """One paragraph for the briefing's body: each metric's figure and light."""
    if not report.metrics:
        return f"台账中没有{report.year}年的目标指标。"
    parts = [f"{m.name}（目标{m.target_text}）{m.status.label}，{m.current_text}，{m.reason}"
             for m in report.metrics]
    text = f"{report.caption}：" + "。".join(parts) + "。"
    behind = [m.name for m in report.metrics if m.behind]
    if behind:
        text += f"{'、'.join(behind)}未达序时要求，请牵头单位和属地乡镇加大工作力度。"
    return text


def chart_title(m: MetricView) -> str:
    if m.kind is MetricKind.GOOD_DAYS:
        return f"{m.year}年累计优良天数与序时进度（目标{m.target_text}）"
    if m.kind is MetricKind.WATER_CLASS:
        return f"{m.name}（逐月，目标{m.target_text}）"
    return f"{m.name.removesuffix('年均浓度')}月均浓度与{m.reference_name or '目标值'}"


# ============================================================================= Excel
def add_metrics_sheet(wb, report: MetricsReport) -> None:
    """Append the 目标指标 sheet (table, month tables, native charts) to a write-only workbook."""
    from openpyxl.styles import PatternFill

    from . import xlsx_common as x

    ws = wb.create_sheet(SHEET)
    columns = [x.Column("序号", 9, 9, center=True), x.Column("指标", 16, 16),
               x.Column("目标", 13, 13, center=True), x.Column("完成情况", 24, 24),
               x.Column("状态", 8, 8, center=True), x.Column("说明", 44, 44),
               x.Column("责任单位", 24, 24)]
    widths = [c.min_width for c in columns]
    x.apply_widths(ws, widths)
    x.print_setup(ws, header_row=None, landscape=True)
    out = x.SheetWriter(ws, columns, widths)
    out.title_rows(TITLE, report.caption)
    out.header_row()
    for i, m in enumerate(report.metrics, start=1):
        fill = PatternFill("solid", fgColor=STATUS_COLOURS[m.status])
        out.append([out.number(i), out.text(m.name), out.text(m.target_text, align=x.CENTER),
                    out.text(m.current_text), out.text(m.status.label, align=x.CENTER, fill=fill),
                    out.text(m.reason), out.text(responsible_text(m))])
    if not report.metrics:
        out.append([out.text(f"台账中没有{report.year}年的指标。", border=False)])
    _note_row(out, x, RULE_TEXT, widths)
    if report.demo_data:
        _note_row(out, x, "注：本表读数为演示台账中程序生成的演示数据，不是实测监测数据。", widths)
    for m in report.metrics:
        if m.kind is MetricKind.GOOD_DAYS and m.pace_months:
            _good_days_block(ws, out, x, m)
        elif m.kind is MetricKind.CONCENTRATION and m.monthly:
            _concentration_block(ws, out, x, m)
        elif m.kind is MetricKind.WATER_CLASS and m.classes:
            _water_block(ws, out, x, m)


def _merged_row(out, cell, height: float) -> None:
    """One cell across the sheet's columns (SheetWriter.append would size it by column A)."""
    out.row_count += 1
    out.ws.row_dimensions[out.row_count].height = height
    out.ws.append([cell])
    out.ws.merged_cells.add(f"A{out.row_count}:G{out.row_count}")


def _note_row(out, x, text: str, widths) -> None:
    from openpyxl.styles import Alignment

    cell = out.text(text, font=x.CAPTION, border=False,
                    align=Alignment(horizontal="left", vertical="top", wrap_text=True))
    _merged_row(out, cell, x.wrapped_lines(text, sum(widths) * 0.95) * 16 + 6)


def _block_header(out, x, title: str, headers: list[str]) -> int:
    """A block (table and chart) starts on a new printed page."""
    from openpyxl.worksheet.pagebreak import Break

    out.ws.row_breaks.append(Break(id=out.row_count))
    _merged_row(out, out.text(title, font=x.BOLD_BODY, align=x.LEFT, border=False), 24)
    out.append([out.text(h, x.HEADER, x.CENTER, x.HEADER_FILL) for h in headers])
    return out.row_count


CHART_ROWS = 20  # rows kept free below a table for its chart (about 10 cm)


def _place_chart(ws, out, chart) -> None:
    chart.height, chart.width = 9.5, 24
    ws.add_chart(chart, f"A{out.row_count + 2}")
    for _ in range(CHART_ROWS + 1):
        out.append([])


def _good_days_block(ws, out, x, m: MetricView) -> None:
    from openpyxl.chart import LineChart, Reference

    header = _block_header(out, x, f"{m.name}序时进度（目标{m.target_text}）",
                           ["月份", "当月优良天数", "累计优良天数", "序时进度（天）", "差额（天）", "无数据天数"])
    for row in m.pace_months:
        cells = [out.text(row.label, align=x.CENTER)]
        for value, fmt in ((row.good, None), (row.cumulative, None), (row.pace, "0.0"),
                           (row.gap, "+0.0;-0.0;0.0"), (row.without_data, None)):
            cells.append(out.text("", align=x.CENTER) if value is None else out.number(value, fmt))
        out.append(cells)
    first, last = header + 1, out.row_count
    chart = LineChart()
    chart.title = chart_title(m)
    chart.y_axis.title = "优良天数（天）"
    chart.x_axis.title = "月份（月末累计）"
    chart.add_data(Reference(ws, min_col=3, max_col=4, min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    actual, pace = chart.series
    _line_style(actual, COUNTY_COLOUR, width=28575, marker=True)
    _line_style(pace, PACE_COLOUR, width=19050, dash="dash")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = _nice_max(m.good_days.target if m.good_days else 0)
    _axes_visible(chart)
    assert chart.legend is not None  # a new chart has its legend
    chart.legend.position = "b"
    _place_chart(ws, out, chart)


def _concentration_block(ws, out, x, m: MetricView) -> None:
    from openpyxl.chart import BarChart, Reference

    ref = m.reference_name or "目标值"
    header = _block_header(out, x, f"{m.name}逐月（{m.unit_of_measure}）",
                           ["月份", "本县", ref, "差值"])
    for month, value, reference in m.monthly:
        diff = value - reference if value is not None and reference is not None else None
        cells = [out.text(f"{month.month}月", align=x.CENTER)]
        for v, fmt in ((value, "0.0"), (reference, "0.0"), (diff, "+0.0;-0.0;0.0")):
            cells.append(out.text("", align=x.CENTER) if v is None else out.number(v, fmt))
        out.append(cells)
    first, last = header + 1, out.row_count
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    chart.title = chart_title(m)
    chart.y_axis.title = f"浓度（{m.unit_of_measure}）"
    chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    for series, colour in zip(chart.series, (COUNTY_COLOUR, REFERENCE_COLOUR)):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.y_axis.scaling.min = 0
    _axes_visible(chart)
    chart.legend.position = "b"
    _place_chart(ws, out, chart)


def _water_block(ws, out, x, m: MetricView) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.chart.marker import DataPoint

    target = m.water.target_class if m.water else 4
    header = _block_header(out, x, f"{m.name}逐月（目标{m.target_text}）",
                           ["月份", "水质类别", "类别值", "目标类别值", "是否达标"])
    for month, cls in m.classes:
        met = "" if cls is None else ("达标" if cls <= target else "未达标")
        out.append([out.text(f"{month.month}月", align=x.CENTER),
                    out.text(rules.water_class_label(cls) + ("类" if cls else "（无数据）"), align=x.CENTER),
                    out.text("", align=x.CENTER) if cls is None else out.number(cls),
                    out.number(target), out.text(met, align=x.CENTER)])
    first, last = header + 1, out.row_count
    bars = BarChart()
    bars.type = "col"
    bars.title = chart_title(m)
    bars.y_axis.title = "类别值（Ⅳ类=4）"
    bars.add_data(Reference(ws, min_col=3, min_row=header, max_row=last), titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    series = bars.series[0]
    series.graphicalProperties.solidFill = MET_COLOUR
    for i, (_, cls) in enumerate(m.classes):
        if cls is not None and cls > target:
            point = DataPoint(idx=i)
            point.graphicalProperties.solidFill = MISSED_COLOUR
            series.dPt.append(point)
    line = LineChart()
    line.add_data(Reference(ws, min_col=4, min_row=header, max_row=last), titles_from_data=True)
    _line_style(line.series[0], MISSED_COLOUR, width=19050, dash="dash")
    bars.y_axis.scaling.min, bars.y_axis.scaling.max = 0, 6
    bars.y_axis.majorUnit = 1
    _axes_visible(bars)
    bars += line
    bars.legend.position = "b"
    _place_chart(ws, out, bars)


def _line_style(series, colour: str, *, width: int, dash: str | None = None, marker: bool = False) -> None:
    series.graphicalProperties.line.solidFill = colour
    series.graphicalProperties.line.width = width
    if dash:
        series.graphicalProperties.line.dashStyle = dash
    series.smooth = False
    if marker:
        series.marker.symbol = "circle"
        series.marker.size = 5
        series.marker.graphicalProperties.solidFill = colour
        series.marker.graphicalProperties.line.solidFill = colour
    else:
        series.marker.symbol = "none"


def _axes_visible(chart) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _nice_max(target: float) -> float:
    step = 50
    return max(step, -(-(target * 1.05) // step) * step)


# ============================================================================= PDF
def metric_drawings(report: MetricsReport, font: str, width: float, height: float) -> list:
    """One reportlab Drawing per metric with readings (good days, concentrations, water class)."""
    drawings = []
    for m in report.metrics:
        if m.kind is MetricKind.GOOD_DAYS and m.cumulative and m.good_days:
            drawings.append(good_days_drawing(m, font, width, height))
        elif m.kind is MetricKind.CONCENTRATION and m.monthly:
            drawings.append(concentration_drawing(m, font, width, height))
        elif m.kind is MetricKind.WATER_CLASS and any(c is not None for _, c in m.classes):
            drawings.append(water_drawing(m, font, width, height))
    return drawings


def _frame(font: str, width: float, height: float, title: str):
    from reportlab.graphics.shapes import Drawing, String

    d = Drawing(width, height, initialFontName=font)  # else the renderer starts in Helvetica
    d.add(String(width / 2, height - 14, title, fontName=font, fontSize=11, textAnchor="middle"))
    return d


def _legend(d, font: str, items: list[tuple[str, Color, bool]], y: float) -> None:
    """Legend at the bottom: (label, colour, is_line)."""
    from reportlab.graphics.shapes import Line, Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = [stringWidth(label, font, 8.5) + 28 for label, _, _ in items]
    x = (d.width - sum(widths)) / 2
    for (label, colour, is_line), w in zip(items, widths):
        if is_line:
            d.add(Line(x, y + 3, x + 16, y + 3, strokeColor=colour, strokeWidth=1.5))
        else:
            # types-reportlab's Rect lacks Unpack on **kw: it would take only dicts as keywords
            d.add(Rect(x + 2, y - 1, 12, 8, fillColor=colour, strokeColor=None))  # type: ignore[arg-type]
        d.add(String(x + 20, y, label, fontName=font, fontSize=8.5))
        x += w


def _hex(value: str):
    from reportlab.lib import colors

    return colors.HexColor("#" + value)


def _axis_fonts(axis, font: str) -> None:
    axis.labels.fontName = font
    axis.labels.fontSize = 8


def good_days_drawing(m: MetricView, font: str, width: float, height: float):
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import String
    from reportlab.graphics.widgets.markers import makeMarker

    pace = m.good_days
    assert pace is not None  # metric_drawings draws a good-days metric only with its pace
    d = _frame(font, width, height, chart_title(m))
    plot = LinePlot()
    plot.x, plot.y = 40, 42
    # the stubs type a PlotArea's size int; reportlab's points are floats
    plot.width, plot.height = width - 60, height - 92  # type: ignore[assignment]
    actual = [(i + 1, n) for i, (_, n) in enumerate(m.cumulative)]
    plot.data = [actual, [(0, 0), (pace.days_in_year, pace.target)]]
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = _hex(COUNTY_COLOUR), 1.8
    plot.lines[1].strokeColor, plot.lines[1].strokeWidth = _hex(PACE_COLOUR), 1
    plot.lines[1].strokeDashArray = (4, 3)
    plot.lines[0].symbol = None
    xa, ya = plot.xValueAxis, plot.yValueAxis
    xa.valueMin, xa.valueMax = 0, pace.days_in_year
    starts = [(p.end.replace(day=1) - p.end.replace(month=1, day=1)).days for p in m.pace_months]
    xa.valueSteps = starts + [pace.days_in_year]
    xa.labelTextFormat = lambda v: f"{starts.index(int(v)) + 1}月" if int(v) in starts else ""
    xa.labels.dx = 14  # month names sit in their month, not on its first day
    ya.valueMin, ya.valueMax = 0, _nice_max(pace.target)
    ya.valueStep = 50
    ya.visibleGrid, ya.gridStrokeColor, ya.gridStrokeWidth = True, _hex("D9D9D9"), 0.5
    _axis_fonts(xa, font)
    _axis_fonts(ya, font)
    d.add(plot)
    # today's point and its numbers
    last_x, last_y = actual[-1]
    px = plot.x + plot.width * last_x / pace.days_in_year
    py = plot.y + plot.height * last_y / ya.valueMax
    marker = makeMarker("FilledCircle", size=4, x=px, y=py, fillColor=_hex(COUNTY_COLOUR))
    d.add(marker)
    note = (f"{chinese_day(m.cumulative[-1][0])}：优良{pace.good_days}天，序时进度{pace.pace_expected:.1f}天，"
            f"{'超出' if pace.pace_gap >= 0 else '落后'}{abs(pace.pace_gap):.1f}天")
    if pace.days_without_data:
        note += f"，无数据{pace.days_without_data}天"
    d.add(String(width / 2, height - 28, note, fontName=font, fontSize=8.5, textAnchor="middle",
                 fillColor=_hex(COUNTY_COLOUR)))
    d.add(String(plot.x - 4, plot.y + plot.height + 6, "天", fontName=font, fontSize=8, textAnchor="end"))
    _legend(d, font, [("累计优良天数", _hex(COUNTY_COLOUR), True),
                      (f"序时进度（至{pace.target}天）", _hex(PACE_COLOUR), True)], 8)
    return d


def concentration_drawing(m: MetricView, font: str, width: float, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import String

    d = _frame(font, width, height, chart_title(m))
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 42
    chart.width, chart.height = width - 60, height - 80  # type: ignore[assignment]  # as in good_days_drawing
    chart.data = [[v for _, v, _ in m.monthly], [r for _, _, r in m.monthly]]
    chart.categoryAxis.categoryNames = [f"{month.month}月" for month, _, _ in m.monthly]
    chart.bars[0].fillColor, chart.bars[1].fillColor = _hex(COUNTY_COLOUR), _hex(REFERENCE_COLOUR)
    chart.bars.strokeColor = None
    chart.barSpacing, chart.groupSpacing = 1, 8
    top = max([v for row in chart.data for v in row if v is not None] or [10])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = -(-top * 1.15 // 20) * 20
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor, chart.valueAxis.gridStrokeWidth = _hex("D9D9D9"), 0.5
    chart.barLabelFormat = "%.0f"
    chart.barLabels.fontName, chart.barLabels.fontSize = font, 6.5
    chart.barLabels.nudge = 6
    _axis_fonts(chart.categoryAxis, font)
    _axis_fonts(chart.valueAxis, font)
    d.add(chart)
    d.add(String(chart.x - 4, chart.y + chart.height + 6, m.unit_of_measure, fontName=font,
                 fontSize=8, textAnchor="end"))
    _legend(d, font, [("本县", _hex(COUNTY_COLOUR), False),
                      (m.reference_name or "目标值", _hex(REFERENCE_COLOUR), False)], 8)
    return d


def water_drawing(m: MetricView, font: str, width: float, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Line, String

    target = m.water.target_class if m.water else 4
    d = _frame(font, width, height, chart_title(m))
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 42
    chart.width, chart.height = width - 60, height - 80  # type: ignore[assignment]  # as in good_days_drawing
    values = [c for _, c in m.classes]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [f"{month.month}月" for month, _ in m.classes]
    chart.bars[0].fillColor = _hex(MET_COLOUR)
    chart.bars.strokeColor = None
    for i, cls in enumerate(values):
        if cls is not None and cls > target:
            chart.bars[(0, i)].fillColor = _hex(MISSED_COLOUR)
    va = chart.valueAxis
    va.valueMin, va.valueMax, va.valueStep = 0, 6, 1
    va.labelTextFormat = lambda v: rules.WATER_CLASSES.get(int(v), "") if v else ""
    va.visibleGrid, va.gridStrokeColor, va.gridStrokeWidth = True, _hex("D9D9D9"), 0.5
    chart.barLabelFormat = lambda v: f"{rules.water_class_label(v)}类" if v else ""
    chart.barLabels.fontName, chart.barLabels.fontSize = font, 7.5
    chart.barLabels.fillColor = _hex("FFFFFF")
    chart.barLabels.boxAnchor = "n"
    chart.barLabels.nudge = -4  # inside the bar top, clear of the target line
    _axis_fonts(chart.categoryAxis, font)
    _axis_fonts(va, font)
    d.add(chart)
    y = chart.y + chart.height * target / 6
    d.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=_hex(MISSED_COLOUR),
               strokeWidth=1, strokeDashArray=(4, 3)))
    d.add(String(chart.x - 4, chart.y + chart.height + 12, "类别", fontName=font, fontSize=8,
                 textAnchor="end"))
    _legend(d, font, [("达标月份", _hex(MET_COLOUR), False), ("未达标月份", _hex(MISSED_COLOUR), False),
                      (f"目标（{rules.water_class_label(target)}类）", _hex(MISSED_COLOUR), True)], 8)
    return d


def metrics_flowables(report: MetricsReport, styles, width: float, *,
                      heading: str | None = "目标指标完成情况") -> list:
    """Heading, status table, rule note and charts for a PDF story (``styles``: pdf_common.Styles)."""
    from reportlab.lib import colors
    from reportlab.platypus import Spacer

    from . import pdf_common as pc

    story = [styles.p(heading, styles.heading)] if heading else []
    story.append(styles.p(report.caption, styles.plain))
    if not report.metrics:
        return story + [styles.p(f"台账中没有{report.year}年的指标。", styles.plain)]
    rows = [[str(i), m.name, m.target_text, m.current_text, m.status.label, m.reason]
            for i, m in enumerate(report.metrics, start=1)]
    fills = [("BACKGROUND", (4, i), (4, i), colors.HexColor("#" + STATUS_COLOURS[m.status]))
             for i, m in enumerate(report.metrics, start=1)]
    story.append(Spacer(1, 4))
    story.append(pc.table(styles, ["序号", "指标", "目标", "完成情况", "状态", "说明"], rows,
                          pc.scaled([5, 15, 13, 22, 8, 45], width), centered=(0, 2, 4),
                          row_styles=fills))
    note = RULE_TEXT
    if report.demo_data:
        note += "注：读数为演示台账中程序生成的演示数据，不是实测监测数据。"
    story.append(Spacer(1, 4))
    story.append(styles.p(note, styles.cell))
    story += chart_grid(report, styles.fonts.body, width)
    return story


def chart_grid(report: MetricsReport, font: str, width: float) -> list:
    """The charts, two a row on a landscape text block, one a row on a portrait one."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle

    per_row = 2 if width >= 200 * mm else 1
    cell_w = width / per_row
    drawings = metric_drawings(report, font, cell_w - 8, min(cell_w * 0.55, 180))
    if not drawings:
        return []
    rows = [drawings[i:i + per_row] for i in range(0, len(drawings), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    grid = Table(rows, colWidths=[cell_w] * per_row)
    grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                              ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [Spacer(1, 10), grid]


# ============================================================================= standalone file
def export_metrics(report: MetricsReport, target: str | Path) -> Path:
    """The metrics alone as .xlsx (sheet and native charts) or .pdf (landscape A4)."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import Workbook

        with atomic_path(target) as tmp:  # write-only sheets spool to disk while being built
            wb = Workbook(write_only=True)
            add_metrics_sheet(wb, report)
            wb.save(tmp)
        return target
    if suffix == ".pdf":
        from . import pdf_common as pc

        fonts = pc.load_fonts()
        styles = pc.Styles(fonts, body_size=14, table_size=10)
        story = [styles.p(TITLE, styles.title)] + metrics_flowables(
            report, styles, pc.GBT_LANDSCAPE.width, heading=None)
        templates = pc.numbered_templates(fonts)
        pc.build(target, story, templates=[templates["landscape"]], title=TITLE, fonts=fonts)
        return target
    from wuyang_tasks.domain.errors import ValidationError

    raise ValidationError(f"“{target.name}”：导出文件应以 .xlsx 或 .pdf 结尾。")

"""A metric's chart painted with QPainter (QtCharts is not part of PySide6-Essentials).

``MetricChart.set_view(view)`` paints, by the metric's kind: cumulative good days against the
straight pace line to the target; monthly concentration against the reference series
(全省平均值); the water section's class by month, months that missed the class in red.
The dashboard embeds the same widget.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from wuyang_tasks.domain import metrics as rules
from wuyang_tasks.domain.enums import MetricKind
from wuyang_tasks.services.metrics import MetricView

COUNTY = QColor("#2f5597")
REFERENCE = QColor("#ed7d31")
PACE = QColor("#7f7f7f")
MET = QColor("#5b9bd5")
MISSED = QColor("#c00000")
GRID = QColor("#d9d9d9")
TEXT = QColor("#222222")


def nice_top(value: float, step: float) -> float:
    return max(step, -(-(value * 1.08) // step) * step)


class MetricChart(QWidget):
    clicked = Signal(int)  # the metric's id (the dashboard opens the 指标 page on it)
    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 54, 18, 50, 52

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view: MetricView | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 240)

    def sizeHint(self) -> QSize:
        return QSize(560, 320)

    def set_view(self, view: MetricView | None) -> None:
        self.view = view
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        if self.view is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.view.id)
        super().mouseReleaseEvent(event)

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        view = self.view
        if view is None:
            return
        self._title(p, self.title_text(view))
        plot = QRectF(self.MARGIN_LEFT, self.MARGIN_TOP, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT,
                      self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM)
        if view.kind is MetricKind.GOOD_DAYS and view.good_days and view.cumulative:
            self._good_days(p, plot, view)
        elif view.kind is MetricKind.CONCENTRATION and view.monthly:
            self._concentration(p, plot, view)
        elif view.kind is MetricKind.WATER_CLASS and any(c is not None for _, c in view.classes):
            self._water(p, plot, view)
        else:
            p.setPen(TEXT)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No readings yet"))

    def title_text(self, view: MetricView) -> str:
        return f"{view.name}（{view.target_text}）"

    def _title(self, p: QPainter, text: str) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.1)
        p.setFont(font)
        p.setPen(TEXT)
        p.drawText(QRectF(0, 4, self.width(), 22), Qt.AlignmentFlag.AlignHCenter, text)
        p.setFont(self.font())

    def _subtitle(self, p: QPainter, text: str, colour: QColor) -> None:
        p.setPen(colour)
        p.drawText(QRectF(0, 26, self.width(), 18), Qt.AlignmentFlag.AlignHCenter, text)

    def _y_axis(self, p: QPainter, plot: QRectF, top: float, step: float, label=None) -> None:
        p.setPen(QPen(GRID, 1))
        value = 0.0
        while value <= top + 1e-9:
            y = plot.bottom() - plot.height() * value / top
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(TEXT)
            text = label(value) if label else f"{value:g}"
            p.drawText(QRectF(0, y - 9, plot.left() - 6, 18),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            value += step
        p.setPen(QPen(TEXT, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())

    def _legend(self, p: QPainter, items: list[tuple[str, QColor, str]]) -> None:
        """items: (label, colour, 'line' | 'dash' | 'box') centred under the plot."""
        metrics = p.fontMetrics()
        widths = [metrics.horizontalAdvance(label) + 34 for label, _, _ in items]
        x = (self.width() - sum(widths)) / 2
        y = self.height() - 14
        for (label, colour, kind), w in zip(items, widths):
            if kind == "box":
                p.fillRect(QRectF(x + 2, y - 5, 14, 10), colour)
            else:
                pen = QPen(colour, 2)
                if kind == "dash":
                    pen.setStyle(Qt.PenStyle.DashLine)
                p.setPen(pen)
                p.drawLine(QPointF(x, y), QPointF(x + 18, y))
            p.setPen(TEXT)
            p.drawText(QRectF(x + 22, y - 9, w, 18), Qt.AlignmentFlag.AlignVCenter, label)
            x += w

    def _good_days(self, p: QPainter, plot: QRectF, view: MetricView) -> None:
        g = view.good_days
        top = nice_top(g.target, 50)
        self._y_axis(p, plot, top, 50)

        def point(day_number: float, value: float) -> QPointF:
            return QPointF(plot.left() + plot.width() * day_number / g.days_in_year,
                           plot.bottom() - plot.height() * value / top)

        p.setPen(TEXT)
        for row in view.pace_months:  # month names in the middle of their month
            start = (row.end.replace(day=1) - row.end.replace(month=1, day=1)).days
            x0 = point(start, 0).x()
            p.setPen(QPen(TEXT, 1))
            p.drawLine(QPointF(x0, plot.bottom()), QPointF(x0, plot.bottom() + 4))
            width = plot.width() / 12
            p.drawText(QRectF(x0, plot.bottom() + 4, width, 16), Qt.AlignmentFlag.AlignHCenter,
                       self.tr("%1M").replace("%1", str(row.month)))
        pace_pen = QPen(PACE, 1.5, Qt.PenStyle.DashLine)
        p.setPen(pace_pen)
        p.drawLine(point(0, 0), point(g.days_in_year, g.target))
        path = QPainterPath(point(0, 0))
        for i, (_, n) in enumerate(view.cumulative, start=1):
            path.lineTo(point(i, n))
        p.setPen(QPen(COUNTY, 2.2))
        p.drawPath(path)
        last = point(len(view.cumulative), view.cumulative[-1][1])
        p.setBrush(COUNTY)
        p.drawEllipse(last, 3.5, 3.5)
        p.setBrush(Qt.BrushStyle.NoBrush)
        day = view.cumulative[-1][0]
        words = self.tr("ahead by") if g.pace_gap >= 0 else self.tr("behind by")
        sub = (self.tr("%1: %2 good days, pace %3, %4 %5 days")
               .replace("%1", f"{day.month}月{day.day}日").replace("%2", str(g.good_days))
               .replace("%3", f"{g.pace_expected:.1f}").replace("%4", words)
               .replace("%5", f"{abs(g.pace_gap):.1f}"))
        if g.days_without_data:
            sub += self.tr(", %1 days without data").replace("%1", str(g.days_without_data))
        self._subtitle(p, sub, COUNTY)
        self._legend(p, [(self.tr("Cumulative good days"), COUNTY, "line"),
                         (self.tr("Pace line to %1 days").replace("%1", str(g.target)), PACE, "dash")])

    def _month_slots(self, plot: QRectF, count: int) -> list[QRectF]:
        width = plot.width() / max(count, 1)
        return [QRectF(plot.left() + i * width, plot.top(), width, plot.height()) for i in range(count)]

    def _month_labels(self, p: QPainter, plot: QRectF, slots: list[QRectF], months) -> None:
        p.setPen(TEXT)
        for slot, month in zip(slots, months):
            p.drawText(QRectF(slot.left(), plot.bottom() + 4, slot.width(), 16),
                       Qt.AlignmentFlag.AlignHCenter, self.tr("%1M").replace("%1", str(month.month)))

    def _concentration(self, p: QPainter, plot: QRectF, view: MetricView) -> None:
        values = [v for _, a, b in view.monthly for v in (a, b) if v is not None]
        top = nice_top(max(values, default=10), 20)
        step = 20 if top <= 120 else 50
        top = nice_top(top / 1.08, step)
        self._y_axis(p, plot, top, step)
        slots = self._month_slots(plot, len(view.monthly))
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        for slot, (_, county, reference) in zip(slots, view.monthly):
            bar_w = slot.width() * 0.34
            for offset, value, colour in ((-bar_w, county, COUNTY), (0.0, reference, REFERENCE)):
                if value is None:
                    continue
                h = plot.height() * value / top
                rect = QRectF(slot.center().x() + offset, plot.bottom() - h, bar_w - 2, h)
                p.fillRect(rect, colour)
                p.setFont(small)
                p.setPen(TEXT)
                p.drawText(QRectF(rect.left() - 6, rect.top() - 15, rect.width() + 12, 14),
                           Qt.AlignmentFlag.AlignHCenter, f"{value:.0f}")
                p.setFont(self.font())
        self._month_labels(p, plot, slots, [m for m, _, _ in view.monthly])
        p.setPen(TEXT)
        p.drawText(QRectF(0, self.MARGIN_TOP - 18, self.MARGIN_LEFT + 40, 16),
                   Qt.AlignmentFlag.AlignLeft, view.unit_of_measure)
        if view.concentration:
            colour = COUNTY if view.concentration.excess is None or view.concentration.excess <= 0 else MISSED
            self._subtitle(p, view.concentration.reason.split("；")[0], colour)
        self._legend(p, [(self.tr("County"), COUNTY, "box"),
                         (view.reference_name or self.tr("Target"), REFERENCE, "box")])

    def _water(self, p: QPainter, plot: QRectF, view: MetricView) -> None:
        target = view.water.target_class if view.water else 4
        self._y_axis(p, plot, 6, 1, label=lambda v: rules.WATER_CLASSES.get(int(v), "") if v else "")
        slots = self._month_slots(plot, len(view.classes))
        for slot, (_, cls) in zip(slots, view.classes):
            if cls is None:
                continue
            h = plot.height() * cls / 6
            rect = QRectF(slot.center().x() - slot.width() * 0.3, plot.bottom() - h, slot.width() * 0.6, h)
            p.fillRect(rect, MISSED if cls > target else MET)
            p.setPen(QColor("white"))
            p.drawText(QRectF(rect.left(), rect.top() + 2, rect.width(), 18), Qt.AlignmentFlag.AlignHCenter,
                       self.tr("Class %1").replace("%1", rules.water_class_label(cls)))
        y = plot.bottom() - plot.height() * target / 6
        p.setPen(QPen(MISSED, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        self._month_labels(p, plot, slots, [m for m, _ in view.classes])
        if view.water:
            self._subtitle(p, view.water.reason, MISSED if view.water.months_missed else COUNTY)
        target_label = rules.water_class_label(target)
        self._legend(p, [(self.tr("Met"), MET, "box"), (self.tr("Missed"), MISSED, "box"),
                         (self.tr("Target (class %1)").replace("%1", target_label), MISSED, "dash")])

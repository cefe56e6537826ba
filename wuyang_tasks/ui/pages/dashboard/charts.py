"""Charts painted with QPainter (QtCharts is not part of PySide6-Essentials): per-unit task
bars (the year-target charts are ui.pages.metrics.charts.MetricChart). Labels are Chinese and
readable at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

DONE = QColor("#2e7d32")
OPEN = QColor("#90a4c8")
OVERDUE = QColor("#d93025")


@dataclass
class UnitBar:
    name: str
    done: int
    open: int
    overdue: int  # part of open

    @property
    def total(self) -> int:
        return self.done + self.open


class UnitBarChart(QWidget):
    """Horizontal stacked bars, one per unit in official order: 已办结 | 办理中 | 逾期."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[UnitBar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.legend = (self.tr("Done"), self.tr("Open"), self.tr("Overdue"))
        self.axis_title = self.tr("Tasks led by the unit")

    def set_bars(self, bars: list[UnitBar]) -> None:
        self.bars = bars
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 60 + self.ROW * max(len(self.bars), 1))

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        top = 30
        metrics = p.fontMetrics()
        plot_left = min(max((metrics.horizontalAdvance(b.name) for b in self.bars), default=60) + 16,
                        width // 3)
        plot_width = max(width - plot_left - 60, 50)
        most = max((b.total for b in self.bars), default=0) or 1
        # legend and axis title
        x = plot_left
        for colour, text in zip((DONE, OPEN, OVERDUE), self.legend):
            p.fillRect(QRectF(x, 8, 12, 12), colour)
            p.setPen(QColor("#333"))
            p.drawText(QRectF(x + 16, 4, 80, 20), Qt.AlignmentFlag.AlignVCenter, text)
            x += 90
        p.drawText(QRectF(x + 10, 4, 300, 20), Qt.AlignmentFlag.AlignVCenter, self.axis_title)
        if not self.bars:
            p.drawText(QRectF(0, top, width, self.ROW), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No tasks with a lead unit yet"))
            return
        # grid with tick labels
        step = max(1, round(most / 5))
        p.setPen(QPen(QColor("#e0e0e0")))
        bottom = top + self.ROW * len(self.bars)
        tick = 0
        while tick <= most:
            gx = plot_left + plot_width * tick / most
            p.setPen(QPen(QColor("#e0e0e0")))
            p.drawLine(int(gx), top, int(gx), bottom)
            p.setPen(QColor("#777"))
            p.drawText(QRectF(gx - 20, bottom + 2, 40, 16), Qt.AlignmentFlag.AlignHCenter, str(tick))
            tick += step
        for i, bar in enumerate(self.bars):
            y = top + i * self.ROW
            p.setPen(QColor("#222"))
            p.drawText(QRectF(0, y, plot_left - 8, self.ROW),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, bar.name)
            x = plot_left
            for value, colour in ((bar.done, DONE), (bar.open - bar.overdue, OPEN),
                                  (bar.overdue, OVERDUE)):
                w = plot_width * value / most
                if w > 0:
                    p.fillRect(QRectF(x, y + 4, w, self.ROW - 8), colour)
                x += w
            rate = f"{bar.done}/{bar.total}"
            if bar.overdue:
                rate += self.tr(", %1 overdue").replace("%1", str(bar.overdue))
            p.setPen(QColor("#333"))
            p.drawText(QRectF(x + 6, y, 160, self.ROW), Qt.AlignmentFlag.AlignVCenter, rate)

"""Charts drawn with QPainter, on screen (ChartView) and into the PDF (desktop.report_pdf): a class's marks by term
as bars, a pupil's marks over the year as lines.

Drawn here rather than with a charting library on purpose: Qt's own QtCharts ships only in PySide6-Addons (some
hundreds of MB beside the 60 MB Essentials the installer carries) and matplotlib brings numpy (tens of MB); two chart
kinds of a few dozen points each are a page of painting, in the fonts and languages the app already renders."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.report_document import Chart

# Distinct on screen and in grey print alike (Okabe–Ito's colour-blind-safe palette).
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def paint(painter: QPainter, area: QRectF, chart: Chart) -> None:
    """The chart drawn into `area`: title on top, the legend under it, the value axis on the left."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPixelSize(max(round(area.height() / 32), 11))  # pixels: the same on screen, in an image, at any DPI
    painter.setFont(font)
    line = painter.fontMetrics().height()
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line), Qt.AlignmentFlag.AlignHCenter, chart.title)
    # the legend: a swatch and a name per series, in rows as wide as the chart
    x, y = area.left() + line, area.top() + line * 1.25
    for index, (name, _values) in enumerate(chart.series):
        width = line * 1.5 + painter.fontMetrics().horizontalAdvance(name)
        if x + width > area.right() and x > area.left() + line:
            x, y = area.left() + line, y + line * 1.2
        painter.fillRect(QRectF(x, y, line * 0.7, line * 0.7), QColor(COLOURS[index % 8]))
        painter.drawText(QPointF(x + line, y + line * 0.7), name)
        x += width
    legend = y + line * 1.75 - area.top()
    values = [v for _, series in chart.series for v in series if v is not None]
    top = chart.highest if chart.highest is not None else max([*values, chart.lowest + 1])
    top = chart.lowest + _every(chart.lowest, top) * ceil((top - chart.lowest) / _every(chart.lowest, top))
    plot = QRectF(area.left() + line * 2.5, area.top() + legend, area.width() - line * 3,
                  area.height() - legend - line * 1.5)
    _axes(painter, plot, chart.lowest, top, line)
    span = top - chart.lowest or 1
    def y_of(value: float) -> float:
        return plot.bottom() - (value - chart.lowest) / span * plot.height()

    step = plot.width() / max(len(chart.categories), 1)
    for index, category in enumerate(chart.categories):
        painter.setPen(QColor("#000000"))
        painter.drawText(QRectF(plot.left() + index * step, plot.bottom() + line * 0.2, step, line),
                         Qt.AlignmentFlag.AlignHCenter, category)
    if chart.kind == "bars":
        width = step * 0.8 / max(len(chart.series), 1)
        for s, (_name, series) in enumerate(chart.series):
            for index, value in enumerate(series):
                if value is not None:
                    left = plot.left() + index * step + step * 0.1 + s * width
                    painter.fillRect(QRectF(left, y_of(value), width * 0.9, plot.bottom() - y_of(value)),
                                     QColor(COLOURS[s % 8]))
    else:
        for s, (_name, series) in enumerate(chart.series):
            # past eight series the colours come round again, dashed
            painter.setPen(QPen(QColor(COLOURS[s % 8]), max(line / 6, 1.5), DASHES[s // 8 % len(DASHES)]))
            points = [QPointF(plot.left() + (i + 0.5) * step, y_of(v)) for i, v in enumerate(series) if v is not None]
            for a, b in zip(points, points[1:], strict=False):
                painter.drawLine(a, b)
            painter.setBrush(QColor(COLOURS[s % 8]))
            for point in points:
                painter.drawEllipse(point, line / 3, line / 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.restore()


def _axes(painter: QPainter, plot: QRectF, lowest: float, top: float, line: float) -> None:
    """The value axis with whole-number ticks (marks and counts are whole), and the base line."""
    painter.setPen(QPen(QColor("#888888"), 1))
    every = _every(lowest, top)
    value = lowest
    while value <= top + 1e-9:
        y = plot.bottom() - (value - lowest) / ((top - lowest) or 1) * plot.height()
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.drawText(QRectF(plot.left() - line * 2.4, y - line / 2, line * 2.2, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        value += every


def _every(lowest: float, top: float) -> int:
    """The step of the value axis's ticks: whole, about five of them."""
    return max(1, round((top - lowest) / 5))


def image(chart: Chart, width: int = 1600, height: int = 900) -> QImage:
    """The chart as a picture (white behind it), for a document."""
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(QColor("#ffffff"))
    painter = QPainter(picture)
    paint(painter, QRectF(0, 0, width, height), chart)
    painter.end()
    return picture


class ChartView(QWidget):
    """A chart on screen, redrawn at the widget's size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt's name)
        if self.chart is None:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        paint(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self.chart)
        painter.end()

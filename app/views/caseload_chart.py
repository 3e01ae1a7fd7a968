"""The caseload growth chart: actual caseload day by day against the planned build-up and the cap.

Drawn with QPainter: a chart of a few hundred days needs no plotting library, and leaving
pyqtgraph out spares every start NumPy, QtOpenGL, QtSvg and QtTest (docs/decisions.md).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.policy.calendar import uk_date
from app.policy.growth import CaseloadSeries
from app.views.theme import tone

# What each line is drawn in (theme.tone names: a shade for light and one for dark).
ACTUAL, PLANNED, CAP, TODAY, HOLIDAY = "blue", "grey", "red", "green", "purple"
INDUCTION_FILL, ABSENCE_FILL = QColor(120, 144, 156, 50), QColor(255, 152, 0, 60)
HIGH = "amber"  # the high-complexity cases among the caseload, and their limit
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 52, 14, 30, 26


def _ticks(span: int) -> int:
    """Days between date labels: about eight labels whatever the placement's length."""
    for step in (7, 14, 28, 56, 91, 182, 364):
        if span / step <= 9:
            return step
    return 728


class Plot(QWidget):
    """The drawing itself; its parent names the day under the mouse."""

    def __init__(self, chart: CaseloadChart) -> None:
        super().__init__(chart)
        self.chart = chart
        self.setMouseTracking(True)
        self.setFixedHeight(216)  # with the cards and the agenda, fits a 1280×800 screen
        self.setMinimumWidth(320)

    # geometry ------------------------------------------------------------------

    def area(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )

    def top_value(self) -> float:
        s = self.chart.series
        assert s is not None
        return max(s.cap, *(y or 0 for y in s.actual)) + 2.2  # headroom for the legend

    def x_at(self, day_index: float) -> float:
        s, a = self.chart.series, self.area()
        assert s is not None
        return a.left() + a.width() * day_index / max(1, len(s.days))

    def y_at(self, value: float) -> float:
        a = self.area()
        return a.bottom() - a.height() * value / self.top_value()

    def day_at(self, x: float) -> int:
        s, a = self.chart.series, self.area()
        if s is None or a.width() <= 0:
            return -1
        return int((x - a.left()) / a.width() * len(s.days)) if x >= a.left() else -1

    # drawing --------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        s = self.chart.series
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if s is None:
            return
        text = palette.color(QPalette.ColorRole.Text)
        a, start = self.area(), s.days[0]
        day = lambda d: (d - start).days  # noqa: E731
        first_ind, last_ind = s.induction
        painter.fillRect(
            QRectF(self.x_at(0), a.top(), self.x_at(day(last_ind) + 1) - self.x_at(0), a.height()),
            INDUCTION_FILL,
        )
        for first, last, _who in s.absences:
            left = self.x_at(day(first))
            painter.fillRect(
                QRectF(left, a.top(), self.x_at(day(last) + 1) - left, a.height()), ABSENCE_FILL
            )
        self._axes(painter, text, s)
        ramp = QPolygonF(
            [QPointF(self.x_at(i + 0.5), self.y_at(v)) for i, v in enumerate(s.planned)]
        )
        painter.setPen(QPen(QColor(tone(PLANNED)), 2, Qt.PenStyle.DashLine))
        painter.drawPolyline(ramp)
        painter.setPen(QPen(QColor(tone(CAP)), 2, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(a.left(), self.y_at(s.cap)), QPointF(a.right(), self.y_at(s.cap)))
        painter.drawText(QPointF(a.right() - 60, self.y_at(s.cap) + 16), f"Cap {s.cap}")
        self._high_complexity(painter, s)
        path, drawing = QPainterPath(), False
        for i, value in enumerate(s.actual):  # a step line: each day's count across the day
            if value is None:
                continue
            y = self.y_at(value)
            if not drawing:
                path.moveTo(self.x_at(i), y)
                drawing = True
            else:
                path.lineTo(self.x_at(i), y)
            path.lineTo(self.x_at(i + 1), y)
        painter.setPen(QPen(QColor(tone(ACTUAL)), 3))
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tone(HOLIDAY)))
        for d in s.bank_holidays:
            x, y = self.x_at(day(d) + 0.5), a.bottom() - 3
            painter.drawPolygon(
                QPolygonF([QPointF(x - 4, y), QPointF(x + 4, y), QPointF(x, y - 8)])
            )
        if start <= s.as_of <= s.days[-1]:
            x = self.x_at(day(s.as_of) + 0.5)
            painter.setPen(QPen(QColor(tone(TODAY)), 2))
            painter.drawLine(QPointF(x, a.top()), QPointF(x, a.bottom()))
            painter.drawText(QPointF(x - 40, a.top() + 12), "Today")
        self._legend(painter, text, bool(s.absences), any(s.high))

    def _high_complexity(self, painter: QPainter, s: CaseloadSeries) -> None:
        """The high-complexity cases day by day, filled from the axis, and their limit
        (000 §8) as a thin line, drawn only once there has been such a case."""
        if not any(s.high):
            return
        fill = QColor(tone(HIGH))
        fill.setAlpha(90)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        bottom = self.area().bottom()
        for i, value in enumerate(s.high):
            if value:
                painter.drawRect(
                    QRectF(self.x_at(i), self.y_at(value), self.x_at(i + 1) - self.x_at(i),
                           bottom - self.y_at(value))
                )  # fmt: skip
        a = self.area()
        painter.setPen(QPen(QColor(tone(HIGH)), 1.5, Qt.PenStyle.DashDotLine))
        y = self.y_at(s.high_limit)
        painter.drawLine(QPointF(a.left(), y), QPointF(a.right(), y))
        painter.drawText(QPointF(a.left() + 6, y - 4), f"High complexity at most {s.high_limit}")

    def _axes(self, painter: QPainter, text: QColor, s: CaseloadSeries) -> None:
        a = self.area()
        painter.setPen(QPen(text, 1))
        painter.drawLine(a.bottomLeft(), a.bottomRight())
        painter.drawLine(a.bottomLeft(), a.topLeft())
        top = int(self.top_value())
        step = 1 if top <= 8 else 2 if top <= 16 else 5
        for value in range(0, top + 1, step):
            y = self.y_at(value)
            painter.drawLine(QPointF(a.left() - 4, y), QPointF(a.left(), y))
            painter.drawText(
                QRectF(a.left() - 34, y - 8, 26, 16), Qt.AlignmentFlag.AlignRight, str(value)
            )
        painter.save()
        painter.translate(12, a.center().y() + 24)
        painter.rotate(-90)
        painter.drawText(QPointF(0, 0), "Children")
        painter.restore()
        step_days = _ticks(len(s.days))
        first_monday = (7 - s.days[0].weekday()) % 7
        for i in range(first_monday, len(s.days), step_days):
            x = self.x_at(i)
            painter.drawLine(QPointF(x, a.bottom()), QPointF(x, a.bottom() + 4))
            label = s.days[0] + timedelta(days=i)
            painter.drawText(
                QRectF(x - 30, a.bottom() + 5, 60, 16),
                Qt.AlignmentFlag.AlignHCenter,
                f"{label.day} {label:%b}",
            )

    def _legend(self, painter: QPainter, text: QColor, absences: bool, high: bool) -> None:
        entries: list[tuple[str, QPen | QColor]] = [
            ("Planned build-up", QPen(QColor(tone(PLANNED)), 2, Qt.PenStyle.DashLine)),
            ("Actual caseload", QPen(QColor(tone(ACTUAL)), 3)),
            ("Bank holiday", QColor(tone(HOLIDAY))),
            ("Induction", INDUCTION_FILL),
        ]
        if absences:
            entries.append(("Absence", ABSENCE_FILL))
        if high:
            fill = QColor(tone(HIGH))
            fill.setAlpha(90)
            entries.append(("High complexity", fill))
        x, y = self.area().left() + 10, 8.0
        metrics = painter.fontMetrics()
        for label, mark in entries:
            if isinstance(mark, QPen):
                painter.setPen(mark)
                painter.drawLine(QPointF(x, y + 7), QPointF(x + 24, y + 7))
            elif label == "Bank holiday":  # the same triangle as on the axis
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                corners = [QPointF(x + 8, y + 12), QPointF(x + 16, y + 12), QPointF(x + 12, y + 4)]
                painter.drawPolygon(QPolygonF(corners))
            else:
                painter.setPen(QPen(text, 0.5))
                painter.setBrush(mark)
                painter.drawRect(QRectF(x + 6, y + 1, 12, 12))
            painter.setPen(text)
            painter.drawText(QPointF(x + 30, y + 12), label)
            x += 44 + metrics.horizontalAdvance(label)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        text = self.chart.describe_day(self.day_at(event.position().x()))
        self.chart.hover.setText(text)
        self.setToolTip(text)


class CaseloadChart(QWidget):
    """The chart and, under it, the line naming the cases open on the day pointed at.

    Colours come from the palette, so it reads in light and dark mode alike."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: CaseloadSeries | None = None
        self.plot = Plot(self)
        self.hover = QLabel(" ")
        self.hover.setObjectName("chartHover")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.hover)

    def show_series(self, series: CaseloadSeries) -> None:
        self.series = series
        self.hover.setText("Point at a day to see the cases open then.")
        self.plot.update()

    def describe_day(self, index: int) -> str:
        """What the hover line says for day ``index`` of the placement."""
        s = self.series
        if s is None or not 0 <= index < len(s.days):
            return " "
        day: date = s.days[index]
        count = s.actual[index]
        if count is None:
            return f"{uk_date(day)}: still to come (planned {s.planned[index]:.1f})"
        refs = ", ".join(s.open_refs[index]) or "no cases"
        notes = []
        if day in s.bank_holidays:
            notes.append("bank holiday")
        if any(a <= day <= b for a, b, _w in s.absences):
            notes.append("absence")
        if day <= s.induction[1]:
            notes.append("induction")
        if s.high[index]:
            notes.append(f"high complexity {s.high[index]} of at most {s.high_limit}")
        extra = f" ({', '.join(notes)})" if notes else ""
        return f"{uk_date(day)}: {count} of {s.cap}: {refs}{extra}"

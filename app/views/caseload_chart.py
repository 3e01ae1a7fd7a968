"""The caseload growth chart: actual caseload day by day against the planned ramp and the cap."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from app.policy.calendar import uk_date
from app.policy.growth import CaseloadSeries

ACTUAL, PLANNED, CAP, TODAY = "#1565c0", "#7b8794", "#c62828", "#2e7d32"
INDUCTION_BRUSH, ABSENCE_BRUSH = (120, 144, 156, 50), (255, 152, 0, 60)


class DateAxis(pg.AxisItem):
    """Day numbers on the x axis shown as UK dates."""

    def __init__(self, start: date | None = None) -> None:
        super().__init__(orientation="bottom")
        self.start: date | None = start

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if self.start is None:
            return ["" for _ in values]
        return [f"{(self.start + timedelta(days=int(v))):%-d %b}" for v in values]


class CaseloadChart(QWidget):
    """pyqtgraph plot; follows the palette, so it reads in light and dark mode alike."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: CaseloadSeries | None = None
        palette = QApplication.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        self.axis = DateAxis()
        self.plot = pg.PlotWidget(axisItems={"bottom": self.axis}, background=background)
        self.plot.setFixedHeight(230)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setTextPen(text)
            axis.setPen(text)
        self.plot.setLabel("left", "Children", color=text.name())
        self.legend = self.plot.addLegend(offset=(10, 5), labelTextColor=text, colCount=5)
        self.hover = QLabel(" ")
        self.hover.setObjectName("chartHover")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.hover)
        self._proxy = pg.SignalProxy(
            self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._moved
        )

    def show_series(self, series: CaseloadSeries) -> None:
        self.series = series
        self.axis.start = series.days[0]
        self.plot.clear()
        self.legend.clear()
        n = len(series.days)
        xs = list(range(n))
        start, last_induction = series.induction
        induction = pg.LinearRegionItem(
            values=((0, (last_induction - start).days + 1)), movable=False, brush=pg.mkBrush(*INDUCTION_BRUSH),
            pen=pg.mkPen(None),
        )  # fmt: skip
        self.plot.addItem(induction)
        for first, last, _who in series.absences:
            region = pg.LinearRegionItem(values=((first - start).days, (last - start).days + 1), movable=False,
                                         brush=pg.mkBrush(*ABSENCE_BRUSH), pen=pg.mkPen(None))  # fmt: skip
            self.plot.addItem(region)
        self.plot.plot(xs, list(series.planned), pen=pg.mkPen(PLANNED, width=2, style=Qt.PenStyle.DashLine),
                       name="Planned ramp")  # fmt: skip
        known = [(x, y) for x, y in zip(xs, series.actual, strict=True) if y is not None]
        if known:
            kx, ky = zip(*known, strict=True)
            self.plot.plot(list(kx) + [kx[-1] + 1], list(ky), stepMode="center", pen=pg.mkPen(ACTUAL, width=3),
                           name="Actual caseload")  # fmt: skip
        cap = pg.InfiniteLine(pos=series.cap, angle=0, pen=pg.mkPen(CAP, width=2, style=Qt.PenStyle.DotLine),
                              label=f"Cap {series.cap}", labelOpts={"color": CAP, "position": 0.95})  # fmt: skip
        self.plot.addItem(cap)
        holidays = [(d - start).days + 0.5 for d in series.bank_holidays]
        if holidays:
            self.plot.plot(holidays, [0.15] * len(holidays), pen=None, symbol="t1", symbolSize=9,
                           symbolBrush=pg.mkBrush("#6a1b9a"), name="Bank holiday")  # fmt: skip
        if start <= series.as_of <= series.days[-1]:
            today = pg.InfiniteLine(pos=(series.as_of - start).days + 0.5, angle=90,
                                    pen=pg.mkPen(TODAY, width=2), label="Today",
                                    labelOpts={"color": TODAY, "position": 0.92})  # fmt: skip
            self.plot.addItem(today)
        self.legend.addItem(
            pg.BarGraphItem(x=[0], height=[0], width=1, brush=pg.mkBrush(*INDUCTION_BRUSH)),
            "Induction",
        )
        if series.absences:
            self.legend.addItem(
                pg.BarGraphItem(x=[0], height=[0], width=1, brush=pg.mkBrush(*ABSENCE_BRUSH)),
                "Absence",
            )
        self.plot.setXRange(0, n, padding=0.01)
        # headroom above the cap for the legend
        self.plot.setYRange(0, max(series.cap, *(y or 0 for y in series.actual)) + 2.2, padding=0)
        self.hover.setText("Point at a day to see the cases open then.")

    def describe_day(self, index: int) -> str:
        """What the hover line says for day ``index`` of the placement."""
        s = self.series
        if s is None or not 0 <= index < len(s.days):
            return " "
        day = s.days[index]
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
        extra = f" ({', '.join(notes)})" if notes else ""
        return f"{uk_date(day)}: {count} of {s.cap}: {refs}{extra}"

    def _moved(self, event: Any) -> None:
        pos: QPointF = event[0]
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        point = self.plot.getPlotItem().vb.mapSceneToView(pos)
        text = self.describe_day(int(point.x()))
        self.hover.setText(text)
        self.plot.setToolTip(text)

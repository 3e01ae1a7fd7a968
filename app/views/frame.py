"""The main window's frame: menus, the page list and the placement bar, without the pages.

At start-up the frame alone goes on screen first, saying which database is being opened,
while the database layer, the policy engine and the pages load; then the full window takes
its place at the same size and spot. This module therefore loads nothing but Qt and the
house look (``tests/test_startup_imports.py``). ``MainWindow`` is a frame with its pages in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QWidget,
)

from app.views.style import style_sheet
from app.views.theme import SCHEME_SETTING, apply_scheme

# The pages, in the side bar's order (View › page shortcuts Ctrl+1… follow it).
PAGE_TITLES = (
    "Overview",
    "Compliance",
    "Induction",
    "Cases",
    "Supervision",
    "Visits & observations",
    "PCF & learning",
    "Endings",
    "Placement details",
)
MENU_TITLES = ("&File", "&Edit", "&Placement", "&Cases", "&View", "&Help")
GEOMETRY_SETTING = "window/geometry"
DEFAULT_SIZE = (1280, 860)


class Frame(QMainWindow):
    def __init__(self, settings: QSettings, scheme: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        apply_scheme(scheme or str(settings.value(SCHEME_SETTING, "system")))
        self.setStyleSheet(style_sheet())
        self.setWindowTitle("Placement Tracker")
        self.resize(*DEFAULT_SIZE)

        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages")
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(210)
        self.nav.addItems(PAGE_TITLES)
        self.pages = QStackedWidget()
        records = QWidget()
        row = QHBoxLayout(records)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.records = records
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)

        self.placement_box = QComboBox()
        self.placement_box.setMinimumWidth(280)
        self.placement_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.placement_box.setMinimumContentsLength(52)
        self.placement_box.setToolTip("The placement on screen (one database can hold several)")
        toolbar = QToolBar("Placement")
        toolbar.setObjectName("placementToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" Placement: "))
        toolbar.addWidget(self.placement_box)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.menus = {title: self.menuBar().addMenu(title) for title in MENU_TITLES}

        geometry = settings.value(GEOMETRY_SETTING)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _remembered(self) -> list[tuple[str, QSplitter | QHeaderView]]:
        """The splitters and table columns whose sizes are kept between runs, by name."""
        kept: list[tuple[str, QSplitter | QHeaderView]] = []
        for splitter in self.findChildren(QSplitter):
            if splitter.objectName():
                kept.append((f"splitters/{splitter.objectName()}", splitter))
        for table in self.findChildren(QTableView):
            if table.objectName():
                kept.append((f"columns/{table.objectName()}", table.horizontalHeader()))
        return kept

    def restore_layout(self) -> None:
        """The window as the PE left it (the frame has its size and place): splitters,
        columns, the page."""
        for key, widget in self._remembered():
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)
        page = self.settings.value("window/page", 0)
        if isinstance(page, int | str) and str(page).isdigit() and int(page) < self.nav.count():
            self.show_page(int(page))

    def save_layout(self) -> None:
        """Keep the window as the PE leaves it: size and place, page, splitters, columns."""
        self.settings.setValue(GEOMETRY_SETTING, self.saveGeometry())
        self.settings.setValue("window/page", self.nav.currentRow())
        for key, widget in self._remembered():
            self.settings.setValue(key, widget.saveState())
        self.settings.sync()


class OpeningFrame(Frame):
    """The frame as it stands while a database is opened. A PE who closes it meanwhile has
    changed their mind: the window is not put up in its place (``dismissed``)."""

    dismissed = False

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.dismissed = True
        super().closeEvent(event)

    def keep_up(self) -> None:
        """Between the slow steps: repaint if uncovered, and hear a close."""
        QApplication.processEvents()


def opening_frame(settings: QSettings, what: str, scheme: str | None = None) -> OpeningFrame:
    """The frame while ``what`` (a database's file name) is opened: nothing in it can be
    used yet, and it says what it is waiting for."""
    frame = OpeningFrame(settings, scheme)
    message = QLabel(f"Opening {what}…")
    message.setObjectName("pageSubtitle")
    message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    frame.pages.addWidget(message)
    frame.nav.setEnabled(False)
    frame.placement_box.setEnabled(False)
    for menu in frame.menus.values():
        menu.setEnabled(False)
    frame.setCentralWidget(frame.records)
    return frame


def save_picture(window: QWidget, path: Path) -> None:
    """A picture of ``window`` as drawn now (``--screenshot``, ``--first-picture``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")

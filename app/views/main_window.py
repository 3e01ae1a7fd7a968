"""The main window: a side bar of pages for the placement on screen, and the menus."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.policy.history import HistoryLine
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Placement
from app.policy.vocabulary import required_learning_outcomes
from app.services.screen import PlacementScreen, placement_screen
from app.services.workspace import DatabaseError, Workspace
from app.views.cases.actions import CaseActions
from app.views.changes import Changes
from app.views.compliance_page import CompliancePage
from app.views.database.actions import DatabaseActions
from app.views.endings.actions import EndingActions
from app.views.files.actions import PlacementFileActions
from app.views.frame import PAGE_TITLES, Frame
from app.views.help_dialogs import (
    AboutDialog,
    ShortcutsDialog,
    open_about,
    open_shortcuts,
)
from app.views.history.actions import HistoryActions
from app.views.induction.actions import InductionActions
from app.views.learning.actions import LearningActions
from app.views.menus import build_menus
from app.views.navigation import Navigator
from app.views.overview_page import OverviewPage
from app.views.placement.actions import PlacementActions
from app.views.placement.policy import load_profile
from app.views.printing.actions import PrintActions
from app.views.privacy.actions import PrivacyActions
from app.views.security.actions import SecurityActions
from app.views.security.lock import LockScreen
from app.views.style import style_sheet
from app.views.supervision.actions import SupervisionActions
from app.views.theme import SCHEME_SETTING, apply_scheme
from app.views.underline import set_current
from app.views.visits.actions import VisitActions
from app.views.widgets import tell_empty_hints

log = logging.getLogger(__name__)


class MainWindow(Frame):
    def __init__(
        self, workspace: Workspace, settings: QSettings | None = None, scheme: str | None = None
    ) -> None:
        """``scheme``: light or dark for this run only (``--appearance``); otherwise the one
        chosen under View › Appearance."""
        super().__init__(settings or QSettings(), scheme)
        self.workspace = workspace
        self.workspace.profile = load_profile(self.settings)
        self.placement_id: int | None = None
        self.current_placement: Placement | None = None
        self.changes = Changes(
            self, self.reload, lambda text: self.statusBar().showMessage(text, 5000)
        )
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.restyle())

        # The areas: each owns its page, its dialogs and the actions on them.
        self.case_actions = CaseActions(self)
        self.induction_actions = InductionActions(self)
        self.supervision_actions = SupervisionActions(self)
        self.visit_actions = VisitActions(self)
        self.learning_actions = LearningActions(self)
        self.ending_actions = EndingActions(self)
        self.placement_actions = PlacementActions(self)
        self.file_actions = PlacementFileActions(self)
        self.database_actions = DatabaseActions(self)
        self.security_actions = SecurityActions(self, self)
        self.print_actions = PrintActions(self)
        self.navigator = Navigator(self)
        self.privacy_actions = PrivacyActions(self, self.navigator.go_to_field)
        self.history_actions = HistoryActions(
            self,
            self.open_history_line,
            self.print_actions.preview_made,
            self.print_actions.save_document,
        )
        self.overview, self.compliance = OverviewPage(), CompliancePage()
        self.induction, self.cases = self.induction_actions.page, self.case_actions.page
        self.supervision, self.events = self.supervision_actions.page, self.visit_actions.page
        self.pcf, self.endings = self.learning_actions.page, self.ending_actions.page
        self.placement_page = self.placement_actions.page
        self._wire()
        pages = (
            self.overview,
            self.compliance,
            self.induction,
            self.cases,
            self.supervision,
            self.events,
            self.pcf,
            self.endings,
            self.placement_page,
        )
        for _title, page in zip(PAGE_TITLES, pages, strict=True):  # the side bar's order
            self.pages.addWidget(page)

        self.lock_screen = LockScreen(self.security_actions.unlock)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.records)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.preview_dialog: QDialog | None = None  # the last print preview opened
        self._stale: dict[QWidget, Callable[[], None]] = {}  # pages to fill when first shown
        self.pages.currentChanged.connect(self._page_shown)

        self.placement_box.activated.connect(self._placement_chosen)

        build_menus(self)
        self.nav.setFocus()  # the keyboard starts on the page list, whatever was built first
        self.restore_layout()
        self.database_actions.remember_database(workspace.path)
        self.reload()
        self.security_actions.start_idle_lock()

    # ------------------------------------------------------------------ wiring

    def _wire(self) -> None:
        """What crosses areas: the overview's links, printing from the pages, ending a case
        from the Endings page."""
        self.overview.new_placement_requested.connect(self.placement_actions.new_placement)
        self.overview.compliance_requested.connect(lambda: self.show_page_named("Compliance"))
        self.overview.agenda_item_activated.connect(self.navigator.open_agenda_item)
        self.compliance.privacy_button.clicked.connect(self.privacy_actions.review)
        printing = self.print_actions
        self.induction.print_requested.connect(lambda: printing.print_preview("induction"))
        self.supervision.print_requested.connect(
            lambda sid: printing.print_preview("supervision", sid)
        )
        self.supervision.pdf_requested.connect(printing.export_supervision_pdf)
        self.supervision.word_requested.connect(printing.export_supervision_word)
        self.events.paper_requested.connect(printing.observation_paper)
        self.pcf.print_requested.connect(lambda: printing.print_preview("pcf"))
        self.endings.transition_pdf_requested.connect(lambda: printing.print_preview("transition"))
        self.endings.summary_pdf_requested.connect(lambda: printing.print_preview("summary"))
        self.endings.asye_requested.connect(printing.asye)
        self.endings.end_case_requested.connect(self.case_actions.end_case)
        self.cases.history_requested.connect(self.history_actions.on_case)
        self.supervision.history_requested.connect(self.history_actions.on_session)

    # ------------------------------------------------------------------ layout

    def show_page(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def show_page_named(self, title: str) -> None:
        self.show_page(self.page_titles().index(title))

    def page_titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    # ------------------------------------------------------------------ data

    def reload(self, screen: PlacementScreen | None = None) -> None:
        """Re-read the placements and show the one on screen.

        Only the page on screen is filled now; each other page is filled when it is next
        shown (or read, ``fill_page``), so an edit's refresh costs one page however long the
        placement is. ``screen``: already worked out (by an operation in a worker thread).
        """
        ws = self.workspace
        if ws.locked:
            return
        self.update_security()
        placements = ws.placements.list_placements()
        ids = [p.id for p in placements]
        if self.placement_id not in ids:
            self.placement_id = ids[0] if ids else None
        self.placement_box.clear()
        for p in placements:
            self.placement_box.addItem(p.label, p.id)
        if self.placement_id is not None:
            self.placement_box.setCurrentIndex(ids.index(self.placement_id))
        self.placement_box.setEnabled(bool(placements))
        pid = self.placement_id
        if pid is None:
            self._stale = {}
            self.overview.show_overview(None)
            self.compliance.show_items([], placement=False)
            self.cases.show_rows([], allowed=False)
            self.placement_page.show_placement(None, None)
            self.induction.show_view(None)
            self.supervision.show_rows([], [], editable=False)
            self.events.show_data([], [], [], 0, editable=False)
            self.pcf.show_data("first", [], {}, [], editable=False)
            self.endings.show_view(None)
            self.privacy_actions.view = None
            set_current(None)
            tell_empty_hints(self.pages, no_placement=True)
            self.setWindowTitle(f"Placement Tracker [{ws.path.name}]")
            return
        if screen is None or screen.placement_id != pid:
            screen = placement_screen(ws.placements, pid, ws.as_of)
        tell_empty_hints(self.pages, no_placement=False)
        self.privacy_actions.view = screen.privacy  # what the guard checks against
        set_current(screen.privacy)
        self._stale = self._fill_steps(screen)
        self.fill_page(self.pages.currentWidget())

    def fill_page(self, page: QWidget) -> None:
        """Bring ``page`` up to date if an edit since it was last shown left it behind."""
        fill = self._stale.pop(page, None)
        if fill is not None and not self.workspace.locked:
            fill()

    def current_page[Page: QWidget](self, page: Page) -> Page:
        """``page``, filled first if it is behind: actions read what it shows."""
        self.fill_page(page)
        return page

    def _page_shown(self, index: int) -> None:
        self.fill_page(self.pages.widget(index))

    def _fill_steps(self, screen: PlacementScreen) -> dict[QWidget, Callable[[], None]]:
        """Filling each page from one worked-out screen."""
        ws, overview, snap = self.workspace, screen.overview, screen.snapshot
        editable = overview.archived is None
        p = snap.placement
        self.current_placement = screen.placement
        self.allocate_action.setEnabled(editable)
        self.setWindowTitle(f"{overview.student} — Placement Tracker [{ws.path.name}]")
        learning = required_learning_outcomes(p.kind, p.setting)
        steps: dict[QWidget, Callable[[], None]] = {
            self.overview: lambda: self.overview.show_overview(
                overview, screen.series, screen.agenda, screen.privacy.fields
            ),
            self.compliance: lambda: self.compliance.show_items(
                screen.compliance, privacy=screen.privacy, profile=screen.profile
            ),
            self.cases: lambda: self.cases.show_rows(screen.cases, allowed=editable),
            self.placement_page: lambda: self.placement_page.show_placement(
                screen.placement, screen.profile
            ),
            self.induction: lambda: self.induction.show_view(screen.induction, editable=editable),
            self.supervision: lambda: self.supervision.show_rows(
                screen.sessions, screen.weeks, editable=editable
            ),
            self.events: lambda: self.events.show_data(
                snap.events, snap.cases, snap.absences, overview.absent_days, editable
            ),
            self.pcf: lambda: self.pcf.show_data(
                p.kind, snap.pcf_reviews, learning, snap.learning, editable, screen.observed
            ),
            self.endings: lambda: self.endings.show_view(screen.endings, editable),
        }
        return steps

    def _placement_chosen(self, index: int) -> None:
        self.placement_id = self.placement_box.itemData(index)
        self.changes.forget()  # undo belongs to the placement it was done on
        self.reload()

    def open_history_line(self, line: HistoryLine) -> None:
        """A history line double-clicked: its record on its page, the window in front."""
        self.navigator.go_to_record(line.subject, line.action)
        self.activateWindow()
        self.raise_()

    def cleared_to_leave(self, record: str, what: str, supervision_id: str | None = None) -> bool:
        return self.privacy_actions.cleared(record, what, supervision_id)

    def undo(self) -> None:
        """Edit › Undo: put back the last change that can be."""
        self.changes.stack.undo()

    def redo(self) -> None:
        """Edit › Redo: make again the last change undone."""
        self.changes.stack.redo()

    # ------------------------------------------------------------------ security

    def update_security(self) -> None:
        """File › Security and Placement › Lock as the database is: encrypted or not."""
        encrypted = self.workspace.encrypted
        self.encrypt_action.setEnabled(not encrypted)
        self.decrypt_action.setEnabled(encrypted)
        self.rekey_action.setEnabled(encrypted)
        self.lock_action.setEnabled(encrypted)

    def show_locked(self, locked: bool) -> None:
        """The lock screen in place of the records (and no menu, nor the placement bar,
        which names the student); or the records again."""
        self.screens.setCurrentWidget(self.lock_screen if locked else self.records)
        self.menuBar().setEnabled(not locked)
        self.toolbar.setVisible(not locked)
        if locked:
            self.setWindowTitle(f"Placement Tracker [{self.workspace.path.name}] — locked")

    def current_title(self) -> str:
        """The title of the page on screen."""
        return self.page_titles()[self.nav.currentRow()]

    def selected_session(self) -> str | None:
        """The supervision session selected on its page (what File › Print… prints there)."""
        return self.current_page(self.supervision).selected_id()

    def plain_copy_title(self, title: str) -> str:
        """Save dialogs say when what they write is readable, unlike the encrypted database."""
        if self.workspace.encrypted:
            return f"{title} (the saved copy is not encrypted)"
        return title

    def reopen(self, path: Path, as_of: date, profile: PolicyProfile, key: str | None) -> None:
        """Open the database again after it was re-written or replaced. Undo is cleared: its
        steps belong to the connection that was closed."""
        try:
            self.workspace = Workspace.open(path, as_of, profile, key=key)
        except DatabaseError as exc:
            QMessageBox.critical(self, "Cannot open database", str(exc))
            raise SystemExit(2) from None
        self.changes.forget()
        self.reload()
        self.security_actions.start_idle_lock()

    def hold(self, held: bool) -> None:
        """While the database is closed for a restore: no page, menu or shortcut reaches it."""
        self.screens.setEnabled(not held)
        self.menuBar().setEnabled(not held)
        for action in self.actions():
            action.setEnabled(not held)
        if not held:
            self.undo_action.setEnabled(self.changes.stack.canUndo())
            self.redo_action.setEnabled(self.changes.stack.canRedo())
            self.update_security()

    # ------------------------------------------------------------------ settings

    def set_scheme(self, scheme: str) -> None:
        """View › Appearance: follow the system, or stay light or dark; remembered."""
        self.settings.setValue(SCHEME_SETTING, scheme)
        for action in self.scheme_actions.actions():
            action.setChecked(action.data() == scheme)
        apply_scheme(scheme)
        self.restyle()

    def restyle(self) -> None:
        """Light became dark or back: the style sheet and every page's colours again."""
        self.setStyleSheet(style_sheet())
        self.reload()

    def show_about(self) -> AboutDialog:
        return open_about(self, self.workspace)

    def show_shortcuts(self) -> ShortcutsDialog:
        return open_shortcuts(self)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.save_layout()
        super().closeEvent(event)

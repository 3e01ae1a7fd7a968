"""The main window: a side bar of pages for the placement on screen, and the menus."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from app import __version__
from app.paths import current_log_file
from app.policy.agenda import AgendaItem
from app.policy.calendar import uk_date
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Case, ChecklistEntry, LearningEvidence, Placement
from app.policy.sources import cited
from app.policy.vocabulary import EVENT_KIND_LABELS, required_learning_outcomes
from app.policy.wording import counted
from app.services.placement_files import (
    ExportProblem,
    PlacementFileError,
    export_placement,
)
from app.services.placements import InvalidInput
from app.services.records import RecordProblem, render, write_pdf
from app.services.safekeeping import (
    back_up_now,
    backup_rows,
    backups_dir,
    change_passphrase,
    import_into,
    restore_database,
    verify_database,
)
from app.services.screen import PlacementScreen, placement_screen
from app.services.workspace import DatabaseError, Workspace, WrongPassphrase
from app.views.backups_dialog import BackupsDialog
from app.views.case_dialog import CaseDialog, EndCaseDialog, OverrideReviewDialog, StepUpDialog
from app.views.cases_page import CasesPage
from app.views.changes import Changes
from app.views.compliance_page import CompliancePage
from app.views.endings_page import ClosePlacementDialog, EndingsPage
from app.views.events_page import AbsenceDialog, EventDialog, EventsPage
from app.views.frame import GEOMETRY_SETTING, PAGE_TITLES, Frame
from app.views.help_dialogs import AboutDialog, ShortcutsDialog
from app.views.induction_page import (
    InductionPage,
    ItemDialog,
    PlacementAgreementDialog,
    SupervisionAgreementDialog,
)
from app.views.operation import Operation
from app.views.overview_page import OverviewPage
from app.views.pcf_page import LearningDialog, PcfPage, PcfReviewDialog
from app.views.placement_page import PlacementPage
from app.views.placement_wizard import PlacementWizard
from app.views.policy_dialog import (
    PolicyDialog,
    PolicySourcesDialog,
    load_profile,
    save_profile,
)
from app.views.security import (
    IDLE_DEFAULT,
    IDLE_SETTING,
    Cover,
    IdleWatcher,
    LockScreen,
    NewPassphraseDialog,
    PassphraseDialog,
)
from app.views.session_dialog import SessionDialog
from app.views.style import style_sheet
from app.views.supervision_page import AddendumDialog, SignDialog, SupervisionPage
from app.views.theme import SCHEME_SETTING, SCHEMES, apply_scheme

log = logging.getLogger(__name__)

RECENT_SETTING, RECENT_KEPT = "files/recent", 6  # File › Open recent

# The record File › Print… and File › Export PDF… give on each page.
RECORD_OF_PAGE = {
    "Induction": "induction",
    "Supervision": "supervision",
    "PCF & learning": "pcf",
    "Endings": "transition",
}
RECORD_TITLES = {
    "induction": "Induction record",
    "supervision": "Supervision record",
    "pcf": "PCF summary",
    "transition": "Transition checklists",
    "summary": "Placement summary",
}

# Where each agenda item is done.
AGENDA_PAGES = {
    "cases": "Cases",
    "supervision": "Supervision",
    "visits": "Visits & observations",
    "pcf": "PCF & learning",
    "endings": "Endings",
}


def open_file(path: Path) -> None:
    """Hand a saved PDF to the system's viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def backups(count: int) -> str:
    return {0: "Its backups (none yet) are", 1: "Its one backup is"}.get(
        count, f"Its {count} backups are"
    )


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

        self.overview = OverviewPage()
        self.overview.new_placement_requested.connect(self.new_placement)
        self.overview.compliance_requested.connect(lambda: self.show_page_named("Compliance"))
        self.overview.agenda_item_activated.connect(self.open_agenda_item)
        self.compliance = CompliancePage()
        self.induction = InductionPage()
        self.induction.record_requested.connect(self.record_induction_item)
        self.induction.clear_requested.connect(self.clear_induction_item)
        self.induction.add_requested.connect(self.add_own_induction_item)
        self.induction.remove_requested.connect(self.remove_own_induction_item)
        self.induction.placement_agreement_requested.connect(self.edit_placement_agreement)
        self.induction.supervision_agreement_requested.connect(self.edit_supervision_agreement)
        self.induction.link_worker_requested.connect(self.name_link_worker)
        self.induction.print_requested.connect(lambda: self.print_preview("induction"))
        self.cases = CasesPage()
        self.cases.allocate_requested.connect(self.allocate_case)
        self.cases.edit_requested.connect(self.edit_case)
        self.cases.end_requested.connect(self.end_case)
        self.cases.review_requested.connect(self.review_override)
        self.cases.step_up_requested.connect(self.record_step_up)
        self.supervision = SupervisionPage()
        self.supervision.new_requested.connect(self.new_supervision)
        self.supervision.edit_requested.connect(self.edit_supervision)
        self.supervision.sign_requested.connect(self.sign_supervision)
        self.supervision.addendum_requested.connect(self.add_addendum)
        self.supervision.pdf_requested.connect(self.export_supervision_pdf)
        self.supervision.print_requested.connect(self.print_supervision)
        self.supervision.delete_requested.connect(self.delete_supervision)
        self.supervision.ics_requested.connect(self.export_supervision_dates)
        self.events = EventsPage()
        self.events.new_event_requested.connect(lambda: self.record_event())
        self.events.edit_event_requested.connect(self.edit_event)
        self.events.delete_event_requested.connect(self.delete_event)
        self.events.new_absence_requested.connect(lambda: self.record_absence())
        self.events.edit_absence_requested.connect(self.record_absence)
        self.events.delete_absence_requested.connect(self.delete_absence)
        self.pcf = PcfPage()
        self.pcf.new_review_requested.connect(lambda: self.edit_review())
        self.pcf.edit_review_requested.connect(self.edit_review)
        self.pcf.delete_review_requested.connect(self.delete_review)
        self.pcf.print_requested.connect(lambda: self.print_preview("pcf"))
        self.pcf.record_learning_requested.connect(self.record_learning)
        self.pcf.clear_learning_requested.connect(self.clear_learning)
        self.endings = EndingsPage()
        self.endings.record_requested.connect(self.record_transition_item)
        self.endings.clear_requested.connect(self.clear_transition_item)
        self.endings.add_item_requested.connect(self.add_transition_item)
        self.endings.end_case_requested.connect(self.end_case)
        self.endings.transition_pdf_requested.connect(lambda: self.print_preview("transition"))
        self.endings.summary_pdf_requested.connect(lambda: self.print_preview("summary"))
        self.endings.close_requested.connect(self.close_placement)
        self.placement_page = PlacementPage()
        self.placement_page.edit_requested.connect(self.edit_placement)
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

        self.lock_screen = LockScreen(self.unlock)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.records)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.idle = IdleWatcher(self.lock, self)
        self.covered: list[tuple[QDialog, Cover]] = []  # forms under the lock's cover
        self.preview_dialog: QDialog | None = None  # the last print preview opened
        self._stale: dict[QWidget, Callable[[], None]] = {}  # pages to fill when first shown
        self.pages.currentChanged.connect(self._page_shown)

        self.placement_box.activated.connect(self._placement_chosen)

        self._build_menus()
        self.nav.setFocus()  # the keyboard starts on the page list, whatever was built first
        self._restore_geometry()
        self._remember_database(workspace.path)
        self.reload()
        self.start_idle_lock()

    # ------------------------------------------------------------------ layout

    def _build_menus(self) -> None:
        file_menu = self.menus["&File"]
        self.new_action = self._action(
            file_menu, "&New placement…", QKeySequence.StandardKey.New, self.new_placement
        )
        self._action(
            file_menu, "&Open database…", QKeySequence.StandardKey.Open, self.open_database
        )
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(file_menu, "&Import placement file…", QKeySequence("Ctrl+I"), self.import_file)
        self.export_action = self._action(
            file_menu, "&Export placement file…", QKeySequence("Ctrl+E"), self.export_file
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Print…", QKeySequence.StandardKey.Print, self.print_current)
        self._action(
            file_menu, "Export P&DF…", QKeySequence("Ctrl+Shift+E"), self.export_current_pdf
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Backups…", QKeySequence("Ctrl+Shift+B"), self.show_backups)
        self._action(file_menu, "&Verify database", None, self.verify)
        security = file_menu.addMenu("&Security")
        self.encrypt_action = self._action(
            security, "&Encrypt database…", None, self.encrypt_database
        )
        self.decrypt_action = self._action(
            security, "&Decrypt database…", None, self.decrypt_database
        )
        self.rekey_action = self._action(
            security, "&Change passphrase…", None, self.change_passphrase
        )
        security.addSeparator()
        self._action(security, "Lock after &idle…", None, self.edit_idle_lock)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence("Ctrl+Q"), self.close)

        edit_menu = self.menus["&Edit"]
        stack = self.changes.stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
            self.addAction(action)  # the shortcut works wherever the focus is
        edit_menu.addSeparator()
        self._action(edit_menu, "&Placement details…", None, self.edit_placement)
        self._action(edit_menu, "P&olicy settings…", QKeySequence("Ctrl+,"), self.edit_policy)

        placement_menu = self.menus["&Placement"]
        self.lock_action = self._action(placement_menu, "&Lock", QKeySequence("Ctrl+L"), self.lock)

        cases_menu = self.menus["&Cases"]
        self.allocate_action = self._action(
            cases_menu, "&Allocate case…", QKeySequence("Ctrl+Shift+N"), self.allocate_case
        )
        self._action(
            cases_menu, "&Edit selected case…", None, lambda: self._on_selected(self.edit_case)
        )
        self._action(
            cases_menu, "E&nd selected case…", None, lambda: self._on_selected(self.end_case)
        )
        self._action(
            cases_menu,
            "Record &step-up…",
            None,
            lambda: self._on_selected(self.record_step_up),
        )

        view_menu = self.menus["&View"]
        self._action(view_menu, "&Refresh", QKeySequence.StandardKey.Refresh, self.reload)
        appearance = view_menu.addMenu("&Appearance")
        chosen = str(self.settings.value(SCHEME_SETTING, "system"))
        self.scheme_actions = QActionGroup(self)
        for scheme, label in zip(SCHEMES, ("As the &system", "&Light", "&Dark"), strict=True):
            action = self._action(appearance, label, None, lambda s=scheme: self.set_scheme(s))
            action.setCheckable(True)
            action.setChecked(scheme == chosen)
            action.setData(scheme)
            self.scheme_actions.addAction(action)
        view_menu.addSeparator()
        for row in range(self.nav.count()):
            title = self.nav.item(row).text()
            self._action(
                view_menu,
                title,
                QKeySequence(f"Ctrl+{row + 1}"),
                lambda _c=False, r=row: self.show_page(r),
            )

        help_menu = self.menus["&Help"]
        self._action(
            help_menu,
            "&Keyboard shortcuts",
            QKeySequence(QKeySequence.StandardKey.HelpContents),
            self.show_shortcuts,
        )
        self._action(help_menu, "&Policy sources", None, self.show_sources)
        help_menu.addSeparator()
        self._action(help_menu, "&About Placement Tracker", None, self.show_about)

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even where the menu bar is native or hidden
        return action

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
        self._update_security()
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
            self.compliance.show_items([])
            self.cases.show_rows([], allowed=False)
            self.placement_page.show_placement(None, None)
            self.induction.show_view(None)
            self.supervision.show_rows([], [], editable=False)
            self.events.show_data([], [], [], 0, editable=False)
            self.pcf.show_data("first", [], {}, [], editable=False)
            self.endings.show_view(None)
            self.setWindowTitle(f"Placement Tracker [{ws.path.name}]")
            return
        if screen is None or screen.placement_id != pid:
            screen = placement_screen(ws.placements, pid, ws.as_of)
        self._stale = self._fill_steps(screen)
        self.fill_page(self.pages.currentWidget())

    def fill_page(self, page: QWidget) -> None:
        """Bring ``page`` up to date if an edit since it was last shown left it behind."""
        fill = self._stale.pop(page, None)
        if fill is not None and not self.workspace.locked:
            fill()

    def _current[Page: QWidget](self, page: Page) -> Page:
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
                overview, screen.series, screen.agenda
            ),
            self.compliance: lambda: self.compliance.show_items(screen.compliance),
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
                p.kind, snap.pcf_reviews, learning, snap.learning, editable
            ),
            self.endings: lambda: self.endings.show_view(screen.endings, editable),
        }
        return steps

    def _placement_chosen(self, index: int) -> None:
        self.placement_id = self.placement_box.itemData(index)
        self.changes.forget()  # undo belongs to the placement it was done on
        self.reload()

    def open_agenda_item(self, item: AgendaItem) -> None:
        """Go to the page where the item is done, with its case picked out."""
        title = AGENDA_PAGES.get(item.place, "Overview")
        self.show_page_named(title)
        ref = item.subject.partition(":")[2] if item.subject.startswith("case:") else None
        if ref is None:
            return
        if title == "Cases":
            self.cases.select(ref)
        elif title == "Visits & observations":
            self.events.set_filters(case=ref)
        elif title == "Endings":
            self.endings.select_case(ref)

    # ------------------------------------------------------------------ placements

    def new_placement(self) -> None:
        wizard = PlacementWizard(self.workspace.as_of, self.workspace.profile, parent=self)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.placement_id = self.workspace.placements.create(wizard.placement())
        except InvalidInput as exc:
            QMessageBox.warning(self, "Placement not saved", str(exc))
            return
        self.reload()
        self.show_page(0)

    def edit_placement(self) -> None:
        if self.placement_id is None:
            return
        current = self.workspace.placements.snapshot(self.placement_id).placement
        wizard = PlacementWizard(self.workspace.as_of, self.workspace.profile, current, self)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.workspace.placements.update(self.placement_id, wizard.placement())
        except InvalidInput as exc:
            QMessageBox.warning(self, "Placement not saved", str(exc))
            return
        self.reload()

    # ------------------------------------------------------------------ cases

    def case_dialog(self, case: Case | None = None) -> CaseDialog | None:
        """The allocation dialog wired to the services for the placement on screen."""
        pid = self.placement_id
        if pid is None:
            QMessageBox.information(self, "No placement", "Create or import a placement first.")
            return None
        ws = self.workspace
        snap = ws.placements.snapshot(pid)
        replacing = case.ref if case else None
        if case is None:
            save: Callable[[Case], None] = lambda draft: ws.cases.allocate(pid, draft, ws.as_of)  # noqa: E731
        else:
            save = lambda draft: ws.cases.update(pid, replacing or draft.ref, draft, ws.as_of)  # noqa: E731
        default_day = min(max(ws.as_of, snap.placement.start), snap.placement.end)
        return CaseDialog(
            check=lambda draft: ws.cases.check(pid, draft, ws.as_of, replacing),
            save=save,
            default_day=default_day,
            team_manager=snap.placement.team_manager,
            case=case,
            learning=ws.cases.learning_choices(pid, ws.as_of),
            parent=self,
        )

    def allocate_case(self) -> None:
        self._run_case_dialog(self.case_dialog())

    def edit_case(self, ref: str) -> None:
        assert self.placement_id is not None
        self._run_case_dialog(self.case_dialog(self.workspace.cases.case(self.placement_id, ref)))

    def _run_case_dialog(self, dialog: CaseDialog | None) -> None:
        if dialog is None:
            return
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        case, old = dialog.draft(), dialog.editing
        dialog.deleteLater()
        if not accepted:
            return
        self.show_page_named("Cases")
        if old is None:  # a new allocation: the case is ended or edited, not taken back
            self.reload()
            self.cases.select(case.ref)
            return
        pid, ws = self.placement_id, self.workspace
        assert pid is not None
        self.changes.made(
            f"Edited {case.ref}",
            lambda: ws.cases.update(pid, old.ref, case, ws.as_of),
            lambda: ws.cases.update(pid, case.ref, old, ws.as_of),
            lambda: self.cases.select(case.ref),
        )

    def end_case(self, ref: str) -> None:
        assert self.placement_id is not None
        ws = self.workspace
        case = ws.cases.case(self.placement_id, ref)
        dialog = EndCaseDialog(case, ws.as_of, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ended, ending, handover = dialog.values()
        signed = dialog.transfer_signed_off()
        try:
            ws.cases.end_case(self.placement_id, ref, ended, ending, handover, ws.as_of, signed)
        except InvalidInput as exc:
            QMessageBox.warning(self, "Case not ended", str(exc))
            return
        self.reload()
        self.fill_page(self.cases)  # ended from the Endings page: Cases shows it next time
        self.cases.select(ref)

    def record_step_up(self, ref: str) -> None:
        """The case became statutory: the dialog asks when, to what, and the keyworker."""
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        dialog = StepUpDialog(ws.cases.case(pid, ref), ws.as_of, self)
        dialog.save = lambda on, kind, keyworker, role: ws.cases.record_step_up(
            pid, ref, on, kind, keyworker, ws.as_of, role
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.reload()
        self.show_page_named("Cases")
        self.cases.select(ref)
        self.statusBar().showMessage(f"Recorded the step-up of {ref}.", 5000)

    def review_override(self, ref: str) -> None:
        assert self.placement_id is not None
        ws = self.workspace
        case = ws.cases.case(self.placement_id, ref)
        if case.manager_override is None:
            return
        dialog = OverrideReviewDialog(case, ws.as_of, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            ws.cases.record_review(self.placement_id, ref, dialog.value(), ws.as_of)
        except InvalidInput as exc:
            QMessageBox.warning(self, "Review not recorded", str(exc))
            return
        self.reload()
        self.cases.select(ref)

    def _on_selected(self, action: Callable[[str], None]) -> None:
        self.fill_page(self.cases)  # the Cases menu works from any page
        ref = self.cases.selected_ref()
        if ref is None:
            self.show_page_named("Cases")
            self.statusBar().showMessage("Select a case on the Cases page first.", 5000)
            return
        action(ref)

    # ------------------------------------------------------------------ induction

    def record_induction_item(self, item: str) -> None:
        assert self.placement_id is not None and self._current(self.induction).view is not None
        pid, ws = self.placement_id, self.workspace
        row = next(r for r in self._current(self.induction).view.rows if r.item == item)
        dialog = ItemDialog(row.label, row.entry, ws.as_of, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            entry, old = dialog.entry(), row.entry
            self._act(
                lambda: ws.induction.record(pid, item, entry),
                f"Recorded: {row.label}",
                lambda: ws.induction.record(pid, item, old),
                lambda: self.induction.select(item),
            )

    def _induction_entry(self, item: str) -> ChecklistEntry | None:
        view = self._current(self.induction).view
        row = next((r for r in view.rows if r.item == item), None) if view else None
        return row.entry if row else None

    def clear_induction_item(self, item: str) -> None:
        assert self.placement_id is not None
        pid, ws, old = self.placement_id, self.workspace, self._induction_entry(item)
        undo = (lambda: ws.induction.record(pid, item, old)) if old else None
        self._act(lambda: ws.induction.record(pid, item, None), "Cleared the item's date", undo)

    def add_own_induction_item(self) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        dialog = ItemDialog("Add your own item", None, ws.as_of, ask_name=True, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, entry = dialog.name.text(), dialog.entry()
            self._act(lambda: ws.induction.add_own_item(pid, name, entry), f"Added {name}")

    def remove_own_induction_item(self, item: str) -> None:
        assert self.placement_id is not None
        pid, ws, old = self.placement_id, self.workspace, self._induction_entry(item)
        undo = (lambda: ws.induction.record(pid, item, old)) if old else None
        self._act(lambda: ws.induction.remove_own_item(pid, item), "Removed your item", undo)

    def _checklist_date(self, item: str) -> date | None:
        view = self._current(self.induction).view
        row = next((r for r in view.rows if r.item == item), None) if view else None
        return row.entry.date if row and row.entry else None

    def edit_placement_agreement(self) -> None:
        assert self.placement_id is not None and self._current(self.induction).view is not None
        pid, ws = self.placement_id, self.workspace
        dialog = PlacementAgreementDialog(
            self._current(self.induction).view.placement_agreement,
            self._checklist_date("placement-agreement"),
            ws.as_of,
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            agreement, held = dialog.agreement(), dialog.held_date()
            self._act(
                lambda: ws.induction.save_placement_agreement(pid, agreement, held),
                "Saved the placement agreement",
            )

    def edit_supervision_agreement(self) -> None:
        assert self.placement_id is not None and self._current(self.induction).view is not None
        pid, ws, view = self.placement_id, self.workspace, self._current(self.induction).view
        dialog = SupervisionAgreementDialog(
            view.supervision_agreement,
            self._checklist_date("supervision-agreement"),
            ws.as_of,
            view.educator_onsite,
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            agreement, agreed = dialog.agreement(), dialog.agreed_date()
            self._act(
                lambda: ws.induction.save_supervision_agreement(pid, agreement, agreed),
                "Saved the supervision agreement",
            )

    def name_link_worker(self) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        name, ok = QInputDialog.getText(
            self, "Link worker", cited("The link worker for this placement (002 §2):")
        )
        if ok and name.strip():
            self._act(
                lambda: ws.induction.set_link_worker(pid, name), f"Link worker: {name.strip()}"
            )

    def in_background(
        self,
        title: str,
        work: Callable[[], object],
        saved: str,
        refused: str,
        then: Callable[[], None] | None = None,
        keep: Callable[[Any], None] | None = None,
    ) -> Operation:
        """Make a file in a worker thread (PDFs, exports, calendars): the window goes on
        drawing; a problem the PE can fix (a folder that cannot be written) is explained.

        With ``keep``, the work only makes the content and ``keep(content)`` writes it, back
        on the GUI thread: such work can be cancelled, and a cancelled one leaves no file.
        """

        def done(result: object) -> None:
            if keep is not None:
                try:
                    keep(result)
                except (RecordProblem, ExportProblem, DatabaseError) as exc:
                    self._refused(refused)(exc)
                    return
            self.statusBar().showMessage(saved, 5000)
            if then is not None:
                then()

        def written() -> bool:
            work()
            return True

        expected = (RecordProblem, ExportProblem, DatabaseError)
        run = work if keep is not None else written
        return Operation(
            self, title, run, done, self._refused(refused), expected, cancellable=keep is not None
        ).start()

    def current_record(self) -> tuple[str, str | None] | None:
        """The record of the page on screen (a session: the one selected), for File › Print…
        and File › Export PDF…; the placement summary from pages without one of their own."""
        if self.placement_id is None:
            return None
        kind = RECORD_OF_PAGE.get(self.page_titles()[self.nav.currentRow()], "summary")
        if kind != "supervision":
            return kind, None
        sid = self._current(self.supervision).selected_id()
        if sid is None:
            self.statusBar().showMessage("Select a session to print first.", 5000)
            return None
        return kind, sid

    def print_current(self) -> Operation | None:
        record = self.current_record()
        return self.print_preview(*record) if record else None

    def export_current_pdf(self) -> None:
        record = self.current_record()
        if record is None:
            return
        kind, record_id = record
        path, _ = QFileDialog.getSaveFileName(
            self,
            self._plain_copy_title(f"Save the {RECORD_TITLES[kind].lower()}"),
            str(Path.home() / f"{RECORD_TITLES[kind].lower().replace(' ', '-')}.pdf"),
            "PDF (*.pdf)",
        )
        if path:
            self.save_record(kind, Path(path), record_id, then=lambda: open_file(Path(path)))

    def print_preview(self, kind: str, record_id: str | None = None) -> Operation:
        """File › Print…: the record is made in a worker, then shown in the print preview,
        whose Print button opens the system's print dialog (A4, pages, copies)."""
        assert self.placement_id is not None
        ws, pid = self.workspace, self.placement_id

        def work() -> bytes:
            return render(kind, ws.placements.snapshot(pid), ws.as_of, ws.profile, record_id)

        def show(pdf: object) -> None:
            from app.views.printing import PrintedRecord, preview  # Qt's printing: when used

            assert isinstance(pdf, bytes)
            self.preview_dialog = preview(PrintedRecord(pdf, RECORD_TITLES[kind]), self)
            self.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preview_dialog.open()

        expected = (RecordProblem, DatabaseError)
        return Operation(
            self,
            f"Preparing the {RECORD_TITLES[kind].lower()}",
            work,
            show,
            self._refused("Not printed"),
            expected,
            cancellable=True,
        ).start()

    def save_record(
        self,
        kind: str,
        path: Path,
        record_id: str | None = None,
        then: Callable[[], None] | None = None,
    ) -> Operation:
        """Render a printed record of the placement on screen to ``path`` (PDF)."""
        assert self.placement_id is not None
        ws, pid = self.workspace, self.placement_id

        def work() -> bytes:
            return render(kind, ws.placements.snapshot(pid), ws.as_of, ws.profile, record_id)

        return self.in_background(
            f"Saving {path.name}",
            work,
            f"Saved {path}",
            "Record not saved",
            then,
            keep=lambda data: write_pdf(path, data),
        )

    # ------------------------------------------------------------------ supervision

    def session_dialog(
        self, sid: str | None = None, draft: dict[str, object] | None = None
    ) -> SessionDialog:
        """The session form for a new session (or for ``sid``), wired to the services."""
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        existing = ws.supervision.get(pid, sid) if sid else None
        form = ws.supervision.form(pid, existing.date if existing else ws.as_of)
        snap = ws.placements.snapshot(pid)
        key = f"supervision:{sid or 'new'}"
        return SessionDialog(
            form,
            snap.cases,
            save=lambda s, done: ws.supervision.save(pid, s, done),
            save_draft=lambda content: ws.supervision.save_draft(pid, key, content),
            onsite_supervisor=snap.placement.onsite_supervisor,
            existing=existing,
            draft=draft,
            parent=self,
        )

    def _run_session(self, dialog: SessionDialog, key: str) -> None:
        assert self.placement_id is not None
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            self.workspace.supervision.discard_draft(self.placement_id, key)
        self.reload()
        if accepted:
            self.show_page_named("Supervision")

    def new_supervision(self) -> None:
        if self.placement_id is None:
            return
        self._run_session(self.session_dialog(), "supervision:new")

    def edit_supervision(self, sid: str) -> None:
        self._run_session(self.session_dialog(sid), f"supervision:{sid}")

    def offer_drafts(self) -> None:
        """After a crash: offer back any session that was being written."""
        if self.placement_id is None:
            return
        for key, saved_at, content in self.workspace.supervision.drafts(self.placement_id):
            if not key.startswith("supervision:"):
                continue
            answer = QMessageBox.question(
                self,
                "Unsaved supervision",
                f"A supervision record you were writing was not saved (last typed {saved_at:%d %b %Y %H:%M}). "
                "Open it to finish it? Choose No to throw it away.",
            )
            sid = key.partition(":")[2]
            if answer == QMessageBox.StandardButton.Yes:
                self._run_session(self.session_dialog(None if sid == "new" else sid, content), key)
            else:
                self.workspace.supervision.discard_draft(self.placement_id, key)

    def sign_supervision(self, sid: str) -> None:
        assert self.placement_id is not None
        pid, ws, p = self.placement_id, self.workspace, self.current_placement
        dialog = SignDialog({"educator": p.educator, "student": p.student}, ws.as_of, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            who, on = dialog.values()
            self._act(lambda: ws.supervision.sign(pid, sid, who, on), f"Signed by the {who}")
            self.supervision.select(sid)

    def add_addendum(self, sid: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        dialog = AddendumDialog(self.current_placement.educator, ws.as_of, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on, author, text = dialog.values()
            self._act(
                lambda: ws.supervision.add_addendum(pid, sid, author, text, on), "Addendum added"
            )
            self.supervision.select(sid)

    def delete_supervision(self, sid: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        answer = QMessageBox.question(
            self, "Delete session", "Delete this unsigned session record?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            old = ws.supervision.get(pid, sid)
            self._act(
                lambda: ws.supervision.delete(pid, sid),
                "Session deleted",
                lambda: ws.supervision.save(pid, old),
            )

    def export_supervision_pdf(self, sid: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self._plain_copy_title("Save the supervision record"),
            str(Path.home() / f"supervision-{sid}.pdf"),
            "PDF (*.pdf)",
        )
        if path:
            self.save_record("supervision", Path(path), sid)

    def print_supervision(self, sid: str) -> None:
        self.print_preview("supervision", sid)

    def export_supervision_dates(self) -> None:
        if self.placement_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self._plain_copy_title("Save supervision dates"),
            str(Path.home() / "supervision-dates.ics"),
            "Calendar (*.ics)",
        )
        if path:
            self.save_supervision_dates(Path(path))

    def save_supervision_dates(self, path: Path) -> Operation:
        assert self.placement_id is not None
        ws, pid = self.workspace, self.placement_id
        return self.in_background(
            f"Saving {path.name}",
            lambda: write_pdf(path, ws.supervision.ics(pid, ws.as_of)),
            f"Saved {path}",
            "Dates not saved",
        )

    # ------------------------------------------------------------------ events, absences, PCF

    def _act(
        self,
        action: Callable[[], object],
        done: str,
        undo: Callable[[], object] | None = None,
        then: Callable[[], object] | None = None,
    ) -> bool:
        """Run one change through the window's one helper (``Changes.run``)."""
        return self.changes.run(action, done, undo, then)

    def undo(self) -> None:
        """Edit › Undo: put back the last change that can be."""
        self.changes.stack.undo()

    def redo(self) -> None:
        """Edit › Redo: make again the last change undone."""
        self.changes.stack.redo()

    def event_dialog(self, key: str | None = None, kind: str | None = None) -> EventDialog:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        snap = ws.placements.snapshot(pid)
        existing = next((e for e in snap.events if e.id == key), None) if key else None
        default_day = min(max(ws.as_of, snap.placement.start), snap.placement.end)
        return EventDialog(
            snap.cases,
            check=lambda e: ws.recording.check_event(pid, e, key),
            save=lambda e: ws.recording.save_event(pid, e, key),
            default_day=default_day,
            event=existing,
            kind=kind,
            parent=self,
        )

    def record_event(self, kind: str | None = None) -> None:
        if self.placement_id is None:
            return
        dialog = self.event_dialog(kind=kind)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.show_page_named("Visits & observations")
        dialog.deleteLater()

    def edit_event(self, key: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        dialog = self.event_dialog(key)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.existing is not None:
            old, new = dialog.existing, dialog.draft()
            self.changes.made(
                f"Edited the {EVENT_KIND_LABELS[new.kind].lower()} of {uk_date(new.date)}",
                lambda: ws.recording.save_event(pid, new, old.id),
                lambda: ws.recording.save_event(pid, old, new.id),
                lambda: self.events.select_event(new.id),
            )
        dialog.deleteLater()

    def delete_event(self, key: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        old = next(e for e in ws.placements.snapshot(pid).events if e.id == key)
        self._act(
            lambda: ws.recording.delete_event(pid, key),
            "Event deleted",
            lambda: ws.recording.save_event(pid, old),
        )

    def record_absence(self, key: str | None = None) -> None:
        if self.placement_id is None:
            return
        pid, ws = self.placement_id, self.workspace
        existing = (
            next((a for a in ws.placements.snapshot(pid).absences if a.id == key), None)
            if key
            else None
        )
        dialog = AbsenceDialog(ws.as_of, existing, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            absence = dialog.absence()
            self._act(lambda: ws.recording.save_absence(pid, absence, key), "Absence saved")

    def delete_absence(self, key: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        old = next(a for a in ws.placements.snapshot(pid).absences if a.id == key)
        self._act(
            lambda: ws.recording.delete_absence(pid, key),
            "Absence deleted",
            lambda: ws.recording.save_absence(pid, old),
        )

    def edit_review(self, key: str | None = None) -> None:
        if self.placement_id is None:
            return
        pid, ws = self.placement_id, self.workspace
        snap = ws.placements.snapshot(pid)
        existing = next((r for r in snap.pcf_reviews if r.id == key), None) if key else None
        choices = [f"event:{e.id}" for e in snap.events] + [
            f"supervision:{s.id}" for s in snap.supervisions
        ]
        choices += [f"case:{c.ref}" for c in snap.cases]
        day = min(max(ws.as_of, snap.placement.start), snap.placement.end)
        dialog = PcfReviewDialog(
            day, choices, lambda r: ws.recording.save_review(pid, r, key), existing, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
        dialog.deleteLater()

    def delete_review(self, key: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        old = next(r for r in ws.placements.snapshot(pid).pcf_reviews if r.id == key)
        self._act(
            lambda: ws.recording.delete_review(pid, key),
            "PCF review deleted",
            lambda: ws.recording.save_review(pid, old),
        )

    def record_learning(self, item: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        current = self._current(self.pcf).learning.get(item)
        dialog = LearningDialog(
            self._current(self.pcf).outcomes.get(item, item), ws.as_of, current, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            day, evidence = dialog.values()
            if self._act(
                lambda: ws.recording.record_learning(pid, LearningEvidence(item, day, evidence)),
                "Evidence recorded",
            ):
                self.pcf.select_outcome(item)

    def clear_learning(self, item: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        old = self._current(self.pcf).learning.get(item)
        undo = (lambda: ws.recording.record_learning(pid, old)) if old else None
        self._act(lambda: ws.recording.clear_learning(pid, item), "Evidence cleared", undo)

    # ------------------------------------------------------------------ endings

    def record_transition_item(self, case: str, item: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        row = self._current(self.endings).current_row()
        entry = row.items.get(item) if row else None
        dialog = ItemDialog(f"{case}: {item.replace('-', ' ')}", entry, ws.as_of, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            done = dialog.entry()
            if self._act(lambda: ws.endings.record_item(pid, case, item, done), "Recorded"):
                self.endings.select_case(case)
                self.endings.select_item(item)

    def clear_transition_item(self, case: str, item: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        row = self._current(self.endings).current_row()
        old = row.items.get(item) if row else None
        undo = (lambda: ws.endings.record_item(pid, case, item, old)) if old else None
        if self._act(lambda: ws.endings.record_item(pid, case, item, None), "Cleared", undo):
            self.endings.select_case(case)

    def add_transition_item(self, case: str) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        dialog = ItemDialog(f"{case}: your own item", None, ws.as_of, ask_name=True, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, entry = dialog.name.text(), dialog.entry()
            if self._act(lambda: ws.endings.add_own_item(pid, case, name, entry), f"Added {name}"):
                self.endings.select_case(case)

    def close_placement(self) -> None:
        assert self.placement_id is not None
        pid, ws = self.placement_id, self.workspace
        dialog = ClosePlacementDialog(
            ws.endings.problems(pid, ws.as_of),
            ws.as_of,
            lambda day, why: ws.endings.close(pid, day, why, ws.as_of),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.statusBar().showMessage("Placement closed and kept read-only", 8000)
        dialog.deleteLater()

    # ------------------------------------------------------------------ files

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import a placement file",
            str(Path.home()),
            "Placement files (*.json);;All files (*)",
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> Operation:
        """Import a placement file whole, in the background; a bad file is explained and
        nothing is stored. The new placement is worked out there too, then shown."""
        ws = self.workspace

        def work() -> tuple[int, PlacementScreen]:
            placement_id = import_into(ws.db, path)
            return placement_id, placement_screen(ws.placements, placement_id, ws.as_of)

        def done(result: tuple[int, PlacementScreen]) -> None:
            self.placement_id, screen = result
            self.reload(screen)
            self.statusBar().showMessage(f"Imported {path.name}", 5000)

        def failed(error: BaseException) -> None:
            if isinstance(error, PlacementFileError):
                QMessageBox.warning(
                    self,
                    "Placement file not imported",
                    f"{path.name} was not imported, and nothing was stored.\n\n{error}\n\n"
                    "Correct the file at the place named and import it again.",
                )
            elif isinstance(error, DatabaseError):
                QMessageBox.warning(self, "Placement file not imported", str(error))
            else:
                QMessageBox.critical(
                    self,
                    "Placement file not imported",
                    f"{path.name} was not imported, and nothing was stored: an unexpected "
                    "problem stopped it. The details are in the log file.",
                )

        return Operation(
            self, f"Importing {path.name}", work, done, failed, (PlacementFileError, DatabaseError)
        ).start()

    def export_file(self) -> None:
        if self.placement_id is None:
            QMessageBox.information(
                self, "Nothing to export", "Create or import a placement first."
            )
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self._plain_copy_title("Export the placement"),
            str(Path.home() / "placement.json"),
            "Placement files (*.json)",
        )
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> Operation:
        assert self.placement_id is not None
        db, pid = self.workspace.db, self.placement_id
        return self.in_background(
            f"Exporting to {path.name}",
            lambda: export_placement(db, pid, path),
            f"Exported to {path}",
            "Placement not exported",
        )

    def open_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Open or create a database",
            str(self.workspace.path.parent),
            "Placement Tracker database (*.sqlite *.db);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(Path(path))

    def recent_databases(self) -> list[Path]:
        """The databases opened lately, newest first (the one open now included)."""
        saved = self.settings.value(RECENT_SETTING, [])
        paths = [saved] if isinstance(saved, str) else list(saved or [])
        return [Path(p) for p in paths if isinstance(p, str) and p]

    def _remember_database(self, path: Path) -> None:
        here = path.expanduser().resolve()
        others = [p for p in self.recent_databases() if p.resolve() != here]
        self.settings.setValue(RECENT_SETTING, [str(p) for p in [here, *others][:RECENT_KEPT]])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = self.workspace.path.resolve()
        shown = [p for p in self.recent_databases() if p.resolve() != current]
        for n, path in enumerate(shown, start=1):
            action = self.recent_menu.addAction(f"&{n} {path.name} — {path.parent}")
            action.setEnabled(path.exists())
            action.setToolTip(str(path) if path.exists() else f"{path} is not there any more")
            action.triggered.connect(lambda _c=False, p=path: self.switch_database(p))
        if not shown:
            self.recent_menu.addAction("No other database opened lately").setEnabled(False)

    def switch_database(self, path: Path) -> bool:
        if path.expanduser().resolve() == self.workspace.path.resolve():
            self.reload()  # already the one open: opening it again would meet our own lock
            return True
        try:
            workspace = Workspace.open(path, self.workspace.as_of, self.workspace.profile)
        except DatabaseError as exc:
            log.warning("could not open a database: %s", type(exc).__name__)
            QMessageBox.warning(self, "Cannot open database", str(exc))
            return False
        self.workspace.close()
        self.workspace = workspace
        self._remember_database(workspace.path)
        self.placement_id = None
        self.changes.forget()
        self.reload()
        return True

    # ------------------------------------------------------------------ security

    def _plain_copy_title(self, title: str) -> str:
        """Save dialogs say when what they write is readable, unlike the encrypted database."""
        if self.workspace.encrypted:
            return f"{title} (the saved copy is not encrypted)"
        return title

    def _update_security(self) -> None:
        encrypted = self.workspace.encrypted
        self.encrypt_action.setEnabled(not encrypted)
        self.decrypt_action.setEnabled(encrypted)
        self.rekey_action.setEnabled(encrypted)
        self.lock_action.setEnabled(encrypted)

    def idle_minutes(self) -> int:
        return int(self.settings.value(IDLE_SETTING, IDLE_DEFAULT))

    def start_idle_lock(self) -> None:
        if self.workspace.encrypted and not self.workspace.locked:
            self.idle.start(self.idle_minutes())
        else:
            self.idle.stop()

    def edit_idle_lock(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self,
            "Lock after idle",
            "Lock an encrypted database after this many minutes without use (0: never):",
            self.idle_minutes(),
            0,
            240,
        )
        if ok:
            self.settings.setValue(IDLE_SETTING, minutes)
            self.start_idle_lock()

    def lock(self) -> None:
        """Hide every record and drop the key. Open forms stay as they are, covered and
        disabled; the supervision form saves its draft (encrypted) first."""
        ws = self.workspace
        if not ws.encrypted or ws.locked:
            return
        self.idle.stop()
        self.covered = []
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible() and not isinstance(dialog, PassphraseDialog):
                pause = getattr(dialog, "pause_drafts", None)
                if callable(pause):
                    pause()
                dialog.setEnabled(False)
                self.covered.append((dialog, Cover(dialog)))
        ws.lock_records()
        self.screens.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.toolbar.setVisible(False)  # it names the student
        self.setWindowTitle(f"Placement Tracker [{ws.path.name}] — locked")
        QTimer.singleShot(0, self.unlock)

    def unlock(self) -> bool:
        ws = self.workspace
        if not ws.locked:
            return True

        def attempt(passphrase: str) -> str | None:
            try:
                ws.unlock(passphrase)
            except WrongPassphrase:
                return "Wrong passphrase. Try again."
            except DatabaseError as exc:
                return str(exc)
            return None

        dialog = PassphraseDialog(
            "Unlock",
            f"The records in {ws.path.name} are locked. Type the passphrase to go on.",
            attempt,
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or ws.locked:
            return False
        self.screens.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.toolbar.setVisible(True)
        for form, cover in self.covered:
            cover.deleteLater()
            form.setEnabled(True)
        self.covered = []
        self.reload()
        self.start_idle_lock()
        return True

    def encrypt_database(self) -> Operation | None:
        ws = self.workspace
        count = len(backup_rows(ws.path))
        dialog = NewPassphraseDialog(
            "Encrypt the database",
            f"The database is written out again, encrypted, and checked before it replaces "
            f"the readable file, which is then overwritten. {backups(count)} re-made "
            "encrypted with the same passphrase, so no readable copy stays behind; a backup "
            "that cannot be read is removed. Exported files and PDFs you saved stay as they are.",
            back_up=lambda: back_up_now(ws.path),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return self._change_encryption(None, dialog.passphrase(), "Encrypted")
        return None

    def decrypt_database(self) -> Operation | None:
        ws = self.workspace
        answer = QMessageBox.question(
            self,
            "Decrypt the database?",
            "The database and its backups are written out again without encryption: anyone "
            "who has this laptop could then read them. Do this only when the laptop's disk is "
            "encrypted, or to move the records somewhere that cannot open encrypted files.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            return self._change_encryption(ws.db.key, None, "Decrypted")
        return None

    def change_passphrase(self) -> Operation | None:
        ws = self.workspace
        current = ws.db.key
        dialog = PassphraseDialog(
            "Change passphrase",
            "Type the current passphrase first.",
            lambda text: None if text == current else "That is not the current passphrase.",
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        new = NewPassphraseDialog(
            "New passphrase",
            f"The database is re-made with the new passphrase, and "
            f"{backups(len(backup_rows(ws.path, current))).lower()} too; the old passphrase "
            "will no longer open them.",
            parent=self,
        )
        if new.exec() == QDialog.DialogCode.Accepted:
            return self._change_encryption(current, new.passphrase(), "New passphrase set for")
        return None

    def _reopen(self, path: Path, as_of: date, profile: PolicyProfile, key: str | None) -> None:
        """Open the database again after it was re-written or replaced. Undo is cleared: its
        steps belong to the connection that was closed."""
        try:
            self.workspace = Workspace.open(path, as_of, profile, key=key)
        except DatabaseError as exc:
            QMessageBox.critical(self, "Cannot open database", str(exc))
            raise SystemExit(2) from None
        self.changes.forget()
        self.reload()
        self.start_idle_lock()

    def _change_encryption(self, old: str | None, new: str | None, done: str) -> Operation:
        """Let go of the database, re-write it and its backups in the background (a progress
        dialog holds the window meanwhile), and open it again."""
        ws = self.workspace
        path, as_of, profile = ws.path, ws.as_of, ws.profile
        ws.close(backup=False)

        def finished(notes: list[str]) -> None:
            self._reopen(path, as_of, profile, new)
            detail = "\n".join(f"• {note}" for note in notes) or "There were no backups."
            QMessageBox.information(self, done.split()[0], f"{done} {path.name}.\n\n{detail}")

        def failed(error: BaseException) -> None:
            self._reopen(path, as_of, profile, old)
            if isinstance(error, DatabaseError):
                QMessageBox.warning(self, "Nothing changed", str(error))
            else:
                QMessageBox.critical(
                    self,
                    "Nothing changed",
                    "An unexpected problem stopped it; "
                    "the database is as it was. The details are in the log file.",
                )

        return Operation(
            self,
            "Re-writing the database",
            lambda: change_passphrase(path, old, new),
            finished,
            failed,
            (DatabaseError,),
        ).start()

    # ------------------------------------------------------------------ backups

    def show_backups(self) -> BackupsDialog:
        path, key = self.workspace.path, self.workspace.db.key
        dialog = BackupsDialog(
            path,
            lambda: backup_rows(path, key),
            lambda then: self._back_up(path, then),
            self.restore_backup,
            self,
        )
        dialog.open()
        return dialog

    def _back_up(self, path: Path, then: Callable[[], None]) -> Operation:
        """Back up now (File › Backups…), in a worker; ``then`` refreshes the list."""
        key = self.workspace.db.key

        def done(made: Path) -> None:
            self.statusBar().showMessage(f"Backed up to {made.name}", 5000)
            then()

        return Operation(
            self,
            "Backing up",
            lambda: back_up_now(path, key),
            done,
            self._refused("No backup made"),
            (DatabaseError,),
        ).start()

    def _refused(self, title: str) -> Callable[[BaseException], None]:
        """How an operation that failed is explained: the PE's to fix, or unexpected."""

        def failed(error: BaseException) -> None:
            if isinstance(error, RecordProblem | ExportProblem | DatabaseError):
                QMessageBox.warning(self, title, str(error))
            else:
                QMessageBox.critical(
                    self,
                    title,
                    "An unexpected problem stopped it; nothing half-made was kept. "
                    "The details are in the log file.",
                )

        return failed

    def restore_backup(self, backup: Path) -> Operation:
        """Let go of the database, put the backup in its place (in a worker), open it again."""
        ws = self.workspace
        path, as_of, profile, key = ws.path, ws.as_of, ws.profile, ws.db.key
        ws.close(backup=False)  # the restore backs the current file up itself
        self._hold(True)

        def reopen(message: str | None) -> None:
            self._hold(False)
            self.placement_id = None  # the restored file may hold other placements
            self._reopen(path, as_of, profile, key)
            if message:
                self.statusBar().showMessage(message, 10000)

        def done(saved: Path | None) -> None:
            kept = f" The database it replaced is kept as {saved.name}." if saved else ""
            reopen(f"Restored {backup.name}.{kept}")

        def failed(error: BaseException) -> None:
            reopen(None)
            self._refused("Not restored")(error)

        return Operation(
            self,
            "Restoring the backup",
            lambda: restore_database(backup, path, force=True, key=key),
            done,
            failed,
            (DatabaseError,),
        ).start()

    def _hold(self, held: bool) -> None:
        """While the database is closed for a restore: no page, menu or shortcut reaches it."""
        self.screens.setEnabled(not held)
        self.menuBar().setEnabled(not held)
        for action in self.actions():
            action.setEnabled(not held)
        if not held:
            self.undo_action.setEnabled(self.changes.stack.canUndo())
            self.redo_action.setEnabled(self.changes.stack.canRedo())
            self._update_security()

    def verify(self) -> Operation:
        """File › Verify database: the full check, as `verify` does it, in a worker."""
        path, key = self.workspace.path, self.workspace.db.key

        def done(problems: list[str]) -> None:
            if not problems:
                QMessageBox.information(
                    self,
                    "Database sound",
                    f"{path.name} is sound: the file's integrity, the links between records, "
                    "and every placement read back and checked as an import would.",
                )
                return
            QMessageBox.warning(
                self,
                "Problems found",
                f"{path.name}: {counted(len(problems), 'problem')} found:\n\n"
                + "\n".join(problems[:20])
                + "\n\nFile › Backups… lists the backups you can restore.",
            )

        return Operation(
            self,
            "Verifying the database",
            lambda: verify_database(path, key),
            done,
            self._refused("Not verified"),
            (DatabaseError,),
        ).start()

    # ------------------------------------------------------------------ settings

    def edit_policy(self) -> None:
        dialog = PolicyDialog(self.workspace.profile, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_profile(dialog.profile())

    def apply_profile(self, profile: PolicyProfile) -> None:
        """Use ``profile`` from now on, remember it, and re-check the placement on screen."""
        save_profile(self.settings, profile)
        self.workspace.profile = profile
        self.reload()
        self.statusBar().showMessage(profile.describe(), 8000)

    def show_sources(self) -> PolicySourcesDialog:
        dialog = PolicySourcesDialog(self.workspace.profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

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
        ws = self.workspace
        dialog = AboutDialog(
            __version__,
            ws.path,
            backups_dir(ws.path),
            current_log_file(),
            ws.profile.describe().removeprefix("Policy profile: "),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

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

    def _restore_geometry(self) -> None:
        """The window as the PE left it (the frame has its size and place): splitters,
        columns, the page."""
        for key, widget in self._remembered():
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)
        page = self.settings.value("window/page", 0)
        if isinstance(page, int | str) and str(page).isdigit() and int(page) < self.nav.count():
            self.show_page(int(page))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.settings.setValue(GEOMETRY_SETTING, self.saveGeometry())
        self.settings.setValue("window/page", self.nav.currentRow())
        for key, widget in self._remembered():
            self.settings.setValue(key, widget.saveState())
        self.settings.sync()
        super().closeEvent(event)

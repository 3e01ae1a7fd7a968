from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from app.services.demo import load_demo
from app.services.workspace import Workspace
from app.views.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def workspace(db_path: Path, as_of: date) -> Iterator[Workspace]:
    ws = Workspace.open(db_path, as_of)
    yield ws
    ws.close()


@pytest.fixture
def demo_window(qtbot, workspace: Workspace, settings: QSettings, as_of: date) -> MainWindow:  # type: ignore[no-untyped-def]
    load_demo(workspace.db, as_of)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def drive_modal(trigger, interact) -> None:  # type: ignore[no-untyped-def]
    """Open a modal dialog with ``trigger`` and let ``interact(dialog)`` work it like a person.

    Whatever happens inside (a failed assertion included), the dialog is closed so the test
    cannot hang on ``exec()``; the failure is raised afterwards.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    problems: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert dialog is not None, "no dialog opened"
            interact(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised below, in the test
            problems.append(exc)
        finally:
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    trigger()
    if problems:
        raise problems[0]


def shown[Page](window: MainWindow, page: Page) -> Page:
    """``page`` as the PE sees it: opened from the side bar (pages fill when shown)."""
    window.pages.setCurrentWidget(page)  # type: ignore[arg-type]
    window.nav.setCurrentRow(window.pages.currentIndex())
    return page


def findings(window: MainWindow) -> list[str]:
    """The rules on the Compliance page, as the PE checks them: open it, read, go back."""
    back = window.pages.currentWidget()
    rules = shown(window, window.compliance).visible_rules()
    shown(window, back)
    return rules


def seen[Page](window: MainWindow, page: Page) -> Page:
    """``page`` after the PE has glanced at it (opened it and gone back): filled, up to date."""
    back = window.pages.currentWidget()
    shown(window, page)
    shown(window, back)
    return page


def answer(qtbot, question, yes: bool) -> None:  # type: ignore[no-untyped-def]
    """Answer a yes/no question on a form as a PE does: click Yes or No (with the mouse when
    the form is on screen)."""
    from PySide6.QtCore import Qt

    button = question.yes if yes else question.no
    if button.isVisible():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        button.click()
    assert question.value() is yes


def modal_dialogs(w: MainWindow) -> dict[str, Callable[[], object]]:
    """Every form and dialog the demo placement can open, by what it is, with what opens it
    (for the tests that look at all of them: words, accessibility)."""
    induction = shown(w, w.induction).view
    assert induction is not None
    item = induction.rows[0].item
    case = next(iter(shown(w, w.endings).view.rows)).case.ref
    outcome = next(iter(shown(w, w.pcf).outcomes))
    session = shown(w, w.supervision).selected_id() or w.supervision.rows[0].supervision.id
    shown(w, w.overview)
    return {
        "new placement": w.placement_actions.new_placement,
        "placement details": w.placement_actions.edit_placement,
        "policy settings": w.placement_actions.edit_policy,
        "allocate": w.case_actions.allocate_case,
        "end case": lambda: w.case_actions.end_case(case),
        "step-up": lambda: w.case_actions.record_step_up(
            "D-1150"
        ),  # an early help case the student leads
        "induction item": lambda: w.induction_actions.record_induction_item(item),
        "placement agreement": w.induction_actions.edit_placement_agreement,
        "supervision agreement": w.induction_actions.edit_supervision_agreement,
        "new session": w.supervision_actions.new_supervision,
        "edit session": lambda: w.supervision_actions.edit_supervision(session),
        "sign": lambda: w.supervision_actions.sign_supervision(session),
        "addendum": lambda: w.supervision_actions.add_addendum(session),
        "event": w.visit_actions.record_event,
        "absence": w.visit_actions.record_absence,
        "PCF review": w.learning_actions.edit_review,
        "learning": lambda: w.learning_actions.record_learning(outcome),
        "transition item": lambda: w.ending_actions.record_transition_item(case, "goodbye-session"),
        "close placement": w.ending_actions.close_placement,
        "encrypt": w.security_actions.encrypt_database,
    }


def window_dialogs(w: MainWindow) -> dict[str, Callable[[], QWidget]]:
    """The dialogs that open beside the window (not modal), with what opens them."""
    return {
        "backups": w.database_actions.show_backups,
        "policy sources": w.placement_actions.show_sources,
        "about": w.show_about,
        "keyboard shortcuts": w.show_shortcuts,
    }

"""Nothing from our workbench reaches a PE: no file numbers, no repository paths, no "(s)".

Opens every page and every dialog with the demo placement, collects the text a PE can see
(labels, buttons, fields, lists, table cells and headers, tooltips), renders every record
as a PDF, and runs `check` in words; any of our internals in any of it fails the test.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

from app.interchange.findings_output import findings_text
from app.policy.engine import evaluate
from app.services.checking import profile_for
from app.services.demo import demo_snapshot
from app.services.records import RECORDS, render
from app.views.main_window import MainWindow
from tests.reports.test_asye import final_placement
from tests.views.conftest import drive_modal, modal_dialogs, window_dialogs

INTERNALS = re.compile(r"\b00[0-4] §|docs/|\.md\b|\w\((?:e?s)\)")


def model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    rows = model.rowCount(QModelIndex())
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(rows):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield str(model.index(row, column).data(role) or "")


def texts(root: QWidget) -> Iterator[str]:
    """Every piece of text ``root`` and its children can show."""
    yield root.windowTitle()
    for w in [root, *root.findChildren(QWidget)]:
        yield w.toolTip()
        yield w.accessibleName()
        if isinstance(w, QLabel | QAbstractButton):
            yield w.text()
        elif isinstance(w, QLineEdit):
            yield w.text()
            yield w.placeholderText()
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            yield w.toPlainText()
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QAbstractItemView):
            yield from model_texts(w.model())
        if isinstance(w, QWizard):
            for page_id in w.pageIds():
                page = w.page(page_id)
                yield page.title()
                yield page.subTitle()


def internals(found: Iterator[str], where: str) -> list[str]:
    return [f"{where}: {t!r}" for t in found if t and INTERNALS.search(t)]


def modal(window: MainWindow, trigger: Callable[[], object], where: str) -> list[str]:
    problems: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog), f"{where}: no dialog opened"
        problems.extend(internals(texts(dialog), where))

    drive_modal(trigger, read)
    return problems


def test_no_screen_or_dialog_shows_our_internals(demo_window: MainWindow) -> None:
    w = demo_window
    problems: list[str] = internals(texts(w), "main window")
    for row, title in enumerate(w.page_titles()):
        w.show_page(row)
        problems += internals(texts(w.pages.widget(row)), title)
    for action in w.findChildren(type(w.undo_action)):
        problems += internals(iter([action.text(), action.toolTip()]), "menu")

    dialogs = modal_dialogs(w)
    for where, trigger in dialogs.items():
        problems += modal(w, trigger, where)
    for where, open_it in window_dialogs(w).items():
        dialog = open_it()
        problems += internals(texts(dialog), where)
        dialog.close()
    assert problems == []


def test_no_record_or_check_output_shows_our_internals(demo_window: MainWindow) -> None:
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    snap = ws.placements.snapshot(pid)
    problems = []
    for kind in RECORDS:
        record_id = {"supervision": snap.supervisions[-1].id, "observation": "obs-2"}.get(kind)
        of = final_placement() if kind == "asye" else snap  # a hand-over needs a final one
        pdf = PdfReader(io.BytesIO(render(kind, of, ws.as_of, record_id=record_id)))
        problems += internals((p.extract_text() for p in pdf.pages), f"{kind} PDF")
    findings = evaluate(snap, ws.as_of, profile_for(snap, ws.profile))
    assert findings, "the demo placement should have findings to word"
    problems += internals(iter(findings_text(findings, ws.as_of).splitlines()), "check")
    assert problems == []


def test_an_event_s_details_read_as_words_not_key_value_pairs() -> None:
    """The Visits page's Details column: "With Duty senior. Not yet on the child's record.",
    never "recorded on the child's record: no; with: Duty senior"."""
    from app.views.visits.page import event_summary

    snap = demo_snapshot(date(2026, 11, 23))
    for event in snap.events:
        details = event_summary(event)
        assert not re.search(r"\b[a-z][\w' ]*: (yes|no|[A-Z])", details), details
    decision = next(e for e in snap.events if e.kind == "decision")
    assert event_summary(decision).startswith(
        f"With {decision.with_}. Not yet on the child's record."
    )
    home = next(e for e in snap.events if e.kind == "home-visit")
    assert event_summary(home).partition(". ")[0].rstrip(".") + "." in {
        "In working hours.",
        "After hours, checked in afterwards.",
        "After hours, no check-in.",
    }

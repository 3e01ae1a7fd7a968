"""Printing and exporting the records as PDFs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.services.placement_files import write_atomically
from app.services.records import RecordProblem, asye_file_text, render, write_pdf
from app.services.workspace import DatabaseError
from app.views.board import Board
from app.views.operation import Operation, in_background, refusal

log = logging.getLogger(__name__)

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
    "asye": "ASYE hand-over",
}


def open_file(path: Path) -> None:
    """Hand a saved PDF to the system's viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PrintActions:
    """Printing and exporting the records as PDFs."""

    def __init__(self, board: Board) -> None:
        self.w = board

    def current_record(self) -> tuple[str, str | None] | None:
        """The record of the page on screen (a session: the one selected), for File › Print…
        and File › Export PDF…; the placement summary from pages without one of their own."""
        if self.w.placement_id is None:
            return None
        kind = RECORD_OF_PAGE.get(self.w.current_title(), "summary")
        if kind != "supervision":
            return kind, None
        sid = self.w.selected_session()
        if sid is None:
            self.w.statusBar().showMessage("Select a session to print first.", 5000)
            return None
        return kind, sid

    def print_current(self) -> Operation | None:
        record = self.current_record()
        return self.print_preview(*record) if record else None

    def export_current_pdf(self) -> None:
        """File › Export PDF…: the record of the page on screen."""
        record = self.current_record()
        if record is not None:
            self.export(*record)

    def export_current_word(self) -> None:
        """File › Export Word document…: the same record, as Word, to paste or file."""
        record = self.current_record()
        if record is not None:
            self.export(*record, word=True)

    def export(self, kind: str, record_id: str | None = None, word: bool = False) -> None:
        """Ask where, after the privacy guard has looked, and save the record there."""
        if not self.w.cleared_to_leave(kind, f"the {RECORD_TITLES[kind].lower()}", record_id):
            return
        suffix, files = ("docx", "Word document (*.docx)") if word else ("pdf", "PDF (*.pdf)")
        name = RECORD_TITLES[kind].lower().replace(" ", "-")
        if record_id is not None:
            name = f"{name}-{record_id}"
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.w.plain_copy_title(f"Save the {RECORD_TITLES[kind].lower()}"),
            str(Path.home() / f"{name}.{suffix}"),
            files,
        )
        if path:
            then = lambda: open_file(Path(path))  # noqa: E731
            self.save_record(kind, Path(path), record_id, then=then, word=word)

    def print_preview(self, kind: str, record_id: str | None = None) -> Operation | None:
        """File › Print…: the record is made in a worker, then shown in the print preview,
        whose Print button opens the system's print dialog (A4, pages, copies). The privacy
        guard looks first (None: the PE went to change the record)."""
        assert self.w.placement_id is not None
        if not self.w.cleared_to_leave(kind, f"the {RECORD_TITLES[kind].lower()}", record_id):
            return None
        ws, pid = self.w.workspace, self.w.placement_id

        def work() -> bytes:
            return render(kind, ws.placements.snapshot(pid), ws.as_of, ws.profile, record_id)

        def show(pdf: object) -> None:
            from app.views.printing.preview import (  # Qt's printing: when used
                PrintedRecord,
                preview,
            )

            assert isinstance(pdf, bytes)
            self.w.preview_dialog = preview(PrintedRecord(pdf, RECORD_TITLES[kind]), self.w)
            self.w.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.w.preview_dialog.open()

        expected = (RecordProblem, DatabaseError)
        return Operation(
            self.w,
            f"Preparing the {RECORD_TITLES[kind].lower()}",
            work,
            show,
            refusal(self.w, "Not printed"),
            expected,
            cancellable=True,
        ).start()

    def save_record(
        self,
        kind: str,
        path: Path,
        record_id: str | None = None,
        then: Callable[[], None] | None = None,
        word: bool = False,
    ) -> Operation:
        """Render a printed record of the placement on screen to ``path`` (PDF, or Word)."""
        assert self.w.placement_id is not None
        ws, pid = self.w.workspace, self.w.placement_id

        def work() -> bytes:
            snap = ws.placements.snapshot(pid)
            return render(kind, snap, ws.as_of, ws.profile, record_id, word=word)

        return in_background(
            self.w,
            f"Saving {path.name}",
            work,
            f"Saved {path}",
            "Record not saved",
            then,
            keep=lambda data: write_pdf(path, data),
        )

    def asye(self, form: str) -> None:
        """The Endings page's ASYE hand-over: previewed to print, or saved as Word or JSON."""
        if form == "pdf":
            self.print_preview("asye")
        elif form == "word":
            self.export("asye", word=True)
        else:
            self.export_asye_file()

    def export_asye_file(self) -> None:
        """The hand-over as placement-tracker-asye/1, for the new employer's assessor."""
        if self.w.placement_id is None or not self.w.cleared_to_leave("asye", "the ASYE hand-over"):
            return
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.w.plain_copy_title("Save the ASYE hand-over"),
            str(Path.home() / "asye-hand-over.json"),
            "ASYE hand-over (*.json)",
        )
        if path:
            self.save_asye_file(Path(path))

    def save_asye_file(self, path: Path) -> Operation:
        assert self.w.placement_id is not None
        ws, pid = self.w.workspace, self.w.placement_id
        return in_background(
            self.w,
            f"Saving {path.name}",
            lambda: write_atomically(path, asye_file_text(ws.placements.snapshot(pid))),
            f"Saved {path}",
            "Hand-over not saved",
        )

    def export_supervision_pdf(self, sid: str) -> None:
        self.export("supervision", sid)

    def export_supervision_word(self, sid: str) -> None:
        self.export("supervision", sid, word=True)

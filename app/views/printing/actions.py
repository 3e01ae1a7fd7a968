"""Printing and exporting the records as PDFs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.policy.vocabulary import PRINTED_RECORDS
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
RECORD_TITLES = PRINTED_RECORDS


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
        name = RECORD_TITLES[kind].lower().replace(" ", "-")
        if record_id is not None:
            name = f"{name}-{record_id}"
        path = self.save_as(RECORD_TITLES[kind], name, word)
        if path is not None:
            self.save_record(kind, path, record_id, then=lambda: open_file(path), word=word)

    def print_preview(self, kind: str, record_id: str | None = None) -> Operation | None:
        """File › Print…: the record is made in a worker, then shown in the print preview,
        whose Print button opens the system's print dialog (A4, pages, copies). The privacy
        guard looks first (None: the PE went to change the record)."""
        assert self.w.placement_id is not None
        if not self.w.cleared_to_leave(kind, f"the {RECORD_TITLES[kind].lower()}", record_id):
            return None
        ws, pid = self.w.workspace, self.w.placement_id
        return self.preview_made(
            RECORD_TITLES[kind],
            lambda: render(kind, ws.placements.snapshot(pid), ws.as_of, ws.profile, record_id),
        )

    def preview_made(self, title: str, work: Callable[[], bytes]) -> Operation:
        """A document ``work`` makes in a worker, shown in the print preview to print."""

        def show(pdf: object) -> None:
            from app.views.printing.preview import (  # Qt's printing: when used
                PrintedRecord,
                preview,
            )

            assert isinstance(pdf, bytes)
            self.w.preview_dialog = preview(PrintedRecord(pdf, title), self.w)
            self.w.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.w.preview_dialog.open()

        expected = (RecordProblem, DatabaseError)
        return Operation(
            self.w,
            f"Preparing the {title.lower()}",
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
        """Render a printed record of the placement on screen to ``path`` (PDF, or Word);
        the history says it was exported."""
        assert self.w.placement_id is not None
        ws, pid = self.w.workspace, self.w.placement_id

        def work() -> bytes:
            snap = ws.placements.snapshot(pid)
            return render(kind, snap, ws.as_of, ws.profile, record_id, word=word)

        return self.save_made(
            work,
            path,
            then,
            lambda: ws.history.note_paper(pid, kind, "docx" if word else "pdf", record_id),
        )

    def save_made(
        self,
        work: Callable[[], bytes],
        path: Path,
        then: Callable[[], None] | None = None,
        noted: Callable[[], None] | None = None,
    ) -> Operation:
        """Make a document in a worker and write it to ``path`` whole; ``noted`` once it is
        written (its line in the history)."""

        def keep(data: bytes) -> None:
            write_pdf(path, data)
            if noted is not None:
                noted()

        return in_background(
            self.w,
            f"Saving {path.name}",
            work,
            f"Saved {path}",
            "Record not saved",
            then,
            keep=keep,
        )

    def save_document(self, record: str, word: bool, make: Callable[[], bytes]) -> None:
        """Ask where, then save a document ``make`` builds (the history as shown); the
        history notes the export like any record's."""
        title = RECORD_TITLES[record]
        path = self.save_as(title, title.lower().replace(" ", "-"), word)
        if path is None or self.w.placement_id is None:
            return
        ws, pid = self.w.workspace, self.w.placement_id
        form = "docx" if word else "pdf"
        self.save_made(
            make, path, lambda: open_file(path), lambda: ws.history.note_paper(pid, record, form)
        )

    def save_as(self, title: str, name: str, word: bool) -> Path | None:
        """Where to save a document (PDF or Word): the PE's choice, or None."""
        suffix, files = ("docx", "Word document (*.docx)") if word else ("pdf", "PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.w.plain_copy_title(f"Save the {title.lower()}"),
            str(Path.home() / f"{name}.{suffix}"),
            files,
        )
        return Path(path) if path else None

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
            then=lambda: ws.history.note_paper(pid, "asye", "json"),
        )

    def observation_paper(self, key: str, form: str) -> None:
        """The Visits page's Print or export of a direct observation's report."""
        if form == "print":
            self.print_preview("observation", key)
        else:
            self.export("observation", key, word=form == "word")

    def export_supervision_pdf(self, sid: str) -> None:
        self.export("supervision", sid)

    def export_supervision_word(self, sid: str) -> None:
        self.export("supervision", sid, word=True)

"""Placement › History and the History… buttons of the Cases and Supervision pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.policy.history import HistoryFilter, HistoryLine
from app.views.board import Board
from app.views.history.dialog import HistoryDialog
from app.views.operation import FIXABLE, Operation, refusal

Make = Callable[[], bytes]


class HistoryActions:
    """Opening the history, and printing or exporting it as shown. Going to a record and
    printing are the window's (``go_to``, ``preview``, ``save``): no area imports another."""

    def __init__(
        self,
        board: Board,
        go_to: Callable[[HistoryLine], None],
        preview: Callable[[str, Make], object],
        save: Callable[[str, bool, Make], object],
    ) -> None:
        self.w, self.go_to, self.preview, self.save = board, go_to, preview, save
        self.dialog: HistoryDialog | None = None
        self.reading: Operation | None = None

    def open_history(
        self, case: str | None = None, subject: str | None = None, name: str = ""
    ) -> HistoryDialog | None:
        """The history of the placement on screen, read in the background (a two-year
        placement has tens of thousands of lines); on one case or one record if asked."""
        pid = self.w.placement_id
        if pid is None:
            QMessageBox.information(self.w, "No placement", "Create or import a placement first.")
            return None
        ws = self.w.workspace
        if self.dialog is not None:
            self.dialog.close()
        student = self.w.current_placement.student if self.w.current_placement else ""
        chosen = HistoryFilter(case=case, subject=subject, subject_name=name)
        dialog = HistoryDialog(f"History — {student}".rstrip(" —"), chosen, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None: self._gone(dialog))
        dialog.record_requested.connect(self.go_to)

        def document(shown: HistoryFilter, word: bool = False) -> Make:
            return lambda: ws.history.document(pid, shown, ws.as_of, word)

        dialog.print_requested.connect(
            lambda shown: self.preview("Placement history", document(shown))
        )
        dialog.pdf_requested.connect(lambda shown: self.save("history", False, document(shown)))
        dialog.word_requested.connect(
            lambda shown: self.save("history", True, document(shown, True))
        )
        self.dialog = dialog
        dialog.show()
        self.reading = Operation(
            dialog,
            "Reading the history",
            lambda: ws.history.lines(pid),
            dialog.show_lines,
            refusal(dialog, "History not shown"),
            FIXABLE,
        ).start()
        return dialog

    def _gone(self, dialog: HistoryDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def on_case(self, ref: str) -> HistoryDialog | None:
        """The Cases page's History…: that case's lines (and the sessions that discussed it)."""
        return self.open_history(case=ref)

    def on_session(self, sid: str) -> HistoryDialog | None:
        """The Supervision page's History…: that session's lines only."""
        return self.open_history(subject=f"supervision:{sid}")

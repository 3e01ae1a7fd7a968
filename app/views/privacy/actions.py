"""The privacy guard in the window: its preferences, and the check before anything leaves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from app.interchange.free_text import FieldHit
from app.services.privacy import PrivacyView, leaving, left_as_it_is
from app.views.board import Board
from app.views.privacy.dialogs import LeavingDialog, PreferencesDialog, load_privacy, save_privacy


class PrivacyActions:
    """Edit › Preferences › Privacy, and the dialog before a PDF, a print, a Word document,
    a placement file or a calendar leaves the app."""

    def __init__(self, board: Board, go_to: Callable[[FieldHit], None]) -> None:
        self.w = board
        self.go_to = go_to  # the window opens the record a field belongs to
        self.view: PrivacyView | None = None  # the placement on screen's, at each refresh
        self.w.workspace.privacy = load_privacy(self.w.settings)
        self.dialog: QDialog | None = None  # the last one shown (tests read it)

    def preferences(self) -> None:
        dialog = PreferencesDialog(self.w.workspace.privacy, self.w)  # type: ignore[arg-type]
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        privacy = dialog.privacy()
        save_privacy(self.w.settings, privacy)
        self.w.workspace.privacy = privacy
        self.w.reload()

    def review(self) -> None:
        """The Compliance page's list of every field that holds something identifying."""
        if self.view is None or not self.view.hits:
            return
        dialog = LeavingDialog(
            "the placement", self.view.hits, self.view.where, self.w, leaving=False
        )  # type: ignore[arg-type]
        self.dialog = dialog
        if dialog.exec() == LeavingDialog.GO_TO and (chosen := dialog.chosen()) is not None:
            self.go_to(chosen)

    def cleared(self, record: str, what: str, supervision_id: str | None = None) -> bool:
        """Whether ``record`` may leave: nothing in it looks identifying, or the PE says to
        leave it as it is (the history notes the choice and the count)."""
        if self.view is None or self.w.placement_id is None:
            return True
        hits = leaving(self.view.hits, record, supervision_id)
        if not hits:
            return True
        dialog = LeavingDialog(what, hits, self.view.where, self.w)  # type: ignore[arg-type]
        self.dialog = dialog
        answer = dialog.exec()
        if answer == LeavingDialog.LEAVE:
            left_as_it_is(self.w.workspace.db, self.w.placement_id, record, len(hits))
            return True
        if answer == LeavingDialog.GO_TO:
            chosen = dialog.chosen()
            if chosen is not None:
                self.go_to(chosen)
        return False

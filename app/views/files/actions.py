"""Placement files: import and export."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.services.placement_files import PlacementFileError, export_placement
from app.services.safekeeping import AlreadyImported, Imported, import_into
from app.services.screen import PlacementScreen, placement_screen
from app.services.workspace import DatabaseError
from app.views.board import Board
from app.views.operation import Operation, in_background

log = logging.getLogger(__name__)


class PlacementFileActions:
    """Placement files: import and export."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.again: Operation | None = None  # a second copy the PE asked for, under way

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.w,
            "Import a placement file",
            str(Path.home()),
            "Placement files (*.json);;All files (*)",
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path, as_new: bool = False) -> Operation:
        """Import a placement file whole, in the background; a bad file is explained and
        nothing is stored. The new placement is worked out there too, then shown. The same
        placement again is imported only when the PE says so."""
        ws = self.w.workspace

        def work() -> tuple[Imported, PlacementScreen]:
            done = import_into(ws.db, path, as_new)
            return done, placement_screen(ws.placements, done.placement_id, ws.as_of)

        def done(result: tuple[Imported, PlacementScreen]) -> None:
            imported, screen = result
            self.w.placement_id = imported.placement_id
            self.w.reload(screen)
            self.w.statusBar().showMessage(imported.sentence(), 8000)

        def failed(error: BaseException) -> None:
            if isinstance(error, AlreadyImported):
                answer = QMessageBox.question(
                    self.w,
                    "Placement already here",
                    f"{error}\n\nImport {path.name} again as a second copy?",
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.again = self.import_path(path, as_new=True)
                return
            if isinstance(error, PlacementFileError):
                QMessageBox.warning(
                    self.w,
                    "Placement file not imported",
                    f"{path.name} was not imported, and nothing was stored.\n\n{error}\n\n"
                    "Correct the file at the place named and import it again.",
                )
            elif isinstance(error, DatabaseError):
                QMessageBox.warning(self.w, "Placement file not imported", str(error))
            else:
                QMessageBox.critical(
                    self.w,
                    "Placement file not imported",
                    f"{path.name} was not imported, and nothing was stored: an unexpected "
                    "problem stopped it. The details are in the log file.",
                )

        return Operation(
            self.w,
            f"Importing {path.name}",
            work,
            done,
            failed,
            (PlacementFileError, DatabaseError, AlreadyImported),
        ).start()

    def export_file(self) -> None:
        if self.w.placement_id is None:
            QMessageBox.information(
                self.w, "Nothing to export", "Create or import a placement first."
            )
            return
        if not self.w.cleared_to_leave("placement file", "the placement file"):
            return
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.w.plain_copy_title("Export the placement"),
            str(Path.home() / "placement.json"),
            "Placement files (*.json)",
        )
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> Operation:
        assert self.w.placement_id is not None
        db, pid = self.w.workspace.db, self.w.placement_id
        return in_background(
            self.w,
            f"Exporting to {path.name}",
            lambda: export_placement(db, pid, path),
            f"Exported to {path}",
            "Placement not exported",
        )

"""What an area of the window may ask of the window, the switchboard that wires them.

Each area (cases, induction, supervision, visits, learning, endings, the placement, its
files, the database, security, printing) owns its page, its dialogs and the actions on
them, and reaches the rest only through this: the records, the placement on screen, the
one helper for changes, the one for slow work, and where to go. No area imports another
(``pyproject.toml``'s import contracts say so); the window connects what crosses areas.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

if TYPE_CHECKING:
    from datetime import date

    from app.policy.profile import PolicyProfile
    from app.policy.snapshot import Placement
    from app.services.screen import PlacementScreen
    from app.services.workspace import Workspace
    from app.views.changes import Changes


class Board(Protocol):
    """The window as its areas see it (``MainWindow`` is the one board)."""

    workspace: Workspace
    placement_id: int | None
    current_placement: Placement | None
    changes: Changes
    settings: QSettings
    preview_dialog: QDialog | None

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def reload(self, screen: PlacementScreen | None = None) -> None: ...

    def show_page(self, row: int) -> None: ...

    def show_page_named(self, title: str) -> None: ...

    def page_titles(self) -> list[str]: ...

    def current_page[Page: QWidget](self, page: Page) -> Page: ...

    def fill_page(self, page: QWidget) -> None: ...

    def current_title(self) -> str: ...

    def selected_session(self) -> str | None: ...

    def show_locked(self, locked: bool) -> None: ...

    def plain_copy_title(self, title: str) -> str: ...

    def reopen(self, path: Path, as_of: date, profile: PolicyProfile, key: str | None) -> None: ...

    def cleared_to_leave(self, record: str, what: str, supervision_id: str | None = None) -> bool:
        """The privacy guard's word before ``record`` leaves the app (``what`` names it)."""
        ...

    def hold(self, held: bool) -> None: ...

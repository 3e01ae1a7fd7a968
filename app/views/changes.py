"""Every change a PE makes from the window goes through one helper: run it, explain a refusal,
refresh the window, select what it was about; a change that can be put back goes on Qt's
undo stack, so Edit › Undo and Redo say what they will do.

Each undoable change is a ``Change`` command whose ``undo`` and ``redo`` call the services
again, as the PE's own action did; nothing is kept in the window but the two closures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.audit import replaying
from app.services.errors import InvalidInput

log = logging.getLogger(__name__)

Step = Callable[[], object]


class Change(QUndoCommand):
    """One change, done already when pushed; undo and redo run the services again."""

    def __init__(self, changes: Changes, text: str, redo: Step, undo: Step, then: Step | None):
        super().__init__(text)
        self._changes, self._redo, self._undo, self._then = changes, redo, undo, then
        self._done = True  # pushed after it ran: the first redo is the PE's own action

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._changes.replay(self, self._redo, f"Redone: {self.text()}")

    def undo(self) -> None:
        self._changes.replay(self, self._undo, f"Undone: {self.text()}")

    def after(self) -> None:
        if self._then is not None:
            self._then()


class Changes:
    """The one way a window's action changes the records (see the module's docstring)."""

    def __init__(
        self, parent: QWidget, refresh: Callable[[], None], say: Callable[[str], None]
    ) -> None:
        self.parent, self.refresh, self.say = parent, refresh, say
        self.stack = QUndoStack(parent)

    def run(
        self,
        action: Step,
        done: str,
        undo: Step | None = None,
        then: Step | None = None,
        refused: str = "Not saved",
    ) -> bool:
        """Run ``action``; a refusal is explained (under the title ``refused``) and nothing
        else happens. Otherwise the window is refreshed, ``then`` selects what it was about,
        and with ``undo`` the change can be put back (Edit › Undo) and made again (Redo)."""
        try:
            action()
        except InvalidInput as exc:
            QMessageBox.warning(self.parent, refused, str(exc))
            return False
        if undo is not None:
            self._push(done, action, undo, then)
        self.refresh()
        if then is not None:
            then()
        self.say(done + (" — Ctrl+Z to undo" if undo else ""))
        return True

    def made(self, done: str, redo: Step, undo: Step, then: Step | None = None) -> None:
        """A change a form has just saved itself (its own checks and refusals shown on it):
        offered to undo, and redo, like any other; the window is refreshed."""
        self._push(done, redo, undo, then)
        self.refresh()
        if then is not None:
            then()
        self.say(done + " — Ctrl+Z to undo")

    def _push(self, done: str, redo: Step, undo: Step, then: Step | None) -> None:
        """The change on the stack, named as the menu reads it ("Undo event deleted")."""
        self.stack.push(Change(self, done[:1].lower() + done[1:], redo, undo, then))

    def replay(self, change: Change, step: Step, done: str) -> None:
        """Undo or redo ``change``: when the records moved on so that it no longer fits, say
        so and drop it from the stack rather than offer it again."""
        try:
            with replaying("undo" if done.startswith("Undone") else "redo"):  # said in the history
                step()
        except InvalidInput as exc:
            change.setObsolete(True)
            QMessageBox.warning(self.parent, "Cannot put it back", str(exc))
        self.refresh()
        change.after()
        self.say(done)

    def forget(self) -> None:
        """Another database, a restore, or a new passphrase: the steps belong to the records
        as they were, so none is offered any more."""
        self.stack.clear()

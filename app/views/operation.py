"""Slow work off the GUI thread: the one helper every long action goes through.

The work runs in a worker thread and must not touch widgets; its result (or a clear error)
comes back on the GUI thread. A progress dialog appears only when the work takes more than
about 300 ms, so quick actions do not flash one. The window never stops drawing meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from app.services.placement_files import ExportProblem
from app.services.records import RecordProblem
from app.services.workspace import DatabaseError

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 300


class _Bridge(QObject):
    """Lives on the GUI thread; the worker's emits arrive there as queued calls."""

    finished = Signal(object)
    failed = Signal(object)


class Operation(QObject):
    """One piece of slow work: ``work()`` in a worker, then ``done(result)`` or ``failed(error)``
    on the GUI thread. ``expected`` lists the errors that are the user's to fix (a bad file):
    their message is shown; anything else is logged and reported as unexpected.

    ``ended`` is emitted on the GUI thread once it is over (done, failed or cancelled)."""

    ended = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        expected: tuple[type[BaseException], ...] = (),
        cancellable: bool = False,
        quiet: bool = False,
    ) -> None:
        super().__init__(parent)
        self.title, self._work, self._done, self._failed = title, work, done, failed
        self.quiet = quiet  # work the PE did not ask for (checking text): never a progress dialog
        self._expected = expected
        self.is_over = False
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._bridge.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(f"{title}…", "Cancel", 0, 0, parent)
        self.progress.setWindowTitle(title)
        if cancellable:  # its result is dropped: nothing it would have written is written
            self.progress.canceled.connect(self.cancel)
        else:  # one transaction: stopping it half-way helps nobody
            self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.reset()
        self.progress.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)

    def start(self) -> Operation:
        if not self.quiet:
            self._timer.start(SHOW_PROGRESS_AFTER_MS)
        self.worker = threading.Thread(
            target=self._run, name=f"operation: {self.title}", daemon=True
        )
        self.worker.start()
        return self

    def _run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never lost
            self._bridge.failed.emit(exc)
        else:
            self._bridge.finished.emit(result)

    def _show_progress(self) -> None:
        if not self.is_over:
            self.progress.show()

    def _end(self) -> None:
        self.is_over = True
        self._timer.stop()
        self.progress.hide()

    def cancel(self) -> None:
        """Stop waiting for the work: whatever it produces is dropped."""
        if not self.is_over:
            self.cancelled = True
            self._end()
            self.ended.emit()

    def _on_finished(self, result: Any) -> None:
        if self.cancelled:
            return
        self._end()
        self.result = result
        try:
            self._done(result)
        finally:
            self.ended.emit()

    def _on_failed(self, error: BaseException) -> None:
        if self.cancelled:
            return
        self._end()
        self.error = error
        if not isinstance(error, self._expected):
            log.error("%s failed", self.title, exc_info=(type(error), error, error.__traceback__))
        try:
            self._failed(error)
        finally:
            self.ended.emit()

    def wait(self) -> Any:
        """Let the event loop run until the work is over (the window keeps drawing); the
        result, or None when it failed or was cancelled."""
        if not self.is_over:
            loop = QEventLoop()
            self.ended.connect(loop.quit)
            loop.exec()
        return self.result


# What a PE can put right (a folder that cannot be written, a damaged database): explained;
# anything else is a bug, logged, and reported as unexpected.
FIXABLE: tuple[type[BaseException], ...] = (RecordProblem, ExportProblem, DatabaseError)


def refusal(parent: QWidget, title: str) -> Callable[[BaseException], None]:
    """How an operation that failed is explained: the PE's to fix, or unexpected."""

    def failed(error: BaseException) -> None:
        if isinstance(error, FIXABLE):
            QMessageBox.warning(parent, title, str(error))
        else:
            QMessageBox.critical(
                parent,
                title,
                "An unexpected problem stopped it; nothing half-made was kept. "
                "The details are in the log file.",
            )

    return failed


def in_background(
    parent: QMainWindow,
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
            except FIXABLE as exc:
                refusal(parent, refused)(exc)
                return
        parent.statusBar().showMessage(saved, 5000)
        if then is not None:
            then()

    def written() -> bool:
        work()
        return True

    run = work if keep is not None else written
    return Operation(
        parent, title, run, done, refusal(parent, refused), FIXABLE, cancellable=keep is not None
    ).start()

"""The privacy guard while the PE types: what looks like a name, an address or a number is
underlined as a spell checker would, and its tooltip says what it looks like and what to
write instead.

Every free-text box of a form is watched (``watch(dialog)``): the multi-line ones through a
``QSyntaxHighlighter``, one-line ones marked ``freeText`` through the input-method
formats Qt lets a line edit show. Checking a paragraph takes microseconds; a long one
(pasted text, thousands of characters) is checked in a worker thread after a pause in
typing, so typing never stutters.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolTip, QWidget

from app.policy.identifying import Hit
from app.services.privacy import PrivacyView
from app.views.operation import Operation

FREE_TEXT = "freeText"  # the property that marks a one-line box as free text
CHECKED_AT_ONCE = 4000  # characters: longer text is checked in a worker, after a pause
PAUSE_MS = 400
UNDERLINE = QColor("#c62828")


class _Current:
    """The placement on screen's guard, set by the window at every refresh; and the text
    the next form opened should put the cursor on (the privacy dialogs' Go to)."""

    view: PrivacyView | None = None
    focus: str | None = None


def focus_next(text: str | None) -> None:
    """The next form watched puts the cursor on ``text``, selected, in the box holding it."""
    _Current.focus = text


def _focus(root: QWidget, text: str) -> None:
    for editor in root.findChildren(QPlainTextEdit):
        at = editor.toPlainText().find(text)
        if at >= 0:
            cursor = editor.textCursor()
            cursor.setPosition(at)
            cursor.setPosition(at + len(text), cursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.setFocus()
            editor.ensureCursorVisible()
            return
    for line in root.findChildren(QLineEdit):
        at = line.text().find(text)
        if at >= 0:
            line.setFocus()
            line.setSelection(at, len(text))
            return


def set_current(view: PrivacyView | None) -> None:
    _Current.view = view


def hits_in(text: str, case: str | None = None) -> list[Hit]:
    view = _Current.view
    if view is None or not view.guard.kinds:
        return []
    return view.guard.scan(text, view.initials_for(case))


def tooltip(hit: Hit) -> str:
    return (
        f"This looks like {hit.looks_like}: “{hit.text}”. Records name children by initials "
        f"and case reference only. Write instead: {hit.instead}."
    )


def _format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNDERLINE)
    return fmt


class _Checker(QObject):
    """Hits for texts, kept by text: short ones found at once, long ones in a worker."""

    def __init__(self, owner: QWidget, case: str | None, changed: object) -> None:
        super().__init__(owner)
        self.owner, self.case, self.changed = owner, case, changed
        self.known: dict[str, list[Hit]] = {}
        self.pending: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self._check_pending)
        self.operation: Operation | None = None

    def hits(self, text: str) -> list[Hit]:
        if text in self.known:
            return self.known[text]
        if len(text) <= CHECKED_AT_ONCE:
            found = hits_in(text, self.case)
            self._keep(text, found)
            return found
        self.pending = {text}  # only the latest long text is worth checking
        self.timer.start()
        return []

    def _keep(self, text: str, found: list[Hit]) -> None:
        if len(self.known) > 200:
            self.known.clear()
        self.known[text] = found

    def _check_pending(self) -> None:
        if not self.pending or (self.operation is not None and not self.operation.is_over):
            self.timer.start()
            return
        text = self.pending.pop()
        case = self.case

        def done(found: list[Hit]) -> None:
            self._keep(text, found)
            self.changed()  # type: ignore[operator]

        self.operation = Operation(
            self.owner,
            "Checking the text",
            lambda: hits_in(text, case),
            done,
            lambda _e: None,
            quiet=True,
        ).start()


class PrivacyHighlighter(QSyntaxHighlighter):
    """Underlines what looks identifying in a multi-line box, paragraph by paragraph."""

    def __init__(self, editor: QPlainTextEdit, case: str | None = None) -> None:
        super().__init__(editor.document())
        self.editor = editor
        self.checker = _Checker(editor, case, self.rehighlight)
        self.format = _format()
        editor.viewport().installEventFilter(self)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for hit in self.checker.hits(text):
            self.setFormat(hit.start, hit.end - hit.start, self.format)

    def hit_at(self, position: int) -> Hit | None:
        block = self.document().findBlock(position)
        offset = position - block.position()
        for hit in self.checker.hits(block.text()):
            if hit.start <= offset < hit.end:
                return hit
        return None

    def all_hits(self) -> list[Hit]:
        document: QTextDocument = self.document()
        found: list[Hit] = []
        block = document.firstBlock()
        while block.isValid():
            found += self.checker.hits(block.text())
            block = block.next()
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.editor.cursorForPosition(event.pos())
            hit = self.hit_at(cursor.position())
            if hit is not None:
                QToolTip.showText(event.globalPos(), tooltip(hit), self.editor)
                return True
        return False


class LineUnderline(QObject):
    """The same for a one-line box: Qt draws input-method formats under a line edit's text,
    which is the one way to underline part of it."""

    def __init__(self, line: QLineEdit, case: str | None = None) -> None:
        super().__init__(line)
        self.line = line
        self.checker = _Checker(line, case, self.refresh)
        self.found: list[Hit] = []
        line.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.found = self.checker.hits(self.line.text())
        cursor = self.line.cursorPosition()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                h.start - cursor,
                h.end - h.start,
                _format(),
            )
            for h in self.found
        ]
        QCoreApplication.sendEvent(self.line, QInputMethodEvent("", attributes))
        self.line.setToolTip("\n".join(tooltip(h) for h in self.found))


def watch(root: QWidget, case: str | None = None) -> None:
    """Watch every free-text box under ``root``: each multi-line box, and each one-line box
    marked ``freeText``. ``case``: the case the form is about (its initials count)."""
    if _Current.focus is not None:
        text, _Current.focus = _Current.focus, None
        QTimer.singleShot(0, lambda: _focus(root, text))
    if _Current.view is None:
        return
    editors = [root] if isinstance(root, QPlainTextEdit) else []
    lines = [root] if isinstance(root, QLineEdit) else []
    for editor in [*editors, *root.findChildren(QPlainTextEdit)]:
        if not editor.property("privacyWatched"):
            editor.setProperty("privacyWatched", True)
            PrivacyHighlighter(editor, case)
    for line in [*lines, *root.findChildren(QLineEdit)]:
        if line.property(FREE_TEXT) and not line.property("privacyWatched"):
            line.setProperty("privacyWatched", True)
            LineUnderline(line, case)


def highlighter_of(editor: QPlainTextEdit) -> PrivacyHighlighter | None:
    found = editor.document().findChildren(PrivacyHighlighter)
    return found[0] if found else None

"""The privacy guard in the window: underlining while the PE types, the check before a
record leaves (with Go to and Leave it as it is, which the history notes without the
text), the counts on the Overview and Compliance pages, and the preferences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.services.privacy import PrivacySettings
from app.views.main_window import MainWindow
from app.views.privacy.dialogs import LeavingDialog, PreferencesDialog, load_privacy
from app.views.underline import highlighter_of, tooltip, watch
from tests.views.conftest import drive_modal, shown


def test_typing_a_name_underlines_it_with_a_tooltip(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    watch(editor)
    highlighter = highlighter_of(editor)
    assert highlighter is not None
    qtbot.keyClicks(editor, "Kayla Morris moved to 14 Albert Road. Pat visited.")
    found = [(h.kind, h.text) for h in highlighter.all_hits()]
    assert ("name", "Kayla Morris") in found and ("address", "14 Albert Road") in found
    assert not any(
        text == "Pat" for _k, text in found
    )  # the educator is one of the placement's people
    block = editor.document().firstBlock()
    formats = block.layout().formats()
    assert any(f.start == 0 and f.length == len("Kayla Morris") for f in formats)
    hit = highlighter.hit_at(3)
    assert hit is not None and "initials" in tooltip(hit)


def test_a_one_line_free_text_box_is_underlined_too(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    line = QLineEdit()
    line.setProperty("freeText", True)
    qtbot.addWidget(line)
    watch(line.parentWidget() or line)
    from app.views.underline import LineUnderline

    underline = LineUnderline(line)
    line.setText("Call mum on 07700 900123")
    assert [h.kind for h in underline.found] == ["phone"]
    assert "phone number" in line.toolTip()


def test_a_megabyte_of_text_is_checked_without_freezing_the_form(
    demo_window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    watch(editor)
    highlighter = highlighter_of(editor)
    assert highlighter is not None
    big = ("Robin visited and wrote it up. " * 33_000)[:1_000_000] + " Kayla Morris."
    editor.setPlainText(big)  # one paragraph: checked in a worker after a pause
    qtbot.waitUntil(lambda: big in highlighter.checker.known, timeout=20_000)
    assert [h.text for h in highlighter.checker.known[big]] == ["Kayla Morris"]


def test_every_form_watches_its_free_text(demo_window: MainWindow) -> None:
    dialog = demo_window.visit_actions.event_dialog()
    assert highlighter_of(dialog.notes) is not None
    dialog.close()


def test_a_record_with_a_name_in_it_asks_before_it_leaves(
    demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    session = ws.placements.snapshot(pid).supervisions[-1]
    ws.supervision.add_addendum(
        pid, session.id, "Pat Kendrick", "Kayla Morris rang on 07700 900123.", date(2026, 11, 23)
    )
    demo_window.reload()
    actions = demo_window.privacy_actions
    assert actions.view is not None and actions.view.fields >= 1
    assert "Privacy: 1 field to check." in demo_window.overview.compliance_card.detail.text()
    page = shown(demo_window, demo_window.compliance)
    assert page.privacy_button.isVisible() or page.privacy_button.isVisibleTo(demo_window)

    def leave(dialog: LeavingDialog) -> None:
        assert isinstance(dialog, LeavingDialog)
        texts = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
        assert "Kayla Morris" in texts and "07700 900123" in texts
        dialog.done(LeavingDialog.LEAVE)

    answers: list[bool] = []
    drive_modal(
        lambda: answers.append(
            demo_window.cleared_to_leave("supervision", "the supervision record", session.id)
        ),
        leave,
    )
    assert answers == [True]
    from sqlalchemy import select

    from app.models import AuditEntry

    with ws.db.unit_of_work() as s:
        lines = s.scalars(select(AuditEntry).where(AuditEntry.action == "privacy.left-as-is")).all()
        assert len(lines) == 1 and lines[0].detail == {"record": "supervision", "hits": 2}
        assert "Kayla" not in str(lines[0].detail)

    def go(dialog: LeavingDialog) -> None:
        dialog.done(LeavingDialog.GO_TO)

    drive_modal(
        lambda: answers.append(
            demo_window.cleared_to_leave("supervision", "the supervision record", session.id)
        ),
        go,
    )
    assert answers[-1] is False
    assert demo_window.current_title() == "Supervision"
    assert demo_window.supervision.selected_id() == session.id
    other = ws.placements.snapshot(pid).supervisions[0]
    assert demo_window.cleared_to_leave("supervision", "the supervision record", other.id)  # clean


def test_preferences_turn_kinds_off_and_keep_words_never_to_flag(
    demo_window: MainWindow, settings
) -> None:  # type: ignore[no-untyped-def]
    def choose(dialog: PreferencesDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.kinds["phone"].setChecked(False)
        dialog.never.setPlainText("Marlowe Academy\nBethany")
        dialog.accept()

    drive_modal(demo_window.privacy_actions.preferences, choose)
    kept = load_privacy(settings)
    assert kept == PrivacySettings(True, frozenset({"phone"}), ("Marlowe Academy", "Bethany"))
    assert demo_window.workspace.privacy == kept
    view = demo_window.privacy_actions.view
    assert view is not None
    assert view.guard.scan("Bethany rang on 07700 900123") == []


def test_go_to_opens_the_record_s_form_with_the_cursor_on_the_text(
    demo_window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.views.cases.dialogs import CaseDialog

    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    case = ws.placements.snapshot(pid).cases[0]
    case.rationale = "Good first case; Kayla Morris is keen to work with a student."
    ws.cases.update(pid, case.ref, case, ws.as_of)
    demo_window.reload()
    seen: list[tuple[str, str]] = []

    def go(dialog: LeavingDialog) -> None:
        dialog.done(LeavingDialog.GO_TO)

    def look() -> None:  # runs inside the form's own event loop, then closes it
        form = QApplication.activeModalWidget()
        if not isinstance(form, CaseDialog):
            return
        if form.rationale.textCursor().selectedText() == "Kayla Morris" or poll.remainingTime() < 0:
            seen.append(
                (form.rationale.textCursor().selectedText(), demo_window.cases.selected_ref() or "")
            )
            poll.stop()
            form.reject()

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(20)
    drive_modal(lambda: demo_window.cleared_to_leave("placement file", "the placement file"), go)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    poll.stop()
    assert seen == [("Kayla Morris", case.ref)]
    assert demo_window.current_title() == "Cases"

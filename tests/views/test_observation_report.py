"""Direct observations as PEs write them: the report form on the Visits page (keyboard only),
every field through the file and the database, the report on paper and in Word, and the PCF
grid citing the domains an observation evidences."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from app.interchange.placement_file import dumps, loads
from app.policy.snapshot import PcfPoint
from app.policy.vocabulary import OBSERVATION_LABELS, OBSERVATION_TEXT_KEYS
from app.services.records import RecordProblem, render
from app.views.main_window import MainWindow
from app.views.visits.observation import ObservationDialog
from tests.views.conftest import drive_modal, shown


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_every_field_of_the_report_goes_through_the_file_and_the_database(
    demo_window: MainWindow, tmp_path: Path
) -> None:
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    snap = ws.placements.snapshot(pid)
    obs = next(e for e in snap.events if e.id == "obs-1")
    for key in OBSERVATION_TEXT_KEYS:
        assert getattr(obs, key), f"the demo's report leaves {key} empty"
    assert obs.pcf_points and obs.before_midpoint and obs.student_signed and obs.observer_signed
    text = dumps(snap)
    written = next(e for e in json.loads(text)["events"] if e["id"] == "obs-1")
    assert written["pcf_points"][0] == {
        "domain": "values-ethics",
        "point": "strength",
        "text": "Asked before assuming; gave real choices.",
    }
    plain = next(e for e in json.loads(text)["events"] if e["kind"] == "home-visit")
    assert "pcf_points" not in plain  # other events export exactly as the shared format has them
    again = loads(text)
    assert next(e for e in again.events if e.id == "obs-1") == obs
    out = tmp_path / "placement.json"
    out.write_text(text, encoding="utf-8")
    imported = ws.placements.snapshot(
        demo_window.file_actions.import_path(out, as_new=True).wait()[0].placement_id
    )
    assert next(e for e in imported.events if e.id == "obs-1") == obs


def test_a_report_with_a_bad_pcf_point_is_refused_with_its_place(demo_window: MainWindow) -> None:
    from app.interchange.decoding import PlacementFileError

    pid = demo_window.placement_id
    assert pid is not None
    document = json.loads(dumps(demo_window.workspace.placements.snapshot(pid)))
    obs = next(e for e in document["events"] if e["id"] == "obs-1")
    obs["pcf_points"][0]["point"] = "brilliant"
    with pytest.raises(
        PlacementFileError, match=r"\(obs-1\)\.pcf_points\[0\]\.point: .*strength, development"
    ):
        loads(json.dumps(document))


def test_the_form_is_the_report_filled_by_keyboard_and_says_what_is_empty(
    qtbot, demo_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = shown(demo_window, demo_window.events)
    page.select_event("obs-2")
    assert page.report_button.isEnabled() and page.paper_button.isEnabled()
    page.select_event(next(k for k in page.visible_events() if k.startswith("hv-")))
    assert not page.report_button.isEnabled()  # a home visit has no report
    page.select_event("obs-2")

    def fill(dialog: ObservationDialog) -> None:
        assert isinstance(dialog, ObservationDialog)
        assert "The student, after the feedback" in dialog.still_empty.text()
        first = dialog.texts["feedback_reflection"]
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        first.setFocus()
        qtbot.keyClicks(first, "Fair point about silences.")
        qtbot.keyClick(first, Qt.Key.Key_Tab)  # Tab moves down the report, typing no tab
        focused = QApplication.focusWidget()
        assert focused is dialog.texts["service_user_reflection"]
        assert isinstance(focused, QPlainTextEdit)
        qtbot.keyClicks(focused, "Dad wants answers sooner: I will chase school.")
        assert "The student, after the feedback" not in dialog.still_empty.text()
        kind, words = dialog.points["contexts"]
        kind.setCurrentIndex(kind.findData("development"))
        words.setText("Learn the school transport rules.")
        dialog.observer_signed.signed.setChecked(True)
        assert dialog.still_empty.text() == "Every section is written and both have signed."
        dialog.accept()

    drive_modal(lambda: page.report_button.click(), fill)
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    saved = next(e for e in ws.placements.snapshot(pid).events if e.id == "obs-2")
    assert saved.feedback_reflection == "Fair point about silences."
    assert (
        PcfPoint("contexts", "development", "Learn the school transport rules.") in saved.pcf_points
    )
    assert saved.observer_signed == ws.as_of
    assert (
        demo_window.undo_action.text() == "&Undo saved the direct observation report of 18 Nov 2026"
    )
    demo_window.undo_action.trigger()
    back = next(e for e in ws.placements.snapshot(pid).events if e.id == "obs-2")
    assert back.feedback_reflection is None and back.observer_signed is None


def test_editing_an_observation_keeps_its_report(demo_window: MainWindow) -> None:
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    dialog = demo_window.visit_actions.event_dialog("obs-1")  # the plain event form
    before = next(e for e in ws.placements.snapshot(pid).events if e.id == "obs-1")
    dialog.notes.setPlainText("Seen again in supervision.")
    after = dialog.draft()
    dialog.deleteLater()
    assert after.notes == "Seen again in supervision."
    assert replace(after, notes=before.notes) == before  # nothing of the report lost


@pytest.mark.parametrize("word", [False, True])
def test_the_report_on_paper_and_in_word_has_both_halves_the_pcf_table_and_signatures(
    demo_window: MainWindow, word: bool
) -> None:
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    snap = ws.placements.snapshot(pid)
    data = render("observation", snap, ws.as_of, record_id="obs-1", word=word)
    if word:
        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        text = squeeze(" ".join(parts))
    else:
        text = squeeze(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    obs = next(e for e in snap.events if e.id == "obs-1")
    assert "Direct observation report" in text and "Before the midpoint Yes" in text
    for key in OBSERVATION_TEXT_KEYS:
        assert OBSERVATION_LABELS[key] in text
        assert squeeze(getattr(obs, key)) in text
    assert "PCF domains evidenced, at the end of first placement" in text
    assert "Values and ethics Strength Asked before assuming; gave real choices." in text
    assert "Knowledge Area for development" in text
    assert "Signatures" in text and "signed in the app 26 Oct 2026" in text
    if not word:
        pages = PdfReader(io.BytesIO(data)).pages
        last = squeeze(pages[-1].extract_text())
        assert "PCF domains evidenced" in last and "Signatures" in last  # kept together
        assert "OFFICIAL-SENSITIVE" in last


def test_the_report_command_names_the_observation_or_lists_them(
    demo_window: MainWindow,
) -> None:
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    snap = ws.placements.snapshot(pid)
    with pytest.raises(RecordProblem, match=r"--id\. Observations on record: obs-1 \(2026-10-22\)"):
        render("observation", snap, ws.as_of)
    with pytest.raises(RecordProblem, match="no direct observation hv-1"):
        render("observation", snap, ws.as_of, record_id="hv-1")


def test_the_pcf_grid_and_summary_cite_the_observations_by_domain(
    demo_window: MainWindow,
) -> None:
    page = shown(demo_window, demo_window.pcf)
    headers = [page.grid.horizontalHeaderItem(c).text() for c in range(page.grid.columnCount())]
    assert headers[-1] == "Direct observations"
    rows = {page.grid.verticalHeaderItem(r).text(): r for r in range(page.grid.rowCount())}
    values = page.grid.item(rows["Values and ethics"], len(headers) - 1)
    assert values.text() == "Strength (22 Oct 2026, D-1042)"
    assert "Asked before assuming" in values.toolTip()
    assert page.grid.item(rows["Professionalism"], len(headers) - 1).text() == "—"
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    snap = ws.placements.snapshot(pid)
    pcf = squeeze(
        " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(render("pcf", snap, ws.as_of))).pages
        )
    )
    assert "Evidence from direct observations" in pcf
    assert "Critical reflection and analysis Strength (18 Nov 2026, D-1057)" in pcf
    summary = squeeze(
        " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(render("summary", snap, ws.as_of))).pages
        )
    )
    assert "Direct observations" in summary and "before the midpoint" in summary
    assert "Values and ethics (strength)" in summary


def test_the_privacy_guard_reads_every_part_of_the_report(demo_window: MainWindow) -> None:
    from app.interchange.free_text import scan_placement

    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    snap = ws.placements.snapshot(pid)
    obs = next(e for e in snap.events if e.id == "obs-1")
    obs.service_user_feedback = "Mum said Jessica Thornbury from next door helps in the mornings."
    obs.pcf_points = (PcfPoint("knowledge", "development", "Call 07700 900123 first."),)
    found = {h.field.path: h.hit.kind for h in scan_placement(snap)}
    assert any(p.endswith("(obs-1).service_user_feedback") for p in found)
    assert any(".pcf_points[0].text" in p and "(obs-1)" in p for p in found)

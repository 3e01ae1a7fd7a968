"""Edit › Policy profile… as a PE uses it: a ready-made or imported profile, a change that
makes it "(changed here)", for every placement or the one on screen; its name on the
Overview, the Compliance page, Help › Policy sources and every printed page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.interchange.profile_file import read_profile
from app.views.main_window import MainWindow
from app.views.placement.policy import (
    OLD_SETTINGS_KEY,
    READY_MADE,
    PolicyDialog,
    load_profile,
    save_profile,
)
from tests.views.conftest import shown


def dialog_of(qtbot, window: MainWindow) -> PolicyDialog:  # type: ignore[no-untyped-def]
    dialog = window.placement_actions.policy_dialog()
    qtbot.addWidget(dialog)
    return dialog


def test_a_ready_made_profile_changed_here_is_named_so_everywhere(
    qtbot, demo_window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = dialog_of(qtbot, demo_window)
    assert dialog.name.text() == "Policy profile: default"
    dialog.load(read_profile(READY_MADE / "stockport.json"))
    assert dialog.name.text() == "Policy profile: Stockport"
    assert dialog.rule_items["report.s7-early"].checkState(0) == Qt.CheckState.Unchecked
    dialog.rule_items["report.s7-early"].setCheckState(0, Qt.CheckState.Checked)  # wanted after all
    assert dialog.name.text() == "Policy profile: Stockport (changed here)"
    assert "16 of 54 rules switched off" in dialog.description.text()
    demo_window.placement_actions.apply_profile(dialog.profile())

    assert load_profile(settings).name == "Stockport (changed here)"  # remembered
    overview = shown(demo_window, demo_window.overview)
    assert overview.subtitle.text().endswith("policy profile: Stockport (changed here)")
    compliance = shown(demo_window, demo_window.compliance)
    assert (
        "Policy profile Stockport (changed here): 16 rules switched off"
        in compliance.summary.text()
    )
    sources = demo_window.placement_actions.show_sources()
    qtbot.addWidget(sources)
    html = sources.text.toHtml()
    assert "supervision.fortnightly" in html and "(switched off)" in html
    assert html.count("(switched off)") == 16

    out = tmp_path / "pcf.pdf"
    demo_window.current_page(demo_window.pcf)
    assert demo_window.print_actions.save_record("pcf", out).wait() is not None
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Policy profile: Stockport (changed here)" in " ".join(text.split())


def test_import_and_export_a_profile_file(
    qtbot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "team.json"
    source.write_text(
        json.dumps(
            {
                "format": "placement-tracker-profile/1",
                "name": "Northshire 2027",
                "description": "Our practice learning team's numbers",
                "policy": {"first_placement_cap": 5},
                "rules_off": ["visit.joint-within-6-weeks"],
            }
        ),
        encoding="utf-8",
    )
    dialog = dialog_of(qtbot, demo_window)
    assert dialog.import_from(source)
    assert dialog.name.text() == "Policy profile: Northshire 2027"
    assert dialog.description.text().startswith("Our practice learning team's numbers")
    assert dialog.boxes["first_placement_cap"].value() == 5
    out = tmp_path / "exported.json"
    assert dialog.export_to(out)
    assert read_profile(out) == read_profile(source)

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "placement-tracker-profile/1", "name": "X", "rules_off": [1]}')
    assert not dialog.import_from(bad)
    assert "rules_off[0]: unknown rule id" in warned[0]
    assert dialog.name.text() == "Policy profile: Northshire 2027"  # nothing changed


def test_one_placement_can_use_its_own_profile_which_travels_with_it(
    qtbot, demo_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    dialog = dialog_of(qtbot, demo_window)
    dialog.for_whom.setCurrentIndex(dialog.for_whom.findData("placement"))
    dialog.load(read_profile(READY_MADE / "gloucestershire.json"))
    assert dialog.for_placement()
    demo_window.placement_actions.apply_own_profile(dialog.profile())
    assert ws.profile.name == "default"  # the app's is as it was
    assert ws.placements.snapshot(pid).profile is not None
    assert ws.history.lines(pid)[-1].what == (
        "Now checked under its own policy profile: Gloucestershire"
    )
    assert (
        "policy profile: Gloucestershire"
        in shown(demo_window, demo_window.overview).subtitle.text()
    )
    again = dialog_of(qtbot, demo_window)
    assert again.for_placement() and again.name.text() == "Policy profile: Gloucestershire"
    assert not again.back_button.isHidden()

    out = tmp_path / "placement.json"
    assert demo_window.file_actions.export_path(out).wait()
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["profile"]["name"] == "Gloucestershire"
    assert "visit.joint-within-6-weeks" in document["profile"]["rules_off"]
    from app.services.checking import profile_for, read_placement_file

    assert profile_for(read_placement_file(out)).name == "Gloucestershire"


def test_the_numbers_saved_before_profiles_had_names_are_still_read(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    settings.setValue(OLD_SETTINGS_KEY, json.dumps({"first_placement_cap": 4}))
    old = load_profile(settings)
    assert old.first_placement_cap == 4 and old.name == "local"
    save_profile(settings, old)
    assert settings.value(OLD_SETTINGS_KEY) is None and load_profile(settings) == old


def test_a_placement_goes_back_to_the_apps_profile_and_undo_returns_its_own(
    qtbot, demo_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from tests.views.conftest import drive_modal

    ws, pid = demo_window.workspace, demo_window.placement_id
    assert pid is not None
    demo_window.placement_actions.apply_own_profile(read_profile(READY_MADE / "stockport.json"))

    def back(dialog: PolicyDialog) -> None:
        assert dialog.for_placement()
        dialog.back_button.click()

    drive_modal(demo_window.placement_actions.edit_policy, back)
    assert ws.placements.snapshot(pid).profile is None
    assert ws.history.lines(pid)[-1].what == "Now checked under the app's policy profile"
    demo_window.undo_action.trigger()
    own = ws.placements.snapshot(pid).profile
    assert own is not None and own.name == "Stockport"

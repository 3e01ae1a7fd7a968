"""File › Import with a hostile file: the PE is told, in the words `check` uses, where the
file is wrong; nothing is stored and the window stays on the placement it showed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.interchange.placement_file import to_document
from app.services.demo import demo_snapshot
from app.views.main_window import MainWindow


def test_a_file_with_a_key_written_twice_or_a_broken_character_is_explained(
    demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: said.append((title, text)))
    text = json.dumps(to_document(demo_snapshot(date(2026, 11, 23))))
    twice = text.replace('"ref": "D-1042"', '"ref": "D-1042", "ref": "D-9"', 1)
    broken = text.replace('"student": "Robin Ashdown"', '"student": "Robin \\udc00"', 1)
    before = demo_window.placement_box.count()
    for name, content, where in (
        ("twice.json", twice, 'cases[0] (D-9): key "ref" is written twice'),
        ("broken.json", broken, "placement.student: "),
    ):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        demo_window.file_actions.import_path(path).wait()
        title, message = said[-1]
        assert title == "Placement file not imported"
        assert where in message and "nothing was stored" in message
        assert "unexpected" not in message
    assert demo_window.placement_box.count() == before
    assert demo_window.overview.title.text() == "Robin Ashdown"


def test_the_same_placement_again_is_imported_only_when_the_pe_says_so(
    demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text: (asked.append(text), answers.pop(0))[1]
    )
    path = tmp_path / "robin.json"
    path.write_text(json.dumps(to_document(demo_snapshot(date(2026, 11, 23)))), encoding="utf-8")
    before = demo_window.placement_box.count()
    assert demo_window.file_actions.import_path(path).wait() is None  # No: nothing stored
    assert "Robin Ashdown's placement from 14 Sep 2026 is already in this database" in asked[0]
    assert demo_window.placement_box.count() == before
    demo_window.file_actions.import_path(path).wait()  # Yes: a second copy
    demo_window.file_actions.again.wait()
    assert demo_window.placement_box.count() == before + 1

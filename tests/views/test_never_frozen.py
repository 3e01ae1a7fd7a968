"""The window keeps drawing while slow work runs: a 20 ms timer never waits 150 ms."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPushButton

from app.views.main_window import MainWindow
from tests.two_year import write_two_year_file


def test_importing_a_two_year_file_never_freezes_the_window(
    demo_window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from app.views.app import settle_memory

    source = write_two_year_file(tmp_path)  # 300 cases, 20,000 events
    settle_memory()  # as the app does once its window is up
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    operation = demo_window.file_actions.import_path(source)
    assert operation.wait() is not None
    demo_window.show_page_named("Visits & observations")  # filled as it is shown
    qtbot.wait(100)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.150, f"the window froze for {max(gaps) * 1000:.0f} ms"
    assert len(ticks) > 10, "the import was too quick to tell"
    assert demo_window.overview.title.text() == "Bench Student"
    assert len(demo_window.events.visible_events()) == 20_000


def test_a_pdf_that_cannot_be_written_is_explained_not_half_saved(
    demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    target = tmp_path / "no such folder" / "induction.pdf"
    demo_window.print_actions.save_record("induction", target).wait()
    assert shown and shown[0][0] == "Record not saved" and "Cannot write" in shown[0][1]
    assert not target.parent.exists()
    good = tmp_path / "induction.pdf"
    demo_window.print_actions.save_record("induction", good).wait()
    assert (
        good.read_bytes().startswith(b"%PDF")
        and demo_window.statusBar().currentMessage() == f"Saved {good}"
    )


def test_a_cancelled_pdf_leaves_no_file_and_the_window_carries_on(
    demo_window: MainWindow, tmp_path: Path
) -> None:
    """Cancel on the progress of a long record: the PE changed their mind, so no file, no
    message, and the window is as it was."""
    target = tmp_path / "summary.pdf"
    operation = demo_window.print_actions.save_record("summary", target)
    assert operation.progress.findChild(QPushButton) is not None  # it offers Cancel
    operation.cancel()
    operation.worker.join(30)  # the rendering runs to its end in the worker …
    QApplication.processEvents()  # … and its result comes back, to be dropped
    assert operation.cancelled and not target.exists()
    assert demo_window.statusBar().currentMessage() == ""
    again = demo_window.print_actions.save_record("summary", target)
    again.wait()
    assert target.read_bytes().startswith(b"%PDF")

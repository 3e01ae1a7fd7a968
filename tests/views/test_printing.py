"""File › Print…: the very PDF we make, previewed and printed page by page (A4, a range)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from app.services.records import render
from app.views.main_window import MainWindow
from app.views.printing.preview import PrintedRecord, a4_printer


def printed_to_file(
    record: PrintedRecord, path: Path, pages: tuple[int, int] | None = None
) -> PdfReader:
    printer = a4_printer(record.title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if pages:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*pages)
    record.paint(printer)
    return PdfReader(path)


def test_every_page_of_the_record_is_printed_on_a4_and_a_range_is_honoured(
    demo_window: MainWindow, tmp_path: Path
) -> None:
    ws = demo_window.workspace
    pdf = render("transition", ws.placements.snapshot(demo_window.placement_id), ws.as_of)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 3
    record = PrintedRecord(pdf, "Transition checklists")
    assert len(record) == pages
    whole = printed_to_file(record, tmp_path / "all.pdf")
    assert len(whole.pages) == pages
    width, height = (float(x) for x in whole.pages[0].mediabox.upper_right)
    assert round(width / 72 * 25.4) == 210 and round(height / 72 * 25.4) == 297  # A4 in mm
    assert len(printed_to_file(record, tmp_path / "two.pdf", (2, 3)).pages) == 2
    image = record.page_image(0, 50)
    assert abs(image.width() - 210 / 25.4 * 50) <= 1 and not image.isNull()
    assert image.pixelColor(5, 5).name() == "#ffffff"  # white paper …
    colours = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, 60, 3)
    }
    assert len(colours) > 3  # … with the record's header drawn on it
    record.close()


def test_file_print_opens_a_preview_of_the_page_s_record(demo_window: MainWindow) -> None:
    demo_window.show_page_named("Endings")
    operation = demo_window.print_actions.print_current()
    assert operation is not None
    operation.wait()
    dialog = demo_window.preview_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Print Transition checklists"
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    ws = demo_window.workspace
    pdf = render("transition", ws.placements.snapshot(demo_window.placement_id), ws.as_of)
    assert widget.pageCount() == len(PdfReader(io.BytesIO(pdf)).pages)
    dialog.close()


def test_print_on_the_supervision_page_wants_a_session(demo_window: MainWindow) -> None:
    demo_window.show_page_named("Supervision")
    demo_window.supervision.table.clearSelection()
    demo_window.supervision.table.setCurrentIndex(
        demo_window.supervision.table.model().index(-1, -1)
    )
    if demo_window.supervision.selected_id() is None:
        assert demo_window.print_actions.print_current() is None
        assert "Select a session" in demo_window.statusBar().currentMessage()
    sid = demo_window.supervision.rows[0].supervision.id
    demo_window.supervision.select(sid)
    operation = demo_window.print_actions.print_current()
    assert operation is not None
    operation.wait()
    assert demo_window.preview_dialog is not None
    assert demo_window.preview_dialog.windowTitle() == "Print Supervision record"
    demo_window.preview_dialog.close()


def test_a_record_is_exported_as_a_word_document_too(demo_window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import docx

    out = tmp_path / "induction.docx"
    assert demo_window.print_actions.save_record("induction", out, word=True).wait() is not None
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Induction record"
    assert document.paragraphs[0].style.name == "Title"
    page = demo_window.current_page(demo_window.supervision)
    demo_window.show_page_named("Supervision")
    page.table.selectRow(0)
    assert page.word_button.isEnabled() and page.word_button.text() == "Export Word…"
    titles = [a.text() for a in demo_window.menus["&File"].actions()]
    assert "Export &Word document…" in titles

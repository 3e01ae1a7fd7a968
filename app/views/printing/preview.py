"""Printing a record: the very PDF we make, previewed and printed page by page.

PDFium (through pypdfium2) draws each page of the PDF at the printer's resolution; Qt's
print dialog and preview give the PE A4, page range and copies as every app does. What is
printed is what File › Export PDF would save, never a second layout of the record.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

MAX_DPI = 300  # sharper than any office printer needs, and a page stays ~35 MB in memory


class PrintedRecord:
    """A record's PDF, ready to be drawn on a printer's pages."""

    def __init__(self, pdf: bytes, title: str) -> None:
        import pypdfium2  # loaded only when something is printed

        self.title = title
        self._document = pypdfium2.PdfDocument(pdf)

    def __len__(self) -> int:
        return len(self._document)

    def close(self) -> None:
        self._document.close()

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """The page numbers (from 0) the PE chose in the print dialog: all, or a range."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            return list(range(len(self)))
        return [n for n in range(max(first, 1) - 1, min(last, len(self)))]

    def page_image(self, number: int, dpi: int) -> QImage:
        page = self._document[number]
        try:
            bitmap = page.render(scale=dpi / 72, may_draw_forms=False)
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB32
                if bitmap.n_channels == 4
                else QImage.Format.Format_BGR888,
            )
            return image.copy()  # its own pixels: the bitmap is freed next
        finally:
            page.close()

    def paint(self, printer: QPrinter) -> None:
        """Draw the chosen pages, one PDF page to one sheet, scaled to the printable area."""
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("The printer could not be started.")
        try:
            for i, number in enumerate(self.pages_to_print(printer)):
                if i:
                    printer.newPage()
                image = self.page_image(number, dpi)
                area = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
                area.moveTo(0, 0)
                size = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRectF(0, 0, size.width(), size.height())
                target.moveCenter(area.center())
                painter.drawImage(target, image)
        finally:
            painter.end()


def a4_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(title)
    return printer


def preview(record: PrintedRecord, parent: QWidget) -> QPrintPreviewDialog:
    """The print preview (its Print button opens the system's print dialog)."""
    printer = a4_printer(record.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.kept = (printer, record)  # Qt does not own the printer: it must outlive the dialog
    dialog.setWindowTitle(f"Print {record.title}")
    dialog.paintRequested.connect(record.paint)
    dialog.finished.connect(lambda _result: record.close())
    return dialog

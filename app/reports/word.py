"""Word documents of the printed records: the same story the PDF is laid out from, written as
real Word structure (python-docx), so a university's template styles apply when pasted.

Each record builds one story of ReportLab flowables (``house``); ``build_docx`` reads it
in order: the title as Word's Title, headings as Heading 1, text as Normal paragraphs with
their bold and italic, grids and signature lines as tables, on A4 with the
OFFICIAL-SENSITIVE marking and "Page N of M" in the header and footer. A chart (a
drawing) is said in words, with its legend: it is in the PDF.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph
from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.reports.house import MARKING, RecordMeta, uk

# The house styles' names, as Word knows them.
STYLE_OF: dict[str, str] = {"title": "Title", "heading": "Heading 1"}
TOKEN = re.compile(r"<br\s*/?>|</?b>|</?i>|<[^>]+>|[^<]+", re.IGNORECASE)
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _runs(paragraph: WordParagraph, markup: str) -> None:
    """ReportLab's mini markup as Word runs: <b>, <i>, <br/>; other tags dropped."""
    bold = italic = False
    for token in TOKEN.findall(markup):
        low = token.lower()
        if low.startswith("<br"):
            paragraph.add_run().add_break()
        elif low in ("<b>", "</b>"):
            bold = low == "<b>"
        elif low in ("<i>", "</i>"):
            italic = low == "<i>"
        elif token.startswith("<"):
            continue
        else:
            run = paragraph.add_run(_safe(html.unescape(token)))
            run.bold, run.italic = bold or None, italic or None


def _safe(text: str) -> str:
    """Text Word's XML can hold: the reader already refused control characters, but a
    report may still carry a character XML 1.0 forbids."""
    return XML_UNSAFE.sub("\ufffd", text)


def _text_of(value: Any) -> str:
    if isinstance(value, Paragraph):
        return str(value.text)
    if isinstance(value, str):
        return html.escape(value)
    return ""


def _field(paragraph: WordParagraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _marking(paragraph: WordParagraph) -> None:
    run = paragraph.add_run(MARKING)
    run.bold = True
    run.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table(document: Any, rows: Sequence[Sequence[Any]], header: bool) -> None:
    if not rows:
        return
    columns = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    for n, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            strong = getattr(getattr(value, "style", None), "name", "") == "cellBold"
            _cell(cell, _text_of(value), bold=strong or (header and n == 0))


def _cell(cell: _Cell, markup: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    _runs(paragraph, f"<b>{markup}</b>" if bold else markup)


def _add(document: Any, flowables: Iterable[Flowable]) -> None:
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            _add(document, flowable._content)
        elif isinstance(flowable, Paragraph):
            style = STYLE_OF.get(str(getattr(flowable.style, "name", "")), "Normal")
            paragraph = document.add_paragraph(style=style)
            _runs(paragraph, str(flowable.text))
        elif isinstance(flowable, Table):
            house = getattr(flowable, "house_rows", None)
            if house is not None:
                rows, _widths, header = house
                _table(document, rows, header)
            else:
                _table(document, getattr(flowable, "_cellvalues", []), False)
        elif isinstance(flowable, Drawing):
            words = " ".join(c.text for c in flowable.contents if isinstance(c, String))
            document.add_paragraph(f"The chart is in the PDF of this record. {words}".strip())
        elif isinstance(flowable, Spacer):
            continue


def build_docx(meta: RecordMeta, story: Sequence[Flowable]) -> bytes:
    """The record as a Word document: the same content, in the same order, as its PDF."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(18))
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = f"{meta.title} — {meta.student}"
    document.core_properties.subject = MARKING
    document.core_properties.author = "Placement Tracker"

    header = section.header.paragraphs[0]
    _marking(header)
    line = section.header.add_paragraph(f"{meta.title} · Printed {uk(meta.printed)}")
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{meta.footnote[:150]} · Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    _marking(section.footer.add_paragraph())

    _add(document, story)
    if meta.profile_changes:
        document.add_paragraph("Policy settings that differ from the default", style="Heading 1")
        for change in meta.profile_changes:
            document.add_paragraph(_safe(change), style="Normal")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

"""Word documents of the printed records: real Word structure (Title, Heading 1, tables,
A4, the marking and page numbers in header and footer), and every line of the PDF's text
found again in the document, hostile Unicode and markup-like text included."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest
from docx.shared import Mm
from pypdf import PdfReader

from app.services.demo import demo_snapshot
from app.services.records import RECORDS, render

AS_OF = date(2026, 11, 23)
ODD = 'Zoë said <b>not bold</b> & "quoted" — 🙂 ‮reversed‬ tab\there; <br/> stays as typed'


def snapshot():  # type: ignore[no-untyped-def]
    snap = demo_snapshot(AS_OF)
    snap.supervisions[-1].wellbeing = ODD
    snap.cases[0].rationale = ODD
    snap.pcf_reviews[-1].notes = ODD
    return snap


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def word_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    section = document.sections[0]
    parts += [p.text for p in (*section.header.paragraphs, *section.footer.paragraphs)]
    return squeeze(" ".join(parts))


@pytest.mark.parametrize("record", list(RECORDS))
def test_every_line_of_the_pdf_is_in_the_word_document(record: str) -> None:
    from tests.reports.test_asye import final_placement

    snap = final_placement() if record == "asye" else snapshot()
    day = snap.supervisions[-1].date if record == "supervision" else None
    rid = "obs-1" if record == "observation" else None  # the demo's, filled in
    pdf = render(record, snap, AS_OF, record_id=rid, record_date=day)
    word = render(record, snap, AS_OF, record_id=rid, record_date=day, word=True)
    text = word_text(word)
    pages = PdfReader(io.BytesIO(pdf)).pages
    # a character the PDF's fonts lack (the emoji) reads back from the PDF as NUL
    lines = [
        squeeze(line.replace("\x00", "🙂"))
        for page in pages
        for line in page.extract_text().splitlines()
    ]
    chart = re.compile(r"^(\d+|\d+ \w{3})$")  # the chart's axis labels: the chart is said in words
    missing = [
        line for line in lines
        if line and not line.startswith("Page ") and not chart.match(line) and line not in text
    ]  # fmt: skip
    assert not missing, missing[:10]
    if record == "supervision":
        assert "<b>not bold</b>" in text and "Zoë" in text and "🙂" in text


def test_a_word_document_is_real_word_structure() -> None:
    snap = snapshot()
    data = render("supervision", snap, AS_OF, record_date=snap.supervisions[-1].date, word=True)
    document = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title" and "Heading 1" in styles
    assert len(document.tables) >= 3  # the facts, case direction, signatures
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert section.header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert document.core_properties.subject == "OFFICIAL-SENSITIVE"
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "Discussion:" in bold  # the markup became formatting, not text

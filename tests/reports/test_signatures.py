"""Signature lines stay with the record they sign: no printed page holds only signatures.

A PE signs the last page; a page with nothing but two signature lines could be detached
from the record it belongs to. Records of 1, 2 and 3 pages are rendered with text of every
length in between, so the end of the record falls at every height of its last page.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from app.services.demo import demo_snapshot
from app.services.records import render

AS_OF = date(2026, 11, 23)
SENTENCE = "The student talked about a hard week and how she looked after herself. "


def last_page(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), reader.pages[-1].extract_text()


def above_signatures(page: str) -> list[str]:
    """The lines of the record on the page above its signature lines (not the app's note
    that says who signed in the app: that is part of the signing, not of the record)."""
    assert "Signatures" in page, "no signature lines on the last page"
    lines = page.split("Signatures")[0].splitlines()
    return [
        x for x in lines if x.strip() and not x.startswith(("Signed in the app", "Not yet signed"))
    ]


def test_a_supervision_record_of_one_two_or_three_pages_ends_with_its_last_section() -> None:
    snap = demo_snapshot(AS_OF)
    session = snap.supervisions[-1]
    seen_pages = set()
    for directions in (0, len(session.case_direction)):
        for n in range(0, 90, 2):
            s = replace(
                session,
                case_direction=session.case_direction[:directions],
                wellbeing=SENTENCE * n,
                learning="Reflected on PCF domain 7.",
                addenda=[],
            )
            record = replace(snap, supervisions=[s])
            pages, page = last_page(render("supervision", record, AS_OF, record_id=s.id))
            seen_pages.add(pages)
            assert "Reflected on PCF domain 7." in above_signatures(page), (directions, n, pages)
    assert {1, 2, 3} <= seen_pages


@pytest.mark.parametrize("kind", ["induction", "pcf", "transition", "summary"])
def test_every_signed_record_keeps_content_above_its_signatures(kind: str) -> None:
    """Every page with signature lines (the transition record has a set per child) shows
    the record they sign above them."""
    reader = PdfReader(io.BytesIO(render(kind, demo_snapshot(AS_OF), AS_OF)))
    signed = [p.extract_text() for p in reader.pages if "Signatures" in p.extract_text()]
    assert signed, "no signature lines"
    for page in signed:
        assert len(above_signatures(page)) >= 2, page

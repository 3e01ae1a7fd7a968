"""House style for every printed record: A4, OFFICIAL-SENSITIVE, Page N of M, the profile.

Built from platypus flowables only. User text always goes through ``text()``, which
escapes markup (a name like ``<b>`` prints as typed) and switches runs of Chinese,
Japanese or Korean to ReportLab's built-in CID fonts so names print correctly.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.paths import RESOURCES
from app.policy.snapshot import Placement

MARKING: Final = "OFFICIAL-SENSITIVE"
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
FONTS_DIR: Final = RESOURCES / "fonts"
CJK_FONTS: Final = {"zh": "STSong-Light", "ja": "HeiseiMin-W3", "ko": "HYSMyeongJo-Medium"}
_CJK = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff\uff00-\uffef]+"
)
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
MARGIN: Final = 18 * mm
INK, RULE, SHADE = (
    colors.HexColor("#1f2933"),
    colors.HexColor("#9aa5b1"),
    colors.HexColor("#eef2f5"),
)


def register_fonts() -> None:
    """Register the shipped TrueType font and the CID fonts once per process."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    for name in CJK_FONTS.values():
        pdfmetrics.registerFont(UnicodeCIDFont(name))


def _cjk_font(run: str) -> str:
    if _HANGUL.search(run):
        return CJK_FONTS["ko"]
    if _KANA.search(run):
        return CJK_FONTS["ja"]
    return CJK_FONTS["zh"]


def text(value: object | None, empty: str = "") -> str:
    """User text as safe paragraph markup: escaped, CJK runs in a CJK font, line breaks kept."""
    if value is None or value == "":
        return escape(empty)
    raw = str(value)
    out: list[str] = []
    pos = 0
    for match in _CJK.finditer(raw):
        out.append(escape(raw[pos : match.start()]))
        out.append(f'<font name="{_cjk_font(match.group())}">{escape(match.group())}</font>')
        pos = match.end()
    out.append(escape(raw[pos:]))
    return "".join(out).replace("\n", "<br/>")


def uk(day: date | None, empty: str = "") -> str:
    """UK date format, e.g. 6 Feb 2026."""
    return f"{day.day} {day:%b %Y}" if day else empty


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    muted: ParagraphStyle


def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4
    )
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=16, leading=20, spaceAfter=2
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cellBold", parent=body, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        muted=ParagraphStyle(
            "muted", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#52606d")
        ),
    )


@dataclass(frozen=True, slots=True)
class RecordMeta:
    """What every page of a record says about itself."""

    title: str  # e.g. "Supervision record"
    student: str
    footnote: str  # the policy profile in force, by name
    printed: date
    profile_changes: tuple[str, ...] = ()  # settings that differ from the default: last page


def _numbered_canvas(meta: RecordMeta) -> type[Canvas]:
    """A canvas that waits for the last page so every page can say "Page N of M"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFillColor(colors.HexColor("#b71c1c"))
            self.setFont(BOLD, 9)
            self.drawCentredString(width / 2, height - 11 * mm, MARKING)
            self.drawCentredString(width / 2, 8 * mm, MARKING)
            self.setFillColor(INK)
            self.setFont(FONT, 8)
            self.drawString(MARGIN, height - 11 * mm, meta.title)
            self.drawRightString(width - MARGIN, height - 11 * mm, f"Printed {uk(meta.printed)}")
            self.setStrokeColor(RULE)
            self.line(MARGIN, height - 13 * mm, width - MARGIN, height - 13 * mm)
            self.line(MARGIN, 15.5 * mm, width - MARGIN, 15.5 * mm)
            self.setFont(FONT, 7)
            self.drawString(MARGIN, 12 * mm, meta.footnote[:150])
            self.setFont(FONT, 8)
            self.drawRightString(width - MARGIN, 12 * mm, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


Builder = Callable[[RecordMeta, Sequence[Flowable]], bytes]  # a record's story to a file


def build_pdf(meta: RecordMeta, story: Sequence[Flowable]) -> bytes:
    """Lay out ``story`` on A4 pages in the house style and return the PDF's bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title=f"{meta.title} — {meta.student}",
        author="Placement Tracker",
        subject=MARKING,
    )
    doc.build(_finished(list(story), meta), canvasmaker=_numbered_canvas(meta))
    return buffer.getvalue()


class SignatureBlock(KeepTogether):  # type: ignore[misc]
    """The signature lines: kept on the page with the end of the record (``_finished``)."""


# A table of at most this many rows (induction items, agreements, learning outcomes) is
# never split across pages: it moves whole, with its heading, to the next page.
SMALL_TABLE_ROWS: Final = 20


def _kept_whole(done: list[Flowable], table: Table) -> KeepTogether:
    """A small table with the heading (and the note under it) that introduce it."""
    lead: list[Flowable] = []
    while done and len(lead) < 2 and _style(done[-1]) in ("heading", "muted", "body"):
        lead.insert(0, done.pop())
        if _style(lead[0]) == "heading":
            break
    if lead and _style(lead[0]) != "heading":  # only text without a heading: leave it be
        done.extend(lead)
        lead = []
    return KeepTogether([*lead, table])


def _finished(story: list[Flowable], meta: RecordMeta) -> list[Flowable]:
    """Each set of signature lines is kept on one page with the part of the record it signs,
    so no page holds only signatures; a small table is kept whole with its heading; the
    profile's own settings are listed once, at the end."""
    if meta.profile_changes:
        s = styles()
        story.append(Paragraph("Policy settings that differ from the default", s.heading))
        story += [Paragraph(escape(line), s.small) for line in meta.profile_changes]
    done: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, SignatureBlock) and done:
            done.append(KeepTogether(_signed_part(done, flowable)))
        elif (
            getattr(flowable, "house_rows", None)
            and len(flowable.house_rows[0]) <= SMALL_TABLE_ROWS
        ):
            done.append(_kept_whole(done, flowable))
        else:
            done.append(flowable)
    return done


def _style(flowable: Flowable) -> str:
    return str(getattr(getattr(flowable, "style", None), "name", ""))


def _signed_part(before: list[Flowable], block: SignatureBlock) -> list[Flowable]:
    """Take from the end of ``before`` the record's last two pieces of content (a long
    table gives its last rows) with their headings, to go on the page with ``block``."""
    kept = list(block._content)  # one group: a group inside a group always splits
    if before and isinstance(before[-1], KeepTogether):  # a part already kept whole
        return [*before.pop()._content, *kept]
    content = 0
    while before and content < 2 and not isinstance(before[-1], KeepTogether):
        flowable = before.pop()
        rows = getattr(flowable, "house_rows", None)
        if rows is not None and len(rows[0]) > 3:
            cells, widths, header = rows
            before.append(grid(cells[:-2], widths, header))
            flowable, content = grid(cells[-2:], widths, header=False), 2
        kept.insert(0, flowable)
        content += _style(flowable) not in ("muted", "heading", "small")
    while before and _style(before[-1]) == "heading":
        kept.insert(0, before.pop())  # never a heading alone at the foot of a page
    return kept


def grid(rows: list[list[Any]], widths: Sequence[float], header: bool = True) -> Table:
    """A ruled table; cells should be Paragraphs so long text wraps."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    table.house_rows = (rows, tuple(widths), header)  # so its end can be kept with signatures
    return table


def facts(rows: list[tuple[str, str]], s: Styles, width: float) -> Table:
    """Label/value pairs as a two-column table (values are markup, already escaped)."""
    data = [[Paragraph(escape(k), s.cell_bold), Paragraph(v, s.cell)] for k, v in rows]
    return grid(data, (width * 0.3, width * 0.7), header=False)


def signatures(people: list[tuple[str, str]], s: Styles, width: float) -> SignatureBlock:
    """Signature lines: role and name, then space to sign and date by hand."""
    rows = []
    for role, name in people:
        rows.append(
            [
                Paragraph(f"<b>{escape(role)}</b><br/>{text(name)}", s.cell),
                Paragraph("Signature<br/><br/>______________________________", s.cell),
                Paragraph("Date<br/><br/>______________", s.cell),
            ]
        )
    table = Table(rows, colWidths=[width * 0.38, width * 0.4, width * 0.22])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 8)])
    )
    return SignatureBlock([Paragraph("Signatures", s.heading), table])


def placement_span(p: Placement) -> str:
    """ "First placement, 14 Sep 2026 to 31 Dec 2026": how every record names the placement."""
    kind = "First" if p.kind == "first" else "Final"
    return f"{kind} placement, {uk(p.start)} to {uk(p.end)}"


def content_width() -> float:
    return float(A4[0] - 2 * MARGIN)


def right(markup: str, s: Styles) -> Paragraph:
    return Paragraph(markup, ParagraphStyle("right", parent=s.small, alignment=TA_RIGHT))


__all__ = [
    "Builder",
    "Spacer",
    "build_pdf",
    "content_width",
    "facts",
    "grid",
    "placement_span",
    "right",
    "signatures",
    "styles",
    "text",
    "uk",
]

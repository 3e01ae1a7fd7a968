"""The supervision record a PE prints, signs and files.

Case direction is a table row per child (case, decision, actions); the discussion flows
as paragraphs beneath its row, so a long discussion runs over pages instead of failing
(a table cell cannot split across pages).
"""

from __future__ import annotations

import re
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.policy.profile import PolicyProfile
from app.policy.snapshot import Action, PlacementSnapshot, Supervision
from app.policy.terms import caseload_cap, caseload_on
from app.policy.vocabulary import SUPERVISION_FORMAT_LABELS
from app.reports.house import (
    Builder,
    RecordMeta,
    Styles,
    build_pdf,
    content_width,
    facts,
    grid,
    placement_span,
    signatures,
    styles,
    text,
    uk,
)

FORMATS = SUPERVISION_FORMAT_LABELS
WORDS_PER_PARAGRAPH = 180


class RecordNotFound(LookupError):
    pass


def chunks(value: str | None) -> list[str]:
    """Long text as paragraph-sized pieces: by the writer's own paragraphs, then by length."""
    if not value or not value.strip():
        return []
    pieces = []
    for para in re.split(r"\n\s*\n|\n", value.strip()):
        words = para.split(" ")
        for i in range(0, len(words), WORDS_PER_PARAGRAPH):
            piece = " ".join(words[i : i + WORDS_PER_PARAGRAPH]).strip()
            if piece:
                pieces.append(piece)
    return pieces


def _action_text(a: Action) -> str:
    parts = [text(a.action)]
    if a.owner:
        parts.append(f"<i>owner</i> {text(a.owner)}")
    if a.due:
        parts.append(f"<i>due</i> {uk(a.due)}")
    if a.done:
        parts.append(f"<i>done</i> {uk(a.done)}")
    return " — ".join(parts)


def _yes(value: bool) -> str:
    return "Yes" if value else "<b>No</b>"


def _case_direction(
    snap: PlacementSnapshot, s: Supervision, st: Styles, width: float
) -> list[Flowable]:
    if not s.case_direction:
        return [Paragraph("No case direction recorded in this session.", st.muted)]
    initials = {c.ref: c.initials for c in snap.cases}
    out: list[Flowable] = []
    widths = (width * 0.16, width * 0.42, width * 0.42)
    head = [Paragraph(h, st.cell_bold) for h in ("Case", "Decision", "Actions")]
    for n, d in enumerate(s.case_direction):
        actions = "<br/>".join(f"• {_action_text(a)}" for a in d.actions) or "—"
        decision = chunks(d.decision)
        short = len(decision) <= 1 and len(d.decision) <= 700
        row = [
            Paragraph(f"<b>{text(d.case)}</b><br/>{text(initials.get(d.case))}", st.cell),
            Paragraph(text(d.decision, "—") if short else "See below.", st.cell),
            Paragraph(actions, st.cell),
        ]
        # the column names once, above the first case: each case's row follows on
        block: list[Flowable] = [
            grid([head, row], widths) if n == 0 else grid([row], widths, False)
        ]
        if not short:
            block.append(Paragraph(f"<b>Decision on {text(d.case)}:</b>", st.body))
            block += [Paragraph(text(p), st.body) for p in decision]
        discussion = chunks(d.discussion)
        if discussion:
            first, *rest = discussion
            block.append(Paragraph(f"<b>Discussion:</b> {text(first)}", st.body))
            block += [Paragraph(text(p), st.body) for p in rest]
        out.append(KeepTogether(block[:3]))
        out += block[3:]
        out.append(Spacer(1, 6))
    return out


def _carried(snap: PlacementSnapshot, s: Supervision, st: Styles, width: float) -> list[Flowable]:
    """Actions set in earlier sessions and still open on this session's date."""
    rows = []
    for earlier in sorted(snap.supervisions, key=lambda x: x.date):
        if earlier.date >= s.date:
            continue
        for d in earlier.case_direction:
            for a in d.actions:
                if a.done is None or a.done >= s.date:
                    rows.append(
                        [
                            Paragraph(uk(earlier.date), st.cell),
                            Paragraph(text(d.case), st.cell),
                            Paragraph(text(a.action), st.cell),
                            Paragraph(text(a.owner, "—"), st.cell),
                            Paragraph(uk(a.due, "—"), st.cell),
                            Paragraph(uk(a.done, "open"), st.cell),
                        ]
                    )
    if not rows:
        return [Paragraph("None: every earlier action was done.", st.muted)]
    head = [Paragraph(h, st.cell_bold) for h in ("Set", "Case", "Action", "Owner", "Due", "Done")]
    w = width
    return [grid([head, *rows], (w * 0.13, w * 0.12, w * 0.39, w * 0.14, w * 0.11, w * 0.11))]


def supervision_record(
    snap: PlacementSnapshot,
    sid: str,
    profile: PolicyProfile,
    printed: date,
    build: Builder = build_pdf,
) -> bytes:
    s = next((x for x in snap.supervisions if x.id == sid), None)
    if s is None:
        known = ", ".join(f"{x.date.isoformat()} ({x.id})" for x in snap.supervisions) or "none"
        raise RecordNotFound(
            f"There is no supervision {sid!r} in this placement (sessions: {known})."
        )
    st = styles()
    width = content_width()
    p = snap.placement
    caseload = len(caseload_on(snap.cases, s.date))
    story: list[Flowable] = [
        Paragraph("Supervision record", st.title),
        Paragraph(f"{FORMATS.get(s.format, s.format)} supervision on {uk(s.date)}", st.muted),
        facts(
            [
                ("Student", text(p.student)),
                (
                    "Practice educator",
                    f"{text(p.educator)} ({'on site' if p.educator_onsite else 'off site'})",
                ),
                ("Placement", placement_span(p)),
                ("Attendees", text(", ".join(s.attendees), "—")),
                (
                    "Caseload",
                    f"{caseload} of a cap of {caseload_cap(p, profile)}; caseload discussed: "
                    f"{_yes(s.caseload_discussed)}",
                ),
                ("Decisions on the child's record", _yes(s.decisions_recorded)),
                ("Next session", uk(s.next, "not set")),
            ],
            st,
            width,
        ),
        Paragraph("Case direction", st.heading),
        *_case_direction(snap, s, st, width),
        Paragraph("Actions carried forward", st.heading),
        *_carried(snap, s, st, width),
        Paragraph("Wellbeing", st.heading),
        *([Paragraph(text(x), st.body) for x in chunks(s.wellbeing)] or [Paragraph("—", st.body)]),
        Paragraph("Learning and PCF reflection", st.heading),
        *([Paragraph(text(x), st.body) for x in chunks(s.learning)] or [Paragraph("—", st.body)]),
    ]
    if s.addenda:
        story.append(Paragraph("Addenda", st.heading))
        for a in s.addenda:
            story.append(Paragraph(f"<b>{uk(a.date)}, {text(a.author)}:</b>", st.body))
            story += [Paragraph(text(x), st.body) for x in chunks(a.text)]
    signed = []
    if s.signed_by_educator:
        signed.append(f"educator on {uk(s.signed_by_educator)}")
    if s.signed_by_student:
        signed.append(f"student on {uk(s.signed_by_student)}")
    story.append(
        Paragraph(
            f"Signed in the app by the {' and the '.join(signed)}."
            if signed
            else "Not yet signed in the app.",
            st.muted,
        )
    )
    people = [("Practice educator", p.educator), ("Student", p.student)]
    if s.format == "three-way":  # the on-site supervisor was there and signs too
        people.append(("On-site supervisor", p.onsite_supervisor or ""))
    story.append(signatures(people, st, width))
    meta = RecordMeta(
        "Supervision record", p.student, profile.describe(), printed, profile.changes()
    )
    return build(meta, story)

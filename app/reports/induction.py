"""The induction record: the first fortnight's items, the agreements, and signature lines."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Paragraph

from app.policy.calendar import WorkingCalendar
from app.policy.profile import PolicyProfile
from app.policy.snapshot import PlacementSnapshot
from app.policy.sources import cited
from app.policy.vocabulary import INDUCTION_ITEMS, OWN_ITEM_PREFIX, own_item_label
from app.reports.house import (
    Builder,
    RecordMeta,
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


def placement_facts(snap: PlacementSnapshot) -> list[tuple[str, str]]:
    p = snap.placement
    educator = f"{text(p.educator)} ({'on site' if p.educator_onsite else 'off site'})"
    rows = [
        ("Student", text(p.student)),
        ("Programme", text(p.programme, "—")),
        ("Placement", placement_span(p)),
        ("Practice educator", educator),
        ("Team manager", text(p.team_manager)),
    ]
    if p.onsite_supervisor:
        rows.insert(4, ("On-site supervisor", text(p.onsite_supervisor)))
    if p.link_worker:
        rows.append(("Link worker", text(p.link_worker)))
    return rows


def induction_record(
    snap: PlacementSnapshot, profile: PolicyProfile, printed: date, build: Builder = build_pdf
) -> bytes:
    s = styles()
    width = content_width()
    p = snap.placement
    cal = WorkingCalendar(p.working_days)
    last = cal.induction_last_day(p.start, p.induction_days)
    opens = cal.allocations_open(p.start, p.induction_days)
    story: list[Flowable] = [
        Paragraph("Induction record", s.title),
        Paragraph(
            f"The first {p.induction_days} working days: agreements, safety arrangements and "
            f"shadowing, before any case is allocated ({cited('000 §5')}).",
            s.muted,
        ),
        facts(
            [
                *placement_facts(snap),
                (
                    "Induction",
                    f"{uk(p.start)} to {uk(last)} ({p.induction_days} working days, bank holidays "
                    f"skipped); cases from {uk(opens)}",
                ),
            ],
            s,
            width,
        ),
        Paragraph("Checklist", s.heading),
    ]
    head = [Paragraph(h, s.cell_bold) for h in ("Item", "Source", "Done", "By", "Note")]
    rows = [head]
    for item, (label, source) in INDUCTION_ITEMS.items():
        entry = snap.induction.get(item)
        rows.append(
            [
                Paragraph(text(label), s.cell),
                Paragraph(text(cited(source)), s.cell),
                Paragraph(uk(entry.date) if entry else "<b>Not done</b>", s.cell),
                Paragraph(text(entry.by if entry else None), s.cell),
                Paragraph(text(entry.note if entry else None), s.cell),
            ]
        )
    for item, entry in snap.induction.items():
        if item.startswith(OWN_ITEM_PREFIX):
            rows.append(
                [
                    Paragraph(text(own_item_label(item)), s.cell),
                    Paragraph("own item", s.cell),
                    Paragraph(uk(entry.date), s.cell),
                    Paragraph(text(entry.by), s.cell),
                    Paragraph(text(entry.note), s.cell),
                ]
            )
    story.append(grid(rows, (width * 0.26, width * 0.3, width * 0.12, width * 0.14, width * 0.18)))

    story.append(Paragraph("Placement agreement", s.heading))
    pa = snap.placement_agreement
    story.append(
        facts(
            [
                (
                    "Meeting held",
                    uk(snap.induction["placement-agreement"].date)
                    if "placement-agreement" in snap.induction
                    else "Not yet",
                ),
                ("Student's learning needs", text(pa.learning_needs if pa else None, "—")),
                ("After-hours contact", text(pa.after_hours_contact if pa else None, "—")),
                ("Notes", text(pa.notes if pa else None, "—")),
            ],
            s,
            width,
        )
    )
    story.append(Paragraph("Supervision agreement", s.heading))
    sa = snap.supervision_agreement
    pattern = "—"
    if sa is not None:
        day = f"{sa.weekday.capitalize()}s" if sa.weekday else "a day to agree"
        pattern = f"Every {sa.every_days} days, {day}{' at ' + text(sa.time) if sa.time else ''}"
    story.append(
        facts(
            [
                (
                    "Agreed",
                    uk(snap.induction["supervision-agreement"].date)
                    if "supervision-agreement" in snap.induction
                    else "Not yet",
                ),
                ("Pattern", pattern),
                (
                    "Three-way arrangements",
                    text(
                        sa.three_way if sa else None, "—" if p.educator_onsite else "None recorded"
                    ),
                ),
                ("Notes", text(sa.notes if sa else None, "—")),
            ],
            s,
            width,
        )
    )
    story.append(signatures([("Student", p.student), ("Practice educator", p.educator)], s, width))
    meta = RecordMeta("Induction record", p.student, profile.describe(), printed, profile.changes())
    return build(meta, story)

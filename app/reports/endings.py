"""End-of-placement paper: every child's transition checklist, and the placement summary."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.policy.advice import ADVICE, in_reading_order
from app.policy.calendar import WorkingCalendar
from app.policy.engine import evaluate
from app.policy.gaps import longest_gap
from app.policy.growth import caseload_series
from app.policy.naming import RecordNames, named
from app.policy.observations import observations
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Case, PlacementSnapshot
from app.policy.sources import cited
from app.policy.terms import absent_working_days, as_of_view, student_absence_days
from app.policy.vocabulary import (
    CASE_TYPE_LABELS,
    ENDING_LABELS,
    PCF_DOMAINS,
    PCF_POINT_KINDS,
    ROLE_LABELS,
    TRANSITION_ITEMS,
    required_learning_outcomes,
    transition_item_label,
)
from app.reports.house import (
    FONT,
    Builder,
    RecordMeta,
    Styles,
    build_pdf,
    content_width,
    facts,
    grid,
    signatures,
    styles,
    text,
    uk,
)

RATINGS = {
    "not-yet": "Not yet",
    "developing": "Developing",
    "meeting": "Meeting",
    "exceeding": "Exceeding",
}


def _sign_off(c: Case) -> str:
    """A transfer's sign-off by both managers (003 §3.6), or that it is missing."""
    if c.ending != "transferred":
        return ""
    if c.transfer_signed_off is None:
        return "; <b>no transfer sign-off by both managers recorded</b>"
    return f"; transfer signed off by both managers {uk(c.transfer_signed_off)}"


def transition_checklist(
    snap: PlacementSnapshot, profile: PolicyProfile, printed: date, build: Builder = build_pdf
) -> bytes:
    st = styles()
    width = content_width()
    p = snap.placement
    records = {t.case: t.items for t in snap.transitions}
    cases = [c for c in snap.cases if c.student_role != "shadow" or c.ref in records]
    story: list[Flowable] = [
        Paragraph("Transition checklists", st.title),
        Paragraph(
            f"{text(p.student)}'s placement ends {uk(p.end)}. Every child the student worked with "
            f"gets a planned goodbye and a handover ({cited('000 §9')}).",
            st.muted,
        ),
    ]
    if not cases:
        story.append(Paragraph("No cases.", st.body))
    for c in cases:
        items = records.get(c.ref, {})
        head = [Paragraph(h, st.cell_bold) for h in ("Item", "Done", "By", "Note")]
        rows = [head]
        for item in [*TRANSITION_ITEMS, *[k for k in items if k not in TRANSITION_ITEMS]]:
            entry = items.get(item)
            optional = "" if item in TRANSITION_ITEMS else " (optional)"
            rows.append(
                [
                    Paragraph(text(transition_item_label(item)) + optional, st.cell),
                    Paragraph(uk(entry.date) if entry else "<b>NOT DONE</b>", st.cell),
                    Paragraph(text(entry.by if entry else None), st.cell),
                    Paragraph(text(entry.note if entry else None), st.cell),
                ]
            )
        ending = ENDING_LABELS.get(c.ending or "", "Still open")
        section: list[Flowable] = [
            Paragraph(
                f"{text(c.ref)} · {text(c.initials, '—')} · {CASE_TYPE_LABELS[c.type]}", st.heading
            ),
            Paragraph(
                f"Student's role: {ROLE_LABELS[c.student_role]}. Ending: {ending}"
                f"{', ' + uk(c.ended) if c.ended else ''}"
                f"{'; handed over to ' + text(c.handover_to) if c.handover_to else ''}"
                f"{_sign_off(c)}.",
                st.body,
            ),
            grid(rows, (width * 0.42, width * 0.14, width * 0.18, width * 0.26)),
        ]
        story.append(KeepTogether(section))
        receiving = c.handover_to or ""  # a blank to fill in by hand, not the role again
        story.append(
            signatures(
                [
                    ("Student", p.student),
                    ("Practice educator", p.educator),
                    ("Receiving worker", receiving),
                ],
                st,
                width,
            )
        )
        story.append(Spacer(1, 8))
    return build(
        RecordMeta(
            "Transition checklists", p.student, profile.describe(), printed, profile.changes()
        ),
        story,
    )


def caseload_chart(
    snap: PlacementSnapshot, as_of: date, profile: PolicyProfile, width: float
) -> Drawing:
    """Caseload day by day against the planned build-up and the cap, drawn with reportlab.graphics."""
    series = caseload_series(snap, as_of, profile)
    drawing = Drawing(width, 170)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 30, 30, width - 40, 120
    actual = [(i, float(v)) for i, v in enumerate(series.actual) if v is not None] or [(0, 0.0)]
    planned = [(i, v) for i, v in enumerate(series.planned)]
    cap = [(0, float(series.cap)), (len(series.days) - 1, float(series.cap))]
    plot.data = [actual, planned, cap]
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = colors.HexColor("#1565c0"), 1.8
    plot.lines[1].strokeColor, plot.lines[1].strokeDashArray = colors.HexColor("#7b8794"), (3, 2)
    plot.lines[2].strokeColor, plot.lines[2].strokeDashArray = colors.HexColor("#c62828"), (1, 2)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, max(len(series.days) - 1, 1)
    steps = [i for i, d in enumerate(series.days) if d.day == 1 or i == 0]
    plot.xValueAxis.valueSteps = steps
    plot.xValueAxis.labelTextFormat = lambda v: (
        f"{series.days[int(v)]:%-d %b}" if int(v) < len(series.days) else ""
    )
    plot.xValueAxis.labels.fontName = plot.yValueAxis.labels.fontName = FONT
    plot.xValueAxis.labels.fontSize = plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = (
        0,
        max(series.cap, *(v or 0 for v in series.actual)) + 1,
    )
    plot.yValueAxis.valueStep = 1
    drawing.add(plot)
    legend = "Actual caseload (blue) · planned build-up (grey, dashed) · cap (red, dotted)"
    drawing.add(
        String(30, 160, legend, fontName=FONT, fontSize=7, fillColor=colors.HexColor("#52606d"))
    )
    return drawing


def _counts(snap: PlacementSnapshot, as_of: date, st: Styles, width: float) -> list[Flowable]:
    p = snap.placement
    seen = as_of_view(snap, as_of)
    window_end = min(as_of, p.end)
    sup_dates = [s.date for s in seen.supervisions]
    longest = longest_gap(p.start, window_end, sup_dates, student_absence_days(seen.absences))
    kinds: dict[str, int] = {}
    for e in seen.events:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    cal = WorkingCalendar(p.working_days)
    available = cal.working_days(p.start, p.end)
    done = (
        cal.working_days(p.start, window_end) - absent_working_days(p, seen.absences)
        if window_end >= p.start
        else 0
    )
    return [
        facts(
            [
                ("Dates", f"{uk(p.start)} to {uk(p.end)}"),
                (
                    "Days completed",
                    f"{done} working days (of {available} available; {p.required_days} required)",
                ),
                (
                    "Supervision",
                    f"{len(sup_dates)} sessions; longest gap {longest} days (student absences not counted)",
                ),
                ("Joint visits", str(kinds.get("joint-visit", 0))),
                ("Direct observations", str(kinds.get("direct-observation", 0))),
                ("Manager oversight", f"{kinds.get('manager-oversight', 0)} recorded"),
            ],
            st,
            width,
        )
    ]


def placement_summary(
    snap: PlacementSnapshot, profile: PolicyProfile, printed: date, build: Builder = build_pdf
) -> bytes:
    """The end-of-placement report for the PE and the university, as of ``printed``."""
    st = styles()
    width = content_width()
    p = snap.placement
    as_of = printed
    story: list[Flowable] = [
        Paragraph("Placement summary", st.title),
        Paragraph(
            f"{text(p.student)} · {text(p.programme, '')} · {'First' if p.kind == 'first' else 'Final'} "
            f"placement · practice educator {text(p.educator)}",
            st.muted,
        ),
        *_counts(snap, as_of, st, width),
        Paragraph("Caseload growth", st.heading),
        caseload_chart(snap, as_of, profile, width),
        Paragraph("Cases worked", st.heading),
    ]
    rows = [
        [
            Paragraph(h, st.cell_bold)
            for h in ("Case", "Type", "Role", "Allocated", "Ended", "Ending")
        ]
    ]
    for c in snap.cases:
        rows.append(
            [
                Paragraph(f"{text(c.ref)} {text(c.initials)}", st.cell),
                Paragraph(CASE_TYPE_LABELS[c.type], st.cell),
                Paragraph(ROLE_LABELS[c.student_role], st.cell),
                Paragraph(uk(c.allocated), st.cell),
                Paragraph(uk(c.ended, "open"), st.cell),
                Paragraph(ENDING_LABELS.get(c.ending or "", "—"), st.cell),
            ]
        )
    story.append(
        grid(
            rows,
            (width * 0.17, width * 0.2, width * 0.13, width * 0.15, width * 0.13, width * 0.22),
        )
    )
    story.append(Paragraph("PCF ratings over time", st.heading))
    reviews = sorted(snap.pcf_reviews, key=lambda r: r.date)
    if reviews:
        head = [Paragraph("Domain", st.cell_bold)] + [
            Paragraph(f"{r.stage.capitalize()}<br/>{uk(r.date)}", st.cell_bold) for r in reviews
        ]
        body = [
            [Paragraph(label, st.cell)]
            + [Paragraph(RATINGS.get(r.ratings.get(d, ""), "—"), st.cell) for r in reviews]
            for d, label in PCF_DOMAINS.items()
        ]
        story.append(
            grid([head, *body], [width * 0.34] + [(width * 0.66) / len(reviews)] * len(reviews))
        )
    else:
        story.append(Paragraph("No PCF review recorded.", st.muted))
    story.append(Paragraph("Direct observations", st.heading))
    seen = [e for e in observations(snap) if e.date <= as_of]
    if seen:
        rows = [
            [Paragraph(h, st.cell_bold) for h in ("Observed", "Child", "Observer", "PCF domains")]
        ]
        for e in seen:
            when = uk(e.date) + ("<br/><i>before the midpoint</i>" if e.before_midpoint else "")
            domains = "; ".join(
                f"{text(PCF_DOMAINS[x.domain])} ({PCF_POINT_KINDS[x.point].lower()})"
                for x in e.pcf_points
            )
            rows.append(
                [
                    Paragraph(when, st.cell),
                    Paragraph(text(e.case, "—"), st.cell),
                    Paragraph(text(e.observer, "—"), st.cell),
                    Paragraph(domains or "None linked yet", st.cell),
                ]
            )
        story.append(grid(rows, (width * 0.18, width * 0.14, width * 0.2, width * 0.48)))
    else:
        story.append(Paragraph("No direct observation recorded.", st.muted))
    story.append(Paragraph("Learning outcomes", st.heading))
    outcomes = required_learning_outcomes(p.kind, p.setting)
    evidenced = {x.item: x for x in snap.learning}
    if outcomes:
        lines = [
            f"{text(label)}: {uk(evidenced[k].evidenced) if k in evidenced else '<b>not evidenced</b>'}"
            for k, label in outcomes.items()
        ]
        story.append(Paragraph("<br/>".join(lines), st.body))
    else:
        story.append(Paragraph("None required for this placement's kind and setting.", st.muted))
    story.append(Paragraph("Outstanding findings", st.heading))
    findings = sorted(evaluate(snap, as_of, profile), key=in_reading_order)
    if findings:
        names = RecordNames(snap)
        rows = [
            [
                Paragraph(h, st.cell_bold)
                for h in ("Severity", "Date", "Finding", "About", "What was found")
            ]
        ]
        for f in findings:
            rows.append(
                [
                    Paragraph(f.severity.capitalize(), st.cell),
                    Paragraph(uk(f.date), st.cell),
                    Paragraph(text(ADVICE[f.rule].title), st.cell),
                    Paragraph(text(named(names, f.subject)), st.cell),
                    Paragraph(text(f.message) + f" ({text(cited(f.source))})", st.cell),
                ]
            )
        story.append(
            grid(rows, (width * 0.1, width * 0.13, width * 0.21, width * 0.2, width * 0.36))
        )
    else:
        story.append(Paragraph("None: every rule is satisfied.", st.body))
    if p.archived:
        story.append(
            Paragraph(
                f"Placement closed {uk(p.archived)}{': ' + text(p.close_reason) if p.close_reason else ''}.",
                st.body,
            )
        )
    story.append(signatures([("Practice educator", p.educator), ("Student", p.student)], st, width))
    return build(
        RecordMeta("Placement summary", p.student, profile.describe(), printed, profile.changes()),
        story,
    )

"""The placement's history on paper: when, what, which record and who, as Placement › History
showed it (filtered the same way, newest first)."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from reportlab.platypus import Flowable, Paragraph

from app.policy.history import HistoryFilter, HistoryLine
from app.policy.profile import PolicyProfile
from app.policy.snapshot import Placement
from app.reports.house import (
    Builder,
    RecordMeta,
    build_pdf,
    content_width,
    facts,
    grid,
    styles,
    text,
    uk,
)

ROWS_A_TABLE = 60  # a long history in tables of this many rows: ReportLab splits them quickly


def history_record(
    placement: Placement,
    lines: list[HistoryLine],
    chosen: HistoryFilter,
    profile: PolicyProfile,
    printed: date,
    build: Builder = build_pdf,
) -> bytes:
    st = styles()
    width = content_width()
    story: list[Flowable] = [
        Paragraph("Placement history", st.title),
        Paragraph(
            "Every change made to this placement's records in Placement Tracker: who made it and "
            "when. It cannot be edited; notes typed into the records are not repeated here.",
            st.muted,
        ),
        facts(
            [
                ("Student", text(placement.student)),
                ("Practice educator", text(placement.educator)),
                ("Placement", f"{uk(placement.start)} to {uk(placement.end)}"),
                ("Shown", text(chosen.describe())),
                ("Changes", str(len(lines))),
            ],
            st,
            width,
        ),
    ]
    if not lines:
        story.append(Paragraph("No change matches what was chosen.", st.muted))
    widths = (width * 0.15, width * 0.43, width * 0.27, width * 0.15)
    head = [Paragraph(h, st.cell_bold) for h in ("When", "What", "Record", "Who")]
    for month, in_month in groupby(lines, key=lambda x: (x.at.year, x.at.month)):
        story.append(Paragraph(date(month[0], month[1], 1).strftime("%B %Y"), st.heading))
        rows = [
            [
                Paragraph(f"{uk(x.at.date())} {x.at:%H:%M}", st.cell),
                Paragraph(text(x.what), st.cell),
                Paragraph(text(x.record), st.cell),
                Paragraph(text(x.who), st.cell),
            ]
            for x in in_month
        ]
        for start in range(0, len(rows), ROWS_A_TABLE):
            story.append(grid([head, *rows[start : start + ROWS_A_TABLE]], widths))
    return build(
        RecordMeta(
            "Placement history", placement.student, profile.describe(), printed, profile.changes()
        ),
        story,
    )

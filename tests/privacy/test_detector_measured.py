"""The privacy guard measured on 200+ labelled notes: each kind found in at least 95 % of
the notes that hold it, no more than 5 % of clean notes flagged. The figures are printed."""

from __future__ import annotations

from app.policy.identifying import KINDS, Guard
from tests.privacy.corpus import PEOPLE, clean, with_hits

GUARD = Guard.made(people=PEOPLE)


def test_the_corpus_is_big_enough_and_covers_every_kind() -> None:
    holding, plain = with_hits(), clean()
    assert len(holding) + len(plain) >= 200 and len(plain) >= 100
    assert {kind for note in holding for kind in note.kinds()} == set(KINDS)


def test_each_kind_is_found_in_95_percent_of_the_notes_that_hold_it() -> None:
    found: dict[str, int] = dict.fromkeys(KINDS, 0)
    held: dict[str, int] = dict.fromkeys(KINDS, 0)
    missed: list[str] = []
    for note in with_hits():
        hits = GUARD.scan(note.text, note.initials)
        for kind in note.kinds():
            held[kind] += 1
            spans = [(s, e) for k, s, e in note.marked if k == kind]
            if all(
                any(h.kind == kind and h.start < e and s < h.end for h in hits) for s, e in spans
            ):
                found[kind] += 1
            else:
                missed.append(f"{kind}: {note.text}")
    print()
    for kind in KINDS:
        print(
            f"{kind:<14} found in {found[kind]:>3} of {held[kind]:>3} notes ({found[kind] / held[kind]:.0%})"
        )
    for kind in KINDS:
        assert found[kind] >= 0.95 * held[kind], (kind, missed)


def test_no_more_than_5_percent_of_clean_notes_are_flagged() -> None:
    notes = clean()
    flagged = {n.text: GUARD.scan(n.text, n.initials) for n in notes}
    flagged = {text: hits for text, hits in flagged.items() if hits}
    print(
        f"\nclean notes flagged: {len(flagged)} of {len(notes)} ({len(flagged) / len(notes):.1%})"
    )
    for text, hits in flagged.items():
        print("  ", [(h.kind, h.text) for h in hits], "in", text)
    assert len(flagged) <= 0.05 * len(notes)


def test_nothing_is_flagged_that_is_not_marked_in_the_notes_with_hits() -> None:
    """Precision on the notes that do hold something: every hit is a marked span."""
    stray = []
    for note in with_hits():
        for h in GUARD.scan(note.text, note.initials):
            if not any(s < h.end and h.start < e for _k, s, e in note.marked):
                stray.append((h.kind, h.text, note.text))
    assert len(stray) <= 3, stray

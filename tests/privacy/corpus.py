"""The labelled corpus: realistic notes (invented people only), each hit marked
``[[kind|text]]``, a note's case initials as ``{KM}`` at its start."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[([\w-]+)\|(.+?)\]\]")
# The demo placement's people: named in notes, never flagged.
PEOPLE = (
    "Robin Ashdown",
    "Pat Kendrick",
    "Jo Whitfield",
    "Lee Okafor",
    "Sam Adeyemi",
    "Leah Brennan (Family Support Team, Northfield)",
    "Duty senior",
)


@dataclass(frozen=True)
class Note:
    text: str
    initials: tuple[str, ...]
    marked: tuple[tuple[str, int, int], ...]  # kind, start, end

    def kinds(self) -> set[str]:
        return {kind for kind, _s, _e in self.marked}


def read(name: str) -> list[Note]:
    notes = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        initials: tuple[str, ...] = ()
        found = re.match(r"\{(\w+)\} ", line)
        if found:
            initials, line = (found.group(1),), line[found.end() :]
        text, marked, at = "", [], 0
        for m in MARK.finditer(line):
            text += line[at : m.start()]
            marked.append((m.group(1), len(text), len(text) + len(m.group(2))))
            text += m.group(2)
            at = m.end()
        text += line[at:]
        notes.append(Note(text, initials, tuple(marked)))
    return notes


def with_hits() -> list[Note]:
    return read("notes-with-hits.txt")


def clean() -> list[Note]:
    return read("notes-clean.txt")

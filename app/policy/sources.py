"""The documents the rules come from, by the names a practice educator knows them by.

Rules cite sources as our file numbers ("000 §16": docs/policy-rules.md, shared/seeds/);
anything a PE reads names the document instead ("GCC student allocation guidance §16").
Each title is taken from the document's own heading where it has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Source:
    number: str  # our file number, as the rules cite it
    short: str  # on screens, PDFs and `check` text, followed by the clause
    full: str  # Help › Policy sources
    issuer: str
    authority: str = ""  # the local authority whose own document it is; "" when it says not


SOURCES: Final = (
    Source(
        "000",
        "GCC student allocation guidance",
        "Guidance on allocating work to social work students (the placement supervisor stays "
        "the named worker for every child)",
        "GCC children's social care",
        "Gloucestershire",
    ),
    Source(
        "001",
        "Stockport case holding procedures for students",
        "Case Holding Procedures for Student Social Workers",
        "Stockport Children's Social Care",
        "Stockport",
    ),
    Source(
        "002",
        "Caseload policy",
        "Caseload policy: safe workloads and case allocation (after the Standards for Employers "
        "2014, standard 3)",
        "Children's social care",
    ),
    Source(
        "003",
        "Children in Need allocation policy",
        "Children in Need Allocation Policy",
        "Children's social care (Working Together procedures, 1.1.3)",
    ),
    Source(
        "004",
        "Stockport case allocation process",
        "Stockport Children's Social Care Case Allocation Process (May 2020)",
        "Stockport Children's Social Care",
        "Stockport",
    ),
)
_BY_NUMBER: Final = {s.number: s for s in SOURCES}
_CITED: Final = re.compile(r"\b(\d{3})(?= §)")


def cited(source: str) -> str:
    """A rule's source as a PE reads it: every "000 §5" becomes "<short title> §5"; anything
    else ("programme requirement") is left as written, with a capital."""
    words = _CITED.sub(
        lambda m: _BY_NUMBER[m.group(1)].short if m.group(1) in _BY_NUMBER else m.group(0),
        source,
    )
    return words[:1].upper() + words[1:]


def documents(source: str) -> tuple[str, ...]:
    """The file numbers a rule's source cites ("000 §5, 002 §2" gives 000 and 002)."""
    return tuple(dict.fromkeys(_CITED.findall(source)))


# Every authority whose own documents are among the sources, in the order first named.
AUTHORITIES: Final = tuple(dict.fromkeys(s.authority for s in SOURCES if s.authority))


def asked_by(source: str, authority: str) -> bool:
    """Whether a rule with this source applies under ``authority``'s own documents: it cites
    one of them, or a document no authority is named in (general policy), or it is the
    programme's requirement or good practice, which hold everywhere. A rule that cites only
    another authority's documents is not theirs (docs/rules.md, "Ready-made profiles")."""
    cited_here = documents(source)
    if not cited_here or "programme" in source or "good practice" in source:
        return True
    return any(_BY_NUMBER[n].authority in ("", authority) for n in cited_here if n in _BY_NUMBER)

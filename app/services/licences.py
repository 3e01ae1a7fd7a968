"""The open-source packages inside the app, with their versions, licences and licence texts:
what Help › About › Open-source licences lists, and what ``make bundle`` writes beside the
app (``open-source-licences.json`` and ``.txt``) so that a PE can see what they installed.

In a checkout the list is read from the installed packages' metadata, following the app's
own requirements; in the bundle, where that metadata is not kept, from the file written
beside it when it was built.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Final

from app.paths import RESOURCES

LIST_NAME: Final = "open-source-licences.json"
TEXT_NAME: Final = "open-source-licences.txt"
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
# Packages whose wheels carry no licence text: the text the app uses them under.
SUPPLIED: Final = {
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
}


@dataclass(frozen=True, slots=True)
class PackageLicence:
    name: str
    version: str
    licence: str
    text: str


def _key(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[(]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License")
    ]
    stated = (meta.get("License") or "").strip().splitlines()
    return ", ".join(classifiers) or (stated[0][:80] if stated else "see the licence text")


def _text(name: str, dist: metadata.Distribution) -> str:
    parts = []
    for file in dist.files or []:
        if LICENCE_FILE.search(str(file)) or "licenses/BUILD_LICENSES/" in str(file):
            try:
                body = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            parts.append(f"--- {file.name} ---\n{body}")
    for supplied in SUPPLIED.get(name, ()):
        parts.append(
            f"--- {supplied} ---\n{(RESOURCES / 'licences' / supplied).read_text(encoding='utf-8')}"
        )
    return "\n\n".join(parts) or "No licence text was shipped with this package."


def from_metadata(app: str = "placement-tracker") -> list[PackageLicence]:
    """The app's run-time packages, following its requirements (not the tools that test or
    build it), each with its licence."""
    found: dict[str, metadata.Distribution] = {}
    wanted = [r for r in metadata.distribution(app).requires or [] if "extra ==" not in r]
    while wanted:
        name = _key(wanted.pop())
        if not name or name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = dist
        wanted += [r for r in dist.requires or [] if "extra ==" not in r]
    return [
        PackageLicence(name, dist.version, _licence(dist), _text(name, dist))
        for name, dist in sorted(found.items())
    ]


def beside_the_app() -> Path:
    return Path(sys.executable).resolve().parent


def packages() -> list[PackageLicence]:
    """What Help › About lists: the file beside a bundled app, or the installed metadata."""
    written = beside_the_app() / LIST_NAME
    if getattr(sys, "frozen", False) and written.is_file():
        return [PackageLicence(**p) for p in json.loads(written.read_text(encoding="utf-8"))]
    return from_metadata()


def write_beside(folder: Path) -> list[PackageLicence]:
    """``make bundle``: the list as JSON (for the app) and as text (for a person)."""
    found = from_metadata()
    (folder / LIST_NAME).write_text(
        json.dumps([asdict(p) for p in found], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    lines = ["Open-source packages inside Placement Tracker", ""]
    lines += [f"{p.name} {p.version}: {p.licence}" for p in found]
    (folder / TEXT_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return found

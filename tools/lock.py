"""The lock file: every dependency (runtime, dev, bundle) at an exact version with its
hashes, for Linux, Windows and macOS on Python 3.12 and 3.13 (docs/decisions.md).

    python tools/lock.py write   # make lock: resolve again with uv, keeping what it can
    python tools/lock.py check   # make test: the lock was made from this pyproject.toml

The lock's first line records a digest of pyproject.toml's dependency tables, so the check
needs no network: a changed dependency list without a new lock fails in one line.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
MARK = "# pyproject dependencies: "
COMPILE = [
    "pip", "compile", "pyproject.toml", "--extra", "dev", "--extra", "bundle",
    "--universal", "--python-version", "3.12", "--generate-hashes", "--no-header",
    "--quiet", "-o",
]  # fmt: skip


def digest() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
    }
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()[:16]


def write() -> None:
    uv = Path(sys.executable).with_name("uv")
    subprocess.run([str(uv), *COMPILE, str(LOCK)], cwd=ROOT, check=True)
    body = [
        line for line in LOCK.read_text(encoding="utf-8").splitlines() if not line.startswith(MARK)
    ]
    header = [
        f"{MARK}{digest()}",
        "# Made by `make lock` (uv pip compile, universal, hashes): install with `make install`.",
    ]
    LOCK.write_text(
        "\n".join([*header, *[b for b in body if not b.startswith("# Made by")]]) + "\n",
        encoding="utf-8",
    )
    print(f"Wrote {LOCK.name}")


def check() -> int:
    first = LOCK.read_text(encoding="utf-8").splitlines()[0] if LOCK.exists() else ""
    if first != f"{MARK}{digest()}":
        print("requirements.lock does not match pyproject.toml's dependencies: run `make lock`.")
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["write"]:
        write()
    elif sys.argv[1:] == ["check"]:
        raise SystemExit(check())
    else:
        raise SystemExit("usage: python tools/lock.py write|check")

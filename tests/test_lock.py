"""requirements.lock: every dependency pinned with its hashes, for every platform, and made
from this pyproject.toml; a changed dependency list without a new lock fails in one line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import tools.lock as lock

ROOT = Path(__file__).resolve().parents[1]


def test_every_dependency_is_pinned_with_hashes_for_every_platform() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = re.findall(r"^([a-z0-9._-]+)==([^\s;\\]+)", text, re.M)
    names = {name for name, _v in pins}
    assert {"pyside6-essentials", "sqlalchemy", "reportlab", "phonenumberslite", "python-docx",
            "pytest", "pyinstaller", "uv"} <= names  # fmt: skip
    blocks = re.split(r"\n(?=[a-z0-9._-]+==)", text.split("\n", 2)[2])
    assert all("--hash=sha256:" in block for block in blocks), "a package without a hash"
    assert "sys_platform == 'win32'" in text and "sys_platform == 'darwin'" in text
    pyside = re.search(r"^pyside6-essentials==.*?(?=^\S)", text, re.M | re.S)
    assert pyside is not None and pyside.group().count("--hash") >= 3  # a wheel per platform


def test_the_lock_was_made_from_this_pyproject() -> None:
    assert lock.check() == 0


def test_a_changed_dependency_list_without_a_new_lock_fails_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(ROOT / "requirements.lock", tmp_path / "requirements.lock")
    changed = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changed = changed.replace('"holidays>=0.50",', '"holidays>=0.50",\n    "requests>=2",')
    (tmp_path / "pyproject.toml").write_text(changed, encoding="utf-8")
    monkeypatch.setattr(lock, "ROOT", tmp_path)
    monkeypatch.setattr(lock, "LOCK", tmp_path / "requirements.lock")
    assert lock.check() == 1
    said = capsys.readouterr().out.strip().splitlines()
    assert said == [
        "requirements.lock does not match pyproject.toml's dependencies: run `make lock`."
    ]

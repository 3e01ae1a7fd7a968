"""Encryption at rest: a lost laptop gives nothing away, and the PE's passphrase opens everything.

Real SQLCipher files throughout (sqlcipher3), driven through the commands a PE would run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.db import Database, PassphraseNeeded, WrongPassphrase
from app.db.storage import is_encrypted, list_backups, make_backup
from app.services.demo import EDUCATOR, STUDENT, load_demo
from app.services.history import HistoryService
from app.services.safekeeping import verify_database
from app.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
QUOTES = "a\"b'c;--é"  # quotes of both kinds, an SQL comment and a non-ASCII letter
TYPED = ("D-1042", "Settled family, clear plan", STUDENT, EDUCATOR)


def cli(*args: str, passphrase: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    environment.pop("PLACEMENT_TRACKER_PASSPHRASE", None)
    if passphrase is not None:
        environment["PLACEMENT_TRACKER_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "placements.sqlite"
    db = Database(path)
    load_demo(db, AS_OF)
    db.close()
    make_backup(path, "daily")
    return path


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_encrypt_use_change_passphrase_decrypt(plain: Path, tmp_path: Path) -> None:
    done = cli("encrypt", "--db", str(plain), passphrase=QUOTES)
    assert done.returncode == 0, done.stderr
    assert "re-made encrypted" in done.stderr and "passphrase safe" in done.stderr
    assert is_encrypted(plain) and all(is_encrypted(b.path) for b in list_backups(plain))

    ws = Workspace.open(plain, AS_OF, key=QUOTES)  # use it: a second placement
    load_demo(ws.db, AS_OF)
    assert ws.encrypted and len(ws.placements.list_placements()) == 2
    ws.close()

    new = tmp_path / "new-passphrase.txt"
    new.write_text("correct horse battery\n", encoding="utf-8")
    changed = cli(
        "change-passphrase",
        "--db",
        str(plain),
        "--new-passphrase-file",
        str(new),
        passphrase=QUOTES,
    )
    assert changed.returncode == 0, changed.stderr
    with pytest.raises(WrongPassphrase):
        Database(plain, key=QUOTES)
    for backup in list_backups(plain):  # the backups follow the new passphrase too
        assert verify_database(backup.path, "correct horse battery") == []

    undone = cli("decrypt", "--db", str(plain), "--passphrase-file", str(new))
    assert undone.returncode == 0, undone.stderr
    assert not is_encrypted(plain)
    db = Database(plain)
    assert db.placement_count() == 2
    said = [x.what for x in HistoryService(db).lines(2) if x.kind == "database"]
    assert said == [  # in every placement's history, the demo's (made after) included
        "Encrypted the database",
        "Changed the database's passphrase",
        "Removed the database's encryption",
    ]
    db.close()


def test_missing_and_wrong_passphrases_get_one_line_and_exit_2(plain: Path, tmp_path: Path) -> None:
    assert cli("encrypt", "--db", str(plain), passphrase="right passphrase").returncode == 0
    for passphrase in (None, "wrong passphrase"):
        for args in (("verify",), ("export", "-o", str(tmp_path / "x.json")), ("import", "x")):
            result = cli(*args, "--db", str(plain), passphrase=passphrase)
            assert result.returncode == 2, (args, result.stderr)
            assert result.stderr.count("\n") == 1, result.stderr  # no SQLCipher noise
            assert "PLACEMENT_TRACKER_PASSPHRASE" in result.stderr
            assert "--passphrase-file" in result.stderr and "terminal" in result.stderr
            assert "ERROR CORE" not in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(PassphraseNeeded):
        Database(plain)
    assert not (tmp_path / "x.json").exists()


def test_the_quote_passphrase_opens_in_a_plain_sqlcipher_connection(plain: Path) -> None:
    """A standard SQLCipher 4 file keyed with the passphrase itself (as DB Browser opens it)."""
    import sqlcipher3

    assert cli("encrypt", "--db", str(plain), passphrase=QUOTES).returncode == 0
    connection = sqlcipher3.connect(str(plain))
    connection.execute("PRAGMA key = '" + QUOTES.replace("'", "''") + "'")
    assert connection.execute("SELECT student FROM placement").fetchone() == (STUDENT,)
    assert connection.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    connection.close()
    assert cli("verify", "--db", str(plain), passphrase=QUOTES).returncode == 0


def test_no_plaintext_anywhere_in_the_folder_after_encrypting(plain: Path) -> None:
    before = folder_bytes(plain.parent)
    assert any(TYPED[0].encode() in data for data in before.values())  # the search can succeed
    assert cli("encrypt", "--db", str(plain), passphrase=QUOTES).returncode == 0
    ws = Workspace.open(plain, AS_OF, key=QUOTES)
    load_demo(ws.db, AS_OF)  # more records, through the WAL, and a backup on close
    ws.close()
    after = folder_bytes(plain.parent)
    assert len(after) >= 3
    for name, data in after.items():
        for text in TYPED:
            assert text.encode() not in data, f"{text!r} readable in {name}"
            assert QUOTES.encode() not in data, f"the passphrase is in {name}"


def test_backup_and_restore_of_an_encrypted_database(plain: Path, tmp_path: Path) -> None:
    assert cli("encrypt", "--db", str(plain), passphrase=QUOTES).returncode == 0
    copy = tmp_path / "copy.sqlite"
    made = cli("backup", "--db", str(plain), "-o", str(copy), passphrase=QUOTES)
    assert made.returncode == 0, made.stderr
    assert is_encrypted(copy) and verify_database(copy, QUOTES) == []
    ws = Workspace.open(plain, AS_OF, key=QUOTES)
    load_demo(ws.db, AS_OF)
    ws.close()
    back = cli("restore", str(copy), "--db", str(plain), "--force", passphrase=QUOTES)
    assert back.returncode == 0, back.stderr
    db = Database(plain, key=QUOTES)
    assert db.placement_count() == 1
    db.close()
    replaced = [b for b in list_backups(plain) if b.reason == "before-restore"]
    assert replaced and is_encrypted(replaced[0].path)


def test_a_locked_workspace_cannot_reach_the_file_until_the_passphrase(plain: Path) -> None:
    from app.services.workspace import DatabaseError

    assert cli("encrypt", "--db", str(plain), passphrase=QUOTES).returncode == 0
    ws = Workspace.open(plain, AS_OF, key=QUOTES)
    ws.lock_records()
    with pytest.raises(DatabaseError, match="locked"):
        ws.placements.list_placements()  # the key is gone: no new connection can open it
    with pytest.raises(WrongPassphrase):
        ws.unlock("guess")
    assert ws.locked
    ws.unlock(QUOTES)
    assert [p.id for p in ws.placements.list_placements()] == [1]
    ws.close()

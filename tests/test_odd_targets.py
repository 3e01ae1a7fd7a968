"""Saving never replaces what is not a regular file (a pipe, a device, a socket, a folder),
and a failed write leaves an older file as it was, with no temporary file behind."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.db import Database
from app.services import placement_files
from app.services.demo import load_demo
from app.services.placement_files import ExportProblem, write_atomically_bytes

ROOT = Path(__file__).resolve().parents[1]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )  # fmt: skip


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "p.sqlite"
    db = Database(path)
    load_demo(db, date(2026, 11, 23))
    db.close()
    return path


@needs_fifo
def test_pdf_export_ics_and_backup_refuse_a_pipe_and_leave_it_a_pipe(
    tmp_path: Path, demo_db: Path
) -> None:
    pipe = tmp_path / "target"
    os.mkfifo(pipe)
    for args in (
        ("pdf", "induction", "--db", str(demo_db), "-o", str(pipe)),
        ("export", "--db", str(demo_db), "-o", str(pipe)),
        ("backup", "--db", str(demo_db), "-o", str(pipe)),
    ):
        result = cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert "not a regular file" in line, line
        assert pipe.exists() and not pipe.is_file()  # still the pipe
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite", "target"]


def test_a_socket_or_a_folder_is_refused_too(tmp_path: Path) -> None:
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(ExportProblem, match="is a folder"):
        write_atomically_bytes(folder, b"%PDF")
    if hasattr(socket, "AF_UNIX"):
        sock_path = tmp_path / "s.sock"
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(sock_path))
            with pytest.raises(ExportProblem, match="not a regular file"):
                write_atomically_bytes(sock_path, b"%PDF")
        finally:
            server.close()


def test_a_full_disk_leaves_the_older_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "record.pdf"
    target.write_bytes(b"the older record")

    def disk_full(_src: object, _dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(placement_files.os, "replace", disk_full)
    with pytest.raises(ExportProblem, match="No space left"):
        write_atomically_bytes(target, b"the new record")
    assert target.read_bytes() == b"the older record"
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]

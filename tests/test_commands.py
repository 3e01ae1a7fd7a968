"""check, import and export from the command line: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.interchange.placement_file import dumps, to_document
from app.services.demo import demo_snapshot

EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PLACEMENT_TRACKER_DB", None)
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=cwd)  # fmt: skip


@pytest.mark.skipif(not EXAMPLES.exists(), reason="shared/examples is not beside this checkout")
def test_check_the_shared_example_as_json_and_text() -> None:
    expected = json.loads((EXAMPLES / "first-placement.findings.json").read_text())
    result = run(
        "check",
        str(EXAMPLES / "first-placement.json"),
        "--as-of",
        expected["as_of"],
        "--format",
        "json",
    )
    assert result.returncode == 1  # a breach
    got = json.loads(result.stdout)
    keys = ("rule", "subject", "severity", "date", "source")
    assert [{k: f[k] for k in keys} for f in got["findings"]] == [
        {k: f[k] for k in keys} for f in expected["findings"]
    ]
    text = run("check", str(EXAMPLES / "first-placement.json"), "--as-of", expected["as_of"])
    assert text.returncode == 1
    assert (
        "BREACH   visit.joint-within-6-weeks" in text.stdout
        and "1 breach, 2 warnings" in text.stdout
    )


def test_check_exit_0_when_no_breach(tmp_path: Path) -> None:
    f = tmp_path / "demo.json"
    f.write_text(dumps(demo_snapshot(date(2026, 11, 23))))
    result = run("check", str(f), "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stdout and "BREACH" not in result.stdout
    assert result.stdout.startswith("13 Nov 2026  WARNING")  # dates as the app shows them
    assert "as of 23 Nov 2026." in result.stdout and " 2026-11" not in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "file: empty file"),
        ("{oops", "file: not JSON"),
        (
            json.dumps({"format": "other/1", "placement": {}}),
            'format: expected "placement-tracker/1"',
        ),
    ],
)
def test_check_bad_file_is_exit_2_one_line(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "bad.json"
    f.write_text(content)
    result = run("check", str(f))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "missing.json")).returncode == 2
    assert "not a date" in run("check", "x.json", "--as-of", "yesterday").stderr


def test_import_prints_the_id_and_export_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    source = tmp_path / "in.json"
    source.write_text(dumps(demo_snapshot(date(2026, 11, 23))), encoding="utf-8")
    first = run("import", str(source), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (
        "Imported Robin Ashdown's first placement (14 Sep 2026 to 31 Dec 2026) from in.json "
        "as placement 1."
    )
    out = tmp_path / "out.json"
    exported = run("export", "--db", str(db), "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text()) == to_document(demo_snapshot(date(2026, 11, 23)))
    again = run("import", str(source), "--db", str(db))  # the same placement: refused, named
    assert again.returncode == 2 and again.stdout == ""
    assert (
        "Robin Ashdown's placement from 14 Sep 2026 is already in this database (placement 1)"
        in again.stderr
    )
    assert "--as-new" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert (
        run("import", str(source), "--db", str(db), "--as-new")
        .stdout.strip()
        .endswith("as placement 2.")
    )
    several = run("export", "--db", str(db), "-o", str(out))
    assert several.returncode == 2 and "--placement ID" in several.stderr
    assert run("export", "--db", str(db), "--placement", "2", "-o", str(out)).returncode == 0


def test_import_of_a_bad_file_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    doc = to_document(demo_snapshot(date(2026, 11, 23)))
    doc["cases"][1]["allocated"] = "2026-13-01"  # type: ignore[index]
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(doc))
    result = run("import", str(source), "--db", str(db))
    assert result.returncode == 2
    assert 'cases[1] (D-1057).allocated: not a date: "2026-13-01"' in result.stderr
    assert (
        run("export", "--db", str(db), "-o", str(tmp_path / "o.json")).stderr.count("no placement")
        == 1
    )


def test_check_does_not_load_qt_reportlab_or_sqlalchemy(tmp_path: Path) -> None:
    f = tmp_path / "demo.json"
    f.write_text(dumps(demo_snapshot(date(2026, 11, 23))))
    probe = (
        "import sys\nfrom app.cli import main\nmain(['check', sys.argv[1], '--as-of', '2026-11-23'])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab', 'sqlalchemy')]\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(f)], capture_output=True, text=True, timeout=60
    )
    assert "LOADED []" in result.stdout, result.stdout + result.stderr


def test_pdf_induction_from_a_file_and_from_a_database(tmp_path: Path) -> None:
    from pypdf import PdfReader

    source = tmp_path / "demo.json"
    source.write_text(dumps(demo_snapshot(date(2026, 11, 23))))
    out = tmp_path / "induction.pdf"
    result = run(
        "pdf", "induction", "-o", str(out), "--input", str(source), "--printed", "2026-11-23"
    )
    assert result.returncode == 0, result.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert "Robin Ashdown" in text and "Printed 23 Nov 2026" in text
    db = tmp_path / "p.sqlite"
    assert run("import", str(source), "--db", str(db)).returncode == 0
    from_db = tmp_path / "from-db.pdf"
    assert run("pdf", "induction", "-o", str(from_db), "--db", str(db)).returncode == 0
    assert "Robin Ashdown" in PdfReader(from_db).pages[0].extract_text()
    bad = run("pdf", "minutes", "-o", str(out), "--input", str(source))
    assert bad.returncode == 2 and "choose one of induction" in bad.stderr


@pytest.mark.parametrize(("record", "title"), [("transition", "Transition checklists"), ("summary", "Placement summary"),
                                               ("pcf", "PCF summary"), ("supervision", "Supervision record")])  # fmt: skip
def test_pdf_records_from_the_command_line(tmp_path: Path, record: str, title: str) -> None:
    from pypdf import PdfReader

    snap = demo_snapshot(date(2026, 11, 23))
    source = tmp_path / "demo.json"
    source.write_text(dumps(snap))
    out = tmp_path / f"{record}.pdf"
    extra = ["--date", snap.supervisions[-1].date.isoformat()] if record == "supervision" else []
    result = run("pdf", record, "-o", str(out), "--input", str(source), *extra)
    assert result.returncode == 0, result.stderr
    assert title in PdfReader(out).pages[0].extract_text()


def test_a_file_that_is_not_a_placement_file_says_what_it_looks_like(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    spreadsheet = tmp_path / "cases.csv"
    spreadsheet.write_text("ref,initials,type\nEH-201,KM,early-help\n", encoding="utf-8")
    database = tmp_path / "placements.sqlite"
    database.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    for source, looks in ((spreadsheet, "it looks like CSV"), (database, "looks like a database")):
        result = run("import", str(source), "--db", str(db))
        assert result.returncode == 2 and result.stdout == ""
        assert "this is not a Placement Tracker placement file" in result.stderr
        assert looks in result.stderr
    assert "use restore" in result.stderr
    bad_day = run("check", str(spreadsheet), "--as-of", "30/11/2026")
    assert bad_day.returncode == 2
    assert "write it as YYYY-MM-DD, e.g. 2026-09-14" in bad_day.stderr


def test_a_supervision_record_is_chosen_by_the_day_it_was_held(tmp_path: Path) -> None:
    from pypdf import PdfReader

    snap = demo_snapshot(date(2026, 11, 23))
    source = tmp_path / "demo.json"
    source.write_text(dumps(snap))
    out = tmp_path / "s.pdf"
    unnamed = run("pdf", "supervision", "-o", str(out), "--input", str(source))
    assert unnamed.returncode == 2 and "Name the session with --date" in unnamed.stderr
    days = [s.date.isoformat() for s in snap.supervisions]
    assert all(day in unnamed.stderr for day in days)
    assert not any(s.id in unnamed.stderr for s in snap.supervisions if s.id not in days)
    wrong = run(
        "pdf", "supervision", "-o", str(out), "--input", str(source), "--date", "2026-09-12"
    )
    assert wrong.returncode == 2 and "no supervision session on 12 Sep 2026" in wrong.stderr
    assert not out.exists()
    chosen = snap.supervisions[1]
    held = run(
        "pdf",
        "supervision",
        "-o",
        str(out),
        "--input",
        str(source),
        "--date",
        chosen.date.isoformat(),
    )
    assert held.returncode == 0, held.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert chosen.date.strftime("%-d %b %Y") in text
    misplaced = run("pdf", "pcf", "-o", str(out), "--input", str(source), "--date", "2026-09-12")
    assert misplaced.returncode == 2 and "--date chooses a supervision session" in misplaced.stderr


def test_a_coordinator_checks_several_files_together(tmp_path: Path) -> None:
    """One line a placement, then the findings; the two placements of one educator each
    get educator.one-student; a bad file is reported in its place (exit 2)."""
    doc = to_document(demo_snapshot(date(2026, 11, 23)))
    first, second, bad = tmp_path / "robin.json", tmp_path / "sam.json", tmp_path / "bad.json"
    first.write_text(json.dumps(doc))
    doc["placement"]["student"] = "Sam Second"  # type: ignore[index]
    second.write_text(json.dumps(doc))
    bad.write_text("ref,initials\nEH-1,KM\n")
    text = run("check", str(first), str(second), "--as-of", "2026-11-23")
    assert text.returncode == 0, text.stderr  # warnings only, and every file read
    lines = text.stdout.splitlines()
    assert lines[0].startswith(
        "robin.json  Robin Ashdown  Pat Kendrick  14 Sep 2026 to 31 Dec 2026"
    )
    assert lines[1].startswith("sam.json    Sam Second")
    assert "WARNING educator.one-student" in lines[0] and "== sam.json ==" in text.stdout
    batch = run(
        "check", str(first), str(bad), str(second), "--as-of", "2026-11-23", "--format", "json"
    )
    assert batch.returncode == 2
    document = json.loads(batch.stdout)
    assert document["format"] == "placement-tracker-findings-batch/1"
    assert [f["file"] for f in document["files"]] == [str(first), str(bad), str(second)]
    assert "looks like CSV" in document["files"][1]["error"]
    rules = {f["rule"] for f in document["files"][2]["findings"]}
    assert "educator.one-student" in rules
    alone = run("check", str(first), "--as-of", "2026-11-23", "--format", "json")
    assert json.loads(alone.stdout)["format"] == "placement-tracker-findings/1"  # one file: as ever
    assert "educator.one-student" not in alone.stdout


def test_docx_mirrors_pdf_from_the_command_line(tmp_path: Path) -> None:
    import docx

    snap = demo_snapshot(date(2026, 11, 23))
    source = tmp_path / "demo.json"
    source.write_text(dumps(snap))
    out = tmp_path / "supervision.docx"
    day = snap.supervisions[-1].date.isoformat()
    result = run("docx", "supervision", "--input", str(source), "--date", day, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert docx.Document(str(out)).paragraphs[0].text == "Supervision record"
    listed = run("docx", "supervision", "--input", str(source), "-o", str(out))
    assert listed.returncode == 2 and day in listed.stderr

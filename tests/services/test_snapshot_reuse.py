"""A placement's records are read once and kept until a change: what the PE sees is never stale.

The window reads the whole placement after every edit; a two-year one takes a fifth of a
second, so the parts are kept with the state of their tables (services/snapshot.py). These
tests are the PE's view of that: a saved change shows at once, an abandoned one never does.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest

from app.db import Database
from app.models import EventRecord
from app.policy.snapshot import Case, ChecklistEntry, Event
from app.services.cases import CaseService
from app.services.induction import InductionService
from app.services.placements import PlacementService
from app.services.records_of_work import RecordsService
from app.services.snapshot import load_snapshot
from tests.conftest import sam_placement

OPENS = date(2026, 1, 19)


@pytest.fixture
def pid(db: Database) -> int:
    pid = PlacementService(db).create(sam_placement())
    CaseService(db).allocate(
        pid, Case("D-1", "cin", "lead", OPENS, True, initials="AB", rationale="Fits."), OPENS
    )
    return pid


def events(db: Database, pid: int) -> list[str]:
    return [e.kind for e in PlacementService(db).snapshot(pid).events]


def test_a_saved_event_shows_on_the_next_read(db: Database, pid: int) -> None:
    assert events(db, pid) == []
    RecordsService(db).save_event(pid, Event("", "joint-visit", OPENS, case="D-1", with_="Pat"))
    assert events(db, pid) == ["joint-visit"]
    RecordsService(db).save_event(
        pid, Event("", "direct-observation", OPENS, case="D-1", observer="Pat")
    )
    assert events(db, pid) == ["joint-visit", "direct-observation"]


def test_a_change_elsewhere_keeps_the_events_and_shows_itself(db: Database, pid: int) -> None:
    RecordsService(db).save_event(pid, Event("", "joint-visit", OPENS, case="D-1", with_="Pat"))
    first = PlacementService(db).snapshot(pid)
    InductionService(db).set_link_worker(pid, "Robin Link")
    second = PlacementService(db).snapshot(pid)
    assert second.placement.link_worker == "Robin Link"
    assert first.placement.link_worker is None
    assert second.events == first.events  # read once, still right


def test_an_abandoned_change_is_never_seen(db: Database, pid: int) -> None:
    """A change read inside its own transaction and then rolled back (a refused save, a crash
    mid-action) must not linger in what the next read returns."""
    before = events(db, pid)
    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        session.add(EventRecord(placement_id=pid, key="e-x", kind="home-visit", date=OPENS))
        inside = load_snapshot(session, pid)
        assert [e.id for e in inside.events] == ["e-x"]  # the action sees its own change
        raise RuntimeError("refused")
    assert events(db, pid) == before == []


def test_a_read_racing_a_save_is_read_again(db: Database, pid: int) -> None:
    """A read in a worker thread while the window saves: whatever the worker kept, the read
    after the save has the new event."""
    started, go_on = threading.Event(), threading.Event()

    def slow_reader() -> None:
        with db.unit_of_work() as session:
            started.set()
            go_on.wait(5)
            load_snapshot(session, pid)  # begins before the save commits

    worker = threading.Thread(target=slow_reader)
    with db.unit_of_work() as session:
        session.add(EventRecord(placement_id=pid, key="e-y", kind="home-visit", date=OPENS))
        session.flush()
        worker.start()
        started.wait(5)
        go_on.set()
        worker.join(5)
    assert events(db, pid) == ["home-visit"]


def test_each_read_gets_its_own_lists(db: Database, pid: int) -> None:
    RecordsService(db).save_event(pid, Event("", "joint-visit", OPENS, case="D-1", with_="Pat"))
    mine = PlacementService(db).snapshot(pid)
    mine.events.clear()
    mine.cases.clear()
    again = PlacementService(db).snapshot(pid)
    assert len(again.events) == 1 and len(again.cases) == 1


def test_every_table_of_a_placement_belongs_to_a_part_that_is_read_again() -> None:
    """A new table left out of PARTS would be kept stale forever: its edits would not show."""
    from app.models import Base
    from app.services.snapshot import PARTS

    covered = {t for tables, _read in PARTS.values() for t in tables}
    assert covered == {t.name for t in Base.metadata.sorted_tables} - {"audit_log", "draft"}


def test_recording_an_induction_item_reads_the_induction_again_not_the_events(
    db: Database, pid: int
) -> None:
    RecordsService(db).save_event(pid, Event("", "joint-visit", OPENS, case="D-1", with_="Pat"))
    first = PlacementService(db).snapshot(pid)
    InductionService(db).record(pid, "lone-working", ChecklistEntry(OPENS, "Pat"))
    second = PlacementService(db).snapshot(pid)
    assert second.induction["lone-working"].by == "Pat" and "lone-working" not in first.induction
    assert second.events[0] is first.events[0]  # the same row, not read again


def read_afresh(db: Database, pid: int) -> list[Event]:
    from app.services.snapshot import _events

    with db.unit_of_work() as session:
        return _events(session, pid)


def test_recording_visits_changes_the_kept_events_without_reading_them_all(
    db: Database, pid: int
) -> None:
    records = RecordsService(db)
    first = records.save_event(pid, Event("", "joint-visit", OPENS, case="D-1", with_="Pat"))
    before = PlacementService(db).snapshot(pid).events
    second = records.save_event(
        pid, Event("", "home-visit", OPENS, case="D-1", after_hours=False, checked_in=False)
    )
    after_add = PlacementService(db).snapshot(pid).events
    assert after_add[0] is before[0]  # amended, not read again
    records.save_event(
        pid, Event(first, "joint-visit", OPENS, case="D-1", with_="Sam"), replacing=first
    )
    records.delete_event(pid, second)
    shown = PlacementService(db).snapshot(pid).events
    assert shown == read_afresh(db, pid)  # exactly what a fresh read gives
    assert [(e.id, e.with_) for e in shown] == [(first, "Sam")]


def test_a_kept_list_is_not_amended_past_someone_elses_write(db: Database, pid: int) -> None:
    from app.services.snapshot import amend_events

    PlacementService(db).snapshot(pid)  # kept
    with db.unit_of_work() as session:  # another action adds a visit behind the list's back
        session.add(EventRecord(placement_id=pid, key="e-z", kind="home-visit", date=OPENS))
    with db.unit_of_work() as session:  # then this one adds its own, and amends the list
        session.add(EventRecord(placement_id=pid, key="e-y", kind="joint-visit", date=OPENS))
    mine = Event("e-y", "joint-visit", OPENS)
    amend_events(db, pid, lambda events: [*events, mine])
    assert [e.id for e in PlacementService(db).snapshot(pid).events] == ["e-z", "e-y"]

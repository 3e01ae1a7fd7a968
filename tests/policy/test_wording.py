"""Counts read naturally on every page, PDF and command: one helper says them."""

from __future__ import annotations

from app.policy.wording import counted, plural


def test_counts_are_singular_for_one_and_plural_otherwise() -> None:
    assert counted(1, "breach") == "1 breach"
    assert counted(0, "breach") == "0 breaches"
    assert counted(2, "warning") == "2 warnings"
    assert counted(1, "session") == "1 session"
    assert counted(3, "working day") == "3 working days"
    assert counted(2, "required item") == "2 required items"
    assert plural("box") == "boxes"
    assert counted(2, "child", "children") == "2 children"

"""Every control can be reached from the keyboard and is named for a screen reader.

Walks every page and every dialog with the demo placement. A control that takes focus must
have a name assistive technology reads out (its own text, a label that points to it, or an
accessible name), and Tab must go through a form from top to bottom.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QDialog, QScrollArea, QWidget

from app.views.main_window import MainWindow
from tests.views.conftest import drive_modal, modal_dialogs, window_dialogs


def controls(top: QWidget) -> Iterator[QWidget]:
    """What Tab can reach in ``top``, as it stands on screen."""
    for widget in top.findChildren(QWidget):
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(top)
            and widget.isEnabled()
            and not isinstance(widget.parent(), QAbstractSpinBox)  # the box itself is the stop
        ):
            yield widget


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` (Qt's accessibility interface)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def unnamed(top: QWidget, where: str) -> list[str]:
    return [
        f"{where}: {type(w).__name__} {w.objectName() or ''}".rstrip()
        for w in controls(top)
        if not spoken_name(w)
    ]


def position(dialog: QWidget, widget: QWidget) -> tuple[int, int]:
    """Where ``widget`` is, top to bottom, in ``dialog``. Inside a scrolled part it counts as
    at the part's top, then by its place within the part: the buttons below a long form
    come after all of it, however far the form scrolls."""
    area = widget.parent()
    while area is not None and area is not dialog:
        if isinstance(area, QScrollArea) and area.widget() is not None:
            top = area.mapTo(dialog, area.rect().topLeft()).y()
            return top, widget.mapTo(area.widget(), widget.rect().topLeft()).y()
        area = area.parent()
    return widget.mapTo(dialog, widget.rect().topLeft()).y(), 0


def out_of_order(dialog: QWidget, where: str) -> list[str]:
    """Tab from the first control round to it again: no stop is above the one before (a row
    of fields or buttons is read left to right; 6 pixels allow for a row's baseline)."""
    stops = list(controls(dialog))
    if len(stops) < 2:
        return []
    first = min(stops, key=lambda w: position(dialog, w))
    problems, widget, last = [], first, (-1, -1)
    for _ in range(len(dialog.findChildren(QWidget)) + 1):
        if widget in stops:
            here = position(dialog, widget)
            if here[0] < last[0] - 6 or (here[0] == last[0] and here[1] < last[1] - 6):
                problems.append(
                    f"{where}: Tab goes up to {type(widget).__name__} {spoken_name(widget)!r}"
                )
            last = max(last, here)
        widget = widget.nextInFocusChain()
        if widget is first:
            break
    return problems


def test_every_page_names_its_controls(demo_window: MainWindow) -> None:
    problems = []
    for row, title in enumerate(demo_window.page_titles()):
        demo_window.show_page(row)
        problems += unnamed(demo_window, title)
    assert problems == [], "\n".join(problems)


def test_every_dialog_names_its_controls_and_tabs_top_to_bottom(demo_window: MainWindow) -> None:
    problems: list[str] = []
    for where, trigger in modal_dialogs(demo_window).items():

        def check(dialog: QWidget, where: str = where) -> None:
            assert isinstance(dialog, QDialog), f"{where}: no dialog opened"
            problems.extend(unnamed(dialog, where))
            problems.extend(out_of_order(dialog, where))

        drive_modal(trigger, check)
    for where, open_it in window_dialogs(demo_window).items():
        dialog = open_it()
        problems += unnamed(dialog, where)
        dialog.close()
    assert problems == [], "\n".join(problems)

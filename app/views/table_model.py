"""A read-only Qt table model over a list of rows (after Qt's address-book example).

Subclasses say what a cell shows with ``cell()``; the model handles counts, headers,
resets, and a UserRole sort key so a QSortFilterProxyModel sorts dates and numbers right.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


def _sortable(value: Any) -> tuple[int, float, str]:
    """Numbers before text, and blanks last, whatever the column holds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, str(value)) if value not in (None, "") else (2, 0.0, "")


class RowsModel[Row](QAbstractTableModel):
    columns: Sequence[str] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._order is not None:
            self._sort_rows(*self._order)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python, one key per row: Qt's own sort would call ``data()`` from C++ for
        every comparison, seconds for the thousands of rows of a long placement."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        role = Qt.ItemDataRole.UserRole
        self.rows.sort(
            key=lambda row: _sortable(self.cell(row, column, role)),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (DisplayRole text, UserRole sort key, …)."""
        raise NotImplementedError


class RowsFilter(QSortFilterProxyModel):
    """Filters rows; sorting is handed to the RowsModel underneath (see RowsModel.sort)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if column >= 0 and source is not None:
            source.sort(column, order)

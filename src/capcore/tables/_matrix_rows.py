"""The cells of one matrix row: merges resolved, sorted by column, and who they belong to."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from capcore.model import Activity, Measure
from capcore.tables._header import TableHeader, grid_cells
from capcore.tables.source import SourceCell, SourceRow
from capcore.tables.synonyms import MatrixColumn

__all__ = ["MEASURE_LEVEL", "Row", "Slot", "by_role", "slots_of"]

_C = MatrixColumn
MEASURE_LEVEL = frozenset(
    {_C.MEASURE_NUMBER, _C.CAF_REFS, _C.STRATEGIC_REF, _C.QUICK_WIN_REF, _C.KIND, _C.BUDGET}
)
"""The columns whose values belong to the measure, whatever row they are in."""


@attrs.frozen
class Slot:
    """A cell of a row at its grid column, with the cell whose text counts for it."""

    column: int
    cell: SourceCell
    origin: SourceCell
    merged: bool

    @property
    def text(self) -> str:
        """The cell's text; for a date cell that shows none, its date as plans write it."""
        text, day = self.origin.text.strip(), self.origin.date
        return text or ("" if day is None else f"{day.day}.{day.month}.{day.year}")

    @property
    def own_text(self) -> str:
        """The text, unless the cell only continues a merge from above."""
        return "" if self.merged else self.text


def slots_of(row: SourceRow, origins: dict[int, SourceCell]) -> list[Slot]:
    """Return the row's cells, each continuation resolved to the cell it continues."""
    slots: list[Slot] = []
    for column, cell in grid_cells(row):
        origin = origins.get(column) if cell.continues_above else None
        if origin is None:
            origins[column] = cell
            for covered in range(column + 1, column + cell.span):
                origins.pop(covered, None)
            slots.append(Slot(column, cell, cell, merged=False))
        else:
            slots.append(Slot(column, cell, origin, merged=True))
    return slots


@attrs.frozen
class Row:
    """The entities a data row belongs to, and whether the row started them."""

    measure: Measure | None
    activity: Activity | None
    fresh_measure: bool
    fresh_activity: bool
    title_columns: frozenset[MatrixColumn]
    """The columns that made the entities (not values to place)."""

    @property
    def target(self) -> Activity | Measure | None:
        """What the row's activity-level cells belong to: its activity, else its measure."""
        return self.activity or self.measure

    def owner(self, column: MatrixColumn) -> tuple[Activity | Measure | None, bool]:
        """Return the entity a column's value belongs to and whether this row started it."""
        if column in MEASURE_LEVEL:
            return self.measure, self.fresh_measure
        fresh = self.fresh_activity or (self.fresh_measure and self.activity is None)
        return self.target, fresh


def by_role(
    header: TableHeader, slots: Sequence[Slot]
) -> tuple[dict[MatrixColumn, Slot], list[Slot]]:
    """Return the row's cells by the column they are in, and the filled cells of no column."""
    values: dict[MatrixColumn, Slot] = {}
    unknown: list[Slot] = []
    for slot in slots:
        role = header.role_at(slot.column) if slot.column < header.width else None
        if role is not None:
            values[role] = slot
        elif slot.own_text:
            unknown.append(slot)
    return values, unknown

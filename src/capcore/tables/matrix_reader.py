"""The matrix shape: one table, a row per activity (the Lovech plan).

:func:`read_matrix` finds the plan table's header anywhere (below title rows
or after title paragraphs), reads the title, approval block and period from
what stands above it, then reads the rows:

- an **area row** holds a single value: one cell spanning most of the table,
  or one cell starting with an area word (``Област 1: ...``);
- a **measure cell** with text starts a measure (its number split from the
  title: ``1.1. Текст``, ``3.1.1.Сформиране``); a blank one, or one merged
  down from above, continues the measure above;
- an **activity cell** with text starts an activity of that measure; a row
  with a new measure and no activity gives its dates, target and
  responsible to the measure itself;
- a cell merged down over several activities gives its value to each;
- a row whose title cells are blank or merged continues the entity above:
  its cells fill that entity's empty fields;
- a table with a measure column but no activity column, or an activity
  column but no measure column, lists measures.

Every cell that cannot be placed (an unknown column, a value where the
field is already filled, text that is not a CAF reference) is kept in the
nearest entity's ``extra`` under its location and reported as an import
note. Paragraphs after the table are kept in the plan's ``extra``; a later
table with the same header (or the same width and none) continues the plan
table, and an area heading paragraph between tables starts an area.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from capcore.builder import AreaBuilder, MeasureBuilder, PlanBuilder
from capcore.errors import PlanFormatError
from capcore.model import Activity, Layout, Measure, Plan
from capcore.tables._header import (
    TableHeader,
    expected_headers,
    find_header,
    grid_cells,
    is_column_numbers,
    is_header,
    is_subheader,
)
from capcore.tables._keeper import Keeper
from capcore.tables._matrix_rows import MEASURE_LEVEL, Row, Slot, by_role, slots_of
from capcore.tables._matrix_values import CellPlacer
from capcore.tables._numbering import split_area_heading, split_number
from capcore.tables._plan_start import begin_plan
from capcore.tables.source import SourceBlock, SourceCell, SourceParagraph, SourceRow, SourceTable
from capcore.tables.synonyms import MatrixColumn

__all__ = ["read_matrix"]

_C = MatrixColumn
_PROGRESS_COLUMNS = frozenset({_C.STATUS, _C.PERCENT})


def read_matrix(
    blocks: Iterable[SourceBlock],
    *,
    source: str,
    locale: str | None = None,
    as_of: dt.date | None = None,
    plan_id: str | None = None,
) -> Plan:
    """Read a plan written as one table with a row per activity (the matrix shape).

    Args:
        blocks: The document's paragraphs and tables in order (an Excel sheet
            is one table, title rows included).
        source: The file name, for error messages.
        locale: ``"bg"`` or ``"en"``: how deadlines and budgets are read and
            the plan's language; by default the language of the headers.
        as_of: The date that status and percent columns speak for; without
            it they are kept in ``extra`` and reported, not guessed.
        plan_id: The plan's id; by default derived from its title,
            organisation and period.

    Returns:
        The plan, with :attr:`~capcore.Plan.import_notes` and
        :attr:`~capcore.Plan.source_locations` filled.

    Raises:
        PlanFormatError: No table has a header naming a measure or activity
            column and one more known column; the message lists the headers
            looked for.
        UnknownLocaleError: ``locale`` is neither ``"bg"`` nor ``"en"``.
    """
    blocks = tuple(blocks)
    found = _plan_table(blocks)
    if found is None:
        tables = [block for block in blocks if isinstance(block, SourceTable)]
        raise PlanFormatError(
            source,
            tables[0].location if tables else "",
            "no plan table found: expected a header row naming a measure or activity column "
            f"and at least one more of: {expected_headers()}",
        )
    at, table, header = found
    keeper = Keeper()
    above = SourceTable(table.rows[: header.first_row], table.location)
    chosen_locale = locale or header.locale
    builder = begin_plan(
        (*blocks[:at], above),
        keeper,
        where=table.location,
        layout=Layout.MATRIX,
        locale=chosen_locale,
        plan_id=plan_id,
    )
    body = _Body(builder, keeper, chosen_locale, as_of)
    body.keep_unknown_headers(header)
    body.read(header, table.rows[header.body_start :])
    for block in blocks[at + 1 :]:
        body.read_after(block, header)
    return keeper.finish(builder.build())


def _plan_table(blocks: Sequence[SourceBlock]) -> tuple[int, SourceTable, TableHeader] | None:
    for index, block in enumerate(blocks):
        if isinstance(block, SourceTable) and (header := find_header(block.rows)) is not None:
            return index, block, header
    return None


class _Body:
    """Reads the data rows of a plan table into the plan being built."""

    def __init__(
        self, builder: PlanBuilder, keeper: Keeper, locale: str, as_of: dt.date | None
    ) -> None:
        self._builder = builder
        self._keeper = keeper
        self._area: AreaBuilder | None = None
        self._area_text = ""
        self._measure: MeasureBuilder | None = None
        self._activity: Activity | None = None
        self._placer = CellPlacer(keeper, builder.plan, locale, as_of)

    @property
    def _plan(self) -> Plan:
        return self._builder.plan

    # --- tables and what follows them ---------------------------------------------------

    def read(self, header: TableHeader, rows: Sequence[SourceRow]) -> None:
        """Read the data rows of a table with ``header``."""
        origins: dict[int, SourceCell] = {}
        after_header = False
        for row in rows:
            slots = slots_of(row, origins)
            if not any(slot.own_text for slot in slots):
                continue
            if is_header(row) or is_column_numbers(row) or (after_header and is_subheader(row)):
                after_header = True  # a header repeated on a later page, and its parts
                continue
            after_header = False
            if not self._area_row(header, slots):
                self._data_row(header, slots)

    def read_after(self, block: SourceBlock, header: TableHeader) -> None:
        """Read a paragraph or table that follows the plan table."""
        if isinstance(block, SourceParagraph):
            heading = split_area_heading(block.text)
            if heading is not None:
                self._new_area(*heading, block.location)
            elif block.text.strip():
                self._keeper.keep(
                    self._plan, block.location, block.text, "text after the plan table"
                )
            return
        own = find_header(block.rows)
        if own is not None:
            self._keep_rows(block.rows[: own.first_row], "text above a table's header")
            self.keep_unknown_headers(own)
            self.read(own, block.rows[own.body_start :])
        elif _width(block.rows) == header.width:
            self._keeper.note(
                block.location,
                f"read as a continuation of the plan table (no header, {header.width} columns)",
            )
            self.read(header, block.rows)
        else:
            self._keep_rows(block.rows, "a table that is not part of the plan table")

    def keep_unknown_headers(self, header: TableHeader) -> None:
        """Keep the headers of columns that are not plan columns (their cells are kept too)."""
        for column in header.columns:
            if column.role is None:
                self._keeper.keep(
                    self._plan, column.location, column.text, "not a plan column header"
                )

    def _keep_rows(self, rows: Sequence[SourceRow], why: str) -> None:
        for row in rows:
            for cell in row:
                if cell.text.strip() and not cell.continues_above:
                    self._keeper.keep(self._plan, cell.location, cell.text, why)

    # --- rows ---------------------------------------------------------------------------

    def _area_row(self, header: TableHeader, slots: Sequence[Slot]) -> bool:
        filled = [slot for slot in slots if slot.text]
        if len(filled) != 1 or filled[0].merged:
            return False
        slot = filled[0]
        heading = split_area_heading(slot.text)
        spans_table = header.width > 1 and 2 * slot.cell.span > header.width
        if heading is None and not spans_table:
            return False
        self._new_area(*(heading or split_number(slot.text)), slot.cell.location)
        return True

    def _data_row(self, header: TableHeader, slots: Sequence[Slot]) -> None:
        values, unknown = by_role(header, slots)
        row = self._entities(header, values)
        self._numbers(values.get(_C.NUMBER), row)
        status: list[tuple[MatrixColumn, Slot]] = []
        for role, slot in values.items():
            if role in row.title_columns or not slot.text:
                continue
            entity, fresh = row.owner(role)
            if slot.merged and not fresh:
                continue  # the same merged value, already given to this entity
            if entity is None:
                unknown.append(slot)
            elif role in _PROGRESS_COLUMNS:
                status.append((role, slot))
            elif isinstance(entity, Measure) and role in MEASURE_LEVEL:
                self._placer.measure_value(role, slot, entity)
            else:
                self._placer.row_value(role, slot, entity)
        if status and row.target is not None:
            self._placer.update(status, row.target)
        for slot in unknown:
            self._keep_unknown(header, slot, row.target)

    def _entities(self, header: TableHeader, values: Mapping[MatrixColumn, Slot]) -> Row:
        """Start the area, measure and activity the row starts; say what its cells belong to."""
        has_both = header.has(_C.MEASURE) and header.has(_C.ACTIVITY)
        measure_column = _C.MEASURE if header.has(_C.MEASURE) else _C.ACTIVITY
        self._area_cell(values.get(_C.AREA))
        fresh_measure = self._measure_cell(values.get(measure_column), values.get(_C.ACTIVITY))
        fresh_activity = has_both and self._activity_cell(values.get(_C.ACTIVITY), fresh_measure)
        measure = self._measure.measure if self._measure is not None else None
        return Row(
            measure=measure,
            activity=self._activity,
            fresh_measure=fresh_measure,
            fresh_activity=fresh_activity,
            title_columns=frozenset(
                {_C.AREA, _C.NUMBER, measure_column, *((_C.ACTIVITY,) if has_both else ())}
            ),
        )

    # --- areas, measures, activities ------------------------------------------------------

    def _new_area(self, number: str, title: str, location: str) -> None:
        self._area = self._builder.area(title, number=number)
        self._area_text = ""
        self._keeper.locate(self._area.area.id, location)
        self._measure = None
        self._activity = None

    def _area_cell(self, slot: Slot | None) -> None:
        if slot is None or not slot.own_text or slot.text == self._area_text:
            return
        heading = split_area_heading(slot.text) or split_number(slot.text)
        self._new_area(*heading, slot.cell.location)
        self._area_text = slot.text

    def _measure_cell(self, slot: Slot | None, activity: Slot | None) -> bool:
        """Start a measure if the row has one; return True when it did."""
        if slot is not None and slot.own_text:
            self._new_measure(*split_number(slot.text), slot.cell.location)
            return True
        if self._measure is None and activity is not None and activity.own_text:
            self._new_measure("", "", activity.cell.location)
            self._keeper.note(
                activity.cell.location, "an activity before any measure: put under an untitled one"
            )
            return True
        return False

    def _new_measure(self, number: str, title: str, location: str) -> None:
        if self._area is None:
            self._area = self._builder.area()
        self._measure = self._area.measure(title, number=number)
        self._activity = None
        self._keeper.locate(self._measure.measure.id, location)

    def _activity_cell(self, slot: Slot | None, fresh_measure: bool) -> bool:
        """Start an activity if the row has one; return True when it did."""
        if self._measure is None:
            return False
        if slot is not None and slot.own_text:
            number, title = split_number(slot.text)
            self._activity = self._measure.activity(title, number=number).activity
            self._keeper.locate(self._activity.id, slot.cell.location)
            return True
        if fresh_measure:
            self._activity = None  # the measure's own row: its cells are the measure's
        return False

    # --- values ---------------------------------------------------------------------------

    def _numbers(self, slot: Slot | None, row: Row) -> None:
        """Give the number column's value to the row's new measure, else its new activity."""
        if slot is None or not slot.own_text:
            return
        number = slot.text.rstrip(".")
        candidates = [
            entity
            for entity, fresh in (
                (row.measure, row.fresh_measure),
                (row.activity, row.fresh_activity),
            )
            if fresh and entity is not None
        ] or ([row.target] if row.target is not None else [])
        for entity in candidates:
            if not entity.number:
                entity.number = number
                return
        if all(entity.number != number for entity in candidates):
            self._keep(slot, row.target, "a number that differs from the one in the title")

    def _keep_unknown(
        self, header: TableHeader, slot: Slot, target: Activity | Measure | None
    ) -> None:
        column = header.header_at(slot.column) if slot.column < header.width else None
        why = (
            f"the column {column.text.strip()!r} is not a plan column"
            if column is not None
            else "a cell in a column without a header"
        )
        self._keep(slot, target, why)

    def _keep(self, slot: Slot, entity: Activity | Measure | None, why: str) -> None:
        owner = entity or (self._area.area if self._area is not None else None) or self._plan
        self._keeper.keep(owner, slot.cell.location, slot.text, why)


def _width(rows: Sequence[SourceRow]) -> int:
    return max((column + cell.span for row in rows for column, cell in grid_cells(row)), default=0)

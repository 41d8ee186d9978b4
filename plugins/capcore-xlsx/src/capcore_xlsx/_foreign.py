"""Reading workbooks that administrations already have, through the core's table readers.

The plan sheet (the first, or the one named by the ``sheet`` option) becomes
one :class:`capcore.SourceTable`, title rows included, as
:mod:`capcore.tables.source` describes for Excel: each row's cells left to
right; a merged range one cell at its top-left with the columns it spans;
each row below the first in a merged range one empty cell marked
``continues_above`` at the range's place; a date cell its date, with its
day written ``d.m.yyyy`` as text. :func:`capcore.read_tables` then finds the
header below the title rows, matches the column names (Bulgarian or
English synonyms, any order), reads areas, measures, activities, dates and
deadlines, and reports every cell it cannot place in the import notes with
its address (``План!C14``), keeping its text.

A sheet whose rows hold one line each (the list shape) is given to the
readers as paragraphs instead, when the table reading finds no shape.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange

from capcore import (
    Plan,
    PlanFormatError,
    SourceBlock,
    SourceCell,
    SourceParagraph,
    SourceTable,
    detect_layout,
    read_tables,
    unescape_xml_text,
)
from capcore_xlsx import DEFAULT_MAX_CELLS
from capcore_xlsx._cells import read_values
from capcore_xlsx._package import cell_count, merged_ranges, sheet_parts

__all__ = ["cell_text", "read_foreign", "source_rows"]


def read_foreign(  # noqa: PLR0913 - keyword-only options of one call
    workbook: Workbook,
    data: bytes,
    source: str,
    *,
    sheet: str | None,
    as_of: dt.date | None,
    columns: int | None = None,
    max_cells: int = DEFAULT_MAX_CELLS,
) -> Plan:
    """Return the plan of the table on the first (or the named) sheet.

    Args:
        workbook: The workbook, opened read-only.
        data: The workbook's bytes (for its merged cells).
        source: The file name, for messages.
        sheet: The sheet's name; by default the first.
        as_of: The date status and percent columns speak for, if known.
        columns: Read only this many columns from A (capcore's own sheet
            without its key columns); by default all.
        max_cells: The most cells the sheet may hold.

    Raises:
        PlanFormatError: No such sheet, no plan shape on it, or more cells
            than ``max_cells``.
    """
    # Chart sheets hold no cells: the first sheet with cells is the default.
    names = [each.title for each in workbook.worksheets]
    if not names:
        raise PlanFormatError(source, "", "the workbook has no sheet with cells (only charts)")
    name = sheet if sheet is not None else names[0]
    if name not in names:
        listed = ", ".join(repr(each) for each in names)
        raise PlanFormatError(
            source, "", f"the workbook has no sheet {name!r} with cells; it has {listed}"
        )
    worksheet = workbook[name]
    if not isinstance(worksheet, ReadOnlyWorksheet):
        raise PlanFormatError(source, f"sheet {name}", "the sheet holds no cells")
    worksheet.reset_dimensions()  # read every row, whatever the stored dimension says
    part = sheet_parts(data).get(name)
    cells = cell_count(data, part) if part else 0
    if cells > max_cells:
        raise PlanFormatError(
            source,
            f"sheet {name}",
            f"the sheet holds {cells:,} cells, more than the limit of {max_cells:,} "
            "(the reader's max_cells option)",
        )
    merges = merged_ranges(data, part) if part else []
    rows = list(source_rows(read_values(worksheet), merges, name, columns))
    table = SourceTable(rows, f"sheet {name}")
    blocks: list[SourceBlock] = [table]
    if detect_layout(blocks) is None:
        blocks = list(_as_lines(rows))
    return read_tables(blocks, source=source, as_of=as_of)


def cell_text(value: object) -> tuple[str, dt.date | None]:
    """Return what a cell shows as text, and its date for a date cell."""
    if value is None:
        return "", None
    if isinstance(value, str):
        return unescape_xml_text(value), None
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return f"{day.day}.{day.month}.{day.year}", day
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), None
    return str(value), None


def source_rows(
    rows: Iterator[tuple[object, ...]],
    merges: list[CellRange],
    sheet: str,
    columns: int | None = None,
) -> Iterator[list[SourceCell]]:
    """Yield the sheet's rows as source cells, merged ranges as the table readers expect.

    Args:
        rows: The sheet's rows from the first.
        merges: Its merged ranges.
        sheet: Its name, for the cells' locations.
        columns: How many columns from A to read; by default all.
    """
    starting: dict[int, list[CellRange]] = defaultdict(list)
    for merged in merges:
        starting[merged.min_row].append(merged)
    active: list[CellRange] = []
    for number, row in enumerate(rows, start=1):
        active = [merged for merged in active if merged.max_row >= number]
        active += starting.pop(number, [])
        yield _source_row(number, row[:columns] if columns else row, active, sheet, columns)


def _source_row(
    number: int,
    row: tuple[object, ...],
    active: list[CellRange],
    sheet: str,
    columns: int | None,
) -> list[SourceCell]:
    width = max([len(row)] + [merged.max_col for merged in active])
    width = min(width, columns) if columns else width
    cells: list[SourceCell] = []
    column = 1
    while column <= width:
        location = f"{sheet}!{get_column_letter(column)}{number}"
        merged = next((m for m in active if m.min_col <= column <= m.max_col), None)
        if merged is None:
            value = row[column - 1] if column <= len(row) else None
            text, day = cell_text(value)
            cells.append(SourceCell(text, location, day))
            column += 1
            continue
        span = merged.max_col - merged.min_col + 1
        if merged.min_row == number:
            value = row[column - 1] if column <= len(row) else None
            text, day = cell_text(value)
            cells.append(SourceCell(text, location, day, span=span))
        else:
            cells.append(SourceCell("", location, continues_above=True, span=span))
        column = merged.max_col + 1
    while cells and _blank(cells[-1]):
        cells.pop()
    return cells


def _blank(cell: SourceCell) -> bool:
    return not cell.text and cell.date is None and not cell.continues_above and cell.span == 1


def _as_lines(rows: list[list[SourceCell]]) -> Iterator[SourceBlock]:
    """Yield rows of one filled cell as paragraphs, the other rows as small tables."""
    pending: list[list[SourceCell]] = []
    for row in rows:
        filled = [cell for cell in row if cell.text.strip()]
        if len(filled) == 1:
            if pending:
                yield SourceTable(pending, pending[0][0].location)
                pending = []
            yield SourceParagraph(filled[0].text, filled[0].location)
        elif filled:
            pending.append(row)
    if pending:
        yield SourceTable(pending, pending[0][0].location)

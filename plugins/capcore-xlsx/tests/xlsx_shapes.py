"""Workbooks as administrations make them by hand, from the seed tables (for the reader tests).

Each function lays a seed table of :mod:`capcore.testing.seed_tables` out
with plain openpyxl, the way a person builds a plan in Excel: title rows,
merged area rows, measure cells merged down or left blank, other column
orders, English headers, real date cells, a table that does not start in
A1. None of them has capcore's hidden sheet or key columns.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from capcore.testing.seed_tables import CardsDocument, ListDocument, MatrixTable

_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def saved(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def as_date(text: str) -> dt.date | str:
    """A d.m.yyyy text as a real date (as a person types it into a date cell), else the text."""
    found = _DATE.fullmatch(text.strip())
    if found is None:
        return text
    day, month, year = (int(part) for part in found.groups())
    return dt.date(year, month, day)


def matrix_sheet(
    sheet: Worksheet,
    table: MatrixTable,
    *,
    top: int = 1,
    left: int = 1,
    merge_areas: bool = True,
    merge_measures: bool = True,
    date_cells: Sequence[int] = (),
    gap: int = 1,
) -> int:
    """Lay a matrix table out on ``sheet``; return the row of its header.

    Args:
        sheet: The sheet.
        table: The table (title lines, header, column numbers, rows).
        top: The row of the first title line.
        left: The column of the table's first column.
        merge_areas: Merge area rows across the table (else text in the first cell).
        merge_measures: Merge each measure cell down over its activities
            (else blank on continuation rows).
        date_cells: Columns (0-based in the table) whose d.m.yyyy texts are
            written as real date cells.
        gap: Blank rows between the title lines and the table.
    """
    width = len(table.header)
    row = top
    for line in table.preamble:
        sheet.cell(row, left, line).font = Font(bold=True)
        sheet.merge_cells(
            start_row=row, start_column=left, end_row=row, end_column=left + width - 1
        )
        row += 1
    header = row + gap
    row = header
    for line in table.head_rows():
        for index, text in enumerate(line):
            sheet.cell(row, left + index, text).alignment = Alignment(wrap_text=True)
        row += 1
    first_of_measure = row
    for item in table.rows:
        if item.is_area:
            sheet.cell(row, left, item.cells[0]).font = Font(bold=True)
            if merge_areas:
                sheet.merge_cells(
                    start_row=row, start_column=left, end_row=row, end_column=left + width - 1
                )
        else:
            first_of_measure = row if not item.continues_measure else first_of_measure
            _fill_row(sheet, row, left, item.cells, date_cells)
            if merge_measures and item.continues_measure:
                _merge_down(sheet, left + table.measure_column, first_of_measure, row)
        row += 1
    return header


def _fill_row(
    sheet: Worksheet, row: int, left: int, texts: Sequence[str], date_cells: Sequence[int]
) -> None:
    for index, text in enumerate(texts):
        if text:
            value = as_date(text) if index in date_cells else text
            cell = sheet.cell(row, left + index, value)
            if isinstance(value, dt.date):
                cell.number_format = "d.m.yyyy"


def _merge_down(sheet: Worksheet, column: int, first: int, last: int) -> None:
    """Merge a measure cell from its first row down to ``last`` (re-merging a shorter range)."""
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_col == column and merged.min_row == first:
            sheet.merged_cells.remove(merged)
    sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)


def matrix_workbook(table: MatrixTable, **layout: object) -> bytes:
    """Return a workbook whose first sheet holds ``table`` (see :func:`matrix_sheet`)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "План"
    matrix_sheet(sheet, table, **layout)  # type: ignore[arg-type]
    return saved(workbook)


def cards_workbook(document: CardsDocument) -> bytes:
    """Return the Pazardzhik cards as a person lays them out: heading rows, label/value rows."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Мерки"
    for line in document.preamble:
        sheet.append([line])
    sheet.append([])
    for card in document.cards:
        sheet.append([card.heading])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=2
        )
        for label_text, value in card.fields:
            sheet.append([label_text, value])
        sheet.append([])
    return saved(workbook)


def list_workbook(document: ListDocument) -> bytes:
    """Return the Smolyan list as a person types it: one line a row, in column A."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in document.paragraphs:
        sheet.append([line])
    return saved(workbook)

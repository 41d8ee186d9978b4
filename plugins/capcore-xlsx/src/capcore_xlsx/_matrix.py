"""The plan sheet in the matrix shape of the Lovech plan.

Below the title block: a header row with the seed's nine column names plus
status and percent, a row of column numbers (``1.`` ... ``11.``), then per
area a row across the table (``Област 1: ...``) and per measure one row per
activity. The measure's cell and its two reference cells are merged down
over its activities; a measure without activities is one row and its own
unit of progress (its expected result in the target column).

For work and print: frozen header rows, an autofilter, widths and wrapped
text fitted to A4 landscape with the header repeated on every page, real
date cells, a status drop-down, percents checked to 0-100 with data bars,
and row heights estimated from the text (neither Excel nor LibreOffice fits
a merged cell's height). Two hidden columns carry the row keys
(:mod:`capcore_xlsx._keys`).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TypeAlias

import attrs
from openpyxl.formatting.rule import DataBar, FormatObject, Rule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins

from capcore import Activity, Area, Deadline, Measure, Plan, ProgressUpdate, Status
from capcore.labels import label
from capcore.plan_text import area_text, numbered
from capcore_xlsx._cells import SheetCells, XmlCell, landscape_page, parts, row_height, text_lines
from capcore_xlsx._front import front_lines, write_front
from capcore_xlsx._keys import KEY_COLUMN_COUNT, LAYOUT_KEY, RowKey, RowKind
from capcore_xlsx._shown import (
    deadline_value,
    ref_columns,
    shown_update,
    together,
)
from capcore_xlsx._styles import Look

__all__ = [
    "BAR_COLOUR",
    "COLUMNS",
    "Addresses",
    "Column",
    "ColumnSpec",
    "UnitCells",
    "prepare_page",
    "progress_checks",
    "write_matrix",
]

Addresses: TypeAlias = list[tuple[str, int]]
"""Cells as (column letter, row), in order."""

BAR_COLOUR = "5B9BD5"
"""The colour of the percent data bars."""


class Column(enum.IntEnum):
    """The visible columns of the matrix, by number (A = 1)."""

    MEASURE = 1
    ACTIVITY = 2
    STRATEGIC = 3
    QUICK_WIN = 4
    START = 5
    END = 6
    TARGET = 7
    RESPONSIBLE = 8
    NOTE = 9
    STATUS = 10
    PERCENT = 11


@attrs.frozen
class ColumnSpec:
    """One visible column: its header label key and width in characters."""

    header: str
    width: float


COLUMNS: dict[Column, ColumnSpec] = {
    Column.MEASURE: ColumnSpec("measure", 26),
    Column.ACTIVITY: ColumnSpec("matrix_activity", 30),
    Column.STRATEGIC: ColumnSpec("matrix_strategic", 12),
    Column.QUICK_WIN: ColumnSpec("matrix_quick_win", 9),
    Column.START: ColumnSpec("matrix_start", 11),
    Column.END: ColumnSpec("matrix_end", 11),
    Column.TARGET: ColumnSpec("matrix_target", 24),
    Column.RESPONSIBLE: ColumnSpec("matrix_responsible", 20),
    Column.NOTE: ColumnSpec("note", 14),
    Column.STATUS: ColumnSpec("status", 13),
    Column.PERCENT: ColumnSpec("percent", 11),
}
"""Every visible column, left to right."""

_WIDTHS = [spec.width for spec in COLUMNS.values()]
_LAST = len(COLUMNS)


@attrs.frozen
class UnitCells:
    """The cells of what progress is reported on (an activity, or a measure without any)."""

    start: Deadline | None
    deadline: Deadline | None
    target: str
    responsible: str
    supporting: str
    note: str
    updates: list[ProgressUpdate]

    @classmethod
    def of(cls, unit: Activity | Measure) -> UnitCells:
        """Return the shown fields of an activity, or of a measure without activities."""
        target = unit.target if isinstance(unit, Activity) else unit.expected_result
        return cls(
            unit.start,
            unit.deadline,
            target,
            unit.responsible,
            unit.supporting,
            unit.note,
            unit.updates,
        )

    def texts(self, locale: str) -> dict[Column, str]:
        """Return the text columns' texts, for row heights."""
        return {
            Column.TARGET: self.target,
            Column.RESPONSIBLE: together(self.responsible, self.supporting, locale),
            Column.NOTE: self.note,
        }


def write_matrix(sheet: WriteOnlyWorksheet, cells: SheetCells, plan: Plan) -> None:
    """Write the plan on ``sheet`` in the matrix shape."""
    locale = cells.locale
    lines = front_lines(plan, locale)
    header = len(lines) + 1
    prepare_page(sheet, _WIDTHS, freeze=f"A{header + 2}")
    write_front(cells, lines, _WIDTHS)
    heading = [label(spec.header, locale) for spec in COLUMNS.values()]
    header_lines = max(
        text_lines(text, spec.width) for text, spec in zip(heading, COLUMNS.values(), strict=True)
    )
    cells.append(
        [cells.text(text, Look.HEADER) for text in heading] + LAYOUT_KEY.cells(cells),
        height=row_height(header_lines),
    )
    cells.append(
        [cells.text(f"{column}.", Look.COLUMN_NUMBER) for column in Column]
        + LAYOUT_KEY.cells(cells)
    )
    first = cells.row + 1
    area_rows = not (len(plan.areas) == 1 and not plan.areas[0].title and not plan.areas[0].number)
    for area in plan.areas:
        if area_rows:
            _area_row(cells, area)
        for measure in area.measures:
            _measure_rows(cells, measure)
    last = max(cells.row, first)
    parts(sheet).auto_filter.ref = f"A{header}:{get_column_letter(_LAST)}{last}"
    sheet.print_title_rows = f"{header}:{header + 1}"
    progress_checks(
        sheet,
        status=[(get_column_letter(Column.STATUS), row) for row in range(first, last + 1)],
        percent=[(get_column_letter(Column.PERCENT), row) for row in range(first, last + 1)],
        locale=locale,
    )


def prepare_page(sheet: WriteOnlyWorksheet, widths: Sequence[float], *, freeze: str) -> None:
    """Set column widths, hidden key columns, frozen rows and A4 landscape printing.

    Called before the first row is written (write-only sheets write these first).
    """
    landscape_page(sheet, widths)
    page = parts(sheet)
    for number in range(len(widths) + 1, len(widths) + KEY_COLUMN_COUNT + 1):
        page.column_dimensions[get_column_letter(number)].hidden = True
    sheet.freeze_panes = freeze
    page.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    page.print_options.horizontalCentered = True


def progress_checks(
    sheet: WriteOnlyWorksheet,
    *,
    status: Addresses,
    percent: Addresses,
    locale: str,
) -> None:
    """Add the status drop-down, the 0-100 check and the data bars to the given cells.

    Args:
        sheet: The sheet.
        status: The status cells, as (column letter, row), in order.
        percent: The percent cells, likewise.
        locale: The language of the status names.
    """
    if status:
        choices = ",".join(label(value.value, locale) for value in Status)
        drop_down = DataValidation(
            type="list",
            formula1=f'"{choices}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=label("status", locale),
            error=choices.replace(",", ", "),
            sqref=_ranges(status),
        )
        parts(sheet).data_validations.append(drop_down)
    if percent:
        bounded = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="100",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=label("percent", locale),
            error="0 – 100",
            sqref=_ranges(percent),
        )
        parts(sheet).data_validations.append(bounded)
        scale = [FormatObject(type="num", val=0), FormatObject(type="num", val=100)]
        bars = Rule(type="dataBar", dataBar=DataBar(cfvo=scale, color=BAR_COLOUR))
        parts(sheet).conditional_formatting.add(_ranges(percent), bars)


def _ranges(cells: Addresses) -> str:
    """Return cells as few ranges as possible (``K11:K67 B5``): cells of a column in a row run."""
    ranges: list[str] = []
    index = 0
    while index < len(cells):
        letter, first = cells[index]
        last = first
        while index + 1 < len(cells) and cells[index + 1] == (letter, last + 1):
            index += 1
            last += 1
        ranges.append(f"{letter}{first}:{letter}{last}" if last > first else f"{letter}{first}")
        index += 1
    return " ".join(ranges)


def _area_row(cells: SheetCells, area: Area) -> None:
    text = area_text(area, cells.locale)
    row = [cells.text(text, Look.AREA)] + [cells.empty(Look.AREA) for _ in range(_LAST - 1)]
    key = RowKey(RowKind.AREA, area.id)
    number = cells.append(
        [*row, *key.cells(cells)], height=row_height(text_lines(text, sum(_WIDTHS)))
    )
    cells.merge(number, 1, number, _LAST)


def _measure_rows(cells: SheetCells, measure: Measure) -> None:
    locale = cells.locale
    units: list[Activity | Measure] = list(measure.activities) or [measure]
    title = numbered(measure.number, measure.title)
    strategic, quick_win = ref_columns(measure.kind, measure.caf_refs)
    # Each unit's shown fields and activity text, made once for its height and its cells.
    shown = [UnitCells.of(unit) for unit in units]
    activities = [
        numbered(unit.number, unit.title) if isinstance(unit, Activity) else None for unit in units
    ]
    lines = []
    for fields, activity in zip(shown, activities, strict=True):
        texts = fields.texts(locale)
        if activity is not None:
            texts[Column.ACTIVITY] = activity
        lines.append(max(text_lines(text, COLUMNS[column].width) for column, text in texts.items()))
    shortfall = text_lines(title, COLUMNS[Column.MEASURE].width) - sum(lines)
    if shortfall > 0:
        lines[-1] += shortfall  # the merged measure cell needs the room
    first = cells.row + 1
    for index, (unit, fields, activity) in enumerate(zip(units, shown, activities, strict=True)):
        if index == 0:
            row = [
                cells.text(title),
                None,
                cells.text(strategic, Look.CENTRED),
                cells.text(quick_win, Look.CENTRED),
            ]
            key = RowKey(RowKind.MEASURE, measure.id, "" if activity is None else unit.id)
        else:
            row = [cells.empty(), None, cells.empty(Look.CENTRED), cells.empty(Look.CENTRED)]
            key = RowKey.of_activity(unit.id)
        row[Column.ACTIVITY - 1] = cells.empty() if activity is None else cells.text(activity)
        row += unit_cells(cells, fields)
        cells.append([*row, *key.cells(cells)], height=row_height(lines[index]))
    last = cells.row
    if last > first:
        for column in (Column.MEASURE, Column.STRATEGIC, Column.QUICK_WIN):
            cells.merge(first, column, last, column)


def unit_cells(cells: SheetCells, unit: UnitCells) -> list[XmlCell | None]:
    """Return the cells from start to percent of one unit of progress."""
    locale = cells.locale
    update = shown_update(unit.updates)
    status = label(update.status.value, locale) if update and update.status else ""
    percent = update.percent if update else None
    return [
        deadline_cell(cells, unit.start),
        deadline_cell(cells, unit.deadline),
        cells.text(unit.target),
        cells.text(together(unit.responsible, unit.supporting, locale)),
        cells.text(unit.note),
        cells.text(status, Look.CENTRED),
        cells.number(percent, Look.PERCENT) if percent is not None else cells.empty(Look.PERCENT),
    ]


def deadline_cell(
    cells: SheetCells, deadline: Deadline | None, look: Look = Look.CENTRED
) -> XmlCell:
    """Return a start or deadline cell: a date cell for one exact day, else its words."""
    value = deadline_value(deadline)
    if isinstance(value, str):
        return cells.text(value, look)
    return cells.date(value)

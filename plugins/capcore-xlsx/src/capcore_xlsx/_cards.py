"""The plan sheet in the cards shape of the Pazardzhik plan: one block per measure.

Each measure gets a heading row (``МЯРКА 1 – QW`` for a quick win) and one
label/value row per field of the Pazardzhik project sheets, in their order:
action, sponsor, leader, team, contact, scope, stakeholders, strengths,
areas for improvement, options to explore, constraints, human resources,
budget, result, start date, planned deadline. The CAF references,
responsible, supporting and note follow when the measure has them; a
measure without activities, its own unit of progress, ends with its status
and percent. A measure's activities follow as a small table (activity,
start, deadline, target, responsible, note, status, percent). Area rows
(``Област 1: ...``) stand between the cards of different areas.

The value cells are merged across the block's width; labels are in capitals
as in the seed. Row keys (:mod:`capcore_xlsx._keys`) name the field of each
row, so a person's edit of any value is read back.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from capcore import Activity, Area, Measure, Plan
from capcore.labels import label
from capcore.plan_text import (
    CARD_FIELDS,
    OPTIONAL_CARD_FIELDS,
    area_text,
    card_heading,
    field_text,
    numbered,
)
from capcore_xlsx._cells import SheetCells, XmlCell, row_height, text_lines
from capcore_xlsx._front import front_lines, write_front
from capcore_xlsx._keys import LAYOUT_KEY, RowKey, RowKind
from capcore_xlsx._matrix import (
    Addresses,
    UnitCells,
    deadline_cell,
    prepare_page,
    progress_checks,
    unit_cells,
)
from capcore_xlsx._shown import shown_update
from capcore_xlsx._styles import Look

__all__ = [
    "ACTIVITY_HEADERS",
    "UNIT_FIELDS",
    "WIDTHS",
    "write_cards",
]

WIDTHS = [30.0, 12.0, 12.0, 24.0, 20.0, 16.0, 14.0, 11.0]
"""The widths of the visible columns: labels, then the activity table's columns."""

UNIT_FIELDS: tuple[tuple[str, str], ...] = (("status", "status"), ("percent", "percent"))
"""The rows of a measure without activities, which is its own unit of progress."""

ACTIVITY_HEADERS = (
    "activity",
    "start",
    "deadline",
    "target",
    "matrix_responsible",
    "note",
    "status",
    "percent",
)
"""The label keys of the activity table's columns."""

_LAST = len(WIDTHS)
_VALUE_WIDTH = sum(WIDTHS[1:])


def write_cards(sheet: WriteOnlyWorksheet, cells: SheetCells, plan: Plan) -> None:
    """Write the plan on ``sheet`` in the cards shape."""
    lines = front_lines(plan, cells.locale)
    prepare_page(sheet, WIDTHS, freeze=f"A{len(lines) + 1}")
    write_front(cells, lines, WIDTHS)
    status: Addresses = []
    percent: Addresses = []
    area_rows = not (len(plan.areas) == 1 and not plan.areas[0].title and not plan.areas[0].number)
    for area in plan.areas:
        if area_rows:
            _area_row(cells, area)
        for measure in area.measures:
            _card(cells, measure, status, percent)
    progress_checks(sheet, status=status, percent=percent, locale=cells.locale)


def _area_row(cells: SheetCells, area: Area) -> None:
    text = area_text(area, cells.locale)
    row = [cells.text(text, Look.AREA)] + [cells.empty(Look.AREA) for _ in range(_LAST - 1)]
    height = row_height(text_lines(text, sum(WIDTHS)))
    number = cells.append([*row, *RowKey(RowKind.AREA, area.id).cells(cells)], height=height)
    cells.merge(number, 1, number, _LAST)
    cells.append([None] * _LAST + LAYOUT_KEY.cells(cells))


def _card(
    cells: SheetCells,
    measure: Measure,
    status: Addresses,
    percent: Addresses,
) -> None:
    locale = cells.locale
    heading = card_heading(measure, locale)
    row = [cells.text(heading, Look.CARD_HEADING)]
    row += [cells.empty(Look.CARD_HEADING) for _ in range(_LAST - 1)]
    number = cells.append([*row, *RowKey(RowKind.MEASURE, measure.id).cells(cells)])
    cells.merge(number, 1, number, _LAST)
    fields = list(CARD_FIELDS)
    fields += [item for item in OPTIONAL_CARD_FIELDS if field_text(measure, item[0])]
    for field, key in fields:
        if field in {"start", "deadline"}:
            value = deadline_cell(cells, getattr(measure, field), Look.TEXT)
            _field_row(cells, field, key, value, "")
        else:
            text = field_text(measure, field)
            _field_row(cells, field, key, cells.text(text), text)
    if not measure.activities:
        update = shown_update(measure.updates)
        shown = label(update.status.value, locale) if update and update.status else ""
        _field_row(cells, "status", "status", cells.text(shown), shown)
        status.append(("B", cells.row))
        amount = update.percent if update else None
        cell = (
            cells.number(amount, Look.PERCENT) if amount is not None else cells.empty(Look.PERCENT)
        )
        _field_row(cells, "percent", "percent", cell, "")
        percent.append(("B", cells.row))
    if measure.activities:
        _activity_table(cells, measure.activities, status, percent)
    cells.append([None] * _LAST + LAYOUT_KEY.cells(cells))


def _field_row(cells: SheetCells, field: str, key: str, value: XmlCell, text: str) -> None:
    row = [cells.text(label(key, cells.locale).upper(), Look.CARD_LABEL), value]
    row += [cells.empty() for _ in range(_LAST - 2)]
    height = row_height(max(text_lines(text, _VALUE_WIDTH), 1))
    number = cells.append([*row, *RowKey(RowKind.FIELD, field).cells(cells)], height=height)
    cells.merge(number, 2, number, _LAST)


def _activity_table(
    cells: SheetCells,
    activities: list[Activity],
    status: Addresses,
    percent: Addresses,
) -> None:
    locale = cells.locale
    headings = [label(key, locale) for key in ACTIVITY_HEADERS]
    cells.append(
        [cells.text(text, Look.HEADER) for text in headings] + LAYOUT_KEY.cells(cells),
        height=row_height(
            max(text_lines(text, w) for text, w in zip(headings, WIDTHS, strict=True))
        ),
    )
    for activity in activities:
        title = numbered(activity.number, activity.title)
        unit = UnitCells.of(activity)
        row = [cells.text(title), *unit_cells(cells, unit)]
        texts = [title, "", "", *unit.texts(locale).values()]
        lines = max(text_lines(text, width) for text, width in zip(texts, WIDTHS, strict=False))
        key = RowKey.of_activity(activity.id)
        cells.append([*row, *key.cells(cells)], height=row_height(lines))
        status.append((get_column_letter(7), cells.row))
        percent.append((get_column_letter(8), cells.row))

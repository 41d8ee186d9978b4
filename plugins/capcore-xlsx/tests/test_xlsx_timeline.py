"""The timeline sheet's month cells, against the plain reading of the rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from capcore_xlsx._cells import SheetCells, XmlCell
from capcore_xlsx._styles import Look, Styles
from capcore_xlsx._timeline import (
    MILESTONE_MARK,
    OCCURRENCE_MARK,
    _Grid,
    _row_cells,
)
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from capcore import CalendarBucket, GanttRow, Plan, RowKind, timeline
from capcore.testing import strategies


def _cells() -> SheetCells:
    sheet = Workbook(write_only=True).create_sheet("График")
    return SheetCells(sheet, Styles(sheet, date_format="d.m.yyyy"), "bg")


def _reference(
    cells: SheetCells, row: GanttRow, buckets: Sequence[CalendarBucket], now: int | None
) -> list[XmlCell | None]:
    """Mark every column one by one: the as-of month, the bar's months, then the marks."""
    marks: list[XmlCell | None] = [None] * len(buckets)
    if now is not None:
        marks[now] = cells.empty(Look.GANTT_AS_OF)
    barred = row.kind in {RowKind.BAR, RowKind.ONGOING, RowKind.MILESTONE}
    if barred and row.start is not None and row.end is not None:
        for index, bucket in enumerate(buckets):
            if bucket.first_day <= row.end and bucket.last_day >= row.start:
                marks[index] = cells.empty(Look.GANTT_BAR)
    for days, mark, look in (
        (row.milestones, MILESTONE_MARK, Look.GANTT_BAR),
        (row.occurrences, OCCURRENCE_MARK, Look.GANTT_OCCURRENCE),
    ):
        for day in days:
            for index, bucket in enumerate(buckets):
                if bucket.first_day <= day <= bucket.last_day:
                    marks[index] = cells.text(mark, look)
    return marks


@given(strategies.plans(), st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)), st.booleans())
def test_month_cells_follow_the_rule(plan: Plan, as_of: dt.date, quarters: bool) -> None:
    """Each row marks the as-of column, its bar's columns and its dated and recurring days."""
    schedule = timeline(plan, as_of=as_of)
    buckets: Sequence[CalendarBucket] = schedule.quarters if quarters else schedule.months
    now = next((i for i, b in enumerate(buckets) if b.first_day <= as_of <= b.last_day), None)
    cells = _cells()
    grid = _Grid(cells, buckets, now)
    for row in schedule.rows:
        assert _row_cells(cells, row, grid)[3:] == _reference(cells, row, buckets, now)

"""The timeline sheet: a Gantt chart by month across the plan period.

It renders :func:`capcore.timeline` and computes no dates of its own: one
row per measure and activity (its number, title and deadline as written),
one column per month of the timeline's calendar (per quarter when the
period has more than six years of months; none beyond thirty years of
quarters), and in each row:

- a filled cell in every month its bar covers (from start to end; ongoing
  work to the plan's end; a one-day milestone in its month);
- ``◆`` in the month of each dated deadline term;
- ``●`` in the month of each occurrence of a recurring deadline;
- the as-of month's column shaded, its header in red.

Event-driven and undated rows have their words in the deadline column and
no bar. A legend under the title says what the marks mean. A plan whose
period is longer than thirty years (a typing error, as a rule) gets a note
instead of a chart: expanding its recurring deadlines over centuries would
cost minutes and show nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from capcore import CalendarBucket, GanttRow, ItemLevel, Plan, RowKind, timeline
from capcore.labels import format_date, label
from capcore_xlsx._cells import SheetCells, XmlCell, landscape_page, row_height, text_lines
from capcore_xlsx._styles import Look

__all__ = ["MAX_COLUMNS", "MILESTONE_MARK", "OCCURRENCE_MARK", "write_timeline"]

MILESTONE_MARK = "◆"
"""The mark of a dated deadline in its month."""

OCCURRENCE_MARK = "●"
"""The mark of an occurrence of a recurring deadline in its month."""

MAX_COLUMNS = 72
"""The most month columns; a longer period is shown by quarter (at most 120 columns)."""

_MAX_QUARTERS = 120
_LABEL_WIDTHS = (8.0, 44.0, 16.0)
_BUCKET_WIDTH = 3.6
_HEADER_HEIGHT = 62.0
_BARRED = frozenset({RowKind.BAR, RowKind.ONGOING, RowKind.MILESTONE})


def write_timeline(
    sheet: WriteOnlyWorksheet, cells: SheetCells, plan: Plan, as_of: dt.date
) -> None:
    """Write the Gantt chart of ``plan`` as of ``as_of`` on ``sheet``."""
    locale = cells.locale
    period = plan.period
    if period is not None and period.end.year - period.start.year > _MAX_QUARTERS // 4:
        _prepare(sheet, list(_LABEL_WIDTHS))
        text = label("timeline_too_long", locale).format(
            start=format_date(period.start, locale), end=format_date(period.end, locale)
        )
        cells.append([cells.text(plan.title or label("plan", locale), Look.TITLE)])
        cells.append([cells.text(text, Look.PARAGRAPH)])
        return
    schedule = timeline(plan, as_of=as_of)
    buckets: Sequence[CalendarBucket] = schedule.months
    if len(buckets) > MAX_COLUMNS:
        buckets = schedule.quarters if len(schedule.quarters) <= _MAX_QUARTERS else ()
    widths = [*_LABEL_WIDTHS, *[_BUCKET_WIDTH] * len(buckets)]
    _prepare(sheet, widths)
    last = len(widths)
    title = schedule.title or label("plan", locale)
    heading = f"{label('timeline_heading', locale)}, "
    heading += label("as_of_date", locale).format(date=format_date(as_of, locale))
    for text, look in ((title, Look.TITLE), (heading, Look.TITLE_LINE)):
        number = cells.append(
            [cells.text(text, look)], height=row_height(text_lines(text, sum(widths)))
        )
        cells.merge(number, 1, number, min(last, 12))
    legend = [
        (cells.empty(Look.GANTT_BAR), label("legend_bar", locale)),
        (cells.text(MILESTONE_MARK, Look.GANTT_BAR), label("legend_milestone", locale)),
        (cells.text(OCCURRENCE_MARK, Look.GANTT_OCCURRENCE), label("legend_occurrence", locale)),
        (cells.empty(Look.GANTT_AS_OF_MONTH), label("legend_as_of", locale)),
    ]
    for mark, words in legend:
        cells.append([mark, cells.text(words, Look.NOTE)])
    now = next((i for i, b in enumerate(buckets) if b.first_day <= as_of <= b.last_day), None)
    header = [
        cells.text(label("number", locale), Look.HEADER),
        cells.text(label("title", locale), Look.HEADER),
        cells.text(label("deadline", locale), Look.HEADER),
    ]
    header += [
        cells.text(bucket.title(locale), Look.GANTT_AS_OF_MONTH if i == now else Look.GANTT_MONTH)
        for i, bucket in enumerate(buckets)
    ]
    cells.append(header, height=_HEADER_HEIGHT)
    grid = _Grid(cells, buckets, now)
    for row in schedule.rows:
        cells.append(_row_cells(cells, row, grid), height=_height(row))


def _prepare(sheet: WriteOnlyWorksheet, widths: list[float]) -> None:
    landscape_page(sheet, widths, grid_lines=True)
    # The header is row 7 (title, heading, four legend rows): the rows scroll below it.
    sheet.freeze_panes = "D8"


class _Grid:
    """The month (or quarter) columns of the chart, and their cells, made once for every row."""

    def __init__(
        self, cells: SheetCells, buckets: Sequence[CalendarBucket], now: int | None
    ) -> None:
        self.starts = [bucket.first_day for bucket in buckets]
        self.ends = [bucket.last_day for bucket in buckets]
        blank: list[XmlCell | None] = [None] * len(buckets)
        if now is not None:
            blank[now] = cells.empty(Look.GANTT_AS_OF)
        self.blank = blank
        self.bar = cells.empty(Look.GANTT_BAR)
        self.milestone = cells.text(MILESTONE_MARK, Look.GANTT_BAR)
        self.occurrence = cells.text(OCCURRENCE_MARK, Look.GANTT_OCCURRENCE)

    def column(self, day: dt.date) -> int | None:
        """Return the index of the column ``day`` falls in; None outside them all."""
        index = bisect.bisect_right(self.starts, day) - 1
        return index if index >= 0 and day <= self.ends[index] else None


def _row_cells(cells: SheetCells, row: GanttRow, grid: _Grid) -> list[XmlCell | None]:
    look = Look.GANTT_MEASURE if row.level is ItemLevel.MEASURE else Look.GANTT_LABEL
    marks = grid.blank.copy()
    if row.kind in _BARRED and row.start is not None and row.end is not None and marks:
        first = max(bisect.bisect_right(grid.starts, row.start) - 1, 0)
        last = bisect.bisect_right(grid.starts, row.end) - 1
        # The columns are in order, so those that end on or after the start are the last ones.
        first = max(first, bisect.bisect_left(grid.ends, row.start))
        if first <= last:
            marks[first : last + 1] = [grid.bar] * (last + 1 - first)
    for days, mark in ((row.milestones, grid.milestone), (row.occurrences, grid.occurrence)):
        for day in days:
            index = grid.column(day)
            if index is not None:
                marks[index] = mark
    return [
        cells.text(row.number, look),
        cells.text(row.title, look),
        cells.text(row.deadline_text, look),
        *marks,
    ]


def _height(row: GanttRow) -> float:
    return row_height(text_lines(row.title, _LABEL_WIDTHS[1]))

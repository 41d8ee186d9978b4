"""Where the marks of the page's inline SVG charts go: pure geometry, no numbers of its own.

The values come from :func:`capcore.progress` (percents, gauges, planned
windows) and the timeline; this module only turns them into coordinates for
the template's SVG: horizontal bars for progress by CAF criterion and by
responsible unit, and a Gantt chart by month with the as-of line.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs

__all__ = [
    "BAR_WIDTH",
    "BarChart",
    "BarRow",
    "Gantt",
    "GanttRow",
    "MonthTick",
    "bar_chart",
    "gantt",
]

BAR_WIDTH = 300
"""The width of a 100 % bar, in SVG units."""
_LABEL_WIDTH = 330
_ROW_HEIGHT = 22
_TOP = 8
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@attrs.frozen
class BarRow:
    """One bar: its label, where it sits, how long it is, and its words."""

    label: str
    y: int
    width: str
    expected_x: str | None
    text: str
    gauge: str


@attrs.frozen
class BarChart:
    """A horizontal bar chart of percents."""

    title: str
    rows: tuple[BarRow, ...]
    width: int
    height: int
    bar_x: int = _LABEL_WIDTH


def _x(percent: Decimal) -> str:
    clipped = min(max(percent, Decimal(0)), Decimal(100))
    return f"{clipped * BAR_WIDTH / 100:.1f}"


def bar_chart(
    title: str, bars: Sequence[tuple[str, Decimal | None, Decimal | None, str, str]]
) -> BarChart:
    """Return the geometry of a bar chart.

    Args:
        title: The chart's title (also its accessible name).
        bars: ``(label, actual, expected, text, gauge)`` per bar: the percent
            done (None for none), the percent expected by now (None for none),
            the words beside the bar, and the gauge class of the bar.
    """
    rows = tuple(
        BarRow(
            label,
            _TOP + index * _ROW_HEIGHT,
            _x(actual) if actual is not None else "0",
            _x(expected) if expected is not None else None,
            text,
            gauge,
        )
        for index, (label, actual, expected, text, gauge) in enumerate(bars)
    )
    return BarChart(title, rows, _LABEL_WIDTH + BAR_WIDTH + 190, _TOP * 2 + len(rows) * _ROW_HEIGHT)


@attrs.frozen
class MonthTick:
    """A month column of the Gantt chart; ``year`` is set on January and the first month."""

    x: int
    label: str
    year: str


@attrs.frozen
class GanttRow:
    """One item's bar on the Gantt chart, and its recurring occurrences."""

    label: str
    y: int
    x: int
    width: int
    quick_win: bool
    occurrences: tuple[int, ...]
    done: tuple[int, ...]


@attrs.frozen
class Gantt:
    """A Gantt chart by month, with the as-of line."""

    title: str
    months: tuple[MonthTick, ...]
    rows: tuple[GanttRow, ...]
    as_of_x: int | None
    as_of_label: str
    width: int
    height: int
    month_width: int
    label_width: int = 260


_MONTH_WIDTH = 28
_GANTT_TOP = 34


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def gantt(  # noqa: PLR0913 - the chart's parts, by keyword
    title: str,
    *,
    first: dt.date,
    last: dt.date,
    bars: Sequence[
        tuple[str, dt.date | None, dt.date | None, bool, Sequence[dt.date], Sequence[dt.date]]
    ],
    as_of: dt.date,
    as_of_label: str,
) -> Gantt:
    """Return the geometry of a Gantt chart from ``first`` to ``last`` by month.

    Args:
        title: The chart's title.
        first: The first day shown (its month is the first column).
        last: The last day shown.
        bars: ``(label, start, end, quick_win, occurrences, reported)`` per row;
            a row without a start or an end has no bar; occurrences are the
            dates of a recurring deadline, ``reported`` those a report covers.
        as_of: The date of the as-of line (drawn when within the chart).
        as_of_label: The words beside the as-of line.
    """
    start_month = _month_index(first)
    months = _month_index(last) - start_month + 1
    label_width = 260

    def x_of(day: dt.date) -> int:
        month = _month_index(day) - start_month
        # monthrange, not "the first of next month": that is year 10000 for December 9999.
        days = calendar.monthrange(day.year, day.month)[1]
        return label_width + month * _MONTH_WIDTH + (day.day - 1) * _MONTH_WIDTH // days

    ticks = tuple(
        MonthTick(
            label_width + index * _MONTH_WIDTH,
            _ROMAN[(start_month + index) % 12],
            str((start_month + index) // 12)
            if index == 0 or (start_month + index) % 12 == 0
            else "",
        )
        for index in range(months)
    )
    rows = []
    for index, (label, start, end, quick_win, occurrences, reported) in enumerate(bars):
        y = _GANTT_TOP + index * _ROW_HEIGHT
        shown = [day for day in occurrences if first <= day <= last]
        if start is not None and end is not None and start <= end:
            left, right = x_of(max(start, first)), x_of(min(end, last)) + _MONTH_WIDTH // 4
        else:
            left = right = 0
        rows.append(
            GanttRow(
                label,
                y,
                left,
                max(right - left, 0),
                quick_win,
                tuple(x_of(day) for day in shown),
                tuple(x_of(day) for day in shown if day in reported),
            )
        )
    end_x = label_width + months * _MONTH_WIDTH
    return Gantt(
        title,
        ticks,
        tuple(rows),
        x_of(as_of) if first <= as_of <= last else None,
        as_of_label,
        end_x + 10,
        _GANTT_TOP + len(rows) * _ROW_HEIGHT + 10,
        _MONTH_WIDTH,
        label_width,
    )

"""``capcore.timeline``: a plan's schedule as Gantt rows, due dates and a calendar.

:func:`timeline` lays out what the plan's words say about time, through the
same :mod:`capcore.schedule` windows the progress report judges by:

- a :class:`GanttRow` for every measure and activity: start, end, whether
  it is a bar, a one-day milestone, ongoing work (drawn to the plan's end),
  event-driven or undated;
- every dated due date (:class:`DueDate`): deadlines, the dated terms of
  ongoing work, and each occurrence of a recurring deadline within the plan
  period (``тримесечно`` gives four a year);
- those due dates bucketed by month and by quarter (:class:`CalendarBucket`),
  every month and quarter of the plan period included, empty or not.

Given ``as_of``, each due date says whether it has passed and, for a
recurring occurrence, whether a report covers it. Exporters render these
values; they compute no dates of their own.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from capcore._gc_pause import cyclic_gc_paused
from capcore.labels import format_date, label
from capcore.locales import check_locale
from capcore.model import Activity, Measure, Period, Plan
from capcore.progress_report import DueKind, ItemLevel
from capcore.schedule import DateSource, Window, match_occurrences, measure_window, unit_window

__all__ = ["CalendarBucket", "DueDate", "GanttRow", "RowKind", "Timeline", "timeline"]


class RowKind(enum.StrEnum):
    """How a Gantt row is drawn."""

    BAR = "bar"
    """From its start to its end."""
    MILESTONE = "milestone"
    """One day (start and end the same, or an end without a start)."""
    ONGOING = "ongoing"
    """Continuous or recurring work: from its start to the plan's end."""
    EVENT = "event"
    """Due when something happens (``при актуализация``): no dates."""
    UNDATED = "undated"
    """Nothing dated could be read."""


@attrs.frozen
class GanttRow:
    """One measure or activity on the Gantt chart.

    Attributes:
        level: Measure or activity.
        id: The item's id.
        number: Its number.
        title: Its title.
        parent_id: The area (of a measure) or measure (of an activity).
        quick_win: True for a quick-win measure and its activities.
        kind: How to draw it.
        start: Where the bar starts, if anywhere.
        end: Where it ends: the deadline, or for ongoing work the plan's end.
        start_from: Where the start came from (its own words, its measure,
            the plan's start, ...), so a renderer may draw borrowed dates
            differently.
        end_from: Where the end came from (``plan`` for ongoing work).
        start_text: The start as written.
        deadline_text: The deadline as written.
        milestones: The dated terms of its deadline (also for ongoing work).
        occurrences: The dates of its recurring deadline within the plan period.
    """

    level: ItemLevel
    id: str
    number: str
    title: str
    parent_id: str
    quick_win: bool
    kind: RowKind
    start: dt.date | None
    end: dt.date | None
    start_from: DateSource
    end_from: DateSource
    start_text: str
    deadline_text: str
    milestones: tuple[dt.date, ...]
    occurrences: tuple[dt.date, ...]

    @property
    def milestone(self) -> bool:
        """True when the row is drawn as a single day."""
        return self.kind is RowKind.MILESTONE

    def to_data(self) -> dict[str, Any]:
        """Return the row as JSON-ready data."""
        return {
            "level": self.level.value,
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "parent_id": self.parent_id,
            "quick_win": self.quick_win,
            "kind": self.kind.value,
            "milestone": self.milestone,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "start_from": self.start_from.value,
            "end_from": self.end_from.value,
            "start_text": self.start_text,
            "deadline_text": self.deadline_text,
            "milestones": [day.isoformat() for day in self.milestones],
            "occurrences": [day.isoformat() for day in self.occurrences],
        }


@attrs.frozen
class DueDate:
    """A dated due date of a measure or activity.

    Attributes:
        on: The day.
        kind: A deadline (or a dated term of ongoing work) or an occurrence
            of a recurring deadline.
        item_id: The item's id.
        level: Measure or activity.
        number: The item's number.
        title: The item's title.
        label: The words of the term it comes from, when the deadline has
            several (``на всеки шест месеца (съкратена)``); else empty.
        index: For an occurrence, its position among its term's occurrences (1-based).
        count: For an occurrence, how many its term has within the plan period.
        passed: With ``as_of``, True when the day is on or before it; else None.
        reported: With ``as_of``, for a passed occurrence, whether a report
            covers it; else None.
    """

    on: dt.date
    kind: DueKind
    item_id: str
    level: ItemLevel
    number: str
    title: str
    label: str = ""
    index: int | None = None
    count: int | None = None
    passed: bool | None = None
    reported: bool | None = None

    def to_data(self) -> dict[str, Any]:
        """Return the due date as JSON-ready data."""
        return {
            "on": self.on.isoformat(),
            "kind": self.kind.value,
            "id": self.item_id,
            "level": self.level.value,
            "number": self.number,
            "title": self.title,
            "label": self.label,
            "index": self.index,
            "count": self.count,
            "passed": self.passed,
            "reported": self.reported,
        }


@attrs.frozen
class CalendarBucket:
    """The due dates of one month or one quarter.

    Attributes:
        year: The year.
        month: The month (1-12) of a month bucket, else None.
        quarter: The quarter (1-4) of a quarter bucket, else None.
        first_day: Its first day.
        last_day: Its last day.
        due: Its due dates, by day, in document order within a day.
    """

    year: int
    month: int | None
    quarter: int | None
    first_day: dt.date
    last_day: dt.date
    due: tuple[DueDate, ...]

    def title(self, locale: str = "bg") -> str:
        """Return ``март 2022`` / ``March 2022``, or ``II тримесечие 2022`` / ``Q2 2022``."""
        if self.month is not None:
            return f"{_month_name(self.month, locale)} {self.year}"
        return label("quarter_title", locale).format(
            roman=_ROMAN[self.quarter or 1], n=self.quarter, year=self.year
        )

    def to_data(self) -> dict[str, Any]:
        """Return the bucket as JSON-ready data (due dates by item id and day)."""
        return {
            "year": self.year,
            "month": self.month,
            "quarter": self.quarter,
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "title": {"bg": self.title("bg"), "en": self.title("en")},
            "due": [due.to_data() for due in self.due],
        }


@attrs.frozen
class Timeline:
    """A plan's schedule: Gantt rows, due dates and a calendar.

    Attributes:
        plan_id: The plan's id.
        title: The plan's title.
        period: The plan period, if it has one.
        as_of: The date due dates are judged against, if given.
        rows: A Gantt row per measure and activity, in document order.
        due_dates: Every dated due date, by day, in document order within a day.
        months: The due dates by month: every month of the plan period (and
            any month outside it that has a due date), in order.
        quarters: The same by quarter.
    """

    plan_id: str
    title: str
    period: Period | None
    as_of: dt.date | None
    rows: tuple[GanttRow, ...]
    due_dates: tuple[DueDate, ...]
    months: tuple[CalendarBucket, ...]
    quarters: tuple[CalendarBucket, ...]

    def to_data(self) -> dict[str, Any]:
        """Return the timeline as JSON-ready data (see ``docs/progress.md``)."""
        return {
            "plan_id": self.plan_id,
            "title": self.title,
            "period": (
                {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()}
                if self.period
                else None
            ),
            "as_of": _iso(self.as_of),
            "rows": [row.to_data() for row in self.rows],
            "due_dates": [due.to_data() for due in self.due_dates],
            "months": [bucket.to_data() for bucket in self.months],
            "quarters": [bucket.to_data() for bucket in self.quarters],
        }

    def to_text(self, locale: str = "bg") -> str:
        """Return the timeline as text: the Gantt rows, then due dates month by month."""
        check_locale(locale)
        lines = [self.title, label("timeline_heading", locale), ""]
        for row in self.rows:
            indent = "  " if row.level is ItemLevel.ACTIVITY else ""
            lines.append(f"{indent}{row.number} {_short(row.title)} — {_row_dates(row, locale)}")
        lines += ["", label("timeline_calendar", locale) + ":"]
        for bucket in self.months:
            if not bucket.due:
                continue
            lines.append(f"  {bucket.title(locale)} ({len(bucket.due)}):")
            for due in bucket.due:
                words = f" ({due.label})" if due.label else ""
                lines.append(
                    f"    {format_date(due.on, locale)} {due.number} {_short(due.title)}{words}"
                )
        return "\n".join(lines) + "\n"


@cyclic_gc_paused()
def timeline(plan: Plan, *, as_of: dt.date | None = None) -> Timeline:
    """Return the timeline of ``plan``; with ``as_of``, due dates say whether they passed.

    Args:
        plan: The plan.
        as_of: The date to judge due dates against (optional).
    """
    rows: list[GanttRow] = []
    due: list[tuple[dt.date, int, DueDate]] = []
    for area in plan.areas:
        for measure in area.measures:
            # Each activity's window is computed once, and the measure's
            # window is spanned from them.
            windows = [unit_window(item, measure, plan) for item in measure.activities]
            items: list[tuple[Measure | Activity, Window]] = [
                (measure, measure_window(measure, plan, activity_windows=windows)),
                *zip(measure.activities, windows, strict=True),
            ]
            for item, window in items:
                parent = area.id if item is measure else measure.id
                rows.append(_row(item, measure, parent, window, plan.period))
                position = len(rows)
                due.extend((d.on, position, d) for d in _due_dates(item, measure, window, as_of))
    due_dates = tuple(item for *_, item in sorted(due, key=lambda entry: entry[:2]))
    return Timeline(
        plan_id=plan.id,
        title=plan.title,
        period=plan.period,
        as_of=as_of,
        rows=tuple(rows),
        due_dates=due_dates,
        months=tuple(_buckets(due_dates, plan.period, quarters=False)),
        quarters=tuple(_buckets(due_dates, plan.period, quarters=True)),
    )


def _row(
    item: Measure | Activity,
    measure: Measure,
    parent_id: str,
    window: Window,
    period: Period | None,
) -> GanttRow:
    end, end_from = window.end, window.end_from
    if window.ongoing:
        kind = RowKind.ONGOING
        end, end_from = (period.end, DateSource.PLAN) if period else (None, DateSource.NONE)
    elif window.end is not None:
        kind = RowKind.MILESTONE if window.is_milestone else RowKind.BAR
    elif window.event:
        kind = RowKind.EVENT
    else:
        kind = RowKind.UNDATED
    return GanttRow(
        level=ItemLevel.MEASURE if item is measure else ItemLevel.ACTIVITY,
        id=item.id,
        number=item.number,
        title=item.title,
        parent_id=parent_id,
        quick_win=measure.is_quick_win,
        kind=kind,
        start=window.start,
        end=end,
        start_from=window.start_from,
        end_from=end_from,
        start_text=item.start.text if item.start else "",
        deadline_text=item.deadline.text if item.deadline else "",
        milestones=window.milestones,
        occurrences=window.occurrences,
    )


def _due_dates(
    item: Measure | Activity, measure: Measure, window: Window, as_of: dt.date | None
) -> Iterator[DueDate]:
    level = ItemLevel.MEASURE if item is measure else ItemLevel.ACTIVITY
    deadline = item.deadline
    several = deadline is not None and len(deadline.terms) > 1

    def due(on: dt.date, kind: DueKind, **more: Any) -> DueDate:  # noqa: ANN401
        passed = None if as_of is None else on <= as_of
        return DueDate(on, kind, item.id, level, item.number, item.title, passed=passed, **more)

    # Only an item's own deadline is its due date: an activity borrowing its
    # measure's, or a measure spanning its activities, would repeat theirs.
    for term in deadline.terms if deadline is not None else ():
        if term.end is not None:
            yield due(term.end, DueKind.DEADLINE, label=term.text if several else "")
    reported: dict[dt.date, bool] = {}
    if as_of is not None and window.recurring:
        flags = match_occurrences(window.occurrences, (u.on for u in item.updates), as_of)
        reported = dict(zip(window.occurrences, flags, strict=False))
    for recurring in window.recurring:
        for index, day in enumerate(recurring.dates, start=1):
            yield due(
                day,
                DueKind.OCCURRENCE,
                label=recurring.term.text,
                index=index,
                count=len(recurring.dates),
                reported=reported.get(day) if as_of is not None and day <= as_of else None,
            )


def _buckets(
    due: tuple[DueDate, ...], period: Period | None, *, quarters: bool
) -> Iterable[CalendarBucket]:
    """Yield the month (or quarter) buckets; ``due`` is in date order."""
    on = [d.on for d in due]
    days = [*on, period.start, period.end] if period is not None else on
    if not days:
        return
    step = 3 if quarters else 1
    index = _month_index(min(days))
    index -= index % step
    last = _month_index(max(days))
    while index <= last:
        year, month = divmod(index, 12)
        first_day = dt.date(year, month + 1, 1)
        end_month = month + step
        last_day = dt.date(year, end_month, calendar.monthrange(year, end_month)[1])
        yield CalendarBucket(
            year=year,
            month=None if quarters else month + 1,
            quarter=month // 3 + 1 if quarters else None,
            first_day=first_day,
            last_day=last_day,
            # The dates are in order: a bucket's are one run, found by bisection
            # instead of a pass over every date for every bucket.
            due=due[bisect.bisect_left(on, first_day) : bisect.bisect_right(on, last_day)],
        )
        index += step


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _month_name(month: int, locale: str) -> str:
    # babel loads CLDR data on import, which `import capcore` must not pay for.
    from babel.dates import get_month_names  # noqa: PLC0415

    return str(get_month_names("wide", "stand-alone", locale=check_locale(locale))[month])


def _row_dates(row: GanttRow, locale: str) -> str:
    start = format_date(row.start, locale) if row.start else "—"
    end = format_date(row.end, locale) if row.end else "—"
    if row.kind is RowKind.MILESTONE:
        return f"{label('row_milestone', locale)} {end}"
    if row.kind in {RowKind.EVENT, RowKind.UNDATED}:
        return f"{label('row_' + row.kind.value, locale)}: {row.deadline_text}"
    text = f"{start} – {end}"
    if row.kind is RowKind.ONGOING:
        text += f" ({label('row_ongoing', locale)})"
    return text


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()

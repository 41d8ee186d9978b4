"""The planned schedule of an item: the dates its progress is judged by.

Plans write starts and deadlines as words (``14.3.2022``, ``м. март``,
``текущо``, ``тримесечно``); :class:`capcore.Deadline` keeps them with their
meaning. This module turns them into a :class:`Window`, the one place where
capcore decides which dates an activity or measure is planned between, so
that the progress report, the timeline and every exporter agree:

- the **end** is the deadline's due date (an activity without a deadline
  takes its measure's); a deadline that is continuous (``постоянен``) or
  recurring (``тримесечно``) has no single end: the work is *ongoing*;
- the **start** is the item's own start; else (an activity) its measure's;
  else, when the deadline names a period (``м. март 2023``, ``II тримесечие``),
  the first day of that period; else the first day of the plan period;
- recurring deadlines are expanded into dated **occurrences** within the
  plan period, from the item's start on (:func:`expand_recurrence`).

Expected progress is linear over the window, counting whole days with both
ends included: on the start day one day's share is expected, on the
deadline 100 % (:meth:`Window.expected`). All arithmetic is exact.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from capcore.deadline import Deadline, DeadlineKind, DeadlineTerm, Recurrence, RecurrenceUnit
from capcore.model import Activity, Measure, Period, Plan

__all__ = [
    "MAX_OCCURRENCES",
    "DateSource",
    "Occurrences",
    "Window",
    "activity_window",
    "expand_recurrence",
    "match_occurrences",
    "measure_window",
    "unit_window",
]

MAX_OCCURRENCES = 1000
"""At most this many occurrences of one recurring term are listed (a daily
deadline over a long period would otherwise run to many thousands)."""

_HUNDRED = Decimal(100)
_PERIOD_KINDS = (
    DeadlineKind.MONTH,
    DeadlineKind.QUARTER,
    DeadlineKind.HALF_YEAR,
    DeadlineKind.YEAR,
)


class DateSource(enum.StrEnum):
    """Where a window's start or end date came from."""

    OWN = "own"
    """The item's own start or deadline."""
    MEASURE = "measure"
    """The activity's measure (the activity gives none of its own)."""
    DEADLINE = "deadline"
    """The first day of the period the deadline names (``м. март 2023`` starts 1 March)."""
    PLAN = "plan"
    """The first day of the plan period."""
    ACTIVITIES = "activities"
    """The items it holds (a measure's activities, an area's units): the
    earliest start, and the latest end when every item has one."""
    NONE = "none"
    """No date could be found."""


@attrs.frozen
class Occurrences:
    """The dated occurrences of one recurring term of a deadline.

    Attributes:
        term: The recurring term (its ``text`` and ``label`` say which
            report: ``на всеки шест месеца (съкратена)``).
        dates: The days it falls on, in order.
    """

    term: DeadlineTerm
    dates: tuple[dt.date, ...]


@attrs.frozen
class Window:
    """The dates an activity or measure is planned between.

    Attributes:
        start: The planned start, if known.
        end: The planned end (the due date), if the item has one; None for
            ongoing, event-driven and undated items.
        start_from: Where ``start`` came from.
        end_from: Where ``end`` came from.
        ongoing: True when the deadline is continuous or recurring: the work
            has no single end and is never overdue as a whole.
        event: True when the deadline waits for an event (``при актуализация``).
        kind: The kind of the deadline the window was read from, if any.
        milestones: The dated ends of the deadline's own terms (a continuous
            deadline may still name a date, ``1 декември 2017 (...) Постоянен``).
        recurring: Each recurring term of the item's own deadline with its
            dated occurrences within the plan period, from the start on.
            Empty without a plan period (nothing to count from).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    start_from: DateSource = DateSource.NONE
    end_from: DateSource = DateSource.NONE
    ongoing: bool = False
    event: bool = False
    kind: DeadlineKind | None = None
    milestones: tuple[dt.date, ...] = ()
    recurring: tuple[Occurrences, ...] = ()

    # Read by the gauge, the recurring counts, the Gantt row and the due
    # dates of the same unit: sorted once, on first use.
    @functools.cached_property
    def occurrences(self) -> tuple[dt.date, ...]:
        """Every occurrence of every recurring term, in order, each date once.

        Two terms due on one day (every six months and yearly, both on
        31 December) make one occurrence here: one report covers the day.
        """
        return tuple(sorted({day for term in self.recurring for day in term.dates}))

    @property
    def days(self) -> int | None:
        """The planned duration in days, both ends included; None without both dates."""
        if self.start is None or self.end is None or self.end < self.start:
            return None
        return (self.end - self.start).days + 1

    @property
    def is_milestone(self) -> bool:
        """True for a one-day item (or an end without a start): a point, not a bar."""
        return self.end is not None and (self.start is None or self.start == self.end)

    def expected(self, as_of: dt.date) -> Decimal | None:
        """Return the percent the schedule expects done by the end of ``as_of``.

        Linear between start and end, whole days, both included: a window of
        5 days expects 20 % on its first day and 100 % on its last. Without a
        start the end is a milestone (0 % before it, 100 % from it). None
        when there is no end (ongoing, event-driven, undated) or the end lies
        before the start.
        """
        if self.end is None:
            return None
        start = self.start if self.start is not None else self.end
        if self.end < start:
            return None
        if as_of < start:
            return Decimal(0)
        if as_of >= self.end:
            return _HUNDRED
        elapsed = (as_of - start).days + 1
        return _HUNDRED * elapsed / ((self.end - start).days + 1)

    def due_occurrences(self, as_of: dt.date) -> tuple[dt.date, ...]:
        """Return the occurrences on or before ``as_of``."""
        return tuple(day for day in self.occurrences if day <= as_of)


def activity_window(activity: Activity, measure: Measure, plan: Plan) -> Window:
    """Return the window of an activity, falling back to its measure's dates."""
    return _window(
        activity.start,
        activity.deadline,
        plan.period,
        inherited_start=measure.start,
        # Only read when the activity has none; passing it only then keeps
        # the cache key (and its hashing) smaller.
        inherited_deadline=measure.deadline if activity.deadline is None else None,
    )


def measure_window(
    measure: Measure, plan: Plan, *, activity_windows: Sequence[Window] | None = None
) -> Window:
    """Return the window of a measure.

    A measure without activities has the window of its own start and
    deadline. A measure with activities keeps its own dates where it has
    them, and otherwise spans its activities: the earliest start, and the
    latest end if every activity has one (one ongoing activity makes the
    measure ongoing).

    Args:
        measure: The measure.
        plan: The plan it belongs to (its period dates open windows).
        activity_windows: The windows of the measure's activities, in order,
            when the caller has already computed them (with
            :func:`activity_window`); by default they are computed here.
    """
    own = _window(measure.start, measure.deadline, plan.period)
    if not measure.activities:
        return own
    children = (
        activity_windows
        if activity_windows is not None
        else [activity_window(activity, measure, plan) for activity in measure.activities]
    )
    start, start_from = own.start, own.start_from
    if start_from is not DateSource.OWN:
        starts = [w.start for w in children if w.start is not None]
        if starts:
            start, start_from = min(starts), DateSource.ACTIVITIES
    if own.end_from is DateSource.OWN or own.ongoing:
        return attrs.evolve(own, start=start, start_from=start_from)
    ends = [w.end for w in children]
    ongoing = any(w.ongoing for w in children)
    if ends and all(end is not None for end in ends):
        end: dt.date | None = max(end for end in ends if end is not None)
        end_from = DateSource.ACTIVITIES
    else:
        end, end_from = None, DateSource.NONE
    return attrs.evolve(
        own, start=start, start_from=start_from, end=end, end_from=end_from, ongoing=ongoing
    )


def unit_window(unit: Activity | Measure, measure: Measure, plan: Plan) -> Window:
    """Return the window of a unit of progress (an activity, or a measure without any)."""
    if isinstance(unit, Activity):
        return activity_window(unit, measure, plan)
    return measure_window(unit, plan)


# A window depends only on the deadlines (frozen values) and the period, and
# a plan writes the same few deadline texts over and over: progress and the
# timeline of one plan ask for each window at least once each, so the pure
# computation is cached by value (equal deadlines give equal windows).
@functools.lru_cache(maxsize=4096)
def _window(
    start: Deadline | None,
    deadline: Deadline | None,
    period: Period | None,
    *,
    inherited_start: Deadline | None = None,
    inherited_deadline: Deadline | None = None,
) -> Window:
    own = deadline is not None
    if deadline is None:
        deadline = inherited_deadline
    ongoing = deadline is not None and (deadline.is_continuous or deadline.is_recurring)
    event = deadline is not None and any(t.kind is DeadlineKind.EVENT for t in deadline.terms)
    end = None if deadline is None or ongoing else deadline.due
    end_from = DateSource.NONE if end is None else DateSource.OWN if own else DateSource.MEASURE
    first, first_from = _start(start, inherited_start, deadline, period)
    milestones: tuple[dt.date, ...] = ()
    recurring: tuple[Occurrences, ...] = ()
    # Only an item's own deadline gives it milestones and occurrences; an
    # activity that borrows its measure's deadline would repeat the measure's.
    if deadline is not None and own:
        milestones = tuple(sorted({day for t in deadline.terms if (day := t.end) is not None}))
        if period is not None:
            frm = max(period.start, first) if first is not None else period.start
            recurring = tuple(
                Occurrences(
                    t, tuple(d for d in expand_recurrence(t.recurrence, period) if d >= frm)
                )
                for t in deadline.terms
                if t.recurrence is not None
            )
    return Window(
        start=first,
        end=end,
        start_from=first_from,
        end_from=end_from,
        ongoing=ongoing,
        event=event,
        kind=deadline.kind if deadline is not None else None,
        milestones=milestones,
        recurring=recurring,
    )


def _start(
    start: Deadline | None,
    inherited: Deadline | None,
    deadline: Deadline | None,
    period: Period | None,
) -> tuple[dt.date | None, DateSource]:
    if start is not None and (day := start.earliest) is not None:
        return day, DateSource.OWN
    if inherited is not None and (day := inherited.earliest) is not None:
        return day, DateSource.MEASURE
    if deadline is not None and not deadline.is_continuous and not deadline.is_recurring:
        periods = [t for t in deadline.terms if t.kind in _PERIOD_KINDS and t.start is not None]
        if periods:
            return min(t.start for t in periods if t.start is not None), DateSource.DEADLINE
    if period is not None:
        return period.start, DateSource.PLAN
    return None, DateSource.NONE


def expand_recurrence(recurrence: Recurrence, period: Period) -> tuple[dt.date, ...]:
    """Return the dates a recurrence falls on within ``period``, in order.

    - Counted in months without an anchor month, the period is cut into
      blocks of ``interval`` months from its first month, each due on the
      last day of its block (or on ``anchor_day``): quarterly in a calendar
      year gives 31 March, 30 June, 30 September, 31 December.
    - With an anchor month (``ежегодно, декември``), every ``interval``
      months counted from that month: each 31 December (or ``anchor_day``).
    - Counted in weeks or days, every ``interval`` weeks or days from the
      period's start, due on the last day of each block.

    At most :data:`MAX_OCCURRENCES` dates are returned.
    """
    if recurrence.unit is RecurrenceUnit.MONTH:
        return _monthly(recurrence, period)
    step = recurrence.interval * (7 if recurrence.unit is RecurrenceUnit.WEEK else 1)
    dates: list[dt.date] = []
    day = period.start + dt.timedelta(days=step - 1)
    while day <= period.end and len(dates) < MAX_OCCURRENCES:
        dates.append(day)
        try:
            day += dt.timedelta(days=step)
        except OverflowError:
            break
    return tuple(dates)


def _monthly(recurrence: Recurrence, period: Period) -> tuple[dt.date, ...]:
    interval = recurrence.interval
    first = _month_index(period.start)
    if recurrence.anchor_month is None:
        index = first + interval - 1
    else:
        # The first month on or after the period's first month that falls
        # on the anchor month's cycle.
        offset = (recurrence.anchor_month - 1 - first) % interval
        index = first + offset
    dates: list[dt.date] = []
    while index <= _month_index(period.end) and len(dates) < MAX_OCCURRENCES:
        day = _day_in_month(index, recurrence.anchor_day)
        if period.start <= day <= period.end:
            dates.append(day)
        index += interval
    return tuple(dates)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _day_in_month(index: int, anchor_day: int | None) -> dt.date:
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(anchor_day, last) if anchor_day else last)


def match_occurrences(
    occurrences: Sequence[dt.date], reports: Iterable[dt.date], as_of: dt.date
) -> tuple[bool, ...]:
    """Return, for each occurrence due on or before ``as_of``, whether a report covers it.

    A report covers an occurrence when it is dated after the previous
    occurrence and before the next one, so a report a little early or a
    little late still counts. Each report covers one occurrence at most;
    occurrences are served in order, each by the earliest report left.
    Reports after ``as_of`` are ignored.
    """
    if not occurrences:  # most items do not recur: nothing to match
        return ()
    available = sorted(day for day in reports if day <= as_of)
    due = [day for day in occurrences if day <= as_of]
    covered: list[bool] = []
    for position, _day in enumerate(due):
        after = occurrences[position - 1] if position > 0 else None
        before = occurrences[position + 1] if position + 1 < len(occurrences) else None
        match = next(
            (
                report
                for report in available
                if (after is None or report > after) and (before is None or report < before)
            ),
            None,
        )
        if match is not None:
            available.remove(match)
        covered.append(match is not None)
    return tuple(covered)

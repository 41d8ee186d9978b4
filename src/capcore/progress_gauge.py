"""The red/amber/green gauge of an item's progress, and the reasons for it in words.

Each item of a progress report gets a :class:`Gauge` and the
:class:`Reason` values that set it. A reason is data (a stable code and the
dates or numbers it mentions) that renders in Bulgarian or English through
:mod:`capcore.labels`, so every exporter words it the same way.

How a unit of progress (an activity, or a measure without activities) is
judged (:func:`judge_unit`), every condition that holds adding its reason:

- cancelled: grey; done: green (nothing else is judged);
- past its deadline and not done: **red**, overdue;
- its start has passed and it has not started (no report, or reported not
  started): **amber**;
- behind the schedule by the policy's ``red_behind`` points or more: **red**;
  by ``amber_behind`` or more: **amber**;
- reported delayed or on hold: **amber**;
- a recurring deadline with occurrences due that no report covers: **amber**;
- otherwise green (on schedule, not due to start yet, or under way with no
  dated schedule to compare with), or grey when there is neither a report
  nor a date to judge by.

The gauge is the worst of the reasons. A measure, area or plan takes the
worst gauge among its items, and its own variance is judged too
(:func:`judge_container`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from capcore.labels import format_date, format_percent, label
from capcore.progress_policy import ProgressPolicy
from capcore.progress_update import Status

__all__ = [
    "Gauge",
    "Reason",
    "ReasonCode",
    "UnitFacts",
    "judge_container",
    "judge_unit",
    "reasons_text",
]


class Gauge(enum.StrEnum):
    """The traffic light of an item: green, amber, red, or grey when not judged."""

    GREEN = "green"
    """Done, on schedule, or not due yet."""
    AMBER = "amber"
    """Needs attention: late to start, somewhat behind, delayed, occurrences missed."""
    RED = "red"
    """Overdue, or far behind schedule."""
    GREY = "grey"
    """Not judged: cancelled, or nothing reported and nothing dated."""

    @property
    def severity(self) -> int:
        """0 for grey, 1 green, 2 amber, 3 red: the worst gauge has the highest."""
        return _SEVERITY[self]

    def words(self, locale: str = "bg") -> str:
        """Return the gauge's name in ``locale`` (``червено``, ``red``)."""
        return label(f"gauge_{self.value}", locale)


_SEVERITY = {Gauge.GREY: 0, Gauge.GREEN: 1, Gauge.AMBER: 2, Gauge.RED: 3}


class ReasonCode(enum.StrEnum):
    """Why an item has its gauge; each code has words in both locales (``reason_<code>``)."""

    DONE = "done"
    CANCELLED = "cancelled"
    OVERDUE = "overdue"
    NO_REPORT = "no_report"
    NOT_STARTED = "not_started"
    BEHIND = "behind"
    DELAYED = "delayed"
    ON_HOLD = "on_hold"
    MISSED_OCCURRENCES = "missed_occurrences"
    ON_SCHEDULE = "on_schedule"
    STARTS_LATER = "starts_later"
    UNDER_WAY = "under_way"
    NOT_JUDGED = "not_judged"
    EMPTY = "empty"
    CHILDREN_RED = "children_red"
    CHILDREN_AMBER = "children_amber"
    CHILDREN_GREEN = "children_green"


@attrs.frozen
class Reason:
    """One reason for a gauge, as data; :meth:`text` gives its words.

    Attributes:
        code: What the reason is.
        gauge: The gauge this reason alone sets.
        on: The date the words mention (a deadline, a start), if any.
        days: A number of days the words mention (how long overdue), if any.
        points: Percentage points the words mention (behind, or the
            variance when on schedule), exact.
        count: A count the words mention (occurrences reported, items red).
        total: The total the count is of.
    """

    code: ReasonCode
    gauge: Gauge
    on: dt.date | None = None
    days: int | None = None
    points: Decimal | None = None
    count: int | None = None
    total: int | None = None

    def text(self, locale: str = "bg") -> str:
        """Return the reason in words, in ``locale`` (``bg`` or ``en``)."""
        values: dict[str, str] = {}
        if self.on is not None:
            values["date"] = format_date(self.on, locale)
        if self.days is not None:
            values["days"] = days_text(self.days, locale)
        if self.points is not None:
            values["points"] = format_percent(
                self.points, locale, sign=self.code is ReasonCode.ON_SCHEDULE, unit=False
            )
        if self.count is not None:
            values["count"] = str(self.count)
        if self.total is not None:
            values["total"] = str(self.total)
        return label(f"reason_{self.code.value}", locale).format(**values)


# The reasons that carry no numbers are the same value every time: one
# instance each, and the whole verdict for the two that end the judging,
# instead of a new object per unit.
_GREY_CANCELLED = Reason(ReasonCode.CANCELLED, Gauge.GREY)
_GREEN_DONE = Reason(ReasonCode.DONE, Gauge.GREEN)
_AMBER_DELAYED = Reason(ReasonCode.DELAYED, Gauge.AMBER)
_AMBER_ON_HOLD = Reason(ReasonCode.ON_HOLD, Gauge.AMBER)
_GREEN_UNDER_WAY = Reason(ReasonCode.UNDER_WAY, Gauge.GREEN)
_GREY_NOT_JUDGED = Reason(ReasonCode.NOT_JUDGED, Gauge.GREY)
_GREY_EMPTY = Reason(ReasonCode.EMPTY, Gauge.GREY)
_CANCELLED_VERDICT = (Gauge.GREY, (_GREY_CANCELLED,))
_DONE_VERDICT = (Gauge.GREEN, (_GREEN_DONE,))
_EMPTY_VERDICT = (Gauge.GREY, (_GREY_EMPTY,))


def days_text(days: int, locale: str = "bg") -> str:
    """Return ``1 ден``, ``5 дни`` (``1 day``, ``5 days``)."""
    key = "days_one" if days == 1 else "days_other"
    return label(key, locale).format(n=days)


def reasons_text(reasons: Iterable[Reason], locale: str = "bg") -> str:
    """Return the reasons' words joined by ``; ``, worst first."""
    ordered = sorted(reasons, key=lambda reason: -reason.gauge.severity)
    return "; ".join(reason.text(locale) for reason in ordered)


@attrs.frozen
class UnitFacts:
    """What :func:`judge_unit` needs to know of a unit, as of the report's date.

    Attributes:
        as_of: The report's date.
        status: The status of the update that counts, if any.
        reported: True when an update counts (one on or before ``as_of``).
        done: True when reported done (or 100 %).
        started: True when reported started (a status past "not started",
            a percent above 0, or an actual start).
        start: The planned start, if known.
        end: The planned end, if the unit has one.
        variance: Actual minus expected percent, if both are known.
        occurrences_due: Recurring occurrences due by ``as_of``.
        occurrences_reported: Of those, how many a report covers.
        cancelled: True when the status that counts is "cancelled" (derived).
        overdue: True when the deadline has passed and the unit is neither
            done nor cancelled (derived).
        late_to_start: True when the start has passed, it has not started,
            and it is not overdue (derived).
    """

    as_of: dt.date
    status: Status | None
    reported: bool
    done: bool
    started: bool
    start: dt.date | None
    end: dt.date | None
    variance: Decimal | None
    occurrences_due: int = 0
    occurrences_reported: int = 0

    # The derived flags are read dozens of times per unit (the gauge, the
    # lists, every total the unit counts in): they are worked out once, when
    # the facts are made. They follow from the fields above, so they are left
    # out of comparison, hashing and repr, and cannot be passed in.
    cancelled: bool = attrs.field(init=False, eq=False, repr=False)
    overdue: bool = attrs.field(init=False, eq=False, repr=False)
    late_to_start: bool = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Work out the derived flags from the facts."""
        cancelled = self.status is Status.CANCELLED
        overdue = self.end is not None and self.end < self.as_of and not self.done and not cancelled
        late_to_start = (
            self.start is not None
            and self.start <= self.as_of
            and not self.started
            and not self.done
            and not cancelled
            and not overdue
        )
        # The class is frozen: its own initialisation sets the flags the way
        # attrs sets every field.
        object.__setattr__(self, "cancelled", cancelled)
        object.__setattr__(self, "overdue", overdue)
        object.__setattr__(self, "late_to_start", late_to_start)


def judge_unit(facts: UnitFacts, policy: ProgressPolicy) -> tuple[Gauge, tuple[Reason, ...]]:
    """Return the gauge of a unit of progress and its reasons (see the module docstring)."""
    if facts.cancelled:
        return _CANCELLED_VERDICT
    if facts.done:
        return _DONE_VERDICT
    reasons: list[Reason] = []
    if facts.overdue and facts.end is not None:
        days = (facts.as_of - facts.end).days
        reasons.append(Reason(ReasonCode.OVERDUE, Gauge.RED, on=facts.end, days=days))
    if facts.late_to_start:
        code = ReasonCode.NOT_STARTED if facts.reported else ReasonCode.NO_REPORT
        reasons.append(Reason(code, Gauge.AMBER, on=facts.start))
    reasons.extend(_behind(facts.variance, policy))
    if facts.status is Status.DELAYED:
        reasons.append(_AMBER_DELAYED)
    if facts.status is Status.ON_HOLD:
        reasons.append(_AMBER_ON_HOLD)
    if facts.occurrences_reported < facts.occurrences_due:
        reasons.append(
            Reason(
                ReasonCode.MISSED_OCCURRENCES,
                Gauge.AMBER,
                count=facts.occurrences_reported,
                total=facts.occurrences_due,
            )
        )
    if not reasons:
        reasons.append(_fine(facts))
    return _result(reasons)


def _fine(facts: UnitFacts) -> Reason:
    if facts.start is not None and facts.as_of < facts.start:
        return Reason(ReasonCode.STARTS_LATER, Gauge.GREEN, on=facts.start)
    if facts.variance is not None:
        return Reason(ReasonCode.ON_SCHEDULE, Gauge.GREEN, points=facts.variance)
    if facts.reported:
        return _GREEN_UNDER_WAY
    return _GREY_NOT_JUDGED


def _behind(variance: Decimal | None, policy: ProgressPolicy) -> list[Reason]:
    if variance is None:
        return []
    if -variance >= policy.red_behind:
        return [Reason(ReasonCode.BEHIND, Gauge.RED, points=-variance)]
    if -variance >= policy.amber_behind:
        return [Reason(ReasonCode.BEHIND, Gauge.AMBER, points=-variance)]
    return []


def judge_container(
    children: Sequence[Gauge],
    *,
    variance: Decimal | None,
    done: bool,
    cancelled: bool,
    policy: ProgressPolicy,
) -> tuple[Gauge, tuple[Reason, ...]]:
    """Return the gauge of a measure, area or plan from its items' gauges and its variance.

    Args:
        children: The gauges of its items (activities, measures or areas).
        variance: Its own actual minus expected percent, if known.
        done: True when every item that counts is done.
        cancelled: True when every item is cancelled.
        policy: The thresholds for being behind schedule.
    """
    if not children:
        return _EMPTY_VERDICT
    if cancelled:
        return _CANCELLED_VERDICT
    if done:
        return _DONE_VERDICT
    total = len(children)
    red = children.count(Gauge.RED)
    amber = children.count(Gauge.AMBER)
    green = children.count(Gauge.GREEN)
    reasons: list[Reason] = []
    if red:
        reasons.append(Reason(ReasonCode.CHILDREN_RED, Gauge.RED, count=red, total=total))
    if amber:
        reasons.append(Reason(ReasonCode.CHILDREN_AMBER, Gauge.AMBER, count=amber, total=total))
    reasons.extend(_behind(variance, policy))
    if not reasons:
        if green:
            reasons.append(Reason(ReasonCode.CHILDREN_GREEN, Gauge.GREEN, count=green, total=total))
        else:
            reasons.append(_GREY_NOT_JUDGED)
    return _result(reasons)


def _result(reasons: list[Reason]) -> tuple[Gauge, tuple[Reason, ...]]:
    if len(reasons) == 1:  # most units have one reason: nothing to order
        return reasons[0].gauge, (reasons[0],)
    ordered = tuple(sorted(reasons, key=lambda reason: -_SEVERITY[reason.gauge]))
    return ordered[0].gauge, ordered

"""What :func:`capcore.progress` returns: the progress of a plan as of a date.

Every value here is frozen and already computed, so a renderer (the text
report, Excel, Word, HTML, a dashboard) loops over it and computes nothing:

- :class:`ProgressReport`: the whole report; ``items`` holds one
  :class:`ItemProgress` per area, measure and activity in document order,
  ``plan`` the plan's own line;
- :class:`DueItem`: a line of the overdue, late-to-start and upcoming lists;
- :class:`QuickWinSummary`, :class:`RecurringCount`,
  :class:`IndicatorAttainment`, :class:`GroupTotals`: the other views.

Percents are exact Decimals; :func:`capcore.labels.format_percent` rounds
them for display. :meth:`ProgressReport.to_data` gives the documented JSON
shape (``docs/progress.md``), :meth:`ProgressReport.to_text` a readable
report in Bulgarian or English.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from capcore.indicator import Comparison, IndicatorValue
from capcore.labels import format_percent, label
from capcore.progress_gauge import Gauge, Reason, reasons_text
from capcore.progress_policy import ProgressPolicy
from capcore.progress_update import ProgressUpdate, Status
from capcore.schedule import Window

__all__ = [
    "NO_REPORT",
    "DueItem",
    "DueKind",
    "GroupKind",
    "GroupTotals",
    "IndicatorAttainment",
    "ItemLevel",
    "ItemProgress",
    "ProgressReport",
    "QuickWinSummary",
    "RecurringCount",
]

NO_REPORT = "no_report"
"""The key under which :meth:`ProgressReport.status_counts` counts units without a report."""


class ItemLevel(enum.StrEnum):
    """What an item of a report is."""

    PLAN = "plan"
    AREA = "area"
    MEASURE = "measure"
    ACTIVITY = "activity"


@attrs.frozen
class ItemProgress:
    """The progress of one plan, area, measure or activity as of the report's date.

    Attributes:
        level: Plan, area, measure or activity.
        id: The item's stable id.
        number: Its number as written.
        title: Its title.
        parent_id: The id of the area (for a measure) or measure (for an
            activity) it belongs to; None for areas and the plan.
        quick_win: True for a quick-win measure and its activities.
        unit: True when progress is reported on this item itself (an
            activity, or a measure without activities).
        window: The planned dates progress is judged by (see
            :mod:`capcore.schedule`): ``start``, ``end``, where each came from.
        status: The status of the update that counts (a unit), or the status
            its items add up to (a container: done when all are, cancelled
            when all are, not started when none has started, else in progress).
        latest: The update that counts (a unit): the latest on or before
            the date, with its percent, actual dates and note.
        actual: The percent done by the policy, or None when nothing is measured.
        expected: The percent the schedule expects by the date, or None.
        variance: How far ahead (+) or behind (-) schedule, in percentage
            points: ``actual - expected`` for a unit; for a container the
            weighted mean of its items' variances, so that only items with
            both percents count (it may differ from its own ``actual -
            expected`` when some items are undated or unreported).
        weight: The weight it carried in its parent's percent, or None when it
            did not count there (cancelled, no percent, or the plan itself).
        gauge: Its red/amber/green gauge.
        reasons: Why, worst first; :meth:`reason_text` words them.
        units: How many units of progress it holds (1 for a unit).
        reported: Of those, how many have an update on or before the date.
        done: Of those, how many are done.
        cancelled: Of those, how many are cancelled.
        done_on: The day it was done (the actual end reported, else the date
            of the first report saying done), when done.
        responsible: Who is responsible, one name each (split at commas,
            semicolons and line breaks; a unit without its own takes its
            measure's responsible or leader).
        caf_criteria: The CAF criteria (1-9) its measure answers.
        recurring: Occurrences of its recurring deadline due and reported, if any.
    """

    level: ItemLevel
    id: str
    number: str
    title: str
    parent_id: str | None
    quick_win: bool
    unit: bool
    window: Window
    status: Status | None
    latest: ProgressUpdate | None
    actual: Decimal | None
    expected: Decimal | None
    variance: Decimal | None
    weight: Decimal | None
    gauge: Gauge
    reasons: tuple[Reason, ...]
    units: int
    reported: int
    done: int
    cancelled: int
    done_on: dt.date | None = None
    responsible: tuple[str, ...] = ()
    caf_criteria: tuple[int, ...] = ()
    recurring: RecurringCount | None = None

    @property
    def start(self) -> dt.date | None:
        """The planned start used (``window.start``)."""
        return self.window.start

    @property
    def end(self) -> dt.date | None:
        """The planned end used (``window.end``)."""
        return self.window.end

    def reason_text(self, locale: str = "bg") -> str:
        """Return the reasons for the gauge in words, worst first, in ``locale``."""
        return reasons_text(self.reasons, locale)

    def to_data(self) -> dict[str, Any]:
        """Return the item as JSON-ready data (see ``docs/progress.md``)."""
        latest = self.latest
        # Each reason's words are made once per locale and serve both the
        # reason's own entry and the joined text (worst first, as
        # reasons_text orders them).
        bg = [reason.text("bg") for reason in self.reasons]
        en = [reason.text("en") for reason in self.reasons]
        worst_first = sorted(
            range(len(self.reasons)), key=lambda index: -self.reasons[index].gauge.severity
        )
        return {
            "level": self.level.value,
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "parent_id": self.parent_id,
            "quick_win": self.quick_win,
            "unit": self.unit,
            "start": _date(self.window.start),
            "end": _date(self.window.end),
            "start_from": self.window.start_from.value,
            "end_from": self.window.end_from.value,
            "ongoing": self.window.ongoing,
            "status": _value(self.status),
            "reported_on": _date(latest.on) if latest else None,
            "reported_percent": _decimal(latest.percent) if latest else None,
            "actual_start": _date(latest.actual_start) if latest else None,
            "actual_end": _date(latest.actual_end) if latest else None,
            "note": latest.note if latest else "",
            "actual": _decimal(self.actual),
            "expected": _decimal(self.expected),
            "variance": _decimal(self.variance),
            "weight": _decimal(self.weight),
            "gauge": self.gauge.value,
            "reasons": [
                _reason(reason, words_bg, words_en)
                for reason, words_bg, words_en in zip(self.reasons, bg, en, strict=True)
            ],
            "reason": {
                "bg": "; ".join(bg[index] for index in worst_first),
                "en": "; ".join(en[index] for index in worst_first),
            },
            "units": self.units,
            "reported": self.reported,
            "done": self.done,
            "cancelled": self.cancelled,
            "done_on": _date(self.done_on),
            "responsible": list(self.responsible),
            "caf_criteria": list(self.caf_criteria),
            "recurring": self.recurring.to_data() if self.recurring else None,
        }


class DueKind(enum.StrEnum):
    """What date a :class:`DueItem` is about."""

    DEADLINE = "deadline"
    """The item's deadline."""
    START = "start"
    """The item's planned start."""
    OCCURRENCE = "occurrence"
    """One occurrence of the item's recurring deadline."""


@attrs.frozen
class DueItem:
    """A line of the overdue, late-to-start or upcoming list.

    Attributes:
        kind: Whether the date is a deadline, a start or an occurrence.
        on: The date.
        days: Days between the date and the report's date: how long overdue
            or late (lists of the past), or how soon due (upcoming).
        item_id: The item's id.
        level: Measure or activity.
        number: The item's number.
        title: The item's title.
        status: Its status as of the report's date.
        label: For an occurrence, the words of its recurring term
            (``на всеки шест месеца (съкратена)``); else empty.
    """

    kind: DueKind
    on: dt.date
    days: int
    item_id: str
    level: ItemLevel
    number: str
    title: str
    status: Status | None
    label: str = ""

    def to_data(self) -> dict[str, Any]:
        """Return the line as JSON-ready data."""
        return {
            "kind": self.kind.value,
            "on": self.on.isoformat(),
            "days": self.days,
            "id": self.item_id,
            "level": self.level.value,
            "number": self.number,
            "title": self.title,
            "status": _value(self.status),
            "label": self.label,
        }


@attrs.frozen
class RecurringCount:
    """The occurrences of an item's recurring deadline, due and reported.

    Attributes:
        item_id: The item's id.
        number: Its number.
        title: Its title.
        planned: How many occurrences fall within the plan period from its start.
        due: How many fell on or before the report's date.
        reported: Of those, how many a report covers (see
            :func:`capcore.schedule.match_occurrences`).
        missed: The due occurrences no report covers.
        next_on: The next occurrence after the report's date, if any.
    """

    item_id: str
    number: str
    title: str
    planned: int
    due: int
    reported: int
    missed: tuple[dt.date, ...]
    next_on: dt.date | None

    def to_data(self) -> dict[str, Any]:
        """Return the counts as JSON-ready data."""
        return {
            "id": self.item_id,
            "number": self.number,
            "title": self.title,
            "planned": self.planned,
            "due": self.due,
            "reported": self.reported,
            "missed": [day.isoformat() for day in self.missed],
            "next_on": _date(self.next_on),
        }


@attrs.frozen
class QuickWinSummary:
    """How the quick wins are doing.

    Attributes:
        total: How many quick-win measures the plan has (cancelled included).
        done: How many are done.
        done_on_time: Of those, how many were done by their deadline.
        overdue: How many have an overdue activity (or are overdue themselves).
        cancelled: How many are cancelled.
        actual: Their percent done together, by the policy's weights.
        done_share: ``done`` as a percent of the quick wins not cancelled,
            or None when there are none.
        measure_ids: The quick-win measures' ids, in order.
    """

    total: int
    done: int
    done_on_time: int
    overdue: int
    cancelled: int
    actual: Decimal | None
    done_share: Decimal | None
    measure_ids: tuple[str, ...]

    def sentence(self, locale: str = "bg") -> str:
        """Return the summary as one sentence in ``locale``, for every report that shows it.

        The words come from the ``report_quick_wins_line`` label: ``изпълнени 2 от 3
        (66,7 %), в срок 1; с просрочие 1; отменени 0; изпълнение 70,0 %``.
        """
        return label("report_quick_wins_line", locale).format(
            done=self.done,
            total=self.total,
            share=format_percent(self.done_share, locale, unit=True),
            on_time=self.done_on_time,
            overdue=self.overdue,
            cancelled=self.cancelled,
            actual=format_percent(self.actual, locale, unit=True),
        )

    def to_data(self) -> dict[str, Any]:
        """Return the summary as JSON-ready data."""
        return {
            "total": self.total,
            "done": self.done,
            "done_on_time": self.done_on_time,
            "overdue": self.overdue,
            "cancelled": self.cancelled,
            "actual": _decimal(self.actual),
            "done_share": _decimal(self.done_share),
            "measure_ids": list(self.measure_ids),
        }


@attrs.frozen
class IndicatorAttainment:
    """How far an indicator has come from its baseline to its target.

    ``attainment`` is ``(actual - baseline) / (target - baseline)`` as a
    percent, the baseline counting 0 when unknown for "at least" and
    "exactly" targets (an "at most" target needs a baseline). It is not cut
    at 0 or 100: 120 % means the target was exceeded by a fifth.

    Attributes:
        id: The indicator's id.
        name: What is measured.
        unit: The unit.
        owner_id: The measure it belongs to, or None for a plan-wide indicator.
        owner_number: That measure's number, or empty.
        baseline: The value before the plan.
        target: The value aimed at.
        comparison: How the actual is held against the target.
        per_year: True when the target is per year.
        text: The target as written.
        latest: The latest value measured on or before the report's date.
        attainment: The percent of the way from baseline to target, exact.
        reached: Whether the latest value meets the target; None without both.
    """

    id: str
    name: str
    unit: str
    owner_id: str | None
    owner_number: str
    baseline: Decimal | None
    target: Decimal | None
    comparison: Comparison
    per_year: bool
    text: str
    latest: IndicatorValue | None
    attainment: Decimal | None
    reached: bool | None

    @property
    def actual(self) -> Decimal | None:
        """The latest value, or None."""
        return self.latest.value if self.latest else None

    def sentence(self, locale: str = "bg") -> str:
        """Return baseline, target, actual and attainment as one sentence in ``locale``.

        The words come from the ``report_indicator_line`` label; an unknown
        value shows ``—``, and a known outcome ends the line with
        ``(достигната)`` or ``(недостигната)``.
        """
        line = label("report_indicator_line", locale).format(
            baseline=_plain_number(self.baseline),
            target=_plain_number(self.target),
            actual=_plain_number(self.actual),
            attainment=format_percent(self.attainment, locale, unit=True),
        )
        if self.reached is None:
            return line
        return f"{line} ({label('reached' if self.reached else 'not_reached', locale)})"

    def to_data(self) -> dict[str, Any]:
        """Return the attainment as JSON-ready data."""
        return {
            "id": self.id,
            "name": self.name,
            "unit": self.unit,
            "owner_id": self.owner_id,
            "owner_number": self.owner_number,
            "baseline": _decimal(self.baseline),
            "target": _decimal(self.target),
            "comparison": self.comparison.value,
            "per_year": self.per_year,
            "text": self.text,
            "actual": _decimal(self.actual),
            "actual_on": _date(self.latest.on) if self.latest else None,
            "attainment": _decimal(self.attainment),
            "reached": self.reached,
        }


class GroupKind(enum.StrEnum):
    """How the units of a plan are grouped for totals."""

    RESPONSIBLE = "responsible"
    """By responsible person or unit, as the plan names them."""
    CRITERION = "criterion"
    """By the CAF criterion (1-9) their measure answers."""


@attrs.frozen
class GroupTotals:
    """The totals of the units of one responsible person or unit, or one CAF criterion.

    A unit with several responsible (or a measure answering several
    criteria) counts in each of their groups, so groups overlap and their
    counts need not add up to the plan's.

    Attributes:
        kind: Responsible or criterion.
        key: The group's key: the name as first written (empty for units
            naming nobody), or the criterion's number (empty for none).
        title_bg: The group's title in Bulgarian (the name, or the
            criterion's number and title).
        title_en: The same in English.
        units: How many units of progress it holds.
        reported: Of those, with a report.
        done: Of those, done.
        cancelled: Of those, cancelled.
        overdue: Of those, overdue.
        late_to_start: Of those, late to start.
        red: Of those, with a red gauge.
        amber: Of those, amber.
        green: Of those, green.
        grey: Of those, grey.
        actual: Their percent done together, by the policy's weights.
        expected: Their expected percent together.
        variance: The weighted mean of the units' variances, or None.
    """

    kind: GroupKind
    key: str
    title_bg: str
    title_en: str
    units: int
    reported: int
    done: int
    cancelled: int
    overdue: int
    late_to_start: int
    red: int
    amber: int
    green: int
    grey: int
    actual: Decimal | None
    expected: Decimal | None
    variance: Decimal | None

    def title(self, locale: str = "bg") -> str:
        """Return the group's title in ``locale``."""
        return self.title_en if locale == "en" else self.title_bg

    def to_data(self) -> dict[str, Any]:
        """Return the totals as JSON-ready data."""
        return {
            "kind": self.kind.value,
            "key": self.key,
            "title": {"bg": self.title_bg, "en": self.title_en},
            "units": self.units,
            "reported": self.reported,
            "done": self.done,
            "cancelled": self.cancelled,
            "overdue": self.overdue,
            "late_to_start": self.late_to_start,
            "gauges": {
                "red": self.red,
                "amber": self.amber,
                "green": self.green,
                "grey": self.grey,
            },
            "actual": _decimal(self.actual),
            "expected": _decimal(self.expected),
            "variance": _decimal(self.variance),
        }


@attrs.frozen
class ProgressReport:
    """A plan's progress as of a date: every view a report or exporter shows.

    Attributes:
        plan_id: The plan's id.
        title: The plan's title.
        organisation: The plan's organisation.
        as_of: The date: updates after it are ignored.
        policy: The policy the percents were counted by.
        upcoming_days: How many days ahead ``upcoming`` looks.
        plan: The plan's own line (actual, expected, variance, gauge, counts).
        items: Every area, measure and activity, in document order (an
            area, its measures, each followed by its activities).
        overdue: Units past their deadline and not done, most overdue first.
        late_to_start: Units whose start has passed and that have not
            started (and are not overdue), the longest late first.
        upcoming: Deadlines and recurring occurrences due after the date and
            within ``upcoming_days``, soonest first.
        quick_wins: How the quick wins are doing.
        recurring: Every unit with a recurring deadline: occurrences due and reported.
        indicators: Every indicator's attainment, the plan's first.
        by_responsible: Totals by responsible person or unit, in order of
            first appearance (those naming nobody last).
        by_criterion: Totals by CAF criterion, 1 to 9 (measures citing none last).
    """

    plan_id: str
    title: str
    organisation: str
    as_of: dt.date
    policy: ProgressPolicy
    upcoming_days: int
    plan: ItemProgress
    items: tuple[ItemProgress, ...]
    overdue: tuple[DueItem, ...]
    late_to_start: tuple[DueItem, ...]
    upcoming: tuple[DueItem, ...]
    quick_wins: QuickWinSummary
    recurring: tuple[RecurringCount, ...]
    indicators: tuple[IndicatorAttainment, ...]
    by_responsible: tuple[GroupTotals, ...]
    by_criterion: tuple[GroupTotals, ...]

    def item(self, item_id: str) -> ItemProgress:
        """Return the line of the item with ``item_id`` (the plan's id gives ``plan``).

        Raises:
            KeyError: No item has that id.
        """
        if item_id == self.plan_id:
            return self.plan
        for line in self.items:
            if line.id == item_id:
                return line
        raise KeyError(item_id)

    def of_level(self, level: ItemLevel) -> Iterator[ItemProgress]:
        """Yield the items of one level (areas, measures or activities), in order."""
        return (line for line in self.items if line.level is level)

    def children(self, item_id: str) -> Iterator[ItemProgress]:
        """Yield the items directly under ``item_id`` (a measure's activities, ...)."""
        if item_id == self.plan_id:
            return self.of_level(ItemLevel.AREA)
        return (line for line in self.items if line.parent_id == item_id)

    def units(self) -> Iterator[ItemProgress]:
        """Yield the units of progress: every activity, and every measure without any."""
        return (line for line in self.items if line.unit)

    def status_counts(self) -> dict[str, int]:
        """Return how many units have each status, then :data:`NO_REPORT`, zeros included.

        A unit whose latest update gives no status counts under :data:`NO_REPORT`.
        """
        counts = {status.value: 0 for status in Status} | {NO_REPORT: 0}
        for line in self.units():
            counts[line.status.value if line.status is not None else NO_REPORT] += 1
        return counts

    def gauge_counts(self) -> dict[str, int]:
        """Return how many units have each gauge (green, amber, red, grey), zeros included."""
        counts = {gauge.value: 0 for gauge in Gauge}
        for line in self.units():
            counts[line.gauge.value] += 1
        return counts

    def to_data(self) -> dict[str, Any]:
        """Return the report as JSON-ready data: the shape ``docs/progress.md`` documents."""
        return {
            "plan_id": self.plan_id,
            "title": self.title,
            "organisation": self.organisation,
            "as_of": self.as_of.isoformat(),
            "policy": _policy(self.policy),
            "upcoming_days": self.upcoming_days,
            "plan": self.plan.to_data(),
            "status_counts": self.status_counts(),
            "gauge_counts": self.gauge_counts(),
            "items": [line.to_data() for line in self.items],
            "overdue": [due.to_data() for due in self.overdue],
            "late_to_start": [due.to_data() for due in self.late_to_start],
            "upcoming": [due.to_data() for due in self.upcoming],
            "quick_wins": self.quick_wins.to_data(),
            "recurring": [count.to_data() for count in self.recurring],
            "indicators": [indicator.to_data() for indicator in self.indicators],
            "by_responsible": [group.to_data() for group in self.by_responsible],
            "by_criterion": [group.to_data() for group in self.by_criterion],
        }

    def to_text(self, locale: str = "bg") -> str:
        """Return the report as readable text in ``locale`` (``bg`` or ``en``)."""
        from capcore.progress_text import render_progress  # noqa: PLC0415 - renders this type

        return render_progress(self, locale)


def _policy(policy: ProgressPolicy) -> dict[str, Any]:
    percents = policy.status_percents
    return {
        "name": policy.preset_name,
        "source": policy.source.value,
        "weighting": policy.weighting.value,
        "count_cancelled": policy.count_cancelled,
        "missing_as_zero": policy.missing_as_zero,
        "status_percents": {status.value: _decimal(percents.percent(status)) for status in Status},
        "amber_behind": _decimal(policy.amber_behind),
        "red_behind": _decimal(policy.red_behind),
    }


def _reason(reason: Reason, words_bg: str, words_en: str) -> dict[str, Any]:
    return {
        "code": reason.code.value,
        "gauge": reason.gauge.value,
        "on": _date(reason.on),
        "days": reason.days,
        "points": _decimal(reason.points),
        "count": reason.count,
        "total": reason.total,
        "bg": words_bg,
        "en": words_en,
    }


def _decimal(value: Decimal | None) -> str | None:
    # Fixed-point text, never exponent notation ("1E+2"), exact.
    return None if value is None else f"{value:f}"


def _date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _value(member: enum.Enum | None) -> str | None:
    return None if member is None else str(member.value)


def _plain_number(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:f}"

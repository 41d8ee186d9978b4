"""Synthetic, deterministic monitoring data for the seed plans.

The seed plans carry no progress. :func:`add_sample_monitoring` gives every
unit of progress (activity, or measure without activities) the quarterly
reports a department might plausibly have sent, so that demos, tests and
exporters have something to show. Nothing is random: each unit's behaviour
is chosen from a hash of its stable id, so the same plan always gets the
same reports. The data is invented; it says nothing about the real
administrations.

Behaviours, by the id's hash (out of 20 units, about):

- 2 never report (a silent department);
- 1 is cancelled at its first report;
- 3 run late (60 % of the planned pace), 2 stall (30 %) and are reported
  delayed once past their deadline;
- 2 run ahead (120 %), the rest keep to the schedule.

Reported percents are rounded to 5 (people report round numbers), a unit
at 100 % is reported done with its actual end, and a started unit reports
its actual start. Ongoing and undated units report "in progress" each
quarter without a percent.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from capcore.model import Activity, Measure, Plan
from capcore.progress_units import split_names
from capcore.progress_update import ProgressUpdate, Status
from capcore.schedule import Window, unit_window

__all__ = ["add_sample_monitoring", "quarter_ends"]

_SILENT = range(2)
_CANCELLED = range(2, 3)
_LATE = range(3, 6)
_STALLED = range(6, 8)
_AHEAD = range(8, 10)
_BUCKETS = 20
_PACE = {"late": Decimal("0.6"), "stalled": Decimal("0.3"), "ahead": Decimal("1.2")}
_NOTES = {
    Status.NOT_STARTED: "Не е започнала.",
    Status.IN_PROGRESS: "В изпълнение.",
    Status.DONE: "Изпълнена.",
    Status.DELAYED: "Забавена поради натовареност на служителите.",
    Status.CANCELLED: "Отменена: дейността е обхваната от друга мярка.",
}


def quarter_ends(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """Return the last days of the calendar quarters that end within ``first``..``last``."""
    ends = []
    for year in range(first.year, last.year + 1):
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            end = dt.date(year, month, day)
            if first <= end <= last:
                ends.append(end)
    return tuple(ends)


def add_sample_monitoring(plan: Plan, report_dates: Sequence[dt.date] | None = None) -> Plan:
    """Return a copy of ``plan`` with synthetic quarterly reports on every unit of progress.

    Args:
        plan: The plan; it is not changed.
        report_dates: The days the departments report on; by default the
            quarter ends of the plan period.

    Returns:
        A new plan, equal to ``plan`` but for the added updates.

    Raises:
        ValueError: The plan has no period and no report dates are given.
    """
    if report_dates is None:
        if plan.period is None:
            raise ValueError(f"plan {plan.id!r} has no period: give the report dates")
        report_dates = quarter_ends(plan.period.start, plan.period.end)
    result = copy.deepcopy(plan)
    for area in result.areas:
        for measure in area.measures:
            units: list[Activity | Measure] = [*measure.activities] or [measure]
            for unit in units:
                window = unit_window(unit, measure, result)
                unit.updates.extend(_reports(unit, measure, window, report_dates))
    return result


def _behaviour(unit_id: str) -> tuple[str, int]:
    digest = int.from_bytes(hashlib.sha256(unit_id.encode("utf-8")).digest()[:8], "big")
    bucket = digest % _BUCKETS
    for name, span in (
        ("silent", _SILENT),
        ("cancelled", _CANCELLED),
        ("late", _LATE),
        ("stalled", _STALLED),
        ("ahead", _AHEAD),
    ):
        if bucket in span:
            return name, digest
    return "on_time", digest


def _reports(
    unit: Activity | Measure, measure: Measure, window: Window, dates: Sequence[dt.date]
) -> list[ProgressUpdate]:
    behaviour, digest = _behaviour(unit.id)
    if behaviour == "silent":
        return []
    names = split_names(unit.responsible or measure.responsible or measure.roles.leader)
    reporter = names[0] if names else ""
    started = None if window.start is None else window.start + dt.timedelta(days=digest % 7)
    updates: list[ProgressUpdate] = []
    for day in dates:
        if window.start is not None and day < window.start:
            continue
        if behaviour == "cancelled":
            note = _NOTES[Status.CANCELLED]
            updates.append(ProgressUpdate(day, Status.CANCELLED, note=note, reported_by=reporter))
            break
        update = _dated_report(day, window, behaviour, started, reporter)
        updates.append(update)
        if update.status is Status.DONE:
            break
    return updates


def _dated_report(
    day: dt.date, window: Window, behaviour: str, started: dt.date | None, reporter: str
) -> ProgressUpdate:
    expected = window.expected(day)
    if expected is None:
        # Ongoing or undated work: reported under way, without a percent.
        return ProgressUpdate(
            day, Status.IN_PROGRESS, note=_NOTES[Status.IN_PROGRESS], reported_by=reporter
        )
    pace = _PACE.get(behaviour, Decimal(1))
    percent = min(Decimal(100), _round_to_five(expected * pace))
    if percent >= 100:
        end = window.end if window.end is not None and window.end <= day else day
        return ProgressUpdate(
            day,
            Status.DONE,
            Decimal(100),
            actual_start=started,
            actual_end=end,
            note=_NOTES[Status.DONE],
            reported_by=reporter,
        )
    if percent == 0:
        note = _NOTES[Status.NOT_STARTED]
        return ProgressUpdate(day, Status.NOT_STARTED, Decimal(0), note=note, reported_by=reporter)
    late = window.end is not None and day > window.end
    status = Status.DELAYED if late else Status.IN_PROGRESS
    return ProgressUpdate(
        day,
        status,
        percent,
        actual_start=started if started is not None and started <= day else day,
        note=_NOTES[status],
        reported_by=reporter,
    )


def _round_to_five(value: Decimal) -> Decimal:
    return (value / 5).quantize(Decimal(1), ROUND_HALF_UP) * 5

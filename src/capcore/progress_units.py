"""The state of each unit of progress as of a date, and the roll-up arithmetic.

A unit of progress is an activity, or a measure without activities
(:meth:`capcore.Plan.progress_units`). :func:`unit_states` reads each unit's
latest update on or before the date and its planned :class:`Window`, and
applies the policy's percent source; :func:`weights` and :func:`weighted_mean`
are the roll-up every container (measure, area, plan, group) uses. The
report itself is assembled in :mod:`capcore.progress_engine`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

import attrs

from capcore.model import Activity, Area, Measure, Plan
from capcore.progress_gauge import Gauge, Reason, UnitFacts, judge_unit
from capcore.progress_policy import PercentSource, ProgressPolicy, Weighting
from capcore.progress_update import ProgressUpdate, Status, latest_update
from capcore.schedule import Window, match_occurrences, unit_window

__all__ = [
    "UnitState",
    "split_names",
    "unit_states",
    "weighted_mean",
    "weights",
]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_STARTED = frozenset({Status.IN_PROGRESS, Status.DONE, Status.DELAYED, Status.ON_HOLD})
_T = TypeVar("_T")


@attrs.frozen
class UnitState:
    """One unit of progress as of the report's date.

    Attributes:
        unit: The activity, or the measure without activities.
        measure: Its measure (the unit itself for a measure).
        area: Its area.
        window: Its planned dates.
        latest: The update that counts, if any.
        actual: Its percent by the policy (None when the policy finds none).
        expected: The percent its schedule expects by the date.
        facts: What its gauge is judged on.
        gauge: Its gauge.
        reasons: Why.
        done_on: The day it was done, when done.
        occurrences_reported: For each due occurrence, whether a report covers it.
        responsible: Who is responsible, one name each.
    """

    unit: Activity | Measure
    measure: Measure
    area: Area
    window: Window
    latest: ProgressUpdate | None
    actual: Decimal | None
    expected: Decimal | None
    facts: UnitFacts
    gauge: Gauge
    reasons: tuple[Reason, ...]
    done_on: dt.date | None
    occurrences_reported: tuple[bool, ...]
    responsible: tuple[str, ...]

    @property
    def status(self) -> Status | None:
        """The status of the update that counts."""
        return self.facts.status

    @property
    def variance(self) -> Decimal | None:
        """Actual minus expected, or None."""
        return self.facts.variance

    def counts(self, policy: ProgressPolicy) -> bool:
        """True unless it is cancelled and the policy leaves cancelled items out."""
        return policy.count_cancelled or not self.facts.cancelled


def unit_states(plan: Plan, as_of: dt.date, policy: ProgressPolicy) -> list[UnitState]:
    """Return the state of every unit of progress of ``plan`` as of ``as_of``, in order."""
    states: list[UnitState] = []
    for area in plan.areas:
        for measure in area.measures:
            units: Sequence[Activity | Measure] = measure.activities or [measure]
            states.extend(_state(unit, measure, area, plan, as_of, policy) for unit in units)
    return states


def _state(  # noqa: PLR0913, PLR0917 - the unit and where it sits
    unit: Activity | Measure,
    measure: Measure,
    area: Area,
    plan: Plan,
    as_of: dt.date,
    policy: ProgressPolicy,
) -> UnitState:
    window = unit_window(unit, measure, plan)
    latest = latest_update(unit.updates, as_of)
    actual = _percent(latest, policy)
    if actual is None and policy.missing_as_zero:
        actual = _ZERO
    expected = window.expected(as_of)
    status = latest.status if latest else None
    occurrences = match_occurrences(window.occurrences, (u.on for u in unit.updates), as_of)
    facts = UnitFacts(
        as_of=as_of,
        status=status,
        reported=latest is not None,
        done=_is_done(latest),
        started=_is_started(latest, as_of),
        start=window.start,
        end=window.end,
        variance=None if actual is None or expected is None else actual - expected,
        occurrences_due=len(occurrences),
        occurrences_reported=sum(occurrences),
    )
    gauge, reasons = judge_unit(facts, policy)
    written = unit.responsible or measure.responsible or measure.roles.leader
    return UnitState(
        unit=unit,
        measure=measure,
        area=area,
        window=window,
        latest=latest,
        actual=actual,
        expected=expected,
        facts=facts,
        gauge=gauge,
        reasons=reasons,
        done_on=_done_on(unit.updates, latest, as_of) if facts.done else None,
        occurrences_reported=occurrences,
        responsible=split_names(written),
    )


def _percent(latest: ProgressUpdate | None, policy: ProgressPolicy) -> Decimal | None:
    if latest is None:
        return None
    if policy.source is PercentSource.MANUAL:
        value = latest.percent
    elif policy.source is PercentSource.STATUS or latest.percent is None:
        # The status's percent is looked up only where it is the answer.
        value = _by_status(latest, policy)
    else:
        value = latest.percent
    # A percent outside 0-100 in a file is a reporting slip (validation
    # reports it); counting it would push every total out of range.
    return None if value is None else min(max(value, _ZERO), _HUNDRED)


def _by_status(latest: ProgressUpdate, policy: ProgressPolicy) -> Decimal | None:
    return policy.status_percents.percent(latest.status) if latest.status is not None else None


def _is_done(update: ProgressUpdate | None) -> bool:
    if update is None:
        return False
    return update.status is Status.DONE or (update.percent is not None and update.percent >= 100)


def _is_started(latest: ProgressUpdate | None, as_of: dt.date) -> bool:
    if latest is None:
        return False
    return (
        latest.status in _STARTED
        or (latest.percent is not None and latest.percent > 0)
        or (latest.actual_start is not None and latest.actual_start <= as_of)
    )


def _done_on(
    updates: Iterable[ProgressUpdate], latest: ProgressUpdate | None, as_of: dt.date
) -> dt.date | None:
    if latest is not None and latest.actual_end is not None:
        return latest.actual_end
    # The first report of the last unbroken run of "done" reports.
    since: dt.date | None = None
    for update in sorted((u for u in updates if u.on <= as_of), key=lambda u: u.on):
        since = (since or update.on) if _is_done(update) else None
    return since


def split_names(text: str) -> tuple[str, ...]:
    """Return the people or units a "responsible" text names, one each.

    Split at commas, semicolons and line breaks; spaces and a final full
    stop are trimmed; a name repeated (in any letter case) is kept once.
    ``Главен секретар, директори на дирекции`` gives two names.
    """
    return _split_names(text)


# Plans name the same few people and units on every activity; the split is
# pure, so each distinct text is split once.
@functools.lru_cache(maxsize=4096)
def _split_names(text: str) -> tuple[str, ...]:
    names: dict[str, str] = {}
    for part in re.split(r"[,;\n]+", text):
        name = part.strip().rstrip(".").strip()
        if name and name.casefold() not in names:
            names[name.casefold()] = name
    return tuple(names.values())


def weights(
    items: Sequence[_T],
    policy: ProgressPolicy,
    *,
    explicit: Callable[[_T], Decimal | None],
    days: Callable[[_T], int | None],
) -> list[Decimal]:
    """Return the weight of each of ``items`` under the policy.

    Equal: 1 each. Explicit: the item's written weight, 1 where none is
    written. Duration: the planned days; an item without a dated window
    weighs the average of those with one, and all weigh 1 when none has one.
    """
    if policy.weighting is Weighting.EQUAL:
        return [_ONE] * len(items)
    if policy.weighting is Weighting.EXPLICIT:
        return [value if (value := explicit(item)) is not None else _ONE for item in items]
    durations = [days(item) for item in items]
    known = [Decimal(d) for d in durations if d is not None]
    fallback = sum(known, _ZERO) / len(known) if known else _ONE
    return [Decimal(d) if d is not None else fallback for d in durations]


def weighted_mean(pairs: Iterable[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    """Return the weighted mean of the known values, or None when none is known.

    Pairs are ``(weight, value)``; values that are None are left out. When
    the weights of the known values add up to 0 there is nothing to weigh,
    and the result is None too.
    """
    # One pass, adding up in the same order as two separate sums would, so
    # the exact Decimal results are the same.
    total = _ZERO
    weighted = _ZERO
    known = False
    for weight, value in pairs:
        if value is not None:
            known = True
            total += weight
            weighted += weight * value
    if not known or total == 0:
        return None
    return weighted / total

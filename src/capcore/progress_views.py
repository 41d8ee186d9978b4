"""The lists and totals of a progress report, from the states of its units.

- :func:`due_lists`: overdue, late-to-start and upcoming items;
- :func:`recurring_counts`: recurring deadlines, occurrences due vs reported;
- :func:`quick_win_summary`: how the quick wins are doing;
- :func:`indicator_attainments`: each indicator from baseline to target;
- :func:`group_totals`: totals by responsible person or unit, or by CAF criterion.

Used by :mod:`capcore.progress_engine`; the results are the value types of
:mod:`capcore.progress_report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from capcore.caf import CafVersion
from capcore.caf_catalogue import catalogue
from capcore.indicator import Comparison, Indicator
from capcore.labels import label
from capcore.model import Measure, Plan
from capcore.progress_gauge import Gauge
from capcore.progress_policy import ProgressPolicy
from capcore.progress_report import (
    DueItem,
    DueKind,
    GroupKind,
    GroupTotals,
    IndicatorAttainment,
    ItemLevel,
    ItemProgress,
    QuickWinSummary,
    RecurringCount,
)
from capcore.progress_units import UnitState, weighted_mean, weights
from capcore.progress_update import Status

__all__ = [
    "due_lists",
    "group_totals",
    "indicator_attainments",
    "quick_win_summary",
    "recurring_count",
    "recurring_counts",
]

_HUNDRED = Decimal(100)


def due_lists(
    states: Sequence[UnitState], as_of: dt.date, upcoming_days: int
) -> tuple[tuple[DueItem, ...], tuple[DueItem, ...], tuple[DueItem, ...]]:
    """Return the overdue, late-to-start and upcoming lists.

    Overdue: units past their deadline and neither done nor cancelled, most
    overdue first. Late to start: units whose start has passed and that have
    not started, not overdue (an overdue unit is listed as overdue only),
    the longest late first. Upcoming: for units neither done nor cancelled,
    deadlines, dated milestones of ongoing work and recurring occurrences
    after ``as_of`` and at most ``upcoming_days`` later, soonest first.
    """
    overdue: list[tuple[int, int, DueItem]] = []
    late: list[tuple[int, int, DueItem]] = []
    upcoming: list[tuple[dt.date, int, DueItem]] = []
    try:
        horizon = as_of + dt.timedelta(days=upcoming_days)
    except OverflowError:  # a report dated near the end of the calendar
        horizon = dt.date.max
    for position, state in enumerate(states):
        facts, window = state.facts, state.window
        if facts.overdue and window.end is not None:
            days = (as_of - window.end).days
            overdue.append((-days, position, _due(state, DueKind.DEADLINE, window.end, days)))
        if facts.late_to_start and window.start is not None:
            days = (as_of - window.start).days
            late.append((-days, position, _due(state, DueKind.START, window.start, days)))
        if facts.done or facts.cancelled:
            continue
        for kind, day, words in _dates_ahead(state):
            if as_of < day <= horizon:
                due = _due(state, kind, day, (day - as_of).days, words)
                upcoming.append((day, position, due))
    return (
        tuple(item for *_, item in sorted(overdue, key=lambda t: t[:2])),
        tuple(item for *_, item in sorted(late, key=lambda t: t[:2])),
        tuple(item for *_, item in sorted(upcoming, key=lambda t: t[:2])),
    )


def _dates_ahead(state: UnitState) -> Iterable[tuple[DueKind, dt.date, str]]:
    window = state.window
    if window.end is not None:
        yield DueKind.DEADLINE, window.end, ""
    elif window.ongoing:
        deadline = state.unit.deadline
        for term in deadline.terms if deadline is not None else ():
            if term.end is not None:
                yield DueKind.DEADLINE, term.end, term.text
    for recurring in window.recurring:
        for day in recurring.dates:
            yield DueKind.OCCURRENCE, day, recurring.term.text


def _due(state: UnitState, kind: DueKind, on: dt.date, days: int, words: str = "") -> DueItem:
    unit = state.unit
    return DueItem(
        kind=kind,
        on=on,
        days=days,
        item_id=unit.id,
        level=ItemLevel.MEASURE if unit is state.measure else ItemLevel.ACTIVITY,
        number=unit.number,
        title=unit.title,
        status=state.status,
        label=words,
    )


def recurring_count(state: UnitState) -> RecurringCount:
    """Return the occurrences of a unit's recurring deadline, due and reported."""
    occurrences = state.window.occurrences
    flags = state.occurrences_reported
    as_of = state.facts.as_of
    return RecurringCount(
        item_id=state.unit.id,
        number=state.unit.number,
        title=state.unit.title,
        planned=len(occurrences),
        due=len(flags),
        reported=sum(flags),
        missed=tuple(day for day, ok in zip(occurrences, flags, strict=False) if not ok),
        next_on=next((day for day in occurrences if day > as_of), None),
    )


def recurring_counts(states: Sequence[UnitState]) -> tuple[RecurringCount, ...]:
    """Return the counts of every unit with a recurring deadline, in order."""
    return tuple(recurring_count(state) for state in states if state.window.recurring)


def quick_win_summary(
    measure_lines: Sequence[ItemProgress], states: Sequence[UnitState]
) -> QuickWinSummary:
    """Return how the plan's quick wins are doing, from their measures' lines.

    Their percent together weighs each by the weight it carries in its area
    (the policy's). A quick win is overdue when any of its units is. It is
    done by its deadline when the day it was done is on or before its
    planned end; one without a dated end is never counted on time.
    """
    lines = [line for line in measure_lines if line.quick_win]
    actual = weighted_mean((line.weight, line.actual) for line in lines if line.weight is not None)
    done = [line for line in lines if line.status is Status.DONE]
    cancelled = sum(line.status is Status.CANCELLED for line in lines)
    overdue_ids = {state.measure.id for state in states if state.facts.overdue}
    live = len(lines) - cancelled
    return QuickWinSummary(
        total=len(lines),
        done=len(done),
        done_on_time=sum(
            line.done_on is not None and line.end is not None and line.done_on <= line.end
            for line in done
        ),
        overdue=sum(line.id in overdue_ids for line in lines),
        cancelled=cancelled,
        actual=actual,
        done_share=_HUNDRED * len(done) / live if live else None,
        measure_ids=tuple(line.id for line in lines),
    )


def indicator_attainments(plan: Plan, as_of: dt.date) -> tuple[IndicatorAttainment, ...]:
    """Return the attainment of the plan's indicators, then each measure's, in order."""
    found = [_attainment(indicator, None, as_of) for indicator in plan.indicators]
    for measure in plan.measures():
        found.extend(_attainment(indicator, measure, as_of) for indicator in measure.indicators)
    return tuple(found)


def _attainment(indicator: Indicator, owner: Measure | None, as_of: dt.date) -> IndicatorAttainment:
    latest = indicator.latest(as_of)
    actual = latest.value if latest else None
    target = indicator.target
    attainment: Decimal | None = None
    reached: bool | None = None
    if actual is not None and target is not None:
        comparison = indicator.comparison
        if comparison is Comparison.AT_LEAST:
            reached = actual >= target
        elif comparison is Comparison.AT_MOST:
            reached = actual <= target
        else:
            reached = actual == target
        baseline = indicator.baseline
        if baseline is None and comparison is not Comparison.AT_MOST:
            baseline = Decimal(0)
        if baseline is not None and target != baseline:
            attainment = _HUNDRED * (actual - baseline) / (target - baseline)
    return IndicatorAttainment(
        id=indicator.id,
        name=indicator.name,
        unit=indicator.unit,
        owner_id=owner.id if owner else None,
        owner_number=owner.number if owner else "",
        baseline=indicator.baseline,
        target=target,
        comparison=indicator.comparison,
        per_year=indicator.per_year,
        text=indicator.text,
        latest=latest,
        attainment=attainment,
        reached=reached,
    )


def group_totals(
    plan: Plan, states: Sequence[UnitState], policy: ProgressPolicy, *, by_criterion: bool
) -> tuple[GroupTotals, ...]:
    """Return the totals of the units by responsible (or by CAF criterion), in order.

    By responsible: names are matched in any letter case and shown as first
    written; groups come in the order their names first appear, units
    naming nobody last. By criterion: criteria 1 to 9, measures citing none last.
    """
    groups: dict[str, list[UnitState]] = {}
    first: dict[str, tuple[str, str, str]] = {}
    # A measure's criteria are the same for each of its units, and plans name
    # the same few people on unit after unit: the keys of each measure (or
    # each list of names) are worked out, and folded, once.
    known: dict[int | tuple[str, ...], list[tuple[str, tuple[str, str, str]]]] = {}
    for state in states:
        source = id(state.measure) if by_criterion else state.responsible
        keys = known.get(source)
        if keys is None:
            keys = known[source] = [
                (names[0].casefold(), names)
                for names in _keys(plan, state, by_criterion=by_criterion)
            ]
        for folded, names in keys:
            group = groups.get(folded)
            if group is None:
                groups[folded] = [state]
                first[folded] = names
            else:
                group.append(state)
    if by_criterion:
        order = sorted(groups, key=lambda key: (key == "", int(key) if key else 0))
    else:
        order = sorted(groups, key=lambda key: key == "")  # stable: first appearance
    kind = GroupKind.CRITERION if by_criterion else GroupKind.RESPONSIBLE
    return tuple(_totals(kind, first[key], groups[key], policy) for key in order)


def _keys(plan: Plan, state: UnitState, *, by_criterion: bool) -> list[tuple[str, str, str]]:
    if not by_criterion:
        if not state.responsible:
            return [("", label("not_named", "bg"), label("not_named", "en"))]
        return [(name, name, name) for name in state.responsible]
    criteria = sorted({ref.criterion for ref in state.measure.caf_refs})
    if not criteria:
        return [("", label("no_criterion", "bg"), label("no_criterion", "en"))]
    caf = catalogue(plan.caf_version or CafVersion.CAF_2020)
    keys = []
    for criterion in criteria:
        code = str(criterion)
        if code in caf:
            title_bg, title_en = caf.title(code, "bg"), caf.title(code, "en")
            keys.append((code, f"{code}. {title_bg}", f"{code}. {title_en}"))
        else:
            keys.append((code, code, code))
    return keys


def _totals(
    kind: GroupKind,
    names: tuple[str, str, str],
    states: Sequence[UnitState],
    policy: ProgressPolicy,
) -> GroupTotals:
    counted = [state for state in states if state.counts(policy)]
    unit_weights = weights(
        counted,
        policy,
        explicit=lambda state: state.unit.weight,
        days=lambda state: state.window.days,
    )
    actual = weighted_mean(zip(unit_weights, (s.actual for s in counted), strict=True))
    expected = weighted_mean(zip(unit_weights, (s.expected for s in counted), strict=True))
    variance = weighted_mean(zip(unit_weights, (s.variance for s in counted), strict=True))
    gauges = [state.gauge for state in states]
    reported = done = cancelled = overdue = late = 0
    for state in states:  # one pass for the five counts
        facts = state.facts
        reported += facts.reported
        done += facts.done
        cancelled += facts.cancelled
        overdue += facts.overdue
        late += facts.late_to_start
    return GroupTotals(
        kind=kind,
        key=names[0],
        title_bg=names[1],
        title_en=names[2],
        units=len(states),
        reported=reported,
        done=done,
        cancelled=cancelled,
        overdue=overdue,
        late_to_start=late,
        red=gauges.count(Gauge.RED),
        amber=gauges.count(Gauge.AMBER),
        green=gauges.count(Gauge.GREEN),
        grey=gauges.count(Gauge.GREY),
        actual=actual,
        expected=expected,
        variance=variance,
    )

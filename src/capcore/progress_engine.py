"""``capcore.progress``: a plan's progress as of a date.

:func:`progress` reads each unit of progress (:mod:`capcore.progress_units`),
rolls the percents up into measures, areas and the plan by the policy's
weights, judges every item's gauge (:mod:`capcore.progress_gauge`) and
gathers the lists and totals a report shows (:mod:`capcore.progress_views`)
into a :class:`~capcore.progress_report.ProgressReport`.

The roll-up, for every container: its percent is the weighted mean of the
percents of its items that count (cancelled items only if the policy counts
them; items without a percent are left out, or count 0 % under
``missing_as_zero``); its expected percent is the weighted mean of its
items' expected percents, and its variance the weighted mean of their
variances, with the same weights, so the variance compares like with like.
A container in which nothing is measured has no percent. The plan's percent is the weighted mean
of its areas' percents, each area weighing its own weight (explicit policy)
or else the weights of its measures added up, so that with equal weights
the plan's percent is the mean of its measures'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

import attrs

from capcore._gc_pause import cyclic_gc_paused
from capcore.errors import CapcoreError
from capcore.model import Area, Measure, Plan
from capcore.progress_gauge import Gauge, Reason, judge_container
from capcore.progress_policy import DEFAULT_POLICY, ProgressPolicy, Weighting
from capcore.progress_report import ItemLevel, ItemProgress, ProgressReport
from capcore.progress_units import UnitState, unit_states, weighted_mean, weights
from capcore.progress_update import Status
from capcore.progress_views import (
    due_lists,
    group_totals,
    indicator_attainments,
    quick_win_summary,
    recurring_count,
    recurring_counts,
)
from capcore.schedule import DateSource, Window, measure_window

__all__ = ["ProgressError", "progress"]

# Every percent is computed in this context, whatever the caller's decimal
# context says, so that a report is the same everywhere.
_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)


class ProgressError(CapcoreError, ValueError):
    """An argument of :func:`progress` that cannot be used (also a ValueError)."""


@cyclic_gc_paused()
def progress(
    plan: Plan,
    *,
    as_of: dt.date,
    policy: ProgressPolicy | None = None,
    upcoming_days: int = 30,
) -> ProgressReport:
    """Return the progress of ``plan`` as of the end of ``as_of``.

    The latest update of each activity (or measure without activities) on or
    before ``as_of`` counts; later updates are ignored, so a report for a
    past date is reproducible.

    Args:
        plan: The plan.
        as_of: The date.
        policy: How to count; by default the plan's own
            (``plan.progress_policy``), else the ``default`` preset.
        upcoming_days: How many days after ``as_of`` the upcoming list covers.

    Raises:
        ProgressError: ``upcoming_days`` is negative.
    """
    if upcoming_days < 0:
        raise ProgressError(f"upcoming_days must be 0 or more, got {upcoming_days}")
    chosen = policy or plan.progress_policy or DEFAULT_POLICY
    with localcontext(_CONTEXT):
        return _Computation(plan, as_of, chosen, upcoming_days).report()


@attrs.frozen
class _Numbers:
    """Actual, expected and variance; each rolls up over the items that have it."""

    actual: Decimal | None
    expected: Decimal | None
    variance: Decimal | None


@attrs.frozen
class _Totals:
    """A container's numbers before its line is built (its weight is its parent's to say)."""

    numbers: _Numbers
    gauge: Gauge
    reasons: tuple[Reason, ...]

    @property
    def actual(self) -> Decimal | None:
        return self.numbers.actual


def _roll_up(pairs: Sequence[tuple[Decimal, _Numbers]]) -> tuple[_Numbers, _Numbers]:
    """Return the weighted means of the items' numbers, and the weights each mean used.

    The variance is rolled up like the percents (over the items that have
    both an actual and an expected percent), so it always compares like
    with like: an item reported but undated, or dated but not reported,
    moves neither side of it.
    """

    def mean(number: str) -> tuple[Decimal | None, Decimal]:
        known = [(w, value) for w, n in pairs if (value := getattr(n, number)) is not None]
        return weighted_mean(known), sum((w for w, _ in known), Decimal(0))

    (actual, w_actual), (expected, w_expected), (variance, w_variance) = (
        mean("actual"),
        mean("expected"),
        mean("variance"),
    )
    return _Numbers(actual, expected, variance), _Numbers(w_actual, w_expected, w_variance)


@attrs.frozen
class _AreaResult:
    area: Area
    totals: _Totals
    units: tuple[UnitState, ...]
    weights: _Numbers
    lines: tuple[ItemProgress, ...]


@attrs.frozen
class _MeasureResult:
    """A measure's numbers, and ``days``: its planned work in days, for duration weights.

    A measure without activities has the days of its own window; one with
    activities the days of its counted activities added up (so a cancelled
    activity changes nothing), or None when none of them is dated.
    """

    measure: Measure
    window: Window
    units: tuple[UnitState, ...]
    totals: _Totals
    activities: tuple[ItemProgress, ...]
    days: int | None

    def counts(self, policy: ProgressPolicy) -> bool:
        # Only a measure that is itself a cancelled unit drops out as such; a
        # measure whose activities are all cancelled has no percent anyway.
        return bool(self.measure.activities) or self.units[0].counts(policy)


class _Computation:
    def __init__(
        self, plan: Plan, as_of: dt.date, policy: ProgressPolicy, upcoming_days: int
    ) -> None:
        self.plan = plan
        self.as_of = as_of
        self.policy = policy
        self.upcoming_days = upcoming_days
        self.states = unit_states(plan, as_of, policy)
        # The criteria of each measure, by id(measure): its every unit's line shows them.
        self.criteria: dict[int, tuple[int, ...]] = {}
        self.by_measure: dict[int, list[UnitState]] = {}
        for state in self.states:
            self.by_measure.setdefault(id(state.measure), []).append(state)

    def report(self) -> ProgressReport:
        areas = [
            self._area(area, [self._measure(m) for m in area.measures]) for area in self.plan.areas
        ]
        measure_lines = [
            line for result in areas for line in result.lines if line.level is ItemLevel.MEASURE
        ]
        area_lines, plan_line = self._plan(areas, measure_lines)
        items: list[ItemProgress] = []
        for area_line, result in zip(area_lines, areas, strict=True):
            items.append(area_line)
            items.extend(result.lines)
        overdue, late, upcoming = due_lists(self.states, self.as_of, self.upcoming_days)
        return ProgressReport(
            plan_id=self.plan.id,
            title=self.plan.title,
            organisation=self.plan.organisation,
            as_of=self.as_of,
            policy=self.policy,
            upcoming_days=self.upcoming_days,
            plan=plan_line,
            items=tuple(items),
            overdue=overdue,
            late_to_start=late,
            upcoming=upcoming,
            quick_wins=quick_win_summary(measure_lines, self.states),
            recurring=recurring_counts(self.states),
            indicators=indicator_attainments(self.plan, self.as_of),
            by_responsible=group_totals(self.plan, self.states, self.policy, by_criterion=False),
            by_criterion=group_totals(self.plan, self.states, self.policy, by_criterion=True),
        )

    # --- measures --------------------------------------------------------------------------

    def _measure(self, measure: Measure) -> _MeasureResult:
        units = tuple(self.by_measure.get(id(measure), ()))
        if not measure.activities:
            (state,) = units
            numbers = _Numbers(state.actual, state.expected, state.variance)
            totals = _Totals(numbers, state.gauge, state.reasons)
            return _MeasureResult(measure, state.window, units, totals, (), state.window.days)
        counted = [state for state in units if state.counts(self.policy)]
        unit_weights = weights(
            counted,
            self.policy,
            explicit=lambda state: state.unit.weight,
            days=lambda state: state.window.days,
        )
        numbers, _ = _roll_up(
            [
                (w, _Numbers(s.actual, s.expected, s.variance))
                for w, s in zip(unit_weights, counted, strict=True)
            ]
        )
        gauge, reasons = judge_container(
            [state.gauge for state in units],
            variance=numbers.variance,
            done=_all_done(units),
            cancelled=_all_cancelled(units),
            policy=self.policy,
        )
        carried = {id(s): w for s, w in zip(counted, unit_weights, strict=True)}
        activities = tuple(
            self._unit_line(s, carried.get(id(s)) if s.actual is not None else None) for s in units
        )
        dated = [days for state in counted if (days := state.window.days) is not None]
        return _MeasureResult(
            measure,
            measure_window(measure, self.plan, activity_windows=[state.window for state in units]),
            units,
            _Totals(numbers, gauge, reasons),
            activities,
            sum(dated) if dated else None,
        )

    def _unit_line(self, state: UnitState, weight: Decimal | None) -> ItemProgress:
        unit, measure = state.unit, state.measure
        is_activity = unit is not measure
        recurring = recurring_count(state) if state.window.recurring else None
        return ItemProgress(
            level=ItemLevel.ACTIVITY if is_activity else ItemLevel.MEASURE,
            id=unit.id,
            number=unit.number,
            title=unit.title,
            parent_id=measure.id if is_activity else state.area.id,
            quick_win=measure.is_quick_win,
            unit=True,
            window=state.window,
            status=state.status,
            latest=state.latest,
            actual=state.actual,
            expected=state.expected,
            variance=state.variance,
            weight=weight,
            gauge=state.gauge,
            reasons=state.reasons,
            units=1,
            reported=int(state.facts.reported),
            done=int(state.facts.done),
            cancelled=int(state.facts.cancelled),
            done_on=state.done_on,
            responsible=state.responsible,
            caf_criteria=self._criteria(measure),
            recurring=recurring,
        )

    # --- areas and the plan ----------------------------------------------------------------

    def _area(self, area: Area, results: Sequence[_MeasureResult]) -> _AreaResult:
        counted = [result for result in results if result.counts(self.policy)]
        measure_weights = weights(
            counted,
            self.policy,
            explicit=lambda result: result.measure.weight,
            days=lambda result: result.days,
        )
        pairs = list(zip(measure_weights, counted, strict=True))
        numbers, used = _roll_up([(w, r.totals.numbers) for w, r in pairs])
        units = tuple(state for result in results for state in result.units)
        gauge, reasons = judge_container(
            [result.totals.gauge for result in results],
            variance=numbers.variance,
            done=_all_done(units),
            cancelled=_all_cancelled(units),
            policy=self.policy,
        )
        carried = {id(r): w for w, r in pairs if r.totals.actual is not None}
        lines: list[ItemProgress] = []
        for result in results:
            weight = carried.get(id(result))
            if not result.measure.activities:
                lines.append(self._unit_line(result.units[0], weight))
                continue
            lines.append(
                self._container_line(
                    ItemLevel.MEASURE,
                    result.measure,
                    area.id,
                    result.window,
                    result.units,
                    result.totals,
                    weight,
                )
            )
            lines.extend(result.activities)
        return _AreaResult(
            area=area,
            totals=_Totals(numbers, gauge, reasons),
            units=units,
            weights=used,
            lines=tuple(lines),
        )

    def _plan(
        self, areas: Sequence[_AreaResult], measure_lines: Sequence[ItemProgress]
    ) -> tuple[list[ItemProgress], ItemProgress]:
        explicit = self.policy.weighting is Weighting.EXPLICIT

        def weight(area: Area, summed: Decimal | None) -> Decimal:
            if explicit and area.weight is not None:
                return area.weight
            return summed if summed is not None else Decimal(0)

        def mean(number: str) -> Decimal | None:
            return weighted_mean(
                (weight(r.area, getattr(r.weights, number)), getattr(r.totals.numbers, number))
                for r in areas
            )

        numbers = _Numbers(mean("actual"), mean("expected"), mean("variance"))
        units = tuple(state for result in areas for state in result.units)
        gauge, reasons = judge_container(
            [line.gauge for line in measure_lines],
            variance=numbers.variance,
            done=_all_done(units),
            cancelled=_all_cancelled(units),
            policy=self.policy,
        )
        area_lines = [
            self._container_line(
                ItemLevel.AREA,
                result.area,
                None,
                _span(result.units),
                result.units,
                result.totals,
                weight(result.area, result.weights.actual)
                if result.totals.actual is not None
                else None,
            )
            for result in areas
        ]
        window = (
            Window(self.plan.period.start, self.plan.period.end, DateSource.PLAN, DateSource.PLAN)
            if self.plan.period is not None
            else _span(units)
        )
        plan_line = self._container_line(
            ItemLevel.PLAN,
            self.plan,
            None,
            window,
            units,
            _Totals(numbers, gauge, reasons),
            None,
        )
        return area_lines, plan_line

    def _container_line(  # noqa: PLR0913, PLR0917 - a line has this many parts
        self,
        level: ItemLevel,
        item: Plan | Area | Measure,
        parent_id: str | None,
        window: Window,
        units: Sequence[UnitState],
        totals: _Totals,
        weight: Decimal | None,
    ) -> ItemProgress:
        done = _all_done(units)
        done_days = [state.done_on for state in units if state.done_on is not None]
        measure = item if isinstance(item, Measure) else None
        return ItemProgress(
            level=level,
            id=item.id,
            number=item.number if not isinstance(item, Plan) else "",
            title=item.title,
            parent_id=parent_id,
            quick_win=measure.is_quick_win if measure else False,
            unit=False,
            window=window,
            status=_derived_status(units),
            latest=None,
            actual=totals.numbers.actual,
            expected=totals.numbers.expected,
            variance=totals.numbers.variance,
            weight=weight,
            gauge=totals.gauge,
            reasons=totals.reasons,
            units=len(units),
            reported=sum(state.facts.reported for state in units),
            done=sum(state.facts.done for state in units),
            cancelled=sum(state.facts.cancelled for state in units),
            done_on=max(done_days) if done and done_days else None,
            responsible=_names(units) if measure else (),
            caf_criteria=self._criteria(measure) if measure else (),
        )

    def _criteria(self, measure: Measure) -> tuple[int, ...]:
        criteria = self.criteria.get(id(measure))
        if criteria is None:
            criteria = self.criteria[id(measure)] = _criteria(measure)
        return criteria


def _all_done(units: Sequence[UnitState]) -> bool:
    live = [state for state in units if not state.facts.cancelled]
    return bool(live) and all(state.facts.done for state in live)


def _all_cancelled(units: Sequence[UnitState]) -> bool:
    return bool(units) and all(state.facts.cancelled for state in units)


def _derived_status(units: Sequence[UnitState]) -> Status | None:
    """Done when all (not cancelled) are; cancelled when all are; else by what started."""
    if not units:
        return None
    if _all_cancelled(units):
        return Status.CANCELLED
    if _all_done(units):
        return Status.DONE
    live = [state for state in units if not state.facts.cancelled]
    if any(state.facts.started or state.facts.done for state in live):
        return Status.IN_PROGRESS
    if any(state.facts.reported for state in live):
        return Status.NOT_STARTED
    return None


def _criteria(measure: Measure) -> tuple[int, ...]:
    return tuple(sorted({ref.criterion for ref in measure.caf_refs}))


def _names(units: Sequence[UnitState]) -> tuple[str, ...]:
    names: dict[str, str] = {}
    for state in units:
        for name in state.responsible:
            names.setdefault(name.casefold(), name)
    return tuple(names.values())


def _span(units: Sequence[UnitState]) -> Window:
    """The window from the earliest start to the latest end of ``units``.

    No end when one of them has none.
    """
    starts = [state.window.start for state in units if state.window.start is not None]
    ends = [state.window.end for state in units]
    dated = [end for end in ends if end is not None]
    whole = bool(ends) and len(dated) == len(ends)
    return Window(
        start=min(starts) if starts else None,
        end=max(dated) if whole else None,
        start_from=DateSource.ACTIVITIES if starts else DateSource.NONE,
        end_from=DateSource.ACTIVITIES if whole else DateSource.NONE,
        ongoing=any(state.window.ongoing for state in units),
    )

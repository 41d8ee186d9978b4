"""capcore.schedule: planned windows, expected percent, recurring occurrences and their reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore import PlanBuilder, Recurrence, RecurrenceUnit, schedule
from capcore.examples import pazardzhik
from capcore.model import Activity, Measure, Period, Plan
from capcore.schedule import (
    DateSource,
    Window,
    activity_window,
    expand_recurrence,
    match_occurrences,
    measure_window,
)
from capcore.testing.strategies import periods, plans

D = dt.date


# --- expected percent ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2022, 3, 13), Decimal(0)),  # the day before the start
        (D(2022, 3, 14), Decimal(20)),  # first of 5 days
        (D(2022, 3, 16), Decimal(60)),  # third of 5 days
        (D(2022, 3, 18), Decimal(100)),  # the deadline
        (D(2022, 9, 1), Decimal(100)),  # long after
    ],
)
def test_expected_is_linear_over_whole_days(as_of: dt.date, expected: Decimal) -> None:
    """14-18 March 2022 (Lovech 1.1.1) is 5 days, each 20 %."""
    window = Window(D(2022, 3, 14), D(2022, 3, 18))
    assert window.expected(as_of) == expected
    assert window.days == 5


def test_expected_of_a_milestone_steps_at_its_deadline() -> None:
    """Without a start, nothing is expected before the deadline and all of it from then on."""
    window = Window(None, D(2022, 5, 31))
    assert (window.expected(D(2022, 5, 30)), window.expected(D(2022, 5, 31))) == (0, 100)
    assert window.is_milestone


def test_no_expected_without_end_or_with_end_before_start() -> None:
    """Ongoing work has no expected percent; nor has a deadline before its start."""
    assert Window(D(2022, 1, 1), None, ongoing=True).expected(D(2022, 6, 1)) is None
    backwards = Window(D(2022, 5, 1), D(2022, 4, 1))
    assert backwards.expected(D(2022, 6, 1)) is None
    assert backwards.days is None


# --- windows from what plans write --------------------------------------------------------


def _plan_with(**activity: str) -> tuple[Activity, Measure, Plan]:
    builder = PlanBuilder("План", id="p", period=(2022, 2024))
    measure = builder.area("А").measure(
        "M", start=activity.pop("measure_start", None), deadline=activity.pop("measure_end", None)
    )
    measure.activity("a", **activity)
    plan = builder.build()
    m = plan.areas[0].measures[0]
    return m.activities[0], m, plan


def test_own_dates_are_used() -> None:
    """An activity's own start and deadline give its window."""
    activity, measure, plan = _plan_with(start="14.3.2022", deadline="18.3.2022")
    window = activity_window(activity, measure, plan)
    assert (window.start, window.end) == (D(2022, 3, 14), D(2022, 3, 18))
    assert (window.start_from, window.end_from) == (DateSource.OWN, DateSource.OWN)


def test_missing_dates_come_from_the_measure() -> None:
    """An activity without dates takes its measure's start and deadline."""
    activity, measure, plan = _plan_with(measure_start="1.4.2022", measure_end="30.6.2022")
    window = activity_window(activity, measure, plan)
    assert (window.start, window.end) == (D(2022, 4, 1), D(2022, 6, 30))
    assert (window.start_from, window.end_from) == (DateSource.MEASURE, DateSource.MEASURE)


def test_a_month_deadline_starts_on_the_first_of_the_month() -> None:
    """ "м. март 2023" without a start runs from 1 to 31 March 2023."""
    activity, measure, plan = _plan_with(deadline="м. март 2023")
    window = activity_window(activity, measure, plan)
    assert (window.start, window.end) == (D(2023, 3, 1), D(2023, 3, 31))
    assert window.start_from is DateSource.DEADLINE


def test_an_exact_deadline_without_start_starts_with_the_plan() -> None:
    """An exact deadline and no start anywhere: the work is planned from the plan's start."""
    activity, measure, plan = _plan_with(deadline="30.6.2022")
    window = activity_window(activity, measure, plan)
    assert (window.start, window.start_from) == (D(2022, 1, 1), DateSource.PLAN)


def test_continuous_work_is_ongoing_without_an_end() -> None:
    """ "текущо" as start and deadline (Lovech 1.2.2): ongoing from the plan's start."""
    activity, measure, plan = _plan_with(start="текущо", deadline="текущо")
    window = activity_window(activity, measure, plan)
    assert window.ongoing
    assert (window.start, window.end) == (D(2022, 1, 1), None)


def test_event_deadline_has_no_dates() -> None:
    """ "при актуализация" waits for an event: no end, marked as such."""
    activity, measure, plan = _plan_with(deadline="при актуализация")
    window = activity_window(activity, measure, plan)
    assert window.event
    assert window.end is None


def test_measure_spans_its_activities() -> None:
    """A measure without dates of its own runs from its first start to its last deadline."""
    builder = PlanBuilder("План", id="p", period=(2022, 2022))
    measure = builder.area("А").measure("M")
    measure.activity("a", start="18.3.2022", deadline="15.9.2022")
    measure.activity("b", start="14.3.2022", deadline="18.3.2022")
    plan = builder.build()
    window = measure_window(plan.areas[0].measures[0], plan)
    assert (window.start, window.end) == (D(2022, 3, 14), D(2022, 9, 15))
    assert (window.start_from, window.end_from) == (DateSource.ACTIVITIES, DateSource.ACTIVITIES)


def test_one_ongoing_activity_makes_the_measure_ongoing() -> None:
    """Lovech 1.2: one dated activity and one "текущо" one: no end for the measure."""
    builder = PlanBuilder("План", id="p", period=(2022, 2022))
    measure = builder.area("А").measure("M")
    measure.activity("a", start="18.5.2022", deadline="27.5.2022")
    measure.activity("b", start="текущо", deadline="текущо")
    plan = builder.build()
    window = measure_window(plan.areas[0].measures[0], plan)
    assert window.ongoing
    assert window.end is None


def test_pazardzhik_recurring_reports_within_the_period() -> None:
    """Measure 4 (every six months and yearly, from 1 September 2017, in 2017-2018)."""
    plan = pazardzhik()
    measure = plan.areas[0].measures[3]
    window = measure_window(measure, plan)
    assert window.ongoing
    half_yearly, yearly = window.recurring
    assert half_yearly.term.label == "съкратена"
    assert half_yearly.dates == (D(2017, 12, 31), D(2018, 6, 30), D(2018, 12, 31))
    assert yearly.dates == (D(2017, 12, 31), D(2018, 12, 31))
    # One report covers a day on which both fall.
    assert window.occurrences == (D(2017, 12, 31), D(2018, 6, 30), D(2018, 12, 31))


def test_a_dated_term_of_continuous_work_is_a_milestone() -> None:
    """Pazardzhik 9: "1 декември 2017 (...) Постоянен (...)": ongoing, with a milestone."""
    plan = pazardzhik()
    window = measure_window(plan.areas[0].measures[8], plan)
    assert window.ongoing
    assert window.milestones == (D(2017, 12, 1),)


# --- recurrences ---------------------------------------------------------------------------


def test_quarterly_in_a_calendar_year() -> None:
    """Every 3 months in 2024: the quarter ends."""
    dates = expand_recurrence(Recurrence(3), Period.years(2024))
    assert dates == (D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31))


def test_yearly_in_december() -> None:
    """ "ежегодно, декември" in 2017-2018: 31 December of each year."""
    recurrence = Recurrence(12, anchor_month=12)
    assert expand_recurrence(recurrence, Period.years(2017, 2018)) == (
        D(2017, 12, 31),
        D(2018, 12, 31),
    )


def test_anchor_day_and_short_months() -> None:
    """Monthly on the 31st falls on each month's last day (29 February in 2024)."""
    dates = expand_recurrence(Recurrence(1, anchor_day=31), Period(D(2024, 1, 1), D(2024, 3, 31)))
    assert dates == (D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31))


def test_quarterly_anchored_late_in_the_year_starts_early() -> None:
    """Every 3 months anchored in December also falls in March, June and September."""
    dates = expand_recurrence(Recurrence(3, anchor_month=12), Period.years(2024))
    assert dates == (D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31))


def test_weekly_from_the_period_start() -> None:
    """Every 2 weeks from Monday 1 January 2024: each block's last day."""
    dates = expand_recurrence(
        Recurrence(2, RecurrenceUnit.WEEK), Period(D(2024, 1, 1), D(2024, 2, 15))
    )
    assert dates == (D(2024, 1, 14), D(2024, 1, 28), D(2024, 2, 11))


@given(st.integers(1, 24), st.sampled_from(RecurrenceUnit), periods())
def test_occurrences_fall_within_the_period_in_order(
    interval: int, unit: RecurrenceUnit, period: Period
) -> None:
    """Every occurrence lies within the period, strictly increasing, at most the cap."""
    dates = expand_recurrence(Recurrence(interval, unit), period)
    assert all(period.start <= day <= period.end for day in dates)
    assert list(dates) == sorted(set(dates))
    assert len(dates) <= 1000


# --- reports covering occurrences ----------------------------------------------------------

QUARTERS = (D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31))


def test_a_report_a_little_late_still_counts() -> None:
    """A report on 5 April covers 31 March (it is before the next, 30 June)."""
    assert match_occurrences(QUARTERS, [D(2024, 4, 5)], D(2024, 5, 1)) == (True,)


def test_one_report_covers_one_occurrence() -> None:
    """One report between 31 March and 30 June covers one of them, the earlier."""
    assert match_occurrences(QUARTERS, [D(2024, 5, 1)], D(2024, 7, 1)) == (True, False)


def test_reports_after_the_date_are_ignored() -> None:
    """A report dated after the as-of date covers nothing yet."""
    assert match_occurrences(QUARTERS, [D(2024, 7, 1)], D(2024, 6, 30)) == (False, False)


def test_only_due_occurrences_are_counted() -> None:
    """As of 15 August two quarters are due; reports in each window cover them."""
    reports = [D(2024, 3, 20), D(2024, 6, 25), D(2024, 8, 1)]
    assert match_occurrences(QUARTERS, reports, D(2024, 8, 15)) == (True, True)


# --- the window cache ----------------------------------------------------------------------


@given(plans())
def test_cached_windows_equal_a_fresh_computation(plan: Plan) -> None:
    # Windows are cached by value: an equal deadline of another item gets the
    # window computed for the first. Each must equal its own fresh computation.
    for measure in plan.measures():
        for activity in measure.activities:
            fresh = schedule._window.__wrapped__(
                activity.start,
                activity.deadline,
                plan.period,
                inherited_start=measure.start,
                inherited_deadline=measure.deadline,
            )
            assert activity_window(activity, measure, plan) == fresh
            assert activity_window(attrs.evolve(activity), measure, plan) == fresh
        own = schedule._window.__wrapped__(measure.start, measure.deadline, plan.period)
        if not measure.activities:
            assert measure_window(measure, plan) == own


@given(plans())
def test_occurrences_are_every_term_date_once_in_order(plan: Plan) -> None:
    for measure in plan.measures():
        for activity in measure.activities:
            window = activity_window(activity, measure, plan)
            every = [day for term in window.recurring for day in term.dates]
            assert window.occurrences == tuple(sorted(set(every)))
            assert window.occurrences is window.occurrences  # sorted once

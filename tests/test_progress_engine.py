"""capcore.progress: the arithmetic of every policy on small hand-checked plans, and its properties.

The expected numbers below were worked out by hand (the comments show the
sums); none is computed by the code under test.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Context, Decimal, localcontext

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore import (
    Activity,
    Comparison,
    Gauge,
    IndicatorValue,
    ItemLevel,
    PlanBuilder,
    ProgressError,
    ProgressPolicy,
    ProgressUpdate,
    ReasonCode,
    Status,
    progress,
)
from capcore.model import Measure, Plan
from capcore.progress_report import ProgressReport
from capcore.testing.strategies import plans, progress_policies

D = dt.date
AS_OF = D(2024, 1, 15)


def _four_decimals(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.0001")))


def small_plan(*, weights: bool = False) -> Plan:
    """Two areas, three measures, four activities; reports up to 15 January 2024.

    - Area А: measure M1 with A1 (1-10 Jan, 40 % on 5 Jan) and A2 (11-20 Jan,
      "in progress" without a percent on 15 Jan); measure M2 without
      activities (1-31 Jan, "done" on 10 Jan, no percent).
    - Area Б: measure M3 with A3 (1-10 Jan, done 100 % on 10 Jan) and A4
      (1-10 Jan, cancelled on 5 Jan).
    With ``weights``: A1 weighs 3, A2 1, M2 2, area Б 3.
    """
    builder = PlanBuilder("План", id="plan", period=(2024, 2024))
    first = builder.area("А")
    m1 = first.measure("M1", id="m1")
    m1.activity(
        "A1", id="a1", start=D(2024, 1, 1), deadline=D(2024, 1, 10), weight=3 if weights else None
    ).update(D(2024, 1, 5), status=Status.IN_PROGRESS, percent=40)
    m1.activity(
        "A2", id="a2", start=D(2024, 1, 11), deadline=D(2024, 1, 20), weight=1 if weights else None
    ).update(D(2024, 1, 15), status=Status.IN_PROGRESS)
    first.measure(
        "M2", id="m2", start=D(2024, 1, 1), deadline=D(2024, 1, 31), weight=2 if weights else None
    ).update(D(2024, 1, 10), status=Status.DONE)
    second = builder.area("Б", weight=3 if weights else None)
    m3 = second.measure("M3", id="m3")
    m3.activity("A3", id="a3", start=D(2024, 1, 1), deadline=D(2024, 1, 10)).update(
        D(2024, 1, 10), status=Status.DONE, percent=100
    )
    m3.activity("A4", id="a4", start=D(2024, 1, 1), deadline=D(2024, 1, 10)).update(
        D(2024, 1, 5), status=Status.CANCELLED
    )
    return builder.build()


def _actuals(report: ProgressReport) -> dict[str, str | None]:
    lines = {line.title: line.actual for line in report.items}
    lines["plan"] = report.plan.actual
    return {key: _four_decimals(value) for key, value in lines.items()}


# --- each policy, by hand -----------------------------------------------------------------


def test_default_policy_by_hand() -> None:
    """Reported percent, else the status's; equal weights; the cancelled A4 left out."""
    report = progress(small_plan(), as_of=AS_OF)
    assert _actuals(report) == {
        "А": "72.5000",  # (M1 45 + M2 100) / 2
        "M1": "45.0000",  # (A1 40 + A2 50 for "in progress") / 2
        "A1": "40.0000",
        "A2": "50.0000",
        "M2": "100.0000",  # "done" stands for 100
        "Б": "100.0000",
        "M3": "100.0000",  # A3 alone: A4 is cancelled
        "A3": "100.0000",
        "A4": "0.0000",  # its own percent is shown; it does not count
        "plan": "81.6667",  # (45 + 100 + 100) / 3 measures
    }


def test_default_policy_expected_by_hand() -> None:
    """Expected: linear over whole days, both ends included; containers by the same weights."""
    report = progress(small_plan(), as_of=AS_OF)
    expected = {line.title: _four_decimals(line.expected) for line in report.items}
    assert expected["A1"] == "100.0000"  # 15 Jan is past the deadline of 10 Jan
    assert expected["A2"] == "50.0000"  # 11-15 Jan is 5 of 10 days
    assert expected["M2"] == "48.3871"  # 15 of 31 days
    assert expected["M1"] == "75.0000"  # (100 + 50) / 2
    assert expected["А"] == "61.6935"  # (75 + 48.3871) / 2
    assert expected["M3"] == "100.0000"  # A3 alone
    assert _four_decimals(report.plan.expected) == "74.4624"  # (75 + 48.3871 + 100) / 3
    assert _four_decimals(report.plan.variance) == "7.2043"  # 81.6667 - 74.4624


def test_manual_policy_by_hand() -> None:
    """Only reported percents: A2 and M2 report none, so they are left out."""
    report = progress(small_plan(), as_of=AS_OF, policy=ProgressPolicy.named("manual"))
    actuals = _actuals(report)
    assert actuals["A2"] is None
    assert actuals["M2"] is None
    assert actuals["M1"] == "40.0000"  # A1 alone
    assert actuals["А"] == "40.0000"  # M1 alone
    assert actuals["plan"] == "70.0000"  # (M1 40 + M3 100) / 2


def test_status_policy_by_hand() -> None:
    """Only statuses: A1's 40 % is ignored, "in progress" counts 50."""
    report = progress(small_plan(), as_of=AS_OF, policy=ProgressPolicy.named("status"))
    actuals = _actuals(report)
    assert actuals["A1"] == "50.0000"
    assert actuals["M1"] == "50.0000"
    assert actuals["plan"] == "83.3333"  # (50 + 100 + 100) / 3


def test_status_policy_with_own_percents() -> None:
    """A policy may say what each status stands for."""
    policy = ProgressPolicy.named("status")
    policy = attrs.evolve(
        policy, status_percents=attrs.evolve(policy.status_percents, in_progress=Decimal(20))
    )
    report = progress(small_plan(), as_of=AS_OF, policy=policy)
    assert _actuals(report)["M1"] == "20.0000"  # (20 + 20) / 2
    assert _actuals(report)["plan"] == "73.3333"  # (20 + 100 + 100) / 3


def test_duration_policy_by_hand() -> None:
    """Each item weighs its planned days: A1 and A2 10 each, M1 20, M2 31, M3 10 (A3 only)."""
    report = progress(small_plan(), as_of=AS_OF, policy=ProgressPolicy.named("duration"))
    actuals = _actuals(report)
    assert actuals["M1"] == "45.0000"  # (10*40 + 10*50) / 20
    assert actuals["А"] == "78.4314"  # (20*45 + 31*100) / 51 = 4000 / 51
    assert actuals["plan"] == "81.9672"  # (51*78.4314 + 10*100) / 61 = 5000 / 61
    lines = {line.title: line.weight for line in report.items}
    assert (lines["A1"], lines["M1"], lines["M2"], lines["M3"]) == (10, 20, 31, 10)


def test_explicit_weights_by_hand() -> None:
    """A1 weighs 3, A2 1; M2 2 (M1 1); area Б 3, area А its measures' 1 + 2."""
    report = progress(
        small_plan(weights=True), as_of=AS_OF, policy=ProgressPolicy.named("weighted")
    )
    actuals = _actuals(report)
    assert actuals["M1"] == "42.5000"  # (3*40 + 1*50) / 4
    assert actuals["А"] == "80.8333"  # (1*42.5 + 2*100) / 3
    assert actuals["plan"] == "90.4167"  # (3*80.8333 + 3*100) / 6 = 542.5 / 6


def test_weights_are_ignored_by_the_equal_policy() -> None:
    """The default policy weighs everything equally, whatever the plan writes."""
    report = progress(small_plan(weights=True), as_of=AS_OF)
    assert _actuals(report)["plan"] == "81.6667"


def test_strict_policy_counts_cancelled_and_missing() -> None:
    """Cancelled A4 counts 0 %; an unreported activity counts 0 %."""
    plan = small_plan()
    plan.areas[1].measures[0].activities.append(
        Activity("A5", id="a5", deadline=None)  # no report at all
    )
    report = progress(plan, as_of=AS_OF, policy=ProgressPolicy.named("strict"))
    actuals = _actuals(report)
    assert actuals["A5"] == "0.0000"
    assert actuals["M3"] == "33.3333"  # (A3 100 + A4 0 + A5 0) / 3
    assert actuals["plan"] == "59.4444"  # (45 + 100 + 33.3333) / 3


def test_cancelled_counted_without_missing_as_zero() -> None:
    """count_cancelled alone: A4 counts with the 0 % "cancelled" stands for."""
    policy = ProgressPolicy(count_cancelled=True)
    report = progress(small_plan(), as_of=AS_OF, policy=policy)
    assert _actuals(report)["M3"] == "50.0000"  # (100 + 0) / 2
    assert _actuals(report)["plan"] == "65.0000"  # (45 + 100 + 50) / 3


def test_duration_weights_of_undated_items_are_the_average() -> None:
    """An undated activity weighs the average of its dated siblings (10 and 30 days: 20)."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    measure = builder.area("А").measure("M")
    measure.activity("10 дни", start=D(2024, 1, 1), deadline=D(2024, 1, 10)).update(
        D(2024, 1, 1), percent=100
    )
    measure.activity("30 дни", start=D(2024, 1, 1), deadline=D(2024, 1, 30)).update(
        D(2024, 1, 1), percent=0
    )
    measure.activity("текущо", deadline="постоянен").update(D(2024, 1, 1), percent=50)
    report = progress(builder.build(), as_of=AS_OF, policy=ProgressPolicy.named("duration"))
    # (10*100 + 30*0 + 20*50) / 60 = 2000 / 60
    assert _four_decimals(report.plan.actual) == "33.3333"
    assert [line.weight for line in report.of_level(ItemLevel.ACTIVITY)] == [10, 30, 20]


def test_zero_weights_leave_nothing_to_weigh() -> None:
    """Explicit weights that add up to 0 give no percent, never a division by zero."""
    builder = PlanBuilder("План", id="p")
    measure = builder.area("А").measure("M")
    measure.activity("a", weight=0).update(D(2024, 1, 1), percent=80)
    report = progress(builder.build(), as_of=AS_OF, policy=ProgressPolicy.named("weighted"))
    assert report.plan.actual is None


def test_reported_percent_outside_0_100_is_clamped() -> None:
    """A file saying 120 % or -5 % counts 100 % and 0 %."""
    builder = PlanBuilder("План", id="p")
    measure = builder.area("А").measure("M")
    measure.activity("a").update(D(2024, 1, 1), percent=120)
    measure.activity("b").update(D(2024, 1, 1), percent=-5)
    report = progress(builder.build(), as_of=AS_OF)
    assert [line.actual for line in report.of_level(ItemLevel.ACTIVITY)] == [100, 0]
    assert report.plan.actual == 50


# --- None, never a fake 0 or 100 ------------------------------------------------------------


def test_nothing_reported_has_no_percent() -> None:
    """A plan nobody reported on has no percent at any level, but has expected percents."""
    plan = small_plan()
    for unit in plan.progress_units():
        unit.updates.clear()
    report = progress(plan, as_of=AS_OF)
    assert all(line.actual is None for line in report.items)
    assert report.plan.actual is None
    assert report.plan.expected is not None
    assert report.status_counts()["no_report"] == 5


def test_empty_plan_and_empty_measure_have_no_percent() -> None:
    """No units at all: no percent, no expected percent, a grey gauge saying so."""
    builder = PlanBuilder("План", id="p")
    builder.area("А")
    report = progress(builder.build(), as_of=AS_OF)
    assert (report.plan.actual, report.plan.expected) == (None, None)
    assert report.plan.gauge is Gauge.GREY
    assert report.plan.reasons[0].code is ReasonCode.EMPTY


def test_all_cancelled_measure_has_no_percent() -> None:
    """A measure whose every activity is cancelled has no percent and a grey gauge."""
    plan = small_plan()
    plan.areas[1].measures[0].activities[0].updates.append(
        ProgressUpdate(D(2024, 1, 12), Status.CANCELLED)
    )
    report = progress(plan, as_of=AS_OF)
    measure = report.item("m3")
    assert measure.actual is None
    assert (measure.gauge, measure.status) == (Gauge.GREY, Status.CANCELLED)
    assert _four_decimals(report.plan.actual) == "72.5000"  # (45 + 100) / 2


# --- as of a date --------------------------------------------------------------------------


def test_latest_update_on_or_before_the_date_counts() -> None:
    """As of 4 January A1 has no report; as of 5 January its 40 % counts."""
    assert progress(small_plan(), as_of=D(2024, 1, 4)).item("a1").actual is None
    assert progress(small_plan(), as_of=D(2024, 1, 5)).item("a1").actual == 40


def test_negative_upcoming_days_is_an_error() -> None:
    """upcoming_days below 0 is refused with a clear error."""
    with pytest.raises(ProgressError, match="upcoming_days"):
        progress(small_plan(), as_of=AS_OF, upcoming_days=-1)


def test_the_plan_policy_is_used_unless_one_is_given() -> None:
    """A plan carrying the status policy is counted by it; a caller may override."""
    plan = small_plan()
    plan.progress_policy = ProgressPolicy.named("status")
    assert _four_decimals(progress(plan, as_of=AS_OF).plan.actual) == "83.3333"
    overridden = progress(plan, as_of=AS_OF, policy=ProgressPolicy())
    assert _four_decimals(overridden.plan.actual) == "81.6667"


def test_decimal_context_of_the_caller_does_not_matter() -> None:
    """A caller's low decimal precision does not change the report."""
    expected = progress(small_plan(), as_of=AS_OF)
    with localcontext(Context(prec=3)):
        assert progress(small_plan(), as_of=AS_OF) == expected


# --- lists and views -----------------------------------------------------------------------


def test_overdue_late_and_upcoming_lists() -> None:
    """A1 is overdue by 5 days; A2 is due in 5; nothing is late to start."""
    report = progress(small_plan(), as_of=AS_OF, upcoming_days=10)
    assert [(d.item_id, d.on, d.days) for d in report.overdue] == [("a1", D(2024, 1, 10), 5)]
    assert [(d.item_id, d.on, d.days) for d in report.upcoming] == [("a2", D(2024, 1, 20), 5)]
    assert report.late_to_start == ()


def test_upcoming_looks_only_as_far_as_told() -> None:
    """With 4 days ahead, A2's deadline in 5 days is not listed."""
    assert progress(small_plan(), as_of=AS_OF, upcoming_days=4).upcoming == ()


def test_late_to_start_lists_unreported_and_not_started() -> None:
    """Started on paper on 11 January; as of 15 January no report, or "not started", is late."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    measure = builder.area("А").measure("M")
    measure.activity("тихо", id="silent", start=D(2024, 1, 11), deadline=D(2024, 2, 29))
    measure.activity("не", id="no", start=D(2024, 1, 13), deadline=D(2024, 2, 29)).update(
        D(2024, 1, 14), status=Status.NOT_STARTED
    )
    report = progress(builder.build(), as_of=AS_OF)
    assert [(d.item_id, d.days) for d in report.late_to_start] == [("silent", 4), ("no", 2)]
    codes = [report.item(i).reasons[0].code for i in ("silent", "no")]
    assert codes == [ReasonCode.NO_REPORT, ReasonCode.NOT_STARTED]


def test_quick_wins_summary_by_hand() -> None:
    """Two quick wins: one done on time, one done late; one strategic measure not counted."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    area = builder.area("А")
    area.measure("в срок", quick_win=True, deadline=D(2024, 1, 10)).update(
        D(2024, 1, 9), status=Status.DONE
    )
    area.measure("късно", quick_win=True, deadline=D(2024, 1, 10)).update(
        D(2024, 1, 12), status=Status.DONE
    )
    area.measure("стратегическа", quick_win=False).update(D(2024, 1, 1), percent=10)
    wins = progress(builder.build(), as_of=AS_OF).quick_wins
    assert (wins.total, wins.done, wins.done_on_time, wins.overdue) == (2, 2, 1, 0)
    assert (wins.actual, wins.done_share) == (100, 100)


def test_indicator_attainment_by_hand() -> None:
    """Baseline 100, target 200, latest 150 by the date: half way; a later 300 is ignored."""
    builder = PlanBuilder("План", id="p")
    indicator = builder.indicator("обучени", baseline=100, target=200)
    indicator.values.extend(
        [
            IndicatorValue(D(2024, 1, 1), Decimal(120)),
            IndicatorValue(D(2024, 1, 10), Decimal(150)),
            IndicatorValue(D(2024, 2, 1), Decimal(300)),
        ]
    )
    measure = builder.area("А").measure("M")
    low = measure.indicator("разходи", baseline=10, target=5, comparison=Comparison.AT_MOST)
    low.values.append(IndicatorValue(D(2024, 1, 1), Decimal(8)))
    [plan_wide, measured] = progress(builder.build(), as_of=AS_OF).indicators
    assert (plan_wide.actual, plan_wide.attainment, plan_wide.reached) == (150, 50, False)
    assert measured.owner_number == "1.1"
    assert (measured.attainment, measured.reached) == (40, False)  # (8-10)/(5-10) = 0.4


def test_groups_by_responsible_split_names_and_by_criterion() -> None:
    """ "Главен секретар, директори" counts under both names; criteria come in order."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    area = builder.area("А")
    first = area.measure("M1", caf="2.3, 1.2")
    first.activity("a", responsible="Главен секретар, директори").update(D(2024, 1, 1), percent=100)
    first.activity("b", responsible="главен секретар.").update(D(2024, 1, 1), percent=50)
    area.measure("M2", responsible="").update(D(2024, 1, 1), percent=0)
    report = progress(builder.build(), as_of=AS_OF)
    responsible = [(g.key, g.units, g.actual) for g in report.by_responsible]
    assert responsible == [("Главен секретар", 2, 75), ("директори", 1, 100), ("", 1, 0)]
    assert report.by_responsible[-1].title("en") == "(nobody named)"
    criteria = [(g.key, g.units, g.actual) for g in report.by_criterion]
    assert criteria == [("1", 2, 75), ("2", 2, 75), ("", 1, 0)]
    assert report.by_criterion[0].title("en") == "1. Leadership"


def test_recurring_occurrences_due_and_reported() -> None:
    """Quarterly in 2024, as of 15 August: two due (31 Mar, 30 Jun), one reported; next 30 Sep."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    builder.area("А").measure("Отчет", id="q", deadline="тримесечно").update(
        D(2024, 4, 5), status=Status.IN_PROGRESS
    )
    report = progress(builder.build(), as_of=D(2024, 8, 15))
    [count] = report.recurring
    assert (count.planned, count.due, count.reported) == (4, 2, 1)
    assert (count.missed, count.next_on) == ((D(2024, 6, 30),), D(2024, 9, 30))
    line = report.item("q")
    assert line.gauge is Gauge.AMBER
    assert line.reasons[0].code is ReasonCode.MISSED_OCCURRENCES


# --- properties -----------------------------------------------------------------------------


def _percents(report: ProgressReport) -> list[Decimal]:
    found = [report.plan.actual, report.plan.expected, report.quick_wins.actual]
    for line in report.items:
        found += [line.actual, line.expected]
    for group in (*report.by_responsible, *report.by_criterion):
        found += [group.actual, group.expected]
    return [value for value in found if value is not None]


@given(plans(), progress_policies(), st.dates())
def test_percents_stay_within_0_and_100(plan: Plan, policy: ProgressPolicy, as_of: dt.date) -> None:
    """Every actual and expected percent, at every level, is between 0 and 100."""
    report = progress(plan, as_of=as_of, policy=policy)
    assert all(0 <= value <= 100 for value in _percents(report))


@given(plans(), progress_policies(), st.dates())
def test_a_plan_with_every_item_done_is_at_100(
    plan: Plan, policy: ProgressPolicy, as_of: dt.date
) -> None:
    """Every unit reported done (100 %) by the date: every item with units is at 100."""
    for unit in plan.progress_units():
        unit.updates[:] = [ProgressUpdate(as_of, Status.DONE, Decimal(100))]
    report = progress(plan, as_of=as_of, policy=policy)
    units = list(plan.progress_units())
    assert report.plan.actual == (100 if _weighable(report, units) else None)
    assert all(line.actual == 100 for line in report.units())
    assert all(line.status is Status.DONE for line in report.items if line.units)


def _weighable(report: ProgressReport, units: list[Activity | Measure]) -> bool:
    # With explicit weights of 0 everywhere there is nothing to weigh.
    return bool(units) and any(line.weight for line in report.of_level(ItemLevel.AREA))


@given(plans(), progress_policies(), st.dates(), st.data())
def test_adding_a_cancelled_item_changes_nothing(
    plan: Plan, policy: ProgressPolicy, as_of: dt.date, data: st.DataObject
) -> None:
    """With cancelled items excluded, a cancelled activity or measure changes no number."""
    policy = attrs.evolve(policy, count_cancelled=False)
    before = progress(plan, as_of=as_of, policy=policy)
    changed = copy.deepcopy(plan)
    cancelled = [
        ProgressUpdate(as_of, Status.CANCELLED, data.draw(st.none() | st.just(Decimal(30))))
    ]
    hosts = [m for m in changed.measures() if m.activities]
    if hosts and data.draw(st.booleans()):
        host = data.draw(st.sampled_from(hosts))
        extra = Activity("отменена", id="cancelled-activity", updates=cancelled)
        extra.start, extra.deadline = host.start, host.deadline
        host.activities.append(extra)
    elif changed.areas:
        area = data.draw(st.sampled_from(changed.areas))
        area.measures.append(Measure("отменена", id="cancelled-measure", updates=cancelled))
    else:
        return
    after = progress(changed, as_of=as_of, policy=policy)
    assert _numbers(after) == _numbers(before)


def _numbers(report: ProgressReport) -> dict[str, tuple[Decimal | None, ...]]:
    lines = [report.plan, *report.items]
    return {
        line.id: (line.actual, line.expected, line.variance)
        for line in lines
        if not line.id.startswith("cancelled-")
    }


@given(plans(), progress_policies(), st.dates(), st.data())
def test_an_earlier_date_ignores_later_updates(
    plan: Plan, policy: ProgressPolicy, as_of: dt.date, data: st.DataObject
) -> None:
    """Updates dated after the report's date change nothing in it."""
    before = progress(plan, as_of=as_of, policy=policy)
    later = st.dates(min_value=as_of + dt.timedelta(days=1)) if as_of < D.max else st.nothing()
    for unit in plan.progress_units():
        for day in data.draw(st.lists(later, max_size=2)):
            unit.updates.append(
                ProgressUpdate(day, data.draw(st.sampled_from(Status)), Decimal(77))
            )
    assert progress(plan, as_of=as_of, policy=policy) == before

"""The builder: concise plans with derived numbers and ids."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from capcore import (
    BudgetKind,
    CafRef,
    Deadline,
    DeadlineKind,
    MeasureKind,
    Period,
    PlanBuilder,
    Status,
)


def test_numbers_follow_the_parent() -> None:
    """Areas, measures and activities are numbered 2, 2.1, 2.1.2 by position."""
    builder = PlanBuilder("План")
    builder.area("Първа")
    measure = builder.area("Втора").measure("Мярка")
    measure.activity("А")
    second = measure.activity("Б")
    assert measure.measure.number == "2.1"
    assert second.activity.number == "2.1.2"


def test_given_numbers_win_and_children_follow_them() -> None:
    """An explicit number is kept and its children are numbered under it."""
    measure = PlanBuilder("План").area("Хора", number="7").measure("Мярка", number="7.9")
    assert measure.activity("А").activity.number == "7.9.1"
    assert measure.activity("Б", number="7.9.1").activity.number == "7.9.1"


def test_measures_without_areas_go_to_one_untitled_area() -> None:
    """Measures added to the plan share one untitled, unnumbered area, numbered 1, 2, ..."""
    builder = PlanBuilder("План")
    builder.measure("Първа")
    builder.measure("Втора", quick_win=True)
    plan = builder.build()
    assert len(plan.areas) == 1
    assert (plan.areas[0].title, plan.areas[0].number) == ("", "")
    assert [m.number for m in plan.measures()] == ["1", "2"]


def test_ids_are_the_same_on_every_run() -> None:
    """With a plan id given, two runs of the same script give the same ids."""

    def build() -> list[str]:
        builder = PlanBuilder("План", id="fixed")
        builder.area("А").measure("М").activity("Д")
        plan = builder.build()
        return [a.id for a in plan.activities()] + [m.id for m in plan.measures()]

    assert build() == build()


def test_ids_are_distinct_across_entities() -> None:
    """Derived ids of different positions differ."""
    builder = PlanBuilder("План", id="fixed")
    area = builder.area("А")
    first = area.measure("М1")
    first.activity("Д1")
    first.activity("Д2")
    area.measure("М2").activity("Д1")
    plan = builder.build()
    ids = [
        plan.id,
        *(a.id for a in plan.areas),
        *(m.id for m in plan.measures()),
        *(a.id for a in plan.activities()),
    ]
    assert len(ids) == len(set(ids))


def test_deadline_words_are_read_with_the_plan_period() -> None:
    """A month without a year takes its year from the plan period."""
    builder = PlanBuilder("План", period=(2022, 2024))
    measure = builder.measure("М", deadline="м. март")
    deadline = measure.measure.deadline
    assert deadline is not None
    assert deadline.text == "м. март"
    assert deadline.kind is DeadlineKind.MONTH
    assert deadline.due == dt.date(2022, 3, 31)


def test_dates_become_exact_deadlines() -> None:
    """A date argument becomes an exact deadline written d.m.yyyy."""
    measure = PlanBuilder("План").measure("М", start=dt.date(2022, 3, 14))
    assert measure.measure.start == Deadline.on(dt.date(2022, 3, 14))
    assert measure.measure.start.text == "14.3.2022"


def test_quick_win_caf_and_budget_are_read() -> None:
    """quick_win, CAF text and budget text become kind, refs and a read budget."""
    measure = (
        PlanBuilder("План")
        .measure("М", quick_win=True, caf="1.2, 4.5 b", budget="не по-малко от 5000 лева годишно")
        .measure
    )
    assert measure.kind is MeasureKind.QUICK_WIN
    assert measure.caf_refs == (CafRef(1, 2), CafRef(4, 5, "b"))
    assert measure.budget is not None
    assert measure.budget.kind is BudgetKind.AMOUNT
    assert measure.budget.at_least
    assert measure.budget.per_year


def test_quick_win_false_means_strategic_and_none_means_unknown() -> None:
    """quick_win=False marks a strategic measure; leaving it out says nothing."""
    builder = PlanBuilder("План")
    assert builder.measure("А", quick_win=False).measure.kind is MeasureKind.STRATEGIC
    assert builder.measure("Б").measure.kind is None


def test_roles_are_filled() -> None:
    """sponsor, leader, team and contact fill the measure's roles."""
    roles = (
        PlanBuilder("План")
        .measure(
            "М",
            sponsor="Областен управител",
            leader="Главен секретар",
            team="Екип",
            contact="a@b.bg",
        )
        .measure.roles
    )
    assert (roles.sponsor, roles.leader, roles.team, roles.contact) == (
        "Областен управител",
        "Главен секретар",
        "Екип",
        "a@b.bg",
    )


def test_updates_are_recorded() -> None:
    """Progress updates are added to activities and measures with exact percents."""
    builder = PlanBuilder("План")
    measure = builder.measure("М").update(dt.date(2022, 5, 1), status=Status.IN_PROGRESS)
    activity = measure.activity("Д").update(dt.date(2022, 6, 1), percent="37.5")
    assert measure.measure.updates[0].status is Status.IN_PROGRESS
    assert activity.activity.updates[0].percent == Decimal("37.5")


def test_indicators_get_ids_and_exact_numbers() -> None:
    """Indicators on the plan and on measures get derived ids and Decimal targets."""
    builder = PlanBuilder("План", id="p")
    plan_indicator = builder.indicator("Обучени служители", unit="души", target=5400)
    measure_indicator = builder.measure("М").indicator("Приемни", target=12, per_year=True)
    assert plan_indicator.target == Decimal(5400)
    assert measure_indicator.per_year
    assert plan_indicator.id != measure_indicator.id


def test_period_from_years() -> None:
    """A (first, last) period means 1 January to 31 December."""
    plan = PlanBuilder("План", period=(2017, 2018)).build()
    assert plan.period == Period(dt.date(2017, 1, 1), dt.date(2018, 12, 31))


def test_approval_block() -> None:
    """The approval block keeps name, position and heading as written."""
    plan = (
        PlanBuilder("План")
        .approval(
            "ВИКТОР СТОЙЧЕВ", "ОБЛАСТЕН УПРАВИТЕЛ\nНА ОБЛАСТ ЛОВЕЧ", heading="УТВЪРЖДАВАМ:....."
        )
        .build()
    )
    assert plan.approval is not None
    assert plan.approval.position.splitlines() == ["ОБЛАСТЕН УПРАВИТЕЛ", "НА ОБЛАСТ ЛОВЕЧ"]
    assert plan.approval.heading == "УТВЪРЖДАВАМ:....."


def test_english_plans_read_english_deadlines() -> None:
    """A plan in English reads its deadline words in English."""
    builder = PlanBuilder("Plan", language="en", period=(2023, 2023))
    deadline = builder.measure("M", deadline="quarterly").measure.deadline
    assert deadline is not None
    assert deadline.kind is DeadlineKind.RECURRING

"""CAF rules C101-C104 on small plans: unknown references, coverage, quick wins."""

from __future__ import annotations

import datetime as dt

import pytest

from capcore import CafRef, CafVersion, Finding, Plan, PlanBuilder, Severity, validate
from capcore.caf_rules import CAF_RULES
from capcore.rules import ValidationSettings


def found(plan: Plan, code: str, months: int = 3) -> tuple[Finding, ...]:
    settings = ValidationSettings(dt.date(2030, 1, 1), months)
    return validate(plan, rules=CAF_RULES, select=[code], settings=settings).findings


def with_refs(*refs: str, version: CafVersion | None = CafVersion.CAF_2020) -> Plan:
    builder = PlanBuilder("План", caf_version=version)
    area = builder.area("А")
    for ref in refs:
        area.measure("М", caf=ref).activity("Д")
    return builder.build()


def test_unknown_sub_criterion() -> None:
    """3.4 exists in no CAF version: reported with the criterion's real sub-criteria."""
    [finding] = found(with_refs("3.4"), "C101")
    assert finding.severity is Severity.WARNING
    assert finding.location.field == "caf_refs"
    assert finding.message.en == "CAF 2020 has no sub-criterion 3.4; criterion 3 has 3.1, 3.2, 3.3"
    assert finding.message.bg == "CAF 2020 няма подкритерий 3.4; критерий 3 има 3.1, 3.2, 3.3"


def test_known_references_and_examples_pass() -> None:
    """Sub-criteria, whole criteria and lettered examples that exist are fine."""
    assert found(with_refs("4.5 b", "9", "6.2"), "C101") == ()


def test_plan_without_version_is_checked_by_number() -> None:
    """Without a CAF version the numbers shared by 2013 and 2020 are the catalogue."""
    [finding] = found(with_refs("4.7", version=None), "C101")
    assert finding.message.en.startswith("CAF has no sub-criterion 4.7; criterion 4 has 4.1,")


def test_unaddressed_sub_criteria_are_listed() -> None:
    """A plan answering 26 of 28 sub-criteria lists the other two."""
    codes = [
        f"{c}.{s}"
        for c, n in ((1, 4), (2, 4), (3, 3), (4, 6), (5, 3), (6, 2), (7, 2), (8, 2), (9, 2))
        for s in range(1, n + 1)
    ]
    plan = with_refs(", ".join(code for code in codes if code not in {"3.3", "8.2"}))
    [finding] = found(plan, "C102")
    assert finding.severity is Severity.INFO
    assert finding.where == "plan"
    assert (
        finding.message.en
        == "2 of the 28 sub-criteria of CAF 2020 are addressed by no measure: 3.3, 8.2"
    )


def test_a_whole_criterion_addresses_its_sub_criteria() -> None:
    """Citing criterion 4 counts for 4.1-4.6."""
    all_but_four = "1, 2, 3, 5, 6, 7, 8, 9"
    [finding] = found(with_refs(all_but_four), "C102")
    assert finding.message.en == (
        "6 of the 28 sub-criteria of CAF 2020 are addressed by no measure: "
        "4.1, 4.2, 4.3, 4.4, 4.5, 4.6"
    )
    assert found(with_refs(all_but_four + ", 4"), "C102") == ()


def test_a_caf_plan_citing_nothing() -> None:
    """A CAF plan whose measures cite no sub-criterion gets one finding saying so."""
    [finding] = found(with_refs(version=CafVersion.CAF_2013), "C102")
    assert finding.message.en.startswith("no measure names the CAF sub-criteria it answers")
    assert "CAF 2013" in finding.message.en


def test_a_plan_that_is_not_a_caf_plan_is_not_asked_for_coverage() -> None:
    """No version and no references (the Smolyan plan): no coverage finding."""
    assert found(with_refs(version=None), "C102") == ()


def quick_win(start: str, *deadlines: str | None, own: str | None = None) -> Plan:
    builder = PlanBuilder("План", period=(2022, 2023))
    measure = builder.area("А").measure("Бърза", quick_win=True, deadline=own)
    for deadline in deadlines:
        measure.activity("Д", start=start, deadline=deadline)
    return builder.build()


def test_a_quick_win_longer_than_three_months() -> None:
    """18.3.2022 to 30.6.2022 is more than three months (the Lovech plan's 2.7)."""
    [finding] = found(quick_win("18.3.2022", "30.6.2022"), "C103")
    assert finding.severity is Severity.WARNING
    assert finding.message.en == (
        "the quick win runs from 2022-03-18 to 2022-06-30, longer than 3 months"
    )
    assert finding.message.bg == (
        "бързата победа продължава от 18.03.2022 до 30.06.2022, повече от 3 месеца"
    )


@pytest.mark.parametrize("end", ["17.6.2022", "18.6.2022"])
def test_three_months_to_the_day_is_quick(end: str) -> None:
    """From 18 March, a quick win may end on 18 June."""
    assert found(quick_win("18.3.2022", end), "C103") == ()


def test_the_limit_is_a_setting() -> None:
    """With a four-month limit the same quick win is quick enough."""
    plan = quick_win("18.3.2022", "30.6.2022")
    assert found(plan, "C103", months=4) == ()
    assert [f.message.en for f in found(quick_win("18.3.2022", "20.4.2022"), "C103", months=1)] == [
        "the quick win runs from 2022-03-18 to 2022-04-20, longer than 1 month"
    ]


def test_a_strategic_measure_may_take_long() -> None:
    """Only quick wins are held to the limit."""
    builder = PlanBuilder("План", period=(2022, 2023))
    builder.area("А").measure("Дълга", quick_win=False).activity(
        "Д", start="1.1.2022", deadline="31.12.2023"
    )
    assert found(builder.build(), "C103") == ()


def test_the_measures_own_deadline_bounds_its_activities() -> None:
    """A quick win's own dated deadline is its end, whatever its activities say."""
    assert found(quick_win("1.3.2022", "постоянен", own="31.5.2022"), "C104") == ()


def test_a_quick_win_with_an_open_ended_activity() -> None:
    """One ongoing activity leaves the quick win without an end date (the Lovech plan's 1.2)."""
    [finding] = found(quick_win("18.5.2022", "27.5.2022", "текущо"), "C104")
    assert finding.message.en == 'the quick win has no end date: activity 1.1.2 is due "текущо"'
    assert (
        finding.message.bg == "бързата победа няма крайна дата: дейност 1.1.2 е със срок „текущо“"
    )


def test_a_quick_win_without_activities_and_without_deadline() -> None:
    """A quick win that is its own unit and has no deadline at all is reported."""
    builder = PlanBuilder("План")
    builder.area("А").measure("Бърза", quick_win=True, start="1.9.2017")
    [finding] = found(builder.build(), "C104")
    assert finding.message.en == "the quick win has no deadline"


def test_a_permanent_quick_win() -> None:
    """ "Постоянен ... ежегодно, декември" names no end (the Pazardzhik plan's measure 6)."""
    builder = PlanBuilder("План", period=(2017, 2018))
    builder.measure("Награда", quick_win=True, start="1.9.2017", deadline="Постоянен")
    [finding] = found(builder.build(), "C104")
    assert finding.message.en == (
        'the quick win has no end date: its deadline "Постоянен" names none'
    )


def test_references_are_compared_by_number() -> None:
    """A measure citing CafRef(4, 5, "b") addresses 4.5."""
    plan = with_refs("1.1")
    plan.areas[0].measures[0].caf_refs = (CafRef(4, 5, "b"),)
    [finding] = found(plan, "C102")
    assert "4.5" not in finding.message.en.split(": ")[1].split(", ")

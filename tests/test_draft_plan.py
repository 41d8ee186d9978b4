"""Draft plans drawn from prioritised proposals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from capcore import (
    CafRef,
    Grouping,
    MeasureKind,
    Prioritisation,
    Proposal,
    draft_plan,
    dumps,
    loads,
    prioritise,
    validate,
)
from capcore.examples import draft_plans, example_overrides, example_proposals
from capcore.testing.strategies import prioritisations

from .conftest import REPO


def example_draft(grouping: Grouping = Grouping.CRITERION):
    result = prioritise(example_proposals(), "impact-feasibility", example_overrides())
    return draft_plan(result, grouping, plan_id="test-draft")


def test_measures_are_grouped_by_criterion_in_rank_order() -> None:
    """Criteria 1, 2, 3, 4, 6 give areas 1-5; within each, the proposals by rank."""
    plan = example_draft().plan
    assert [area.title for area in plan.areas] == [
        "Критерий 1: Лидерство",
        "Критерий 2: Стратегия и планиране",
        "Критерий 3: Хора",
        "Критерий 4: Партньорства и ресурси",
        "Критерий 6: Резултати, ориентирани към гражданите/клиентите",
    ]
    numbers = [[m.number for m in area.measures] for area in plan.areas]
    assert numbers == [
        ["1.1", "1.2"],
        ["2.1"],
        ["3.1", "3.2", "3.3"],
        ["4.1", "4.2", "4.3"],
        ["5.1"],
    ]
    # Criterion 3 holds proposals 3 (rank 4), 5 (rank 5) and 4 (rank 6), in that order.
    by_id = {p.id: p.number for p in example_proposals()}
    assert [by_id[m.proposal_ids[0]] for m in plan.areas[2].measures] == ["3", "5", "4"]


def test_measures_are_grouped_by_the_groups_areas_in_table_order() -> None:
    """The group's areas, in the order they first appear in the table."""
    plan = example_draft(Grouping.GROUP_AREA).plan
    assert [area.title for area in plan.areas] == [
        "Стратегическо управление",
        "Обслужване на гражданите",
        "Човешки ресурси",
        "Ресурси и технологии",
    ]


def test_quick_wins_are_marked_and_the_rest_are_strategic() -> None:
    """Proposals 1, 11 and 2 are quick wins; the other taken ones strategic."""
    plan = example_draft().plan
    by_id = {p.id: p.number for p in example_proposals()}
    kinds = {by_id[m.proposal_ids[0]]: m.kind for m in plan.measures()}
    assert {n for n, kind in kinds.items() if kind is MeasureKind.QUICK_WIN} == {"1", "2", "11"}
    assert all(kind is not None for kind in kinds.values())


def test_a_measure_keeps_the_proposals_reference_texts_and_scores() -> None:
    """CAF reference, improvement area, strengths, scores, rank and reasoning are filled."""
    first = example_draft().plan.areas[0].measures[0]
    proposal = example_proposals()[0]
    assert first.title == proposal.text
    assert first.caf_refs == (CafRef(1, 1),)
    assert first.improvement_areas == proposal.improvement_area
    assert first.strengths == proposal.strengths
    assert first.priority is not None
    assert (first.priority.impact, first.priority.feasibility, first.priority.rank) == (
        Decimal(5), Decimal(4), 1,
    )  # fmt: skip
    assert first.priority.note.startswith("оценки: въздействие 5")
    assert first.extra == {"Източник": "Доклад от самооценката, с. 14"}


def test_what_is_left_to_decide_is_flagged_by_validation() -> None:
    """Each of the 10 measures lacks an owner (R101), dates (S104), a result (R102), a budget (B104)."""
    report = validate(example_draft().plan)
    codes = [finding.code for finding in report.findings]
    for code in ("R101", "S104", "R102", "B104"):
        assert codes.count(code) == 10, code
    # The three quick wins have no deadline either.
    assert codes.count("C104") == 3
    assert not report.has_errors


def test_not_taken_lists_each_left_out_proposal_with_its_reason() -> None:
    """10 (reconsider) and 12 (not scored); 8 is taken by the group's decision."""
    draft = example_draft()
    assert [(item.proposal.number, item.reason.en) for item in draft.not_taken] == [
        ("10", "in the category reconsider: lower impact and hard to do"),
        ("12", "not scored: impact and feasibility are both needed to rank it"),
    ]
    eighth = example_proposals()[7]
    assert draft.measure_for(eighth.id) is not None
    assert draft.measure_for(example_proposals()[9].id) is None


def test_the_plan_carries_the_prioritisation_through_json() -> None:
    """The proposals, method and overrides travel in the plan's JSON and read back equal."""
    plan = example_draft().plan
    assert plan.prioritisation is not None
    assert plan.prioritisation.overrides == example_overrides()
    assert loads(dumps(plan)) == plan


def test_the_same_input_gives_the_same_ids() -> None:
    """Area and measure ids derive from the plan id and the proposals."""
    assert dumps(example_draft().plan) == dumps(example_draft().plan)


def test_an_unknown_grouping_is_refused() -> None:
    """Only criterion and area."""
    with pytest.raises(ValueError, match="'team'"):
        draft_plan(prioritise(example_proposals()), "team")


def test_a_proposal_without_criterion_goes_to_its_own_area() -> None:
    """A proposal without a CAF reference is in an area of its own, last."""
    result = prioritise([
        Proposal("A", id="a", impact=Decimal(5), feasibility=Decimal(5)),
        Proposal("B", id="b", caf_ref=CafRef(2, 1), impact=Decimal(5), feasibility=Decimal(5)),
    ])  # fmt: skip
    plan = draft_plan(result, plan_id="p").plan
    assert [area.title for area in plan.areas] == [
        "Критерий 2: Стратегия и планиране",
        "Без посочен критерий на CAF",
    ]


def test_the_committed_example_draft_is_what_the_code_builds() -> None:
    """examples/proposals/draft-plan.json is byte for byte the example's draft plan."""
    committed = (REPO / "examples" / "proposals" / "draft-plan.json").read_bytes()
    assert committed == dumps(draft_plans()["draft-from-proposals"]).encode("utf-8")


@given(prioritisations(max_proposals=6))
def test_every_proposal_ends_in_the_plan_or_in_not_taken(record: Prioritisation) -> None:
    """Each proposal is a measure of the draft or in the not-taken list with a reason, never both."""
    result = prioritise(record.proposals, record.method, record.overrides)
    draft = draft_plan(result, plan_id="p")
    in_plan = [pid for measure in draft.plan.measures() for pid in measure.proposal_ids]
    left_out = [item.proposal.id for item in draft.not_taken]
    assert sorted(in_plan + left_out) == sorted(p.id for p in record.proposals)
    assert all(item.reason.en and item.reason.bg for item in draft.not_taken)

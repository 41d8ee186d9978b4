"""Prioritising proposals: ranks, scores and categories against hand-computed expectations."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from capcore import (
    Category,
    Decision,
    Override,
    Prioritisation,
    PrioritisationError,
    PrioritisationMethod,
    Proposal,
    prioritisation_of,
    prioritise,
)
from capcore.examples import draft_plans, example_overrides, example_proposals
from capcore.prioritisation_method import Band, Grid, Rule, Scale, TieKey, Weights
from capcore.testing.strategies import prioritisation_methods, prioritisations, proposals

D = Decimal


def numbers_in_rank_order(method: str | PrioritisationMethod, overrides=()) -> list[str]:
    result = prioritise(example_proposals(), method, overrides)
    return [entry.proposal.number for entry in result.entries]


def by_number(result, number: str):
    return next(entry for entry in result.entries if entry.proposal.number == number)


def test_impact_feasibility_ranks_the_example_by_the_product() -> None:
    """impact x feasibility: 1 (5x4=20), 11 (4x5=20), 2 (4x5=20), 3 (16), 5 (3x5=15), ...

    Scores: 1: 20, 2: 20, 3: 4x4=16, 4: 4x3=12, 5: 15, 6: 5x2=10, 7: 4x2=8,
    8: 3x2=6, 9: 2x4=8, 10: 2x2=4, 11: 20; 12 has no scores. Ties at 20 go
    to the higher impact (1), then the higher urgency (11: 4 over 2: 3); at 8
    to the higher impact (7: 4 over 9: 2).
    """
    assert numbers_in_rank_order("impact-feasibility") == [
        "1", "11", "2", "3", "5", "4", "6", "7", "9", "8", "10", "12",
    ]  # fmt: skip
    result = prioritise(example_proposals())
    assert [entry.score for entry in result.entries] == [
        D(20), D(20), D(20), D(16), D(15), D(12), D(10), D(8), D(8), D(6), D(4), None,
    ]  # fmt: skip
    assert [entry.rank for entry in result.entries] == [*range(1, 12), None]


def test_ties_say_which_key_broke_them() -> None:
    """11 is below 1 by impact, 2 below 11 by urgency, 9 below 7 by impact; others are no ties."""
    result = prioritise(example_proposals())
    ties = {
        entry.proposal.number: (entry.tie_broken_by, entry.tied_with)
        for entry in result.entries
        if entry.tie_broken_by is not None
    }
    assert ties == {
        "11": (TieKey.IMPACT, "1"),
        "2": (TieKey.URGENCY, "11"),
        "9": (TieKey.IMPACT, "7"),
    }
    assert "placed below it by the higher urgency of the other" in by_number(
        result, "2"
    ).reasoning_text("en")


def test_two_by_two_categories_of_the_example() -> None:
    """High is above the middle (3) of 1-5: 4 and 5. Quick win needs both high and <= 3 months.

    1: 5/4, 3 months -> quick win; 3: 4/4 but 4 months -> key action;
    4: 4/3 -> key action; 5: 3/5 -> long-term; 8: 3/2 -> reconsider.
    """
    result = prioritise(example_proposals())
    categories = {entry.proposal.number: entry.category for entry in result.entries}
    assert categories == {
        "1": Category.QUICK_WIN,
        "2": Category.QUICK_WIN,
        "3": Category.KEY_ACTION,
        "4": Category.KEY_ACTION,
        "5": Category.LONG_TERM,
        "6": Category.KEY_ACTION,
        "7": Category.KEY_ACTION,
        "8": Category.RECONSIDER,
        "9": Category.LONG_TERM,
        "10": Category.RECONSIDER,
        "11": Category.QUICK_WIN,
        "12": None,
    }


def test_matrix_three_by_three_ranks_by_category_first() -> None:
    """On 1-5 the thirds are 1-2 low, 3 medium, 4-5 high; categories first, then the product.

    Quick wins 1, 11, 2 (20 each); key actions 3 (16, 4 months), 4 (4/3: high, medium: 12),
    6 (10), 7 (8); long-term 5 (3/5: medium, high: 15), 9 (2/4: low, high: 8);
    reconsider 8 (3/2: medium, low: 6), 10 (4).
    """
    assert numbers_in_rank_order("matrix-3x3") == [
        "1", "11", "2", "3", "4", "6", "7", "5", "9", "8", "10", "12",
    ]  # fmt: skip
    result = prioritise(example_proposals(), "matrix-3x3")
    assert by_number(result, "4").feasibility_band is Band.MEDIUM
    assert by_number(result, "8").category is Category.RECONSIDER


def test_weighted_scores_are_the_weighted_sums() -> None:
    """0.4 impact + 0.3 feasibility + 0.2 urgency + 0.1 (6 - cost).

    1: 2 + 1.2 + 0.8 + 0.4 = 4.4; 11: 1.6 + 1.5 + 0.8 + 0.5 = 4.4 (tie: impact 5 wins);
    2: 1.6 + 1.5 + 0.6 + 0.5 = 4.2; 3: 1.6 + 1.2 + 0.6 + 0.4 = 3.8;
    6: 2 + 0.6 + 1.0 + 0.1 = 3.7; 5: 1.2 + 1.5 + 0.4 + 0.5 = 3.6;
    4: 1.6 + 0.9 + 0.4 + 0.3 = 3.2; 7: 1.6 + 0.6 + 0.6 + 0.2 = 3.0;
    9: 0.8 + 1.2 + 0.4 + 0.4 = 2.8; 8: 1.2 + 0.6 + 0.4 + 0.4 = 2.6;
    10: 0.8 + 0.6 + 0.2 + 0.5 = 2.1.
    """
    result = prioritise(example_proposals(), "weighted")
    assert [(e.proposal.number, e.score) for e in result.entries if e.score is not None] == [
        ("1", D("4.4")), ("11", D("4.4")), ("2", D("4.2")), ("3", D("3.8")), ("6", D("3.7")),
        ("5", D("3.6")), ("4", D("3.2")), ("7", D("3.0")), ("9", D("2.8")), ("8", D("2.6")),
        ("10", D("2.1")),
    ]  # fmt: skip
    assert by_number(result, "11").tie_broken_by is TieKey.IMPACT


def test_urgency_and_cost_multiply_the_product_and_unscored_counts_as_the_middle() -> None:
    """impact 4, feasibility 5, urgency 4, cost 1: 4 x 5 x 4 x (6 - 1) = 400; unscored = 3."""
    scored = Proposal("A", id="a", impact=D(4), feasibility=D(5), urgency=D(4), cost=D(1))
    unscored = Proposal("B", id="b", impact=D(4), feasibility=D(5))
    result = prioritise([scored, unscored], "impact-feasibility-urgency-cost")
    assert result.entry("a").score == D(400)
    assert result.entry("b").score == D(4 * 5 * 3 * 3)
    assert "urgency not scored, counted as 3" in result.entry("b").reasoning_text("en")
    assert "спешността не е оценена, брои се 3" in result.entry("b").reasoning_text("bg")


def test_reasoning_names_the_scores_the_rule_and_the_rank() -> None:
    """Every rank keeps which scores, arithmetic and rule produced it, in both languages."""
    entry = prioritise(example_proposals()).entries[0]
    assert entry.reasoning_text("en") == (
        "scores impact 5, feasibility 4, urgency 4, cost 2 (scale 1-5); "
        "score impact 5 x feasibility 4 = 20; "
        "2x2 matrix: impact high, feasibility high -> quick win; rank 1 of 11 by score"
    )
    assert entry.reasoning_text("bg").startswith("оценки: въздействие 5, осъществимост 4")


def test_a_quick_win_without_a_duration_asks_to_check_it() -> None:
    """High and easy with no months estimated stays a quick win, with a note to check."""
    entry = prioritise([Proposal("A", id="a", impact=D(5), feasibility=D(5))]).entry("a")
    assert entry.category is Category.QUICK_WIN
    assert "check that it can be done within 3 months" in entry.reasoning_text("en")


def test_the_quick_win_limit_comes_from_the_method() -> None:
    """A 5-month proposal is a key action at the default 3 months, a quick win at 6."""
    proposal = Proposal("A", id="a", impact=D(5), feasibility=D(5), months=5)
    assert prioritise([proposal]).entry("a").category is Category.KEY_ACTION
    six = PrioritisationMethod(quick_win_months=6)
    assert prioritise([proposal], six).entry("a").category is Category.QUICK_WIN


def test_reconsider_and_unscored_are_not_taken_with_a_reason() -> None:
    """10 (reconsider) and 12 (no scores) are left out, each with its reason."""
    result = prioritise(example_proposals())
    left = {entry.proposal.number: entry.not_taken_reason for entry in result.not_taken()}
    assert set(left) == {"8", "10", "12"}
    assert left["10"] is not None
    assert left["10"].en == "in the category reconsider: lower impact and hard to do"
    assert left["12"] is not None
    assert left["12"].en.startswith("not scored")


def test_a_take_decision_is_applied_and_reported() -> None:
    """The working group takes 8 in spite of its category; the result says who and why."""
    result = prioritise(example_proposals(), "impact-feasibility", example_overrides())
    eighth = by_number(result, "8")
    assert eighth.taken
    assert eighth.category is Category.RECONSIDER
    assert eighth.overrides == example_overrides()
    assert result.overrides == example_overrides()
    assert "taken into the plan by Работна група по заповед на кмета" in eighth.reasoning_text("en")
    assert any("Работна група" in line for line in result.summary_lines("bg"))


def test_a_rank_override_moves_the_proposal_and_the_others_down() -> None:
    """Putting 10 first moves every other proposal one down, in the method's order."""
    tenth = example_proposals()[9]
    override = Override(tenth.id, "работна група", "законово изискване", rank=1)
    order = numbers_in_rank_order("impact-feasibility", [override])
    assert order == ["10", "1", "11", "2", "3", "5", "4", "6", "7", "9", "8", "12"]
    entry = prioritise(example_proposals(), "impact-feasibility", [override]).entries[0]
    assert entry.rank == 1
    assert entry.reasoning_text("en").endswith("rank 1 set by работна група: законово изискване")


def test_a_category_override_changes_the_category_and_the_decision() -> None:
    """A reconsider proposal set to key action is taken; a quick win set to reconsider is not."""
    proposals = example_proposals()
    overrides = [
        Override(proposals[9].id, "група", "спешно", category=Category.KEY_ACTION),
        Override(proposals[0].id, "група", "отложено", category=Category.RECONSIDER),
    ]
    result = prioritise(proposals, "matrix-2x2", overrides)
    assert by_number(result, "10").category is Category.KEY_ACTION
    assert by_number(result, "10").taken
    assert not by_number(result, "1").taken
    # Under the matrix rule the category decides the place: 1 falls among the reconsiders.
    assert [e.proposal.number for e in result.entries].index("1") > [
        e.proposal.number for e in result.entries
    ].index("9")


def test_a_leave_decision_leaves_a_quick_win_out() -> None:
    """A decision to leave out wins over the category, and its reason says who and why."""
    first = example_proposals()[0]
    override = Override(first.id, "кмет", "вече е в стратегията", decision=Decision.LEAVE)
    entry = prioritise(example_proposals(), overrides=[override]).entry(first.id)
    assert not entry.taken
    assert entry.not_taken_reason is not None
    assert entry.not_taken_reason.en == "left out by кмет: вече е в стратегията"


def test_a_score_off_the_scale_is_an_error_naming_the_proposal() -> None:
    """Impact 7 on 1-5 names the proposal and the scale."""
    with pytest.raises(
        PrioritisationError, match=r"proposal 1 \('3'.*impact 7 is off the scale; expected 1 to 5"
    ):
        prioritise([Proposal("A", number="3", impact=D(7), feasibility=D(3))])


def test_an_override_of_an_unknown_proposal_is_an_error() -> None:
    """An override must name one of the proposals."""
    with pytest.raises(PrioritisationError, match="names proposal 'nobody'"):
        prioritise(example_proposals(), overrides=[Override("nobody", "a", "b", rank=1)])


def test_two_proposals_with_one_id_are_an_error() -> None:
    """Ids must be unique: a draft plan's measures are linked by them."""
    with pytest.raises(PrioritisationError, match="another proposal has the same id"):
        prioritise([Proposal("A", id="x"), Proposal("B", id="x")])


def test_an_unknown_method_name_lists_the_presets() -> None:
    """A misspelt method is an error that says which names exist."""
    with pytest.raises(ValueError, match="expected one of impact-feasibility"):
        prioritise(example_proposals(), "impact")


def test_a_plan_carries_its_prioritisation_and_it_is_computed_again() -> None:
    """prioritisation_of gives the same result as prioritising the record; None without one."""
    plan = draft_plans()["draft-from-proposals"]
    result = prioritisation_of(plan)
    assert result is not None
    assert result == prioritise(example_proposals(), "impact-feasibility", example_overrides())
    assert prioritisation_of(attrs.evolve(plan, prioritisation=None)) is None


def test_a_custom_scale_moves_the_bands() -> None:
    """On 1-10, 6 and above are high on a 2x2 grid (the middle is 5.5)."""
    method = PrioritisationMethod(scale=Scale(1, 10))
    result = prioritise(
        [Proposal("A", id="a", impact=D(6), feasibility=D(6)),
         Proposal("B", id="b", impact=D(5), feasibility=D(10))],
        method,
    )  # fmt: skip
    assert result.entry("a").category is Category.QUICK_WIN
    assert result.entry("b").category is Category.LONG_TERM


# -- properties ---------------------------------------------------------------------------


@st.composite
def scored_proposals_and_a_raise(draw: st.DrawFn):
    method = draw(prioritisation_methods())
    found = draw(st.lists(proposals(), min_size=1, max_size=6, unique_by=lambda p: p.id))
    scored = [p for p in found if p.impact is not None and p.feasibility is not None]
    assume(scored)
    chosen = draw(st.sampled_from(scored))
    assert chosen.impact is not None
    assume(chosen.impact < method.scale.high)
    higher = draw(st.integers(int(chosen.impact) + 1, int(method.scale.high)).map(Decimal))
    return method, found, chosen, higher


@given(scored_proposals_and_a_raise())
def test_raising_a_proposals_impact_never_lowers_its_rank(case) -> None:
    """With any method, a higher impact gives the same rank or a better (smaller) one."""
    method, found, chosen, higher = case
    before = prioritise(found, method).entry(chosen.id).rank
    raised = [attrs.evolve(p, impact=higher) if p.id == chosen.id else p for p in found]
    after = prioritise(raised, method).entry(chosen.id).rank
    assert before is not None
    assert after is not None
    assert after <= before


@given(prioritisations())
def test_overrides_are_always_reported(record: Prioritisation) -> None:
    """Every override is in the result, on its proposal, and in that proposal's reasoning."""
    result = prioritise(record.proposals, record.method, record.overrides)
    assert result.overrides == record.overrides
    for override in record.overrides:
        entry = result.entry(override.proposal_id)
        assert override in entry.overrides
        assert override.by in entry.reasoning_text("en")
        assert override.reason in entry.reasoning_text("bg")
    summary = "\n".join(result.summary_lines("en"))
    assert all(override.reason in summary for override in record.overrides)


@given(prioritisations())
def test_every_proposal_is_placed_once_with_reasoning(record: Prioritisation) -> None:
    """Every proposal appears once; ranks are 1..n; left-out ones have a reason."""
    result = prioritise(record.proposals, record.method, record.overrides)
    assert sorted(e.proposal.id for e in result.entries) == sorted(p.id for p in record.proposals)
    ranks = [e.rank for e in result.entries if e.rank is not None]
    assert ranks == list(range(1, len(ranks) + 1))
    for entry in result.entries:
        assert entry.reasoning
        assert entry.taken == (entry.not_taken_reason is None)


def test_weights_grid_and_rule_are_part_of_the_method() -> None:
    """A custom method with other weights is not a preset; the presets name themselves."""
    custom = PrioritisationMethod(rule=Rule.WEIGHTED, weights=Weights(1, 0, 0, 0))
    assert custom.preset_name is None
    assert PrioritisationMethod.named("matrix-3x3").grid is Grid.THREE_BY_THREE

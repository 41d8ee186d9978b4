"""Coverage: low-scoring sub-criteria no measure answers, and measures answering no proposal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from capcore import Measure, PlanBuilder, coverage
from capcore.coverage import CoverageError, MeasureRef
from capcore.examples import draft_plans, example_proposals


def test_the_example_draft_leaves_the_unscored_and_the_reconsidered_uncovered() -> None:
    """Below 50: 1.1 (35), 1.2 (40), 1.3 (45), 2.1 (40), 3.2 (45), 3.3 (30), 4.5 (25), 8.2 (60: not low).

    The draft answers all but 1.2 (proposal 12, not scored); 8.2 (proposal 10,
    left out) scores 60, above the threshold, so it is not listed.
    """
    report = coverage(draft_plans()["draft-from-proposals"])
    assert [(item.code, item.score) for item in report.uncovered] == [("1.2", Decimal(40))]
    assert report.uncovered[0].proposal_ids == (example_proposals()[11].id,)
    assert report.measures_without_proposal == ()


def test_a_higher_threshold_lists_more() -> None:
    """At 61, 8.2 (60) is low too; the lowest score comes first."""
    report = coverage(draft_plans()["draft-from-proposals"], threshold=61)
    assert [item.code for item in report.uncovered] == ["1.2", "8.2"]


def test_a_measure_citing_the_whole_criterion_answers_its_sub_criteria() -> None:
    """A measure citing criterion 3 answers 3.2."""
    builder = PlanBuilder("План")
    builder.measure("Мярка", caf="3")
    report = coverage(builder.build(), {"3.2": Decimal(20), "4.1": Decimal(30)})
    assert [item.code for item in report.uncovered] == ["4.1"]


def test_measures_answering_no_proposal_are_listed() -> None:
    """A measure added by hand, without proposal ids, answers no proposal."""
    plan = draft_plans()["draft-from-proposals"]
    extra = Measure("Добавена ръчно", "5.2", "hand")
    plan.areas[-1].measures.append(extra)
    report = coverage(plan)
    assert report.measures_without_proposal == (MeasureRef("hand", "5.2", "Добавена ръчно"),)
    assert not report.complete


def test_with_proposals_given_unknown_ids_do_not_count() -> None:
    """A measure linked to a proposal not in the given list answers none of them."""
    builder = PlanBuilder("План")
    builder.measure("Мярка", caf="1.1")
    plan = builder.build()
    plan.areas[0].measures[0].proposal_ids = ("someone-else",)
    report = coverage(plan, example_proposals()[:1])
    assert [ref.title for ref in report.measures_without_proposal] == ["Мярка"]
    assert report.uncovered == ()


@pytest.mark.parametrize(
    ("scores", "message"),
    [({"3": Decimal(20)}, "expected a sub-criterion"), ({"3.2": Decimal(120)}, "off CAF's scale"),
     ({"x": Decimal(1)}, "score key 'x'")],
)  # fmt: skip
def test_bad_scores_are_errors(scores: dict[str, Decimal], message: str) -> None:
    """Score keys are sub-criteria and scores are 0-100."""
    with pytest.raises(CoverageError, match=message):
        coverage(PlanBuilder("План").build(), scores)

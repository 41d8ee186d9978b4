"""Improvement proposals: the value type and its checks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from capcore import CafRef, Proposal
from capcore.examples import example_proposals


def test_a_proposal_keeps_every_field() -> None:
    """The example's first proposal holds its sub-criterion, texts, scores and unknown column."""
    first = example_proposals()[0]
    assert first.caf_ref == CafRef(1, 1)
    assert first.self_assessment_score == Decimal(35)
    assert (first.impact, first.feasibility, first.urgency, first.cost) == (
        Decimal(5), Decimal(4), Decimal(4), Decimal(2),
    )  # fmt: skip
    assert first.months == 3
    assert first.extra == {"Източник": "Доклад от самооценката, с. 14"}


def test_an_example_letter_is_kept() -> None:
    """ "4.5 б" is sub-criterion 4.5, example b."""
    assert example_proposals()[6].caf_ref == CafRef(4, 5, "b")


@pytest.mark.parametrize("score", [Decimal(-1), Decimal(101)])
def test_a_self_assessment_score_is_on_cafs_0_to_100(score: Decimal) -> None:
    """CAF scores sub-criteria from 0 to 100; anything else is refused."""
    with pytest.raises(ValueError, match="from 0 to 100"):
        Proposal("A", self_assessment_score=score)


def test_a_negative_impact_is_refused() -> None:
    """Scores are 0 or more; the method checks its own scale."""
    with pytest.raises(ValueError, match="impact must be 0 or more"):
        Proposal("A", impact=Decimal(-1))


def test_months_are_at_least_one() -> None:
    """A duration is a whole number of months, 1 or more."""
    with pytest.raises(ValueError, match="at least 1"):
        Proposal("A", months=0)


def test_the_label_is_the_number_else_the_start_of_the_text() -> None:
    """Messages name a proposal by its number, or by its text cut at 40 characters."""
    assert Proposal("Текст", number="П-3").label == "П-3"
    assert Proposal("x" * 50).label == "x" * 39 + "…"

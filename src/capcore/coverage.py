"""Coverage: does the plan answer what the self-assessment found?

:func:`coverage` lists the sub-criteria that scored low in the
self-assessment and that no measure answers, and the measures that answer no
improvement proposal. The scores come from the proposals (their
:attr:`~capcore.Proposal.self_assessment_score`) or from a mapping of
sub-criterion to score; by default from the proposals the plan carries
(:attr:`capcore.Plan.prioritisation`).

A measure answers a sub-criterion when it cites it (``3.2``, an example of
it, ``3.2 b``) or its whole criterion (``3``), as validation rule C102 counts.
A measure answers a proposal when its :attr:`~capcore.Measure.proposal_ids`
name it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from capcore.caf import CafRef
from capcore.errors import CapcoreError
from capcore.model import Measure, Plan
from capcore.proposals import SELF_ASSESSMENT_SCALE, Proposal

__all__ = [
    "DEFAULT_LOW_SCORE",
    "CoverageError",
    "CoverageReport",
    "MeasureRef",
    "UncoveredSubCriterion",
    "coverage",
]

DEFAULT_LOW_SCORE = Decimal(50)
"""A sub-criterion scoring below this (of CAF's 0-100) is low: the middle of the scale."""


class CoverageError(CapcoreError, ValueError):
    """Scores that cannot be read: a key that is not a sub-criterion, a score off 0-100."""


@attrs.frozen
class UncoveredSubCriterion:
    """A sub-criterion that scored low and that no measure answers.

    Attributes:
        code: The sub-criterion (``3.2``).
        score: Its self-assessment score (the lowest given, when several).
        proposal_ids: The proposals that answer it, none of which is in the plan.
    """

    code: str
    score: Decimal
    proposal_ids: tuple[str, ...] = ()


@attrs.frozen
class MeasureRef:
    """A measure, named as a report names it.

    Attributes:
        id: The measure's id.
        number: Its number.
        title: Its title.
    """

    id: str
    number: str
    title: str

    @classmethod
    def of(cls, measure: Measure) -> MeasureRef:
        """Return the reference to ``measure``."""
        return cls(measure.id, measure.number, measure.title)


@attrs.frozen
class CoverageReport:
    """What :func:`coverage` found.

    Attributes:
        threshold: Scores below it were low.
        scores: The score of every sub-criterion that has one, by code.
        uncovered: Low-scoring sub-criteria no measure answers, lowest score first.
        measures_without_proposal: Measures whose ``proposal_ids`` name no
            known proposal, in plan order.
    """

    threshold: Decimal
    scores: dict[str, Decimal]
    uncovered: tuple[UncoveredSubCriterion, ...]
    measures_without_proposal: tuple[MeasureRef, ...]

    @property
    def complete(self) -> bool:
        """True when every low sub-criterion is answered and every measure answers a proposal."""
        return not self.uncovered and not self.measures_without_proposal


def coverage(
    plan: Plan,
    proposals_or_scores: Iterable[Proposal] | Mapping[str, Decimal] | None = None,
    *,
    threshold: Decimal | int = DEFAULT_LOW_SCORE,
) -> CoverageReport:
    """Return the low-scoring sub-criteria the plan leaves unanswered, and its unlinked measures.

    Args:
        plan: The plan.
        proposals_or_scores: The self-assessment's proposals, or its scores
            by sub-criterion (``{"3.2": Decimal(35)}``); by default the
            proposals the plan carries. With scores alone, every measure
            that names no proposal at all counts as answering none.
        threshold: Scores below this are low (50 by default).

    Raises:
        CoverageError: A score key is not a sub-criterion, or a score is off 0-100.
    """
    limit = Decimal(threshold)
    source = proposals_or_scores
    if source is None:
        source = () if plan.prioritisation is None else plan.prioritisation.proposals
    if isinstance(source, Mapping):
        scores = _scores_from_mapping(source)
        answers: dict[str, list[str]] = {}
        known_ids: set[str] | None = None
    else:
        proposals = tuple(source)
        scores, answers = _scores_from_proposals(proposals)
        known_ids = {proposal.id for proposal in proposals}
    cited = _cited(plan)
    uncovered = sorted(
        (
            UncoveredSubCriterion(code, score, tuple(answers.get(code, ())))
            for code, score in scores.items()
            if score < limit and not _answered(code, cited)
        ),
        key=lambda item: (item.score, _code_key(item.code)),
    )
    unlinked = tuple(
        MeasureRef.of(measure) for measure in plan.measures() if not _links(measure, known_ids)
    )
    return CoverageReport(limit, scores, tuple(uncovered), unlinked)


def _links(measure: Measure, known_ids: set[str] | None) -> bool:
    if known_ids is None:
        return bool(measure.proposal_ids)
    return any(proposal_id in known_ids for proposal_id in measure.proposal_ids)


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def _scores_from_mapping(scores: Mapping[str, Decimal]) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for key, value in scores.items():
        try:
            ref = CafRef.parse(str(key))
        except CapcoreError as error:
            raise CoverageError(f"score key {key!r}: {error}") from None
        if ref.sub is None:
            raise CoverageError(f"score key {key!r}: expected a sub-criterion such as 3.2")
        _check_score(str(key), Decimal(value))
        found[ref.code] = min(found.get(ref.code, Decimal(value)), Decimal(value))
    return found


def _check_score(where: str, score: Decimal) -> None:
    low, high = SELF_ASSESSMENT_SCALE
    if not low <= score <= high:
        raise CoverageError(f"{where}: score {score} is off CAF's scale; expected {low} to {high}")


def _scores_from_proposals(
    proposals: tuple[Proposal, ...],
) -> tuple[dict[str, Decimal], dict[str, list[str]]]:
    scores: dict[str, Decimal] = {}
    answers: dict[str, list[str]] = {}
    for proposal in proposals:
        ref = proposal.caf_ref
        if ref is None or ref.sub is None:
            continue
        answers.setdefault(ref.code, []).append(proposal.id)
        score = proposal.self_assessment_score
        if score is not None:
            # Rows of one sub-criterion should agree; the lowest is the one to worry about.
            scores[ref.code] = min(scores.get(ref.code, score), score)
    return scores, answers


def _cited(plan: Plan) -> set[str]:
    """Every criterion and sub-criterion code the plan's measures cite."""
    return {ref.code for measure in plan.measures() for ref in measure.caf_refs}


def _answered(code: str, cited: set[str]) -> bool:
    return code in cited or code.split(".", 1)[0] in cited

"""Improvement proposals: what a CAF self-assessment report asks the plan to answer.

A self-assessment report lists, sub-criterion by sub-criterion, the strengths
and the areas for improvement it found and the proposals for improvement
that follow from them. A working group then scores each proposal (impact,
feasibility, and where it wishes urgency and cost) and prioritises them
before it writes measures (the Stara Zagora process; ``docs/prioritisation.md``).

A :class:`Proposal` is one such row. Reading proposals from a table or JSON
is in :mod:`capcore.proposals_read`; ranking them in
:mod:`capcore.prioritisation`.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from capcore.caf import CafRef
from capcore.ids import new_id

__all__ = ["SELF_ASSESSMENT_SCALE", "Proposal"]

SELF_ASSESSMENT_SCALE = (Decimal(0), Decimal(100))
"""The lowest and highest self-assessment score: CAF scores sub-criteria 0-100."""


def _self_assessment_score(
    _instance: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    low, high = SELF_ASSESSMENT_SCALE
    if value is not None and not low <= value <= high:
        raise ValueError(
            f"{attribute.name} is a CAF self-assessment score from {low} to {high}, not {value}"
        )


def _not_negative(
    _instance: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must be 0 or more, not {value}")


def _positive_months(
    _instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and value < 1:
        raise ValueError(f"{attribute.name} is a number of months, at least 1, not {value}")


def _text_dict() -> dict[str, str]:
    return {}


@attrs.frozen
class Proposal:
    """One improvement proposal of a self-assessment report, as a working group scored it.

    Scores are on the scale of the prioritisation method (1-5 by default);
    the method checks them, since the scale belongs to the method, not to
    the proposal.

    Attributes:
        text: The proposal for improvement (Предложение за подобрение).
        id: Stable id; measures drawn from the proposal keep it
            (:attr:`capcore.Measure.proposal_ids`).
        number: The proposal's number as written in the table (``3``, ``П-3``).
        caf_ref: The CAF sub-criterion it answers, with the example letter
            where the report gives one (``4.5 b``); None when not given.
        improvement_area: The area for improvement it answers (Области за
            подобрение), as the report words it.
        strengths: The strengths the report found there (Силни страни).
        self_assessment_score: The self-assessment score of its
            sub-criterion on CAF's 0-100 scale, when known.
        impact: The impact (effectiveness) the group gave it.
        feasibility: The feasibility (ease) the group gave it: high is easy.
        urgency: The urgency the group gave it, if it scored urgency.
        cost: The cost the group gave it, if it scored cost: high is expensive.
        months: How many months the group expects it to take, if estimated.
        area: The group's own area for it (``Човешки ресурси``), if the group
            sorts proposals into areas of its own.
        note: A note.
        extra: Cells of the source row no column was known for (header -> text).
    """

    text: str
    id: str = attrs.field(factory=new_id)
    number: str = ""
    caf_ref: CafRef | None = None
    improvement_area: str = ""
    strengths: str = ""
    self_assessment_score: Decimal | None = attrs.field(
        default=None, validator=_self_assessment_score
    )
    impact: Decimal | None = attrs.field(default=None, validator=_not_negative)
    feasibility: Decimal | None = attrs.field(default=None, validator=_not_negative)
    urgency: Decimal | None = attrs.field(default=None, validator=_not_negative)
    cost: Decimal | None = attrs.field(default=None, validator=_not_negative)
    months: int | None = attrs.field(default=None, validator=_positive_months)
    area: str = ""
    note: str = ""
    extra: dict[str, str] = attrs.field(factory=_text_dict, hash=False)

    @property
    def label(self) -> str:
        """A short name for messages: ``proposal 3`` style number, else the start of the text."""
        if self.number:
            return self.number
        return self.text if len(self.text) <= 40 else self.text[:39] + "…"

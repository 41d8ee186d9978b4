"""From prioritised proposals to a draft plan: :func:`draft_plan`.

Every proposal ends either as a measure of the draft plan or in the
:attr:`DraftPlan.not_taken` list with the reason it was left out. Each taken
proposal becomes one measure:

- grouped into areas by CAF criterion (``Критерий 3: Хора``) or by the
  working group's own areas (:class:`Grouping`);
- ordered by rank within its area, numbered ``1.1``, ``1.2``, ...;
- a quick win when its category is quick win, else strategic;
- with its CAF reference, the improvement area and strengths it answers,
  its scores and rank (:class:`capcore.Priority`, the reasoning in the note)
  and the id of its proposal (:attr:`capcore.Measure.proposal_ids`);
- with owner, dates, budget and expected result left empty, so that
  :func:`capcore.validate` lists what the group has still to decide
  (R101 owner, S104 dates, R102 result, B104 budget).

The plan carries the prioritisation (:attr:`capcore.Plan.prioritisation`),
so writers can render the matrix (:func:`capcore.prioritisation_of`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from capcore.caf import CafVersion
from capcore.caf_catalogue import catalogue
from capcore.findings import Message
from capcore.ids import derived_id, new_id
from capcore.model import Area, Measure, MeasureKind, Period, Plan, Priority
from capcore.prioritisation import PrioritisationResult, RankedProposal
from capcore.prioritisation_method import Category
from capcore.proposals import Proposal

__all__ = ["DEFAULT_DRAFT_TITLE", "DraftPlan", "Grouping", "NotTaken", "draft_plan"]

DEFAULT_DRAFT_TITLE = "Проект на план за подобрение"
"""The title of a draft plan when none is given ("Draft improvement plan")."""

_NO_CRITERION = ("Без посочен критерий на CAF", "No CAF criterion given")
_NO_AREA = ("Други предложения", "Other proposals")


class Grouping(enum.StrEnum):
    """How a draft plan groups its measures into areas."""

    CRITERION = "criterion"
    """One area per CAF criterion, in the criteria's order (``Критерий 3: Хора``)."""
    GROUP_AREA = "area"
    """One area per area the working group gave its proposals, in the table's order."""


@attrs.frozen
class NotTaken:
    """A proposal left out of the draft plan, and why.

    Attributes:
        proposal: The proposal.
        reason: Why it was left out, in English and Bulgarian.
        entry: Its place in the prioritisation (rank, category, reasoning).
    """

    proposal: Proposal
    reason: Message
    entry: RankedProposal


@attrs.frozen
class DraftPlan:
    """A draft plan drawn from prioritised proposals: what :func:`draft_plan` returns.

    Attributes:
        plan: The draft plan; it carries the prioritisation.
        not_taken: The proposals left out, each with its reason.
        prioritisation: The prioritisation it was drawn from.
    """

    plan: Plan
    not_taken: tuple[NotTaken, ...]
    prioritisation: PrioritisationResult

    def measure_for(self, proposal_id: str) -> Measure | None:
        """Return the measure drawn from the proposal, or None when it was not taken."""
        return next((m for m in self.plan.measures() if proposal_id in m.proposal_ids), None)


def draft_plan(  # noqa: PLR0913 - keyword-only fields of the plan's heading
    prioritisation: PrioritisationResult,
    grouping: Grouping | str = Grouping.CRITERION,
    *,
    title: str = DEFAULT_DRAFT_TITLE,
    organisation: str = "",
    period: Period | None = None,
    caf_version: CafVersion | None = CafVersion.CAF_2020,
    plan_id: str | None = None,
) -> DraftPlan:
    """Draw a draft plan from prioritised proposals (see the module docstring).

    Args:
        prioritisation: What :func:`capcore.prioritise` returned.
        grouping: How measures are grouped into areas (or its value,
            ``"criterion"`` or ``"area"``).
        title: The plan's title.
        organisation: The administration.
        period: The plan's period, if known.
        caf_version: The CAF edition of the self-assessment (area titles
            come from its catalogue).
        plan_id: The plan's id; measure and area ids are derived from it and
            the proposal ids, so the same input gives the same plan. A new
            id by default.

    Returns:
        The plan and the proposals not taken; every proposal is in one of them.

    Raises:
        ValueError: ``grouping`` is not a grouping's value.
    """
    chosen = Grouping(grouping)
    the_id = plan_id or new_id()
    groups: dict[tuple[int, str], list[RankedProposal]] = {}
    for entry in prioritisation.taken():
        groups.setdefault(_group_key(entry.proposal, chosen, prioritisation), []).append(entry)
    areas = [
        _area(number, key, entries, chosen, the_id, caf_version)
        for number, (key, entries) in enumerate(sorted(groups.items()), 1)
    ]
    plan = Plan(
        title,
        id=the_id,
        organisation=organisation,
        period=period,
        caf_version=caf_version,
        areas=areas,
        prioritisation=prioritisation.record,
    )
    not_taken = tuple(
        NotTaken(entry.proposal, entry.not_taken_reason or _unknown_reason(), entry)
        for entry in prioritisation.not_taken()
    )
    return DraftPlan(plan, not_taken, prioritisation)


def _unknown_reason() -> Message:
    # Every entry that is not taken has a reason; this keeps the type honest.
    return Message("not taken", "не е включено")


def _group_key(
    proposal: Proposal, grouping: Grouping, prioritisation: PrioritisationResult
) -> tuple[int, str]:
    """Return a key that sorts the areas: criterion number, or the area's first row."""
    if grouping is Grouping.CRITERION:
        ref = proposal.caf_ref
        return (10, "") if ref is None else (ref.criterion, "")
    title = proposal.area.strip()
    first = next(
        index
        for index, candidate in enumerate(prioritisation.record.proposals)
        if candidate.area.strip() == title
    )
    # Proposals without an area of the group's go last, in one area.
    return (len(prioritisation.record.proposals) if not title else first, title)


def _area(  # noqa: PLR0913, PLR0917 - an area needs its place, its group and the plan's
    number: int,
    key: tuple[int, str],
    entries: list[RankedProposal],
    grouping: Grouping,
    plan_id: str,
    caf_version: CafVersion | None,
) -> Area:
    criterion, title = key
    if grouping is Grouping.CRITERION:
        if criterion == 10:
            title = _NO_CRITERION[0]
        else:
            name = catalogue(caf_version or CafVersion.CAF_2020).title(str(criterion), "bg")
            title = f"Критерий {criterion}: {name}"
        area_key = f"criterion:{criterion}"
    else:
        title = title or _NO_AREA[0]
        area_key = f"group-area:{title}"
    area_id = derived_id(plan_id, area_key)
    measures = [
        _measure(f"{number}.{index}", entry, plan_id)
        for index, entry in enumerate(_in_rank_order(entries), 1)
    ]
    return Area(title, str(number), area_id, measures=measures)


def _in_rank_order(entries: list[RankedProposal]) -> Iterator[RankedProposal]:
    # Proposals taken by the group without a rank (not scored) come last, as in the table.
    yield from sorted((e for e in entries if e.rank is not None), key=lambda e: e.rank or 0)
    yield from (e for e in entries if e.rank is None)


def _measure(number: str, entry: RankedProposal, plan_id: str) -> Measure:
    proposal = entry.proposal
    return Measure(
        proposal.text,
        number,
        derived_id(plan_id, f"proposal:{proposal.id}"),
        kind=MeasureKind.QUICK_WIN
        if entry.category is Category.QUICK_WIN
        else MeasureKind.STRATEGIC,
        caf_refs=() if proposal.caf_ref is None else (proposal.caf_ref,),
        priority=Priority(
            impact=proposal.impact,
            feasibility=proposal.feasibility,
            urgency=proposal.urgency,
            rank=entry.rank,
            note=entry.reasoning_text("bg"),
        ),
        strengths=proposal.strengths,
        improvement_areas=proposal.improvement_area,
        note=proposal.note,
        extra=dict(proposal.extra),
        proposal_ids=(proposal.id,),
    )

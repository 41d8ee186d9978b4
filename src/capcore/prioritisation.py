"""Ranking and classifying improvement proposals: :func:`prioritise` and its result.

:func:`prioritise` applies a :class:`~capcore.PrioritisationMethod` to
proposals and the working group's :class:`~capcore.Override` values and
returns a :class:`PrioritisationResult`: every proposal with its rank, score,
category and whether it is taken into the plan, and the reasoning behind
each, in English and Bulgarian (which scores, weights and rule produced it,
which key broke a tie, which override changed it and who made it).

The order of the steps:

1. each proposal with both impact and feasibility gets a score and a
   category (a proposal missing either is not ranked and not taken);
2. category overrides replace the matrix's category;
3. proposals are sorted: by category first under the matrix rule, then by
   score, then by the tie keys (:class:`~capcore.TieKey`): higher impact,
   higher feasibility, higher urgency, lower cost, earlier in the table;
4. rank overrides move a proposal to the rank the group gave it (the lowest
   requested rank first), the others moving down;
5. a proposal is taken unless its category is "reconsider" or it has no
   score; a decision override takes it or leaves it whatever its category.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from decimal import Decimal

import attrs

from capcore._prioritisation_rules import (
    category_words,
    classify,
    compute_score,
    decision_messages,
    format_number,
    or_middle,
    override_text,
    rank_message,
    scores_message,
    tie_message,
)
from capcore.errors import CapcoreError
from capcore.findings import Message
from capcore.labels import label
from capcore.model import Plan
from capcore.prioritisation_method import (
    DEFAULT_METHOD,
    Band,
    Category,
    Decision,
    Override,
    Prioritisation,
    PrioritisationMethod,
    Rule,
    TieKey,
)
from capcore.proposals import Proposal

__all__ = [
    "RANKED_TABLE_COLUMNS",
    "PrioritisationError",
    "PrioritisationResult",
    "RankedProposal",
    "prioritisation_of",
    "prioritise",
]


RANKED_TABLE_COLUMNS: tuple[str, ...] = (
    "rank",
    "number",
    "caf_refs",
    "proposal",
    "impact",
    "feasibility",
    "score",
    "category",
    "taken",
    "reasoning",
)
"""The columns of the ranked-proposals table every renderer shows, as label keys, in order."""


class PrioritisationError(CapcoreError):
    """Proposals or overrides that cannot be prioritised (off the scale, unknown ids)."""


@attrs.frozen
class RankedProposal:
    """One proposal as the prioritisation placed it.

    Attributes:
        proposal: The proposal.
        rank: Its rank, 1 being first; None when it could not be scored.
        score: The method's score; None when impact or feasibility is missing.
        category: The category (after any override); None when not scored
            and not set by an override.
        impact_band: Where its impact falls on the method's grid.
        feasibility_band: Where its feasibility falls on the method's grid.
        taken: True when it goes into the draft plan.
        tie_broken_by: When the method gave it the same category and score
            as the proposal ranked right above it, the key that put it below
            (:class:`~capcore.TieKey`); None otherwise.
        tied_with: The id of that proposal, when there was a tie.
        overrides: The working group's overrides of this proposal.
        reasoning: Why it stands where it stands, step by step.
        not_taken_reason: Why it is not taken, when it is not.
    """

    proposal: Proposal
    rank: int | None
    score: Decimal | None
    category: Category | None
    impact_band: Band | None
    feasibility_band: Band | None
    taken: bool
    tie_broken_by: TieKey | None = None
    tied_with: str | None = None
    overrides: tuple[Override, ...] = ()
    reasoning: tuple[Message, ...] = ()
    not_taken_reason: Message | None = None

    def reasoning_text(self, locale: str = "en") -> str:
        """Return the reasoning as one text in ``locale``, its steps joined by ``; ``."""
        return "; ".join(message.text(locale) for message in self.reasoning)


@attrs.frozen
class PrioritisationResult:
    """The prioritised proposals: what :func:`prioritise` returns.

    Attributes:
        record: What was prioritised: the proposals, the method, the overrides.
        entries: Every proposal once: the ranked ones in rank order, then
            those without a rank in the order of the table.
    """

    record: Prioritisation
    entries: tuple[RankedProposal, ...]

    @property
    def method(self) -> PrioritisationMethod:
        """The method used."""
        return self.record.method

    @property
    def overrides(self) -> tuple[Override, ...]:
        """Every override the working group made, in the order given; always reported."""
        return self.record.overrides

    def entry(self, proposal_id: str) -> RankedProposal:
        """Return the entry of the proposal with ``proposal_id``.

        Raises:
            KeyError: No proposal has that id.
        """
        for entry in self.entries:
            if entry.proposal.id == proposal_id:
                return entry
        raise KeyError(proposal_id)

    def taken(self) -> tuple[RankedProposal, ...]:
        """Return the entries taken into the plan, in rank order."""
        return tuple(entry for entry in self.entries if entry.taken)

    def not_taken(self) -> tuple[RankedProposal, ...]:
        """Return the entries left out, each with its ``not_taken_reason``."""
        return tuple(entry for entry in self.entries if not entry.taken)

    def in_category(self, category: Category) -> tuple[RankedProposal, ...]:
        """Return the entries of ``category``, in rank order."""
        return tuple(entry for entry in self.entries if entry.category is category)

    def summary_lines(self, locale: str = "en") -> list[str]:
        """Return one line per proposal, for a terminal: rank, category, score, text."""
        lines = []
        for entry in self.entries:
            rank = "—" if entry.rank is None else str(entry.rank)
            category = "—" if entry.category is None else label(entry.category.value, locale)
            score = "—" if entry.score is None else format_number(entry.score, locale)
            mark = "" if entry.taken else " ✗"
            number = entry.proposal.number or entry.proposal.id[:8]
            lines.append(
                f"{rank:>3}. [{number}] {category}, {label('score', locale).lower()} "
                f"{score}{mark}: {entry.proposal.text}"
            )
        lines.extend(
            f"  {label('override', locale)}: {override_text(override, locale)}"
            for override in self.overrides
        )
        return lines


def prioritise(
    proposals: Iterable[Proposal],
    method: PrioritisationMethod | str = DEFAULT_METHOD,
    overrides: Iterable[Override] = (),
) -> PrioritisationResult:
    """Rank and classify proposals; see the module docstring for the steps.

    Args:
        proposals: The proposals, in the order of the source table (the
            last tie-breaker).
        method: The method, or the name of a preset (``"matrix-3x3"``).
        overrides: The working group's overrides.

    Returns:
        Every proposal with its rank, category, whether it is taken, and why.

    Raises:
        PrioritisationError: Two proposals share an id, a score lies off the
            method's scale, or an override names no proposal; the message
            names the proposal and what was expected.
        UnknownMethodError: ``method`` names no preset.
    """
    chosen = PrioritisationMethod.named(method) if isinstance(method, str) else method
    record = Prioritisation(tuple(proposals), chosen, tuple(overrides))
    _check(record)
    drafts = [_Draft.of(proposal, index, chosen) for index, proposal in enumerate(record.proposals)]
    by_id = {draft.proposal.id: draft for draft in drafts}
    for override in record.overrides:
        by_id[override.proposal_id].overrides.append(override)
        if override.category is not None:
            by_id[override.proposal_id].set_category(override)
    ranked = sorted((d for d in drafts if d.score is not None), key=lambda d: d.key(chosen))
    _mark_ties(ranked, chosen)
    ranked = _apply_rank_overrides(ranked, record.overrides, by_id)
    placed = {id(draft) for draft in ranked}
    unranked = [draft for draft in drafts if id(draft) not in placed]
    entries = [draft.finish(rank, len(ranked), chosen) for rank, draft in enumerate(ranked, 1)]
    entries.extend(draft.finish(None, len(ranked), chosen) for draft in unranked)
    return PrioritisationResult(record, tuple(entries))


def prioritisation_of(plan: Plan) -> PrioritisationResult | None:
    """Return the prioritisation a plan carries, computed again; None when it carries none.

    Writers call this to render the matrix of a draft plan
    (:attr:`capcore.Plan.prioritisation`).
    """
    record = plan.prioritisation
    if record is None:
        return None
    return prioritise(record.proposals, record.method, record.overrides)


def _check(record: Prioritisation) -> None:
    scale = record.method.scale
    seen: set[str] = set()
    for index, proposal in enumerate(record.proposals, 1):
        where = f"proposal {index} ({proposal.label!r}, id {proposal.id})"
        if proposal.id in seen:
            raise PrioritisationError(f"{where}: another proposal has the same id")
        seen.add(proposal.id)
        for name in ("impact", "feasibility", "urgency", "cost"):
            value = getattr(proposal, name)
            if value is not None and value not in scale:
                raise PrioritisationError(
                    f"{where}: {name} {value} is off the scale; expected "
                    f"{format_number(scale.low, 'en')} to {format_number(scale.high, 'en')}"
                )
    for override in record.overrides:
        if override.proposal_id not in seen:
            raise PrioritisationError(
                f"the override by {override.by!r} names proposal {override.proposal_id!r}, "
                "which is not among the proposals"
            )


@attrs.define
class _Draft:
    """A proposal while it is being placed (mutable; the result is frozen)."""

    proposal: Proposal
    index: int
    score: Decimal | None
    category: Category | None
    impact_band: Band | None
    feasibility_band: Band | None
    reasoning: list[Message]
    overrides: list[Override] = attrs.field(factory=list)
    tie_broken_by: TieKey | None = None
    tied_with: str | None = None
    ranked_by_group: bool = False

    @classmethod
    def of(cls, proposal: Proposal, index: int, method: PrioritisationMethod) -> _Draft:
        impact, feasibility = proposal.impact, proposal.feasibility
        if impact is None or feasibility is None:
            missing_en = " and ".join(
                n for n, v in (("impact", impact), ("feasibility", feasibility)) if v is None
            )
            missing_bg = " и ".join(
                n for n, v in (("въздействие", impact), ("осъществимост", feasibility)) if v is None
            )
            note = Message(f"not scored: no {missing_en}", f"не е оценено: няма {missing_bg}")
            return cls(proposal, index, None, None, None, None, [note])
        reasoning = [scores_message(proposal, method)]
        score, formula = compute_score(proposal, method)
        reasoning.append(formula)
        impact_band = method.scale.band(impact, method.grid)
        feasibility_band = method.scale.band(feasibility, method.grid)
        category, why = classify(proposal, impact_band, feasibility_band, method)
        reasoning.extend(why)
        return cls(proposal, index, score, category, impact_band, feasibility_band, reasoning)

    def set_category(self, override: Override) -> None:
        assert override.category is not None  # noqa: S101 - the caller checked
        en, bg = category_words(override.category)
        self.category = override.category
        self.reasoning.append(
            Message(
                f"category set to {en} by {override.by}: {override.reason}",
                f"категорията е определена като „{bg}“ от {override.by}: {override.reason}",
            )
        )

    def tie_values(self, method: PrioritisationMethod) -> tuple[tuple[TieKey, Decimal], ...]:
        """The sort keys in order, each as a number where lower sorts first."""
        proposal = self.proposal
        values: list[tuple[TieKey, Decimal]] = []
        if method.rule is Rule.MATRIX:
            order = len(Category) if self.category is None else self.category.order
            values.append((TieKey.CATEGORY, Decimal(order)))
        values += [
            (TieKey.SCORE, -(self.score or Decimal(0))),
            (TieKey.IMPACT, -(proposal.impact or Decimal(0))),
            (TieKey.FEASIBILITY, -(proposal.feasibility or Decimal(0))),
            (TieKey.URGENCY, -or_middle(proposal.urgency, method)),
            (TieKey.COST, or_middle(proposal.cost, method)),
            (TieKey.ORDER, Decimal(self.index)),
        ]
        return tuple(values)

    def key(self, method: PrioritisationMethod) -> tuple[Decimal, ...]:
        return tuple(value for _, value in self.tie_values(method))

    def finish(self, rank: int | None, ranked: int, method: PrioritisationMethod) -> RankedProposal:
        reasoning = list(self.reasoning)
        if rank is not None and not self.ranked_by_group:
            reasoning.append(rank_message(rank, ranked, method))
        if self.tie_broken_by is not None and self.tied_with is not None:
            reasoning.append(tie_message(self.tie_broken_by, self.tied_with))
        taken, reason = self._taken()
        reasoning.extend(decision_messages(self.overrides))
        return RankedProposal(
            proposal=self.proposal,
            rank=rank,
            score=self.score,
            category=self.category,
            impact_band=self.impact_band,
            feasibility_band=self.feasibility_band,
            taken=taken,
            tie_broken_by=self.tie_broken_by,
            tied_with=self.tied_with,
            overrides=tuple(self.overrides),
            reasoning=tuple(reasoning),
            not_taken_reason=reason,
        )

    def _taken(self) -> tuple[bool, Message | None]:
        decisions = [o for o in self.overrides if o.decision is not None]
        if decisions:
            last = decisions[-1]  # a later decision of the group replaces an earlier one
            if last.decision is Decision.TAKE:
                return True, None
            return False, Message(
                f"left out by {last.by}: {last.reason}",
                f"не е включено по решение на {last.by}: {last.reason}",
            )
        if self.score is None and self.category is None:
            return False, Message(
                "not scored: impact and feasibility are both needed to rank it",
                "не е оценено: нужни са въздействие и осъществимост, за да се класира",
            )
        if self.category is Category.RECONSIDER:
            return False, Message(
                "in the category reconsider: lower impact and hard to do",
                "в категорията „за преразглеждане“: по-ниско въздействие и трудно изпълнимо",
            )
        return True, None


def _mark_ties(ranked: list[_Draft], method: PrioritisationMethod) -> None:
    """Record, for each proposal tied with the one above it, the key that separated them."""
    primary = {TieKey.CATEGORY, TieKey.SCORE}
    for above, below in itertools.pairwise(ranked):
        upper, lower = above.tie_values(method), below.tie_values(method)
        if any(u != v for (k, u), (_, v) in zip(upper, lower, strict=True) if k in primary):
            continue
        below.tie_broken_by = next(
            (k for (k, u), (_, v) in zip(upper, lower, strict=True) if u != v), TieKey.ORDER
        )
        below.tied_with = above.proposal.number or above.proposal.id


def _apply_rank_overrides(
    ranked: list[_Draft], overrides: tuple[Override, ...], by_id: dict[str, _Draft]
) -> list[_Draft]:
    """Move proposals to the ranks the group gave them; unranked ones are placed too."""
    # The last rank override of a proposal wins; the lowest requested rank is placed first.
    wanted: dict[str, Override] = {o.proposal_id: o for o in overrides if o.rank is not None}
    order = [draft for draft in ranked if draft.proposal.id not in wanted]
    for override in sorted(wanted.values(), key=lambda o: o.rank or 0):
        draft = by_id[override.proposal_id]
        position = min((override.rank or 1) - 1, len(order))
        order.insert(position, draft)
        draft.tie_broken_by = None
        draft.tied_with = None
        draft.ranked_by_group = True
        draft.reasoning.append(
            Message(
                f"rank {override.rank} set by {override.by}: {override.reason}",
                f"ранг {override.rank}, определен от {override.by}: {override.reason}",
            )
        )
    return order

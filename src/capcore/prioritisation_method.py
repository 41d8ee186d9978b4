"""How a working group prioritises proposals: the method, its presets, and its overrides.

A :class:`PrioritisationMethod` is a frozen value that says

- on which :class:`Scale` impact, feasibility, urgency and cost are scored
  (1-5 by default);
- which :class:`Rule` gives the rank: the product of impact and
  feasibility, the matrix class first, or a weighted sum;
- which :class:`Grid` sorts proposals into the four :class:`Category`
  values (quick win, key action, long-term, reconsider): 2x2 or 3x3;
- whether urgency and cost count, and with which :class:`Weights`;
- the quick-win limit in months (three, as CAF guidance says).

The named presets (:data:`PRIORITISATION_METHODS`,
:meth:`PrioritisationMethod.named`) are documented in
``docs/prioritisation.md``. An :class:`Override` is a decision of the
working group that changes what the method gave, with who made it and why.
A :class:`Prioritisation` records the proposals, the method and the
overrides together; a draft plan carries it (:attr:`capcore.Plan.prioritisation`),
so that the ranking can be computed again and rendered from the plan alone.

Nothing here imports the model: the plan holds these values.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from capcore._presets import named_preset, preset_name_of
from capcore.errors import CapcoreError
from capcore.proposals import Proposal
from capcore.quick_win import DEFAULT_QUICK_WIN_MONTHS

__all__ = [
    "DEFAULT_METHOD",
    "PRIORITISATION_METHODS",
    "Band",
    "Category",
    "Decision",
    "Grid",
    "Override",
    "Prioritisation",
    "PrioritisationMethod",
    "Rule",
    "Scale",
    "TieKey",
    "UnknownMethodError",
    "Weights",
]


class UnknownMethodError(CapcoreError, ValueError):
    """A method name that is not one of the presets (also a ValueError: a wrong argument)."""


class Category(enum.StrEnum):
    """Where the matrix puts a proposal; the order is the order of priority."""

    QUICK_WIN = "quick_win"
    """High impact, easy, and doable within the quick-win limit (three months)."""
    KEY_ACTION = "key_action"
    """High impact but hard, or easy but longer than the quick-win limit: a strategic measure."""
    LONG_TERM = "long_term"
    """Lower impact but doable: worth doing later in the plan period, as capacity allows."""
    RECONSIDER = "reconsider"
    """Lower impact and hard: left out of the draft unless the working group takes it."""

    @property
    def order(self) -> int:
        """0 for a quick win up to 3 for reconsider: lower comes first."""
        return list(Category).index(self)


class Band(enum.StrEnum):
    """Where a score falls on the scale: the rows and columns of the matrix."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Grid(enum.StrEnum):
    """The matrix that classifies proposals by impact and feasibility."""

    TWO_BY_TWO = "2x2"
    """High or low on each axis; high is above the middle of the scale (4-5 on 1-5)."""
    THREE_BY_THREE = "3x3"
    """Low, medium or high on each axis, the scale cut in thirds (1-2, 3, 4-5 on 1-5)."""


class Rule(enum.StrEnum):
    """What gives a proposal its rank."""

    PRODUCT = "product"
    """The score is impact x feasibility (x urgency, x inverted cost when counted)."""
    MATRIX = "matrix"
    """The category first (quick wins, key actions, long-term, reconsider), then the product."""
    WEIGHTED = "weighted"
    """The score is the weighted sum of impact, feasibility, urgency and inverted cost."""


class TieKey(enum.StrEnum):
    """What separates two proposals, in the order it is asked (see :data:`TIE_KEYS`)."""

    CATEGORY = "category"
    """The matrix category (for the matrix rule)."""
    SCORE = "score"
    """The method's score."""
    IMPACT = "impact"
    """The higher impact."""
    FEASIBILITY = "feasibility"
    """The higher feasibility (the easier)."""
    URGENCY = "urgency"
    """The higher urgency (not scored counts as the middle of the scale)."""
    COST = "cost"
    """The lower cost (not scored counts as the middle of the scale)."""
    ORDER = "order"
    """The proposal's place in the table: the earlier first."""


def _decimal(value: Decimal | int | str) -> Decimal:
    return Decimal(value)


@attrs.frozen
class Scale:
    """The scale on which a working group scores proposals.

    Attributes:
        low: The lowest score (1).
        high: The highest score (5); more than ``low``.
    """

    low: Decimal = attrs.field(default=Decimal(1), converter=_decimal)
    high: Decimal = attrs.field(default=Decimal(5), converter=_decimal)

    def __attrs_post_init__(self) -> None:
        """Refuse an empty or reversed scale."""
        if self.high <= self.low:
            raise ValueError(f"a scale needs high ({self.high}) above low ({self.low})")

    @property
    def middle(self) -> Decimal:
        """The middle of the scale (3 on 1-5): what an unscored urgency or cost counts as."""
        return (self.low + self.high) / 2

    def __contains__(self, value: object) -> bool:
        """Return True when ``value`` (a number) lies on the scale."""
        return isinstance(value, Decimal | int) and self.low <= value <= self.high

    def inverted(self, value: Decimal) -> Decimal:
        """Return ``value`` read the other way round (cost 5 of 1-5 is 1): low + high - value."""
        return self.low + self.high - value

    def band(self, value: Decimal, grid: Grid) -> Band:
        """Return the band of ``value`` on ``grid``.

        On a 2x2 grid a value above the middle is high and the rest low; on
        a 3x3 grid the scale is cut in three equal thirds, a value in the
        bottom third (below ``low + third``) low, in the top third (above
        ``high - third``) high, the rest medium.
        """
        limits = self.band_limits(grid)
        if grid is Grid.TWO_BY_TWO:
            return Band.HIGH if value > limits[0] else Band.LOW
        if value < limits[0]:
            return Band.LOW
        if value > limits[1]:
            return Band.HIGH
        return Band.MEDIUM

    def band_limits(self, grid: Grid) -> tuple[Decimal, ...]:
        """Return where ``grid`` cuts the scale, lowest first, for drawing the matrix.

        2x2: ``(middle,)``, a value above it high. 3x3: ``(low + third,
        high - third)``, a value below the first low, above the second high.
        """
        if grid is Grid.TWO_BY_TWO:
            return (self.middle,)
        third = (self.high - self.low) / 3
        return (self.low + third, self.high - third)


_WEIGHT = [attrs.validators.ge(Decimal(0))]


@attrs.frozen
class Weights:
    """How much each score counts in the weighted rule.

    Attributes:
        impact: The weight of impact.
        feasibility: The weight of feasibility.
        urgency: The weight of urgency.
        cost: The weight of cost (inverted: cheap scores high).
    """

    impact: Decimal = attrs.field(default=Decimal("0.4"), converter=_decimal, validator=_WEIGHT)
    feasibility: Decimal = attrs.field(
        default=Decimal("0.3"), converter=_decimal, validator=_WEIGHT
    )
    urgency: Decimal = attrs.field(default=Decimal("0.2"), converter=_decimal, validator=_WEIGHT)
    cost: Decimal = attrs.field(default=Decimal("0.1"), converter=_decimal, validator=_WEIGHT)


@attrs.frozen
class PrioritisationMethod:
    """How proposals are ranked and classified; see the module docstring.

    Attributes:
        rule: What gives the rank.
        grid: The matrix that gives the category.
        scale: The scale of the scores.
        count_urgency: True multiplies the product by urgency (the product
            and matrix rules); an unscored urgency counts as the middle.
        count_cost: True multiplies the product by the inverted cost.
        weights: The weights of the weighted rule.
        quick_win_months: A proposal the group expects to take longer than
            this many months is a key action, not a quick win.
    """

    rule: Rule = Rule.PRODUCT
    grid: Grid = Grid.TWO_BY_TWO
    scale: Scale = attrs.field(factory=Scale)
    count_urgency: bool = False
    count_cost: bool = False
    weights: Weights = attrs.field(factory=Weights)
    quick_win_months: int = attrs.field(
        default=DEFAULT_QUICK_WIN_MONTHS, validator=attrs.validators.ge(1)
    )

    @classmethod
    def named(cls, name: str) -> PrioritisationMethod:
        """Return the preset called ``name`` (see :data:`PRIORITISATION_METHODS`).

        Raises:
            UnknownMethodError: No preset has that name; the message lists them.
        """
        return named_preset(
            PRIORITISATION_METHODS, name, "prioritisation method", UnknownMethodError
        )

    @property
    def preset_name(self) -> str | None:
        """The name of the preset equal to this method, or None for a custom one."""
        return preset_name_of(PRIORITISATION_METHODS, self)


DEFAULT_METHOD = PrioritisationMethod()
"""The method used when none is given (the ``impact-feasibility`` preset)."""

PRIORITISATION_METHODS: Mapping[str, PrioritisationMethod] = MappingProxyType(
    {
        "impact-feasibility": DEFAULT_METHOD,
        "impact-feasibility-urgency-cost": PrioritisationMethod(
            count_urgency=True, count_cost=True
        ),
        "matrix-2x2": PrioritisationMethod(rule=Rule.MATRIX),
        "matrix-3x3": PrioritisationMethod(rule=Rule.MATRIX, grid=Grid.THREE_BY_THREE),
        "weighted": PrioritisationMethod(rule=Rule.WEIGHTED),
    }
)
"""The named methods, read-only, in the order the documentation gives them:

- ``impact-feasibility``: rank by impact x feasibility; 2x2 categories;
- ``impact-feasibility-urgency-cost``: as above, times urgency and times
  inverted cost (unscored counts as the middle of the scale);
- ``matrix-2x2``: quick wins first, then key actions, long-term and
  reconsider (2x2), each by impact x feasibility;
- ``matrix-3x3``: likewise with the 3x3 matrix;
- ``weighted``: rank by 0.4 impact + 0.3 feasibility + 0.2 urgency + 0.1
  inverted cost; 2x2 categories.
"""


class Decision(enum.StrEnum):
    """A working group's decision to take a proposal into the plan or leave it out."""

    TAKE = "take"
    LEAVE = "leave"


def _required_text(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValueError(f"an override must say {attribute.name} (who decided and why)")


def _positive_rank(
    _instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and value < 1:
        raise ValueError(f"{attribute.name} must be 1 or more, not {value}")


@attrs.frozen
class Override:
    """A working group's decision that changes what the method gave one proposal.

    At least one of ``category``, ``rank`` and ``decision`` is given.
    Overrides are always reported with the result, with who and why.

    Attributes:
        proposal_id: The proposal's id.
        by: Who decided (``работна група``, a name, a meeting).
        reason: Why.
        category: The category the group puts it in, instead of the matrix's.
        rank: The rank the group gives it (1 = first); the others move down.
        decision: Take it into the plan or leave it out, whatever its category.
        date: When the group decided, if recorded.
    """

    proposal_id: str
    by: str = attrs.field(validator=_required_text)
    reason: str = attrs.field(validator=_required_text)
    category: Category | None = attrs.field(
        default=None, converter=attrs.converters.optional(Category)
    )
    rank: int | None = attrs.field(default=None, validator=_positive_rank)
    decision: Decision | None = attrs.field(
        default=None, converter=attrs.converters.optional(Decision)
    )
    date: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        """Refuse an override that changes nothing."""
        if self.category is None and self.rank is None and self.decision is None:
            raise ValueError(
                f"the override of {self.proposal_id!r} changes nothing: "
                "give a category, a rank or a decision"
            )


def _proposals(values: Iterable[Proposal]) -> tuple[Proposal, ...]:
    return tuple(values)


def _overrides(values: Iterable[Override]) -> tuple[Override, ...]:
    return tuple(values)


@attrs.frozen
class Prioritisation:
    """What a working group prioritised: the proposals, the method and its overrides.

    A draft plan carries it (:attr:`capcore.Plan.prioritisation`);
    :func:`capcore.prioritise` computes the ranking from it, and
    :func:`capcore.prioritisation_of` does so for a plan.

    Attributes:
        proposals: The proposals, in the order of the source table.
        method: The method.
        overrides: The working group's overrides, in the order decided.
    """

    proposals: tuple[Proposal, ...] = attrs.field(converter=_proposals)
    method: PrioritisationMethod = attrs.field(factory=PrioritisationMethod)
    overrides: tuple[Override, ...] = attrs.field(default=(), converter=_overrides)

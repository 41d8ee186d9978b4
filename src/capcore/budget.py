"""Budgets as people write them in plans.

``3500 лева``, ``N/A``, ``Неприложимо``, ``не по-малко от 5000 лева годишно``,
``12 приемни годишно - 60 човекодни``, ``Минимум 10% увеличение ...``,
``85 % ЕСФ / 15 % национално съфинансиране``. A :class:`Budget` keeps the
text exactly as written and adds what it could read. :func:`capcore.parse_budget`
turns text into a :class:`Budget`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from capcore.money import Money

__all__ = ["Budget", "BudgetKind", "FundingShare", "Quantity"]


class BudgetKind(enum.StrEnum):
    """The overall reading of a budget text."""

    AMOUNT = "amount"
    """A sum of money is given (exact, or a minimum when ``at_least``)."""
    NOT_APPLICABLE = "not_applicable"
    """``N/A``, ``Неприложимо``: the measure needs no money."""
    WITHIN_ANNUAL_BUDGET = "within_annual_budget"
    """Paid from the annual budget with no sum given."""
    FUNDING = "funding"
    """No sum, but the sources of the money are named (``85 % ЕСФ / 15 % ...``)."""
    OTHER_RESOURCES = "other_resources"
    """No money, but other resources are given (person-days, a percentage)."""
    TEXT = "text"
    """Nothing could be read; the text is kept as written."""
    EMPTY = "empty"
    """The budget cell was empty."""


@attrs.frozen
class Quantity:
    """A number with its unit as written: ``12 приемни``, ``30 човекодни``.

    Attributes:
        value: The number.
        unit: The unit word as written.
    """

    value: Decimal
    unit: str


@attrs.frozen
class FundingShare:
    """One source of money and its share: ``85 % Европейски социален фонд``.

    Attributes:
        source: The source as written.
        percent: Its share in percent, when given.
        amount: Its amount, when given.
    """

    source: str
    percent: Decimal | None = None
    amount: Money | None = None


def _quantity_tuple(items: Iterable[Quantity]) -> tuple[Quantity, ...]:
    return tuple(items)


def _share_tuple(items: Iterable[FundingShare]) -> tuple[FundingShare, ...]:
    return tuple(items)


@attrs.frozen
class Budget:
    """A budget as written, with the meaning read from it.

    Attributes:
        text: The words exactly as written.
        amount: The sum of money, when one is given.
        at_least: True for ``не по-малко от``, ``минимум``: the amount (or the
            person-days, or the percentage) is a floor.
        per_year: True for ``годишно``: the amount is per year.
        within_annual_budget: True when the money comes from the annual budget
            (``в рамките на годишния бюджет``, ``според утвърдения бюджет``).
        not_applicable: True for ``N/A``, ``Неприложимо``.
        person_days: Effort in person-days (``60 човекодни``), when given.
        percent: A percentage the text sets (``Минимум 10% увеличение``).
        quantities: Other counted things the text names (``12 приемни``).
        funding: The sources of the money with their shares.
    """

    text: str
    amount: Money | None = None
    at_least: bool = False
    per_year: bool = False
    within_annual_budget: bool = False
    not_applicable: bool = False
    person_days: Decimal | None = None
    percent: Decimal | None = None
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantity_tuple)
    funding: tuple[FundingShare, ...] = attrs.field(default=(), converter=_share_tuple)

    @property
    def kind(self) -> BudgetKind:
        """The overall reading, derived from the fields."""
        if not self.text.strip():
            return BudgetKind.EMPTY
        if self.not_applicable:
            return BudgetKind.NOT_APPLICABLE
        if self.amount is not None:
            return BudgetKind.AMOUNT
        if self.within_annual_budget:
            return BudgetKind.WITHIN_ANNUAL_BUDGET
        if self.funding:
            return BudgetKind.FUNDING
        if self.person_days is not None or self.percent is not None or self.quantities:
            return BudgetKind.OTHER_RESOURCES
        return BudgetKind.TEXT

    def __str__(self) -> str:
        """Return the words as written."""
        return self.text

"""Money in leva and euro, with the fixed conversion rate.

Bulgaria adopted the euro on 1 January 2026 at 1 EUR = 1.95583 BGN. A plan
keeps the currency it was written in; :meth:`Money.in_eur` gives a euro view
(divide by the full rate, round to cents half-up: 100 лв = 51.13 EUR) and is
never applied silently.
"""

from __future__ import annotations

import enum
from decimal import ROUND_HALF_UP, Decimal

import attrs

__all__ = ["BGN_PER_EUR", "Currency", "Money"]

BGN_PER_EUR = Decimal("1.95583")
"""The fixed conversion rate set by the EU Council (July 2025)."""

_CENT = Decimal("0.01")


class Currency(enum.StrEnum):
    """Currencies that Bulgarian plans are written in."""

    BGN = "BGN"
    EUR = "EUR"


@attrs.frozen
class Money:
    """An amount in one currency, exact (Decimal).

    Attributes:
        amount: The amount as written (no rounding applied).
        currency: The currency it was written in.
    """

    amount: Decimal
    currency: Currency = Currency.BGN

    def in_eur(self) -> Money:
        """Return the euro view: BGN divided by the full rate, cents rounded half-up."""
        if self.currency is Currency.EUR:
            return self
        return Money((self.amount / BGN_PER_EUR).quantize(_CENT, ROUND_HALF_UP), Currency.EUR)

    def in_bgn(self) -> Money:
        """Return the leva view: EUR times the rate, stotinki rounded half-up."""
        if self.currency is Currency.BGN:
            return self
        return Money((self.amount * BGN_PER_EUR).quantize(_CENT, ROUND_HALF_UP), Currency.BGN)

    def __str__(self) -> str:
        """Return the amount and the currency code, e.g. ``3500 BGN``."""
        return f"{self.amount} {self.currency.value}"

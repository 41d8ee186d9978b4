"""Indicators: measurable targets with a baseline and actual values over time."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from capcore.ids import new_id

__all__ = ["Comparison", "Indicator", "IndicatorValue"]


class Comparison(enum.StrEnum):
    """How an actual value is held against the target."""

    AT_LEAST = "at_least"
    """Reached when the actual is at or above the target (``минимум 10 модула``)."""
    AT_MOST = "at_most"
    """Reached when the actual is at or below the target (a cost, a delay)."""
    EXACTLY = "exactly"
    """Reached when the actual equals the target."""


@attrs.frozen
class IndicatorValue:
    """An actual value of an indicator, measured on a date.

    Attributes:
        on: The date the value was measured for.
        value: The measured value.
        note: Free text.
    """

    on: dt.date
    value: Decimal
    note: str = ""


@attrs.define
class Indicator:
    """A measurable target, e.g. "5400 trained" or "at least 12 outreach days a year".

    Attributes:
        name: What is measured (``обучени служители``).
        id: Stable id.
        unit: The unit (``служители``, ``дни``, ``%``).
        baseline: The value before the plan, if known.
        target: The value the plan aims at, if given.
        comparison: How actuals are held against the target.
        per_year: True when the target is per year.
        text: The target as written in the source, kept unchanged.
        values: Actual values over time, in any order.
    """

    name: str
    id: str = attrs.field(factory=new_id)
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    comparison: Comparison = Comparison.AT_LEAST
    per_year: bool = False
    text: str = ""
    values: list[IndicatorValue] = attrs.field(factory=list)

    def latest(self, as_of: dt.date | None = None) -> IndicatorValue | None:
        """Return the latest value measured on or before ``as_of`` (any date if None)."""
        eligible = [v for v in self.values if as_of is None or v.on <= as_of]
        return max(eligible, key=lambda v: v.on) if eligible else None

"""The lists and totals of a report: due lists, occurrences ahead, indicators without baselines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from capcore import Comparison, DueKind, IndicatorValue, PlanBuilder, Status, progress
from capcore.examples import pazardzhik

D = dt.date


def test_overdue_longest_first_and_done_or_cancelled_left_out() -> None:
    """Due 1 and 10 February, as of 1 March: 29 then 20 days; done and cancelled not listed."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    area = builder.area("А")
    area.measure("късна", id="late", deadline=D(2024, 2, 10))
    area.measure("по-късна", id="later", deadline=D(2024, 2, 1))
    area.measure("готова", deadline=D(2024, 2, 1)).update(D(2024, 2, 1), status=Status.DONE)
    area.measure("отменена", deadline=D(2024, 2, 1)).update(D(2024, 1, 5), status=Status.CANCELLED)
    overdue = progress(builder.build(), as_of=D(2024, 3, 1)).overdue
    assert [(d.item_id, d.days, d.kind) for d in overdue] == [
        ("later", 29, DueKind.DEADLINE),
        ("late", 20, DueKind.DEADLINE),
    ]


def test_upcoming_includes_occurrences_and_milestones_of_ongoing_work() -> None:
    """Pazardzhik as of 1 December 2017, 31 days ahead: the dated term of 9, occurrences of 4 and 6."""
    upcoming = progress(pazardzhik(), as_of=D(2017, 11, 30), upcoming_days=31).upcoming
    found = [(d.number, d.on, d.kind) for d in upcoming]
    assert ("1", D(2017, 12, 1), DueKind.DEADLINE) in found
    assert ("9", D(2017, 12, 1), DueKind.DEADLINE) in found
    assert ("4", D(2017, 12, 31), DueKind.OCCURRENCE) in found
    assert ("6", D(2017, 12, 31), DueKind.OCCURRENCE) in found
    assert [d.on for d in upcoming] == sorted(d.on for d in upcoming)
    labelled = next(d for d in upcoming if d.number == "6")
    assert labelled.label == "Награда „служител на годината“ – ежегодно, декември"


@pytest.mark.parametrize(
    ("comparison", "baseline", "target", "actual", "attainment", "reached"),
    [
        (Comparison.AT_LEAST, None, 5400, 2700, Decimal(50), False),  # 2700 of 5400 trained
        (Comparison.AT_LEAST, None, 10, 12, Decimal(120), True),  # more than the target
        (Comparison.AT_MOST, None, 5, 4, None, True),  # no baseline: reached, no share
        (Comparison.EXACTLY, 0, 4, 4, Decimal(100), True),
        (Comparison.AT_LEAST, 10, 10, 10, None, True),  # target equals baseline
    ],
)
def test_indicator_attainment_cases(  # noqa: PLR0917 - one parameter per column
    comparison: Comparison,
    baseline: int | None,
    target: int,
    actual: int,
    attainment: Decimal | None,
    reached: bool,
) -> None:
    """Attainment from baseline (0 if unknown, for at least) to target; not cut at 100."""
    builder = PlanBuilder("План", id="p")
    indicator = builder.indicator("и", baseline=baseline, target=target, comparison=comparison)
    indicator.values.append(IndicatorValue(D(2024, 1, 1), Decimal(actual)))
    [found] = progress(builder.build(), as_of=D(2024, 6, 1)).indicators
    assert (found.attainment, found.reached) == (attainment, reached)


def test_indicator_without_values_or_target() -> None:
    """No value yet, or no target: no attainment, nothing reached."""
    builder = PlanBuilder("План", id="p")
    builder.indicator("без стойности", target=10)
    builder.indicator("без цел").values.append(IndicatorValue(D(2024, 1, 1), Decimal(3)))
    found = progress(builder.build(), as_of=D(2024, 6, 1)).indicators
    assert [(f.attainment, f.reached) for f in found] == [(None, None), (None, None)]

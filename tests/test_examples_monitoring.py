"""The synthetic monitoring data of the example plans: deterministic, committed, plausible."""

from __future__ import annotations

import datetime as dt

import pytest

from capcore import Status, dumps, progress
from capcore.examples import (
    SMOLYAN_REPORT_DATES,
    add_sample_monitoring,
    lovech,
    monitoring_plans,
    quarter_ends,
    smolyan,
)

from .conftest import REPO

D = dt.date
KEYS = ["lovech-monitoring", "pazardzhik-monitoring", "smolyan-monitoring"]


@pytest.mark.parametrize("key", KEYS)
def test_committed_json_equals_built_plan(key: str) -> None:
    """examples/plans/<key>.json is byte for byte what the example code builds."""
    committed = (REPO / "examples" / "plans" / f"{key}.json").read_bytes()
    assert committed == dumps(monitoring_plans()[key]).encode("utf-8")


def test_quarter_ends() -> None:
    """The quarter ends within a span, both ends included."""
    assert quarter_ends(D(2022, 3, 31), D(2022, 12, 30)) == (
        D(2022, 3, 31),
        D(2022, 6, 30),
        D(2022, 9, 30),
    )
    assert SMOLYAN_REPORT_DATES[0] == D(2023, 3, 31)


def test_the_seed_plan_is_not_changed_and_only_updates_are_added() -> None:
    """add_sample_monitoring returns a copy that differs only in its updates."""
    plan = lovech()
    sampled = add_sample_monitoring(plan)
    assert plan == lovech()
    for unit in sampled.progress_units():
        unit.updates.clear()
    assert sampled == plan


def test_the_same_plan_always_gets_the_same_reports() -> None:
    """Nothing is random: two runs give equal plans."""
    assert add_sample_monitoring(lovech()) == add_sample_monitoring(lovech())


def test_reports_fall_on_quarter_ends_from_the_start() -> None:
    """Every report is dated on a quarter end of the period, never before the unit's start."""
    plan = monitoring_plans()["lovech-monitoring"]
    ends = set(quarter_ends(D(2022, 1, 1), D(2024, 12, 31)))
    for unit in plan.progress_units():
        for update in unit.updates:
            assert update.on in ends
            start = unit.start.earliest if unit.start else None
            assert start is None or update.on >= start


def test_the_lovech_sample_has_every_kind_of_unit() -> None:
    """As of 1 September 2022 some are done, some delayed, one cancelled, some silent."""
    report = progress(monitoring_plans()["lovech-monitoring"], as_of=D(2022, 9, 1))
    counts = report.status_counts()
    assert counts["done"] > 0
    assert counts["delayed"] > 0
    assert counts["cancelled"] > 0
    assert counts["no_report"] > 0
    assert report.plan.actual is not None
    done = [line for line in report.units() if line.status is Status.DONE]
    assert all(line.latest and line.latest.actual_end for line in done)


def test_a_plan_without_period_needs_report_dates() -> None:
    """Smolyan names no period: without dates to report on, a clear error."""
    with pytest.raises(ValueError, match="no period"):
        add_sample_monitoring(smolyan())

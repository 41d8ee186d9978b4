"""ProgressReport: finding items, the documented JSON shape, the text in both languages."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest

from capcore import ItemLevel, labels, progress
from capcore.examples import monitoring_plans
from capcore.indicator import Comparison, IndicatorValue
from capcore.labels import LABELS
from capcore.progress_report import IndicatorAttainment, ProgressReport, QuickWinSummary

from .conftest import REPO

AS_OF = dt.date(2022, 9, 1)


@pytest.fixture(scope="module")
def report() -> ProgressReport:
    return progress(monitoring_plans()["lovech-monitoring"], as_of=AS_OF)


def test_items_come_in_document_order(report: ProgressReport) -> None:
    """Area 1, measure 1.1, its activities 1.1.1 and 1.1.2, then measure 1.2 ..."""
    head = [(line.level, line.number) for line in report.items[:5]]
    assert head == [
        (ItemLevel.AREA, "1"),
        (ItemLevel.MEASURE, "1.1"),
        (ItemLevel.ACTIVITY, "1.1.1"),
        (ItemLevel.ACTIVITY, "1.1.2"),
        (ItemLevel.MEASURE, "1.2"),
    ]
    assert sum(1 for _ in report.of_level(ItemLevel.ACTIVITY)) == 54
    assert sum(1 for _ in report.units()) == 54


def test_item_and_children(report: ProgressReport) -> None:
    """item() finds any line by id (the plan's too); children() lists what is under it."""
    measure = next(report.of_level(ItemLevel.MEASURE))
    assert report.item(measure.id) is measure
    assert report.item(report.plan_id) is report.plan
    assert [line.number for line in report.children(measure.id)] == ["1.1.1", "1.1.2"]
    assert [line.number for line in report.children(report.plan_id)] == ["1", "2", "3"]
    with pytest.raises(KeyError):
        report.item("no such id")


def test_counts_add_up(report: ProgressReport) -> None:
    """The plan's unit counts equal the sums over its areas, and the status counts."""
    areas = list(report.of_level(ItemLevel.AREA))
    for field in ("units", "reported", "done", "cancelled"):
        assert getattr(report.plan, field) == sum(getattr(area, field) for area in areas)
    counts = report.status_counts()
    assert sum(counts.values()) == report.plan.units
    assert counts["done"] == report.plan.done
    gauges = report.gauge_counts()
    assert list(gauges) == ["green", "amber", "red", "grey"]
    assert sum(gauges.values()) == report.plan.units


def test_json_shape(report: ProgressReport) -> None:
    """to_data() has the documented keys, JSON-serialisable, percents as exact strings."""
    data = report.to_data()
    json.dumps(data)
    assert list(data) == [
        "plan_id",
        "title",
        "organisation",
        "as_of",
        "policy",
        "upcoming_days",
        "plan",
        "status_counts",
        "gauge_counts",
        "items",
        "overdue",
        "late_to_start",
        "upcoming",
        "quick_wins",
        "recurring",
        "indicators",
        "by_responsible",
        "by_criterion",
    ]
    item = data["items"][2]
    assert {"id", "number", "actual", "expected", "variance", "gauge", "reason", "reasons"} <= set(
        item
    )
    assert set(item["reason"]) == {"bg", "en"}
    assert item["actual"] is None or isinstance(item["actual"], str)
    assert "E" not in json.dumps(data["plan"]["actual"])  # fixed-point, never 1E+2


def test_every_json_key_is_documented(report: ProgressReport) -> None:
    """docs/progress.md names every key of the JSON shape."""
    docs = (REPO / "docs" / "progress.md").read_text("utf-8")
    data = report.to_data()
    keys = set(data) | set(data["items"][0]) | set(data["quick_wins"]) | set(data["policy"])
    keys |= set(data["by_responsible"][0]) | set(data["overdue"][0])
    keys |= set(data["items"][0]["reasons"][0])
    missing = sorted(key for key in keys if f"`{key}`" not in docs)
    assert not missing


def test_text_in_both_languages(report: ProgressReport) -> None:
    """The text report has its headings in Bulgarian, or in English when asked."""
    bulgarian = report.to_text("bg")
    english = report.to_text("en")
    for heading in ("Просрочени (", "Трябваше да са започнали (", "Бързи победи (15):"):
        assert heading in bulgarian
    for heading in ("Overdue (", "Should have started (", "Quick wins (15):"):
        assert heading in english
    assert "Напредък към 01.09.2022" in bulgarian
    assert "Progress as of 2022-09-01" in english


def test_progress_words_do_not_shadow_document_labels() -> None:
    """The progress words in capcore.labels use keys no other label uses."""
    assert not set(labels._BG) & set(labels._BG_PROGRESS)
    assert set(labels._BG_PROGRESS) == set(labels._EN_PROGRESS)
    assert LABELS["bg"]["reason_done"] == "изпълнена"


def test_quick_win_sentence_in_both_languages() -> None:
    wins = QuickWinSummary(
        total=4,
        done=2,
        done_on_time=1,
        overdue=1,
        cancelled=1,
        actual=Decimal("62.5"),
        done_share=Decimal("66.7"),
        measure_ids=("a", "b", "c", "d"),
    )
    assert wins.sentence("bg") == (
        "изпълнени 2 от 4 (66,7 %), в срок 1; с просрочие 1; отменени 1; изпълнение 62,5 %"
    )
    english = wins.sentence("en")
    assert english.startswith("2 of 4 done (66.7%)"), english


def test_indicator_sentence_shows_values_and_outcome() -> None:
    attained = IndicatorAttainment(
        id="i1",
        name="Обучени служители",
        unit="бр.",
        owner_id=None,
        owner_number="",
        baseline=Decimal(10),
        target=Decimal(30),
        comparison=Comparison.AT_LEAST,
        per_year=False,
        text="30 служители",
        latest=IndicatorValue(dt.date(2023, 6, 30), Decimal(25)),
        attainment=Decimal(75),  # (25 - 10) / (30 - 10)
        reached=False,
    )
    assert attained.sentence("bg") == (
        "база 10, цел 30, последна стойност 25; постигнато 75,0 % (недостигната)"
    )
    unknown = attrs.evolve(attained, latest=None, attainment=None, reached=None)
    assert unknown.sentence("en").count("—") == 2  # the actual and the attainment

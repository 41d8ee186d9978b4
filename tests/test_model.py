"""The plan's own helpers: walking measures, activities and units of progress."""

from __future__ import annotations

from capcore import Activity, Measure, PlanBuilder


def test_progress_units_are_activities_and_measures_without_any() -> None:
    """A measure with activities is reported through them; one without is its own unit."""
    builder = PlanBuilder("План")
    area = builder.area("А")
    with_activities = area.measure("М1")
    first = with_activities.activity("Д1").activity
    second = with_activities.activity("Д2").activity
    alone = area.measure("М2", deadline="м. март").measure
    units = list(builder.build().progress_units())
    assert units == [first, second, alone]
    assert [type(unit) for unit in units] == [Activity, Activity, Measure]


def test_measures_and_activities_are_walked_in_order() -> None:
    """measures() and activities() follow the document order across areas."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М1").activity("Д1")
    builder.area("Б").measure("М2").activity("Д2")
    plan = builder.build()
    assert [m.title for m in plan.measures()] == ["М1", "М2"]
    assert [a.title for a in plan.activities()] == ["Д1", "Д2"]

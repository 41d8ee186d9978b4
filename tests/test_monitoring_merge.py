"""capcore.merge: progress from returned files is taken, structure is not, conflicts are reported."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from capcore import (
    Deadline,
    DifferenceKind,
    IndicatorValue,
    MergeError,
    PlanBuilder,
    ProgressUpdate,
    Status,
    load_json,
    merge,
    save_json,
)
from capcore.examples import lovech
from capcore.model import Activity, Plan
from capcore.testing.strategies import plans

D = dt.date


def original() -> Plan:
    """One area, a measure with two activities (one already reported), a plan indicator."""
    builder = PlanBuilder("План", id="plan", period=(2024, 2024))
    builder.indicator("обучени", id="ind", target=100)
    measure = builder.area("А", id="area").measure("Мярка", id="m")
    measure.activity("Първа", id="a1", deadline="31.3.2024").update(
        D(2024, 1, 31), status=Status.IN_PROGRESS, percent=20
    )
    measure.activity("Втора", id="a2", deadline="30.6.2024")
    return builder.build()


def _activity(plan: Plan, activity_id: str) -> Activity:
    return next(a for a in plan.activities() if a.id == activity_id)


def test_a_plan_merged_with_itself_changes_nothing() -> None:
    """The same plan back: an equal plan, nothing taken, nothing to report."""
    result = merge(original(), original())
    assert result.plan == original()
    assert (result.taken, result.differences, result.conflicts) == ((), (), ())
    assert result.clean


def test_new_reports_are_taken_with_actual_dates_and_comments() -> None:
    """A department adds a report on 31 March with its actual dates and a comment."""
    returned = original()
    update = ProgressUpdate(
        D(2024, 3, 31),
        Status.DONE,
        Decimal(100),
        actual_start=D(2024, 1, 8),
        actual_end=D(2024, 3, 28),
        note="Изпълнено по план.",
        reported_by="Главен секретар",
    )
    _activity(returned, "a1").updates.append(update)
    result = merge(original(), returned, names=["a1.xlsx"])
    assert _activity(result.plan, "a1").updates[-1] == update
    assert len(_activity(result.plan, "a1").updates) == 2
    [taken] = result.taken
    assert (taken.sources, taken.item_id, taken.on, taken.entries, taken.replaced) == (
        ("a1.xlsx",),
        "a1",
        D(2024, 3, 31),
        (update,),
        (),
    )
    assert result.clean


def test_a_corrected_report_replaces_the_original_on_its_date() -> None:
    """A department corrects its 31 January percent from 20 to 25: replaced, and said so."""
    returned = original()
    _activity(returned, "a1").updates[0] = ProgressUpdate(
        D(2024, 1, 31), Status.IN_PROGRESS, Decimal(25)
    )
    result = merge(original(), returned)
    assert [u.percent for u in _activity(result.plan, "a1").updates] == [25]
    [taken] = result.taken
    assert taken.replaced[0].percent == 20


def test_a_file_with_only_the_latest_report_loses_no_history() -> None:
    """A returned file without the 31 January report: the original keeps it."""
    returned = original()
    _activity(returned, "a1").updates.clear()
    result = merge(original(), returned)
    assert _activity(result.plan, "a1").updates == _activity(original(), "a1").updates
    assert result.taken == ()


def test_indicator_values_are_progress_too() -> None:
    """A measured value of an indicator is taken like a report."""
    returned = original()
    returned.indicators[0].values.append(IndicatorValue(D(2024, 6, 30), Decimal(40)))
    result = merge(original(), returned)
    assert result.plan.indicators[0].values == [IndicatorValue(D(2024, 6, 30), Decimal(40))]
    assert result.taken[0].entity == "indicator"


def test_two_files_disagreeing_is_a_conflict_and_neither_is_taken() -> None:
    """Two departments report a2 differently on 30 June: conflict; the original stays."""
    first, second = original(), original()
    _activity(first, "a2").updates.append(ProgressUpdate(D(2024, 6, 30), Status.DONE))
    _activity(second, "a2").updates.append(ProgressUpdate(D(2024, 6, 30), Status.DELAYED))
    result = merge(original(), first, second, names=["first", "second"])
    assert _activity(result.plan, "a2").updates == []
    [conflict] = result.conflicts
    assert (conflict.item_id, conflict.on, conflict.kept) == ("a2", D(2024, 6, 30), ())
    assert [(source, entries[0].status) for source, entries in conflict.versions] == [
        ("first", Status.DONE),
        ("second", Status.DELAYED),
    ]
    assert not result.clean


def test_two_files_agreeing_is_taken_once() -> None:
    """The same report in two files is taken once, naming both."""
    first, second = original(), original()
    for plan in (first, second):
        _activity(plan, "a2").updates.append(ProgressUpdate(D(2024, 6, 30), Status.DONE))
    result = merge(original(), first, second, names=["first", "second"])
    assert len(_activity(result.plan, "a2").updates) == 1
    assert result.taken[0].sources == ("first", "second")


def test_changed_fields_are_reported_not_applied() -> None:
    """A new title, deadline and leader in the file stay out of the plan and are each reported."""
    returned = original()
    activity = _activity(returned, "a1")
    activity.title = "Първа (преименувана)"
    activity.deadline = Deadline("30.4.2024")
    measure = returned.areas[0].measures[0]
    measure.roles = attrs.evolve(measure.roles, leader="Директор")
    result = merge(original(), returned, names=["file"])
    assert result.plan == original()
    changes = [(d.kind, d.item_id, d.field, d.original, d.returned) for d in result.differences]
    assert changes == [
        (DifferenceKind.CHANGED, "m", "roles.leader", "", "Директор"),
        (DifferenceKind.CHANGED, "a1", "title", "Първа", "Първа (преименувана)"),
        (DifferenceKind.CHANGED, "a1", "deadline", "31.3.2024", "30.4.2024"),
    ]
    assert result.differences[1].text("en") == (
        "activity 1.1.1: “Title” is “Първа” in the plan, “Първа (преименувана)” in the file"
    )


def test_the_same_day_written_differently_is_no_change() -> None:
    """A spreadsheet's 31.03.2024 for the words 31.3.2024 is not a difference."""
    returned = original()
    _activity(returned, "a1").deadline = Deadline.on(D(2024, 3, 31), "31.03.2024")
    assert merge(original(), returned).differences == ()


def test_new_missing_and_moved_items_are_reported() -> None:
    """A row added, a row deleted, a row moved to another measure: reported, structure kept."""
    returned = original()
    measure = returned.areas[0].measures[0]
    measure.activities.pop()  # a2 deleted
    measure.activities.append(Activity("Нова", number="1.1.3", id="new"))
    other = returned.areas[0].measures
    other.append(copy.deepcopy(measure))
    other[1].id, other[1].number, other[1].activities = "m2", "1.2", [measure.activities.pop(0)]
    result = merge(original(), returned, names=["file"])
    assert result.plan == original()
    found = {(d.kind, d.item_id) for d in result.differences}
    assert found == {
        (DifferenceKind.MISSING, "a2"),
        (DifferenceKind.MOVED, "a1"),
        (DifferenceKind.NEW, "new"),
        (DifferenceKind.NEW, "m2"),
    }
    moved = next(d for d in result.differences if d.kind is DifferenceKind.MOVED)
    assert moved.text("bg") == "дейност 1.1.1 „Първа“ е преместена от мярка 1.1 в мярка 1.2"


def test_progress_of_unknown_items_is_not_taken() -> None:
    """Reports on an item the original does not have are left out (the item is reported new)."""
    returned = original()
    extra = Activity("Нова", id="new", updates=[ProgressUpdate(D(2024, 5, 1), Status.DONE)])
    returned.areas[0].measures[0].activities.append(extra)
    result = merge(original(), returned)
    assert result.taken == ()
    assert all(a.id != "new" for a in result.plan.activities())


def test_another_plans_file_is_reported() -> None:
    """A file whose plan id differs is reported; items are still matched by their ids."""
    returned = original()
    returned.id = "other-plan"
    _activity(returned, "a2").updates.append(ProgressUpdate(D(2024, 6, 30), Status.DONE))
    result = merge(original(), returned)
    assert [d.kind for d in result.differences] == [DifferenceKind.OTHER_PLAN]
    assert len(result.taken) == 1


def test_duplicate_ids_are_an_error_naming_the_file() -> None:
    """An id used twice cannot be merged by id: a MergeError naming the file and both items."""
    returned = original()
    _activity(returned, "a2").id = "a1"
    with pytest.raises(MergeError, match=r"dept\.xlsx: the id 'a1' is used by activity 1\.1\.1"):
        merge(original(), returned, names=["dept.xlsx"])


def test_names_must_match_the_files() -> None:
    """One name per returned plan."""
    with pytest.raises(MergeError, match="2 returned plans but 1 names"):
        merge(original(), original(), original(), names=["only one"])


def test_original_is_not_changed() -> None:
    """The merge works on a copy of the original."""
    plan = original()
    returned = original()
    _activity(returned, "a2").updates.append(ProgressUpdate(D(2024, 6, 30), Status.DONE))
    merge(plan, returned)
    assert plan == original()


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    """The Lovech plan sent out as JSON, filled in, read back and merged: one report taken."""
    path = tmp_path / "dept.json"
    plan = lovech()
    save_json(plan, path)
    returned = load_json(path)
    first = next(returned.activities())
    first.updates.append(ProgressUpdate(D(2022, 3, 31), Status.DONE, Decimal(100), note="Готово"))
    result = merge(plan, returned, names=[path.name])
    assert next(result.plan.activities()).updates[-1].note == "Готово"
    data = json.loads(json.dumps(result.to_data()))
    assert data["taken"][0]["entries"][0]["status"] == "done"
    assert "dept.json" in result.to_text("en")


@given(plans())
def test_merging_any_plan_with_itself_changes_nothing(plan: Plan) -> None:
    """Property: merge(plan, plan) is plan, with nothing taken, differing or conflicting."""
    result = merge(plan, copy.deepcopy(plan))
    assert result.plan == plan
    assert result.clean
    assert result.taken == ()

"""Visible edits win over the embedded copy: fields, progress, added, kept and moved rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import assume, given

from capcore import (
    Activity,
    Approval,
    Measure,
    Plan,
    PlanBuilder,
    ProgressUpdate,
    Roles,
    ShownFields,
    Status,
    apply_visible_edits,
    dumps,
    loads,
    parse_deadline,
)
from capcore.testing import strategies
from capcore.visible_edits import PROGRESS_FIELD

MATRIX = ShownFields(
    plan={"title"},
    area={"number", "title"},
    measure={"number", "title", "kind", "caf_refs"},
    unit_measure={"start", "deadline", "responsible", PROGRESS_FIELD},
    activity={"number", "title", "start", "deadline", "target", "note", PROGRESS_FIELD},
)
EVERYTHING = ShownFields(
    plan={"title", "subtitle", "organisation", "introduction"},
    area={"number", "title", "description"},
    measure={"number", "title", "kind", "caf_refs", "scope", "roles.leader", "budget"},
    unit_measure={"start", "deadline", "responsible", "note", PROGRESS_FIELD},
    activity={"number", "title", "start", "deadline", "target", "responsible", "note"}
    | {PROGRESS_FIELD},
)


def sample() -> Plan:
    builder = PlanBuilder("План", id="p", period=(2022, 2023))
    area = builder.area("Управление")
    first = area.measure("Стратегия", caf="1.1", scope="скрит обхват")
    first.activity("Работна група", start="14.3.2022", deadline="18.03.2022", note="бел.")
    first.activity("Чернова", start="18.3.2022", deadline="15.9.2022").update(
        dt.date(2022, 5, 1), status=Status.IN_PROGRESS, percent=40
    )
    area.measure("Сайт", deadline="м. март", responsible="ПР")
    return builder.build()


def copy(plan: Plan) -> Plan:
    return loads(dumps(plan))


def has_unique_ids(plan: Plan) -> bool:
    # Generated plans may repeat a UUID; a repeated id is a copied row by design.
    ids = [e.id for e in (*plan.areas, *plan.measures(), *plan.activities())]
    return len(ids) == len(set(ids))


def activity(plan: Plan, index: int) -> Activity:
    return list(plan.activities())[index]


def measure(plan: Plan, index: int) -> Measure:
    return list(plan.measures())[index]


def test_an_unchanged_visible_part_changes_nothing() -> None:
    """A visible plan equal to the embedded one gives no edits and an equal plan."""
    original = sample()
    result = apply_visible_edits(copy(original), copy(original), MATRIX)
    assert result.edits == ()
    assert result.plan == original


def test_an_edited_shown_field_is_taken_and_hidden_fields_stay() -> None:
    """A changed note is taken; the measure's scope, not shown, keeps its embedded value."""
    original = sample()
    visible = copy(original)
    activity(visible, 0).note = "нова бележка"
    measure(visible, 0).scope = ""  # not shown by the matrix: never taken
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert activity(result.plan, 0).note == "нова бележка"
    assert measure(result.plan, 0).scope == "скрит обхват"
    assert [(e.field, e.before, e.after) for e in result.edits] == [
        ("note", "бел.", "нова бележка")
    ]


def test_a_cleared_cell_is_an_edit() -> None:
    """Clearing a shown text or deadline is taken like any other change."""
    original = sample()
    visible = copy(original)
    activity(visible, 0).note = ""
    activity(visible, 0).deadline = None
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert activity(result.plan, 0).note == ""
    assert activity(result.plan, 0).deadline is None
    assert {e.field for e in result.edits} == {"note", "deadline"}


def test_the_same_day_in_other_words_keeps_the_embedded_words() -> None:
    """A date cell showing 18.3.2022 for the words 18.03.2022 is no edit."""
    original = sample()
    visible = copy(original)
    activity(visible, 0).deadline = parse_deadline("18.3.2022")
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert result.edits == ()
    deadline = activity(result.plan, 0).deadline
    assert deadline is not None
    assert deadline.text == "18.03.2022"


def test_a_new_date_is_taken() -> None:
    """A deadline moved to another day is taken with the visible words."""
    original = sample()
    visible = copy(original)
    activity(visible, 0).deadline = parse_deadline("25.3.2022")
    result = apply_visible_edits(copy(original), visible, MATRIX)
    deadline = activity(result.plan, 0).deadline
    assert deadline is not None
    assert deadline.due == dt.date(2022, 3, 25)
    assert [(e.field, e.before, e.after) for e in result.edits] == [
        ("deadline", "18.03.2022", "25.3.2022")
    ]


def test_a_changed_status_becomes_a_new_dated_update() -> None:
    """A new status or percent is appended as the visible update; history is kept."""
    original = sample()
    visible = copy(original)
    shown = ProgressUpdate(dt.date(2022, 9, 1), Status.DONE, Decimal(100), reported_by="ОА")
    activity(visible, 1).updates = [shown]
    result = apply_visible_edits(copy(original), visible, MATRIX)
    updates = activity(result.plan, 1).updates
    assert updates == [*activity(original, 1).updates, shown]
    [edit] = result.edits
    assert (edit.field, edit.before, edit.after) == (
        PROGRESS_FIELD,
        "in_progress, 40%",
        "done, 100%",
    )


def test_the_same_status_adds_no_update() -> None:
    """A shown state equal to the latest update (percent compared as a number) is no edit."""
    original = sample()
    visible = copy(original)
    activity(visible, 1).updates = [
        ProgressUpdate(dt.date(2030, 1, 1), Status.IN_PROGRESS, Decimal("40.0"))
    ]
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert result.edits == ()
    assert activity(result.plan, 1).updates == activity(original, 1).updates


def test_a_comment_alone_is_a_new_update() -> None:
    """A report with the same status and percent but a new note (a comment) is taken."""
    original = sample()
    visible = copy(original)
    shown = ProgressUpdate(
        dt.date(2022, 9, 1), Status.IN_PROGRESS, Decimal(40), note="чака се становище"
    )
    activity(visible, 1).updates = [shown]
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert activity(result.plan, 1).updates[-1] == shown
    assert [e.after for e in result.edits] == ["in_progress, 40%, 'чака се становище'"]


def test_cleared_progress_is_noted_not_taken() -> None:
    """Clearing status and percent keeps the history and says so."""
    original = sample()
    visible = copy(original)
    activity(visible, 1).updates = []
    visible.source_locations = {activity(visible, 1).id: "План!J7"}
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert activity(result.plan, 1).updates == activity(original, 1).updates
    assert [note.location for note in result.notes] == ["План!J7"]
    assert "cleared" in result.notes[0].message


def test_unit_measure_fields_apply_only_to_measures_without_activities() -> None:
    """A measure's own deadline is taken only when the embedded measure has no activities."""
    original = sample()
    visible = copy(original)
    measure(visible, 0).deadline = parse_deadline("1.1.2023")  # has activities: not shown
    measure(visible, 1).deadline = parse_deadline("м. април")
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert measure(result.plan, 0).deadline == measure(original, 0).deadline
    deadline = measure(result.plan, 1).deadline
    assert deadline is not None
    assert deadline.text == "м. април"


def test_an_inserted_row_is_added_where_it_stands() -> None:
    """A visible activity with an unknown id is added after the one it follows."""
    original = sample()
    visible = copy(original)
    new = Activity("Нова дейност", id="new-row")
    measure(visible, 0).activities.insert(1, new)
    result = apply_visible_edits(copy(original), visible, MATRIX)
    titles = [a.title for a in measure(result.plan, 0).activities]
    assert titles == ["Работна група", "Нова дейност", "Чернова"]
    assert [(e.entity_id, e.field) for e in result.edits] == [("new-row", "added")]


def test_a_copied_row_gets_a_derived_id() -> None:
    """The second row carrying one id is a new activity with an id derived from the first."""
    original = sample()
    visible = copy(original)
    first = activity(visible, 0)
    clone = copy(visible).areas[0].measures[0].activities[0]
    clone.title = "Копие"
    measure(visible, 0).activities.insert(1, clone)
    result = apply_visible_edits(copy(original), visible, MATRIX)
    ids = [a.id for a in measure(result.plan, 0).activities]
    assert ids[0] == first.id
    assert ids[1] not in {a.id for a in original.activities()}
    again = apply_visible_edits(copy(original), copy(visible), MATRIX)
    assert [a.id for a in measure(again.plan, 0).activities] == ids  # reproducible


def test_a_deleted_row_is_kept_and_noted() -> None:
    """An activity missing from the visible part stays in its place, with a note."""
    original = sample()
    visible = copy(original)
    del measure(visible, 0).activities[0]
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert result.plan == original
    assert len(result.notes) == 1
    assert "not in the visible part" in result.notes[0].message


def test_a_row_moved_to_another_measure_moves() -> None:
    """An activity found under another measure moves there and is reported."""
    original = sample()
    visible = copy(original)
    moved = measure(visible, 0).activities.pop(1)
    measure(visible, 1).activities.append(moved)
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert [a.title for a in measure(result.plan, 1).activities] == ["Чернова"]
    assert [a.title for a in measure(result.plan, 0).activities] == ["Работна група"]
    assert [e.field for e in result.edits] == ["moved"]


def test_ids_may_be_mapped() -> None:
    """Visible entities with ids of their own are matched through the mapping."""
    original = sample()
    visible = copy(original)
    mapping = {}
    for index, entity in enumerate([*visible.areas, *visible.measures(), *visible.activities()]):
        mapping[f"v{index}"] = entity.id
        entity.id = f"v{index}"
    activity(visible, 0).title = "Преименувана"
    result = apply_visible_edits(copy(original), visible, MATRIX, ids=mapping)
    assert activity(result.plan, 0).title == "Преименувана"
    assert activity(result.plan, 0).id == activity(original, 0).id
    assert [e.field for e in result.edits] == ["title"]


def test_dotted_fields_rebuild_values() -> None:
    """roles.leader and approval.name are taken into the frozen values, made when missing."""
    original = sample()
    visible = copy(original)
    measure(visible, 0).roles = Roles(leader="Главен секретар", sponsor="не се показва")
    visible.approval = Approval(name="ВИКТОР СТОЙЧЕВ")
    shown = ShownFields(plan={"approval.name"}, measure={"roles.leader"})
    result = apply_visible_edits(copy(original), visible, shown)
    assert measure(result.plan, 0).roles == Roles(leader="Главен секретар")
    assert result.plan.approval == Approval(name="ВИКТОР СТОЙЧЕВ")


def test_edits_are_located_and_noted() -> None:
    """Each edit carries the visible location and is an import note on the plan."""
    original = sample()
    visible = copy(original)
    activity(visible, 0).title = "Ново"
    visible.source_locations = {activity(visible, 0).id: "План!B5"}
    result = apply_visible_edits(copy(original), visible, MATRIX)
    assert [e.location for e in result.edits] == ["План!B5"]
    assert result.plan.source_locations[activity(original, 0).id] == "План!B5"
    assert [note.location for note in result.plan.import_notes] == ["План!B5"]
    assert "title edited" in result.plan.import_notes[0].message


@given(strategies.plans())
def test_any_plan_read_back_unchanged_has_no_edits(plan: Plan) -> None:
    """For any plan, an identical visible copy, every field shown, changes nothing."""
    assume(has_unique_ids(plan))
    result = apply_visible_edits(copy(plan), copy(plan), EVERYTHING)
    assert result.edits == ()
    assert result.plan == plan


@given(strategies.plans(), strategies.texts())
def test_any_edited_title_is_the_only_edit(plan: Plan, title: str) -> None:
    """Changing one activity's title in any plan gives exactly that edit."""
    assume(has_unique_ids(plan))
    visible = copy(plan)
    targets = list(visible.activities())
    if not targets or targets[0].title == title:
        return
    targets[0].title = title
    result = apply_visible_edits(copy(plan), visible, EVERYTHING)
    assert [(e.entity_id, e.field, e.after) for e in result.edits] == [
        (targets[0].id, "title", title)
    ]
    assert next(result.plan.activities()).title == title

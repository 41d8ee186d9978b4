"""Structural rules S101-S106: ids, titles, empty areas, schedules, numbering."""

from __future__ import annotations

from capcore import Activity, PlanBuilder, Severity, check_structure
from capcore.findings import EntityKind


def codes(builder: PlanBuilder) -> list[str]:
    return [finding.code for finding in check_structure(builder.build())]


def test_a_sound_plan_has_no_findings() -> None:
    """A plan with titles, activities and regular numbers passes."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М").activity("Д")
    assert codes(builder) == []


def test_duplicate_ids_are_errors_naming_every_holder() -> None:
    """Two activities with one id are one error at the second, listing both."""
    builder = PlanBuilder("План")
    measure = builder.area("А").measure("М")
    measure.activity("Д1", id="same")
    measure.activity("Д2", id="same")
    [finding] = check_structure(builder.build())
    assert (finding.code, finding.severity) == ("S101", Severity.ERROR)
    assert finding.where == "activity 1.1.2 [same]"
    assert finding.message.en == (
        "2 entities share the id same: activity 1.1.1 [same], activity 1.1.2 [same]"
    )
    assert finding.message.bg.startswith("2 обекта имат един и същ идентификатор same: дейност")


def test_an_area_sharing_the_plans_id_is_found() -> None:
    """Ids are unique across kinds: an area may not reuse the plan's id."""
    builder = PlanBuilder("План", id="p")
    builder.area("А", id="p").measure("М").activity("Д")
    assert codes(builder) == ["S101"]


def test_missing_titles_are_errors() -> None:
    """A measure or activity without a title is an error pointing at the title field."""
    builder = PlanBuilder("План")
    builder.area("А").measure(" ").activity("")
    findings = check_structure(builder.build())
    assert [(f.code, f.location.entity.kind if f.location.entity else None) for f in findings] == [
        ("S102", EntityKind.MEASURE),
        ("S102", EntityKind.ACTIVITY),
    ]
    assert {f.location.field for f in findings} == {"title"}
    assert findings[1].message.bg == "дейността няма наименование"


def test_a_plan_without_title() -> None:
    """The plan's own missing title is reported at the plan."""
    builder = PlanBuilder("")
    builder.area("А").measure("М").activity("Д")
    [finding] = check_structure(builder.build())
    assert (finding.code, finding.where) == ("S102", "plan")


def test_empty_area_is_a_warning() -> None:
    """An area without measures is reported."""
    builder = PlanBuilder("План")
    builder.area("А")
    assert codes(builder) == ["S103"]


def test_measure_without_activities_or_schedule() -> None:
    """A measure with neither activities nor dates is reported; with a deadline it is fine."""
    builder = PlanBuilder("План")
    builder.measure("Без срок")
    builder.measure("Със срок", deadline="м. март")
    findings = check_structure(builder.build())
    assert [(f.code, f.where.split(" [")[0]) for f in findings] == [("S104", "measure 1")]


def test_numbering_that_does_not_follow_the_parent() -> None:
    """3.1.1 under 3.2 is reported; 2.9.1 under 2.9 is fine."""
    builder = PlanBuilder("План")
    area = builder.area("А", number="3")
    area.measure("М", number="3.2").activity("Д", number="3.1.1")
    area.measure("М2", number="3.9").activity("Д", number="3.9.1")
    [finding] = check_structure(builder.build())
    assert finding.code == "S105"
    assert finding.message.en == "the number 3.1.1 does not follow its parent's number 3.2"
    assert finding.message.bg == "номерът 3.1.1 не следва номера на родителя си 3.2"
    assert finding.location.field == "number"


def test_a_measure_number_not_under_its_area() -> None:
    """A measure 4.1 in area 3 is reported; its activity 4.1.1 follows the measure."""
    builder = PlanBuilder("План")
    builder.area("А", number="3").measure("М", number="4.1").activity("Д")
    [finding] = check_structure(builder.build())
    assert (finding.code, finding.where.split(" [")[0]) == ("S105", "measure 4.1")


def test_duplicate_numbers_are_reported_once_at_the_first_repeat() -> None:
    """The Lovech plan's two 2.8.2 give one finding, at the second 2.8.2."""
    builder = PlanBuilder("План")
    measure = builder.area("А", number="2").measure("М", number="2.8")
    measure.activity("Д1")
    measure.activity("Д2", id="second")
    measure.activity("Д3", number="2.8.2", id="third")
    [finding] = check_structure(builder.build())
    assert finding.code == "S106"
    assert finding.where == "activity 2.8.2 [third]"
    assert finding.message.en == "2 activities share the number 2.8.2"
    assert finding.message.bg == "2 дейности имат един и същ номер 2.8.2"


def test_finding_text_names_code_and_place() -> None:
    """A finding prints as code, severity, place and message."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М").measure.activities.append(Activity("", number="1.1.1", id="x"))
    assert str(check_structure(builder.build())[0]) == (
        "S102 error activity 1.1.1 [x]: the activity has no title"
    )

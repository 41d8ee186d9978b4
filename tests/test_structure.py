"""Structural checks: ids, titles, empty areas, schedules, numbering."""

from __future__ import annotations

from capcore import Activity, PlanBuilder, Severity, check_structure


def codes(builder: PlanBuilder) -> list[str]:
    return [finding.code for finding in check_structure(builder.build())]


def test_a_sound_plan_has_no_findings() -> None:
    """A plan with titles, activities and regular numbers passes."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М").activity("Д")
    assert codes(builder) == []


def test_duplicate_ids_are_errors() -> None:
    """Two activities with one id are an error naming the id."""
    builder = PlanBuilder("План")
    measure = builder.area("А").measure("М")
    measure.activity("Д1", id="same")
    measure.activity("Д2", id="same")
    findings = check_structure(builder.build())
    assert [(f.code, f.severity) for f in findings] == [("S101", Severity.ERROR)]
    assert "same" in findings[0].where


def test_missing_titles_are_errors() -> None:
    """A measure or activity without a title is an error."""
    builder = PlanBuilder("План")
    builder.area("А").measure(" ").activity("")
    assert codes(builder) == ["S102", "S102"]


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
    assert codes(builder) == ["S104"]


def test_numbering_that_does_not_follow_the_parent() -> None:
    """3.1.1 under 3.2 is reported; 2.9.1 under 2.9 is fine."""
    builder = PlanBuilder("План")
    area = builder.area("А", number="3")
    area.measure("М", number="3.2").activity("Д", number="3.1.1")
    area.measure("М2", number="3.9").activity("Д", number="3.9.1")
    findings = check_structure(builder.build())
    assert [f.code for f in findings] == ["S105"]
    assert "3.1.1" in findings[0].message


def test_duplicate_numbers_are_reported_once() -> None:
    """The Lovech plan's two 2.8.2 give one finding."""
    builder = PlanBuilder("План")
    measure = builder.area("А", number="2").measure("М", number="2.8")
    measure.activity("Д1")
    measure.activity("Д2")
    measure.activity("Д3", number="2.8.2")
    findings = check_structure(builder.build())
    assert [f.code for f in findings] == ["S106"]
    assert "2.8.2" in findings[0].message


def test_finding_text_names_code_and_place() -> None:
    """A finding prints as code, severity, place and message."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М").measure.activities.append(Activity("", number="1.1.1", id="x"))
    assert str(check_structure(builder.build())[0]) == (
        "S102 error activity 1.1.1 [x]: the activity has no title"
    )

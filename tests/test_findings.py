"""Findings: bilingual messages, severities in words, locations by path, plain-text plugin input."""

from __future__ import annotations

import pytest

from capcore import (
    Activity,
    Area,
    Finding,
    Indicator,
    Measure,
    Severity,
    UnknownLocaleError,
)
from capcore.findings import EntityKind, EntityRef, Location, Message

AREA = Area("Човешки ресурси", "2", id="a2")
MEASURE = Measure("Гъвкави условия на труд", "2.8", id="m28")
ACTIVITY = Activity("Инструкция", "2.8.2", id="x")


def test_message_in_each_locale() -> None:
    """A message gives its English or Bulgarian text; English is the default."""
    message = Message("no title", "няма наименование")
    assert message.text() == "no title"
    assert message.text("bg") == "няма наименование"
    assert str(message) == "no title"


def test_message_refuses_an_unknown_locale() -> None:
    """Asking for a language capcore does not speak is a clear error."""
    with pytest.raises(UnknownLocaleError, match="'de'"):
        Message("a", "б").text("de")


def test_severity_words_and_plurals() -> None:
    """Severities have singular and plural words in both languages."""
    assert Severity.ERROR.word("en", 2) == "errors"
    assert Severity.WARNING.word("bg") == "предупреждение"
    assert Severity.WARNING.word("bg", 0) == "предупреждения"
    assert Severity.INFO.word("en", 5) == "info"
    assert Severity.ERROR.word("bg", 1) == "грешка"


def test_entity_references_name_kind_number_and_id() -> None:
    """Each entity kind becomes a reference; indicators have no number."""
    assert EntityRef.to(AREA) == EntityRef(EntityKind.AREA, "2", "a2")
    assert EntityRef.to(ACTIVITY).text() == "activity 2.8.2 [x]"
    assert EntityRef.to(ACTIVITY).text("bg") == "дейност 2.8.2 [x]"
    indicator = Indicator("обучени", id="i1")
    assert EntityRef.to(indicator).text() == "indicator [i1]"


def test_location_keeps_the_path_outermost_first() -> None:
    """A location holds area, measure and activity; its entity is the innermost."""
    location = Location.of(AREA, MEASURE, ACTIVITY, field="number")
    assert [ref.kind for ref in location.path] == [
        EntityKind.AREA,
        EntityKind.MEASURE,
        EntityKind.ACTIVITY,
    ]
    assert location.entity == EntityRef(EntityKind.ACTIVITY, "2.8.2", "x")
    assert location.step(EntityKind.MEASURE) == EntityRef(EntityKind.MEASURE, "2.8", "m28")
    assert location.step(EntityKind.INDICATOR) is None
    assert location.field == "number"
    assert location.at("deadline").field == "deadline"


def test_location_text_with_a_source_position() -> None:
    """An imported entity's place in its file follows the entity."""
    location = Location(Location.of(AREA, MEASURE).path, position="sheet План, row 12")
    assert location.text() == "measure 2.8 [m28] (sheet План, row 12)"
    assert location.text("bg") == "мярка 2.8 [m28] (sheet План, row 12)"


def test_plan_level_location() -> None:
    """A location without a path is the plan itself."""
    assert Location().text() == "plan"
    assert Location().text("bg") == "план"
    assert Location().entity is None


def test_plugins_may_give_plain_text() -> None:
    """A string location, message or hint is accepted; the text serves both languages."""
    finding = Finding("MD101", Severity.INFO, "measure 1.2", "empty budget", "fill it")
    assert finding.location == Location(free_text="measure 1.2")
    assert finding.message == Message("empty budget", "empty budget")
    assert finding.hint == Message("fill it", "fill it")
    assert str(finding) == "MD101 info measure 1.2: empty budget"


def test_finding_text_in_both_languages() -> None:
    """A finding prints as code, severity, place and message, in either language."""
    finding = Finding(
        "S106",
        Severity.WARNING,
        Location.of(AREA, MEASURE, ACTIVITY),
        Message("2 activities share the number 2.8.2", "2 дейности имат един и същ номер 2.8.2"),
    )
    assert str(finding) == "S106 warning activity 2.8.2 [x]: 2 activities share the number 2.8.2"
    assert finding.text("bg") == (
        "S106 предупреждение дейност 2.8.2 [x]: 2 дейности имат един и същ номер 2.8.2"
    )
    assert finding.where == "activity 2.8.2 [x]"
    assert finding.hint is None

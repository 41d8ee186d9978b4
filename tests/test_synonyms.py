"""The words the table readers recognise: one table, consistent, documented."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from pathlib import Path

import pytest

from capcore import CardField, ListField, MatrixColumn, MeasureKind, Status
from capcore.labels import label
from capcore.tables.matching import (
    match_card_label,
    match_header,
    match_kind,
    match_list_label,
    match_status,
    normalise_label,
    synonym_index,
)
from capcore.tables.synonyms import (
    CARD_LABEL_SYNONYMS,
    HEADER_SYNONYMS,
    KIND_SYNONYMS,
    LIST_LABEL_SYNONYMS,
    PROPOSAL_HEADER_SYNONYMS,
    SHAPE_WORDS,
    STATUS_SYNONYMS,
    Words,
)

DOCS = Path(__file__).parents[1] / "docs" / "importing.md"
_TABLES: dict[str, Mapping[enum.Enum, Words]] = {
    "header": HEADER_SYNONYMS,
    "card": CARD_LABEL_SYNONYMS,
    "list": LIST_LABEL_SYNONYMS,
    "status": STATUS_SYNONYMS,
    "kind": KIND_SYNONYMS,
    "proposal": PROPOSAL_HEADER_SYNONYMS,
}


def _all_words() -> list[str]:
    words = [w for table in _TABLES.values() for ws in table.values() for w in ws.bg + ws.en]
    return words + [w for ws in SHAPE_WORDS.values() for w in ws.bg + ws.en]


def test_every_word_is_written_as_it_is_compared() -> None:
    """Each word is already normalised, so the documented table is exactly what matches."""
    assert [word for word in _all_words() if normalise_label(word) != word] == []


@pytest.mark.parametrize("name", list(_TABLES))
def test_no_word_names_two_things(name: str) -> None:
    """Within a table every word is listed once and names one thing."""
    table = _TABLES[name]
    words = [word for words in table.values() for word in words.bg + words.en]
    assert len(synonym_index(table)) == len(words)


def test_every_column_and_field_has_words_in_both_languages() -> None:
    """No column, label, status or kind is left without a Bulgarian and an English word."""
    for enum_type, table in [
        (MatrixColumn, HEADER_SYNONYMS),
        (CardField, CARD_LABEL_SYNONYMS),
        (ListField, LIST_LABEL_SYNONYMS),
        (Status, STATUS_SYNONYMS),
        (MeasureKind, KIND_SYNONYMS),
    ]:
        assert set(table) == set(enum_type)
        assert all(words.bg and words.en for words in table.values())


_MATRIX_LABELS = {
    "area": MatrixColumn.AREA,
    "number": MatrixColumn.NUMBER,
    "measure": MatrixColumn.MEASURE,
    "activity": MatrixColumn.ACTIVITY,
    "caf_refs": MatrixColumn.CAF_REFS,
    "start": MatrixColumn.START,
    "deadline": MatrixColumn.DEADLINE,
    "target": MatrixColumn.TARGET,
    "responsible": MatrixColumn.RESPONSIBLE,
    "supporting": MatrixColumn.SUPPORTING,
    "budget": MatrixColumn.BUDGET,
    "note": MatrixColumn.NOTE,
    "status": MatrixColumn.STATUS,
    "percent": MatrixColumn.PERCENT,
    "matrix_activity": MatrixColumn.ACTIVITY,
    "matrix_strategic": MatrixColumn.STRATEGIC_REF,
    "matrix_quick_win": MatrixColumn.QUICK_WIN_REF,
    "matrix_start": MatrixColumn.START,
    "matrix_end": MatrixColumn.DEADLINE,
    "matrix_target": MatrixColumn.TARGET,
    "matrix_responsible": MatrixColumn.RESPONSIBLE,
}
_CARD_LABELS = {
    "sponsor": CardField.SPONSOR,
    "leader": CardField.LEADER,
    "team": CardField.TEAM,
    "contact": CardField.CONTACT,
    "scope": CardField.SCOPE,
    "stakeholders": CardField.STAKEHOLDERS,
    "strengths": CardField.STRENGTHS,
    "improvement_areas": CardField.IMPROVEMENT_AREAS,
    "options": CardField.OPTIONS,
    "constraints": CardField.CONSTRAINTS,
    "human_resources": CardField.HUMAN_RESOURCES,
    "budget": CardField.BUDGET,
    "expected_result": CardField.EXPECTED_RESULT,
    "start": CardField.START,
    "deadline": CardField.DEADLINE,
    "responsible": CardField.RESPONSIBLE,
    "supporting": CardField.SUPPORTING,
    "note": CardField.NOTE,
    "card_action": CardField.TITLE,
    "card_result": CardField.EXPECTED_RESULT,
    "card_start": CardField.START,
    "card_deadline": CardField.DEADLINE,
}


@pytest.mark.parametrize("locale", ["bg", "en"])
def test_capcores_own_labels_are_recognised(locale: str) -> None:
    """What capcore's writers print (capcore.labels) reads back as the same column or field."""
    assert {key: match_header(label(key, locale)) for key in _MATRIX_LABELS} == {
        key: (column, locale) for key, column in _MATRIX_LABELS.items()
    }
    assert {key: match_card_label(label(key, locale)) for key in _CARD_LABELS} == {
        key: (field, locale) for key, field in _CARD_LABELS.items()
    }
    assert match_list_label(label("deadline", locale)) == (ListField.DEADLINE, locale)
    assert match_list_label(label("responsible", locale)) == (ListField.RESPONSIBLE, locale)
    assert {status: match_status(label(status.value, locale)) for status in Status} == {
        status: status for status in Status
    }
    assert match_kind(label("quick_win", locale)) is MeasureKind.QUICK_WIN
    assert match_kind(label(MeasureKind.STRATEGIC.value, locale)) is MeasureKind.STRATEGIC


def _markdown_table(first: str, table: Mapping[enum.Enum, Words]) -> str:
    lines = [f"| {first} | Bulgarian | English |", "|---|---|---|"]
    lines += [
        f"| `{key.value}` | {', '.join(words.bg)} | {', '.join(words.en)} |"
        for key, words in table.items()
    ]
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("first", "name"),
    [
        ("column", "header"),
        ("field", "card"),
        ("field", "list"),
        ("status", "status"),
        ("kind", "kind"),
        ("column", "proposal"),
    ],
)
def test_docs_list_every_word(first: str, name: str) -> None:
    """docs/importing.md holds each synonym table exactly as the code has it."""
    expected = _markdown_table(first, _TABLES[name])
    assert expected in DOCS.read_text(encoding="utf-8"), f"update docs/importing.md:\n{expected}"


def test_docs_list_the_shape_words() -> None:
    """docs/importing.md holds the words that mark the parts of a document."""
    docs = DOCS.read_text(encoding="utf-8")
    for key, words in SHAPE_WORDS.items():
        assert f"| `{key}` | {', '.join(words.bg)} | {', '.join(words.en)} |" in docs

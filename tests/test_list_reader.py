"""The list reader: the Smolyan plan, numbered sections and items with Срок: lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from capcore import Layout, Plan, PlanFormatError, SourceParagraph, SourceTable, read_list
from capcore.examples import smolyan
from capcore.jsonio import to_dict
from capcore.tables.source import SourceCell
from capcore.testing.seed_tables import SEED_FILES, read_seed_text, smolyan_list

from .conftest import SHARED


def _content(plan: Plan) -> Any:
    def strip(data: Any) -> Any:
        if isinstance(data, dict):
            return {k: strip(v) for k, v in data.items() if k not in {"id", "language"}}
        if isinstance(data, list):
            return [strip(item) for item in data]
        return data

    return strip(to_dict(plan))


def _paragraphs(*texts: str) -> list[SourceParagraph]:
    return [SourceParagraph(text, f"p{n}") for n, text in enumerate(texts, start=1)]


def test_smolyan_counts() -> None:
    """The list gives 6 areas and 19 measures, each with a deadline and a responsible."""
    plan = read_list(smolyan_list().blocks(), source="plan.docx")
    measures = list(plan.measures())
    assert len(plan.areas) == 6
    assert len(measures) == 19
    assert all(m.deadline is not None and m.responsible for m in measures)


def test_smolyan_fields_equal_the_example_plan() -> None:
    """Title, introduction, organisation, sections and items read as the example has them."""
    plan = read_list(smolyan_list().blocks(), source="plan.docx")
    assert _content(plan) == _content(smolyan())
    assert plan.layout is Layout.LIST
    assert plan.import_notes == ()


def test_english_labels() -> None:
    """``Deadline:`` and ``Responsible:`` lines read the same plan, in English."""
    plan = read_list(smolyan_list(english=True).blocks(), source="plan.docx")
    assert _content(plan) == _content(smolyan())
    assert plan.language == "en"


def test_raw_seed_file_keeps_the_trailing_link_text() -> None:
    """The seed text reads exactly; the stray text at its end is kept and reported."""
    path = SHARED / "seeds" / SEED_FILES["smolyan"]
    if not path.is_file():
        pytest.skip(f"../shared/seeds not found: {path}")
    plan = read_list(read_seed_text(path.read_text(encoding="utf-8")), source=path.name)
    last = list(plan.measures())[-1]
    [note] = plan.import_notes
    assert note.text == "Изтегли Схема - механизъм"
    assert last.extra == {note.location: note.text}
    last.extra.clear()
    assert _content(plan) == _content(smolyan())


def test_several_labels_on_one_line() -> None:
    """``Срок: ...; Отговорник: ...`` on one line fills both fields."""
    plan = read_list(
        _paragraphs("План", "1. Раздел", "1.1. Мярка", "Срок: м. март; Отговорник: Секретар"),
        source="p",
    )
    measure = next(plan.measures())
    assert measure.deadline is not None
    assert (measure.deadline.text, measure.responsible) == ("м. март", "Секретар")


def test_word_numbering_and_unnumbered_items() -> None:
    """Word's own list numbers count, and a paragraph followed by a label line is an item."""
    blocks = [
        SourceParagraph("План", "p1"),
        SourceParagraph("Прозрачност", "p2", number="1.", level=0),
        SourceParagraph("Ден на отворените врати", "p3", number="1.1.", level=1),
        SourceParagraph("Срок: м. юни", "p4"),
        SourceParagraph("Годишен доклад", "p5"),
        SourceParagraph("Срок: м. март", "p6"),
    ]
    plan = read_list(blocks, source="p")
    assert [(area.number, area.title) for area in plan.areas] == [("1", "Прозрачност")]
    assert [(m.number, m.title) for m in plan.measures()] == [
        ("1.1", "Ден на отворените врати"),
        ("", "Годишен доклад"),
    ]


def test_deadlines_take_the_plan_period() -> None:
    """A month without a year is read within the period in the title."""
    plan = read_list(
        _paragraphs("План за периода 2023-2024 г.", "1.1. Мярка", "Срок: м. март"), source="p"
    )
    measure = next(plan.measures())
    assert measure.deadline is not None
    assert measure.deadline.due == dt.date(2023, 3, 31)


def test_second_deadline_and_stray_lines_are_kept() -> None:
    """A second Срок line and a table are kept and reported, not dropped."""
    blocks = [
        *_paragraphs("План", "1.1. Мярка", "Срок: м. март", "Срок: м. юни"),
        SourceTable([[SourceCell("Схема", "t1 c1")]], "table 1"),
    ]
    plan = read_list(blocks, source="p")
    assert next(plan.measures()).extra == {"p4": "Срок: м. юни"}
    assert plan.extra == {"t1 c1": "Схема"}
    assert [note.location for note in plan.import_notes] == ["p4", "t1 c1"]


def test_label_line_before_any_item_is_kept_in_the_plan() -> None:
    """A Срок line before any section or item has nothing to fill: the plan keeps it."""
    plan = read_list(_paragraphs("План", "Срок: постоянен", "1.1. Мярка"), source="p")
    assert plan.extra == {"p2": "Срок: постоянен"}
    assert next(plan.measures()).deadline is None


def test_numbered_paragraph_followed_by_a_label_line_is_an_item() -> None:
    """``1. Текст`` is a section, unless a Срок line follows it: then it is an item."""
    plan = read_list(_paragraphs("План", "1. Раздел", "2. Мярка", "Срок: постоянен"), source="p")
    assert [area.title for area in plan.areas] == ["Раздел"]
    assert [(m.number, m.title) for m in plan.measures()] == [("2", "Мярка")]


def test_no_label_lines_is_a_clear_error() -> None:
    """Without any Срок: line there is no list; the message lists the labels sought."""
    with pytest.raises(PlanFormatError) as raised:
        read_list(_paragraphs("Писмо", "1. Точка"), source="letter.docx")
    assert raised.value.source == "letter.docx"
    assert "'срок:'" in raised.value.problem
    assert "'deadline:'" in raised.value.problem

"""The cards reader: the Pazardzhik project sheets, as paragraphs and label/value tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from capcore import (
    BudgetKind,
    Layout,
    MeasureKind,
    Plan,
    PlanFormatError,
    SourceCell,
    SourceParagraph,
    SourceTable,
    read_cards,
)
from capcore.examples import pazardzhik
from capcore.jsonio import to_dict
from capcore.testing.seed_tables import SEED_FILES, pazardzhik_cards, read_seed_text

from .conftest import SHARED


def _content(plan: Plan) -> Any:
    def strip(data: Any) -> Any:
        if isinstance(data, dict):
            return {
                k: strip(v) for k, v in data.items() if k not in {"id", "caf_version", "language"}
            }
        if isinstance(data, list):
            return [strip(item) for item in data]
        return data

    return strip(to_dict(plan))


def _card(table: str, *pairs: tuple[str, str]) -> SourceTable:
    rows = [
        [SourceCell(label, f"{table} r{r} c1"), SourceCell(value, f"{table} r{r} c2")]
        for r, (label, value) in enumerate(pairs, start=1)
    ]
    return SourceTable(rows, table)


def test_pazardzhik_counts() -> None:
    """The cards give 12 measures in one untitled area, 4 of them quick wins."""
    plan = read_cards(pazardzhik_cards().blocks(), source="plan.docx")
    measures = list(plan.measures())
    assert len(measures) == 12
    assert [area.title for area in plan.areas] == [""]
    assert [m.number for m in measures if m.kind is MeasureKind.QUICK_WIN] == ["1", "6", "9", "11"]
    assert {m.kind for m in measures} == {MeasureKind.QUICK_WIN, None}


@pytest.mark.parametrize(
    "heading_in_table", [False, True], ids=["heading-paragraph", "heading-row"]
)
def test_pazardzhik_fields_equal_the_example_plan(heading_in_table: bool) -> None:
    """Every card field reads back as the example plan has it, budgets and deadlines parsed."""
    blocks = pazardzhik_cards().blocks(heading_in_table=heading_in_table)
    plan = read_cards(blocks, source="plan.docx")
    assert _content(plan) == _content(pazardzhik())
    assert plan.layout is Layout.CARDS
    assert plan.import_notes == ()


def test_english_labels() -> None:
    """English labels read the same plan, in English."""
    plan = read_cards(pazardzhik_cards(english=True).blocks(), source="plan.docx")
    assert _content(plan) == _content(pazardzhik())
    assert plan.language == "en"


def test_raw_seed_file_reads_as_the_example_plan() -> None:
    """The seed text (headings in the tables or as paragraphs, both label forms) reads exactly."""
    path = SHARED / "seeds" / SEED_FILES["pazardzhik"]
    if not path.is_file():
        pytest.skip(f"../shared/seeds not found: {path}")
    plan = read_cards(read_seed_text(path.read_text(encoding="utf-8")), source=path.name)
    assert _content(plan) == _content(pazardzhik())
    assert plan.title.endswith("В ОБЛАСТНА АДМИНИСТРАЦИЯ ПАЗАРДЖИК 2017 – 2018")
    assert plan.subtitle == "МЕРКИ ЗА ПОДОБРЕНИЕ"
    assert plan.period is not None
    assert (plan.period.start.year, plan.period.end.year) == (2017, 2018)
    assert plan.approval is not None
    assert (plan.approval.heading, plan.approval.name) == ("Утвърждавам!", "Стефан Мирев")


def test_budgets_and_deadlines_are_read() -> None:
    """Budget text is parsed; a deadline keeps its words and gains its meaning."""
    measures = list(read_cards(pazardzhik_cards().blocks(), source="p").measures())
    assert measures[0].budget is not None
    assert measures[0].budget.kind is BudgetKind.NOT_APPLICABLE
    assert measures[1].budget is not None
    assert measures[1].budget.text == "3500 лева"
    assert measures[0].start is not None
    assert measures[0].start.due == dt.date(2017, 9, 1)
    assert measures[3].deadline is not None
    assert measures[3].deadline.is_recurring


def test_every_measure_has_a_source_location() -> None:
    """Each measure points at its heading; the untitled area at the first card."""
    plan = read_cards(pazardzhik_cards().blocks(), source="p")
    assert plan.source_locations[plan.areas[0].id] == "table 1, heading"
    assert all(measure.id in plan.source_locations for measure in plan.measures())


def test_unknown_label_is_kept_and_reported() -> None:
    """A label no synonym names keeps both its cells in the measure's extra."""
    blocks = [
        SourceParagraph("План за подобрение", "p0"),
        SourceParagraph("МЯРКА 1", "p1"),
        _card("t1", ("ДЕЙСТВИЕ", "Обучение"), ("ПРИОРИТЕТ", "висок")),
    ]
    plan = read_cards(blocks, source="p")
    measure = next(plan.measures())
    assert measure.title == "Обучение"
    assert measure.extra == {"t1 r2 c1": "ПРИОРИТЕТ", "t1 r2 c2": "висок"}
    assert {note.location for note in plan.import_notes} == {"t1 r2 c1", "t1 r2 c2"}


def test_second_value_for_a_label_is_kept() -> None:
    """Two rows with the same label: the first is the field, the second is kept."""
    blocks = [SourceParagraph("МЯРКА 1", "p1"), _card("t1", ("СПОНСОР", "А"), ("Спонсор:", "Б"))]
    measure = next(read_cards(blocks, source="p").measures())
    assert measure.roles.sponsor == "А"
    assert measure.extra == {"t1 r2 c2": "Б"}


def test_heading_words_become_the_title_without_an_action_label() -> None:
    """``МЯРКА 3 – QW: Обучение`` gives a quick win titled from the heading."""
    blocks = [SourceParagraph("МЯРКА 3 – QW Обучение", "p1"), _card("t1", ("СРОК", "м. март"))]
    measure = next(read_cards(blocks, source="p").measures())
    assert (measure.number, measure.title, measure.kind) == ("3", "Обучение", MeasureKind.QUICK_WIN)


def test_label_and_value_in_one_cell() -> None:
    """A ``ЛАБЕЛ: стойност`` line inside a card is read as that label."""
    blocks = [SourceParagraph("Мярка 1", "p1"), SourceParagraph("Отговорник: Секретар", "p2")]
    measure = next(read_cards(blocks, source="p").measures())
    assert measure.responsible == "Секретар"


def test_text_between_cards_is_kept() -> None:
    """A paragraph between cards is kept in the measure above and reported."""
    blocks = [
        SourceParagraph("МЯРКА 1", "p1"),
        _card("t1", ("ДЕЙСТВИЕ", "А")),
        SourceParagraph("Забележка под таблицата", "p2"),
    ]
    plan = read_cards(blocks, source="p")
    assert next(plan.measures()).extra == {"p2": "Забележка под таблицата"}


def test_no_cards_is_a_clear_error() -> None:
    """A document with no heading and no labelled rows names the file and the labels sought."""
    with pytest.raises(PlanFormatError) as raised:
        read_cards([SourceParagraph("Писмо", "p1")], source="letter.docx")
    assert raised.value.source == "letter.docx"
    assert "МЯРКА 1" in raised.value.problem
    assert "sponsor (спонсор" in raised.value.problem

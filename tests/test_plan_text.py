"""How plan parts are written as text: numbers, areas, periods, cards."""

from __future__ import annotations

import datetime as dt

import pytest

from capcore import Area, Measure, MeasureKind, Period
from capcore.examples import lovech, pazardzhik
from capcore.labels import LABELS
from capcore.plan_text import (
    CARD_FIELDS,
    OPTIONAL_CARD_FIELDS,
    area_heading,
    area_text,
    card_heading,
    field_text,
    number_prefix,
    numbered,
    period_line,
)


@pytest.mark.parametrize(
    ("number", "title", "expected"),
    [
        ("1.1", "Обучение", "1.1. Обучение"),
        ("1.1.", "Обучение", "1.1. Обучение"),
        ("", "Обучение", "Обучение"),
        ("2", "", "2."),
        ("", "", ""),
    ],
)
def test_numbered(number: str, title: str, expected: str) -> None:
    assert numbered(number, title) == expected


def test_number_prefix_adds_the_dot_once() -> None:
    assert number_prefix("3") == "3. "
    assert number_prefix("3.") == "3. "
    assert number_prefix("") == ""


def test_area_lines_in_both_languages() -> None:
    area = Area(number="1", title="Лидерство")
    assert area_heading(area, "bg") == "Област 1: "
    assert area_text(area, "en") == "Area 1: Лидерство"
    assert area_text(Area(title="Без номер"), "bg") == "Без номер"


def test_period_line_whole_years_and_days() -> None:
    years = Period(dt.date(2022, 1, 1), dt.date(2024, 12, 31))
    assert period_line(years, "bg") == "за периода 2022-2024 г."
    assert period_line(years, "en") == "for the period 2022-2024"
    days = Period(dt.date(2022, 3, 1), dt.date(2023, 2, 28))
    assert period_line(days, "bg") == "за периода 01.03.2022 – 28.02.2023"


def test_card_heading_marks_quick_wins() -> None:
    assert (
        card_heading(Measure("Анкета", number="1", kind=MeasureKind.QUICK_WIN), "bg")
        == "МЯРКА 1 – QW"
    )
    assert card_heading(Measure("Обучение", number="2"), "en") == "MEASURE 2"


def test_field_text_follows_paths_and_joins_references() -> None:
    measure = next(iter(pazardzhik().measures()))
    assert field_text(measure, "roles.leader") == "Главен секретар"
    lovech_measure = next(iter(lovech().measures()))
    assert field_text(lovech_measure, "caf_refs") == "1.1"
    assert field_text(Measure("Обучение"), "budget") == ""


def test_card_fields_name_real_fields_and_labels() -> None:
    measure = next(iter(pazardzhik().measures()))
    for field, key in (*CARD_FIELDS, *OPTIONAL_CARD_FIELDS):
        field_text(measure, field)  # raises AttributeError for a wrong path
        assert all(key in words for words in LABELS.values()), key
    assert len(CARD_FIELDS) == 16

"""Numbers in front of titles, area headings and card headings."""

from __future__ import annotations

import pytest

from capcore.tables._numbering import split_area_heading, split_card_heading, split_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.1. Разработване на Стратегия", ("1.1", "Разработване на Стратегия")),
        ("3.1.1.Сформиране на работна група", ("3.1.1", "Сформиране на работна група")),
        ("2.9.1 Актуализиране", ("2.9.1", "Актуализиране")),
        ("1. Дейности за прозрачност", ("1", "Дейности за прозрачност")),
        ("1) Текст", ("1", "Текст")),
        ("  1.2.  Текст\nнов ред ", ("1.2", "Текст\nнов ред")),
        ("1.1.", ("1.1", "")),
        ("5 души обучени", ("", "5 души обучени")),
        ("1.2.2022 г. начало", ("", "1.2.2022 г. начало")),
        ("2022 г.", ("", "2022 г.")),
        ("Текст без номер", ("", "Текст без номер")),
    ],
)
def test_split_number(text: str, expected: tuple[str, str]) -> None:
    """The number leads the title; a lone number needs a dot; a date is no number."""
    assert split_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Област 1: Стратегическо планиране", ("1", "Стратегическо планиране")),
        ("ОБЛАСТ 2. Управление на хората", ("2", "Управление на хората")),
        ("Area 3 – Technology", ("3", "Technology")),
        ("Раздел: Общи", ("", "Общи")),
        ("II. Лидерство", ("II", "Лидерство")),
        ("Областна администрация Ловеч", None),
        ("Област на подобрение", None),
        ("1.1. Мярка", None),
    ],
)
def test_split_area_heading(text: str, expected: tuple[str, str] | None) -> None:
    """An area word with a number or colon, or a Roman numeral, makes an area heading."""
    assert split_area_heading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("МЯРКА 1 – QW", ("1", "QW")),
        ("МЯРКА 12", ("12", "")),
        ("Measure 3: QW", ("3", "QW")),
        ("Мярка № 4 - Обучение", ("4", "Обучение")),
        ("Мярка", None),
        ("Мярка за подобрение", None),
        ("Мерки", None),
    ],
)
def test_split_card_heading(text: str, expected: tuple[str, str] | None) -> None:
    """A card heading is the measure word and a number; the label ``Мярка`` alone is not one."""
    assert split_card_heading(text) == expected

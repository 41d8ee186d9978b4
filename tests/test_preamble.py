"""The lines above a plan: approval block, title, subtitle, period, organisation."""

from __future__ import annotations

import datetime as dt

from capcore import CafVersion, Period, SourceCell, SourceParagraph, SourceTable
from capcore.tables._preamble import Line, Preamble, lines_of, read_preamble


def _read(*texts: str) -> Preamble:
    return read_preamble([Line(text, f"p{n}") for n, text in enumerate(texts, start=1)])


def test_lovech_block() -> None:
    """Approval heading kept as written, name, two-line position, title, period, subtitle."""
    result = _read(
        "УТВЪРЖДАВАМ:.....",
        "ВИКТОР СТОЙЧЕВ",
        "ОБЛАСТЕН УПРАВИТЕЛ",
        "НА ОБЛАСТ ЛОВЕЧ",
        "ПЛАН ЗА ПОДОБРИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ",
        "за периода 2022-2024 г.",
        "(изготвен в съответствие с Доклада за самооценка на организацията)",
    )
    assert result.approval is not None
    assert (result.approval.heading, result.approval.name) == (
        "УТВЪРЖДАВАМ:.....",
        "ВИКТОР СТОЙЧЕВ",
    )
    assert result.approval.position == "ОБЛАСТЕН УПРАВИТЕЛ\nНА ОБЛАСТ ЛОВЕЧ"
    assert result.title == "ПЛАН ЗА ПОДОБРИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ"
    assert result.title_location == "p5"
    assert result.period == Period.years(2022, 2024)
    assert result.subtitle == "(изготвен в съответствие с Доклада за самооценка на организацията)"
    assert result.organisation == "Областна администрация Ловеч"
    assert result.unplaced == []


def test_title_broken_after_a_preposition_goes_on() -> None:
    """``... ДЕЙНОСТ В`` continues on the next line; the period comes from the title's years."""
    result = _read(
        "Утвърждавам!",
        "Стефан Мирев",
        "Областен управител",
        "ПЛАН ЗА ПОДОБРЕНИЕ НА АДМИНИСТРАТИВНАТА ДЕЙНОСТ В",
        "ОБЛАСТНА АДМИНИСТРАЦИЯ ПАЗАРДЖИК 2017 – 2018",
        "МЕРКИ ЗА ПОДОБРЕНИЕ",
    )
    assert result.title == (
        "ПЛАН ЗА ПОДОБРЕНИЕ НА АДМИНИСТРАТИВНАТА ДЕЙНОСТ В ОБЛАСТНА АДМИНИСТРАЦИЯ ПАЗАРДЖИК 2017 – 2018"
    )
    assert result.subtitle == "МЕРКИ ЗА ПОДОБРЕНИЕ"
    assert result.period == Period.years(2017, 2018)
    assert result.organisation == "Областна администрация Пазарджик"
    assert result.approval is not None
    assert (result.approval.name, result.approval.position) == (
        "Стефан Мирев",
        "Областен управител",
    )


def test_long_lines_are_the_introduction_and_name_the_organisation() -> None:
    """A long line under the title is introduction; the administration it names is read."""
    intro = (
        "Настоящият план е разработен с цел подпомагане на ръковоството и състава на Областна "
        "администрация Смолян да подобрява своето управление, да разширява прозрачността."
    )
    result = _read("План за ефективно и прозрачно управление", intro)
    assert (result.title, result.subtitle, result.introduction) == (
        "План за ефективно и прозрачно управление",
        "",
        intro,
    )
    assert result.organisation == "Областна администрация Смолян"
    assert result.approval is None
    assert result.period is None


def test_english_block_with_a_date_and_a_letterhead() -> None:
    """English approval words, a date line, a letterhead above the title, a CAF version."""
    result = _read(
        "Lovech Regional Administration",
        "APPROVED BY: Viktor Stoychev",
        "Regional Governor",
        "14.03.2022",
        "Improvement plan 2022 – 2024",
        "following the CAF 2020 self-assessment",
    )
    assert result.organisation == "Lovech Regional Administration"
    assert result.approval is not None
    assert (result.approval.heading, result.approval.name) == ("APPROVED BY:", "Viktor Stoychev")
    assert (result.approval.position, result.approval.date) == (
        "Regional Governor",
        dt.date(2022, 3, 14),
    )
    assert result.period == Period.years(2022, 2024)
    assert result.caf_version is CafVersion.CAF_2020


def test_lines_not_understood_are_returned() -> None:
    """A line above the title that is neither approval nor organisation is unplaced."""
    result = _read("Приложение № 1 към Заповед № 12", "План за подобрение")
    assert result.title == "План за подобрение"
    assert result.unplaced == [Line("Приложение № 1 към Заповед № 12", "p1")]


def test_no_title_word_takes_the_first_line_after_the_approval() -> None:
    """Without a title word, the first line after the approval block is the title."""
    result = _read("Утвърждавам:", "Иван Иванов", "Кмет", "Мерки 2024", "за периода 2024-2025 г.")
    assert result.title == "Мерки 2024"
    assert result.period == Period.years(2024, 2025)


def test_lines_of_splits_paragraphs_and_skips_signature_lines() -> None:
    """Each line of a paragraph or cell is one line; dots and underscores alone are left out."""
    blocks = [
        SourceParagraph("ВИКТОР СТОЙЧЕВ\nОБЛАСТЕН УПРАВИТЕЛ", "paragraph 1"),
        SourceParagraph("....................", "paragraph 2"),
        SourceTable([[SourceCell("План", "A1"), SourceCell("", "B1", continues_above=True)]], "t"),
    ]
    assert lines_of(blocks) == [
        Line("ВИКТОР СТОЙЧЕВ", "paragraph 1"),
        Line("ОБЛАСТЕН УПРАВИТЕЛ", "paragraph 1, line 2"),
        Line("План", "A1"),
    ]

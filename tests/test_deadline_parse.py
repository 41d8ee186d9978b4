"""Tests of parse_deadline: every deadline in the seed plans, each form, and properties."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore.deadline import DeadlineKind, DeadlineTerm, Recurrence, RecurrenceUnit
from capcore.deadline_parse import parse_deadline
from capcore.model import Period

K = DeadlineKind
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
LOVECH = Period.years(2022, 2024)
PAZARDZHIK = Period.years(2017, 2018)


def date(text: str, day: dt.date, label: str | None = None) -> DeadlineTerm:
    return DeadlineTerm(K.DATE, text, day.year, day.month, day.day, label=label)


def month(text: str, number: int, year: int | None = None) -> DeadlineTerm:
    return DeadlineTerm(K.MONTH, text, year, number)


def continuous(text: str, label: str | None = None) -> DeadlineTerm:
    return DeadlineTerm(K.CONTINUOUS, text, label=label)


def every(
    text: str, months: int, label: str | None = None, anchor: int | None = None
) -> DeadlineTerm:
    recurrence = Recurrence(months, anchor_month=anchor)
    return DeadlineTerm(K.RECURRING, text, recurrence=recurrence, label=label)


def event(text: str) -> DeadlineTerm:
    return DeadlineTerm(K.EVENT, text, event=text)


def terms(text: str, locale: str = "bg", period: Period | None = None) -> tuple[DeadlineTerm, ...]:
    return parse_deadline(text, locale, period=period).terms


# Every start and end cell of seed 000 (Lovech, 2022-2024), copied exactly, once each.
LOVECH_DATES = [
    "14.3.2022", "18.3.2022", "15.9.2022", "18.05.2022", "27.5.2022", "18.5.2022", "15.12.2022",
    "31.5.2022", "15.3.2023", "15.4.2022", "15.4.2023", "11.5.2022", "11.8.2022", "12.6.2022",
    "30.9.2022", "18.6.2022", "18.4.2022", "15.5.2022", "16.5.2022", "18.3.2023", "28.3.2022",
    "26.5.2022", "28.5.2022", "13.6.2022", "14.6.2022", "30.6.2022", "17.6.2022", "25.3.2022",
    "15.3.2024", "18.9.2022", "31.3.2022", "1.4.2022", "16.9.2022", "17.5.2022",
]  # fmt: skip
LOVECH_TEXT = "текущо, в процеса на изпълнение на Плана за подобрене"

# Every ДАТА НА ЗАПОЧВАНЕ and ПРЕДВИДЕН СРОК of seed 001 (Pazardzhik, 2017-2018).
PAZARDZHIK_CELLS = {
    "1 септември 2017": (date("1 септември 2017", dt.date(2017, 9, 1)),),
    "1 декември 2017": (date("1 декември 2017", dt.date(2017, 12, 1)),),
    "1 март 2018": (date("1 март 2018", dt.date(2018, 3, 1)),),
    "1 януари 2018": (date("1 януари 2018", dt.date(2018, 1, 1)),),
    "1 февруари 2018": (date("1 февруари 2018", dt.date(2018, 2, 1)),),
    "1 юли 2018": (date("1 юли 2018", dt.date(2018, 7, 1)),),
    "Постоянен": (continuous("Постоянен"),),
    "Постоянен – на всеки шест месеца (съкратена) и ежегодно (разширена)": (
        continuous("Постоянен"),
        every("на всеки шест месеца (съкратена)", 6, "съкратена"),
        every("ежегодно (разширена)", 12, "разширена"),
    ),
    "Постоянен. Награда „служител на годината“ – ежегодно, декември": (
        continuous("Постоянен"),
        every(
            "Награда „служител на годината“ – ежегодно, декември", 12,
            "Награда „служител на годината“", anchor=12,
        ),
    ),
    "1 декември 2017 (стратегическо планиране) Постоянен (изпълнение)": (
        date(
            "1 декември 2017 (стратегическо планиране)", dt.date(2017, 12, 1),
            "стратегическо планиране",
        ),
        continuous("Постоянен (изпълнение)", "изпълнение"),
    ),
    "До 5 изнесени приемни до края на 2017. Постоянен (целогодишно изпълнение)": (
        DeadlineTerm(
            K.YEAR, "До 5 изнесени приемни до края на 2017", 2017, label="До 5 изнесени приемни"
        ),
        continuous("Постоянен (целогодишно изпълнение)", "целогодишно изпълнение"),
    ),
}  # fmt: skip

# Every "Срок:" of seed 002 (Smolyan, no period), copied exactly, typos included.
SMOLYAN_CELLS = {
    "При актуализация": (event("При актуализация"),),
    "постоянен": (continuous("постоянен"),),
    "м. март": (month("м. март", 3),),
    "м м.юни": (month("м м.юни", 6),),
    "януари": (month("януари", 1),),
    "текущо": (continuous("текущо"),),
    "тримесечно": (every("тримесечно", 3),),
    "по план": (event("по план"),),
    "м.септември": (month("м.септември", 9),),
}


@pytest.mark.parametrize("text", LOVECH_DATES)
def test_lovech_dates_are_exact_days(text: str) -> None:
    """Each Lovech start or end date reads as that exact day."""
    day_, month_, year_ = map(int, text.split("."))
    day = dt.date(year_, month_, day_)
    deadline = parse_deadline(text, period=LOVECH)
    assert deadline.terms == (date(text, day),)
    assert deadline.due == day


def test_lovech_free_text_is_continuous_with_its_qualifier() -> None:
    """The Lovech "текущо, ..." cell is continuous, labelled with the words after the comma."""
    label = "в процеса на изпълнение на Плана за подобрене"
    assert terms(LOVECH_TEXT, period=LOVECH) == (continuous(LOVECH_TEXT, label),)


@pytest.mark.parametrize(("text", "expected"), PAZARDZHIK_CELLS.items())
def test_pazardzhik_cells(text: str, expected: tuple[DeadlineTerm, ...]) -> None:
    """Each Pazardzhik start or deadline reads as its terms, in the order written."""
    assert terms(text, period=PAZARDZHIK) == expected


@pytest.mark.parametrize(("text", "expected"), SMOLYAN_CELLS.items())
def test_smolyan_cells(text: str, expected: tuple[DeadlineTerm, ...]) -> None:
    """Each Smolyan deadline reads as its term; with no period, months have no year."""
    assert terms(text) == expected


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("000_4e58b002dbd8b535.txt", r"^(?:[^\t]*\t){4}([^\t]*)\t([^\t]*)\t"),
        ("001_d8601e998542f465.txt", r"^(?:ДАТА НА ЗАПОЧВАНЕ|ПРЕДВИДЕН СРОК)\t(.*)$"),
        ("002_0d8451881785c461.txt", r"^Срок: (.*)$"),
    ],
)
def test_every_seed_cell_is_in_the_tables(name: str, pattern: str) -> None:
    """Every start and deadline cell of the seed plans is in one of the tables above."""
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"../shared/seeds not found: {path}")
    found = (re.match(pattern, line) for line in path.read_text("utf-8").splitlines())
    cells = {cell for match in found if match for cell in match.groups()}
    cells -= {"", "Начало (дата)", "Край (дата)", "5.", "6."}  # area rows and Lovech headers
    assert cells
    assert cells <= {*LOVECH_DATES, LOVECH_TEXT, *PAZARDZHIK_CELLS, *SMOLYAN_CELLS}


def test_text_is_kept_exactly() -> None:
    """The deadline keeps the text as given, spaces and all."""
    text = "  Постоянен.\u00a0Награда „служител на годината“ – ежегодно, декември\n"
    assert parse_deadline(text).text == text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("14.3.2022", dt.date(2022, 3, 14)),
        ("18.05.2022", dt.date(2022, 5, 18)),
        ("1 септември 2017", dt.date(2017, 9, 1)),
        ("30 юни 2023 г.", dt.date(2023, 6, 30)),
        ("2022-03-14", dt.date(2022, 3, 14)),
        ("14.3.2022 г.", dt.date(2022, 3, 14)),
        ("14/3/2022", dt.date(2022, 3, 14)),
        ("до 14.3.2022", dt.date(2022, 3, 14)),
        ("1-ви март 2022", dt.date(2022, 3, 1)),
        ("29.2.2024", dt.date(2024, 2, 29)),
    ],
)
def test_bulgarian_exact_dates(text: str, day: dt.date) -> None:
    """Numeric and named dates read as that exact day, "г." included in the fragment."""
    assert terms(text) == (date(text, day),)


@pytest.mark.parametrize(
    "text",
    ["31.2.2022", "29.2.2023", "32.1.2022", "1.13.2022", "0.1.2022", "2023-02-30", "31 април 2022"],
)
def test_invalid_dates_give_no_term(text: str) -> None:
    """A day that does not exist is no term, and nothing else is read from it."""
    assert parse_deadline(text).kind is K.TEXT


@pytest.mark.parametrize(
    ("text", "number", "year"),
    [
        ("м. март", 3, None),
        ("м.юни", 6, None),
        ("м м.юни", 6, None),
        ("януари", 1, None),
        ("месец март", 3, None),
        ("март 2023", 3, 2023),
        ("м. март 2023 г.", 3, 2023),
        ("яну", 1, None),
        ("септ.", 9, None),
        ("сept.", 9, None),
        ("септ. 2023", 9, 2023),
        ("МАРТ", 3, None),
        ("Март", 3, None),
        ("до края на марта", 3, None),
        ("мес. ноември", 11, None),
    ],
)
def test_month_forms(text: str, number: int, year: int | None) -> None:
    """Month names from CLDR and the extra forms read as a whole month."""
    assert terms(text) == (month(text, number, year),)


@pytest.mark.parametrize(
    ("text", "kind", "number", "year"),
    [
        ("II тримесечие на 2023 г.", K.QUARTER, 2, 2023),
        ("второ тримесечие", K.QUARTER, 2, None),
        ("2-ро тримесечие 2023", K.QUARTER, 2, 2023),
        ("IV тримесечие", K.QUARTER, 4, None),
        ("1. тримесечие 2023", K.QUARTER, 1, 2023),
        ("Q2 2023", K.QUARTER, 2, 2023),
        ("второ полугодие", K.HALF_YEAR, 2, None),
        ("първо полугодие на 2022", K.HALF_YEAR, 1, 2022),
        ("II-ро полугодие", K.HALF_YEAR, 2, None),
        ("първото полугодие", K.HALF_YEAR, 1, None),
        ("H2 2023", K.HALF_YEAR, 2, 2023),
    ],
)
def test_quarter_and_half_year_forms(text: str, kind: K, number: int, year: int | None) -> None:
    """Ordinals in words, digits and Roman numerals name a quarter or half-year."""
    quarter, half = (number, None) if kind is K.QUARTER else (None, number)
    assert terms(text) == (DeadlineTerm(kind, text, year, quarter=quarter, half=half),)


@pytest.mark.parametrize("text", ["5 тримесечие", "III полугодие", "Q5"])
def test_quarters_and_halves_that_do_not_exist_give_no_term(text: str) -> None:
    """A fifth quarter or a third half-year is no term."""
    assert terms(text) == ()


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("до края на 2017", 2017),
        ("края на 2017 г.", 2017),
        ("2018 г.", 2018),
        ("2018 година", 2018),
        ("до 2024", 2024),
    ],
)
def test_year_forms(text: str, year: int) -> None:
    """A year or a year's end reads as the whole year."""
    assert terms(text) == (DeadlineTerm(K.YEAR, text, year),)


@pytest.mark.parametrize(
    "text", ["постоянен", "Постоянен", "постоянно", "текущо", "текущ", "целогодишно", "ТЕКУЩО"]
)
def test_continuous_words(text: str) -> None:
    """Words for ongoing work read as continuous."""
    assert terms(text) == (continuous(text),)


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("тримесечно", Recurrence(3)),
        ("ежемесечно", Recurrence(1)),
        ("месечно", Recurrence(1)),
        ("ежегодно", Recurrence(12)),
        ("годишно", Recurrence(12)),
        ("ежеседмично", Recurrence(1, RecurrenceUnit.WEEK)),
        ("седмично", Recurrence(1, RecurrenceUnit.WEEK)),
        ("веднъж седмично", Recurrence(1, RecurrenceUnit.WEEK)),
        ("ежедневно", Recurrence(1, RecurrenceUnit.DAY)),
        ("на всеки шест месеца", Recurrence(6)),
        ("на всеки 6 месеца", Recurrence(6)),
        ("на шест месеца", Recurrence(6)),
        ("на всеки две години", Recurrence(24)),
        ("на всеки дванадесет месеца", Recurrence(12)),
        ("на всеки 2 седмици", Recurrence(2, RecurrenceUnit.WEEK)),
        ("ежегодно, декември", Recurrence(12, anchor_month=12)),
        ("ежегодно до 31 март", Recurrence(12, anchor_month=3, anchor_day=31)),
        ("всяко тримесечие", Recurrence(3)),
        ("всяка година", Recurrence(12)),
        ("на полугодие", Recurrence(6)),
    ],
)
def test_recurring_forms(text: str, recurrence: Recurrence) -> None:
    """Adverbs of frequency and "на всеки N ..." read as a recurrence."""
    assert terms(text) == (DeadlineTerm(K.RECURRING, text, recurrence=recurrence),)


@pytest.mark.parametrize("text", ["на всеки 0 месеца", "ежегодно до 31 февруари"])
def test_impossible_recurrences_give_no_term(text: str) -> None:
    """A zero interval or an anchor day that does not exist is no term."""
    assert terms(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "при актуализация",
        "При актуализация",
        "по план",
        "при необходимост",
        "при промяна в нормативната уредба",
        "при промяна на закона и правилника",
        "след одобрение на бюджета",
    ],
)
def test_event_forms(text: str) -> None:
    """Words that wait for an event read as that event, as written."""
    assert terms(text) == (event(text),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 March 2022", date("14 March 2022", dt.date(2022, 3, 14))),
        ("March 14, 2022", date("March 14, 2022", dt.date(2022, 3, 14))),
        ("14th of March 2022", date("14th of March 2022", dt.date(2022, 3, 14))),
        ("2022-03-14", date("2022-03-14", dt.date(2022, 3, 14))),
        ("March 2023", month("March 2023", 3, 2023)),
        ("Sept. 2023", month("Sept. 2023", 9, 2023)),
        ("second quarter of 2023",
         DeadlineTerm(K.QUARTER, "second quarter of 2023", 2023, quarter=2)),
        ("2nd quarter 2023", DeadlineTerm(K.QUARTER, "2nd quarter 2023", 2023, quarter=2)),
        ("H2 2023", DeadlineTerm(K.HALF_YEAR, "H2 2023", 2023, half=2)),
        ("first half of 2023", DeadlineTerm(K.HALF_YEAR, "first half of 2023", 2023, half=1)),
        ("end of 2017", DeadlineTerm(K.YEAR, "end of 2017", 2017)),
        ("by the end of 2017", DeadlineTerm(K.YEAR, "by the end of 2017", 2017)),
        ("by 2024", DeadlineTerm(K.YEAR, "by 2024", 2024)),
        ("ongoing", continuous("ongoing")),
        ("continuous", continuous("continuous")),
        ("permanent", continuous("permanent")),
        ("quarterly", every("quarterly", 3)),
        ("monthly", every("monthly", 1)),
        ("annually, December", every("annually, December", 12, anchor=12)),
        ("every six months", every("every six months", 6)),
        ("every two years", every("every two years", 24)),
        ("weekly",
         DeadlineTerm(K.RECURRING, "weekly", recurrence=Recurrence(1, RecurrenceUnit.WEEK))),
        ("on update", event("on update")),
        ("as planned", event("as planned")),
        ("when needed", event("when needed")),
    ],
)  # fmt: skip
@pytest.mark.parametrize("locale", ["en", "bg"])
def test_english_forms(text: str, expected: DeadlineTerm, locale: str) -> None:
    """English forms read the same whichever locale comes first."""
    assert terms(text, locale) == (expected,)


@pytest.mark.parametrize("text", ["постоянен", "м. март", "на всеки шест месеца", "по план"])
def test_bulgarian_words_are_read_in_the_english_locale(text: str) -> None:
    """The other language's words are read too."""
    assert terms(text, "en") == terms(text, "bg")


@pytest.mark.parametrize(
    ("text", "period", "expected"),
    [
        ("м. март", LOVECH, month("м. март", 3, 2022)),
        ("м. март", Period(dt.date(2017, 9, 1), dt.date(2018, 12, 31)), month("м. март", 3, 2018)),
        ("декември", Period(dt.date(2017, 9, 1), dt.date(2018, 12, 31)),
         month("декември", 12, 2017)),
        ("м. март", Period(dt.date(2017, 9, 1), dt.date(2017, 12, 31)), month("м. март", 3, 2017)),
        ("1 септември", Period(dt.date(2017, 9, 15), dt.date(2018, 12, 31)),
         date("1 септември", dt.date(2018, 9, 1))),
        ("29 февруари", LOVECH, date("29 февруари", dt.date(2024, 2, 29))),
        ("второ тримесечие", PAZARDZHIK,
         DeadlineTerm(K.QUARTER, "второ тримесечие", 2017, quarter=2)),
        ("първо полугодие", Period(dt.date(2017, 9, 1), dt.date(2018, 12, 31)),
         DeadlineTerm(K.HALF_YEAR, "първо полугодие", 2018, half=1)),
    ],
)  # fmt: skip
def test_missing_year_comes_from_the_period(
    text: str, period: Period, expected: DeadlineTerm
) -> None:
    """The first matching day, month, quarter or half due within the period gives the year."""
    assert terms(text, period=period) == (attrs.evolve(expected, year_from_context=True),)


def test_a_day_missing_from_every_year_of_the_period_keeps_no_year() -> None:
    """29 February in a period without a leap year keeps year None."""
    expected = DeadlineTerm(K.DATE, "29 февруари", None, 2, 29)
    assert terms("29 февруари", period=Period.years(2022, 2023)) == (expected,)


def test_a_written_year_is_not_from_context() -> None:
    """A year the text gives is kept, even outside the period."""
    assert terms("март 2030", period=LOVECH) == (month("март 2030", 3, 2030),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u00a0м.\u00a0март\u00a0", (month("м.\u00a0март", 3),)),
        ("м.\nмарт", (month("м.\nмарт", 3),)),
        ("1\tсептември\t2017", (date("1\tсептември\t2017", dt.date(2017, 9, 1)),)),
        ("2017 год.", (DeadlineTerm(K.YEAR, "2017 год.", 2017),)),
        ("Постоянен — ежегодно", (continuous("Постоянен"), every("ежегодно", 12))),
        ("Постоянен - ежегодно", (continuous("Постоянен"), every("ежегодно", 12))),
        ("Постоянен.", (continuous("Постоянен"),)),
        ("14.3.2022.", (date("14.3.2022", dt.date(2022, 3, 14)),)),
    ],
)
def test_whitespace_dashes_and_dots_do_not_matter(
    text: str, expected: tuple[DeadlineTerm, ...]
) -> None:
    """Non-breaking spaces, tabs, newlines, any dash and trailing dots read the same."""
    assert terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 март 2018, по план", (date("1 март 2018", dt.date(2018, 3, 1)), event("по план"))),
        ("м. март и м. септември", (month("м. март", 3), month("м. септември", 9))),
        ("Постоянен; тримесечно", (continuous("Постоянен"), every("тримесечно", 3))),
        ("2017 г. Постоянен", (DeadlineTerm(K.YEAR, "2017 г.", 2017), continuous("Постоянен"))),
    ],
)
def test_more_combinations_read_in_order(text: str, expected: tuple[DeadlineTerm, ...]) -> None:
    """Terms joined by a comma, "и", a semicolon or a full stop are read in order."""
    assert terms(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "До 5 изнесени приемни", "N/A", "—", "(съкратена)"])
def test_unreadable_text_is_a_text_deadline(text: str) -> None:
    """Text with nothing to read has no terms."""
    assert parse_deadline(text).kind is K.TEXT


def test_very_long_text_is_kept_but_not_read() -> None:
    """A text longer than any plan cell (over 1,000 characters) is kept as TEXT."""
    text = "постоянен " * 101
    deadline = parse_deadline(text)
    assert (deadline.text, deadline.terms) == (text, ())


@pytest.mark.parametrize("locale", ["de", "", "BG", "bg_BG"])
def test_unknown_locale_raises(locale: str) -> None:
    """An unknown locale is a programming error: ValueError."""
    with pytest.raises(ValueError, match="unknown locale"):
        parse_deadline("м. март", locale)


@given(st.text(), st.sampled_from(["bg", "en"]))
def test_any_text_is_read_without_error(text: str, locale: str) -> None:
    """Any text parses without raising, keeps its words, and every term is a fragment of it."""
    deadline = parse_deadline(text, locale, period=LOVECH)
    assert deadline.text == text
    assert all(term.text in text for term in deadline.terms)
    assert deadline.due is None or isinstance(deadline.due, dt.date)


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_any_date_written_d_m_yyyy_reads_back(day: dt.date) -> None:
    """Any date with a four-digit year, written d.m.yyyy, reads as that day."""
    deadline = parse_deadline(f"{day.day}.{day.month}.{day.year}")
    assert deadline.kind is K.DATE
    assert deadline.due == day

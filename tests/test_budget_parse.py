"""Tests of parse_budget and of the money conversion it relies on."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore.budget import Budget, BudgetKind, FundingShare, Quantity
from capcore.budget_parse import parse_budget
from capcore.money import BGN_PER_EUR, Currency, Money


def bgn(amount: str) -> Money:
    return Money(Decimal(amount), Currency.BGN)


def eur(amount: str) -> Money:
    return Money(Decimal(amount), Currency.EUR)


EU_FUNDS = FundingShare("фондовете на Европейски съюз")

# Every БЮДЖЕТ cell of seed 001 (Pazardzhik), copied exactly, in order.
SEED_001 = [
    Budget("Неприложимо", not_applicable=True),
    Budget("3500 лева", amount=bgn("3500")),
    Budget("N/A", not_applicable=True),
    Budget("N/A", not_applicable=True),
    Budget(
        "Минимум 10% увеличение на средствата за персонал през 2018 година",
        at_least=True,
        percent=Decimal(10),
    ),
    Budget("300 лева", amount=bgn("300")),
    Budget(
        "Според утвърдения бюджет, но не по-малко от 5000 лева годишно",
        amount=bgn("5000"),
        at_least=True,
        per_year=True,
        within_annual_budget=True,
    ),
    Budget(
        "Според годишния бюджет, но не по-малко от 7000 лева годишно.",
        amount=bgn("7000"),
        at_least=True,
        per_year=True,
        within_annual_budget=True,
    ),
    Budget(
        "Според възможностите на бюджета, но не по-малко от 3000 лева и 30 човекодни"
        " в дейности по инициативи за социална отговорност",
        amount=bgn("3000"),
        at_least=True,
        within_annual_budget=True,
        person_days=Decimal(30),
    ),
    Budget(
        "В рамките на годишния бюджет, но не по-малко от 3000 лева годишно."
        " Използване на проекти, финансирани от фондовете на Европейски съюз",
        amount=bgn("3000"),
        at_least=True,
        per_year=True,
        within_annual_budget=True,
        funding=[EU_FUNDS],
    ),
    Budget(
        "Според възможностите на бюджета, но не по-малко от 12 приемни годишно - 60 човекодни",
        at_least=True,
        per_year=True,
        within_annual_budget=True,
        person_days=Decimal(60),
        quantities=[Quantity(Decimal(12), "приемни")],
    ),
    Budget(
        "В рамките на годишния бюджет, но не по-малко от 5000 лева годишно."
        " Използване на проекти, финансирани от фондовете на Европейски съюз",
        amount=bgn("5000"),
        at_least=True,
        per_year=True,
        within_annual_budget=True,
        funding=[EU_FUNDS],
    ),
]

SEED_001_KINDS = [
    BudgetKind.NOT_APPLICABLE,
    BudgetKind.AMOUNT,
    BudgetKind.NOT_APPLICABLE,
    BudgetKind.NOT_APPLICABLE,
    BudgetKind.OTHER_RESOURCES,
    BudgetKind.AMOUNT,
    BudgetKind.AMOUNT,
    BudgetKind.AMOUNT,
    BudgetKind.AMOUNT,
    BudgetKind.AMOUNT,
    BudgetKind.WITHIN_ANNUAL_BUDGET,
    BudgetKind.AMOUNT,
]

SEED_004_TOTAL = "Общата му стойност е в размер на 4 610 921,68 лв."
SEED_004_SHARES = (
    "Безвъзмездната финансова помощ се предоставя в следното съотношение: 85% от Европейския"
    " социален фонд и 15% национално съфинансиране, което е 3 919 283, 43 лв. европейско и"
    " 691 638, 25 лв. национално съфинансиране."
)
SEED_004_FUNDING = (
    FundingShare("Европейския социален фонд", Decimal(85), bgn("3919283.43")),
    FundingShare("национално съфинансиране", Decimal(15), bgn("691638.25")),
)


@pytest.mark.parametrize("expected", SEED_001, ids=range(1, 13))
def test_seed_001_budgets(expected: Budget) -> None:
    """Every budget cell of the Pazardzhik plan reads as expected."""
    assert parse_budget(expected.text) == expected


@pytest.mark.parametrize(("expected", "kind"), list(zip(SEED_001, SEED_001_KINDS, strict=True)))
def test_seed_001_kinds(expected: Budget, kind: BudgetKind) -> None:
    """Every budget cell of the Pazardzhik plan has the expected kind."""
    assert parse_budget(expected.text).kind is kind


def test_seed_004_total() -> None:
    """The project's total value reads as an exact amount in leva."""
    budget = parse_budget(SEED_004_TOTAL)
    assert budget == Budget(SEED_004_TOTAL, amount=bgn("4610921.68"))
    assert budget.kind is BudgetKind.AMOUNT


def test_seed_004_shares_with_amounts() -> None:
    """The 85%/15% sentence pairs each share with its amount; the amount is their sum."""
    budget = parse_budget(SEED_004_SHARES)
    assert budget == Budget(SEED_004_SHARES, amount=bgn("4610921.68"), funding=SEED_004_FUNDING)
    assert budget.kind is BudgetKind.AMOUNT


def test_seed_004_total_and_shares_together() -> None:
    """With the total written first, the total is the amount and the shares keep theirs."""
    text = f"{SEED_004_TOTAL}\n\n{SEED_004_SHARES}"
    budget = parse_budget(text)
    assert budget.amount == bgn("4610921.68")
    assert budget.funding == SEED_004_FUNDING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3500 лева", bgn("3500")),
        ("300 лева", bgn("300")),
        ("3500 лв.", bgn("3500")),
        ("3500 лв", bgn("3500")),
        ("3 500 лв", bgn("3500")),
        ("3\u00a0500 лв.", bgn("3500")),
        ("4 610 921,68 лв.", bgn("4610921.68")),
        ("3 919 283, 43 лв.", bgn("3919283.43")),
        ("1.500,50 лв", bgn("1500.50")),
        ("1,500.50 BGN", bgn("1500.50")),
        ("12,5 лв.", bgn("12.5")),
        ("BGN 3500", bgn("3500")),
        ("3500 BGN", bgn("3500")),
        ("5 хил. лв.", bgn("5000")),
        ("2000 EUR", eur("2000")),
        ("2000 евро", eur("2000")),
        ("€2000", eur("2000")),
        ("2 000 €", eur("2000")),
    ],
)
def test_amount_forms(text: str, expected: Money) -> None:
    """Amounts read exactly, in the currency written."""
    assert parse_budget(text).amount == expected


@pytest.mark.parametrize("text", ["3500", "12 приемни", "през 2018 година"])
def test_number_without_currency_is_not_money(text: str) -> None:
    """A number with no currency word is not an amount."""
    assert parse_budget(text).amount is None


@pytest.mark.parametrize(
    "text",
    [
        "не по-малко от 5000 лева",
        "минимум 5000 лева",
        "поне 5000 лева",
        "най-малко 5000 лева",
        "at least 5000 BGN",
        "minimum 5000 BGN",
    ],
)
def test_at_least_words(text: str) -> None:
    """Floor words set at_least."""
    assert parse_budget(text).at_least


@pytest.mark.parametrize(
    "text",
    [
        "5000 лева годишно",
        "5000 лева на година",
        "BGN 5000 per year",
        "€5000 annually",
        "€5000 a year",
    ],
)
def test_per_year_words(text: str) -> None:
    """Yearly words set per_year."""
    assert parse_budget(text).per_year


def test_annual_budget_is_not_per_year() -> None:
    """``годишния бюджет`` names the annual budget, not a yearly amount."""
    assert not parse_budget("В рамките на годишния бюджет").per_year


@pytest.mark.parametrize(
    "text",
    [
        "N/A",
        "n/a",
        "Неприложимо",
        "неприложимо",
        "не е приложимо",
        "Не се изисква",
        "без разходи",
        "-",
        "—",
        "not applicable",
        "none",
        "None",
    ],
)
def test_not_applicable_words(text: str) -> None:
    """Not-applicable words give kind NOT_APPLICABLE."""
    budget = parse_budget(text)
    assert budget.not_applicable
    assert budget.kind is BudgetKind.NOT_APPLICABLE


def test_dash_inside_text_is_not_not_applicable() -> None:
    """A dash is a not-applicable mark only when it is the whole cell."""
    assert not parse_budget("12 приемни годишно - 60 човекодни").not_applicable


@pytest.mark.parametrize(
    "text",
    [
        "В рамките на годишния бюджет",
        "Според годишния бюджет",
        "Според утвърдения бюджет",
        "Според възможностите на бюджета",
        "в рамките на бюджета",
        "within the annual budget",
        "Within the annual budget",
    ],
)
def test_within_annual_budget_words(text: str) -> None:
    """Annual-budget phrases give kind WITHIN_ANNUAL_BUDGET."""
    budget = parse_budget(text)
    assert budget.within_annual_budget
    assert budget.kind is BudgetKind.WITHIN_ANNUAL_BUDGET


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("60 човекодни", Decimal(60)),
        ("30 човеко-дни", Decimal(30)),
        ("60 човеко дни", Decimal(60)),
        ("1 човекоден", Decimal(1)),
        ("20 person-days", Decimal(20)),
        ("20 person days", Decimal(20)),
    ],
)
def test_person_days(text: str, days: Decimal) -> None:
    """Person-days read as effort, kind OTHER_RESOURCES, not as a quantity."""
    budget = parse_budget(text)
    assert (budget.person_days, budget.quantities) == (days, ())
    assert budget.kind is BudgetKind.OTHER_RESOURCES


def test_quantity_with_per_year() -> None:
    """A counted thing becomes a quantity, with per_year from ``годишно``."""
    budget = parse_budget("12 приемни годишно")
    assert budget == Budget(
        "12 приемни годишно", per_year=True, quantities=[Quantity(Decimal(12), "приемни")]
    )
    assert budget.kind is BudgetKind.OTHER_RESOURCES


@pytest.mark.parametrize(
    ("text", "funding"),
    [
        (
            "85% от Европейския социален фонд и 15% национално съфинансиране",
            [
                FundingShare("Европейския социален фонд", Decimal(85)),
                FundingShare("национално съфинансиране", Decimal(15)),
            ],
        ),
        (
            "85 % ЕСФ / 15 % национално съфинансиране",
            [
                FundingShare("ЕСФ", Decimal(85)),
                FundingShare("национално съфинансиране", Decimal(15)),
            ],
        ),
        (
            "85% from the European Social Fund and 15% national co-financing",
            [
                FundingShare("European Social Fund", Decimal(85)),
                FundingShare("national co-financing", Decimal(15)),
            ],
        ),
        (
            "Използване на проекти, финансирани от фондовете на Европейски съюз",
            [EU_FUNDS],
        ),
        ("Projects financed by EU funds", [FundingShare("EU funds")]),
    ],
)
def test_funding_shares(text: str, funding: list[FundingShare]) -> None:
    """Funding sources are read with their shares; the shares are not a percent."""
    budget = parse_budget(text)
    assert budget.funding == tuple(funding)
    assert budget.percent is None


def test_percent_that_is_not_funding() -> None:
    """A lone percentage of something that is not money is a percent, not funding."""
    budget = parse_budget("at least 10% more staff")
    assert (budget.percent, budget.at_least, budget.funding) == (Decimal(10), True, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("N/A", Budget("N/A", not_applicable=True)),
        ("not applicable", Budget("not applicable", not_applicable=True)),
        (
            "within the annual budget, but at least 3000 BGN a year",
            Budget(
                "within the annual budget, but at least 3000 BGN a year",
                amount=bgn("3000"),
                at_least=True,
                per_year=True,
                within_annual_budget=True,
            ),
        ),
        (
            "minimum 2000 EUR annually",
            Budget("minimum 2000 EUR annually", amount=eur("2000"), at_least=True, per_year=True),
        ),
        (
            "12 receptions per year - 60 person-days",
            Budget(
                "12 receptions per year - 60 person-days",
                per_year=True,
                person_days=Decimal(60),
                quantities=[Quantity(Decimal(12), "receptions")],
            ),
        ),
    ],
)
def test_english_forms(text: str, expected: Budget) -> None:
    """English budgets read like their Bulgarian counterparts."""
    assert parse_budget(text, locale="en") == expected


@pytest.mark.parametrize("locale", ["bg", "en"])
def test_both_languages_whatever_the_locale(locale: str) -> None:
    """Both locales read both Bulgarian and English words."""
    budget = parse_budget("не по-малко от 3000 лева per year", locale=locale)
    assert (budget.amount, budget.at_least, budget.per_year) == (bgn("3000"), True, True)


def test_unknown_locale_is_an_error() -> None:
    """An unknown locale is a programming error."""
    with pytest.raises(ValueError, match="locale"):
        parse_budget("3500 лева", locale="de")


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text(text: str) -> None:
    """Empty or blank text gives kind EMPTY and keeps the text."""
    budget = parse_budget(text)
    assert budget == Budget(text)
    assert budget.kind is BudgetKind.EMPTY


@pytest.mark.parametrize("text", ["Ще се уточни", "to be decided", "3500"])
def test_unreadable_text(text: str) -> None:
    """Text with nothing readable gives kind TEXT with every field at its default."""
    budget = parse_budget(text)
    assert budget == Budget(text)
    assert budget.kind is BudgetKind.TEXT


def test_100_leva_in_euro() -> None:
    """100 лв is 51.13 EUR."""
    assert Money(Decimal(100)).in_eur() == Money(Decimal("51.13"), Currency.EUR)


@given(st.decimals(min_value=0, max_value=10**12, places=2))
def test_in_eur_rounds_half_up_to_cents(amount: Decimal) -> None:
    """in_eur is amount / 1.95583 rounded half-up to cents (exact arithmetic check)."""
    cents = Fraction(amount) * 100 / Fraction(BGN_PER_EUR)
    expected = Decimal(int(cents + Fraction(1, 2))) / 100
    assert Money(amount).in_eur() == Money(expected, Currency.EUR)


BUDGET_WORDS = st.sampled_from(
    [
        "лв.", "лева", "€", "BGN", "евро", "%", " ", ",", ".", "-", "/", "и", "N/A", "годишно",
        "не по-малко от", "човекодни", "финансирани от", "фонд", "бюджет", "3 500", "1.500,50",
        "12", "85", ", 43", "хил.",
    ]
)  # fmt: skip


@given(st.text() | st.lists(BUDGET_WORDS | st.text(max_size=3)).map("".join))
def test_never_raises_and_keeps_text(text: str) -> None:
    """Any text parses without error and is kept exactly."""
    assert parse_budget(text).text == text


@given(st.decimals(min_value=0, max_value=10**15, places=2))
def test_any_amount_in_leva(amount: Decimal) -> None:
    """Any non-negative amount with two decimals reads back exactly in leva."""
    assert parse_budget(f"{amount} лв.").amount == Money(amount, Currency.BGN)


@pytest.mark.parametrize(
    "text",
    [
        "85 % ЕСФ / 15 % национално съфинансиране",
        "Използване на проекти, финансирани от фондовете на Европейски съюз",
    ],
)
def test_funding_sources_alone_give_kind_funding(text: str) -> None:
    """A budget naming only its sources of money is FUNDING, not unread TEXT."""
    budget = parse_budget(text)
    assert budget.funding
    assert budget.kind is BudgetKind.FUNDING

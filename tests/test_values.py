"""The model's values: deadline windows, periods, money, indicators."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore import (
    Currency,
    Deadline,
    DeadlineKind,
    DeadlineTerm,
    Indicator,
    IndicatorValue,
    Money,
    Period,
    ProgressUpdate,
    Recurrence,
    Status,
    latest_update,
)


@pytest.mark.parametrize(
    ("term", "start", "end"),
    [
        (
            DeadlineTerm(DeadlineKind.DATE, year=2022, month=3, day=14),
            dt.date(2022, 3, 14),
            dt.date(2022, 3, 14),
        ),
        (
            DeadlineTerm(DeadlineKind.MONTH, year=2024, month=2),
            dt.date(2024, 2, 1),
            dt.date(2024, 2, 29),
        ),
        (
            DeadlineTerm(DeadlineKind.QUARTER, year=2023, quarter=2),
            dt.date(2023, 4, 1),
            dt.date(2023, 6, 30),
        ),
        (
            DeadlineTerm(DeadlineKind.HALF_YEAR, year=2023, half=2),
            dt.date(2023, 7, 1),
            dt.date(2023, 12, 31),
        ),
        (DeadlineTerm(DeadlineKind.YEAR, year=2017), dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
    ],
    ids=["date", "leap-february", "quarter", "half-year", "year"],
)
def test_dated_terms_have_windows(term: DeadlineTerm, start: dt.date, end: dt.date) -> None:
    """Each dated kind spans the right days."""
    assert (term.start, term.end) == (start, end)


@pytest.mark.parametrize(
    "term",
    [
        DeadlineTerm(DeadlineKind.MONTH, month=3),
        DeadlineTerm(DeadlineKind.CONTINUOUS),
        DeadlineTerm(DeadlineKind.RECURRING, recurrence=Recurrence(3)),
        DeadlineTerm(DeadlineKind.EVENT, event="при актуализация"),
    ],
    ids=["month-without-year", "continuous", "recurring", "event"],
)
def test_undated_terms_have_no_window(term: DeadlineTerm) -> None:
    """Terms without a year, and continuous, recurring or event terms, have no dates."""
    assert (term.start, term.end) == (None, None)


def test_combined_deadline_is_due_at_its_earliest_end() -> None:
    """A deadline of several terms is COMBINED and due at the earliest dated end."""
    deadline = Deadline(
        "x",
        (
            DeadlineTerm(DeadlineKind.CONTINUOUS),
            DeadlineTerm(DeadlineKind.YEAR, year=2018),
            DeadlineTerm(DeadlineKind.DATE, year=2017, month=12, day=1),
        ),
    )
    assert deadline.kind is DeadlineKind.COMBINED
    assert deadline.due == dt.date(2017, 12, 1)
    assert deadline.is_continuous


def test_text_deadline_keeps_the_words() -> None:
    """A deadline with no terms is TEXT and prints as written."""
    deadline = Deadline("когато стане")
    assert deadline.kind is DeadlineKind.TEXT
    assert deadline.due is None
    assert str(deadline) == "когато стане"


@given(st.dates())
def test_deadline_on_a_date_is_due_that_day(day: dt.date) -> None:
    """Deadline.on(d) is due on d and written d.m.yyyy."""
    deadline = Deadline.on(day)
    assert deadline.due == day
    assert deadline.text == f"{day.day}.{day.month}.{day.year}"


def test_recurrence_rejects_a_zero_interval() -> None:
    """A recurrence of every 0 months cannot be made."""
    with pytest.raises(ValueError, match="interval"):
        Recurrence(0)


def test_period_contains_its_days() -> None:
    """Both ends of a period are inside it."""
    period = Period.years(2022, 2024)
    assert dt.date(2022, 1, 1) in period
    assert dt.date(2024, 12, 31) in period
    assert dt.date(2025, 1, 1) not in period


@pytest.mark.parametrize(
    ("leva", "euro"),
    [("100", "51.13"), ("3500", "1789.52"), ("1.95583", "1.00"), ("0.01", "0.01")],
)
def test_leva_convert_to_euro_at_the_fixed_rate(leva: str, euro: str) -> None:
    """BGN to EUR divides by 1.95583 and rounds half-up to cents."""
    assert Money(Decimal(leva)).in_eur() == Money(Decimal(euro), Currency.EUR)


def test_euro_convert_back_to_leva() -> None:
    """EUR to BGN multiplies by the rate, rounded to stotinki."""
    assert Money(Decimal("51.13"), Currency.EUR).in_bgn() == Money(Decimal("100.00"))


def test_indicator_latest_value_as_of_a_date() -> None:
    """The latest value on or before the date counts; later ones are ignored."""
    indicator = Indicator(
        "обучени",
        values=[
            IndicatorValue(dt.date(2022, 6, 30), Decimal(100)),
            IndicatorValue(dt.date(2022, 12, 31), Decimal(300)),
        ],
    )
    latest = indicator.latest(dt.date(2022, 9, 1))
    assert latest is not None
    assert latest.value == Decimal(100)
    assert indicator.latest(dt.date(2022, 1, 1)) is None


@pytest.mark.parametrize(
    "fields",
    [
        {"year": 2023, "month": 2, "day": 29},
        {"month": 4, "day": 31},
        {"month": 13},
        {"quarter": 5},
        {"half": 0},
        {"year": 0},
    ],
    ids=["29-feb-2023", "31-april", "month-13", "quarter-5", "half-0", "year-0"],
)
def test_impossible_terms_cannot_be_made(fields: dict[str, int]) -> None:
    """A term naming a day, month, quarter or half that does not exist is refused."""
    with pytest.raises(ValueError):
        DeadlineTerm(DeadlineKind.DATE, **fields)  # type: ignore[arg-type]


def test_leap_day_without_a_year_is_allowed() -> None:
    """29 February without a year may still be a real day."""
    assert DeadlineTerm(DeadlineKind.DATE, month=2, day=29).day == 29


def test_recurrence_refuses_31_february() -> None:
    """A yearly recurrence anchored on 31 February cannot be made."""
    with pytest.raises(ValueError, match="does not exist"):
        Recurrence(12, anchor_month=2, anchor_day=31)


def test_latest_update_on_or_before_the_date_counts() -> None:
    """The latest update not after as_of counts; later ones are ignored; same day: last given."""
    updates = [
        ProgressUpdate(dt.date(2022, 6, 1), Status.IN_PROGRESS),
        ProgressUpdate(dt.date(2022, 9, 1), Status.DONE),
        ProgressUpdate(dt.date(2022, 6, 1), Status.DELAYED),
    ]
    assert latest_update(updates, dt.date(2022, 7, 1)) == updates[2]
    assert latest_update(updates, dt.date(2022, 9, 1)) == updates[1]
    assert latest_update(updates, dt.date(2022, 1, 1)) is None

"""Reading one cell: deadlines from date cells and text, marks, kinds, statuses, percents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from capcore import DeadlineKind, MeasureKind, Period, Status
from capcore.caf import CafRef
from capcore.tables._cell_values import (
    read_caf_refs,
    read_deadline,
    read_kind,
    read_mark,
    read_percent,
    read_status,
)

_DAY = dt.date(2022, 3, 14)


def test_date_cell_keeps_the_text_it_shows_when_it_reads_the_same() -> None:
    """``14.03.2022`` shown for 14 March 2022 is kept as written."""
    deadline = read_deadline("14.03.2022", _DAY, "bg", None)
    assert deadline is not None
    assert (deadline.text, deadline.due) == ("14.03.2022", _DAY)


def test_date_cell_with_other_text_is_written_as_plans_write_dates() -> None:
    """A serial number or an empty text gives ``14.3.2022``: the date is what the cell holds."""
    for shown in ("44634", ""):
        deadline = read_deadline(shown, _DAY, "bg", None)
        assert deadline is not None
        assert (deadline.text, deadline.kind, deadline.due) == (
            "14.3.2022",
            DeadlineKind.DATE,
            _DAY,
        )


def test_text_deadline_is_read_with_the_period() -> None:
    """Text is parsed with the plan period; an empty cell has no deadline."""
    deadline = read_deadline("м. март", None, "bg", Period.years(2023, 2024))
    assert deadline is not None
    assert deadline.due == dt.date(2023, 3, 31)
    assert read_deadline("", None, "bg", None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("да", True), (" X ", True), ("х", True), ("✓", True), ("Yes", True), ("не", False),
     ("–", False), ("1.2", None), ("бърза победа", None)],
)  # fmt: skip
def test_read_mark(text: str, expected: bool | None) -> None:
    """Yes and no marks, any case; anything else is not a mark."""
    assert read_mark(text) is expected


def test_read_kind_and_status() -> None:
    """Kind and status words in either language; unknown words give None."""
    assert read_kind("Бърза победа") is MeasureKind.QUICK_WIN
    assert read_kind("Strategic") is MeasureKind.STRATEGIC
    assert read_kind("важна") is None
    assert read_status("В процес на изпълнение") is Status.IN_PROGRESS
    assert read_status("Completed") is Status.DONE
    assert read_status("някак") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("75", Decimal(75)), ("75 %", Decimal(75)), ("37,5%", Decimal("37.5")), ("100%", Decimal(100)),
     ("101", None), ("половина", None), ("-5", None)],
)  # fmt: skip
def test_read_percent(text: str, expected: Decimal | None) -> None:
    """Percents from 0 to 100, with a comma or a point; anything else is None."""
    assert read_percent(text) == expected


def test_read_caf_refs() -> None:
    """CAF references are read; other text is None, for the caller to keep."""
    assert read_caf_refs("1.2, 2.3") == (CafRef(1, 2), CafRef(2, 3))
    assert read_caf_refs("виж приложение") is None

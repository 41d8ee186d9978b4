"""Reading the value of one cell: deadlines, CAF references, marks, kinds, statuses, percents.

Each function returns None when the text does not say what it reads, so the
caller keeps the text and reports it instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal

from capcore.caf import CafRef, CafRefError, parse_caf_refs
from capcore.deadline import Deadline, DeadlineKind
from capcore.deadline_parse import parse_deadline
from capcore.model import MeasureKind, Period
from capcore.progress_update import Status
from capcore.tables.matching import match_kind, match_status
from capcore.tables.synonyms import NO_MARKS, YES_MARKS

__all__ = [
    "read_caf_refs",
    "read_deadline",
    "read_kind",
    "read_mark",
    "read_percent",
    "read_status",
]

_PARSED_TEXTS = 4096
"""How many distinct deadline texts one process remembers: plans repeat their dates."""

_PERCENT = re.compile(r"(?P<value>\d{1,3}(?:[.,]\d+)?)\s*%?")


def read_deadline(
    text: str, day: dt.date | None, locale: str, period: Period | None
) -> Deadline | None:
    """Return the deadline of a cell: its date (a date cell) or its words; None if empty.

    A date cell keeps the words it shows when they read as that same date
    (``14.03.2022``); otherwise it is written ``d.m.yyyy``, as plans write dates.
    """
    if day is not None:
        if text:
            shown = _parse(text, locale, period)
            terms = shown.terms
            if (
                len(terms) == 1
                and terms[0].kind is DeadlineKind.DATE
                and (terms[0].year, terms[0].month, terms[0].day) == (day.year, day.month, day.day)
            ):
                return shown
        return Deadline.on(day)
    if not text:
        return None
    return _parse(text, locale, period)


@functools.lru_cache(maxsize=_PARSED_TEXTS)
def _parse(text: str, locale: str, period: Period | None) -> Deadline:
    # A Deadline is a frozen value, so one parse can serve every cell with the same words.
    return parse_deadline(text, locale, period=period)


def read_caf_refs(text: str) -> tuple[CafRef, ...] | None:
    """Return the CAF references of a cell, or None when it holds something else."""
    try:
        return parse_caf_refs(text)
    except CafRefError:
        return None


def read_mark(text: str) -> bool | None:
    """Return True for a yes mark (``да``, ``x``, ``✓``), False for a no mark, else None."""
    folded = text.strip().casefold()
    if folded in YES_MARKS:
        return True
    if folded in NO_MARKS:
        return False
    return None


def read_kind(text: str) -> MeasureKind | None:
    """Return the kind a cell names (``бърза победа``, ``strategic``), or None."""
    return match_kind(text)


def read_status(text: str) -> Status | None:
    """Return the status a cell names (``В изпълнение``, ``done``), or None."""
    return match_status(text)


def read_percent(text: str) -> Decimal | None:
    """Return the percent of ``75``, ``75 %`` or ``37,5%`` (0-100), or None."""
    match = _PERCENT.fullmatch(text.strip())
    if match is None:
        return None
    value = Decimal(match["value"].replace(",", "."))
    return value if value <= 100 else None

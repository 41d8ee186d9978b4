"""Deadlines (and start dates) as people write them in plans.

A plan's "Срок" cell holds far more than a date: ``14.3.2022``, ``м. март``,
``II тримесечие на 2023 г.``, ``постоянен``, ``ежегодно, декември``,
``при актуализация``, or several of these at once. A :class:`Deadline` keeps
the words exactly as written and adds their meaning as a tuple of
:class:`DeadlineTerm` values; the meaning never replaces the words. The same
type serves start dates, which plans write the same way.

:func:`capcore.parse_deadline` turns text into a :class:`Deadline`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterable
from typing import Any

import attrs

__all__ = [
    "Deadline",
    "DeadlineKind",
    "DeadlineTerm",
    "Recurrence",
    "RecurrenceUnit",
]


class DeadlineKind(enum.StrEnum):
    """What one term of a deadline means."""

    DATE = "date"
    """An exact day: ``14.3.2022``, ``1 септември 2017``, ``2022-03-14``."""
    MONTH = "month"
    """A whole month: ``м. март``, ``юни 2022``; due on its last day."""
    QUARTER = "quarter"
    """A quarter: ``II тримесечие на 2023 г.``; due on its last day."""
    HALF_YEAR = "half_year"
    """A half-year: ``второ полугодие``; due on its last day."""
    YEAR = "year"
    """A year or a year's end: ``до края на 2017``, ``2018 г.``."""
    CONTINUOUS = "continuous"
    """Ongoing for the whole plan: ``постоянен``, ``текущо``."""
    RECURRING = "recurring"
    """Repeats: ``тримесечно``, ``ежегодно, декември``, ``на всеки шест месеца``."""
    EVENT = "event"
    """Due when something happens: ``при актуализация``, ``по план``."""
    TEXT = "text"
    """Words that carry no date capcore can read; kept as written."""
    COMBINED = "combined"
    """Only as :attr:`Deadline.kind`: the text holds several terms."""


class RecurrenceUnit(enum.StrEnum):
    """The unit in which a recurrence interval is counted."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def _optional_range(low: int, high: int) -> Callable[[Any, Any, int | None], None]:
    return attrs.validators.optional([attrs.validators.ge(low), attrs.validators.le(high)])


@attrs.frozen
class Recurrence:
    """How often a recurring deadline repeats, and where it is anchored.

    Yearly is ``Recurrence(12, MONTH)``, quarterly ``Recurrence(3, MONTH)``,
    weekly ``Recurrence(1, WEEK)``.

    Attributes:
        interval: How many units between two occurrences (at least 1).
        unit: The unit of the interval.
        anchor_month: The month an occurrence falls in (``ежегодно, декември``
            gives 12), or None when the text names none.
        anchor_day: The day of the month, or None.
    """

    interval: int = attrs.field(validator=attrs.validators.ge(1))
    unit: RecurrenceUnit = RecurrenceUnit.MONTH
    anchor_month: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional([attrs.validators.ge(1), attrs.validators.le(12)]),
    )
    anchor_day: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional([attrs.validators.ge(1), attrs.validators.le(31)]),
    )

    def __attrs_post_init__(self) -> None:
        """Refuse an anchor day that no year has in the anchor month (31 February)."""
        if self.anchor_month and self.anchor_day:
            longest = calendar.monthrange(2000, self.anchor_month)[1]  # 2000 is a leap year
            if self.anchor_day > longest:
                raise ValueError(
                    f"anchor_day {self.anchor_day} does not exist in month {self.anchor_month}"
                )


# A term and a deadline are hashed as keys of the schedule's window cache
# on every window asked for; frozen, each keeps its hash once computed.
@attrs.frozen(cache_hash=True)
class DeadlineTerm:
    """One meaning found in a deadline's text.

    Only the fields that the kind uses are set: ``year``/``month``/``day`` for
    a date; ``year``/``month`` for a month; ``year``/``quarter``; ``year``/
    ``half``; ``year`` for a year; ``recurrence`` for a recurring term;
    ``event`` for an event-driven one. A term whose year the text did not
    give has ``year=None`` unless the parser was told the plan period, in
    which case ``year_from_context`` is True.

    Attributes:
        kind: What the term means.
        text: The part of the original text this term was read from.
        year: The calendar year, when known.
        month: The month (1-12), when the kind has one.
        day: The day of the month, for exact dates.
        quarter: The quarter (1-4), for quarters.
        half: The half-year (1-2), for half-years.
        recurrence: How the term repeats, for recurring terms.
        event: The event the term waits for, as written (``при актуализация``).
        label: A qualifier the text attaches to the term, such as the
            ``съкратена`` in ``на всеки шест месеца (съкратена)``.
        year_from_context: True when the year came from the plan period, not
            from the text.
    """

    kind: DeadlineKind
    text: str = ""
    year: int | None = attrs.field(default=None, validator=_optional_range(dt.MINYEAR, dt.MAXYEAR))
    month: int | None = attrs.field(default=None, validator=_optional_range(1, 12))
    day: int | None = attrs.field(default=None, validator=_optional_range(1, 31))
    quarter: int | None = attrs.field(default=None, validator=_optional_range(1, 4))
    half: int | None = attrs.field(default=None, validator=_optional_range(1, 2))
    recurrence: Recurrence | None = None
    event: str | None = None
    label: str | None = None
    year_from_context: bool = False

    def __attrs_post_init__(self) -> None:
        """Refuse a day that its month does not have (29.2.2023), so dates never fail later."""
        if self.month and self.day:
            year = self.year if self.year is not None else 2000  # unknown year: allow 29 February
            if self.day > calendar.monthrange(year, self.month)[1]:
                raise ValueError(f"day {self.day} does not exist in {self.month}/{year}")

    @property
    def start(self) -> dt.date | None:
        """The first day of the window this term names, or None if undated."""
        window = self._window()
        return window[0] if window else None

    @property
    def end(self) -> dt.date | None:
        """The last day of the window this term names: the due date, if dated."""
        window = self._window()
        return window[1] if window else None

    def _window(self) -> tuple[dt.date, dt.date] | None:
        # Only the period kinds with a known year are dated; recurring,
        # continuous, event and text terms are expanded by the timeline.
        if self.year is None:
            return None
        return _dated_window(self.kind, self.year, self.month, self.day, self.quarter, self.half)


# The schedule asks each term for its dates several times, and a plan names
# the same few dates over and over: the pure date arithmetic is cached.
@functools.lru_cache(maxsize=4096)
def _dated_window(  # noqa: PLR0913, PLR0917 - the fields of a term that date it
    kind: DeadlineKind,
    year: int,
    month: int | None,
    day: int | None,
    quarter: int | None,
    half: int | None,
) -> tuple[dt.date, dt.date] | None:
    if kind is DeadlineKind.DATE and month and day:
        date = dt.date(year, month, day)
        return date, date
    if kind is DeadlineKind.MONTH and month:
        return _months(year, month, month)
    if kind is DeadlineKind.QUARTER and quarter:
        first = 3 * quarter - 2
        return _months(year, first, first + 2)
    if kind is DeadlineKind.HALF_YEAR and half:
        first = 6 * half - 5
        return _months(year, first, first + 5)
    if kind is DeadlineKind.YEAR:
        return _months(year, 1, 12)
    return None


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _term_tuple(terms: Iterable[DeadlineTerm]) -> tuple[DeadlineTerm, ...]:
    return tuple(terms)


@attrs.frozen(cache_hash=True)
class Deadline:
    """A deadline or start as written in a plan, with the meaning read from it.

    Attributes:
        text: The words exactly as written; never changed by capcore.
        terms: What the words mean, in the order they were written. Empty when
            nothing could be read (a ``TEXT`` deadline).
    """

    text: str
    terms: tuple[DeadlineTerm, ...] = attrs.field(default=(), converter=_term_tuple)

    @classmethod
    def on(cls, day: dt.date, text: str | None = None) -> Deadline:
        """Return the deadline of an exact day, written ``d.m.yyyy`` unless told.

        Args:
            day: The day.
            text: The words to keep; by default the Bulgarian way of writing
                the date (``14.3.2022``).
        """
        written = text if text is not None else f"{day.day}.{day.month}.{day.year}"
        term = DeadlineTerm(
            DeadlineKind.DATE, text=written, year=day.year, month=day.month, day=day.day
        )
        return cls(written, (term,))

    @property
    def kind(self) -> DeadlineKind:
        """The kind of the single term; ``COMBINED`` for several; ``TEXT`` for none."""
        if not self.terms:
            return DeadlineKind.TEXT
        if len(self.terms) == 1:
            return self.terms[0].kind
        return DeadlineKind.COMBINED

    @property
    def due(self) -> dt.date | None:
        """The earliest dated end among the terms, or None when nothing is dated."""
        ends = [end for term in self.terms if (end := term.end) is not None]
        return min(ends) if ends else None

    @property
    def earliest(self) -> dt.date | None:
        """The earliest dated start among the terms (for start dates), or None."""
        starts = [start for term in self.terms if (start := term.start) is not None]
        return min(starts) if starts else None

    @property
    def is_continuous(self) -> bool:
        """True when any term says the work is ongoing."""
        return any(term.kind is DeadlineKind.CONTINUOUS for term in self.terms)

    @property
    def is_recurring(self) -> bool:
        """True when any term repeats."""
        return any(term.kind is DeadlineKind.RECURRING for term in self.terms)

    def __str__(self) -> str:
        """Return the words as written."""
        return self.text

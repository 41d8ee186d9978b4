"""How the seed plans write a plan's parts as text, for every writer.

The Word and Excel writers (and any plugin that lays a plan out in a
document) show the same things the same way: ``1.1. Title`` for a numbered
title, ``Област 1: `` before an area's title, ``за периода 2022-2024 г.``
under the plan's title, and the Pazardzhik project sheet's card: a heading
``МЯРКА 1 – QW`` and its sixteen label/value rows. This module is their one
home, so that a document written by one plugin and edited in another reads
the same.
"""

from __future__ import annotations

from typing import Final

from capcore.labels import format_date, label
from capcore.model import Activity, Area, Measure, Period

__all__ = [
    "CARD_FIELDS",
    "OPTIONAL_CARD_FIELDS",
    "QUICK_WIN_SUFFIX",
    "area_heading",
    "area_text",
    "card_heading",
    "field_text",
    "number_prefix",
    "numbered",
    "period_line",
]

QUICK_WIN_SUFFIX: Final = " – QW"
"""What a quick win's card heading ends with, as the Pazardzhik plan writes it."""

CARD_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("title", "card_action"),
    ("roles.sponsor", "sponsor"),
    ("roles.leader", "leader"),
    ("roles.team", "team"),
    ("roles.contact", "contact"),
    ("scope", "scope"),
    ("stakeholders", "stakeholders"),
    ("strengths", "strengths"),
    ("improvement_areas", "improvement_areas"),
    ("options", "options"),
    ("constraints", "constraints"),
    ("human_resources", "human_resources"),
    ("budget", "budget"),
    ("expected_result", "card_result"),
    ("start", "card_start"),
    ("deadline", "card_deadline"),
)
"""The rows every card has, as (measure field path, label key), in the Pazardzhik form's order.

They are always shown, empty or not, as on the form people fill in.
"""

OPTIONAL_CARD_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("caf_refs", "caf_refs"),
    ("responsible", "responsible"),
    ("supporting", "supporting"),
    ("note", "note"),
)
"""The rows a card has only when the measure fills them, as (field path, label key)."""


def number_prefix(number: str) -> str:
    """Return how a number is written before a title: ``1.1. `` (the house style adds the dot).

    Args:
        number: The number as the plan holds it (``1.1`` or ``1.1.``); may be empty.

    Returns:
        The prefix with its trailing space, or an empty string for no number.
    """
    if not number:
        return ""
    return f"{number} " if number.endswith(".") else f"{number}. "


def numbered(number: str, title: str) -> str:
    """Return a title with its number in front, as the seed plans write it (``1.1. Title``).

    Args:
        number: The number; may be empty, then the title stands alone.
        title: The title; may be empty, then the number stands alone (``1.1.``).
    """
    prefix = number_prefix(number)
    return prefix + title if title else prefix.rstrip(" ")


def area_heading(area: Area, locale: str) -> str:
    """Return the prefix an area's title gets (``Област 1: ``), empty for an unnumbered area."""
    return f"{label('area', locale)} {area.number}: " if area.number else ""


def area_text(area: Area, locale: str) -> str:
    """Return an area's line: ``Област 1: <title>``, or the bare title without a number."""
    return area_heading(area, locale) + area.title


def period_line(period: Period, locale: str) -> str:
    """Return the period as the title block writes it.

    Whole calendar years read ``за периода 2022-2024 г.``; any other span
    gives both dates in the locale's format.
    """
    whole_years = (period.start.month, period.start.day, period.end.month, period.end.day) == (
        1,
        1,
        12,
        31,
    )
    if whole_years:
        return label("period_years", locale).format(first=period.start.year, last=period.end.year)
    return label("period_days", locale).format(
        start=format_date(period.start, locale), end=format_date(period.end, locale)
    )


def card_heading(measure: Measure, locale: str) -> str:
    """Return a card's heading: ``МЯРКА 1 – QW`` for a quick win, ``МЯРКА 2`` otherwise."""
    words = label("measure", locale).upper()
    heading = f"{words} {measure.number}" if measure.number else words
    return heading + (QUICK_WIN_SUFFIX if measure.is_quick_win else "")


def field_text(entity: Measure | Activity, field: str) -> str:
    """Return the text shown for a field path (``roles.sponsor``, ``budget``, ``caf_refs``).

    Deadlines and budgets show their words as written, CAF references are
    joined by ``, ``, an absent value is empty.

    Args:
        entity: The measure or activity.
        field: A dotted attribute path on it.

    Raises:
        AttributeError: When the path names no field of ``entity``.
    """
    value: object = entity
    for part in field.split("."):
        value = getattr(value, part)
    if value is None:
        return ""
    if isinstance(value, tuple):  # CAF references
        return ", ".join(str(item) for item in value)
    return str(value)

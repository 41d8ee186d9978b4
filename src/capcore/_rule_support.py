"""What the core's rule modules share: walking a plan with locations, dates, quoting."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

import attrs

from capcore.deadline import Deadline
from capcore.findings import Location
from capcore.labels import format_date
from capcore.model import Activity, Area, Measure, Plan

__all__ = [
    "Unit",
    "add_months",
    "dates",
    "latest_end",
    "measures_with_areas",
    "quoted",
    "scheduled",
    "units",
]


@attrs.frozen
class Unit:
    """A unit of progress (an activity, or a measure without activities) with its parents.

    Attributes:
        area: The area it stands in.
        measure: Its measure (the unit itself when ``activity`` is None).
        activity: The activity, or None when the measure is the unit.
    """

    area: Area
    measure: Measure
    activity: Activity | None = None

    def location(self, field: str = "") -> Location:
        """Return the location of the unit (area, measure, activity) and ``field``."""
        if self.activity is None:
            return Location.of(self.area, self.measure, field=field)
        return Location.of(self.area, self.measure, self.activity, field=field)


def measures_with_areas(plan: Plan) -> Iterator[tuple[Area, Measure]]:
    """Yield every measure with its area, in order."""
    for area in plan.areas:
        for measure in area.measures:
            yield area, measure


def units(plan: Plan) -> Iterator[Unit]:
    """Yield every unit of progress: each activity, and each measure without activities."""
    for area, measure in measures_with_areas(plan):
        if measure.activities:
            for activity in measure.activities:
                yield Unit(area, measure, activity)
        else:
            yield Unit(area, measure)


def scheduled(plan: Plan) -> Iterator[tuple[Location, Measure | Activity]]:
    """Yield every measure and activity with its location: all that may carry dates."""
    for area, measure in measures_with_areas(plan):
        yield Location.of(area, measure), measure
        for activity in measure.activities:
            yield Location.of(area, measure, activity), activity


def latest_end(deadline: Deadline | None) -> dt.date | None:
    """Return the latest dated end among a deadline's terms, or None when none is dated.

    :attr:`Deadline.due` is the earliest: the first thing due. Checks of a
    whole span (a quick win, an activity within its measure) need the last.
    """
    if deadline is None:
        return None
    ends = [end for term in deadline.terms if (end := term.end) is not None]
    return max(ends) if ends else None


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` plus ``months`` calendar months, the day clamped to the month's last."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def dates(day: dt.date) -> tuple[str, str]:
    """Return ``day`` as English and Bulgarian documents write it."""
    return format_date(day, "en"), format_date(day, "bg")


def quoted(text: str) -> tuple[str, str]:
    """Return ``text`` in English and in Bulgarian quotation marks: ``"…"`` and ``„…“``."""
    return f'"{text}"', f"„{text}“"

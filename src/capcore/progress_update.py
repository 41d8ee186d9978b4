"""Status values and the dated progress updates that administrations report."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

__all__ = ["ProgressUpdate", "Status", "latest_update"]


class Status(enum.StrEnum):
    """The state of an activity or a measure, as reported."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


@attrs.frozen
class ProgressUpdate:
    """One dated report on an activity or measure.

    Progress is asked for *as of a date*: the latest update on or before that
    date counts, so a report for a past date is reproducible.

    Attributes:
        on: The date the update speaks for.
        status: The reported status, if any.
        percent: The reported percent complete (0-100), if any. Exact;
            rounding happens only for display.
        actual_start: The day the work actually started, when the reporter
            gives it (keyword only).
        actual_end: The day the work was actually finished, when given
            (keyword only).
        note: Free text from the reporter (the comment of a monitoring round).
        reported_by: Who reported it.
    """

    on: dt.date
    status: Status | None = None
    percent: Decimal | None = None
    actual_start: dt.date | None = attrs.field(default=None, kw_only=True)
    actual_end: dt.date | None = attrs.field(default=None, kw_only=True)
    note: str = ""
    reported_by: str = ""


def latest_update(updates: Iterable[ProgressUpdate], as_of: dt.date) -> ProgressUpdate | None:
    """Return the update that counts on ``as_of``: the latest on or before it.

    Updates after ``as_of`` are ignored, so a report for a past date is
    reproducible. Of several updates on the same day, the last one given wins.
    """
    latest: ProgressUpdate | None = None
    for update in updates:
        if update.on <= as_of and (latest is None or update.on >= latest.on):
            latest = update
    return latest

"""``capcore progress FILE``: how far a plan has come, as of a date.

Until the progress engine exists, :func:`_interim_progress` computes the
summary; the command only reads the plan and prints what it returns, so the
engine can replace that one function.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from capcore.cli._common import EXIT_OK, Commands, add_output_option, count, read_plan

if TYPE_CHECKING:
    from capcore.model import Plan

__all__ = ["NO_REPORT", "register", "run"]

NO_REPORT = "no report"
"""The status of a unit whose latest update (as of the date) gives none, or that has none."""

_DISPLAY = Decimal("0.1")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``progress`` command to ``commands``."""
    parser = commands.add_parser(
        "progress",
        parents=[common],
        help="summarise a plan's progress as of a date",
        description="Count the plan's units of progress (every activity, and every "
        "measure without activities) by their latest reported status as of a date, "
        "and average their latest reported percent.",
    )
    parser.add_argument("file", metavar="FILE", help="the plan file")
    parser.add_argument("--from", dest="from_format", metavar="NAME", help="the file's format")
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="count updates on or before this date, YYYY-MM-DD (default: today)",
    )
    add_output_option(parser, "a short table (text)")
    parser.set_defaults(run=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


@dataclass(frozen=True)
class _Summary:
    """A plan's progress as of a date.

    Attributes:
        as_of: The date.
        units: How many units of progress the plan has.
        by_status: How many units have each status (the ``Status`` values in
            their order, then :data:`NO_REPORT`), zeros included.
        with_percent: How many units reported a percent.
        average_percent: The exact average of those percents, or None.
    """

    as_of: dt.date
    units: int
    by_status: dict[str, int]
    with_percent: int
    average_percent: Decimal | None


def _interim_progress(plan: Plan, as_of: dt.date) -> _Summary:
    """Return the plan's progress as of ``as_of``: the interim computation.

    This stands in for the progress engine until it exists. The units of
    progress are :meth:`Plan.progress_units`. For
    each unit, the update that counts is ``latest_update(updates, as_of)``
    (later updates are ignored); its status is counted (:data:`NO_REPORT` when
    there is no update or it gives no status), and its percent, when it gives
    one, goes into an exact Decimal average, rounded only for display.
    """
    from capcore.progress_update import Status, latest_update

    units = [unit.updates for unit in plan.progress_units()]
    by_status = {status.value: 0 for status in Status} | {NO_REPORT: 0}
    percents: list[Decimal] = []
    for updates in units:
        latest = latest_update(updates, as_of)
        status = latest.status if latest is not None else None
        by_status[status.value if status is not None else NO_REPORT] += 1
        if latest is not None and latest.percent is not None:
            percents.append(latest.percent)
    average = sum(percents, Decimal(0)) / len(percents) if percents else None
    return _Summary(as_of, len(units), by_status, len(percents), average)


def _display(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(_DISPLAY, ROUND_HALF_UP))


def run(args: argparse.Namespace) -> int:
    """Summarise the progress of the file that ``args`` names; return the exit code."""
    plan = read_plan(args.file, args.from_format)
    as_of: dt.date = args.as_of or dt.datetime.now().astimezone().date()
    summary = _interim_progress(plan, as_of)
    average = _display(summary.average_percent)
    if args.output == "json":
        report = {
            "file": args.file,
            "as_of": summary.as_of.isoformat(),
            "units": summary.units,
            "by_status": summary.by_status,
            "with_percent": summary.with_percent,
            "average_percent": average,
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{args.file}: {count(summary.units, 'unit')} of progress as of {as_of.isoformat()}")
    width = max(len(status) for status in summary.by_status)
    for status, number in summary.by_status.items():
        print(f"  {status.replace('_', ' '):<{width}}  {number:>4}")
    if average is None:
        print("  average percent: none reported")
    else:
        units = count(summary.with_percent, "unit")
        print(f"  average percent: {average}% (of {units} that reported one)")
    return EXIT_OK

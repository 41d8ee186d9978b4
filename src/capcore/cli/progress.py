"""``capcore progress FILE``: how far a plan has come, as of a date.

The command reads the plan, asks :func:`capcore.progress` for the report
and prints it: as text (:meth:`ProgressReport.to_text`, Bulgarian unless
``--locale en``) or as the JSON object of :meth:`ProgressReport.to_data`
with the file's name added. It computes nothing itself.
"""

from __future__ import annotations

import argparse

from capcore.cli._common import (
    EXIT_OK,
    Commands,
    LazyChoices,
    add_output_option,
    date_argument,
    print_json,
    read_plan,
    whole_number_argument,
)
from capcore.locales import DEFAULT_LOCALE, LOCALES

__all__ = ["register", "run"]


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``progress`` command to ``commands``."""
    parser = commands.add_parser(
        "progress",
        parents=[common],
        help="report a plan's progress as of a date",
        description="Report a plan's progress as of a date: the percent done and expected "
        "for the plan, every area, measure and activity, a red/amber/green gauge with its "
        "reason, overdue, late and upcoming items, quick wins, recurring deadlines, "
        "indicators, and totals by responsible and by CAF criterion. Updates after the date "
        "are ignored.",
    )
    parser.add_argument("file", metavar="FILE", help="the plan file")
    parser.add_argument("--from", dest="from_format", metavar="NAME", help="the file's format")
    parser.add_argument(
        "--as-of",
        type=date_argument,
        metavar="DATE",
        help="count updates on or before this date, YYYY-MM-DD (default: today)",
    )
    parser.add_argument(
        "--policy",
        choices=LazyChoices("capcore.progress_policy:POLICY_PRESETS"),
        metavar="NAME",
        help="how to count progress: %(choices)s (default: the plan's own policy, else "
        "'default'; see docs/progress.md)",
    )
    parser.add_argument(
        "--upcoming-days",
        type=whole_number_argument("days", 0),
        default=30,
        metavar="N",
        help="list deadlines due within N days after the date (default: 30)",
    )
    parser.add_argument(
        "--locale",
        choices=LOCALES,
        default=DEFAULT_LOCALE,
        help=f"the language of the text report (default: {DEFAULT_LOCALE})",
    )
    add_output_option(parser, "a readable report (text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Report the progress of the file that ``args`` names; return the exit code."""
    from capcore.progress_engine import progress
    from capcore.progress_policy import ProgressPolicy

    plan = read_plan(args.file, args.from_format)
    import datetime as dt

    as_of: dt.date = args.as_of or dt.datetime.now().astimezone().date()
    policy = ProgressPolicy.named(args.policy) if args.policy else None
    report = progress(plan, as_of=as_of, policy=policy, upcoming_days=args.upcoming_days)
    if args.output == "json":
        print_json({"file": args.file, **report.to_data()})
    else:
        print(report.to_text(args.locale), end="")
    return EXIT_OK

"""``capcore validate FILE``: run the installed validation rules on a plan.

It renders :func:`capcore.validate`'s report: the installed rules (the
core's catalogue and every plugin's). ``--select`` and ``--ignore`` take
comma-separated codes or prefixes (``S1``, ``S106``); an ignored code wins
over a selected one, and the plan's own ignore list applies on top.
``--as-of`` sets the day the plan is checked on (today by default) and
``--quick-win-months`` the quick-win limit (3). Text comes in English unless
``--locale bg``; JSON always carries both languages. The exit code is 1 when
a finding of severity error remains.
"""

from __future__ import annotations

import argparse

from capcore.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    add_output_option,
    date_argument,
    print_json,
    read_plan,
    whole_number_argument,
)
from capcore.locales import LOCALES
from capcore.quick_win import DEFAULT_QUICK_WIN_MONTHS

__all__ = ["register", "run"]


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``validate`` command to ``commands``."""
    parser = commands.add_parser(
        "validate",
        parents=[common],
        help="check a plan with the installed rules",
        description="Check a plan with the installed validation rules; "
        "exit 1 when a finding of severity error remains. The rules are listed in "
        "docs/validation.md.",
    )
    parser.add_argument("file", metavar="FILE", help="the plan file")
    parser.add_argument("--from", dest="from_format", metavar="NAME", help="the file's format")
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only these rule codes or prefixes, comma-separated (S1, S106)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="leave out these rule codes or prefixes, comma-separated",
    )
    parser.add_argument(
        "--as-of",
        type=date_argument,
        metavar="DATE",
        help="the day the plan is checked on, YYYY-MM-DD; updates after it are "
        "in the future (default: today)",
    )
    parser.add_argument(
        "--quick-win-months",
        type=whole_number_argument("months", 1),
        default=DEFAULT_QUICK_WIN_MONTHS,
        metavar="N",
        help=f"a quick win longer than N months is not quick "
        f"(default: {DEFAULT_QUICK_WIN_MONTHS}, as CAF guidance says)",
    )
    parser.add_argument(
        "--locale",
        choices=LOCALES,
        default="en",
        help="the language of the text output (default: en; JSON carries both)",
    )
    add_output_option(parser, "one finding per line, with fix hints (text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate the file that ``args`` names; return the exit code."""
    from capcore.rules import ValidationSettings
    from capcore.validation import validate

    plan = read_plan(args.file, args.from_format)
    settings = ValidationSettings(quick_win_months=args.quick_win_months)
    if args.as_of is not None:
        settings = ValidationSettings(args.as_of, args.quick_win_months)
    report = validate(
        plan, select=args.select, ignore=args.ignore, source=args.file, settings=settings
    )
    if args.output == "json":
        print_json(report.to_data())
    else:
        print(report.to_text(args.locale))
    return EXIT_FINDINGS if report.has_errors else EXIT_OK

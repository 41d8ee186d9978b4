"""``capcore validate FILE``: run the installed validation rules on a plan.

It renders :func:`capcore.validate`'s report: the installed rules (the
core's and every plugin's). ``--select`` and ``--ignore`` take comma-separated codes or
prefixes (``S1``, ``S106``); an ignored code wins over a selected one. The exit
code is 1 when a finding of severity error remains.
"""

from __future__ import annotations

import argparse
import json

from capcore.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    add_output_option,
    read_plan,
)

__all__ = ["register", "run"]


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``validate`` command to ``commands``."""
    parser = commands.add_parser(
        "validate",
        parents=[common],
        help="check a plan with the installed rules",
        description="Check a plan with the installed validation rules; "
        "exit 1 when a finding of severity error remains.",
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
    add_output_option(parser, "one finding per line (text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate the file that ``args`` names; return the exit code."""
    from capcore.validation import validate

    plan = read_plan(args.file, args.from_format)
    report = validate(plan, select=args.select, ignore=args.ignore, source=args.file)
    if args.output == "json":
        print(json.dumps(report.to_data(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text())
    return EXIT_FINDINGS if report.has_errors else EXIT_OK

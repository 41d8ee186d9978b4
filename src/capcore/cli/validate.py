"""``capcore validate FILE``: run the installed validation rules on a plan.

Until the validation engine exists, this runs the rules the plugin host
provides (``default_host().rules()``), each ``RuleSpec.check(plan)``
yielding findings. ``--select`` and ``--ignore`` take comma-separated codes or
prefixes (``S1``, ``S106``); an ignored code wins over a selected one. The exit
code is 1 when a finding of severity error remains.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from capcore.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Commands,
    UsageError,
    add_output_option,
    count,
    read_plan,
)
from capcore.errors import CapcoreError

if TYPE_CHECKING:
    from capcore.findings import Finding
    from capcore.model import Plan
    from capcore.rules import RuleSpec

__all__ = ["check_plan", "register", "run"]


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
    from capcore.findings import Severity
    from capcore.plugin_host import default_host

    rules = default_host().rules()
    select = _codes("--select", args.select, rules)
    ignore = _codes("--ignore", args.ignore, rules)
    plan = read_plan(args.file, args.from_format)
    findings = [
        finding
        for finding in check_plan(plan, _chosen(rules, select, ignore), args.file)
        if _wanted(finding.code, select, ignore)
    ]
    summary = {severity.value: 0 for severity in Severity}
    for finding in findings:
        summary[finding.severity.value] += 1
    if args.output == "json":
        report = {
            "file": args.file,
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "where": f.where,
                    "message": f.message,
                }
                for f in findings
            ],
            "summary": summary,
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(f"{args.file}: {finding}")
        print(
            f"{args.file}: {count(summary['error'], 'error')}, "
            f"{count(summary['warning'], 'warning')}, {summary['info']} info"
        )
    return EXIT_FINDINGS if summary[Severity.ERROR.value] else EXIT_OK


def check_plan(plan: Plan, rules: Iterable[RuleSpec], source: str) -> list[Finding]:
    """Return the findings of ``rules`` on ``plan``, rule by rule.

    Args:
        plan: The plan.
        rules: The rules to run, in order.
        source: The plan's file or name, for the message of a failing rule.

    Raises:
        CapcoreError: A rule raised an exception (a plugin's bug), naming the rule.
    """
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.check(plan))
        except Exception as raised:
            message = f"{source}: the rule {rule.code} failed ({type(raised).__name__}: {raised})"
            raise CapcoreError(message) from raised
    return findings


def _codes(option: str, values: Sequence[str], rules: Sequence[RuleSpec]) -> tuple[str, ...]:
    codes = tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )
    for code in codes:
        if not any(rule.code.upper().startswith(code) for rule in rules):
            known = ", ".join(rule.code for rule in rules) or "none"
            raise UsageError(f"{option}: no installed rule matches {code!r} (rules: {known})")
    return codes


def _wanted(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    code = code.upper()
    if select and not code.startswith(select):
        return False
    return not code.startswith(ignore) if ignore else True


def _chosen(
    rules: Sequence[RuleSpec], select: tuple[str, ...], ignore: tuple[str, ...]
) -> list[RuleSpec]:
    return [rule for rule in rules if _wanted(rule.code, select, ignore)]

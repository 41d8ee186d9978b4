"""Validation: run rules on a plan and report the findings.

:func:`validate` runs the installed rules (the core's structural rules and
every plugin's, through the ``capcore_rules`` hook), or the rules it is
given, keeping those that ``select`` and ``ignore`` choose by code or
prefix (``S1``, ``S106``; an ignored code wins over a selected one). The
:class:`ValidationReport` it returns renders as text and as JSON data and
summarises by severity. The rule catalogue itself grows in
:mod:`capcore.structure` and in plugins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from capcore._text import count
from capcore.errors import CapcoreError
from capcore.findings import Finding, Severity
from capcore.model import Plan
from capcore.plugin_host import PluginHost, default_host
from capcore.rules import RuleSpec

__all__ = ["RuleError", "ValidationReport", "codes_matching", "validate"]


class RuleError(CapcoreError):
    """A rule failed (a bug in it), or a code chosen by the user matches no rule."""


@attrs.frozen
class ValidationReport:
    """The findings of a validation, in rule order.

    Attributes:
        findings: What the rules found.
        source: The file or name of the plan, for rendering.
    """

    findings: tuple[Finding, ...]
    source: str = ""

    def summary(self) -> dict[str, int]:
        """Return how many findings each severity has, zeros included."""
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    @property
    def has_errors(self) -> bool:
        """True when a finding of severity error remains."""
        return any(finding.severity is Severity.ERROR for finding in self.findings)

    def to_data(self) -> dict[str, Any]:
        """Return the report as JSON-ready data: file, findings, summary."""
        return {
            "file": self.source,
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "where": f.where,
                    "message": f.message,
                }
                for f in self.findings
            ],
            "summary": self.summary(),
        }

    def to_text(self) -> str:
        """Return one line per finding, then the summary line."""
        prefix = f"{self.source}: " if self.source else ""
        counts = self.summary()
        lines = [f"{prefix}{finding}" for finding in self.findings]
        lines.append(
            f"{prefix}{count(counts['error'], 'error')}, "
            f"{count(counts['warning'], 'warning')}, {counts['info']} info"
        )
        return "\n".join(lines)


def validate(  # noqa: PLR0913 - keyword-only options of one call
    plan: Plan,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    rules: Sequence[RuleSpec] | None = None,
    host: PluginHost | None = None,
    source: str = "",
) -> ValidationReport:
    """Run the rules on ``plan`` and return the report.

    Args:
        plan: The plan.
        select: Only the rules whose codes start with one of these.
        ignore: Not the rules whose codes start with one of these (wins over select).
        rules: The rules to run; by default the host's.
        host: The plugin host whose rules run; by default the installed plugins.
        source: The plan's file or name, for messages and rendering.

    Raises:
        RuleError: A selected or ignored code matches no rule, or a rule
            raised an exception (the message names the rule).
    """
    if rules is None:
        rules = (host or default_host()).rules()
    chosen_select = codes_matching("select", select, rules)
    chosen_ignore = codes_matching("ignore", ignore, rules)
    findings: list[Finding] = []
    for rule in rules:
        if not _wanted(rule.code, chosen_select, chosen_ignore):
            continue
        try:
            found = list(rule.check(plan))
        except Exception as raised:
            where = f"{source}: " if source else ""
            raise RuleError(
                f"{where}the rule {rule.code} failed ({type(raised).__name__}: {raised})"
            ) from raised
        findings.extend(f for f in found if _wanted(f.code, chosen_select, chosen_ignore))
    return ValidationReport(tuple(findings), source)


def codes_matching(option: str, codes: Iterable[str], rules: Sequence[RuleSpec]) -> tuple[str, ...]:
    """Return ``codes`` (comma-separated allowed) upper-cased, each checked to match a rule.

    Raises:
        RuleError: A code or prefix matches no rule; the message lists the rules.
    """
    chosen = tuple(
        code.strip().upper() for value in codes for code in value.split(",") if code.strip()
    )
    for code in chosen:
        if not any(rule.code.upper().startswith(code) for rule in rules):
            known = ", ".join(rule.code for rule in rules) or "none"
            raise RuleError(f"{option}: no rule matches {code!r} (rules: {known})")
    return chosen


def _wanted(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    code = code.upper()
    if select and not code.startswith(select):
        return False
    return not (ignore and code.startswith(ignore))

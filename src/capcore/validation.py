"""Validation: run rules on a plan and report the findings.

:func:`validate` runs the installed rules (the core's catalogue and every
plugin's, through the ``capcore_rules`` hook), or the rules it is given,
keeping those that ``select`` and ``ignore`` choose by code or prefix
(``S1``, ``S106``; an ignored code wins over a selected one). A plan may
silence codes itself (:attr:`capcore.Plan.ignore_rules`); its findings are
then counted as silenced, not shown. Rules that take settings get the
:class:`~capcore.rules.ValidationSettings` of the run (the day, the
quick-win limit). Each finding's location gets the plan's file and, for an
imported plan, where the reader found the entity. The
:class:`~capcore.validation_report.ValidationReport` renders as text and as
JSON data and summarises by severity. The catalogue itself is described in
``docs/validation.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from capcore._gc_pause import cyclic_gc_paused
from capcore.errors import CapcoreError
from capcore.findings import Finding
from capcore.model import Plan
from capcore.plugin_host import PluginHost, default_host
from capcore.rules import RuleSpec, ValidationSettings
from capcore.validation_report import ValidationReport

__all__ = ["RuleError", "ValidationReport", "codes_matching", "normalise_codes", "validate"]


class RuleError(CapcoreError):
    """A rule failed (a bug in it), or a code chosen by the user matches no rule."""


# Rules make a location per entity they look at (hundreds of thousands in a
# large plan) and no cycles: the collector's full runs walked the whole heap
# for nothing, which made validation grow faster than the plan.
@cyclic_gc_paused()
def validate(  # noqa: PLR0913 - keyword-only options of one call
    plan: Plan,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    rules: Sequence[RuleSpec] | None = None,
    host: PluginHost | None = None,
    source: str = "",
    settings: ValidationSettings | None = None,
) -> ValidationReport:
    """Run the rules on ``plan`` and return the report.

    Args:
        plan: The plan.
        select: Only the rules whose codes start with one of these.
        ignore: Not the rules whose codes start with one of these (wins over select).
        rules: The rules to run; by default the host's.
        host: The plugin host whose rules run; by default the installed plugins.
        source: The plan's file or name, for locations, messages and rendering.
        settings: The day and the limits the rules use; by default today and
            CAF's three-month quick win.

    Raises:
        RuleError: A selected or ignored code matches no rule, or a rule
            raised an exception (the message names the rule).
    """
    if rules is None:
        rules = (host or default_host()).rules()
    if settings is None:
        settings = ValidationSettings()
    chosen_select = codes_matching("select", select, rules)
    chosen_ignore = codes_matching("ignore", ignore, rules)
    # The plan's own list is not checked against the installed rules: a file
    # travels between installations with different plugins, and a code that
    # matches nothing here silences nothing.
    plan_ignores = normalise_codes(plan.ignore_rules)
    findings: list[Finding] = []
    ran: list[str] = []
    silenced = 0
    for rule in rules:
        if not _wanted(rule.code, chosen_select, chosen_ignore):
            continue
        ran.append(rule.code)
        for finding in _run(rule, plan, settings, source):
            if not _wanted(finding.code, chosen_select, chosen_ignore):
                continue
            if plan_ignores and finding.code.upper().startswith(plan_ignores):
                silenced += 1
                continue
            findings.append(_placed(finding, plan, source))
    return ValidationReport(
        tuple(findings),
        source,
        settings=settings,
        plan_id=plan.id,
        rules=tuple(ran),
        plan_ignores=plan_ignores,
        silenced=silenced,
    )


def normalise_codes(codes: Iterable[str]) -> tuple[str, ...]:
    """Return ``codes`` split at commas, stripped and upper-cased, blanks left out."""
    return tuple(
        code.strip().upper() for value in codes for code in value.split(",") if code.strip()
    )


def codes_matching(option: str, codes: Iterable[str], rules: Sequence[RuleSpec]) -> tuple[str, ...]:
    """Return ``codes`` (comma-separated allowed) upper-cased, each checked to match a rule.

    Raises:
        RuleError: A code or prefix matches no rule; the message lists the rules.
    """
    chosen = normalise_codes(codes)
    for code in chosen:
        if not any(rule.code.upper().startswith(code) for rule in rules):
            known = ", ".join(rule.code for rule in rules) or "none"
            raise RuleError(f"{option}: no rule matches {code!r} (rules: {known})")
    return chosen


def _run(rule: RuleSpec, plan: Plan, settings: ValidationSettings, source: str) -> list[Finding]:
    try:
        return rule.run(plan, settings)
    except Exception as raised:
        where = f"{source}: " if source else ""
        raise RuleError(
            f"{where}the rule {rule.code} failed ({type(raised).__name__}: {raised})"
        ) from raised


def _placed(finding: Finding, plan: Plan, source: str) -> Finding:
    """Return ``finding`` with the plan's file and the entity's place in it, where missing."""
    location = finding.location
    if source and not location.source:
        location = attrs.evolve(location, source=source)
    if not location.position and plan.source_locations:
        # The innermost entity the reader placed; a plan-level finding points
        # at the plan's own place (its title), a plugin's free text at none.
        if location.path:
            ids = [ref.id for ref in reversed(location.path)]
        else:
            ids = [] if location.free_text else [plan.id]
        position = next((plan.source_locations[i] for i in ids if i in plan.source_locations), "")
        if position:
            location = attrs.evolve(location, position=position)
    return finding if location is finding.location else attrs.evolve(finding, location=location)


def _wanted(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    code = code.upper()
    if select and not code.startswith(select):
        return False
    return not (ignore and code.startswith(ignore))

"""Validation rules as plugins declare them: :class:`RuleSpec`.

A rule is a pure function of the plan that yields :class:`~capcore.Finding`
values. The core's own rules and every plugin's are registered through the
same ``capcore_rules`` hook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from capcore.findings import Finding, Severity
from capcore.model import Plan

__all__ = ["RuleSpec"]


@attrs.frozen
class RuleSpec:
    """One validation rule.

    Attributes:
        code: The stable code (``S106``); users select and ignore by code or prefix.
        summary: One line saying what the rule finds.
        severity: The severity of its findings.
        check: The rule: a pure function of the plan yielding findings.
    """

    code: str
    summary: str
    severity: Severity
    check: Callable[[Plan], Iterable[Finding]]

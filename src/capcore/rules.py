"""Validation rules as plugins declare them: :class:`RuleSpec`, and their settings.

A rule is a pure function of the plan that yields :class:`~capcore.Finding`
values. A rule whose answer depends on a limit or on the day it is asked
(the quick-win limit, "an update dated in the future") declares
``needs_settings=True`` and is called as ``check(plan, settings)`` with the
:class:`ValidationSettings` of the run; every other rule is called as
``check(plan)``, so plugin rules written for the plan alone keep working.
The core's own rules and every plugin's are registered through the same
``capcore_rules`` hook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeAlias, cast

import attrs

from capcore.findings import Finding, Message, Severity
from capcore.model import Plan
from capcore.quick_win import DEFAULT_QUICK_WIN_MONTHS

__all__ = [
    "DEFAULT_QUICK_WIN_MONTHS",
    "PlanCheck",
    "RuleSpec",
    "SettingsCheck",
    "ValidationSettings",
    "local_today",
]


def local_today() -> dt.date:
    """Return today's date where the program runs (the default ``as_of``)."""
    return dt.datetime.now().astimezone().date()


@attrs.frozen
class ValidationSettings:
    """The limits and the day a validation is run with.

    Rules stay pure functions: what they would otherwise read from the
    clock or a configuration comes in here, and the report records the
    values used, so a report can be reproduced.

    Attributes:
        as_of: The day the plan is checked on; progress updates after it are
            "in the future". Today's local date by default.
        quick_win_months: A quick win longer than this many calendar months
            is not quick (three, as CAF guidance says).
    """

    as_of: dt.date = attrs.field(factory=local_today)
    quick_win_months: int = attrs.field(
        default=DEFAULT_QUICK_WIN_MONTHS, validator=attrs.validators.ge(1)
    )


PlanCheck: TypeAlias = Callable[[Plan], Iterable[Finding]]
"""A rule that looks at the plan alone: ``check(plan)``."""
SettingsCheck: TypeAlias = Callable[[Plan, ValidationSettings], Iterable[Finding]]
"""A rule that also takes the run's settings: ``check(plan, settings)``."""


def _summary(value: Message | str) -> Message:
    return value if isinstance(value, Message) else Message.same(value)


@attrs.frozen
class RuleSpec:
    """One validation rule.

    Attributes:
        code: The stable code (``S106``); users select and ignore by code or prefix.
        summary: One line saying what the rule finds, in English and
            Bulgarian (plain text is used for both).
        severity: The severity of its findings.
        check: The rule: a pure function of the plan (and of the settings,
            when ``needs_settings``) yielding findings.
        needs_settings: True when ``check`` takes ``(plan, settings)``.
    """

    code: str
    summary: Message = attrs.field(converter=_summary)
    severity: Severity
    check: PlanCheck | SettingsCheck
    needs_settings: bool = attrs.field(default=False, kw_only=True)

    def run(self, plan: Plan, settings: ValidationSettings) -> list[Finding]:
        """Return the rule's findings on ``plan``, giving it ``settings`` if it takes them."""
        if self.needs_settings:
            return list(cast("SettingsCheck", self.check)(plan, settings))
        return list(cast("PlanCheck", self.check)(plan))

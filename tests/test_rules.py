"""Rules and their settings: plan-only checks keep working, settings reach the rules that ask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from capcore import Finding, Plan, RuleSpec, Severity
from capcore.findings import Message
from capcore.rules import ValidationSettings, local_today


def _plan_only(plan: Plan) -> Iterator[Finding]:
    yield Finding("X1", Severity.INFO, "plan", plan.title)


def _with_settings(plan: Plan, settings: ValidationSettings) -> Iterator[Finding]:
    yield Finding("X2", Severity.INFO, "plan", f"{plan.title} {settings.as_of.isoformat()}")


def test_settings_default_to_today_and_three_months() -> None:
    """Without arguments the day is today's local date and a quick win lasts three months."""
    before = local_today()
    settings = ValidationSettings()
    after = local_today()
    assert before <= settings.as_of <= after
    assert settings.quick_win_months == 3


def test_quick_win_limit_must_be_positive() -> None:
    """A limit of zero months is refused."""
    with pytest.raises(ValueError, match="quick_win_months"):
        ValidationSettings(quick_win_months=0)


def test_a_plan_only_rule_is_called_with_the_plan() -> None:
    """A rule written as check(plan) runs unchanged."""
    rule = RuleSpec("X1", "title", Severity.INFO, _plan_only)
    [finding] = rule.run(Plan("План"), ValidationSettings(dt.date(2024, 1, 2)))
    assert finding.message.en == "План"


def test_a_rule_that_needs_settings_gets_them() -> None:
    """A rule declared with needs_settings is called as check(plan, settings)."""
    rule = RuleSpec("X2", "day", Severity.INFO, _with_settings, needs_settings=True)
    [finding] = rule.run(Plan("План"), ValidationSettings(dt.date(2024, 1, 2)))
    assert finding.message.en == "План 2024-01-02"


def test_summary_text_serves_both_languages() -> None:
    """A plain summary becomes a message in both languages; a Message is kept."""
    assert RuleSpec("X1", "short", Severity.INFO, _plan_only).summary == Message("short", "short")
    both = Message("short", "кратко")
    assert RuleSpec("X1", both, Severity.INFO, _plan_only).summary is both

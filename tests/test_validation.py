"""capcore.validate: every installed rule, chosen by code or prefix, rendered as text or data."""

from __future__ import annotations

import pytest

from capcore import (
    Finding,
    Plan,
    PlanBuilder,
    RuleError,
    RuleSpec,
    Severity,
    hookimpl,
    make_plugin_host,
    validate,
)
from capcore.examples import lovech


def duplicate_ids_plan() -> Plan:
    builder = PlanBuilder("План")
    measure = builder.area("А", number="2").measure("М", number="2.8")
    measure.activity("Д1", id="same")
    measure.activity("Д2", id="same", number="2.8.1")
    return builder.build()


def test_lovech_plan_has_one_warning_and_no_errors() -> None:
    """The Lovech plan's only finding is its duplicated 2.8.2."""
    report = validate(lovech())
    assert [f.code for f in report.findings] == ["S106"]
    assert report.summary() == {"error": 0, "warning": 1, "info": 0}
    assert not report.has_errors


def test_errors_are_reported() -> None:
    """Two activities sharing one id give an error finding."""
    report = validate(duplicate_ids_plan())
    assert report.has_errors
    assert {f.code for f in report.findings} == {"S101", "S106"}


def test_select_by_prefix_and_ignore_wins() -> None:
    """--select S1 keeps the S1xx rules; an ignored code is left out even when selected."""
    plan = duplicate_ids_plan()
    assert [f.code for f in validate(plan, select=["S1"], ignore=["S101"]).findings] == ["S106"]
    assert [f.code for f in validate(plan, select=["s101"]).findings] == ["S101"]


def test_comma_separated_codes() -> None:
    """A value may hold several codes separated by commas."""
    assert validate(duplicate_ids_plan(), ignore=["S101,S106"]).findings == ()


def test_a_code_matching_no_rule_is_an_error() -> None:
    """A misspelt code is refused with the list of rules, not silently matched to nothing."""
    with pytest.raises(RuleError, match=r"ignore: no rule matches 'X9'.*S101"):
        validate(lovech(), ignore=["X9"])


def test_plugin_rules_run_with_the_core_ones() -> None:
    """A rule registered through the hook is run and its findings reported."""

    class TitleRule:
        @hookimpl
        def capcore_rules(self) -> list[RuleSpec]:
            def check(_plan: Plan) -> list[Finding]:
                return [Finding("MD101", Severity.INFO, "plan", "title is short")]

            return [RuleSpec("MD101", "short titles", Severity.INFO, check)]

    host = make_plugin_host(entry_points=False, plugins=[TitleRule()])
    report = validate(lovech(), host=host)
    assert [f.code for f in report.findings] == ["S106", "MD101"]


def test_a_failing_rule_is_named() -> None:
    """A rule that raises is reported as a RuleError naming the rule and the source."""

    def broken(_plan: Plan) -> list[Finding]:
        raise ZeroDivisionError

    rule = RuleSpec("X1", "broken", Severity.ERROR, broken)
    with pytest.raises(RuleError, match=r"plan\.json: the rule X1 failed \(ZeroDivisionError"):
        validate(lovech(), rules=[rule], source="plan.json")


def test_report_renders_as_text_and_data() -> None:
    """The report gives one line per finding and a summary, or JSON-ready data."""
    report = validate(lovech(), source="lovech.json")
    lines = report.to_text().splitlines()
    assert lines[0].startswith("lovech.json: S106 warning activity 2.8.2")
    assert lines[-1] == "lovech.json: 0 errors, 1 warning, 0 info"
    data = report.to_data()
    assert data["file"] == "lovech.json"
    assert data["findings"][0]["code"] == "S106"
    assert data["summary"] == {"error": 0, "warning": 1, "info": 0}

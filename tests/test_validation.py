"""capcore.validate: the catalogue on the seed plans, choosing rules, settings, places, reports."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from hypothesis import given

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
from capcore.core_plugin import CORE_RULES
from capcore.examples import lovech, pazardzhik, smolyan
from capcore.findings import Message
from capcore.rules import ValidationSettings
from capcore.testing.strategies import plans
from capcore.validation_report import REPORT_VERSION, ValidationReport

SETTINGS = ValidationSettings(dt.date(2026, 11, 23))


def check(plan: Plan, **options: object) -> ValidationReport:
    return validate(plan, rules=CORE_RULES, settings=SETTINGS, **options)


def pinned(report: ValidationReport) -> list[tuple[str, str, str]]:
    """Each finding as (code, entity kind and number, field)."""
    return [(f.code, f.where.split(" [")[0], f.location.field) for f in report.findings]


# What a careful reader of each seed text finds (see /work/shared/seeds and
# docs/validation.md). Nothing else may appear.
LOVECH = [
    ("S106", "activity 2.8.2", "number"),  # the two 2.8.2
    ("C102", "plan", "caf_refs"),  # 10 of 28 sub-criteria answered by no measure
    ("C103", "measure 2.7", "deadline"),  # quick win 18.3.2022-30.6.2022
    ("C104", "measure 1.2", "deadline"),  # quick win with activity 1.2.2 "текущо, ..."
    ("C104", "measure 1.7", "deadline"),  # quick win whose only activity is "текущо, ..."
]
PAZARDZHIK = [
    ("C102", "plan", "caf_refs"),  # no card names a CAF sub-criterion
    ("C103", "measure 11", "deadline"),  # quick win 1 September to the end of 2017
    ("C104", "measure 6", "deadline"),  # quick win "Постоянен ... ежегодно, декември"
]
SMOLYAN = [
    ("D105", "measure 3.4", "deadline"),  # "тримесечно", no month, no start
    *[
        ("D106", f"measure {number}", "deadline")  # a month, but no year and no plan period
        for number in ("1.3", "1.4", "1.5", "1.6", "2.1", "4.3", "6.1")
    ],
    *[
        ("R102", f"measure {number}", "expected_result")  # no item states a result
        for number in (
            *("1.1", "1.2", "1.3", "1.4", "1.5", "1.6"),
            *("2.1", "2.2", "2.3"),
            *("3.1", "3.2", "3.3", "3.4", "3.5"),
            *("4.1", "4.2", "4.3"),
            "5.1",
            "6.1",
        )
    ],
]


def test_lovech_findings() -> None:
    """The Lovech plan: its duplicated 2.8.2, CAF coverage, and three quick wins that are not."""
    report = check(lovech())
    assert pinned(report) == LOVECH
    assert not report.has_errors
    by_code = {f.code: f for f in report.findings}
    assert by_code["C102"].message.en.endswith(
        "addressed by no measure: 2.1, 3.2, 3.3, 4.1, 4.3, 4.6, 5.3, 7.1, 8.2, 9.1"
    )
    assert by_code["C103"].message.en == (
        "the quick win runs from 2022-03-18 to 2022-06-30, longer than 3 months"
    )
    duplicates = [a for a in lovech().activities() if a.number == "2.8.2"]
    assert by_code["S106"].location.entity is not None
    assert by_code["S106"].location.entity.id == duplicates[1].id


def test_pazardzhik_findings() -> None:
    """The Pazardzhik plan: no CAF references, and two quick wins that are not quick."""
    report = check(pazardzhik())
    assert pinned(report) == PAZARDZHIK
    assert report.findings[1].message.en == (
        "the quick win runs from 2017-09-01 to 2017-12-31, longer than 3 months"
    )


def test_smolyan_findings() -> None:
    """The Smolyan plan: no period for its months, a quarterly item, and no stated results."""
    assert pinned(check(smolyan())) == SMOLYAN


def test_the_seed_plans_have_no_errors() -> None:
    """None of the seed plans has an error-level finding."""
    for plan in (lovech(), pazardzhik(), smolyan()):
        assert check(plan).summary()["error"] == 0


def duplicate_ids_plan() -> Plan:
    builder = PlanBuilder("План", caf_version=None)
    measure = builder.area("А", number="2").measure("М", number="2.8")
    measure.activity("Д1", id="same", responsible="Р", target="Ц")
    measure.activity("Д2", id="same", number="2.8.1", responsible="Р", target="Ц")
    return builder.build()


def test_errors_are_reported() -> None:
    """Two activities sharing one id give an error finding."""
    report = check(duplicate_ids_plan())
    assert report.has_errors
    assert {f.code for f in report.findings} == {"S101", "S106"}


def test_select_by_prefix_and_ignore_wins() -> None:
    """--select S1 keeps the S1xx rules; an ignored code is left out even when selected."""
    plan = duplicate_ids_plan()
    assert [f.code for f in check(plan, select=["S1"], ignore=["S101"]).findings] == ["S106"]
    assert [f.code for f in check(plan, select=["s101"]).findings] == ["S101"]


def test_comma_separated_codes() -> None:
    """A value may hold several codes separated by commas."""
    assert check(duplicate_ids_plan(), ignore=["S101,S106"]).findings == ()


def test_a_code_matching_no_rule_is_an_error() -> None:
    """A misspelt code is refused with the list of rules, not silently matched to nothing."""
    with pytest.raises(RuleError, match=r"ignore: no rule matches 'X9'.*S101"):
        check(lovech(), ignore=["X9"])


def test_the_plans_own_ignore_list_silences_and_counts() -> None:
    """Codes in plan.ignore_rules drop their findings; the report says how many."""
    plan = lovech()
    plan.ignore_rules = ["C10", "s106"]
    report = check(plan)
    assert report.findings == ()
    assert report.silenced == len(LOVECH)
    assert report.plan_ignores == ("C10", "S106")
    assert (
        report.summary_text()
        == "0 errors, 0 warnings, 0 info (5 silenced by the plan's ignore list)"
    )


def test_a_plans_ignore_code_matching_no_installed_rule_is_harmless() -> None:
    """A plan written where a plugin was installed may name its codes; here they match nothing."""
    plan = lovech()
    plan.ignore_rules = ["MD101"]
    assert pinned(check(plan)) == LOVECH


def test_settings_reach_the_rules_and_the_report() -> None:
    """A longer quick-win limit drops C103; the report records the settings used."""
    settings = ValidationSettings(dt.date(2022, 9, 1), quick_win_months=4)
    report = validate(lovech(), rules=CORE_RULES, settings=settings)
    assert "C103" not in {f.code for f in report.findings}
    assert report.settings == settings
    assert report.to_data()["settings"] == {"as_of": "2022-09-01", "quick_win_months": 4}


def test_default_settings_are_today_and_three_months() -> None:
    """Without settings the report was made as of today, with the three-month limit."""
    before = dt.datetime.now().astimezone().date()
    report = validate(lovech(), rules=CORE_RULES)
    assert before <= report.settings.as_of
    assert report.settings.quick_win_months == 3


def test_locations_get_the_file_and_the_place_in_it() -> None:
    """An imported plan's entities point into the source file; the plan's own place too."""
    plan = lovech()
    duplicate = [a for a in plan.activities() if a.number == "2.8.2"][1]
    quick_win = next(m for m in plan.measures() if m.number == "2.7")
    plan.source_locations = {duplicate.id: "table 1, row 40", plan.id: "paragraph 7"}
    report = validate(plan, rules=CORE_RULES, settings=SETTINGS, source="lovech.docx")
    by_code = {f.code: f for f in report.findings}
    assert by_code["S106"].location.position == "table 1, row 40"
    assert by_code["S106"].location.source == "lovech.docx"
    assert by_code["C102"].location.position == "paragraph 7"
    assert by_code["C103"].location.position == ""  # the reader did not place measure 2.7
    assert by_code["C103"].location.entity is not None
    assert by_code["C103"].location.entity.id == quick_win.id
    assert by_code["S106"].where.endswith("(table 1, row 40)")


def test_an_outer_entitys_place_stands_for_an_inner_one() -> None:
    """An activity the reader did not place points at its measure's place."""
    plan = lovech()
    measure = next(m for m in plan.measures() if m.number == "2.8")
    plan.source_locations = {measure.id: "table 1, rows 38-40"}
    [finding] = validate(plan, rules=CORE_RULES, select=["S106"], settings=SETTINGS).findings
    assert finding.location.position == "table 1, rows 38-40"


class TitleRule:
    @hookimpl
    def capcore_rules(self) -> list[RuleSpec]:
        def check_title(_plan: Plan) -> list[Finding]:
            return [Finding("MD101", Severity.INFO, "plan", "title is short")]

        return [RuleSpec("MD101", "short titles", Severity.INFO, check_title)]


def test_plugin_rules_run_with_the_core_ones() -> None:
    """A rule registered through the hook runs after the core's; plain text is accepted."""
    host = make_plugin_host(entry_points=False, plugins=[TitleRule()])
    report = validate(lovech(), host=host, settings=SETTINGS)
    assert [f.code for f in report.findings] == [code for code, _, _ in LOVECH] + ["MD101"]
    assert report.findings[-1].message == Message("title is short", "title is short")
    assert report.rules[-1] == "MD101"


def test_a_failing_rule_is_named() -> None:
    """A rule that raises is reported as a RuleError naming the rule and the source."""

    def broken(_plan: Plan) -> list[Finding]:
        raise ZeroDivisionError

    rule = RuleSpec("X1", "broken", Severity.ERROR, broken)
    with pytest.raises(RuleError, match=r"plan\.json: the rule X1 failed \(ZeroDivisionError"):
        validate(lovech(), rules=[rule], source="plan.json")


def test_report_text_in_english_and_bulgarian() -> None:
    """One line per finding, its hint once per code, then the summary; in either language."""
    report = validate(lovech(), rules=CORE_RULES, settings=SETTINGS, source="lovech.json")
    lines = report.to_text().splitlines()
    assert lines[0].startswith("lovech.json: S106 warning activity 2.8.2 [")
    assert lines[1] == "    hint: renumber them so that each number is used once"
    assert lines[-1] == "lovech.json: 0 errors, 4 warnings, 1 info"
    c104 = [line for line in lines if " C104 " in line or "give it an end date" in line]
    assert len(c104) == 3  # two findings, one hint
    bulgarian = report.to_text("bg").splitlines()
    assert bulgarian[0].startswith("lovech.json: S106 предупреждение дейност 2.8.2 [")
    assert bulgarian[1].startswith("    съвет: преномерирайте ги")
    assert bulgarian[-1] == "lovech.json: 0 грешки, 4 предупреждения, 1 сведение"
    assert len(report.to_text(hints=False).splitlines()) == len(LOVECH) + 1


def test_report_data_has_the_documented_shape() -> None:
    """The JSON form: version, file, plan, settings, rules, summary, findings in both languages."""
    plan = lovech()
    report = validate(plan, rules=CORE_RULES, settings=SETTINGS, source="lovech.json")
    data = report.to_data()
    assert list(data) == [
        "report_version",
        "file",
        "plan_id",
        "settings",
        "rules",
        "plan_ignores",
        "silenced",
        "summary",
        "findings",
    ]
    assert data["report_version"] == REPORT_VERSION == 1
    assert data["plan_id"] == plan.id
    assert data["rules"] == [rule.code for rule in CORE_RULES]
    assert data["summary"] == {"error": 0, "warning": 4, "info": 1}
    s106 = data["findings"][0]
    assert list(s106) == ["code", "severity", "location", "message", "hint"]
    assert s106["severity"] == "warning"
    assert list(s106["location"]) == [
        "entity",
        "area",
        "measure",
        "activity",
        "indicator",
        "field",
        "file",
        "position",
        "text",
    ]
    measure = next(m for m in plan.measures() if m.number == "2.8")
    assert s106["location"]["entity"] == "activity"
    assert s106["location"]["area"] == {"number": "2", "id": plan.areas[1].id}
    assert s106["location"]["measure"] == {"number": "2.8", "id": measure.id}
    assert s106["location"]["indicator"] is None
    assert s106["location"]["file"] == "lovech.json"
    assert s106["message"] == {
        "en": "2 activities share the number 2.8.2",
        "bg": "2 дейности имат един и същ номер 2.8.2",
    }
    assert s106["hint"]["bg"].startswith("преномерирайте")
    assert data["findings"][1]["location"]["entity"] == "plan"
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_a_plugins_free_text_location_has_no_entity() -> None:
    """A location given as text has no entity kind in the JSON form, only its text."""
    report = ValidationReport((Finding("MD1", Severity.INFO, "page 3", "x"),))
    location = report.to_data()["findings"][0]["location"]
    assert location["entity"] is None
    assert location["text"] == {"en": "page 3", "bg": "page 3"}


# One property test: generating plans is what costs, so each plan serves both checks.
@given(plans())
def test_every_plan_validates_and_ignoring_removes_only_the_ignored(plan: Plan) -> None:
    """Any plan is checked without an exception; each finding has its rule's severity and
    both languages; the JSON form dumps; ignoring one code leaves every other finding."""
    report = check(plan)
    severities = {rule.code: rule.severity for rule in CORE_RULES}
    for finding in report.findings:
        assert severities[finding.code] is finding.severity
        assert finding.message.en
        assert finding.message.bg
    json.dumps(report.to_data())
    assert check(plan) == report
    for code in {f.code for f in report.findings}:
        rest = check(plan, ignore=[code]).findings
        assert rest == tuple(f for f in report.findings if f.code != code)


def _silent(_plan: Plan) -> Iterator[Finding]:
    yield from ()


def test_a_report_without_findings_renders_its_summary() -> None:
    """No findings: the text is the summary line alone."""
    report = validate(lovech(), rules=[RuleSpec("X1", "none", Severity.INFO, _silent)])
    assert report.to_text() == "0 errors, 0 warnings, 0 info"
    assert report.findings == ()

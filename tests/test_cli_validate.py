"""capcore validate: the seed files, choosing rules, settings, languages, JSON, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from capcore import PlanBuilder, Status, save_json
from capcore.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from capcore.examples import lovech

from .conftest import REPO
from .test_validation import LOVECH, PAZARDZHIK, SMOLYAN

PLANS = REPO / "examples" / "plans"


@pytest.fixture
def lovech_file(tmp_path: Path) -> Path:
    path = tmp_path / "lovech.json"
    save_json(lovech(), path)
    return path


@pytest.fixture
def duplicate_id_file(tmp_path: Path) -> Path:
    builder = PlanBuilder("План", id="plan", caf_version=None)
    measure = builder.area("Област").measure("Мярка")
    measure.activity("Първа", id="same", responsible="Р", target="Ц")
    measure.activity("Втора", id="same", responsible="Р", target="Ц")
    path = tmp_path / "duplicate.json"
    save_json(builder.build(), path)
    return path


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(["validate", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("lovech", LOVECH), ("pazardzhik", PAZARDZHIK), ("smolyan", SMOLYAN)],
)
def test_the_seed_files_give_their_pinned_findings(
    name: str, expected: list[tuple[str, str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """examples/plans/<name>.json gives what a careful reader finds, and exits 0."""
    path = PLANS / f"{name}.json"
    code, report = run_json(capsys, str(path), "--as-of", "2026-11-23")
    assert code == EXIT_OK
    findings = report["findings"]
    assert isinstance(findings, list)
    assert [
        (f["code"], f["location"]["text"]["en"].split(" [")[0], f["location"]["field"])
        for f in findings
    ] == expected


def test_text_output_is_one_line_per_finding_with_hints(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each finding on a line, its hint under it, the summary last."""
    assert main(["validate", str(lovech_file), "--as-of", "2026-11-23"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{lovech_file}: S106 warning activity 2.8.2 [")
    assert lines[1] == "    hint: renumber them so that each number is used once"
    assert lines[-1] == f"{lovech_file}: 0 errors, 4 warnings, 1 info"


def test_bulgarian_text(lovech_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--locale bg prints the findings and the summary in Bulgarian."""
    assert main(["validate", str(lovech_file), "--locale", "bg"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{lovech_file}: S106 предупреждение дейност 2.8.2 [")
    assert lines[-1] == f"{lovech_file}: 0 грешки, 4 предупреждения, 1 сведение"


def test_json_output_carries_both_languages_and_the_settings(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json: the documented shape, with the day and the limit used."""
    code, report = run_json(capsys, str(lovech_file), "--as-of", "2022-09-01")
    assert code == EXIT_OK
    assert report["report_version"] == 1
    assert report["file"] == str(lovech_file)
    assert report["settings"] == {"as_of": "2022-09-01", "quick_win_months": 3}
    assert report["summary"] == {"error": 0, "warning": 4, "info": 1}
    first = report["findings"][0]
    assert first["message"] == {
        "en": "2 activities share the number 2.8.2",
        "bg": "2 дейности имат един и същ номер 2.8.2",
    }


def test_the_quick_win_limit_is_an_option(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--quick-win-months 4 accepts the Lovech quick win of three and a half months."""
    _, report = run_json(capsys, str(lovech_file), "--quick-win-months", "4")
    assert "C103" not in {f["code"] for f in report["findings"]}


def test_as_of_decides_what_is_in_the_future(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An update of 1 June 2022 is in the future on 1 May, not on 1 July."""
    builder = PlanBuilder("План", caf_version=None, period=(2022, 2022))
    builder.measure("М", deadline="м. юни", responsible="Р", expected_result="Ц").update(
        dt.date(2022, 6, 1), status=Status.IN_PROGRESS, percent=50
    )
    path = tmp_path / "plan.json"
    save_json(builder.build(), path)
    _, early = run_json(capsys, str(path), "--as-of", "2022-05-01")
    _, late = run_json(capsys, str(path), "--as-of", "2022-07-01")
    assert [f["code"] for f in early["findings"]] == ["P102"]
    assert late["findings"] == []


def test_a_malformed_date_is_a_usage_error(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--as-of 1.9.2022 is refused by the argument parser with exit 2."""
    with pytest.raises(SystemExit) as raised:
        main(["validate", str(lovech_file), "--as-of", "1.9.2022"])
    assert raised.value.code == EXIT_USAGE
    assert "expected a date YYYY-MM-DD, got '1.9.2022'" in capsys.readouterr().err


def test_a_zero_month_limit_is_a_usage_error(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--quick-win-months 0 is refused."""
    with pytest.raises(SystemExit) as raised:
        main(["validate", str(lovech_file), "--quick-win-months", "0"])
    assert raised.value.code == EXIT_USAGE
    assert "1 or more" in capsys.readouterr().err


def test_duplicate_id_is_an_error_finding(
    duplicate_id_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan with two entities of one id gives an S101 error and exit 1."""
    assert main(["validate", str(duplicate_id_file)]) == EXIT_FINDINGS
    assert (
        f"{duplicate_id_file}: S101 error activity 1.1.2 [same]: 2 entities share the id same"
        in (capsys.readouterr().out)
    )


def test_ignore_removes_findings_by_prefix(
    duplicate_id_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--ignore S1 leaves out every S1.. finding, so the error no longer fails the run."""
    assert main(["validate", str(duplicate_id_file), "--ignore", "S1"]) == EXIT_OK
    assert capsys.readouterr().out == f"{duplicate_id_file}: 0 errors, 0 warnings, 0 info\n"


def test_the_plans_own_ignore_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan file that ignores S101 itself passes, and the summary says a finding was silenced."""
    builder = PlanBuilder("План", caf_version=None)
    measure = builder.area("Област").measure("Мярка")
    measure.activity("Първа", id="same", number="1.1.1", responsible="Р", target="Ц")
    measure.activity("Втора", id="same", number="1.1.2", responsible="Р", target="Ц")
    plan = builder.build()
    plan.ignore_rules = ["S101"]
    path = tmp_path / "accepted.json"
    save_json(plan, path)
    assert main(["validate", str(path)]) == EXIT_OK
    assert capsys.readouterr().out == (
        f"{path}: 0 errors, 0 warnings, 0 info (1 silenced by the plan's ignore list)\n"
    )


def test_select_keeps_only_the_chosen_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--select S106 keeps the S106 finding and drops the S101 error of the same plan."""
    plan = lovech()
    activities = list(plan.activities())
    activities[1].id = activities[0].id
    path = tmp_path / "both.json"
    save_json(plan, path)
    code, report = run_json(capsys, str(path), "--select", "S106")
    assert code == EXIT_OK
    assert [finding["code"] for finding in report["findings"]] == ["S106"]


def test_unknown_code_is_a_usage_error(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A code that matches no installed rule is exit 2, listing the rules."""
    assert main(["validate", str(lovech_file), "--select", "S9"]) == EXIT_USAGE
    assert "select: no rule matches 'S9' (rules: S101," in capsys.readouterr().err


def test_installed_command_exits_with_one_on_errors(duplicate_id_file: Path) -> None:
    """The installed command gives exit code 1 for a plan with an error finding."""
    result = subprocess.run(
        [Path(sys.executable).with_name("capcore"), "validate", str(duplicate_id_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == EXIT_FINDINGS
    assert "S101 error" in result.stdout

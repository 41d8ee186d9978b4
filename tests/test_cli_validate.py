"""capcore validate: the installed rules, --select/--ignore, text and JSON output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from capcore import PlanBuilder, save_json
from capcore.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from capcore.examples import lovech


@pytest.fixture
def lovech_file(tmp_path: Path) -> Path:
    path = tmp_path / "lovech.json"
    save_json(lovech(), path)
    return path


@pytest.fixture
def duplicate_id_file(tmp_path: Path) -> Path:
    builder = PlanBuilder("План", id="plan")
    measure = builder.area("Област").measure("Мярка")
    measure.activity("Първа", id="same")
    measure.activity("Втора", id="same")
    path = tmp_path / "duplicate.json"
    save_json(builder.build(), path)
    return path


def test_lovech_plan_has_a_warning_and_exits_ok(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Lovech plan gives its S106 warning, one line per finding, then a summary."""
    assert main(["validate", str(lovech_file)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{lovech_file}: S106 warning activity 2.8.2 [")
    assert lines[1] == f"{lovech_file}: 0 errors, 1 warning, 0 info"


def test_json_output_lists_findings_and_summary(
    lovech_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json prints the file, each finding's fields and the counts by severity."""
    assert main(["validate", str(lovech_file), "--format", "json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["file"] == str(lovech_file)
    assert report["summary"] == {"error": 0, "warning": 1, "info": 0}
    [finding] = report["findings"]
    assert finding["code"] == "S106"
    assert finding["severity"] == "warning"
    assert finding["where"].startswith("activity 2.8.2 [")
    assert finding["message"] == "2 activity entries share the number 2.8.2"


def test_duplicate_id_is_an_error_finding(
    duplicate_id_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan with two entities of one id gives an S101 error and exit 1."""
    assert main(["validate", str(duplicate_id_file)]) == EXIT_FINDINGS
    assert f"{duplicate_id_file}: S101 error id same: 2 entities share this id" in (
        capsys.readouterr().out
    )


def test_ignore_removes_findings_by_prefix(
    duplicate_id_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--ignore S1 leaves out every S1.. finding, so the error no longer fails the run."""
    assert main(["validate", str(duplicate_id_file), "--ignore", "S1"]) == EXIT_OK
    assert capsys.readouterr().out == f"{duplicate_id_file}: 0 errors, 0 warnings, 0 info\n"


def test_select_keeps_only_the_chosen_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--select S106 keeps the S106 finding and drops the S101 error of the same plan."""
    plan = lovech()
    activities = list(plan.activities())
    activities[1].id = activities[0].id
    path = tmp_path / "both.json"
    save_json(plan, path)
    assert main(["validate", str(path), "--select", "S106", "--format", "json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
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

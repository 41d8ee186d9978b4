"""capcore progress: the report as text (bg, en) and JSON, as of a date, with a policy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from capcore import PlanBuilder, Status, save_json
from capcore.cli import EXIT_OK, EXIT_USAGE, main

from .conftest import REPO


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """A plan with four units: two activities and two measures without activities."""
    builder = PlanBuilder("План", id="plan", period=(2024, 2024))
    area = builder.area("Област")
    measure = area.measure("С дейности")
    first = measure.activity("Първа")
    first.update(dt.date(2024, 1, 10), status=Status.IN_PROGRESS, percent=20)
    first.update(dt.date(2024, 3, 1), status=Status.DONE, percent=100)
    measure.activity("Втора").update(dt.date(2024, 2, 1), status=Status.DELAYED)
    area.measure("Без дейности").update(dt.date(2024, 1, 15), status=Status.IN_PROGRESS, percent=50)
    area.measure("Без доклад", deadline=dt.date(2024, 12, 31))
    path = tmp_path / "plan.json"
    save_json(builder.build(), path)
    return path


def _report(path: Path, as_of: str, capsys: pytest.CaptureFixture[str], *more: str) -> dict:
    assert main(["progress", str(path), "--as-of", as_of, "--format", "json", *more]) == EXIT_OK
    report: dict = json.loads(capsys.readouterr().out)
    return report


def test_counts_and_percent_as_of_a_date(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As of 15 February: Първа 20 %, Втора "delayed" 50 %, so the measure 35 %; plan (35+50)/2."""
    report = _report(plan_file, "2024-02-15", capsys)
    assert report["file"] == str(plan_file)
    assert report["as_of"] == "2024-02-15"
    assert report["plan"]["units"] == 4
    assert report["status_counts"] == {
        "not_started": 0,
        "in_progress": 2,
        "done": 0,
        "delayed": 1,
        "on_hold": 0,
        "cancelled": 0,
        "no_report": 1,
    }
    assert report["plan"]["reported"] == 3
    actual = {item["title"]: item["actual"] for item in report["items"]}
    assert (actual["Първа"], actual["Втора"], actual["С дейности"]) == ("20", "50", "35")
    assert actual["Без доклад"] is None
    assert report["plan"]["actual"] == "42.5"


def test_later_updates_count_only_from_their_date(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As of 31 March, Първа is done: the measure (100+50)/2 = 75, the plan (75+50)/2 = 62.5."""
    report = _report(plan_file, "2024-03-31", capsys)
    assert report["status_counts"]["done"] == 1
    assert report["plan"]["actual"] == "62.5"


def test_before_any_update_nothing_is_reported(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before the first update every unit has no report and the plan has no percent."""
    report = _report(plan_file, "2023-12-31", capsys)
    assert report["status_counts"]["no_report"] == 4
    assert report["plan"]["actual"] is None


def test_exact_in_json_rounded_in_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Percents of 10, 10 and 20 average 13.333...: exact in JSON, 13.3 in the text."""
    builder = PlanBuilder("План", id="plan")
    for title, percent in (("А", 10), ("Б", 10), ("В", 20)):
        builder.measure(title).update(dt.date(2024, 1, 1), percent=percent)
    path = tmp_path / "plan.json"
    save_json(builder.build(), path)
    assert _report(path, "2024-06-30", capsys)["plan"]["actual"] == "13.33333333333333333333333333"
    assert main(["progress", str(path), "--as-of", "2024-06-30", "--locale", "en"]) == EXIT_OK
    assert "Whole plan: actual 13.3%, expected —, variance —" in capsys.readouterr().out


def test_policy_option(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--policy status ignores the reported 20 %: in progress counts 50, so the measure 50."""
    report = _report(plan_file, "2024-02-15", capsys, "--policy", "status")
    assert report["policy"]["name"] == "status"
    assert report["plan"]["actual"] == "50"


def test_text_report_in_bulgarian_and_english(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text report is Bulgarian by default and English with --locale en."""
    assert main(["progress", str(plan_file), "--as-of", "2024-02-15"]) == EXIT_OK
    bulgarian = capsys.readouterr().out.splitlines()
    assert bulgarian[:3] == ["План", "Напредък към 15.02.2024", "Правило за изчисляване: default"]
    # Only "Без доклад" is dated (the year 2024, 46 of 366 days by 15 February); the variance
    # compares like with like, and no unit has both a percent and a schedule.
    assert "Целият план: изпълнение 42,5 %, очаквано 12,6 %, отклонение —" in bulgarian
    assert "  Няма отчет: 1" in bulgarian
    assert main(["progress", str(plan_file), "--as-of", "2024-02-15", "--locale", "en"]) == EXIT_OK
    english = capsys.readouterr().out.splitlines()
    assert english[1] == "Progress as of 2024-02-15"
    assert "  No report: 1" in english


@pytest.mark.parametrize("key", ["lovech", "pazardzhik", "smolyan"])
def test_every_seed_plan_gives_a_report(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each example plan, without reports or with the sample ones, gives a text and a JSON report."""
    for name in (key, f"{key}-monitoring"):
        path = REPO / "examples" / "plans" / f"{name}.json"
        assert main(["progress", str(path), "--as-of", "2022-09-01"]) == EXIT_OK
        text = capsys.readouterr().out
        assert "Напредък към 01.09.2022" in text
        assert "Области, мерки и дейности:" in text
        report = _report(path, "2022-09-01", capsys)
        assert report["plan"]["units"] == len([i for i in report["items"] if i["unit"]])


def test_lovech_as_of_2022_09_01_without_reports(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing reported is itself information: every unit listed, the overdue ones named."""
    path = REPO / "examples" / "plans" / "lovech.json"
    report = _report(path, "2022-09-01", capsys)
    assert report["status_counts"]["no_report"] == 54
    assert report["plan"]["actual"] is None
    assert report["plan"]["gauge"] == "red"
    overdue = [item["number"] for item in report["overdue"]]
    assert overdue[0] == "1.1.1"  # due 18.3.2022, the longest overdue
    assert report["overdue"][0]["days"] == 167


def test_malformed_date_is_a_usage_error(plan_file: Path) -> None:
    """--as-of that is not a date is rejected by argparse with exit 2."""
    with pytest.raises(SystemExit) as raised:
        main(["progress", str(plan_file), "--as-of", "15.02.2024"])
    assert raised.value.code == EXIT_USAGE


def test_unknown_policy_and_negative_days_are_usage_errors(plan_file: Path) -> None:
    """--policy must be a preset and --upcoming-days 0 or more."""
    for extra in (["--policy", "fast"], ["--upcoming-days", "-3"]):
        with pytest.raises(SystemExit) as raised:
            main(["progress", str(plan_file), *extra])
        assert raised.value.code == EXIT_USAGE

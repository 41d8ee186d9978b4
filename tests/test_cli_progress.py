"""capcore progress: counts by status and the average percent, as of a date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from capcore import PlanBuilder, Status, save_json
from capcore.cli import EXIT_OK, EXIT_USAGE, main


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


def _report(path: Path, as_of: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["progress", str(path), "--as-of", as_of, "--format", "json"]) == EXIT_OK
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def test_counts_and_percent_as_of_a_date(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As of 15 February, the January updates count: two in progress, 35% on average."""
    report = _report(plan_file, "2024-02-15", capsys)
    assert report["units"] == 4
    assert report["by_status"] == {
        "not_started": 0,
        "in_progress": 2,
        "done": 0,
        "delayed": 1,
        "on_hold": 0,
        "cancelled": 0,
        "no report": 1,
    }
    assert report["with_percent"] == 2
    assert report["average_percent"] == "35.0"


def test_later_updates_count_only_from_their_date(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As of 31 March, the March update replaces January's: one done, 75% on average."""
    report = _report(plan_file, "2024-03-31", capsys)
    by_status = report["by_status"]
    assert isinstance(by_status, dict)
    assert (by_status["done"], by_status["in_progress"], by_status["delayed"]) == (1, 1, 1)
    assert report["average_percent"] == "75.0"


def test_before_any_update_nothing_is_reported(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before the first update every unit is `no report` and there is no average."""
    report = _report(plan_file, "2023-12-31", capsys)
    assert report["by_status"] == {
        "not_started": 0,
        "in_progress": 0,
        "done": 0,
        "delayed": 0,
        "on_hold": 0,
        "cancelled": 0,
        "no report": 4,
    }
    assert report["average_percent"] is None


def test_average_is_rounded_only_for_display(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Percents of 10, 10 and 20 average 13.333..., shown as 13.3."""
    builder = PlanBuilder("План", id="plan")
    for title, percent in (("А", 10), ("Б", 10), ("В", 20)):
        builder.measure(title).update(dt.date(2024, 1, 1), percent=percent)
    path = tmp_path / "plan.json"
    save_json(builder.build(), path)
    assert _report(path, "2024-06-30", capsys)["average_percent"] == "13.3"


def test_text_output_lists_each_status(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text output gives the units, a line per status and the average percent."""
    assert main(["progress", str(plan_file), "--as-of", "2024-02-15"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{plan_file}: 4 units of progress as of 2024-02-15"
    assert [line.split()[-1] for line in lines[1:8]] == ["0", "2", "0", "1", "0", "0", "1"]
    assert lines[2].split() == ["in", "progress", "2"]
    assert lines[8] == "  average percent: 35.0% (of 2 units that reported one)"


def test_malformed_date_is_a_usage_error(plan_file: Path) -> None:
    """--as-of that is not a date is rejected by argparse with exit 2."""
    with pytest.raises(SystemExit) as raised:
        main(["progress", str(plan_file), "--as-of", "15.02.2024"])
    assert raised.value.code == EXIT_USAGE

"""Smoke test of the benchmark suite (benchmarks/run.py): it runs and its table is whole.

Speed itself is never asserted here (the machines are shared): only that
every measurement ran and gave a finite, positive number.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import needs_formats

# The suite measures every format, so it needs every plugin installed.
pytestmark = needs_formats("xlsx", "docx", "html")

RUNNER = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
COLUMNS = ["measurement", "size", "ours", "baseline", "ratio", "goal", "met"]
# Every measurement group the issue asks for, by the words its rows start with.
EXPECTED_GROUPS = (
    "capcore --help start-up",
    "JSON write vs",
    "JSON read vs",
    "JSON write: time",
    "JSON read: peak memory",
    "validation: time",
    "validation: peak memory",
    "progress: time",
    "progress: peak memory",
    "progress to_data: time",
    "html write",
    "xlsx write",
    "xlsx whole workbook",
    "xlsx read (own file)",
    "xlsx read (real-world shape)",
    "docx matrix write vs lxml",
    "docx matrix write vs python-docx",
    "docx read",
)


def _number(cell: str) -> float:
    return float(cell.removesuffix("x").removesuffix(" s").removesuffix(" MB").replace(",", ""))


@pytest.fixture(scope="module")
def table() -> list[dict[str, str]]:
    result = subprocess.run(
        [sys.executable, str(RUNNER), "--smoke"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == COLUMNS
    return [
        dict(zip(COLUMNS, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
        for line in lines[2:]
    ]


def test_every_measurement_is_in_the_table(table: list[dict[str, str]]) -> None:
    """Each group the issue names has a row."""
    names = [row["measurement"] for row in table]
    missing = [group for group in EXPECTED_GROUPS if not any(n.startswith(group) for n in names)]
    assert missing == []


def test_every_number_is_finite_and_positive(table: list[dict[str, str]]) -> None:
    """Ours, the baseline and the ratio of every row are finite numbers above zero."""
    for row in table:
        for column in ("ours", "baseline", "ratio"):
            value = _number(row[column])
            assert math.isfinite(value), (row["measurement"], column)
            assert value > 0, (row["measurement"], column)


def test_rows_with_a_goal_say_met_or_missed(table: list[dict[str, str]]) -> None:
    """A row with a goal gives a verdict; a row without one shows a dash."""
    for row in table:
        expected = {"-"} if row["goal"] == "-" else {"met", "missed"}
        assert row["met"] in expected, row


def test_smoke_runs_the_smallest_size_only(table: list[dict[str, str]]) -> None:
    """--smoke measures 1,000 activities (the start-up row has no size)."""
    assert {row["size"] for row in table} == {"-", "1,000"}

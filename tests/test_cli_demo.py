"""capcore demo: the example plans, written in every installed format."""

from __future__ import annotations

from pathlib import Path

import pytest

from capcore import load_json
from capcore.cli import EXIT_OK, main
from capcore.examples import seed_plans


def test_demo_writes_the_example_plans_that_read_back_equal(tmp_path: Path) -> None:
    """capcore demo writes the three seed plans as JSON equal to the built plans."""
    assert main(["demo", str(tmp_path)]) == EXIT_OK
    for key, plan in seed_plans().items():
        assert load_json(tmp_path / f"{key}.json") == plan


def test_demo_reports_counts_and_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo prints each plan's counts and its structural findings."""
    main(["demo", str(tmp_path)])
    out = capsys.readouterr().out
    assert "lovech: 3 areas, 32 measures (15 quick wins), 54 activities" in out
    assert "S106" in out  # the Lovech plan's duplicated 2.8.2
    assert "reads back equal" in out


def test_demo_is_quiet_on_stderr_when_it_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With stderr piped, the demo shows no progress display at all."""
    assert main(["demo", str(tmp_path)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "\r" not in captured.out

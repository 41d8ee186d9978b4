"""capcore demo: the example plans, written in every installed format."""

from __future__ import annotations

from pathlib import Path

import pytest

from capcore import load_json
from capcore.cli import EXIT_OK, main
from capcore.examples import monitoring_plans, seed_plans
from capcore.plugin_host import default_host


def test_demo_writes_the_example_plans_that_read_back_equal(tmp_path: Path) -> None:
    """capcore demo writes the three seed plans as JSON equal to the built plans."""
    assert main(["demo", str(tmp_path)]) == EXIT_OK
    for key, plan in seed_plans().items():
        assert load_json(tmp_path / f"{key}.json") == plan


def test_demo_reports_counts_and_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo prints each plan's counts, its findings by severity and monitoring progress."""
    main(["demo", str(tmp_path)])
    out = capsys.readouterr().out
    assert "lovech: 3 areas, 32 measures (15 quick wins), 54 activities" in out
    # S106 (the duplicated 2.8.2), C102, C103 and two C104: pinned in test_validation.
    assert "findings: 0 errors, 4 warnings, 1 info" in out
    assert "reads back equal" in out
    assert "READS BACK DIFFERENT" not in out
    monitoring = out.split("lovech-monitoring:")[1]
    assert "progress as of 2024-12-31: " in monitoring


def test_demo_writes_every_installed_writer_format(tmp_path: Path) -> None:
    """Every format with a writer gets a file per plan, monitoring plans included."""
    assert main(["demo", str(tmp_path)]) == EXIT_OK
    extensions = {
        registered.spec.default_extension
        for registered in default_host().formats()
        if registered.spec.writer
    }
    assert ".json" in extensions
    for key in [*seed_plans(), *monitoring_plans()]:
        for extension in extensions:
            assert (tmp_path / f"{key}{extension}").stat().st_size > 0


def test_demo_is_quiet_on_stderr_when_it_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With stderr piped, the demo shows no progress display at all."""
    assert main(["demo", str(tmp_path)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "\r" not in captured.out

"""The capcore command: demo, version, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from capcore import load_json
from capcore.cli import EXIT_OK, EXIT_USAGE, main
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


def test_unwritable_output_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output folder that cannot be made gives exit 2 and one line, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["demo", str(blocker / "out")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("capcore: error:")
    assert "Traceback" not in err


def test_unknown_command_is_a_usage_error() -> None:
    """argparse rejects an unknown command with exit code 2."""
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == EXIT_USAGE


def test_installed_command_runs() -> None:
    """The installed entry point answers --version."""
    result = subprocess.run(
        [Path(sys.executable).with_name("capcore"), "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == EXIT_OK
    assert result.stdout.startswith("capcore ")

"""The capcore command as a whole: version, exit codes, errors, --debug, the progress display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from capcore import PlanFormatError
from capcore.cli import EXIT_OK, EXIT_USAGE, main
from capcore.cli._common import LazyChoices
from capcore.progress_policy import POLICY_PRESETS

CAPCORE = Path(sys.executable).with_name("capcore")


def test_unwritable_output_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output folder that cannot be made gives exit 2 and one line, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["demo", str(blocker / "out")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("capcore: error:")
    assert err.count("\n") == 1


def test_unknown_command_is_a_usage_error() -> None:
    """argparse rejects an unknown command with exit code 2."""
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == EXIT_USAGE


def test_debug_lets_the_error_propagate(tmp_path: Path) -> None:
    """With --debug, the error escapes main() instead of becoming exit code 2."""
    with pytest.raises(PlanFormatError, match=r"missing\.json"):
        main(["--debug", "convert", str(tmp_path / "missing.json"), str(tmp_path / "out.json")])


def test_debug_is_accepted_after_the_command_too(tmp_path: Path) -> None:
    """`capcore convert ... --debug` works like `capcore --debug convert ...`."""
    with pytest.raises(PlanFormatError):
        main(["convert", str(tmp_path / "missing.json"), str(tmp_path / "out.json"), "--debug"])


def test_installed_command_runs() -> None:
    """The installed entry point answers --version."""
    result = subprocess.run([CAPCORE, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == EXIT_OK
    assert result.stdout.startswith("capcore ")


def test_installed_command_shows_a_traceback_only_with_debug(tmp_path: Path) -> None:
    """The installed command prints one line for an error, and the traceback with --debug."""
    arguments = ["convert", str(tmp_path / "missing.json"), str(tmp_path / "out.json")]
    plain = subprocess.run([CAPCORE, *arguments], capture_output=True, text=True, check=False)
    debug = subprocess.run(
        [CAPCORE, "--debug", *arguments], capture_output=True, text=True, check=False
    )
    assert plain.returncode == EXIT_USAGE
    assert plain.stderr.count("\n") == 1
    assert "Traceback" not in plain.stderr
    assert debug.returncode != EXIT_OK
    assert "Traceback (most recent call last)" in debug.stderr
    assert "missing.json: cannot read" in debug.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_is_shown_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    """On a terminal, `capcore demo` shows `[n/total] name` and clears the line at the end."""
    leader, follower = os.openpty()
    try:
        result = subprocess.run(
            [CAPCORE, "demo", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=follower,
            check=False,
        )
    finally:
        os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal is closed on Linux once everything is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert result.returncode == EXIT_OK
    assert b"\r[1/" in shown
    assert b"] lovech.json" in shown
    assert shown.endswith(b"\r")  # the last write blanks the line and returns


def test_help_imports_neither_the_model_nor_the_libraries() -> None:
    """`capcore --help` lists the commands without importing the model, attrs, cattrs or pluggy.

    The presets offered as choices (--policy, --method) are read only when used.
    """
    code = (
        "import sys\n"
        "from capcore.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('capcore.model', 'attr', 'attrs', 'cattrs', 'pluggy', 'capcore_xlsx')\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in heavy\n"
        "             or name == 'capcore.model'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout


def test_lazy_choices_are_read_when_used() -> None:
    """LazyChoices holds the registry's names, in order, once something asks for them."""
    choices = LazyChoices("capcore.progress_policy:POLICY_PRESETS")
    assert list(choices) == list(POLICY_PRESETS)
    assert "strict" in choices
    assert "fast" not in choices
    assert len(choices) == len(POLICY_PRESETS)

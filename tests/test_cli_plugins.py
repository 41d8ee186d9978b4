"""capcore plugins: the installed plugins, their formats and rules, and load problems."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from capcore.cli import EXIT_OK, main
from capcore.cli.plugins import code_ranges
from capcore.core_plugin import CORE_RULES
from capcore.plugin_host import default_host

from .plugin_fixtures import install_broken_plugin


@pytest.fixture
def broken_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    install_broken_plugin(monkeypatch, tmp_path / "site", module="capcore_cli_broken_plugin")
    default_host.cache_clear()
    yield
    default_host.cache_clear()


def test_core_plugin_is_listed_with_json_read_and_write(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The table lists capcore, its distribution and version, `json (read, write)` and rules."""
    assert main(["plugins"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "distribution", "version", "formats", "rules"]
    core = next(line for line in lines[1:] if line.startswith("capcore "))
    assert "json (read, write)" in core
    assert "S101-S106" in core
    assert code_ranges([rule.code for rule in CORE_RULES]) in core


def test_json_output_describes_plugins_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives each plugin's formats with their abilities, and the problems."""
    assert main(["plugins", "--format", "json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    core = next(plugin for plugin in report["plugins"] if plugin["name"] == "capcore")
    assert core["distribution"] == "capcore"
    assert {"name": "json", "extensions": [".json"], "abilities": ["read", "write"]} in (
        core["formats"]
    )
    assert "S106" in core["rules"]
    assert report["problems"] == []


@pytest.mark.usefixtures("broken_plugin")
def test_plugin_that_fails_to_load_is_listed_with_its_problem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A plugin that cannot be imported is a one-line warning and listed as not loaded."""
    assert main(["plugins"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "not loaded:" in captured.out
    assert "plugin 'broken' from capcore-broken: ImportError: needs libfoo" in captured.out
    assert captured.err == (
        "capcore: warning: left out plugin 'broken' from capcore-broken: "
        "ImportError: needs libfoo\n"
    )


@pytest.mark.parametrize(
    ("codes", "shown"),
    [
        ((), ""),
        (("S101",), "S101"),
        (("S101", "S102", "S103", "D101", "D103", "D104"), "S101-S103, D101, D103-D104"),
        (("MD101", "custom", "X001", "X002"), "MD101, custom, X001-X002"),
        (("A1", "B2"), "A1, B2"),
    ],
)
def test_rule_codes_show_as_ranges(codes: tuple[str, ...], shown: str) -> None:
    assert code_ranges(codes) == shown

"""The example plugin capcore-markdown, installed for real: found, used, listed, disabled."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import capcore
from capcore import make_plugin_host
from capcore.examples import lovech
from capcore.plugin_host import DISABLE_ENV

from .conftest import needs_formats

pytestmark = needs_formats("markdown")

CAPCORE = Path(sys.executable).with_name("capcore")


def test_the_entry_point_is_found_with_its_distribution_and_version() -> None:
    """make_plugin_host() loads the markdown plugin from the capcore-markdown distribution."""
    infos = {info.name: info for info in make_plugin_host().plugins()}
    assert infos["markdown"].distribution == "capcore-markdown"
    assert infos["markdown"].version == metadata.version("capcore-markdown")
    assert infos["markdown"].formats == ("markdown",)


def test_write_chooses_markdown_by_the_extension(tmp_path: Path) -> None:
    """capcore.write to a .md path writes the plan as Markdown."""
    capcore.write(lovech(), tmp_path / "plan.md")
    text = (tmp_path / "plan.md").read_text("utf-8")
    assert text.startswith("# ПЛАН ЗА ПОДОБРИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ\n")


def test_the_command_lists_the_plugin() -> None:
    """`capcore plugins` shows the plugin, its distribution and its format."""
    result = subprocess.run([CAPCORE, "plugins"], capture_output=True, text=True, check=True)
    row = next(line for line in result.stdout.splitlines() if line.startswith("markdown "))
    assert row.split()[:2] == ["markdown", "capcore-markdown"]
    assert "markdown (write)" in row


def test_the_command_converts_json_to_markdown(tmp_path: Path) -> None:
    """`capcore convert plan.json plan.md` writes the Markdown document."""
    capcore.write(lovech(), tmp_path / "plan.json")
    subprocess.run(
        [CAPCORE, "convert", tmp_path / "plan.json", tmp_path / "plan.md", "--locale", "en"],
        capture_output=True,
        check=True,
    )
    text = (tmp_path / "plan.md").read_text("utf-8")
    assert text.startswith("# ПЛАН ЗА ПОДОБРИЕ")
    assert "- **Organisation:** Областна администрация Ловеч" in text


@pytest.mark.parametrize("name", ["markdown", "capcore-markdown"])
def test_the_plugin_can_be_disabled(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """CAPCORE_DISABLE_PLUGINS leaves it out, by entry-point or distribution name."""
    monkeypatch.setenv(DISABLE_ENV, name)
    host = make_plugin_host()
    assert "markdown" not in [info.name for info in host.plugins()]
    assert "markdown" not in [registered.name for registered in host.formats()]

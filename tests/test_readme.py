"""The README's Python example runs as written, and CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import REPO

README = (REPO / "README.md").read_text("utf-8")


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block of the README executes without error."""
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    assert blocks, "the README has no Python example"
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own documentation


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs the same test command the README's Quickstart gives."""
    quickstart = README.split("## Quickstart", 1)[1]
    commands = re.findall(r"^(python3 dev\.py \w+)", quickstart, flags=re.MULTILINE)
    assert commands == ["python3 dev.py demo", "python3 dev.py test"]
    assert "python3 dev.py test" in (REPO / ".ci" / "run").read_text("utf-8")

"""A pytest plugin for the release check's isolated runs: the wheels are what is tested.

``tools/release_check.py`` loads it with ``-p release_guard`` into a throwaway
virtual environment that holds the core's wheel and at most one plugin's. Once
the tests are collected (so every test module has imported what it tests), it
stops the run unless each package named in ``CAPCORE_RELEASE_TESTED`` was
imported from that environment's site-packages, never from a source tree, and
no package named in ``CAPCORE_RELEASE_ABSENT`` can be imported at all.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import sysconfig
from pathlib import Path

import pytest

TESTED_VARIABLE = "CAPCORE_RELEASE_TESTED"
ABSENT_VARIABLE = "CAPCORE_RELEASE_ABSENT"


def _names(variable: str) -> list[str]:
    """The comma-separated package names in an environment variable."""
    return [name for name in os.environ.get(variable, "").split(",") if name]


def installed_origin_problems(
    tested: list[str], absent: list[str], site_packages: Path
) -> list[str]:
    """What contradicts an isolated run: sources from a tree, or a plugin that should be absent.

    Args:
        tested: Packages that must come from ``site_packages``.
        absent: Packages that must not be importable at all.
        site_packages: The environment's site-packages folder.

    Returns:
        One sentence per problem; empty when the run tests the installed wheels alone.
    """
    problems: list[str] = []
    for name in tested:
        module = sys.modules.get(name) or importlib.import_module(name)
        origin = Path(module.__file__ or "").resolve()
        if not origin.is_relative_to(site_packages):
            problems.append(f"{name} was imported from {origin}, not from {site_packages}")
    problems.extend(
        f"{name} is importable, but this run must have it absent"
        for name in absent
        if importlib.util.find_spec(name) is not None
    )
    return problems


def pytest_collection_finish(session: pytest.Session) -> None:
    """Stop before any test runs if the run does not test the installed wheels alone."""
    del session  # The modules are what matters, and they are in sys.modules by now.
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    problems = installed_origin_problems(
        _names(TESTED_VARIABLE), _names(ABSENT_VARIABLE), site_packages
    )
    if problems:
        raise pytest.UsageError("release check: " + "; ".join(problems))

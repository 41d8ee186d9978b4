"""Shared test settings: Hypothesis profiles and paths.

``CAPCORE_HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per
property; the default profile keeps CI fast. Neither has a deadline: the
machines are shared and noisy, so time is measured in benchmarks/, not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from capcore.plugin_host import default_host
from capcore.testing.profiles import load_hypothesis_profiles

load_hypothesis_profiles()

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def needs_formats(*names: str) -> pytest.MarkDecorator:
    """Skip where a format these tests need is not installed, naming the plugin to install.

    In the all-together run every plugin is installed and nothing skips; the
    release check also runs these tests with the core's wheel alone
    (``tools/release_check.py``), where the cross-format ones have nothing to test.
    """
    installed = {registered.name for registered in default_host().formats()}
    missing = [name for name in names if name not in installed]
    return pytest.mark.skipif(
        bool(missing),
        reason="needs "
        + ", ".join(f"capcore-{name}" for name in missing)
        + " installed beside the core",
    )

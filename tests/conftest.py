"""Shared test settings: Hypothesis profiles and paths.

``CAPCORE_HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per
property; the default profile keeps CI fast. Neither has a deadline: the
machines are shared and noisy, so time is measured in benchmarks/, not here.
"""

from __future__ import annotations

from pathlib import Path

from capcore.testing.profiles import load_hypothesis_profiles

load_hypothesis_profiles()

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

"""Shared test settings: Hypothesis profiles and paths.

``CAPCORE_HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per
property; the default profile keeps CI fast. Neither has a deadline: the
machines are shared and noisy, so time is measured in benchmarks/, not here.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CAPCORE_HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

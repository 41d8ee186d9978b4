"""The Hypothesis profiles of capcore's suites and of its plugins' suites.

``CAPCORE_HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per
property; the default profile keeps CI fast. Neither has a deadline: the
machines are shared and noisy, so time is measured in ``benchmarks/``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__ = ["PROFILE_VARIABLE", "load_hypothesis_profiles"]

PROFILE_VARIABLE = "CAPCORE_HYPOTHESIS_PROFILE"
"""The environment variable that chooses the profile (``default`` or ``thorough``)."""


def load_hypothesis_profiles() -> str:
    """Register the ``default`` and ``thorough`` profiles, load the chosen one, return its name."""
    settings.register_profile(
        "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    settings.register_profile(
        "thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    name = os.environ.get(PROFILE_VARIABLE, "default")
    settings.load_profile(name)
    return name

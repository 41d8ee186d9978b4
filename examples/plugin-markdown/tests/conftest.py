"""Hypothesis profiles for the contract's property tests: the same as capcore's own.

``CAPCORE_HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per
property; the default keeps runs fast. No deadline: shared machines are noisy.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CAPCORE_HYPOTHESIS_PROFILE", "default"))

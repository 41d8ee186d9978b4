"""Hypothesis profiles for the contract's property tests: the same as capcore's own.

``CAPCORE_HYPOTHESIS_PROFILE=thorough`` runs thousands of examples per
property; the default keeps runs fast. No deadline: shared machines are noisy.
"""

from __future__ import annotations

from capcore.testing.profiles import load_hypothesis_profiles

load_hypothesis_profiles()

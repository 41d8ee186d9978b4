"""Hypothesis profiles: the same as capcore's own."""

from __future__ import annotations

from capcore.testing.profiles import load_hypothesis_profiles

load_hypothesis_profiles()

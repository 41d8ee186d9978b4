"""The one home of CAF's quick-win limit.

CAF guidance calls a measure a quick win when it has a high impact, is easy
and is done within at most three months. Validation
(:class:`capcore.ValidationSettings`) and prioritisation
(:class:`capcore.PrioritisationMethod`) both default to this number; it lives
in a module of its own so that the model can use it without importing the
rule engine.
"""

from __future__ import annotations

__all__ = ["DEFAULT_QUICK_WIN_MONTHS"]

DEFAULT_QUICK_WIN_MONTHS = 3
"""CAF guidance: a quick win is done within at most three months."""

"""Small text helpers for messages and reports (English)."""

from __future__ import annotations

__all__ = ["count"]


def count(number: int, singular: str, plural: str | None = None) -> str:
    """Return ``3 measures`` or ``1 measure`` (``plural`` for irregular words)."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"

"""The text a layout shows for a field of a measure or an activity."""

from __future__ import annotations

from capcore import Activity, Measure

__all__ = ["field_text"]


def field_text(entity: Measure | Activity, field: str) -> str:
    """Return the text shown for a field path (``roles.sponsor``, ``budget``, ``caf_refs``).

    Deadlines and budgets show their words as written, CAF references are
    joined by ``, ``, an absent value is empty.
    """
    value: object = entity
    for part in field.split("."):
        value = getattr(value, part)
    if value is None:
        return ""
    if isinstance(value, tuple):  # CAF references
        return ", ".join(str(item) for item in value)
    return str(value)

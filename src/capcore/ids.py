"""Stable identifiers for plans, areas, measures and activities.

An id is given once and then travels with its entity through every format,
so a file sent out, edited by a department and imported again merges into
the same plan. Ids are opaque strings; capcore makes UUIDs.
"""

from __future__ import annotations

import uuid

__all__ = ["derived_id", "new_id"]

# Fixed namespace so that derived ids are the same on every machine and run.
_CAPCORE_NAMESPACE = uuid.UUID("6f3b7c1e-2a4d-5e8f-9b0a-1c2d3e4f5a6b")


def new_id() -> str:
    """Return a fresh random id (UUID 4, as text)."""
    return str(uuid.uuid4())


def derived_id(parent_id: str, path: str) -> str:
    """Return the id that ``path`` under ``parent_id`` always gets (UUID 5).

    The builder uses it so that a script that generates a plan gives the same
    ids on every run, and importers use it for documents that carry no ids.

    Args:
        parent_id: The id of the plan (or other owner) the path is under.
        path: A position such as ``"area:1/measure:3/activity:2"``.
    """
    return str(uuid.uuid5(_CAPCORE_NAMESPACE, f"{parent_id}/{path}"))

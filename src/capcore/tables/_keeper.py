"""Keeping what a reader cannot place, reporting it, and remembering where things were.

Nothing a reader reads is dropped: :meth:`Keeper.keep` stores the text in
the entity's ``extra`` mapping under its source location *and* adds an
:class:`~capcore.ImportNote`; :meth:`Keeper.finish` puts the notes and the
entities' source locations on the plan.
"""

from __future__ import annotations

from typing import Protocol

from capcore.import_notes import ImportNote
from capcore.model import Plan

__all__ = ["Keeper", "Keeping"]


class Keeping(Protocol):
    """An entity that can keep source text: a plan, area, measure or activity."""

    id: str
    extra: dict[str, str]


class Keeper:
    """Collects import notes and source locations while a reader works."""

    def __init__(self) -> None:
        """Start with no notes and no locations."""
        self._notes: list[ImportNote] = []
        self._locations: dict[str, str] = {}

    def keep(self, owner: Keeping, location: str, text: str, why: str) -> None:
        """Keep ``text`` in ``owner.extra`` under ``location`` and report it.

        Args:
            owner: The nearest entity (activity, measure, area or the plan).
            location: Where the text is in the source; the ``extra`` key.
            text: The text, unchanged.
            why: Why it could not be placed, in English.
        """
        key = location
        counter = 2
        while key in owner.extra:  # two texts from one place (a paragraph's lines)
            key = f"{location} ({counter})"
            counter += 1
        owner.extra[key] = text
        self._notes.append(
            ImportNote(location, f"{why}: kept in extra", text, kept_in=f"{owner.id} {key}")
        )

    def note(self, location: str, message: str, text: str = "") -> None:
        """Report something that was read but is worth checking (a guess, a choice)."""
        self._notes.append(ImportNote(location, message, text))

    def locate(self, entity_id: str, location: str) -> None:
        """Remember where an entity was found (the first place wins)."""
        self._locations.setdefault(entity_id, location)

    def finish(self, plan: Plan) -> Plan:
        """Put the notes and locations on ``plan`` and return it."""
        plan.import_notes = (*plan.import_notes, *self._notes)
        plan.source_locations.update(self._locations)
        return plan

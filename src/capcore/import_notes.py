"""Import notes: what a reader could not place, and where it came from.

Nothing an importer reads is dropped. A cell or paragraph it cannot place is
kept in the nearest entity's ``extra`` mapping *and* reported as an
:class:`ImportNote` on :attr:`capcore.Plan.import_notes`, so a person can see
what to check.
"""

from __future__ import annotations

import attrs

__all__ = ["ImportNote"]


@attrs.frozen
class ImportNote:
    """One thing a reader reports about its source.

    Attributes:
        location: Where in the source: ``Plan!C14``, ``paragraph 12``, ``$.areas[0]``.
        message: What happened, in English (``not placed: kept in extra``).
        text: The source text concerned, unchanged.
        kept_in: Where the text was kept (an entity id and extra key), if kept.
    """

    location: str
    message: str
    text: str = ""
    kept_in: str = ""

    def __str__(self) -> str:
        """Return ``location: message``, with the text when there is one."""
        return f"{self.location}: {self.message}" + (f": {self.text!r}" if self.text else "")

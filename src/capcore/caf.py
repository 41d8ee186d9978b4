"""References to CAF criteria and sub-criteria, and the CAF versions.

CAF 2020 and CAF 2013 share the same 9 criteria and 28 sub-criteria numbers
(only some titles differ), so a reference is matched by number. A plan may
cite a lettered example (``4.5 b``) or a whole criterion (``4``). The titles
live in :mod:`capcore.caf_catalogue`.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["CafRef", "CafVersion"]


class CafVersion(enum.StrEnum):
    """The CAF edition a self-assessment and its plan follow."""

    CAF_2020 = "2020"
    CAF_2013 = "2013"


@attrs.frozen(order=True)
class CafRef:
    """A reference to a CAF criterion, sub-criterion, or lettered example.

    Attributes:
        criterion: The criterion number (1-9).
        sub: The sub-criterion number within it (``5`` in ``4.5``), or None
            for a reference to the whole criterion.
        example: The example letter (``b`` in ``4.5 b``), lower case, or None.
    """

    criterion: int
    sub: int | None = None
    example: str | None = None

    @property
    def code(self) -> str:
        """The sub-criterion (or criterion) number without the example: ``4.5``."""
        return str(self.criterion) if self.sub is None else f"{self.criterion}.{self.sub}"

    def __str__(self) -> str:
        """Return the reference as plans write it: ``4``, ``4.5``, ``4.5 b``."""
        return self.code if self.example is None else f"{self.code} {self.example}"

"""The hidden key columns: what each row of a capcore sheet shows, by stable id.

Every row capcore writes on the plan sheet (and the cards sheet) carries two
hidden cells after the visible columns:

- the *row key*, ``kind:reference``: ``plan:title`` (a line of the title
  block, by the plan field it shows), ``area:<area id>``,
  ``measure:<measure id>`` (the first row of a measure),
  ``activity:<activity id>`` (any other activity row), ``field:<name>`` (a
  card's label row, by the measure field it shows) or ``layout:`` (a
  header, a column-number row, a spacer: nothing to read);
- on the first row of a measure that has activities, the id of the
  activity the row also shows (the only row that shows two entities).

Keys travel with their rows: when a person inserts, deletes, moves or sorts
rows, every row still says what it shows, which a separate map of row
numbers could not. A row with neither cell is one a person added.
"""

from __future__ import annotations

import enum

import attrs

from capcore import unescape_xml_text
from capcore_xlsx._cells import SheetCells, XmlCell
from capcore_xlsx._styles import Look

__all__ = ["KEY_COLUMN_COUNT", "LAYOUT_KEY", "RowKey", "RowKind"]

KEY_COLUMN_COUNT = 2
"""How many hidden key columns follow the visible ones."""


class RowKind(enum.StrEnum):
    """What a row capcore wrote shows."""

    PLAN = "plan"
    LAYOUT = "layout"
    AREA = "area"
    MEASURE = "measure"
    ACTIVITY = "activity"
    FIELD = "field"


@attrs.frozen
class RowKey:
    """The hidden key of one row.

    Attributes:
        kind: What the row shows; None for a row capcore did not write.
        reference: The plan or card field name, or the area, measure or
            activity id.
        activity: The id of the activity a measure's first row also shows.
    """

    kind: RowKind | None = None
    reference: str = ""
    activity: str = ""

    @classmethod
    def of_activity(cls, activity_id: str) -> RowKey:
        """Return the key of an activity row that does not start a measure."""
        return cls(RowKind.ACTIVITY, activity_id, activity_id)

    @property
    def is_foreign(self) -> bool:
        """True for a row capcore did not write (no key at all)."""
        return self.kind is None

    def cells(self, cells: SheetCells) -> list[XmlCell | None]:
        """Return the key cells to append after the visible ones."""
        first = cells.text(f"{self.kind}:{self.reference}", Look.KEY) if self.kind else None
        shows_two = self.activity and self.kind is not RowKind.ACTIVITY
        second = cells.text(self.activity, Look.KEY) if shows_two else None
        return [first, second]

    @classmethod
    def parse(cls, first: object, second: object) -> RowKey:
        """Return the key that the two hidden cells of a row hold (an empty key if none)."""
        kind: RowKind | None = None
        reference = ""
        if isinstance(first, str) and ":" in first:
            name, _, reference = unescape_xml_text(first).partition(":")
            try:
                kind = RowKind(name)
            except ValueError:
                reference = ""  # not a key capcore wrote
        if kind is RowKind.ACTIVITY:
            return cls.of_activity(reference)
        activity = unescape_xml_text(second) if isinstance(second, str) else ""
        return cls(kind, reference, activity)


LAYOUT_KEY = RowKey(RowKind.LAYOUT)
"""The key of a row that shows nothing to read back."""

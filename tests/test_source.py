"""The source blocks that format plugins hand to the table readers."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from capcore import SourceCell, SourceParagraph, SourceTable


def test_a_cell_spans_at_least_one_column() -> None:
    """A span below 1 is refused when the cell is made, naming the field."""
    with pytest.raises(ValueError, match="span must be at least 1"):
        SourceCell("x", "A1", span=0)


def test_table_rows_become_tuples() -> None:
    """Rows may be given as any iterables (lists, generators); the table holds tuples."""
    cells = (SourceCell(str(n), f"A{n}") for n in range(3))
    table = SourceTable([list(cells), iter([])], "sheet План")
    assert table.rows == ((SourceCell("0", "A0"), SourceCell("1", "A1"), SourceCell("2", "A2")), ())


def test_blocks_are_values() -> None:
    """Cells and paragraphs compare by value and cannot be changed after they are made."""
    cell = SourceCell("14.3.2022", "C4", date=dt.date(2022, 3, 14))
    assert cell == SourceCell("14.3.2022", "C4", date=dt.date(2022, 3, 14))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cell.text = "other"  # type: ignore[misc]
    paragraph = SourceParagraph("Ден на отворените врати", "paragraph 3", number="1.4.", level=1)
    assert (paragraph.number, paragraph.level, paragraph.style) == ("1.4.", 1, "")

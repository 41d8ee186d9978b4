r"""What a format plugin hands to the table readers: cells, paragraphs, tables.

The readers of :mod:`capcore.tables` know no file format. An Excel, Word or
HTML plugin turns its document into a sequence of *blocks*
(:class:`SourceParagraph` and :class:`SourceTable` values, in document order)
and calls :func:`capcore.read_tables` (or one of the shape readers). What a
reader cannot place it keeps and reports by the ``location`` strings given
here, so choose them for a person who has the file open.

How each format fills them:

- **xlsx** (one sheet): the whole sheet is one :class:`SourceTable`, title
  rows included (the reader finds the header below them). Each row lists its
  cells left to right; a merged range becomes one cell at its top-left with
  ``span`` = the number of columns it covers, and no cells for the other
  columns of its first row; each row below the first in the range gets one
  cell with ``continues_above=True`` (empty text, the same ``span``). A date
  cell gives ``date`` and, as ``text``, what the cell shows (its formatted
  value) when known. Locations: ``План!C14``.
- **docx**: every body paragraph and table in order. A table row lists its
  ``w:tc`` cells; ``w:gridSpan`` is ``span``; a cell with ``w:vMerge`` but
  no ``restart`` value is a continuation (``continues_above=True``). The
  cell text joins the cell's paragraphs with ``\n``. A paragraph's number
  from Word's automatic list numbering (not part of its text) goes in
  ``number``, its list level in ``level``, its style name in ``style``.
  Locations: ``table 1, row 5, cell 3`` and ``paragraph 12``.
- **html**: every ``<p>``, ``<h1>``-``<h6>``, ``<li>`` and ``<table>`` in
  document order. ``colspan`` is ``span``; a ``rowspan`` over ``n`` rows
  puts a cell with ``continues_above=True`` in each of the ``n - 1`` rows
  below, at the same place. ``<br>`` becomes ``\n``; entities are decoded.
  Locations as for docx.

Rows may be ragged: a row shorter than the header simply has no cells for
the columns at its end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeAlias

import attrs

__all__ = ["SourceBlock", "SourceCell", "SourceParagraph", "SourceRow", "SourceTable"]


def _positive(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, not {value}")


@attrs.frozen
class SourceCell:
    r"""One cell of a source table, as the document has it.

    Attributes:
        text: The text exactly as in the source (line breaks as ``\n``).
        location: Where the cell is, for a person with the file open
            (``План!C14``, ``table 1, row 5, cell 3``).
        date: The real date, when the source cell is a date cell (Excel);
            ``text`` then holds what the cell shows, if known.
        continues_above: True when the cell is covered by a vertical merge
            that starts in a row above (Excel merged range, Word ``vMerge``,
            HTML ``rowspan``); its own text is then usually empty.
        span: How many grid columns the cell covers (Excel merged range,
            Word ``gridSpan``, HTML ``colspan``); at least 1.
    """

    text: str
    location: str
    date: dt.date | None = None
    continues_above: bool = False
    span: int = attrs.field(default=1, validator=_positive)


@attrs.frozen
class SourceParagraph:
    r"""One paragraph outside the tables (or one line of a list).

    Attributes:
        text: The text exactly as in the source (manual line breaks as ``\n``).
        location: Where the paragraph is (``paragraph 12``, ``План!A2``).
        number: The number that automatic list numbering shows before the
            text, when it is not part of the text (``1.2.``); ``""`` if none.
        level: The list or outline level (0 = top) when the source marks the
            paragraph as a list item or heading; None otherwise.
        style: The paragraph's style name (``Heading 1``, ``Title``), if any.
    """

    text: str
    location: str
    number: str = ""
    level: int | None = None
    style: str = ""


SourceRow: TypeAlias = tuple[SourceCell, ...]
"""One row of a source table: its cells, left to right."""


def _rows(rows: Iterable[Iterable[SourceCell]]) -> tuple[SourceRow, ...]:
    return tuple(tuple(row) for row in rows)


@attrs.frozen
class SourceTable:
    """A table of the source: rows of cells, which may be ragged.

    Attributes:
        rows: The rows, top to bottom (any iterable of iterables of cells;
            stored as tuples).
        location: Where the table is (``table 2``, ``sheet План``), for
            messages about the table as a whole.
    """

    rows: tuple[SourceRow, ...] = attrs.field(converter=_rows)
    location: str


SourceBlock: TypeAlias = SourceParagraph | SourceTable
"""A paragraph or a table, in document order: what the readers take."""

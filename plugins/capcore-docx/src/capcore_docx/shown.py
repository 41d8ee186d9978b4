"""Which visible text shows which field of which entity: anchors and their map.

A Word document capcore writes shows only part of a plan, in the words of
its layout (``1.1. Разработване ...``, ``Срок: м. март``). To know later
which text a person changed, the writer marks each paragraph that shows a
field, and each table row whose cells show fields, with a hidden bookmark
(``_capcore_12``; a name starting with ``_`` is hidden in Word's bookmark
list) and records, in the plan's custom XML part, for bookmark 12: which
cell of the row (if a row), the entity's id, the field, the words written in
front of the value (a number or a label such as ``Срок: ``), and a short
hash of the value as written. Bookmarks stay with their text when a person
inserts or deletes rows or paragraphs elsewhere, so the map does not depend
on positions.

Reading a document compares each marked text with its hash: equal means
untouched (the plan's own value stands, exactly); different means a person
edited it, and the visible text wins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypeAlias

from lxml import etree

from capcore_docx.ooxml import w

__all__ = ["ANCHOR_PREFIX", "Anchors", "RowField", "Shown", "value_hash"]

ANCHOR_PREFIX = "_capcore_"
"""The start of the names of capcore's bookmarks."""

_BOOKMARK_START, _BOOKMARK_END = w("bookmarkStart"), w("bookmarkEnd")
_ID, _NAME, _PPR = w("id"), w("name"), w("pPr")
# Bookmark ids must be unique in the document; a template's own bookmarks
# (in its headers, say) use small numbers.
_FIRST_ID = 700_000
_sub = etree.SubElement


RowField: TypeAlias = tuple[int, str, str, str, str]
"""What one cell of a marked row shows: cell index, entity id, field, value, prefix."""


def value_hash(text: str) -> str:
    """Return the short hash by which a shown value is recognised as unchanged."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


class Shown(NamedTuple):
    """One field shown in the document (a named tuple: documents hold tens of thousands).

    Attributes:
        anchor: The bookmark's number (``12`` for ``_capcore_12``).
        cell: For a bookmark that marks a table row, the index of the cell
            (from 0) that shows the field; -1 when the bookmarked paragraph
            itself shows it.
        cells: How many cells the marked row had (0 for a paragraph): a row
            that no longer has as many is not read cell by cell.
        entity: The id of the plan, area, measure or activity.
        field: The field's path on the entity (``title``, ``deadline``,
            ``roles.sponsor``, ``approval.name``).
        prefix: What was written in front of the value in the same paragraph
            or cell (``1.1. `` before a title, ``Срок: `` before a deadline).
        digest: :func:`value_hash` of the value as written.
    """

    anchor: int
    cell: int
    cells: int
    entity: str
    field: str
    prefix: str
    digest: str


class Anchors:
    """Marks paragraphs and table rows that show fields, and remembers what each shows.

    A table row gets one bookmark (in its first cell) for all the fields its
    cells show: a bookmark per cell would double the elements of a large
    table. A paragraph gets one for the field it shows. What each bookmark
    shows is kept in the form the custom XML part stores
    (:meth:`as_data`): large plans mark tens of thousands of fields.
    """

    def __init__(self) -> None:
        """Start with no marks."""
        self._data: list[list[object]] = []

    def _bookmark(self, p: etree._Element) -> None:
        number = len(self._data)
        bookmark_id = str(_FIRST_ID + number)
        # Made inside the paragraph (cheap in lxml), then moved to its start:
        # collapsed there, so editing the text keeps it.
        end = _sub(p, _BOOKMARK_END, {_ID: bookmark_id})
        start = _sub(p, _BOOKMARK_START, {_ID: bookmark_id, _NAME: f"{ANCHOR_PREFIX}{number}"})
        at = 1 if p[0].tag == _PPR else 0
        p.insert(at, end)
        p.insert(at, start)

    def _bookmark_xml(self) -> str:
        # The markup _bookmark makes, for rows built as text (ooxml.row_xml).
        number = len(self._data)
        bookmark_id = _FIRST_ID + number
        return (
            f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{ANCHOR_PREFIX}{number}"/>'
            f'<w:bookmarkEnd w:id="{bookmark_id}"/>'
        )

    def mark_xml(self, entity: str, field: str, value: str, prefix: str = "") -> str:
        """Like :meth:`mark`, for a paragraph built as markup: return its bookmark's markup."""
        bookmark = self._bookmark_xml()
        self._data.append([0, [[-1, entity, field, prefix, value_hash(value)]]])
        return bookmark

    def mark_row_xml(self, cells: int, fields: Iterable[RowField]) -> str:
        """Like :meth:`mark_row`, for a row built as markup: return its bookmark's markup.

        Args:
            cells: How many cells the row has.
            fields: ``(cell index, entity id, field, value, prefix)`` for
                each cell that shows a field.

        Returns:
            The bookmark, for the start of the row's first paragraph
            (``bookmark`` of :func:`capcore_docx.ooxml.row_xml`).
        """
        bookmark = self._bookmark_xml()
        entries = [
            [cell, entity, field, prefix, value_hash(value)]
            for cell, entity, field, value, prefix in fields
        ]
        self._data.append([cells, entries])
        return bookmark

    def mark(
        self, p: etree._Element, entity: str, field: str, value: str, prefix: str = ""
    ) -> None:
        """Mark the paragraph ``p`` as showing ``value`` of ``entity``'s ``field``."""
        self._bookmark(p)
        self._data.append([0, [[-1, entity, field, prefix, value_hash(value)]]])

    def mark_row(self, paragraphs: Sequence[etree._Element], fields: Iterable[RowField]) -> None:
        """Mark a table row (given by its cells' first paragraphs) and what its cells show.

        Args:
            paragraphs: The first paragraph of each cell of the row.
            fields: ``(cell index, entity id, field, value, prefix)`` for
                each cell that shows a field.
        """
        self._bookmark(paragraphs[0])
        entries = [
            [cell, entity, field, prefix, value_hash(value)]
            for cell, entity, field, value, prefix in fields
        ]
        self._data.append([len(paragraphs), entries])

    def as_data(self) -> list[list[object]]:
        """Return what each bookmark shows, by bookmark number, as JSON-ready lists.

        Item ``n`` is ``[cells, [[cell, entity, field, prefix, digest], ...]]``
        for bookmark ``_capcore_n``: ``cells`` is the number of cells of its
        row (0 for a paragraph), ``cell`` -1 for the bookmarked paragraph.
        """
        return self._data

    def __len__(self) -> int:
        """Return how many bookmarks were placed."""
        return len(self._data)

"""Finding the text a person changed in a document capcore wrote.

Each field the layout showed is marked by a bookmark (:mod:`capcore_docx.shown`).
Here every bookmark is found in the body and the text it marks is compared
with the hash recorded when the document was written: the fields whose text
differs are the ones a person edited, and the fields whose bookmark is gone
are the ones a person deleted (with their row or paragraph).

The text of a field: the bookmarked paragraph's text, or for a bookmarked
table row the text of the field's cell (its paragraphs, up to one that
another bookmark marks), minus the words written in front of the value (a
number, ``Срок: ``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from capcore import ImportNote, unescape_xml_text
from capcore_docx.blocks import body_elements
from capcore_docx.ooxml import Element, paragraph_text, w
from capcore_docx.shown import ANCHOR_PREFIX, Shown, value_hash

__all__ = ["VisibleCheck", "VisibleText"]

_P, _TC, _TR, _R = w("p"), w("tc"), w("tr"), w("r")
_T, _BR, _TAB, _CR = w("t"), w("br"), w("tab"), w("cr")
_BOOKMARK_START, _NAME = w("bookmarkStart"), w("name")


@attrs.frozen
class VisibleText:
    """The text a document now shows for one field.

    Attributes:
        shown: What the writer recorded for the field.
        text: The whole text the bookmark now marks (prefix included).
        value: The text without the prefix, when the prefix is still there;
            else the whole text.
        prefix_kept: True when the text still starts with the recorded prefix.
        location: Where in the document (``table 1, row 5``, ``paragraph 12``).
    """

    shown: Shown
    text: str
    value: str
    prefix_kept: bool
    location: str


def _anchored_paragraphs(body: Element) -> dict[int, Element]:
    found: dict[int, Element] = {}
    for start in body.iter(_BOOKMARK_START):
        name = start.get(_NAME, "")
        if not name.startswith(ANCHOR_PREFIX):
            continue
        number = name[len(ANCHOR_PREFIX) :]
        if number.isdigit():
            p = _paragraph_of(start)
            if p is not None:
                found[int(number)] = p
    return found


def _paragraph_of(start: Element) -> Element | None:
    parent = start.getparent()
    if parent is not None and parent.tag == _P:
        return parent
    # Word may move a collapsed bookmark into a run or out of its paragraph.
    for node in start.iterancestors(_P):
        return node
    following = start.getnext()
    while following is not None and following.tag != _P:
        following = following.getnext()
    return following


def _cell_text(tc: Element, anchored: set[Element], own: Element) -> str:
    # The cell's paragraphs, up to one that another bookmark marks (the
    # supporting line under the responsible one), joined by line feeds; each
    # paragraph's text as paragraph_text reads it. One walk over the cell
    # rather than one per paragraph: a document has a cell per shown field,
    # tens of thousands, and this was the larger half of the visible check.
    parts: list[str] = []
    first = True
    for node in tc.iter(_P, _T, _BR, _TAB, _CR):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _P:
            if node in anchored and node is not own:
                break
            if not first:
                parts.append("\n")
            first = False
        elif tag != _TAB:
            parts.append("\n")
        elif (parent := node.getparent()) is not None and parent.tag == _R:
            parts.append("\t")  # a w:tab in w:pPr/w:tabs is a tab stop, not a character
    # An escape never holds a line feed, so undoing them once for the cell
    # equals undoing them paragraph by paragraph.
    return unescape_xml_text("".join(parts))


def _row_cells(p: Element) -> list[Element] | None:
    tc = p.getparent()
    tr = tc.getparent() if tc is not None and tc.tag == _TC else None
    if tr is None or tr.tag != _TR:
        return None
    return [cell for cell in tr if cell.tag == _TC]


def _location(p: Element, body: Element) -> str:
    tc = next((a for a in p.iterancestors() if a.tag == _TC), None)
    if tc is None:
        paragraphs = (element for element in body_elements(body) if element.tag == _P)
        index = next((i for i, child in enumerate(paragraphs, start=1) if child is p), 0)
        return f"paragraph {index}"
    tr = tc.getparent()
    tbl = tr.getparent() if tr is not None else None
    if tr is None or tbl is None:
        return "a table"
    tables = (element for element in body_elements(body) if element.tag == w("tbl"))
    table_number = next((i for i, t in enumerate(tables, start=1) if t is tbl), 0)
    row = next((i for i, r in enumerate(tbl.iterchildren(w("tr")), start=1) if r is tr), 0)
    # The row, not the cell: the location stands for the entity the row shows.
    return f"table {table_number}, row {row}"


class VisibleCheck:
    """The shown fields of a document body, compared with what was written.

    The bookmarks are found once; :meth:`changed` and :meth:`missing` then
    answer from them.
    """

    def __init__(self, body: Element, shown: Sequence[Shown]) -> None:
        """Find every capcore bookmark in ``body``."""
        self.body = body
        self.shown = shown
        self.paragraphs = _anchored_paragraphs(body)
        self.anchored = set(self.paragraphs.values())

    def changed(self, notes: list[ImportNote]) -> Iterator[VisibleText]:
        """Yield the shown fields whose text a person changed, with their text now.

        A marked row whose number of cells changed (a column deleted or
        split) cannot be read cell by cell: it is skipped, and a note in
        ``notes`` says so.
        """
        # Only the current row's cells are kept: the fields come grouped by
        # bookmark, and holding every row's cells (tens of thousands of lxml
        # proxies) made Python's cyclic collector walk them again and again.
        row_anchor = -1
        row: list[Element] | None = None
        noted: set[int] = set()
        for item in self.shown:
            p = self.paragraphs.get(item.anchor)
            if p is None:
                continue
            if item.cell < 0:
                text = paragraph_text(p)
            else:
                if item.anchor != row_anchor:
                    row_anchor = item.anchor
                    row = _row_cells(p)
                    if row is not None and len(row) != item.cells:
                        row = None
                        if item.anchor not in noted:
                            noted.add(item.anchor)
                            notes.append(
                                ImportNote(
                                    _location(p, self.body),
                                    f"the row no longer has its {item.cells} cells; its "
                                    "fields are kept as embedded, not read from the row",
                                )
                            )
                if row is None:
                    continue
                text = _cell_text(row[item.cell], self.anchored, p)
            prefix = item.prefix
            prefix_kept = text.startswith(prefix)
            value = text[len(prefix) :] if prefix_kept else text
            if prefix_kept and value_hash(value) == item.digest:
                continue
            yield VisibleText(item, text, value, prefix_kept, _location(p, self.body))

    def missing(self) -> Iterator[Shown]:
        """Yield the shown fields whose bookmark is no longer in the body."""
        return (item for item in self.shown if item.anchor not in self.paragraphs)

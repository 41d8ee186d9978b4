"""Any HTML page as capcore's source blocks: its paragraphs and tables, in order.

The core's table readers know no file format; this module hands them what
an HTML page holds (see :mod:`capcore.tables` for the contract):

- every ``<p>``, ``<h1>``-``<h6>``, ``<li>`` and outermost ``<table>``, in
  document order (a paragraph inside a table cell or a list item is part of
  that cell's or item's text, not a block of its own);
- a cell's ``colspan`` is its ``span``; a ``rowspan`` over ``n`` rows puts a
  cell with ``continues_above=True`` in each of the ``n - 1`` rows below, at
  the same place;
- text as a browser shows it: runs of white space are one space, ``<br>``
  and the ends of paragraphs inside a cell are line breaks, entities are
  decoded, a no-break space is a space; ``<script>`` and ``<style>`` hold no
  text.

The parser is libxml2's HTML parser (through lxml), which reads tens of
megabytes in well under a second, tolerates the broken markup Word and
portals write, never fetches anything, and limits nesting depth. The
character set is the one the page declares (a BOM, ``<meta charset>``, or
``http-equiv`` Content-Type); a page that declares none is read as UTF-8,
or as windows-1251 (what Bulgarian Word pages use) when it is not UTF-8.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from lxml import etree

from capcore import PlanFormatError, SourceBlock, SourceCell, SourceParagraph, SourceTable

__all__ = ["page_blocks"]

_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li"})
# Elements that end a line inside a cell or a list item.
_LINE_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "dd", "dt"}
)
_NO_TEXT = frozenset({"script", "style", "template", "head", "title"})
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_DECLARATION_BYTES = 4096
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
# HTML clamps colspan to 1000 and rowspan to 65534; no plan needs more.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
_FALLBACK_ENCODING = "windows-1251"


def page_blocks(data: bytes, *, source: str) -> list[SourceBlock]:
    """Return the paragraphs and tables of an HTML page, in document order.

    Args:
        data: The page's bytes.
        source: The file name, for messages.

    Raises:
        PlanFormatError: The page holds no HTML document.
    """
    parser = etree.HTMLParser(
        encoding=_encoding(data),
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise PlanFormatError(source, "", f"not an HTML page ({error})") from None
    if root is None:
        raise PlanFormatError(source, "", "not an HTML page: it holds no elements")
    return list(_blocks(root))


def _encoding(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    declared = _CHARSET.search(data[:_DECLARATION_BYTES])
    if declared is not None:
        name = declared.group(1).decode("ascii")
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass  # an unknown name: decide as for an undeclared page
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _FALLBACK_ENCODING
    return "utf-8"


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _blocks(root: etree._Element) -> Iterator[SourceBlock]:
    paragraphs = 0
    tables = 0
    skip_inside: etree._Element | None = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if skip_inside is not None:
            if event == "end" and element is skip_inside:
                skip_inside = None
            continue
        if event != "start":
            continue
        tag = _tag(element)
        if tag in _NO_TEXT:
            skip_inside = element
        elif tag == "table":
            tables += 1
            skip_inside = element
            yield _table(element, f"table {tables}")
        elif tag in _PARAGRAPHS:
            paragraphs += 1
            skip_inside = element
            level = int(tag[1]) - 1 if tag[0] == "h" else _list_level(element)
            yield SourceParagraph(
                _text_of(element), f"paragraph {paragraphs}", level=level, style=tag
            )


def _list_level(element: etree._Element) -> int | None:
    if _tag(element) != "li":
        return None
    depth = sum(1 for ancestor in element.iterancestors() if _tag(ancestor) in {"ul", "ol"})
    return max(depth - 1, 0)


def _rows_of(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in {"thead", "tbody", "tfoot"}:
            yield from (row for row in child if _tag(row) == "tr")


def _span(element: etree._Element, name: str, most: int) -> int:
    value = (element.get(name) or "").strip()
    digits = re.match(r"\d+", value)
    return min(max(int(digits.group()), 1), most) if digits else 1


class _CellsBelow:
    """The cells that span down into the rows below, by the grid column they start at."""

    def __init__(self) -> None:
        self._below: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, span)

    def add(self, column: int, rows: int, span: int) -> None:
        if rows > 1:
            self._below[column] = (rows - 1, span)

    def fill(self, cells: list[SourceCell], column: int, where: str) -> int:
        """Add the continuation cells that stand at ``column``; return the next free column."""
        while column in self._below:
            left, span = self._below.pop(column)
            cells.append(SourceCell("", where, continues_above=True, span=span))
            if left > 1:
                self._below[column] = (left - 1, span)
            column += span
        return column

    def fill_rest(self, cells: list[SourceCell], column: int, where: str) -> None:
        """Add the continuations right of a row's last cell, with empty cells in the gaps."""
        for start in sorted(self._below):
            if start < column:
                continue
            while column < start:
                cells.append(SourceCell("", where))
                column += 1
            column = self.fill(cells, column, where)


def _table(table: etree._Element, location: str) -> SourceTable:
    rows: list[list[SourceCell]] = []
    below = _CellsBelow()
    for row_number, row in enumerate(_rows_of(table), start=1):
        cells: list[SourceCell] = []
        column = 0
        where = f"{location}, row {row_number}"
        for cell_number, cell in enumerate(
            (cell for cell in row if _tag(cell) in {"td", "th"}), start=1
        ):
            column = below.fill(cells, column, f"{where}, cell {len(cells) + 1}")
            span = _span(cell, "colspan", _MAX_COLSPAN)
            cells.append(SourceCell(_text_of(cell), f"{where}, cell {cell_number}", span=span))
            below.add(column, _span(cell, "rowspan", _MAX_ROWSPAN), span)
            column += span
        below.fill_rest(cells, column, f"{where}, cell {len(cells) + 1}")
        rows.append(cells)
    return SourceTable(rows, location)


def _text_of(element: etree._Element) -> str:  # noqa: C901 - one walk, one case per node kind
    if len(element) == 0:  # most cells hold plain text: no walk needed
        return _SPACES.sub(" ", element.text or "").strip()
    parts: list[str | None] = []  # None: a line break
    skip_inside: etree._Element | None = None
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if skip_inside is not None:
            if event == "end" and node is skip_inside:
                skip_inside = None
                if node.tail:
                    parts.append(node.tail)
            continue
        tag = _tag(node)
        if event == "start":
            if tag in _NO_TEXT or not tag:
                skip_inside = node
                continue
            if tag == "br" or (tag in _LINE_BLOCKS and node is not element):
                parts.append(None)
            if node.text:
                parts.append(node.text)
        else:
            if tag in _LINE_BLOCKS and node is not element:
                parts.append(None)
            if node.tail and node is not element:
                parts.append(node.tail)
    lines = (_SPACES.sub(" ", line).strip() for line in _join_lines(parts))
    return "\n".join(line for line in lines if line)


def _join_lines(parts: list[str | None]) -> list[str]:
    # A line break in the page's source is white space; only <br> and the
    # ends of blocks break lines.
    lines: list[list[str]] = [[]]
    for part in parts:
        if part is None:
            lines.append([])
        else:
            lines[-1].append(part)
    return ["".join(line) for line in lines]

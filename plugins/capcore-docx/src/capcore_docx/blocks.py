"""A Word document's body as the format-free blocks the table readers take.

Every body paragraph and table, in document order (content controls are
looked into): a paragraph becomes a source paragraph with its style name
and, for an item of Word's automatic numbering, its list level and the
number Word shows; a table becomes a source table whose rows list their
``w:tc`` cells with ``w:gridSpan`` as the span and a ``w:vMerge`` without
``restart`` as a continuation. Locations count from 1 as a person does:
``paragraph 12``, ``table 1, row 5, cell 3``. Tables nested in a cell give
their text to the cell (as Word shows it) rather than becoming tables of
their own.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from capcore import SourceBlock, SourceCell, SourceParagraph, SourceTable
from capcore_docx.numbering import ListNumbers
from capcore_docx.ooxml import cell_text, grid_span, paragraph_text, vertical_merge, w
from capcore_docx.package import WordPackage

__all__ = ["body_elements", "document_blocks"]

_P, _TBL, _SDT, _TR, _TC = w("p"), w("tbl"), w("sdt"), w("tr"), w("tc")


def document_blocks(package: WordPackage) -> list[SourceBlock]:
    """Return the paragraphs and tables of the package's body, in order."""
    numbers = ListNumbers(package)
    blocks: list[SourceBlock] = []
    paragraphs = tables = 0
    for element in body_elements(package.body):
        if element.tag == _P:
            paragraphs += 1
            number, level = numbers.number_of(element)
            blocks.append(
                SourceParagraph(
                    paragraph_text(element),
                    f"paragraph {paragraphs}",
                    number=number,
                    level=level,
                    style=numbers.style_name(element),
                )
            )
        else:
            tables += 1
            blocks.append(_table(element, f"table {tables}"))
    return blocks


def body_elements(parent: etree._Element) -> Iterator[etree._Element]:
    """Yield the paragraphs and tables of a body (or cell), looking into content controls."""
    for child in parent:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:  # a content control: its content is body content
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from body_elements(content)


def _table(tbl: etree._Element, location: str) -> SourceTable:
    rows = []
    for row_number, tr in enumerate(_rows(tbl), start=1):
        cells = [
            SourceCell(
                cell_text(tc),
                f"{location}, row {row_number}, cell {cell_number}",
                continues_above=vertical_merge(tc) == "continue",
                span=grid_span(tc),
            )
            for cell_number, tc in enumerate(_cells(tr), start=1)
        ]
        rows.append(cells)
    return SourceTable(rows, location)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag == _SDT:
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from (tr for tr in content if tr.tag == _TR)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT:
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from (tc for tc in content if tc.tag == _TC)

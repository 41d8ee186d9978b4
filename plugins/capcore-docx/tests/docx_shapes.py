"""Word documents in the shapes administrations write, built with plain python-docx.

The seed-shaped tables of :mod:`capcore.testing.seed_tables` laid out as a
person does in Word: title paragraphs, a table whose area rows are merged
across and whose measure cells are merged down (or left blank), cards as a
heading paragraph and a two-column table, a list as typed paragraphs or
with Word's automatic numbering. Independent of capcore's own writer.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from capcore import SourceBlock, SourceParagraph
from capcore.testing.seed_tables import CardsDocument, ListDocument, MatrixTable


def _bytes(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_cell(cell, text: str) -> None:
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def matrix_docx(table: MatrixTable, *, merged: bool = True) -> bytes:
    """The matrix: title paragraphs, then one table; merged area rows and measure cells if asked."""
    document = docx.Document()
    for line in table.preamble:
        document.add_paragraph(line)
    head = table.head_rows()
    grid = document.add_table(rows=len(head) + len(table.rows), cols=len(table.header))
    grid.style = "Table Grid"
    for r, row in enumerate(head):
        for c, text in enumerate(row):
            _set_cell(grid.cell(r, c), text)
    measure_start = None
    for r, row in enumerate(table.rows, start=len(head)):
        cells = grid.rows[r].cells
        if row.is_area and merged:
            merged_cell = cells[0].merge(cells[-1])
            _set_cell(merged_cell, row.cells[0])
            continue
        for c, text in enumerate(row.cells):
            if text:
                _set_cell(cells[c], text)
        column = table.measure_column
        if merged and row.continues_measure and measure_start is not None:
            grid.cell(measure_start, column).merge(grid.cell(r, column))
        elif not row.continues_measure:
            measure_start = r
    return _bytes(document)


def cards_docx(cards: CardsDocument, *, heading_in_table: bool = False) -> bytes:
    """The cards: title paragraphs, then per measure a heading and a label/value table."""
    document = docx.Document()
    for line in cards.preamble:
        document.add_paragraph(line)
    for card in cards.cards:
        rows = list(card.fields)
        if heading_in_table:
            rows.insert(0, (card.heading, ""))
        else:
            document.add_paragraph(card.heading)
        grid = document.add_table(rows=len(rows), cols=2)
        for (label, value), row in zip(rows, grid.rows, strict=True):
            _set_cell(row.cells[0], label)
            _set_cell(row.cells[1], value)
        document.add_paragraph("")
    return _bytes(document)


def list_docx(document_lines: ListDocument) -> bytes:
    """The list, typed: every line a paragraph, numbers part of the text."""
    document = docx.Document()
    for line in document_lines.paragraphs:
        document.add_paragraph(line)
    return _bytes(document)


_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2."/></w:lvl>'
    "</w:abstractNum>"
)


def auto_numbered_list_docx(document_lines: ListDocument) -> bytes:
    """The list with Word's automatic numbering: "1." and "1.1." are not in the text.

    Lines that start with a section or item number lose it and get a
    two-level list numbering instead, as when a person uses Word's
    multilevel list button.
    """
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for line in document_lines.paragraphs:
        head, _, rest = line.partition(" ")
        digits = head.rstrip(".").split(".")
        if rest and all(part.isdigit() for part in digits) and len(digits) <= 2:
            paragraph = document.add_paragraph(rest)
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{len(digits) - 1}"/>'
                    '<w:numId w:val="90"/></w:numPr>'
                )
            )
        else:
            document.add_paragraph(line)
    return _bytes(document)


def blocks_docx(blocks: list[SourceBlock]) -> bytes:
    """Paragraphs and tables as given (a seed text file's), rows merged across where only
    the first cell has text (the area rows of the Lovech table)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, SourceParagraph):
            document.add_paragraph(block.text)
            continue
        width = max(len(row) for row in block.rows)
        grid = document.add_table(rows=len(block.rows), cols=width)
        for source_row, row in zip(block.rows, grid.rows, strict=True):
            texts = [cell.text for cell in source_row]
            cells = row.cells
            if texts and texts[0].strip() and not any(t.strip() for t in texts[1:]):
                _set_cell(cells[0].merge(cells[-1]), texts[0])
                continue
            for cell, text in zip(cells, texts, strict=False):
                if text:
                    _set_cell(cell, text)
    return _bytes(document)

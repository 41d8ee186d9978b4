"""The seed plans in the shapes administrations write them, for importer tests.

The Excel, Word and HTML importers read plans "as administrations already
have them". Their tests need such documents; this module gives the three
seed plans (:mod:`capcore.examples`) in the textual shape of their source
documents, built from the example plans, so that each plugin can lay them
out in its own format (title rows, merged area rows, merged or blank
measure cells, headers in another order or in English):

- :func:`matrix_table` (:func:`lovech_matrix`): the Lovech table: title
  paragraphs, the 9 headers, a row of column numbers, ``Област N: ...``
  area rows, ``1.1. Текст`` measure and activity cells, the measure cell
  only on a measure's first row;
- :func:`cards_document` (:func:`pazardzhik_cards`): a ``МЯРКА N – QW``
  heading and a label/value table per measure;
- :func:`list_document` (:func:`smolyan_list`): numbered sections and items
  with ``Срок:`` and ``Отговорник:`` lines.

Each has ``blocks()``, the :class:`~capcore.SourceParagraph` and
:class:`~capcore.SourceTable` values the table readers take, and plain
strings for a plugin's own layout. :func:`read_seed_text` turns a seed text
file itself (tables as tab-separated rows) into blocks.
"""

from __future__ import annotations

from capcore.tables.source import SourceBlock, SourceCell, SourceParagraph, SourceTable
from capcore.testing._seed_text import cell
from capcore.testing.seed_cards import (
    PAZARDZHIK_LABELS,
    PAZARDZHIK_LABELS_EN,
    Card,
    CardsDocument,
    cards_document,
    pazardzhik_cards,
)
from capcore.testing.seed_list import ListDocument, list_document, smolyan_list
from capcore.testing.seed_matrix import (
    LOVECH_HEADERS,
    LOVECH_HEADERS_EN,
    MatrixRow,
    MatrixTable,
    lovech_matrix,
    matrix_table,
)

__all__ = [
    "LOVECH_HEADERS",
    "LOVECH_HEADERS_EN",
    "PAZARDZHIK_LABELS",
    "PAZARDZHIK_LABELS_EN",
    "SEED_FILES",
    "Card",
    "CardsDocument",
    "ListDocument",
    "MatrixRow",
    "MatrixTable",
    "cards_document",
    "list_document",
    "lovech_matrix",
    "matrix_table",
    "pazardzhik_cards",
    "read_seed_text",
    "smolyan_list",
]

SEED_FILES = {
    "lovech": "000_4e58b002dbd8b535.txt",
    "pazardzhik": "001_d8601e998542f465.txt",
    "smolyan": "002_0d8451881785c461.txt",
}
"""The seed text files (in ``shared/seeds``) of the three example plans."""

_MARKUP = ("**", "<b>", "</b>")


def read_seed_text(text: str) -> list[SourceBlock]:
    """Return the blocks of a seed text file: tab-separated lines are table rows.

    Consecutive tab-separated lines form one table (blank lines between them
    do not end it, as in the Lovech table); any other non-blank line is a
    paragraph. The seed files' bold markup (``**``, ``<b>``) is removed.
    Locations name the file's lines: ``line 14``, ``line 14, cell 3``.
    """
    blocks: list[SourceBlock] = []
    rows: list[list[SourceCell]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        for markup in _MARKUP:
            line = line.replace(markup, "")
        if "\t" in line:
            texts = line.split("\t")
            rows.append(
                [cell(text, f"line {number}, cell {c}") for c, text in enumerate(texts, start=1)]
            )
        elif line.strip():
            if rows:
                blocks.append(SourceTable(rows, f"table before line {number}"))
                rows = []
            blocks.append(SourceParagraph(line.strip(), f"line {number}"))
    if rows:
        blocks.append(SourceTable(rows, "table at the end"))
    return blocks

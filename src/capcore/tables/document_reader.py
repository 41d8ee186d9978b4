"""Which of the three shapes a document is in, and reading it with the right reader.

:func:`read_tables` is what an Excel, Word or HTML importer calls for a
document that capcore did not write: it looks for a plan table (matrix),
then for measure cards, then for a list with ``Срок:`` lines, and reads the
first shape it finds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from capcore.errors import PlanFormatError
from capcore.model import Layout, Plan
from capcore.tables._header import find_header
from capcore.tables._numbering import split_card_heading
from capcore.tables.cards_reader import read_cards
from capcore.tables.list_reader import read_list
from capcore.tables.matching import match_card_label, match_list_label
from capcore.tables.matrix_reader import read_matrix
from capcore.tables.source import SourceBlock, SourceParagraph, SourceTable

__all__ = ["detect_layout", "read_tables"]

_CARD_ROWS = 3
"""Label/value rows that make a document cards even without a ``МЯРКА`` heading."""


def detect_layout(blocks: Iterable[SourceBlock]) -> Layout | None:
    """Return the shape of a document: matrix, cards or list; None if it is none of them.

    A table with a plan header is a matrix; else a card heading
    (``МЯРКА 1``) or three rows with card labels make cards; else a line
    such as ``Срок: м. март`` makes a list.
    """
    blocks = tuple(blocks)
    tables = [block for block in blocks if isinstance(block, SourceTable)]
    if any(find_header(table.rows) is not None for table in tables):
        return Layout.MATRIX
    if _has_cards(blocks, tables):
        return Layout.CARDS
    if _has_list_lines(blocks):
        return Layout.LIST
    return None


def _has_cards(blocks: Sequence[SourceBlock], tables: Sequence[SourceTable]) -> bool:
    rows = [row for table in tables for row in table.rows if row]
    texts = [block.text for block in blocks if isinstance(block, SourceParagraph)]
    texts += [row[0].text for row in rows if not any(cell.text.strip() for cell in row[1:])]
    if any(split_card_heading(text) is not None for text in texts):
        return True
    labelled = [
        row
        for row in rows
        if any(cell.text.strip() for cell in row[1:]) and match_card_label(row[0].text)
    ]
    return len(labelled) >= _CARD_ROWS


def _has_list_lines(blocks: Sequence[SourceBlock]) -> bool:
    return any(
        isinstance(block, SourceParagraph)
        and ":" in block.text
        and match_list_label(block.text.split(":", 1)[0]) is not None
        for block in blocks
    )


def read_tables(  # noqa: PLR0913 - keyword-only options of one call
    blocks: Iterable[SourceBlock],
    *,
    source: str,
    layout: Layout | None = None,
    locale: str | None = None,
    as_of: dt.date | None = None,
    plan_id: str | None = None,
) -> Plan:
    """Read a plan from a document's paragraphs and tables, in whichever shape it has.

    Args:
        blocks: The document's paragraphs and tables, in order.
        source: The file name, for error messages.
        layout: The shape to read; by default :func:`detect_layout` decides.
        locale: ``"bg"`` or ``"en"``; by default the language of the headers
            or labels.
        as_of: The date that status and percent columns speak for (matrix
            shape only).
        plan_id: The plan's id; by default derived from its title,
            organisation and period.

    Returns:
        The plan, with its import notes and source locations.

    Raises:
        PlanFormatError: The document is in none of the shapes (or not in
            the one asked for); the message says what was looked for.
        UnknownLocaleError: ``locale`` is neither ``"bg"`` nor ``"en"``.
    """
    blocks = tuple(blocks)
    chosen = layout or detect_layout(blocks)
    if chosen is Layout.MATRIX:
        return read_matrix(blocks, source=source, locale=locale, as_of=as_of, plan_id=plan_id)
    if chosen is Layout.CARDS:
        return read_cards(blocks, source=source, locale=locale, plan_id=plan_id)
    if chosen is Layout.LIST:
        return read_list(blocks, source=source, locale=locale, plan_id=plan_id)
    tables = [block for block in blocks if isinstance(block, SourceTable)]
    raise PlanFormatError(
        source,
        tables[0].location if tables else "",
        "no plan found: expected a plan table with a header row (Мярка / Measure, Дейност / "
        "Activity, Срок / Deadline, ...), measure cards ('МЯРКА 1' and label/value rows such "
        "as ДЕЙСТВИЕ, СПОНСОР) or numbered items with 'Срок:' / 'Deadline:' lines; "
        "see capcore.HEADER_SYNONYMS, CARD_LABEL_SYNONYMS and LIST_LABEL_SYNONYMS",
    )

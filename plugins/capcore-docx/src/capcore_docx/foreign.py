"""Reading the Word documents administrations already have, in the three shapes.

The body's paragraphs and tables become the core's format-free source
blocks (:mod:`capcore_docx.blocks`); :func:`capcore.read_tables` finds the
shape (a matrix table, measure cards, a numbered list), the title and
approval block above it, and places every cell and paragraph, or keeps it
in ``extra`` with an import note. Nothing here matches headers or labels:
the words the readers know are the core's one table of synonyms.
"""

from __future__ import annotations

import datetime as dt

from capcore import Layout, Plan, read_tables
from capcore_docx.blocks import document_blocks
from capcore_docx.package import WordPackage

__all__ = ["read_foreign"]


def read_foreign(
    package: WordPackage,
    source: str,
    *,
    layout: str | None = None,
    locale: str | None = None,
    as_of: dt.date | None = None,
) -> Plan:
    """Return the plan a document not written by capcore holds.

    Args:
        package: The opened document.
        source: The file name, for messages.
        layout: The shape to read (``matrix``, ``cards``, ``list``); by
            default the readers detect it.
        locale: ``bg`` or ``en``; by default the language of the headers.
        as_of: The date that status and percent columns speak for.
    """
    return read_tables(
        document_blocks(package),
        source=source,
        layout=Layout(layout) if layout else None,
        locale=locale,
        as_of=as_of,
    )

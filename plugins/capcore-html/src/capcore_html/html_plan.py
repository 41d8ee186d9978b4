"""A plan from the tables and paragraphs of any HTML page (not written by capcore).

The page becomes capcore's source blocks (:mod:`capcore_html.source_blocks`)
and the core's shared readers (:func:`capcore.read_tables`) find the plan in
them: the same header synonyms, shapes (matrix, cards, list), title and
approval paragraphs as the Word and Excel readers, with import notes for
whatever they could not place.
"""

from __future__ import annotations

import datetime as dt

import capcore
from capcore import Layout, Plan
from capcore_html.source_blocks import page_blocks

__all__ = ["read_plan_tables"]


def read_plan_tables(
    data: bytes,
    *,
    source: str,
    layout: str | None = None,
    locale: str | None = None,
    as_of: dt.date | None = None,
) -> Plan:
    """Return the plan that an HTML page's tables (or numbered paragraphs) hold.

    Args:
        data: The page's bytes.
        source: The file name, for messages.
        layout: ``matrix``, ``cards`` or ``list``; by default the readers decide.
        locale: The language of the headers; by default the readers decide.
        as_of: The date that status and percent columns speak for.

    Raises:
        PlanFormatError: The page holds no plan in any of the shapes.
    """
    return capcore.read_tables(
        page_blocks(data, source=source),
        source=source,
        layout=Layout(layout) if layout is not None else None,
        locale=locale,
        as_of=as_of,
    )

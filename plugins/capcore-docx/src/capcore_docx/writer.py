"""The docx writer: a plan as the Word document an administration would approve.

``capcore.write(plan, "plan.docx", layout=..., locale=..., template=...)``:

- ``layout``: ``matrix`` (the Lovech table), ``cards`` (the Pazardzhik
  measure sheets), ``list`` (the Smolyan plan) or ``monitoring`` (a progress
  report as of a date, with the prioritisation of a plan drawn from
  improvement proposals); by default the plan's own layout, else ``matrix``;
- ``locale``: ``bg`` (default) or ``en``, the language of the labels;
- ``template``: a .docx whose styles, page setup, headers and footers the
  document takes;
- ``as_of``: the date of a monitoring report (default: today).

Every document carries the whole plan in a custom XML part
(:mod:`capcore_docx.embedded`), so reading it back loses nothing whatever
the layout shows, and bookmarks tie the visible text to the fields it
shows (:mod:`capcore_docx.shown`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import BinaryIO

from capcore import Layout, Plan
from capcore_docx.document import body_of, new_document
from capcore_docx.embedded import embed, plan_json
from capcore_docx.front import front_matter
from capcore_docx.layout_cards import cards_body
from capcore_docx.layout_list import list_body
from capcore_docx.layout_matrix import matrix_body
from capcore_docx.layout_monitoring import monitoring_body
from capcore_docx.layout_prioritisation import prioritisation_body
from capcore_docx.ooxml import Element
from capcore_docx.shown import Anchors

__all__ = ["LAYOUTS", "MONITORING", "write"]

_Body = Callable[[Plan, Element, Anchors, str], None]

_BODIES: dict[str, _Body] = {
    Layout.MATRIX.value: matrix_body,
    Layout.CARDS.value: cards_body,
    Layout.LIST.value: list_body,
}

MONITORING = "monitoring"
"""The layout of the progress report."""

LAYOUTS: tuple[str, ...] = (*_BODIES, MONITORING)
"""The layouts the writer offers."""


def write(  # noqa: PLR0913 - the plan, the stream, and the declared options
    plan: Plan,
    stream: BinaryIO,
    /,
    *,
    layout: str | None = None,
    locale: str = "bg",
    template: str | None = None,
    as_of: dt.date | None = None,
) -> None:
    """Write ``plan`` to ``stream`` as a .docx document (the format's writer).

    Args:
        plan: The plan.
        stream: The binary stream capcore opened.
        layout: ``matrix``, ``cards``, ``list`` or ``monitoring``; by
            default the plan's own layout, else ``matrix``.
        locale: The labels' language, ``bg`` or ``en``.
        template: The path of a .docx to take styles, page setup, headers
            and footers from.
        as_of: The date of a monitoring report; by default today.
    """
    chosen = layout or (plan.layout.value if plan.layout is not None else Layout.MATRIX.value)
    document = new_document(template, landscape=chosen == Layout.MATRIX.value)
    anchors = Anchors()
    body, section = body_of(document)
    if chosen == MONITORING:
        # A report shows computed figures, no field a person could edit: nothing is marked.
        monitoring_body(plan, body, locale, as_of or dt.datetime.now().astimezone().date())
        prioritisation_body(plan, body, locale)  # a draft plan's proposals, ranked
    else:
        front_matter(plan, body, anchors, locale)
        _BODIES[chosen](plan, body, anchors, locale)
    if section is not None:
        body.append(section)
    embed(document, plan_json(plan), chosen, locale, anchors.as_data())
    document.save(stream)

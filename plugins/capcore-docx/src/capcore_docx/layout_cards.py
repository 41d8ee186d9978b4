"""The cards layout (the Pazardzhik plan): one titled label/value table per measure.

Each measure gets a heading (``МЯРКА 1 – QW`` for a quick win, ``МЯРКА 2``
otherwise) and a two-column table with the project-sheet rows in the
source's order: action, sponsor, leader, team, contact, scope,
stakeholders, strengths, areas for improvement, options to explore,
constraints, human resources, budget, result, start date, planned deadline.
Those sixteen rows are always there, empty or not, as on the form people
fill in; the CAF references, responsible, supporting and note follow only
when given. A measure's activities follow its card in a table of their
own. An area's title stands above its cards.
"""

from __future__ import annotations

from capcore import Activity, Measure, Plan
from capcore.labels import label
from capcore.plan_text import (
    CARD_FIELDS,
    OPTIONAL_CARD_FIELDS,
    area_heading,
    card_heading,
    field_text,
)
from capcore_docx.document import TABLE_STYLE
from capcore_docx.ooxml import Cell, Element, add_paragraph, add_row, add_table, run
from capcore_docx.shown import Anchors

__all__ = ["cards_body"]

_CARD_WIDTHS = (3000, 6600)
_ACTIVITY_WIDTHS = (800, 3000, 1100, 1100, 2000, 1600)
_LABEL_FILL = "F2F2F2"
_HEADER_FILL = "D9D9D9"

_ACTIVITY_COLUMNS = (
    ("number", "number"),
    ("title", "activity"),
    ("start", "start"),
    ("deadline", "deadline"),
    ("target", "target"),
    ("responsible", "responsible"),
)


def cards_body(plan: Plan, body: Element, anchors: Anchors, locale: str) -> None:
    """Append the cards of ``plan`` to ``body``, marking each field they show."""
    for area in plan.areas:
        if area.title or area.number:
            prefix = area_heading(area, locale)
            p = add_paragraph(body, run(prefix + area.title, bold=True, size=24), keep_next=True)
            anchors.mark(p, area.id, "title", area.title, prefix)
        for measure in area.measures:
            _card(body, measure, anchors, locale)


def _card(body: Element, measure: Measure, anchors: Anchors, locale: str) -> None:
    heading = card_heading(measure, locale)
    p = add_paragraph(body, run(heading, bold=True), keep_next=True)
    anchors.mark(p, measure.id, "heading", heading)
    fields = [(field, key, field_text(measure, field)) for field, key in CARD_FIELDS]
    for field, key in OPTIONAL_CARD_FIELDS:
        if text := field_text(measure, field):
            fields.append((field, key, text))
    tbl = add_table(body, _CARD_WIDTHS, TABLE_STYLE)
    for field, key, text in fields:
        cells = [Cell(label(key, locale).upper(), bold=True, fill=_LABEL_FILL), Cell(text)]
        paragraphs = add_row(tbl, cells)
        anchors.mark_row(paragraphs, [(1, measure.id, field, text, "")])
    if measure.activities:
        add_paragraph(body, space_after=0)
        _activities(body, measure.activities, anchors, locale)
    add_paragraph(body)


def _activities(body: Element, activities: list[Activity], anchors: Anchors, locale: str) -> None:
    tbl = add_table(body, _ACTIVITY_WIDTHS, TABLE_STYLE)
    header = (
        Cell(label(key, locale), bold=True, align="center", fill=_HEADER_FILL)
        for _, key in _ACTIVITY_COLUMNS
    )
    add_row(tbl, header, header=True)
    for activity in activities:
        values = [(field, field_text(activity, field)) for field, _ in _ACTIVITY_COLUMNS]
        paragraphs = add_row(tbl, (Cell(text) for _, text in values))
        anchors.mark_row(
            paragraphs,
            [(cell, activity.id, field, text, "") for cell, (field, text) in enumerate(values)],
        )

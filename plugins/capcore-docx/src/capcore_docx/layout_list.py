"""The list layout (the Smolyan plan): numbered sections and items.

Each area is a bold numbered section (``1. Дейности за прозрачност ...``);
each measure an item under it (``1.1. ...``) followed by its lines
``Начало:`` (when given), ``Срок:`` and ``Отговорник:``, as the Smolyan
plan writes them; a measure's activities follow as sub-items with the same
lines. Numbers are written as text, not Word's automatic numbering, so the
numbers a plan has (irregular ones included) are the numbers printed.
"""

from __future__ import annotations

from capcore import Activity, Measure, Plan
from capcore.labels import label
from capcore.plan_text import field_text, number_prefix
from capcore_docx.ooxml import Element, add_paragraph, run
from capcore_docx.shown import Anchors

__all__ = ["line_prefix", "list_body"]

_LINES = (("start", "start"), ("deadline", "deadline"), ("responsible", "responsible"))
_SECTION_SIZE = 24  # half-points: 12 pt


def line_prefix(key: str, locale: str) -> str:
    """Return the start of a field's line: ``Срок: ``, ``Отговорник: ``."""
    return f"{label(key, locale)}: "


def list_body(plan: Plan, body: Element, anchors: Anchors, locale: str) -> None:
    """Append the sections and items of ``plan`` to ``body``, marking each field they show."""
    for area in plan.areas:
        if area.title or area.number:
            prefix = number_prefix(area.number)
            section = run(prefix + area.title, bold=True, size=_SECTION_SIZE)
            p = add_paragraph(body, section, keep_next=True, space_before=120)
            anchors.mark(p, area.id, "title", area.title, prefix)
        for measure in area.measures:
            _item(body, measure, anchors, locale)
            for activity in measure.activities:
                _item(body, activity, anchors, locale)
    add_paragraph(body)


def _item(body: Element, entity: Measure | Activity, anchors: Anchors, locale: str) -> None:
    prefix = number_prefix(entity.number)
    bold = isinstance(entity, Measure)
    p = add_paragraph(body, run(prefix + entity.title, bold=bold), keep_next=True, space_after=0)
    anchors.mark(p, entity.id, "title", entity.title, prefix)
    lines = [(field, key) for field, key in _LINES if field != "start" or entity.start is not None]
    for index, (field, key) in enumerate(lines):
        text = field_text(entity, field)
        last = index == len(lines) - 1
        words = line_prefix(key, locale)
        line = add_paragraph(
            body, run(words), run(text), keep_next=not last, space_after=None if last else 0
        )
        anchors.mark(line, entity.id, field, text, words)

"""What stands above every layout: the approval block, the title, the period.

As the seed documents have it: the approval block at the top right
(``УТВЪРЖДАВАМ:``, the name, the position over several lines, the date),
then the title centred in bold, the period (``за периода 2022-2024 г.``),
the subtitle, and the introduction. The organisation gets a line of its own
only when the title does not already name it.
"""

from __future__ import annotations

from capcore import Plan
from capcore.labels import format_date
from capcore.plan_text import period_line
from capcore_docx.ooxml import Element, add_paragraph, run
from capcore_docx.shown import Anchors

__all__ = ["front_matter"]

_TITLE_SIZE = 28  # half-points: 14 pt


def front_matter(plan: Plan, body: Element, anchors: Anchors, locale: str) -> None:
    """Append the paragraphs above the plan's body, marking each field they show."""
    approval = plan.approval
    if approval is not None:
        lines = [
            ("approval.heading", approval.heading),
            ("approval.name", approval.name),
            ("approval.position", approval.position),
        ]
        for field, value in lines:
            p = add_paragraph(body, run(value, bold=True), align="right", space_after=0)
            anchors.mark(p, plan.id, field, value)
        if approval.date is not None:
            date = format_date(approval.date, locale)
            add_paragraph(body, run(date), align="right", space_after=0)
        add_paragraph(body)
    if plan.organisation and plan.organisation.casefold() not in plan.title.casefold():
        p = add_paragraph(body, run(plan.organisation, bold=True), align="center", space_after=0)
        anchors.mark(p, plan.id, "organisation", plan.organisation)
    title = add_paragraph(
        body, run(plan.title, bold=True, size=_TITLE_SIZE), align="center", space_after=0
    )
    anchors.mark(title, plan.id, "title", plan.title)
    if plan.period is not None:
        add_paragraph(body, run(period_line(plan.period, locale), bold=True), align="center")
    if plan.subtitle:
        p = add_paragraph(body, run(plan.subtitle, bold=True), align="center")
        anchors.mark(p, plan.id, "subtitle", plan.subtitle)
    if plan.introduction:
        p = add_paragraph(body, run(plan.introduction), align="both")
        anchors.mark(p, plan.id, "introduction", plan.introduction)
    add_paragraph(body)

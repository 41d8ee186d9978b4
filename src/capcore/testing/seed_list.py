"""The Smolyan plan, and any plan, as a numbered list with Срок: and Отговорник: lines."""

from __future__ import annotations

import attrs

from capcore.examples import smolyan
from capcore.model import Plan
from capcore.tables.source import SourceBlock
from capcore.testing._seed_text import numbered, paragraphs, preamble

__all__ = ["ListDocument", "list_document", "smolyan_list"]


@attrs.frozen
class ListDocument:
    """A plan in the list shape: one paragraph per line.

    Attributes:
        paragraphs: The title, introduction, sections, items and their
            ``Срок:`` / ``Отговорник:`` lines, in order.
    """

    paragraphs: tuple[str, ...]

    def blocks(self) -> list[SourceBlock]:
        """Return the paragraphs as source blocks (``paragraph N``)."""
        return list(paragraphs(self.paragraphs))


def list_document(plan: Plan, *, english: bool = False) -> ListDocument:
    """Return ``plan`` in the Smolyan list shape: sections, items, deadline and responsible."""
    deadline, responsible = ("Deadline", "Responsible") if english else ("Срок", "Отговорник")
    lines = [*preamble(plan, english=english), *plan.introduction.splitlines()]
    for area in plan.areas:
        if area.title:
            lines.append(numbered(area.number, area.title))
        for measure in area.measures:
            lines.append(numbered(measure.number, measure.title))
            if measure.deadline is not None:
                lines.append(f"{deadline}: {measure.deadline.text}")
            if measure.responsible:
                lines.append(f"{responsible}: {measure.responsible}")
    return ListDocument(tuple(line for line in lines if line))


def smolyan_list(*, english: bool = False) -> ListDocument:
    """Return the Smolyan plan (:func:`capcore.examples.smolyan`) as its list."""
    return list_document(smolyan(), english=english)

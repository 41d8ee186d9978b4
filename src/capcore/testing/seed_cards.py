"""The Pazardzhik plan, and any plan, as measure cards (a heading and a label/value table)."""

from __future__ import annotations

import attrs

from capcore.examples import pazardzhik
from capcore.model import Measure, MeasureKind, Plan
from capcore.tables.source import SourceBlock, SourceParagraph, SourceTable
from capcore.tables.synonyms import CardField
from capcore.testing._seed_text import cell, paragraphs, preamble

__all__ = [
    "PAZARDZHIK_LABELS",
    "PAZARDZHIK_LABELS_EN",
    "Card",
    "CardsDocument",
    "cards_document",
    "pazardzhik_cards",
]

PAZARDZHIK_LABELS = {
    CardField.TITLE: "ДЕЙСТВИЕ",
    CardField.SPONSOR: "СПОНСОР",
    CardField.LEADER: "РЪКОВОДИТЕЛ",
    CardField.TEAM: "ЕКИП",
    CardField.CONTACT: "КОНТАКТ",
    CardField.SCOPE: "ОБХВАТ",
    CardField.STAKEHOLDERS: "ЗАИНТЕРЕСОВАНИ СТРАНИ",
    CardField.STRENGTHS: "СИЛНИ СТРАНИ",
    CardField.IMPROVEMENT_AREAS: "ОБЛАСТИ НА ПОДОБРЕНИЕ",
    CardField.OPTIONS: "ВАРИАНТИ ЗА ПРОУЧВАНЕ",
    CardField.CONSTRAINTS: "ОГРАНИЧЕНИЯ",
    CardField.HUMAN_RESOURCES: "НЕОБХОДИМИ ЧР (ДНИ/ХОРА)",
    CardField.BUDGET: "БЮДЖЕТ",
    CardField.EXPECTED_RESULT: "РЕЗУЛТАТ",
    CardField.START: "ДАТА НА ЗАПОЧВАНЕ",
    CardField.DEADLINE: "ПРЕДВИДЕН СРОК",
}
"""The labels of a Pazardzhik card, in order, as written."""

PAZARDZHIK_LABELS_EN = {
    CardField.TITLE: "Action",
    CardField.SPONSOR: "Sponsor",
    CardField.LEADER: "Leader",
    CardField.TEAM: "Team",
    CardField.CONTACT: "Contact",
    CardField.SCOPE: "Scope",
    CardField.STAKEHOLDERS: "Stakeholders",
    CardField.STRENGTHS: "Strengths",
    CardField.IMPROVEMENT_AREAS: "Areas for improvement",
    CardField.OPTIONS: "Options to explore",
    CardField.CONSTRAINTS: "Constraints",
    CardField.HUMAN_RESOURCES: "Human resources needed",
    CardField.BUDGET: "Budget",
    CardField.EXPECTED_RESULT: "Result",
    CardField.START: "Start date",
    CardField.DEADLINE: "Planned deadline",
}
"""The same labels in English."""


@attrs.frozen
class Card:
    """One measure card: its heading and its label/value rows.

    Attributes:
        heading: ``МЯРКА 1 – QW``.
        fields: (label, value) pairs in order.
    """

    heading: str
    fields: tuple[tuple[str, str], ...]


@attrs.frozen
class CardsDocument:
    """A plan in the cards shape.

    Attributes:
        preamble: The lines above the first card.
        cards: The measure cards, in order.
    """

    preamble: tuple[str, ...]
    cards: tuple[Card, ...]

    def blocks(self, *, heading_in_table: bool = False) -> list[SourceBlock]:
        """Return the title paragraphs and, per card, a heading and a two-column table.

        Args:
            heading_in_table: Put each heading in the first row of its table
                (a cell and an empty one, as the seed has it) instead of a
                paragraph before it.
        """
        blocks: list[SourceBlock] = list(paragraphs(self.preamble))
        for number, card in enumerate(self.cards, start=1):
            table = f"table {number}"
            pairs = [(card.heading, "")] if heading_in_table else []
            if not heading_in_table:
                blocks.append(SourceParagraph(card.heading, f"{table}, heading"))
            pairs += list(card.fields)
            rows = [
                [
                    cell(label, f"{table}, row {r}, cell 1"),
                    cell(value, f"{table}, row {r}, cell 2"),
                ]
                for r, (label, value) in enumerate(pairs, start=1)
            ]
            blocks.append(SourceTable(rows, table))
        return blocks


def _card_values(measure: Measure) -> dict[CardField, str]:
    roles = measure.roles
    return {
        CardField.TITLE: measure.title,
        CardField.SPONSOR: roles.sponsor,
        CardField.LEADER: roles.leader,
        CardField.TEAM: roles.team,
        CardField.CONTACT: roles.contact,
        CardField.SCOPE: measure.scope,
        CardField.STAKEHOLDERS: measure.stakeholders,
        CardField.STRENGTHS: measure.strengths,
        CardField.IMPROVEMENT_AREAS: measure.improvement_areas,
        CardField.OPTIONS: measure.options,
        CardField.CONSTRAINTS: measure.constraints,
        CardField.HUMAN_RESOURCES: measure.human_resources,
        CardField.BUDGET: measure.budget.text if measure.budget else "",
        CardField.EXPECTED_RESULT: measure.expected_result,
        CardField.START: measure.start.text if measure.start else "",
        CardField.DEADLINE: measure.deadline.text if measure.deadline else "",
    }


def cards_document(plan: Plan, *, english: bool = False) -> CardsDocument:
    """Return ``plan`` in the Pazardzhik cards shape: a card per measure, in order."""
    labels = PAZARDZHIK_LABELS_EN if english else PAZARDZHIK_LABELS
    word = "MEASURE" if english else "МЯРКА"
    cards = []
    for measure in plan.measures():
        mark = " – QW" if measure.kind is MeasureKind.QUICK_WIN else ""
        values = _card_values(measure)
        cards.append(
            Card(
                f"{word} {measure.number}{mark}",
                tuple((label, values[field]) for field, label in labels.items()),
            )
        )
    return CardsDocument(preamble(plan, english=english), tuple(cards))


def pazardzhik_cards(*, english: bool = False) -> CardsDocument:
    """Return the Pazardzhik plan (:func:`capcore.examples.pazardzhik`) as its cards."""
    return cards_document(pazardzhik(), english=english)

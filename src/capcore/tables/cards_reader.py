"""The cards shape: a label/value table per measure (the Pazardzhik project sheets).

:func:`read_cards` reads the title block above the first card, then each
card: a heading (``МЯРКА 3``, ``МЯРКА 3 – QW``: a paragraph before the
table, or a row of its own inside it) and rows whose first cell is a label
of :data:`~capcore.CARD_LABEL_SYNONYMS` and whose second cell is the value.
A ``QW`` mark (or another kind word) in the heading gives the measure's
kind; a heading without one says nothing about it. All measures go into one
untitled area. Budgets are read with :func:`capcore.parse_budget`, dates
with :func:`capcore.parse_deadline` (with the plan period).

Rows with unknown labels, a second value for a label, and text between
cards are kept in the nearest measure's ``extra`` and reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from capcore.budget_parse import parse_budget
from capcore.builder import PlanBuilder
from capcore.errors import PlanFormatError
from capcore.model import Layout, Measure, MeasureKind, Plan
from capcore.tables._cell_values import read_caf_refs, read_deadline
from capcore.tables._keeper import Keeper
from capcore.tables._numbering import split_card_heading
from capcore.tables._plan_start import begin_plan
from capcore.tables.matching import match_card_label, normalise_label
from capcore.tables.source import SourceBlock, SourceCell, SourceParagraph, SourceTable
from capcore.tables.synonyms import CARD_LABEL_SYNONYMS, KIND_SYNONYMS, CardField

__all__ = ["read_cards"]

_ROLE_FIELDS = frozenset({CardField.SPONSOR, CardField.LEADER, CardField.TEAM, CardField.CONTACT})
_LABEL_VALUE = ":"


@attrs.frozen
class _Entry:
    """A paragraph, or one row of a table, in document order."""

    cells: tuple[SourceCell, ...]
    paragraph: SourceParagraph | None = None

    @property
    def filled(self) -> list[SourceCell]:
        return [cell for cell in self.cells if cell.text.strip() and not cell.continues_above]

    def as_block(self) -> SourceBlock:
        if self.paragraph is not None:
            return self.paragraph
        return SourceTable([self.cells], self.cells[0].location if self.cells else "")


def _entries(blocks: Iterable[SourceBlock]) -> list[_Entry]:
    entries: list[_Entry] = []
    for block in blocks:
        if isinstance(block, SourceParagraph):
            cell = SourceCell(block.text, block.location)
            entries.append(_Entry((cell,), block))
        else:
            entries.extend(_Entry(row) for row in block.rows)
    return entries


def _heading(entry: _Entry) -> tuple[str, str, str] | None:
    """Return (number, rest, location) when the entry is a card heading."""
    filled = entry.filled
    if len(filled) != 1:
        return None
    found = split_card_heading(filled[0].text)
    return None if found is None else (*found, filled[0].location)


def _label(text: str) -> tuple[CardField, str] | None:
    return match_card_label(text)


def _is_card_row(entry: _Entry) -> bool:
    filled = entry.filled
    return len(filled) >= 2 and _label(filled[0].text) is not None


def read_cards(
    blocks: Iterable[SourceBlock],
    *,
    source: str,
    locale: str | None = None,
    plan_id: str | None = None,
) -> Plan:
    """Read a plan written as one label/value card per measure (the cards shape).

    Args:
        blocks: The document's paragraphs and tables in order.
        source: The file name, for error messages.
        locale: ``"bg"`` or ``"en"``: how deadlines and budgets are read and
            the plan's language; by default the language of the labels.
        plan_id: The plan's id; by default derived from its title,
            organisation and period.

    Returns:
        The plan: one untitled area with a measure per card, with
        :attr:`~capcore.Plan.import_notes` and
        :attr:`~capcore.Plan.source_locations` filled.

    Raises:
        PlanFormatError: No card heading (``МЯРКА 1``) and no row with a card
            label and a value; the message lists the labels looked for.
        UnknownLocaleError: ``locale`` is neither ``"bg"`` nor ``"en"``.
    """
    entries = _entries(blocks)
    start = next(
        (i for i, entry in enumerate(entries) if _heading(entry) or _is_card_row(entry)), None
    )
    if start is None:
        labels = "; ".join(
            f"{field.value} ({', '.join((*words.bg[:1], *words.en[:1]))})"
            for field, words in CARD_LABEL_SYNONYMS.items()
        )
        raise PlanFormatError(
            source,
            "",
            "no measure cards found: expected headings such as 'МЯРКА 1' or 'МЯРКА 2 – QW' "
            f"and two-column tables of labels and values; labels: {labels}",
        )
    chosen_locale = locale or _locale_of(entries[start:])
    keeper = Keeper()
    builder = begin_plan(
        [entry.as_block() for entry in entries[:start]],
        keeper,
        where=entries[start].filled[0].location,
        layout=Layout.CARDS,
        locale=chosen_locale,
        plan_id=plan_id,
    )
    _Cards(builder, keeper, chosen_locale).read(entries[start:])
    return keeper.finish(builder.build())


def _locale_of(entries: Sequence[_Entry]) -> str:
    found = [match[1] for entry in entries if (match := _label_of(entry)) is not None]
    return "en" if found.count("en") > found.count("bg") else "bg"


def _label_of(entry: _Entry) -> tuple[CardField, str] | None:
    filled = entry.filled
    return _label(filled[0].text) if filled else None


class _Cards:
    """Reads cards into the plan being built."""

    def __init__(self, builder: PlanBuilder, keeper: Keeper, locale: str) -> None:
        self._builder = builder
        self._keeper = keeper
        self._locale = locale
        self._measure: Measure | None = None
        self._heading_rest: tuple[str, str] | None = None  # (text, location) to check at the end

    def read(self, entries: Sequence[_Entry]) -> None:
        for entry in entries:
            heading = _heading(entry)
            if heading is not None:
                self._close()
                self._open(*heading)
            elif entry.filled:
                self._row(entry)
        self._close()

    def _open(self, number: str, rest: str, location: str) -> Measure:
        measure = self._builder.measure("", number=number).measure
        self._measure = measure
        self._keeper.locate(measure.id, location)
        self._keeper.locate(self._builder.plan.areas[-1].id, location)  # the untitled area
        measure.kind, rest = _kind_mark(rest)
        self._heading_rest = (rest, location) if rest else None
        return measure

    def _close(self) -> None:
        """Finish the open card: heading words become the title if no label gave one."""
        if self._measure is not None and self._heading_rest is not None:
            text, location = self._heading_rest
            if not self._measure.title:
                self._measure.title = text
            else:
                self._keeper.keep(self._measure, location, text, "heading words after the number")
        self._heading_rest = None

    def _row(self, entry: _Entry) -> None:
        filled = entry.filled
        label_cell, values = filled[0], filled[1:]
        found = _label(label_cell.text)
        value_cell: SourceCell | None = values[0] if values else None
        if found is None and not values and _LABEL_VALUE in label_cell.text:
            label_text, value_text = label_cell.text.split(_LABEL_VALUE, 1)
            found = _label(label_text)
            value_cell = attrs.evolve(label_cell, text=value_text)
        if found is None:
            for cell in filled:
                self._keep(
                    cell, "not a card label" if cell is label_cell else "value of an unknown label"
                )
            return
        measure = self._measure
        if measure is None:
            measure = self._open("", "", label_cell.location)
            self._keeper.note(label_cell.location, "a card without a heading: a measure was made")
        if value_cell is not None:
            self._set(measure, found[0], value_cell)
        for cell in values[1:]:
            self._keep(cell, "a third cell in a label/value row")

    def _set(self, measure: Measure, field: CardField, cell: SourceCell) -> None:
        text = cell.text.strip()
        holder = measure.roles if field in _ROLE_FIELDS else measure
        if getattr(holder, field.value):
            self._keep(cell, f"a second {field.value}")
        elif field in _ROLE_FIELDS:
            measure.roles = attrs.evolve(measure.roles, **{field.value: text})
        elif field is CardField.BUDGET:
            measure.budget = parse_budget(text, self._locale)
        elif field in {CardField.START, CardField.DEADLINE}:
            period = self._builder.plan.period
            setattr(measure, field.value, read_deadline(text, cell.date, self._locale, period))
        elif field is CardField.CAF_REFS:
            refs = read_caf_refs(text)
            if refs is None:
                self._keep(cell, "not CAF references")
            else:
                measure.caf_refs = refs
        else:
            setattr(measure, field.value, text)

    def _keep(self, cell: SourceCell, why: str) -> None:
        owner = self._measure if self._measure is not None else self._builder.plan
        self._keeper.keep(owner, cell.location, cell.text, why)


def _kind_mark(rest: str) -> tuple[MeasureKind | None, str]:
    """Return the kind a heading's words name (``QW``) and the words left over."""
    words = rest.split()
    for kind, names in KIND_SYNONYMS.items():
        for name in sorted(names.bg + names.en, key=len, reverse=True):
            size = len(name.split())
            for at in (0, len(words) - size):
                if at >= 0 and normalise_label(" ".join(words[at : at + size])) == name:
                    left = words[:at] + words[at + size :]
                    return kind, " ".join(left).strip(" –—-:")
    return None, rest

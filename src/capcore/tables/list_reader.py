"""The list shape: numbered sections and items with ``Срок:`` lines (the Smolyan plan).

:func:`read_list` reads the title block above the first section, then:

- a paragraph numbered with one number (``1. Текст``, or Word's own list
  number ``1.``) starts a section, which becomes an area;
- a paragraph numbered with several (``1.1.Текст``), a numbered one
  followed by a label line, or (once the numbered body has begun) any
  paragraph followed by a label line, is an item, which becomes a measure
  with its own schedule;
- a label line (``Срок: м. март``, ``Отговорник: Гл. Секретар``, in any
  of the words of :data:`~capcore.LIST_LABEL_SYNONYMS`; several may share
  a line, ``Срок: постоянен; Отговорник: ...``) fills the item above.

Other paragraphs after the first section, a second value for a label, and
tables are kept in the nearest entity's ``extra`` and reported.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import attrs

from capcore.budget_parse import parse_budget
from capcore.builder import AreaBuilder, PlanBuilder
from capcore.errors import PlanFormatError
from capcore.model import Layout, Measure, Plan
from capcore.tables._cell_values import read_deadline
from capcore.tables._keeper import Keeper
from capcore.tables._numbering import split_number
from capcore.tables._plan_start import begin_plan
from capcore.tables._preamble import lines_of
from capcore.tables.matching import list_label_words, match_list_label
from capcore.tables.source import SourceBlock, SourceParagraph, SourceTable
from capcore.tables.synonyms import LIST_LABEL_SYNONYMS, ListField

__all__ = ["read_list"]

_SEPARATORS = " ;,"


@functools.cache
def _labels_pattern() -> re.Pattern[str]:
    """Match a label word and its colon at a line's start or after a separator."""
    words = list_label_words()
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?:^|(?<=[\s;,.]))(?P<label>{alternatives})\s*:", re.IGNORECASE)


@attrs.frozen
class _Label:
    """One ``Label: value`` part of a line."""

    field: ListField
    value: str
    locale: str


def _label_line(text: str) -> list[_Label] | None:
    """Return the label parts of a line that starts with a label, else None."""
    matches = list(_labels_pattern().finditer(text))
    if not matches or text[: matches[0].start()].strip():
        return None
    parts: list[_Label] = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        value = text[match.end() : end].strip()
        if following is not None:
            value = value.rstrip(_SEPARATORS)
        found = match_list_label(match["label"])
        if found is not None:
            parts.append(_Label(found[0], value, found[1]))
    return parts


def _numbered(paragraph: SourceParagraph) -> tuple[str, str]:
    if paragraph.number.strip():
        return paragraph.number.strip().rstrip("."), paragraph.text.strip()
    return split_number(paragraph.text)


@attrs.frozen
class _Line:
    """A paragraph and what it is."""

    paragraph: SourceParagraph
    kind: str  # "section", "item", "label", "other"
    number: str = ""
    title: str = ""
    labels: tuple[_Label, ...] = ()


def _classify(paragraphs: Sequence[SourceParagraph]) -> list[_Line]:
    """Say what each paragraph is; unnumbered items only once the numbered body has begun."""
    lines: list[_Line] = []
    begun = False
    for index, paragraph in enumerate(paragraphs):
        labels = _label_line(paragraph.text)
        if labels is not None:
            lines.append(_Line(paragraph, "label", labels=tuple(labels)))
            begun = True
            continue
        number, title = _numbered(paragraph)
        following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
        before_label = _label_line(following) is not None
        if number and "." not in number and not before_label:
            lines.append(_Line(paragraph, "section", number, title))
        elif number or (begun and before_label):
            lines.append(_Line(paragraph, "item", number, title))
        else:
            lines.append(_Line(paragraph, "other"))
        begun = begun or bool(number)
    return lines


def read_list(
    blocks: Iterable[SourceBlock],
    *,
    source: str,
    locale: str | None = None,
    plan_id: str | None = None,
) -> Plan:
    """Read a plan written as numbered sections and items with ``Срок:`` lines (the list shape).

    Args:
        blocks: The document's paragraphs (and tables, which are kept) in order.
        source: The file name, for error messages.
        locale: ``"bg"`` or ``"en"``: how deadlines are read and the plan's
            language; by default the language of the label words.
        plan_id: The plan's id; by default derived from its title,
            organisation and period.

    Returns:
        The plan: an area per section, a measure per item, with
        :attr:`~capcore.Plan.import_notes` and
        :attr:`~capcore.Plan.source_locations` filled.

    Raises:
        PlanFormatError: No paragraph is a label line such as ``Срок: ...``;
            the message lists the labels looked for.
        UnknownLocaleError: ``locale`` is neither ``"bg"`` nor ``"en"``.
    """
    blocks = tuple(blocks)
    paragraphs = [block for block in blocks if isinstance(block, SourceParagraph)]
    lines = _classify(paragraphs)
    if not any(line.kind == "label" for line in lines):
        labels = ", ".join(
            f"'{word}:'" for words in LIST_LABEL_SYNONYMS.values() for word in words.bg + words.en
        )
        raise PlanFormatError(
            source, "", f"no list items found: expected numbered paragraphs followed by {labels}"
        )
    start = next(i for i, line in enumerate(lines) if line.kind in {"section", "item", "label"})
    found = [label.locale for line in lines for label in line.labels]
    chosen_locale = locale or ("en" if found.count("en") > found.count("bg") else "bg")
    keeper = Keeper()
    builder = begin_plan(
        [line.paragraph for line in lines[:start]],
        keeper,
        where=lines[start].paragraph.location,
        layout=Layout.LIST,
        locale=chosen_locale,
        plan_id=plan_id,
    )
    reader = _List(builder, keeper, chosen_locale)
    for line in lines[start:]:
        reader.line(line)
    for table in (block for block in blocks if isinstance(block, SourceTable)):
        for kept in lines_of([table]):
            keeper.keep(builder.plan, kept.location, kept.text, "a table in a list-shaped plan")
    return keeper.finish(builder.build())


class _List:
    """Reads sections, items and label lines into the plan being built."""

    def __init__(self, builder: PlanBuilder, keeper: Keeper, locale: str) -> None:
        self._builder = builder
        self._keeper = keeper
        self._locale = locale
        self._area: AreaBuilder | None = None
        self._measure: Measure | None = None

    def line(self, line: _Line) -> None:
        location = line.paragraph.location
        if line.kind == "section":
            self._area = self._builder.area(line.title, number=line.number)
            self._measure = None
            self._keeper.locate(self._area.area.id, location)
        elif line.kind == "item":
            if self._area is None:
                self._area = self._builder.area()
                self._keeper.locate(self._area.area.id, location)
            self._measure = self._area.measure(line.title, number=line.number).measure
            self._keeper.locate(self._measure.id, location)
        elif line.kind == "label":
            for label in line.labels:
                self._label(label, line.paragraph)
        else:
            self._keep(line.paragraph, "text between the items")

    def _label(self, label: _Label, paragraph: SourceParagraph) -> None:
        measure = self._measure
        if measure is None:
            self._keep(paragraph, f"a {label.field.value} line before any item")
            return
        name = label.field.value
        if label.field in {ListField.START, ListField.DEADLINE}:
            if getattr(measure, name) is not None:
                self._keep(paragraph, f"a second {name} for the item")
                return
            period = self._builder.plan.period
            setattr(measure, name, read_deadline(label.value, None, self._locale, period))
        elif label.field is ListField.BUDGET:
            if measure.budget is not None:
                self._keep(paragraph, "a second budget for the item")
                return
            measure.budget = parse_budget(label.value, self._locale)
        elif getattr(measure, name):
            self._keep(paragraph, f"a second {name} for the item")
        else:
            setattr(measure, name, label.value)

    def _keep(self, paragraph: SourceParagraph, why: str) -> None:
        owner = self._measure or (self._area.area if self._area is not None else None)
        self._keeper.keep(owner or self._builder.plan, paragraph.location, paragraph.text, why)

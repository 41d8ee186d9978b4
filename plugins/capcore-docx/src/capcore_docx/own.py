"""Reading a document capcore wrote: the embedded plan, with what a person edited.

The plan comes from the custom XML part (:mod:`capcore_docx.embedded`),
exactly as written. When the main document part still has the bytes
capcore wrote (its recorded digest), nothing visible was edited and that
plan is the result. Otherwise the visible part is turned into a *visible plan*
for :func:`capcore.apply_visible_edits`, the one rule for
every format ("visible text edited by a person wins"):

- an entity whose bookmarks are all gone (its row or paragraphs deleted)
  is left out of the visible plan, so the rule keeps it and notes it;
- the others appear in document order, under the parent they had;
- a field whose text still has the hash recorded when it was written takes
  the embedded value unchanged (so ``м. март`` keeps the meaning it was
  read with); a field whose text changed is read from the text: deadlines
  and budgets by capcore's parsers, CAF references from the matrix's two
  reference columns or a card's row, a number changed in front of a title
  split off from it.

Text the document holds outside any bookmark that is not the layout's own
wording (a row or paragraph a person added) is reported as an import note
and kept in the plan's ``extra``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TypeVar

import attrs

from capcore import (
    Activity,
    Area,
    CafRefError,
    ImportNote,
    Measure,
    MeasureKind,
    Plan,
    ShownFields,
    apply_visible_edits,
    loads,
    parse_budget,
    parse_caf_refs,
    parse_deadline,
)
from capcore_docx.embedded import Embedded
from capcore_docx.layout_matrix import QUICK_WIN_MARK
from capcore_docx.package import WordPackage
from capcore_docx.visible import VisibleCheck, VisibleText

__all__ = ["SHOWN_FIELDS", "read_own"]

SHOWN_FIELDS = ShownFields(
    plan=(
        "title", "subtitle", "organisation", "introduction",
        "approval.heading", "approval.name", "approval.position",
    ),
    area=("number", "title"),
    measure=(
        "number", "title", "kind", "caf_refs", "roles.sponsor", "roles.leader", "roles.team",
        "roles.contact", "scope", "stakeholders", "strengths", "improvement_areas", "options",
        "constraints", "human_resources", "budget", "expected_result", "responsible",
        "supporting", "note",
    ),
    unit_measure=("start", "deadline"),
    activity=(
        "number", "title", "start", "deadline", "target", "responsible", "supporting", "note",
    ),
)  # fmt: skip
"""The fields any docx layout shows; a field a layout does not show keeps its embedded value.

A measure's start and deadline are shown only for a measure without
activities (the matrix shows its activities' dates instead). Any field the
visible plan does not change holds the embedded value, so listing a field
that a layout does not show changes nothing.
"""

_NUMBER = re.compile(r"\s*(?P<number>\d+(?:\.\d+)*)\.?(?:\s+|(?=\D)|$)(?P<title>.*)", re.DOTALL)
_HEADING = re.compile(r"\s*\S+\s+(?P<number>[^\s:]*)\s*:\s*(?P<title>.*)", re.DOTALL)

_Entity = Plan | Area | Measure | Activity
_E = TypeVar("_E", Plan, Area, Measure, Activity)
_QUICK_WIN_END = re.compile(r"\s*[-–—]?\s*QW\s*$", re.IGNORECASE)


def read_own(
    package: WordPackage, embedded: Embedded, source: str, *, unchanged: bool = False
) -> Plan:
    """Return the embedded plan with the visible edits of ``package`` applied.

    Args:
        package: The document.
        embedded: Its custom XML part.
        source: The file's name, for messages.
        unchanged: True when the main document part has the very bytes
            capcore wrote (:attr:`Embedded.document_digest`): nothing visible
            was edited, so every shown field would match its hash and the
            body is not read at all.
    """
    plan = loads(embedded.plan_json, source=f"{source}: capcore's custom XML part")
    if unchanged:
        plan.import_notes = ()
        return plan
    shown = embedded.shown
    changes: dict[str, list[VisibleText]] = defaultdict(list)
    notes: list[ImportNote] = []
    check = VisibleCheck(package.body, shown)
    for change in check.changed(notes):
        changes[change.shown.entity].append(change)
    gone_fields: dict[str, int] = defaultdict(int)
    for item in check.missing():
        gone_fields[item.entity] += 1
    total_fields: dict[str, int] = defaultdict(int)
    for item in shown:
        total_fields[item.entity] += 1
    gone = {entity for entity, count in gone_fields.items() if count == total_fields[entity]}
    if not changes and not gone:
        plan.import_notes = tuple(notes)
        return plan
    builder = _VisiblePlan(plan, changes, gone)
    visible = builder.build()
    result = apply_visible_edits(plan, visible, SHOWN_FIELDS).plan
    result.import_notes = (*notes, *builder.notes, *result.import_notes)
    return result


class _VisiblePlan:
    """Builds the visible plan: embedded values, deleted entities out, edited fields read."""

    def __init__(self, plan: Plan, changes: dict[str, list[VisibleText]], gone: set[str]) -> None:
        self.plan = plan
        self.changes = changes
        self.gone = gone
        self.notes: list[ImportNote] = []
        self.locations: dict[str, str] = {}

    def build(self) -> Plan:
        plan = self._copy(self.plan)
        plan.areas = [self._area(area) for area in self.plan.areas if area.id not in self.gone]
        plan.import_notes = ()
        plan.source_locations = self.locations
        return plan

    def _area(self, area: Area) -> Area:
        copy = self._copy(area)
        copy.measures = [self._measure(m) for m in area.measures if m.id not in self.gone]
        return copy

    def _measure(self, measure: Measure) -> Measure:
        copy = self._copy(measure)
        copy.activities = [self._copy(a) for a in measure.activities if a.id not in self.gone]
        return copy

    def _copy(self, entity: _E) -> _E:
        copy = attrs.evolve(entity)
        changes = self.changes.get(entity.id, [])
        if changes:
            self.locations[entity.id] = changes[0].location
        references: dict[str, str] = {}
        for change in changes:
            field = change.shown.field
            if field.startswith("caf_refs."):
                references[field.removeprefix("caf_refs.")] = change.value
                continue
            self._field(copy, change)
        if references and isinstance(copy, Measure):
            self._references(copy, references)
        return copy

    def _field(self, entity: _Entity, change: VisibleText) -> None:
        field = change.shown.field
        value = change.value
        if field == "heading" and isinstance(entity, Measure):
            self._heading(entity, change)
        elif field == "title" and not change.prefix_kept:
            self._numbered_title(entity, change)
        elif field in ("start", "deadline") and isinstance(entity, Measure | Activity):
            deadline = parse_deadline(value, period=self.plan.period) if value.strip() else None
            setattr(entity, field, deadline)
        elif field == "budget" and isinstance(entity, Measure):
            entity.budget = parse_budget(value) if value.strip() else None
        elif field == "caf_refs" and isinstance(entity, Measure):
            self._references(entity, {"card": value})
        else:
            _set(entity, field, value)

    def _numbered_title(self, entity: _Entity, change: VisibleText) -> None:
        # The number (or "Област 1: ") in front of the title was edited too.
        text = change.text
        if change.shown.prefix.rstrip().endswith(":"):
            found = _HEADING.fullmatch(text)
        else:
            found = _NUMBER.fullmatch(text)
        if found is not None and not isinstance(entity, Plan):
            entity.number = found["number"].rstrip(".")
            entity.title = found["title"]
        else:
            _set(entity, "title", text.strip())

    def _heading(self, measure: Measure, change: VisibleText) -> None:
        # "МЯРКА 3 – QW": the word, the number, and the quick-win mark.
        text = change.text.strip()
        mark = _QUICK_WIN_END.search(text)
        words = (text[: mark.start()] if mark else text).split(maxsplit=1)
        measure.number = words[1].strip() if len(words) > 1 else ""
        if mark:
            measure.kind = MeasureKind.QUICK_WIN
        elif measure.kind is MeasureKind.QUICK_WIN:
            measure.kind = None  # a heading without "QW" does not say strategic

    def _references(self, measure: Measure, texts: dict[str, str]) -> None:
        strategic = texts.get("strategic")
        quick_win = texts.get("quick_win")
        written = next(
            (t for t in (quick_win, strategic, texts.get("card")) if t and t.strip()), ""
        )
        refs_text = "" if written.strip() == QUICK_WIN_MARK else written
        try:
            measure.caf_refs = parse_caf_refs(refs_text)
        except CafRefError as error:
            self.notes.append(
                ImportNote(
                    self.locations.get(measure.id, measure.id),
                    f"CAF references not read ({error}); the embedded ones are kept",
                    refs_text,
                )
            )
        if quick_win is not None and quick_win.strip():
            measure.kind = MeasureKind.QUICK_WIN
        elif strategic is not None and strategic.strip():
            measure.kind = MeasureKind.STRATEGIC


def _set(entity: object, field: str, value: str) -> None:
    head, _, leaf = field.partition(".")
    if not leaf:
        setattr(entity, head, value)
        return
    holder = getattr(entity, head)
    if holder is not None:
        setattr(entity, head, attrs.evolve(holder, **{leaf: value}))

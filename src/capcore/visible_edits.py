"""What a person edited in the visible part of a file that also embeds the plan.

capcore's Office files carry a plan twice: the visible cells or paragraphs a
person reads and edits, and an embedded copy (a hidden sheet, a custom XML
part) with the stable ids and every field the visible part does not show.
When such a file comes back, what the person changed in the visible part
wins over the embedded copy, and everything else comes from the embedded
copy. This module is that rule, once, for every format.

A reader parses the visible part into a plan of its own, the *visible plan*,
holding only the fields its document shows (:class:`ShownFields` says which),
and gives each visible entity the id of the embedded entity it was written
from (or any id, plus a mapping). :func:`apply_visible_edits` then returns
the embedded plan with these changes, and says what it took:

- **Fields.** A shown field whose visible value differs from the embedded
  one is taken (cleared cells included). Deadlines and starts count as
  unchanged when their text is the same, or when both are one exact date on
  the same day: a date cell shows ``18.5.2022`` for the words ``18.05.2022``,
  and the embedded words are kept. Dotted names reach into values:
  ``roles.leader``, ``approval.name``.
- **Progress.** When ``"progress"`` is shown, the latest update of a visible
  activity or measure (a reader gives it one) is the state its document
  shows. If its status, percent or note (a comment on the report) differ
  from the embedded entity's latest update, it is appended to the embedded
  updates as it is (the reader dates it, typically with the file's save
  date), so that history is never rewritten. A cleared status and percent
  without a comment is not taken (there is no "no status" report) and is
  noted.
- **Structure.** A visible entity whose id the embedded plan lacks (a row a
  person inserted) is added under its visible parent's counterpart; an id
  seen a second time (a copied row) becomes a new entity with an id derived
  from the original. An entity the visible part lacks (a deleted row) is
  kept from the embedded copy and noted, never dropped. Children follow the
  visible order; kept ones stay after the sibling they followed. An entity
  found under another parent (a row moved to another measure) moves there.

Every edit taken is a :class:`VisibleEdit` and an :class:`~capcore.ImportNote`
(so ``capcore convert`` shows it); locations come from the visible plan's
:attr:`~capcore.Plan.source_locations`. The embedded plan is changed in place
(readers own the copy they just loaded, and a 10,000-activity plan is costly
to copy) and returned in the result, with its import notes extended and its
source locations pointing into the visible part.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import attrs

from capcore.deadline import Deadline, DeadlineKind
from capcore.ids import derived_id
from capcore.import_notes import ImportNote
from capcore.model import Activity, Area, Measure, Plan
from capcore.progress_update import ProgressUpdate, latest_update

__all__ = [
    "PROGRESS_FIELD",
    "ShownFields",
    "VisibleEdit",
    "VisibleEdits",
    "apply_visible_edits",
]

PROGRESS_FIELD = "progress"
"""The pseudo-field naming an entity's shown status and percent (its latest update)."""

_Entity = TypeVar("_Entity", Area, Measure, Activity)
_Node = Plan | Area | Measure | Activity


def _names(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


@attrs.frozen
class ShownFields:
    """Which fields a document shows in its visible part, by kind of entity.

    Names are the model's attribute names, dotted for fields of values
    (``roles.leader``, ``approval.name``), plus :data:`PROGRESS_FIELD` for an
    activity's or measure's shown status and percent. A field not named
    here is never taken from the visible plan, whatever it holds there.

    Attributes:
        plan: Plan fields (``title``, ``subtitle``, ``approval.name``).
        area: Area fields (``number``, ``title``).
        measure: Fields shown for every measure (``number``, ``title``, ``kind``).
        unit_measure: Fields shown, in addition, for a measure without
            activities, which is its own unit of progress (its ``start``,
            ``deadline``, ``responsible``, :data:`PROGRESS_FIELD`). Whether a
            measure has activities is decided by the embedded copy, so
            deleting a measure's activity rows never clears its own schedule.
        activity: Activity fields.
    """

    plan: frozenset[str] = attrs.field(default=frozenset(), converter=_names)
    area: frozenset[str] = attrs.field(default=frozenset(), converter=_names)
    measure: frozenset[str] = attrs.field(default=frozenset(), converter=_names)
    unit_measure: frozenset[str] = attrs.field(default=frozenset(), converter=_names)
    activity: frozenset[str] = attrs.field(default=frozenset(), converter=_names)


@attrs.frozen
class VisibleEdit:
    """One change taken from the visible part.

    Attributes:
        entity_id: The id of the entity in the returned plan.
        field: The field (``deadline``, ``roles.leader``, :data:`PROGRESS_FIELD`),
            or ``added`` / ``moved`` for a changed structure.
        before: The embedded value, as text (empty for an added entity).
        after: The visible value, as text.
        location: Where in the visible part (``План!F14``), when known.
    """

    entity_id: str
    field: str
    before: str
    after: str
    location: str = ""

    def as_note(self) -> ImportNote:
        """Return the import note that reports this edit."""
        if self.field in {"added", "moved"}:
            message = f"{self.field} in the visible part: {self.after}"
        else:
            message = f"{self.field} edited in the visible part: {self.before!r} -> {self.after!r}"
        return ImportNote(self.location or self.entity_id, message)


@attrs.frozen
class VisibleEdits:
    """What :func:`apply_visible_edits` returns.

    Attributes:
        plan: The embedded plan with the visible edits applied.
        edits: Every change taken, in document order.
        notes: What was not taken, and why (kept entities, cleared progress),
            followed by one note per edit; also appended to
            ``plan.import_notes``.
    """

    plan: Plan
    edits: tuple[VisibleEdit, ...]
    notes: tuple[ImportNote, ...]


def apply_visible_edits(
    embedded: Plan,
    visible: Plan,
    shown: ShownFields,
    *,
    ids: Mapping[str, str] | None = None,
) -> VisibleEdits:
    """Return ``embedded`` with what a person edited in the visible part applied.

    Args:
        embedded: The plan from the file's embedded copy; changed in place.
        visible: The plan read from the visible part: the shown fields, the
            structure, and for shown progress one update per entity with the
            state the document shows.
        shown: Which fields the visible part shows.
        ids: Visible entity id -> embedded entity id, for readers whose
            visible entities carry ids of their own; by default every
            visible entity carries its embedded entity's id.

    Returns:
        The plan with the edits, what was taken and what was noted.
    """
    merger = _Merger(embedded, visible, shown, ids or {})
    merger.run()
    notes = (*merger.notes, *(edit.as_note() for edit in merger.edits))
    embedded.import_notes = (*embedded.import_notes, *notes)
    embedded.source_locations = {**embedded.source_locations, **merger.locations}
    return VisibleEdits(embedded, tuple(merger.edits), notes)


class _Merger:
    """One application of visible edits; collects edits, notes and locations."""

    def __init__(
        self, embedded: Plan, visible: Plan, shown: ShownFields, ids: Mapping[str, str]
    ) -> None:
        self.embedded = embedded
        self.visible = visible
        self.shown = shown
        self.ids = ids
        self.edits: list[VisibleEdit] = []
        self.notes: list[ImportNote] = []
        self.locations: dict[str, str] = {}
        self.by_id: dict[str, Area | Measure | Activity] = {}
        self.parent_of: dict[str, str] = {}
        for area in embedded.areas:
            self.by_id[area.id] = area
            self.parent_of[area.id] = embedded.id
            for measure in area.measures:
                self.by_id[measure.id] = measure
                self.parent_of[measure.id] = area.id
                for activity in measure.activities:
                    self.by_id[activity.id] = activity
                    self.parent_of[activity.id] = measure.id
        # Whether a measure is its own unit of progress, before any change.
        self.unit_measures = {m.id for m in embedded.measures() if not m.activities}
        self.placed = self._placed()
        self.claimed: set[str] = set()
        self.copies: dict[str, int] = {}

    def run(self) -> None:
        """Apply everything: plan fields, then the tree of areas, measures and activities."""
        self._fields(self.embedded, self.visible, self.shown.plan, self.embedded.id)
        self.embedded.areas = self._children(
            self.embedded.id, self.embedded.areas, self.visible.areas, self._area
        )

    # -- matching -------------------------------------------------------------

    def _placed(self) -> set[str]:
        """Return the embedded ids that some visible entity of the same kind claims."""
        placed: set[str] = set()
        for area in self.visible.areas:
            entities: list[Area | Measure | Activity] = [area, *area.measures]
            for measure in area.measures:
                entities += measure.activities
            for entity in entities:
                target = self.ids.get(entity.id, entity.id)
                if type(self.by_id.get(target)) is type(entity):
                    placed.add(target)
        return placed

    def _counterpart(self, entity: _Entity) -> _Entity | None:
        """Return the embedded entity ``entity`` was written from, once; None if it is new."""
        target = self.ids.get(entity.id, entity.id)
        found = self.by_id.get(target)
        if not isinstance(found, type(entity)) or target in self.claimed:
            return None
        self.claimed.add(target)
        return found

    def _new(self, entity: _Entity) -> _Entity:
        """Return a visible entity that has no counterpart, ready to add, with its id."""
        target = self.ids.get(entity.id, entity.id)
        if target in self.by_id or target in self.claimed:
            # A copied row: a new entity whose id is derived from the original's,
            # so that reading the same file twice gives the same ids.
            count = self.copies[target] = self.copies.get(target, 0) + 1
            entity.id = derived_id(target, f"copy/{count}")
        else:
            entity.id = target
        self.claimed.add(entity.id)
        self._edit(entity.id, "added", "", _describe(entity), entity)
        return entity

    # -- structure ------------------------------------------------------------

    def _children(
        self,
        parent_id: str,
        kept: Sequence[_Entity],
        seen: Sequence[_Entity],
        merge: Callable[[_Entity, _Entity], None],
    ) -> list[_Entity]:
        """Return the children: the visible ones in visible order, then kept ones re-inserted."""
        result: list[_Entity] = []
        for entity in seen:
            found = self._counterpart(entity)
            if found is None:
                result.append(self._new(entity))
                self._new_children(entity)
                continue
            self._locate(found.id, entity)
            if self.parent_of[found.id] != parent_id:
                self._edit(found.id, "moved", "", f"{_describe(found)} to a new place", entity)
            merge(entity, found)
            result.append(found)
        for index, entity in enumerate(kept):
            if entity.id in self.placed:
                continue
            # Kept from the embedded copy, after the sibling it followed there.
            before = kept[index - 1].id if index else None
            position = next(
                (i + 1 for i, other in enumerate(result) if other.id == before),
                0 if before is None else len(result),
            )
            result.insert(position, entity)
            self.notes.append(
                ImportNote(
                    entity.id,
                    f"{type(entity).__name__.lower()} {_describe(entity)} is not in the "
                    "visible part; kept from the embedded copy",
                )
            )
        return result

    def _new_children(self, entity: Area | Measure | Activity) -> None:
        # A new area or measure may hold rows written from embedded entities.
        if isinstance(entity, Area):
            entity.measures = self._children(entity.id, [], list(entity.measures), self._measure)
        elif isinstance(entity, Measure):
            entity.activities = self._children(
                entity.id, [], list(entity.activities), self._activity
            )

    def _area(self, seen: Area, found: Area) -> None:
        self._fields(found, seen, self.shown.area, found.id)
        found.measures = self._children(found.id, found.measures, seen.measures, self._measure)

    def _measure(self, seen: Measure, found: Measure) -> None:
        names = self.shown.measure
        if found.id in self.unit_measures:
            names |= self.shown.unit_measure
        self._fields(found, seen, names, found.id)
        found.activities = self._children(
            found.id, found.activities, seen.activities, self._activity
        )

    def _activity(self, seen: Activity, found: Activity) -> None:
        self._fields(found, seen, self.shown.activity, found.id)

    # -- fields ---------------------------------------------------------------

    def _fields(self, found: _Node, seen: _Node, names: frozenset[str], entity_id: str) -> None:
        for name in sorted(names):
            if name == PROGRESS_FIELD:
                if isinstance(found, Measure | Activity) and isinstance(seen, Measure | Activity):
                    self._progress(found, seen, entity_id)
                continue
            before = _get(found, name)
            after = _get(seen, name)
            if _same(before, after):
                continue
            _set(found, name, after)
            self._edit(entity_id, name, _text(before), _text(after), seen)

    def _progress(
        self, found: Measure | Activity, seen: Measure | Activity, entity_id: str
    ) -> None:
        shown = latest_update(seen.updates, dt.date.max)
        latest = latest_update(found.updates, dt.date.max)
        before = _progress_text(latest)
        if shown is None or (shown.status is None and shown.percent is None and not shown.note):
            if latest is not None and (latest.status is not None or latest.percent is not None):
                self.notes.append(
                    ImportNote(
                        self._where(seen, entity_id),
                        f"status and percent were cleared in the visible part; {before} kept "
                        "(a report cannot say 'no status')",
                    )
                )
            return
        if latest is not None and _state(latest) == _state(shown):
            return
        found.updates.append(shown)
        self._edit(entity_id, PROGRESS_FIELD, before, _progress_text(shown), seen)

    # -- reporting ------------------------------------------------------------

    def _locate(self, entity_id: str, seen: _Node) -> None:
        location = self.visible.source_locations.get(seen.id)
        if location:
            self.locations[entity_id] = location

    def _where(self, seen: _Node, fallback: str) -> str:
        return self.visible.source_locations.get(seen.id, "") or fallback

    def _edit(self, entity_id: str, field: str, before: str, after: str, seen: _Node) -> None:
        location = self._where(seen, "")
        if location:
            self.locations[entity_id] = location
        self.edits.append(VisibleEdit(entity_id, field, before, after, location))


def _describe(entity: Area | Measure | Activity) -> str:
    text = " ".join(part for part in (entity.number, entity.title) if part).strip()
    return repr(text[:60]) if text else entity.id


def _get(entity: object, name: str) -> object:
    value = entity
    for part in name.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def _set(entity: object, name: str, value: object) -> None:
    head, _, leaf = name.partition(".")
    if not leaf:
        setattr(entity, head, value)
        return
    # A field of a frozen value (roles.leader): the value is rebuilt.
    holder = getattr(entity, head)
    if holder is None:
        holder = _value_class(type(entity), head)()
    setattr(entity, head, attrs.evolve(holder, **{leaf: value}))


def _value_class(owner: type, name: str) -> type:
    """Return the attrs class of an optional value field (``approval`` -> Approval)."""
    hint = typing.get_type_hints(owner)[name]
    for candidate in typing.get_args(hint) or (hint,):
        if isinstance(candidate, type) and attrs.has(candidate):
            return candidate
    raise TypeError(f"{owner.__name__}.{name} holds no attrs value")


def _same(before: object, after: object) -> bool:
    if before == after:
        return True
    if isinstance(before, Deadline) and isinstance(after, Deadline):
        return _same_day(before, after)
    return False


def _same_day(first: Deadline, second: Deadline) -> bool:
    """True when both deadlines are one exact date on the same day, whatever their words."""
    if len(first.terms) != 1 or len(second.terms) != 1:
        return False
    one, other = first.terms[0], second.terms[0]
    return (
        one.kind is other.kind is DeadlineKind.DATE
        and one.year is not None
        and (one.year, one.month, one.day) == (other.year, other.month, other.day)
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _state(update: ProgressUpdate) -> tuple[object, ...]:
    return update.status, update.percent, update.note


def _progress_text(update: ProgressUpdate | None) -> str:
    if update is None:
        return "no report"
    status = update.status.value if update.status is not None else "no status"
    percent = f"{update.percent}%" if update.percent is not None else "no percent"
    return f"{status}, {percent}" + (f", {update.note!r}" if update.note else "")

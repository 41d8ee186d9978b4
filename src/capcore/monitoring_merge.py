"""``capcore.merge``: read back the files departments filled in, into the original plan.

The monitoring round trip: a plan is sent out as a file (any format),
departments fill in status, percent, actual dates and comments, the files
come back and are read into plans. :func:`merge` joins them to the original
by stable ids:

- **Progress is taken.** The dated reports of each activity and measure
  (:class:`~capcore.ProgressUpdate`: status, percent, actual start and end,
  the note) and the dated values of each indicator are compared date by
  date with the original's. A date the original has no report for is
  added; a date whose reports differ is replaced (a department correcting
  its own report). Every report taken is listed (:class:`TakenReport`).
  A date the returned file lacks is not a change: a file may carry only the
  latest report, and the original keeps its history.
- **Two files disagreeing is a conflict.** When two returned files give
  different reports for one item on one date, neither is taken: the
  original's stays, and a :class:`Conflict` lists every version.
- **Structure is the original's.** Every other difference (a changed title,
  number, date or responsible, an item added or missing, an item moved,
  unknown ids, another plan's file) is reported as a :class:`Difference`
  and never applied.

Merging a plan with itself changes nothing and reports nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs

from capcore.budget import Budget
from capcore.caf import CafRef
from capcore.deadline import Deadline, DeadlineKind
from capcore.errors import CapcoreError
from capcore.indicator import Indicator, IndicatorValue
from capcore.labels import format_date, label, labels
from capcore.locales import check_locale
from capcore.model import TRANSIENT, Activity, Area, Measure, Plan
from capcore.progress_update import ProgressUpdate

__all__ = [
    "Conflict",
    "Difference",
    "DifferenceKind",
    "MergeError",
    "MergeResult",
    "TakenReport",
    "merge",
]

_Entity = Plan | Area | Measure | Activity | Indicator
_PARENT = {"activity": "measure", "measure": "area", "indicator": "measure", "area": "plan"}
_Entry = ProgressUpdate | IndicatorValue
# Children and dated entries are compared on their own; transient fields are no content.
_NOT_COMPARED = frozenset(
    {"id", "areas", "measures", "activities", "indicators", "updates", "values"}
)


class MergeError(CapcoreError):
    """Plans that cannot be merged by id (an id used twice), or wrong arguments."""


class DifferenceKind(enum.StrEnum):
    """What kind of difference a returned file has that the merge did not take."""

    CHANGED = "changed"
    """A field of an item differs (title, number, deadline, responsible, ...)."""
    NEW = "new"
    """The returned file has an item the original does not (an id it does not know)."""
    MISSING = "missing"
    """The original has an item the returned file does not."""
    MOVED = "moved"
    """The item sits under another area or measure in the returned file."""
    OTHER_PLAN = "other_plan"
    """The returned file's plan has another id: it may be another plan's file."""


@attrs.frozen
class Difference:
    """A difference between a returned file and the original that was not taken.

    Attributes:
        source: The returned file it was found in.
        kind: What kind of difference.
        entity: ``plan``, ``area``, ``measure``, ``activity`` or ``indicator``.
        item_id: The item's id.
        number: The item's number (in the original, or the returned file if new).
        title: The item's title (name, for an indicator).
        field: For a changed field, its name (dotted into values:
            ``roles.leader``); for a move, ``parent``; else empty.
        original: The original's value, as text; for a move, the number of
            the area or measure it was under.
        returned: The returned file's value, as text; for a move or a new
            item, the number of the area or measure it is under there.
    """

    source: str
    kind: DifferenceKind
    entity: str
    item_id: str
    number: str
    title: str
    field: str = ""
    original: str = ""
    returned: str = ""

    def text(self, locale: str = "bg") -> str:
        """Return the difference in words, in ``locale``."""
        original, returned = _short(self.original) or "—", _short(self.returned) or "—"
        if self.kind in {DifferenceKind.MOVED, DifferenceKind.NEW}:
            # original and returned hold the numbers of the parents: name their kind.
            parent = _PARENT.get(self.entity, "plan")
            original, returned = (
                f"{label(parent, locale).lower()} {number}" if number else label("plan", locale)
                for number in (self.original, self.returned)
            )
        field = self.field.rsplit(".", 1)[-1]
        return label(f"merge_{self.kind.value}", locale).format(
            entity=label(self.entity, locale).lower(),
            number=self.number,
            title=_short(self.title),
            field=labels(locale).get(field, self.field),
            original=original,
            returned=returned,
        )

    def to_data(self) -> dict[str, Any]:
        """Return the difference as JSON-ready data."""
        return {
            "source": self.source,
            "kind": self.kind.value,
            "entity": self.entity,
            "id": self.item_id,
            "number": self.number,
            "title": self.title,
            "field": self.field,
            "original": self.original,
            "returned": self.returned,
            "text": {"bg": self.text("bg"), "en": self.text("en")},
        }


@attrs.frozen
class TakenReport:
    """Reports of one item on one date that the merge took from the returned files.

    Attributes:
        sources: The returned files that gave them (all alike).
        entity: ``measure``, ``activity`` or ``indicator``.
        item_id: The item's id.
        number: Its number.
        title: Its title.
        on: The date.
        entries: What was taken (progress updates, or indicator values).
        replaced: What the original had on that date, now replaced (empty when added).
    """

    sources: tuple[str, ...]
    entity: str
    item_id: str
    number: str
    title: str
    on: dt.date
    entries: tuple[_Entry, ...]
    replaced: tuple[_Entry, ...] = ()

    def to_data(self) -> dict[str, Any]:
        """Return the report taken as JSON-ready data."""
        return {
            "sources": list(self.sources),
            "entity": self.entity,
            "id": self.item_id,
            "number": self.number,
            "title": self.title,
            "on": self.on.isoformat(),
            "entries": [_entry_data(entry) for entry in self.entries],
            "replaced": [_entry_data(entry) for entry in self.replaced],
        }


@attrs.frozen
class Conflict:
    """Returned files that disagree on one item's reports on one date; none was taken.

    Attributes:
        entity: ``measure``, ``activity`` or ``indicator``.
        item_id: The item's id.
        number: Its number.
        title: Its title.
        on: The date.
        versions: Each returned file's reports for that date, ``(source, entries)``.
        kept: The original's reports on that date, which stay (possibly none).
    """

    entity: str
    item_id: str
    number: str
    title: str
    on: dt.date
    versions: tuple[tuple[str, tuple[_Entry, ...]], ...]
    kept: tuple[_Entry, ...]

    def to_data(self) -> dict[str, Any]:
        """Return the conflict as JSON-ready data."""
        return {
            "entity": self.entity,
            "id": self.item_id,
            "number": self.number,
            "title": self.title,
            "on": self.on.isoformat(),
            "versions": [
                {"source": source, "entries": [_entry_data(entry) for entry in entries]}
                for source, entries in self.versions
            ],
            "kept": [_entry_data(entry) for entry in self.kept],
        }


@attrs.frozen
class MergeResult:
    """What :func:`merge` returns.

    Attributes:
        plan: The merged plan: a copy of the original with the progress taken.
        sources: The names of the returned files, in the order given.
        taken: Every report taken, by item in document order, then date.
        differences: Every difference not taken, file by file.
        conflicts: Every disagreement between returned files, by item and date.
    """

    plan: Plan
    sources: tuple[str, ...]
    taken: tuple[TakenReport, ...]
    differences: tuple[Difference, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def clean(self) -> bool:
        """True when nothing was left untaken: no differences and no conflicts."""
        return not self.differences and not self.conflicts

    def to_data(self) -> dict[str, Any]:
        """Return the merge report as JSON-ready data (the plan itself is not included)."""
        return {
            "plan_id": self.plan.id,
            "sources": list(self.sources),
            "taken": [report.to_data() for report in self.taken],
            "differences": [difference.to_data() for difference in self.differences],
            "conflicts": [conflict.to_data() for conflict in self.conflicts],
        }

    def to_text(self, locale: str = "bg") -> str:
        """Return the merge report as text in ``locale``."""
        check_locale(locale)
        lines = [self.plan.title, label("merge_heading", locale).format(count=len(self.sources))]
        lines += ["", f"{label('merge_taken', locale)} ({len(self.taken)}):"]
        for report in self.taken:
            how = label("merge_replaced" if report.replaced else "merge_added", locale)
            lines.append(
                f"  {report.number} {_short(report.title)} — {format_date(report.on, locale)}: "
                f"{how} ({', '.join(report.sources)})"
            )
        lines += ["", f"{label('merge_conflicts', locale)} ({len(self.conflicts)}):"]
        for conflict in self.conflicts:
            sources = ", ".join(source for source, _ in conflict.versions)
            lines.append(
                f"  {conflict.number} {_short(conflict.title)} — "
                f"{format_date(conflict.on, locale)}: {sources}"
            )
        lines += ["", f"{label('merge_differences', locale)} ({len(self.differences)}):"]
        lines += [f"  {d.source}: {d.text(locale)}" for d in self.differences]
        return "\n".join(lines) + "\n"


def merge(original: Plan, *returned: Plan, names: Sequence[str] | None = None) -> MergeResult:
    """Merge the progress of returned copies of a plan into the original, by stable ids.

    See the module docstring for what is taken and what is reported.

    Args:
        original: The plan as sent out; it is not changed.
        *returned: The plans read back from the departments' files.
        names: A name for each returned plan, for the report (its file
            name); by default ``returned 1``, ``returned 2``, ...

    Returns:
        The merged plan, the reports taken, the differences and the conflicts.

    Raises:
        MergeError: An id is used twice within one plan, or ``names`` does
            not name each returned plan.
    """
    sources = (
        tuple(names)
        if names is not None
        else tuple(f"returned {number}" for number in range(1, len(returned) + 1))
    )
    if len(sources) != len(returned):
        raise MergeError(f"{len(returned)} returned plans but {len(sources)} names")
    merged = _copy(original)
    base = _index(original, "the original")
    target = _index(merged, "the original")
    differences: list[Difference] = []
    proposals: dict[tuple[str, dt.date], list[tuple[str, tuple[_Entry, ...]]]] = {}
    for source, plan in zip(sources, returned, strict=True):
        found = _index(plan, source)
        differences.extend(_differences(source, original, plan, base, found))
        for item_id, node in found.items():
            known = base.get(item_id)
            if known is None or known.entity != node.entity:
                continue
            ours = _by_date(_entries(known.item))
            for on, entries in _by_date(_entries(node.item)).items():
                if entries != ours.get(on, ()):
                    proposals.setdefault((item_id, on), []).append((source, entries))
    taken, conflicts = _apply(proposals, base, target)
    return MergeResult(merged, sources, taken, tuple(differences), conflicts)


# Values that are immutable through and through: shared by a copy, never walked.
_ATOMIC: tuple[type, ...] = (str, int, float, Decimal, dt.date, enum.Enum, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_T = TypeVar("_T")


def _copy(value: _T) -> _T:
    """Return a deep copy of ``value`` that shares what cannot change.

    ``copy.deepcopy`` walks and rebuilds every frozen value of a large plan
    (deadlines, dates, CAF references), which made the copy most of a
    merge's time. This copy rebuilds the mutable parts (lists, dicts, the
    mutable model classes) and shares a frozen attrs value (hashable: the
    mutable model classes are not) whenever nothing inside it had to be
    rebuilt, so the result is as independent of ``value`` as deepcopy's.
    """
    if isinstance(value, _ATOMIC):
        return value
    result: object
    if isinstance(value, list):
        result = [_copy(item) for item in value]
    elif isinstance(value, tuple) and type(value) is tuple:
        items = tuple(_copy(item) for item in value)
        same = all(new is old for new, old in zip(items, value, strict=True))
        result = value if same else items
    elif isinstance(value, dict) and type(value) is dict:
        result = {key: _copy(item) for key, item in value.items()}
    elif attrs.has(type(value)):
        result = _copy_attrs(value)
    else:
        result = copy.deepcopy(value)
    return cast("_T", result)


def _copy_attrs(value: object) -> object:
    cls = type(value)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cast("Any", cls)))
    olds = [getattr(value, name) for name in names]
    news = [_copy(old) for old in olds]
    if cls.__hash__ is not None and all(new is old for new, old in zip(news, olds, strict=True)):
        return value
    # Like deepcopy, the copy is made without running __init__ (no
    # converters or validators run again on values already checked).
    copied = object.__new__(cls)
    for name, new in zip(names, news, strict=True):
        object.__setattr__(copied, name, new)
    return copied


@attrs.frozen
class _Node:
    entity: str
    item: _Entity
    parent_id: str | None
    position: int

    @property
    def number(self) -> str:
        return getattr(self.item, "number", "")

    @property
    def title(self) -> str:
        return self.item.name if isinstance(self.item, Indicator) else self.item.title


def _index(plan: Plan, source: str) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}

    def add(entity: str, item: _Entity, parent: str | None) -> None:
        if item.id in nodes:
            first = nodes[item.id]
            raise MergeError(
                f"{source}: the id {item.id!r} is used by {first.entity} {first.number} "
                f"and by {entity} {getattr(item, 'number', '')}; ids must be unique to merge"
            )
        nodes[item.id] = _Node(entity, item, parent, len(nodes))

    add("plan", plan, None)
    for indicator in plan.indicators:
        add("indicator", indicator, plan.id)
    for area in plan.areas:
        add("area", area, plan.id)
        for measure in area.measures:
            add("measure", measure, area.id)
            for indicator in measure.indicators:
                add("indicator", indicator, measure.id)
            for activity in measure.activities:
                add("activity", activity, measure.id)
    return nodes


def _entries(item: _Entity) -> list[_Entry]:
    if isinstance(item, Measure | Activity):
        return list(item.updates)
    if isinstance(item, Indicator):
        return list(item.values)
    return []


def _by_date(entries: Sequence[_Entry]) -> dict[dt.date, tuple[_Entry, ...]]:
    found: dict[dt.date, list[_Entry]] = {}
    for entry in entries:
        found.setdefault(entry.on, []).append(entry)
    return {on: tuple(group) for on, group in found.items()}


def _apply(
    proposals: dict[tuple[str, dt.date], list[tuple[str, tuple[_Entry, ...]]]],
    base: dict[str, _Node],
    target: dict[str, _Node],
) -> tuple[tuple[TakenReport, ...], tuple[Conflict, ...]]:
    taken: list[TakenReport] = []
    conflicts: list[Conflict] = []
    changes: dict[str, dict[dt.date, tuple[_Entry, ...]]] = {}
    order = sorted(proposals, key=lambda key: (base[key[0]].position, key[1]))
    for item_id, on in order:
        versions = proposals[item_id, on]
        node = base[item_id]
        kept = _by_date(_entries(node.item)).get(on, ())
        if len({entries for _, entries in versions}) > 1:
            conflicts.append(
                Conflict(node.entity, item_id, node.number, node.title, on, tuple(versions), kept)
            )
            continue
        entries = versions[0][1]
        changes.setdefault(item_id, {})[on] = entries
        sources = tuple(source for source, _ in versions)
        taken.append(
            TakenReport(sources, node.entity, item_id, node.number, node.title, on, entries, kept)
        )
    for item_id, dated in changes.items():
        _replace(target[item_id].item, dated)
    return tuple(taken), tuple(conflicts)


def _replace(item: _Entity, dated: dict[dt.date, tuple[_Entry, ...]]) -> None:
    """Put the taken entries in place of the original's on their dates; new dates go last."""
    result: list[_Entry] = []
    placed: set[dt.date] = set()
    for entry in _entries(item):
        if entry.on not in dated:
            result.append(entry)
        elif entry.on not in placed:
            result.extend(dated[entry.on])
            placed.add(entry.on)
    for on in sorted(set(dated) - placed):
        result.extend(dated[on])
    if isinstance(item, Indicator):
        item.values = [entry for entry in result if isinstance(entry, IndicatorValue)]
    elif isinstance(item, Measure | Activity):
        item.updates = [entry for entry in result if isinstance(entry, ProgressUpdate)]


# --- differences -------------------------------------------------------------------------


def _differences(
    source: str,
    original: Plan,
    returned: Plan,
    base: dict[str, _Node],
    found: dict[str, _Node],
) -> Iterator[Difference]:
    if returned.id != original.id:
        yield Difference(
            source,
            DifferenceKind.OTHER_PLAN,
            "plan",
            returned.id,
            "",
            returned.title,
            field="id",
            original=original.id,
            returned=returned.id,
        )
    plan_ids = {original.id, returned.id}
    for item_id, node in base.items():
        other = found.get(returned.id if item_id == original.id else item_id)
        if other is None:
            yield _about(source, DifferenceKind.MISSING, node)
            continue
        if other.entity != node.entity:
            yield _about(source, DifferenceKind.CHANGED, node, "entity", node.entity, other.entity)
            continue
        if node.parent_id != other.parent_id and not {node.parent_id, other.parent_id} <= plan_ids:
            before, after = _where(base, node.parent_id), _where(found, other.parent_id)
            yield _about(source, DifferenceKind.MOVED, node, "parent", before, after)
        for field, ours, theirs in _changed_fields(node.item, other.item):
            yield _about(source, DifferenceKind.CHANGED, node, field, ours, theirs)
    for item_id, node in found.items():
        if item_id not in base and node.entity != "plan":
            yield _about(source, DifferenceKind.NEW, node, returned=_where(found, node.parent_id))


def _about(  # noqa: PLR0913, PLR0917 - a difference has this many parts
    source: str,
    kind: DifferenceKind,
    node: _Node,
    field: str = "",
    original: str = "",
    returned: str = "",
) -> Difference:
    return Difference(
        source, kind, node.entity, node.item.id, node.number, node.title, field, original, returned
    )


def _where(nodes: dict[str, _Node], item_id: str | None) -> str:
    node = nodes.get(item_id or "")
    return "" if node is None or node.entity == "plan" else node.number


def _fields(value: object) -> tuple[attrs.Attribute[Any], ...]:
    return tuple(attrs.fields(cast("type[attrs.AttrsInstance]", type(value))))


def _changed_fields(
    ours: object, theirs: object, prefix: str = ""
) -> Iterator[tuple[str, str, str]]:
    for field in _fields(ours):
        if field.name in _NOT_COMPARED or field.metadata.get(TRANSIENT):
            continue
        name = f"{prefix}{field.name}"
        mine, other = getattr(ours, field.name), getattr(theirs, field.name)
        if _same(mine, other):
            continue
        if (
            attrs.has(type(mine))
            and type(mine) is type(other)
            and not isinstance(mine, Deadline | Budget)
        ):
            yield from _changed_fields(mine, other, f"{name}.")
        else:
            yield name, _text(mine), _text(other)


def _same(mine: object, other: object) -> bool:
    if isinstance(mine, Deadline) and isinstance(other, Deadline):
        # A spreadsheet shows 18.5.2022 for the words 18.05.2022: the same day is no change.
        day = _one_day(mine)
        return mine.text == other.text or (day is not None and day == _one_day(other))
    if isinstance(mine, Budget) and isinstance(other, Budget):
        return mine.text == other.text
    return mine == other


def _one_day(deadline: Deadline) -> dt.date | None:
    if len(deadline.terms) == 1 and deadline.terms[0].kind is DeadlineKind.DATE:
        return deadline.due
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Deadline | Budget):
        return value.text
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, CafRef):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_text(item)}" for key, item in value.items())
    if attrs.has(type(value)):
        return ", ".join(f"{f.name}={_text(getattr(value, f.name))}" for f in _fields(value))
    return str(value)


def _entry_data(entry: _Entry) -> dict[str, Any]:
    if isinstance(entry, IndicatorValue):
        return {"on": entry.on.isoformat(), "value": f"{entry.value:f}", "note": entry.note}
    return {
        "on": entry.on.isoformat(),
        "status": entry.status.value if entry.status else None,
        "percent": None if entry.percent is None else f"{entry.percent:f}",
        "actual_start": None if entry.actual_start is None else entry.actual_start.isoformat(),
        "actual_end": None if entry.actual_end is None else entry.actual_end.isoformat(),
        "note": entry.note,
        "reported_by": entry.reported_by,
    }


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"

"""Structural checks of a plan: the ones the model alone cannot guard.

These are the first rules of the validation catalogue: they look only at the
plan's shape (titles, numbering, ids, schedules), never at dates or CAF
content. Each finding has a stable code, a severity and a location.

| code | severity | what |
|---|---|---|
| S101 | error | two entities share one id |
| S102 | error | a plan, measure or activity has no title |
| S103 | warning | an area has no measures |
| S104 | warning | a measure has neither activities nor its own start or deadline |
| S105 | warning | a number does not follow its parent's (``3.1.1`` under ``3.2``) |
| S106 | warning | two siblings share one number (the Lovech plan's two ``2.8.2``) |
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from capcore.model import Activity, Area, Measure, Plan

__all__ = ["Severity", "StructureFinding", "check_structure"]


class Severity(enum.StrEnum):
    """How much a finding matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class StructureFinding:
    """One structural problem of a plan.

    Attributes:
        code: The rule's stable code (``S106``).
        severity: How much it matters.
        where: The location: the entity's kind, number and id.
        message: What is wrong, in English.
    """

    code: str
    severity: Severity
    where: str
    message: str

    def __str__(self) -> str:
        """Return ``code severity where: message``."""
        return f"{self.code} {self.severity.value} {self.where}: {self.message}"


def check_structure(plan: Plan) -> tuple[StructureFinding, ...]:
    """Return every structural finding of ``plan``, in document order."""
    return (
        *_duplicate_ids(plan),
        *_missing_titles(plan),
        *_empty_areas(plan),
        *_unscheduled_measures(plan),
        *_numbering(plan),
    )


def _where(kind: str, entity: Area | Measure | Activity) -> str:
    return f"{kind} {entity.number or '(unnumbered)'} [{entity.id}]"


def _duplicate_ids(plan: Plan) -> Iterator[StructureFinding]:
    ids = Counter(
        [plan.id]
        + [area.id for area in plan.areas]
        + [measure.id for measure in plan.measures()]
        + [activity.id for activity in plan.activities()]
        + [indicator.id for indicator in plan.all_indicators()]
    )
    for entity_id, count in ids.items():
        if count > 1:
            yield StructureFinding(
                "S101", Severity.ERROR, f"id {entity_id}", f"{count} entities share this id"
            )


def _missing_titles(plan: Plan) -> Iterator[StructureFinding]:
    if not plan.title.strip():
        yield StructureFinding("S102", Severity.ERROR, f"plan [{plan.id}]", "the plan has no title")
    for measure in plan.measures():
        if not measure.title.strip():
            yield StructureFinding(
                "S102", Severity.ERROR, _where("measure", measure), "the measure has no title"
            )
        for activity in measure.activities:
            if not activity.title.strip():
                yield StructureFinding(
                    "S102",
                    Severity.ERROR,
                    _where("activity", activity),
                    "the activity has no title",
                )


def _empty_areas(plan: Plan) -> Iterator[StructureFinding]:
    for area in plan.areas:
        if not area.measures:
            yield StructureFinding(
                "S103", Severity.WARNING, _where("area", area), "the area has no measures"
            )


def _unscheduled_measures(plan: Plan) -> Iterator[StructureFinding]:
    for measure in plan.measures():
        if not measure.activities and measure.start is None and measure.deadline is None:
            yield StructureFinding(
                "S104",
                Severity.WARNING,
                _where("measure", measure),
                "the measure has neither activities nor its own start or deadline",
            )


def _numbering(plan: Plan) -> Iterator[StructureFinding]:
    yield from _siblings("area", "", plan.areas)
    for area in plan.areas:
        yield from _siblings("measure", area.number, area.measures)
        for measure in area.measures:
            yield from _siblings("activity", measure.number, measure.activities)


def _siblings(
    kind: str, parent_number: str, children: Sequence[Area | Measure | Activity]
) -> Iterator[StructureFinding]:
    counts = Counter(child.number for child in children if child.number)
    reported: set[str] = set()
    for child in children:
        number = child.number
        if parent_number and number and not number.startswith(f"{parent_number}."):
            yield StructureFinding(
                "S105",
                Severity.WARNING,
                _where(kind, child),
                f"the number {number} does not follow its parent's number {parent_number}",
            )
        if counts[number] > 1 and number not in reported:
            reported.add(number)
            yield StructureFinding(
                "S106",
                Severity.WARNING,
                _where(kind, child),
                f"{counts[number]} {kind} entries share the number {number}",
            )

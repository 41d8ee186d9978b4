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

from collections import Counter
from collections.abc import Iterator, Sequence

from capcore.findings import Finding, Severity
from capcore.model import Activity, Area, Measure, Plan
from capcore.rules import RuleSpec
from capcore.validation import validate

__all__ = ["STRUCTURE_RULES", "check_structure"]


def check_structure(plan: Plan) -> tuple[Finding, ...]:
    """Return every structural finding of ``plan``, rule by rule (no plugins' rules)."""
    return validate(plan, rules=STRUCTURE_RULES).findings


def _where(kind: str, entity: Area | Measure | Activity) -> str:
    return f"{kind} {entity.number or '(unnumbered)'} [{entity.id}]"


def _duplicate_ids(plan: Plan) -> Iterator[Finding]:
    ids = Counter(
        [plan.id]
        + [area.id for area in plan.areas]
        + [measure.id for measure in plan.measures()]
        + [activity.id for activity in plan.activities()]
        + [indicator.id for indicator in plan.all_indicators()]
    )
    for entity_id, count in ids.items():
        if count > 1:
            yield Finding(
                "S101", Severity.ERROR, f"id {entity_id}", f"{count} entities share this id"
            )


def _missing_titles(plan: Plan) -> Iterator[Finding]:
    if not plan.title.strip():
        yield Finding("S102", Severity.ERROR, f"plan [{plan.id}]", "the plan has no title")
    for measure in plan.measures():
        if not measure.title.strip():
            yield Finding(
                "S102", Severity.ERROR, _where("measure", measure), "the measure has no title"
            )
        for activity in measure.activities:
            if not activity.title.strip():
                yield Finding(
                    "S102",
                    Severity.ERROR,
                    _where("activity", activity),
                    "the activity has no title",
                )


def _empty_areas(plan: Plan) -> Iterator[Finding]:
    for area in plan.areas:
        if not area.measures:
            yield Finding(
                "S103", Severity.WARNING, _where("area", area), "the area has no measures"
            )


def _unscheduled_measures(plan: Plan) -> Iterator[Finding]:
    for measure in plan.measures():
        if not measure.activities and measure.start is None and measure.deadline is None:
            yield Finding(
                "S104",
                Severity.WARNING,
                _where("measure", measure),
                "the measure has neither activities nor its own start or deadline",
            )


def _numbers_follow_parents(plan: Plan) -> Iterator[Finding]:
    for area in plan.areas:
        yield from _unfollowed("measure", area.number, area.measures)
        for measure in area.measures:
            yield from _unfollowed("activity", measure.number, measure.activities)


def _unique_numbers(plan: Plan) -> Iterator[Finding]:
    yield from _repeated("area", plan.areas)
    for area in plan.areas:
        yield from _repeated("measure", area.measures)
        for measure in area.measures:
            yield from _repeated("activity", measure.activities)


def _unfollowed(
    kind: str, parent_number: str, children: Sequence[Area | Measure | Activity]
) -> Iterator[Finding]:
    for child in children:
        number = child.number
        if parent_number and number and not number.startswith(f"{parent_number}."):
            yield Finding(
                "S105",
                Severity.WARNING,
                _where(kind, child),
                f"the number {number} does not follow its parent's number {parent_number}",
            )


def _repeated(kind: str, children: Sequence[Area | Measure | Activity]) -> Iterator[Finding]:
    counts = Counter(child.number for child in children if child.number)
    reported: set[str] = set()
    for child in children:
        number = child.number
        if counts[number] > 1 and number not in reported:
            reported.add(number)
            yield Finding(
                "S106",
                Severity.WARNING,
                _where(kind, child),
                f"{counts[number]} {kind} entries share the number {number}",
            )


STRUCTURE_RULES: tuple[RuleSpec, ...] = (
    RuleSpec("S101", "two entities share one id", Severity.ERROR, _duplicate_ids),
    RuleSpec("S102", "a plan, measure or activity has no title", Severity.ERROR, _missing_titles),
    RuleSpec("S103", "an area has no measures", Severity.WARNING, _empty_areas),
    RuleSpec(
        "S104",
        "a measure has neither activities nor its own start or deadline",
        Severity.WARNING,
        _unscheduled_measures,
    ),
    RuleSpec(
        "S105", "a number does not follow its parent's", Severity.WARNING, _numbers_follow_parents
    ),
    RuleSpec("S106", "two siblings share one number", Severity.WARNING, _unique_numbers),
)
"""The structural rules, in the order they run."""

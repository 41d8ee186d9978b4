"""Structural rules: the plan's shape, which the model alone cannot guard.

They look only at titles, numbering, ids and whether a measure has anything
to schedule, never at dates or CAF content. ``docs/validation.md`` describes
each rule, why it matters and how to silence it.

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

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from capcore.findings import Finding, Location, Message, Severity
from capcore.model import Plan
from capcore.rules import RuleSpec
from capcore.validation import validate

__all__ = ["STRUCTURE_RULES", "check_structure"]

# Singular and plural, English then Bulgarian.
_KINDS = {
    "area": (("area", "areas"), ("област", "области")),
    "measure": (("measure", "measures"), ("мярка", "мерки")),
    "activity": (("activity", "activities"), ("дейност", "дейности")),
}


def check_structure(plan: Plan) -> tuple[Finding, ...]:
    """Return every structural finding of ``plan``, rule by rule (no plugins' rules)."""
    return validate(plan, rules=STRUCTURE_RULES).findings


def _entities(plan: Plan) -> Iterator[tuple[str, Location]]:
    """Yield the id and the location of every entity that has an id."""
    yield plan.id, Location()
    for indicator in plan.indicators:
        yield indicator.id, Location.of(indicator)
    for area in plan.areas:
        yield area.id, Location.of(area)
        for measure in area.measures:
            yield measure.id, Location.of(area, measure)
            for activity in measure.activities:
                yield activity.id, Location.of(area, measure, activity)
            for indicator in measure.indicators:
                yield indicator.id, Location.of(area, measure, indicator)


def _duplicate_ids(plan: Plan) -> Iterator[Finding]:
    holders: dict[str, list[Location]] = defaultdict(list)
    for entity_id, location in _entities(plan):
        holders[entity_id].append(location)
    for entity_id, found in holders.items():
        if len(found) < 2:
            continue
        # Every holder is named; the finding stands at the second, the one to change.
        en = ", ".join(location.text("en") for location in found)
        bg = ", ".join(location.text("bg") for location in found)
        yield Finding(
            "S101",
            Severity.ERROR,
            found[1],
            Message(
                f"{len(found)} entities share the id {entity_id}: {en}",
                f"{len(found)} обекта имат един и същ идентификатор {entity_id}: {bg}",
            ),
            Message(
                "give each entity its own id: ids are how an edited copy merges back "
                "into the same plan",
                "дайте на всеки обект собствен идентификатор: по него редактирано копие "
                "се слива обратно в същия план",
            ),
        )


def _missing_titles(plan: Plan) -> Iterator[Finding]:
    hint = Message(
        "write the title as the plan's document has it",
        "впишете наименованието така, както е в документа на плана",
    )
    if not plan.title.strip():
        yield Finding(
            "S102",
            Severity.ERROR,
            Location(field="title"),
            Message("the plan has no title", "планът няма заглавие"),
            hint,
        )
    for area in plan.areas:
        for measure in area.measures:
            if not measure.title.strip():
                yield Finding(
                    "S102",
                    Severity.ERROR,
                    Location.of(area, measure, field="title"),
                    Message("the measure has no title", "мярката няма наименование"),
                    hint,
                )
            for activity in measure.activities:
                if not activity.title.strip():
                    yield Finding(
                        "S102",
                        Severity.ERROR,
                        Location.of(area, measure, activity, field="title"),
                        Message("the activity has no title", "дейността няма наименование"),
                        hint,
                    )


def _empty_areas(plan: Plan) -> Iterator[Finding]:
    for area in plan.areas:
        if not area.measures:
            yield Finding(
                "S103",
                Severity.WARNING,
                Location.of(area),
                Message("the area has no measures", "областта няма мерки"),
                Message(
                    "add the area's measures, or remove the area",
                    "добавете мерките на областта или я премахнете",
                ),
            )


def _unscheduled_measures(plan: Plan) -> Iterator[Finding]:
    for area in plan.areas:
        for measure in area.measures:
            if not measure.activities and measure.start is None and measure.deadline is None:
                yield Finding(
                    "S104",
                    Severity.WARNING,
                    Location.of(area, measure),
                    Message(
                        "the measure has neither activities nor its own start or deadline, "
                        "so nothing of it can be scheduled or followed",
                        "мярката няма нито дейности, нито собствено начало или срок, "
                        "така че изпълнението ѝ не може да се планира и проследи",
                    ),
                    Message(
                        "add its activities, or give the measure a start and a deadline",
                        "добавете дейностите ѝ или задайте на мярката начало и срок",
                    ),
                )


def _numbers_follow_parents(plan: Plan) -> Iterator[Finding]:
    for area in plan.areas:
        for measure in area.measures:
            if _unfollowed(area.number, measure.number):
                yield _unfollowed_finding(
                    Location.of(area, measure, field="number"), area.number, measure.number
                )
            for activity in measure.activities:
                if _unfollowed(measure.number, activity.number):
                    yield _unfollowed_finding(
                        Location.of(area, measure, activity, field="number"),
                        measure.number,
                        activity.number,
                    )


def _unfollowed(parent: str, number: str) -> bool:
    return bool(parent and number and not number.startswith(f"{parent}."))


def _unfollowed_finding(location: Location, parent: str, number: str) -> Finding:
    return Finding(
        "S105",
        Severity.WARNING,
        location,
        Message(
            f"the number {number} does not follow its parent's number {parent}",
            f"номерът {number} не следва номера на родителя си {parent}",
        ),
        Message(
            f"number it {parent}.N, or move it under the entry it belongs to",
            f"номерирайте я {parent}.N или я преместете при записа, към който принадлежи",
        ),
    )


def _unique_numbers(plan: Plan) -> Iterator[Finding]:
    yield from _repeated(
        "area", [(area.number, Location.of(area, field="number")) for area in plan.areas]
    )
    for area in plan.areas:
        yield from _repeated(
            "measure",
            [(m.number, Location.of(area, m, field="number")) for m in area.measures],
        )
        for measure in area.measures:
            yield from _repeated(
                "activity",
                [
                    (a.number, Location.of(area, measure, a, field="number"))
                    for a in measure.activities
                ],
            )


def _repeated(kind: str, siblings: Sequence[tuple[str, Location]]) -> Iterator[Finding]:
    counts = Counter(number for number, _ in siblings if number)
    (_, en_plural), (_, bg_plural) = _KINDS[kind]
    seen: set[str] = set()
    reported: set[str] = set()
    for number, location in siblings:
        if counts[number] < 2:
            continue
        # One finding per repeated number, at its first repeat: the entry to renumber.
        if number in seen and number not in reported:
            reported.add(number)
            yield Finding(
                "S106",
                Severity.WARNING,
                location,
                Message(
                    f"{counts[number]} {en_plural} share the number {number}",
                    f"{counts[number]} {bg_plural} имат един и същ номер {number}",
                ),
                Message(
                    "renumber them so that each number is used once",
                    "преномерирайте ги така, че всеки номер да се използва веднъж",
                ),
            )
        seen.add(number)


STRUCTURE_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "S101",
        Message("two entities share one id", "два обекта имат един и същ идентификатор"),
        Severity.ERROR,
        _duplicate_ids,
    ),
    RuleSpec(
        "S102",
        Message(
            "a plan, measure or activity has no title",
            "план, мярка или дейност без наименование",
        ),
        Severity.ERROR,
        _missing_titles,
    ),
    RuleSpec(
        "S103",
        Message("an area has no measures", "област без мерки"),
        Severity.WARNING,
        _empty_areas,
    ),
    RuleSpec(
        "S104",
        Message(
            "a measure has neither activities nor its own start or deadline",
            "мярка без дейности и без собствено начало или срок",
        ),
        Severity.WARNING,
        _unscheduled_measures,
    ),
    RuleSpec(
        "S105",
        Message("a number does not follow its parent's", "номер, който не следва родителския"),
        Severity.WARNING,
        _numbers_follow_parents,
    ),
    RuleSpec(
        "S106",
        Message("two siblings share one number", "два съседни записа с един и същ номер"),
        Severity.WARNING,
        _unique_numbers,
    ),
)
"""The structural rules, in the order they run."""

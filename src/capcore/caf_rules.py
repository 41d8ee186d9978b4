"""CAF rules: references the CAF version does not have, coverage, and quick wins.

| code | severity | what |
|---|---|---|
| C101 | warning | a CAF reference the plan's CAF version does not have (``3.4``) |
| C102 | info | sub-criteria no measure addresses (listed) |
| C103 | warning | a quick win longer than the limit (three months by default) |
| C104 | warning | a quick win with no end date |

References are matched by number (:mod:`capcore.caf_catalogue`); a plan
without a CAF version is checked against CAF 2020, whose numbers CAF 2013
shares. The quick-win limit comes from
:attr:`~capcore.rules.ValidationSettings.quick_win_months`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from capcore._rule_support import add_months, dates, latest_end, measures_with_areas, quoted
from capcore.caf import CafRef, CafVersion
from capcore.caf_catalogue import CafCatalogue, catalogue
from capcore.deadline import Deadline
from capcore.findings import Finding, Location, Message, Severity
from capcore.model import Measure, Plan
from capcore.rules import RuleSpec, ValidationSettings

__all__ = ["CAF_RULES"]


def _catalogue(plan: Plan) -> tuple[CafCatalogue, str]:
    """The catalogue to check against, and its name for messages (``CAF 2020``)."""
    if plan.caf_version is None:
        return catalogue(CafVersion.CAF_2020), "CAF"
    return catalogue(plan.caf_version), f"CAF {plan.caf_version.value}"


def _unknown_references(plan: Plan) -> Iterator[Finding]:
    caf, name = _catalogue(plan)
    for area, measure in measures_with_areas(plan):
        for ref in measure.caf_refs:
            if ref in caf:
                continue
            siblings = ", ".join(entry.ref.code for entry in caf.sub_criteria(ref.criterion))
            yield Finding(
                "C101",
                Severity.WARNING,
                Location.of(area, measure, field="caf_refs"),
                Message(
                    f"{name} has no sub-criterion {ref.code}; criterion {ref.criterion} has "
                    f"{siblings}",
                    f"{name} няма подкритерий {ref.code}; критерий {ref.criterion} има {siblings}",
                ),
                Message(
                    "correct the reference to the sub-criterion the measure answers",
                    "поправете препратката към подкритерия, на който мярката отговаря",
                ),
            )


def _unaddressed(plan: Plan) -> Iterator[Finding]:
    refs = [ref for measure in plan.measures() for ref in measure.caf_refs]
    if plan.caf_version is None and not refs:
        return  # not a CAF plan: nothing says it should answer the sub-criteria
    caf, name = _catalogue(plan)
    addressed = {code for ref in refs for code in _codes(ref, caf)}
    missing = [entry.ref.code for entry in caf.sub_criteria() if entry.ref.code not in addressed]
    if not missing:
        return
    total = len(caf.sub_criteria())
    listed = ", ".join(missing)
    if not refs:
        message = Message(
            f"no measure names the CAF sub-criteria it answers, so none of the {total} "
            f"sub-criteria of {name} is shown as addressed",
            f"никоя мярка не посочва подкритериите на CAF, на които отговаря, така че нито "
            f"един от {total}-те подкритерия на {name} не е отбелязан като адресиран",
        )
    else:
        message = Message(
            f"{len(missing)} of the {total} sub-criteria of {name} are addressed by no "
            f"measure: {listed}",
            f"{len(missing)} от {total}-те подкритерия на {name} не са адресирани от нито една "
            f"мярка: {listed}",
        )
    yield Finding(
        "C102",
        Severity.INFO,
        Location(field="caf_refs"),
        message,
        Message(
            "check that the self-assessment's weaknesses under these sub-criteria were "
            "considered, and name for each measure the sub-criteria it answers",
            "проверете дали слабостите от самооценката по тези подкритерии са разгледани и "
            "посочете за всяка мярка подкритериите, на които отговаря",
        ),
    )


def _codes(ref: CafRef, caf: CafCatalogue) -> Iterator[str]:
    """The sub-criteria a reference addresses: its own, or all of a criterion's."""
    if ref.sub is not None:
        yield ref.code
    else:
        yield from (entry.ref.code for entry in caf.sub_criteria(ref.criterion))


def _slow_quick_wins(plan: Plan, settings: ValidationSettings) -> Iterator[Finding]:
    limit = settings.quick_win_months
    months_en = f"{limit} month" if limit == 1 else f"{limit} months"
    months_bg = f"{limit} месец" if limit == 1 else f"{limit} месеца"
    for area, measure in measures_with_areas(plan):
        if not measure.is_quick_win:
            continue
        start, end = _first_start(measure), _last_end(measure)
        if start is None or end is None or end <= add_months(start, limit):
            continue
        (start_en, start_bg), (end_en, end_bg) = dates(start), dates(end)
        yield Finding(
            "C103",
            Severity.WARNING,
            Location.of(area, measure, field="deadline"),
            Message(
                f"the quick win runs from {start_en} to {end_en}, longer than {months_en}",
                f"бързата победа продължава от {start_bg} до {end_bg}, повече от {months_bg}",
            ),
            Message(
                f"finish it within {months_en}, or make it a strategic measure (a quick win "
                "is high-impact, easy and done within three months, as CAF guidance says)",
                f"завършете я в рамките на {months_bg} или я направете стратегическа мярка "
                "(според CAF бързата победа има голямо въздействие, лесна е и се изпълнява "
                "до три месеца)",
            ),
        )


def _first_start(measure: Measure) -> dt.date | None:
    """The quick win's first day: its own start, else its activities' earliest."""
    if measure.start is not None and measure.start.earliest is not None:
        return measure.start.earliest
    starts = [
        day
        for activity in measure.activities
        if activity.start is not None and (day := activity.start.earliest) is not None
    ]
    return min(starts) if starts else None


def _last_end(measure: Measure) -> dt.date | None:
    """The quick win's last day: its own deadline, else its activities' latest, if all have one."""
    own = latest_end(measure.deadline)
    if own is not None or not measure.activities:
        return own
    ends = [latest_end(activity.deadline) for activity in measure.activities]
    known = [end for end in ends if end is not None]
    return max(known) if known and len(known) == len(ends) else None


def _endless_quick_wins(plan: Plan) -> Iterator[Finding]:
    for area, measure in measures_with_areas(plan):
        if not measure.is_quick_win or _last_end(measure) is not None:
            continue
        if measure.activities:
            open_ended = [a for a in measure.activities if latest_end(a.deadline) is None]
            what_en = "; ".join(_item_en(a.number, a.deadline) for a in open_ended)
            what_bg = "; ".join(_item_bg(a.number, a.deadline) for a in open_ended)
            message = Message(
                f"the quick win has no end date: {what_en}",
                f"бързата победа няма крайна дата: {what_bg}",
            )
        elif measure.deadline is None:
            message = Message("the quick win has no deadline", "бързата победа няма срок")
        else:
            text_en, text_bg = quoted(measure.deadline.text)
            message = Message(
                f"the quick win has no end date: its deadline {text_en} names none",
                f"бързата победа няма крайна дата: срокът ѝ {text_bg} не посочва такава",
            )
        yield Finding(
            "C104",
            Severity.WARNING,
            Location.of(area, measure, field="deadline"),
            message,
            Message(
                "give it an end date within three months, or make it a strategic measure",
                "задайте крайна дата до три месеца или я направете стратегическа мярка",
            ),
        )


def _item_en(number: str, deadline: Deadline | None) -> str:
    name = f"activity {number}" if number else "an activity"
    if deadline is None:
        return f"{name} has no deadline"
    return f"{name} is due {quoted(deadline.text)[0]}"


def _item_bg(number: str, deadline: Deadline | None) -> str:
    name = f"дейност {number}" if number else "дейност"
    if deadline is None:
        return f"{name} няма срок"
    return f"{name} е със срок {quoted(deadline.text)[1]}"


CAF_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "C101",
        Message(
            "a CAF reference the plan's CAF version does not have",
            "препратка към CAF, която версията на плана няма",
        ),
        Severity.WARNING,
        _unknown_references,
    ),
    RuleSpec(
        "C102",
        Message("sub-criteria no measure addresses", "подкритерии, които никоя мярка не адресира"),
        Severity.INFO,
        _unaddressed,
    ),
    RuleSpec(
        "C103",
        Message("a quick win that is not quick", "бърза победа, която не е бърза"),
        Severity.WARNING,
        _slow_quick_wins,
        needs_settings=True,
    ),
    RuleSpec(
        "C104",
        Message("a quick win with no end date", "бърза победа без крайна дата"),
        Severity.WARNING,
        _endless_quick_wins,
    ),
)
"""The CAF rules, in the order they run."""

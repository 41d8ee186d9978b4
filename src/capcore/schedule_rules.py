"""Schedule rules: starts and deadlines that cannot hold, or cannot be placed in time.

| code | severity | what |
|---|---|---|
| D101 | error | a deadline before its start |
| D102 | warning | a start or deadline outside the plan period |
| D103 | warning | an activity that starts before or ends after its measure |
| D104 | info | a start or deadline kept only as text (no date could be read) |
| D105 | warning | a recurring deadline with no month and no start to count from |
| D106 | warning | a date, month or quarter without a year, and no plan period to supply it |

Dates come from the parsed :class:`~capcore.Deadline` terms; the words as
written are quoted in every message. ``docs/validation.md`` says why each
rule matters and how to silence it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from capcore._rule_support import dates, latest_end, measures_with_areas, quoted, scheduled
from capcore.deadline import Deadline, DeadlineKind, DeadlineTerm, RecurrenceUnit
from capcore.findings import Finding, Location, Message, Severity
from capcore.model import Activity, Measure, Period, Plan
from capcore.rules import RuleSpec

__all__ = ["SCHEDULE_RULES"]

_FIELDS = (("start", "the start", "началото"), ("deadline", "the deadline", "срокът"))
_NEEDS_YEAR = frozenset(
    {DeadlineKind.DATE, DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.HALF_YEAR}
)


def _fields(
    entity: Measure | Activity,
) -> Iterator[tuple[str, str, str, Deadline]]:
    """Yield (field, English name, Bulgarian name, value) of the entity's start and deadline."""
    for field, en, bg in _FIELDS:
        value: Deadline | None = getattr(entity, field)
        if value is not None:
            yield field, en, bg, value


def _deadline_before_start(plan: Plan) -> Iterator[Finding]:
    for location, entity in scheduled(plan):
        if entity.start is None or entity.deadline is None:
            continue
        start, end = entity.start.earliest, latest_end(entity.deadline)
        if start is None or end is None or end >= start:
            continue
        deadline_en, deadline_bg = quoted(entity.deadline.text)
        start_en, start_bg = quoted(entity.start.text)
        (end_en, end_bg), (begin_en, begin_bg) = dates(end), dates(start)
        yield Finding(
            "D101",
            Severity.ERROR,
            location.at("deadline"),
            Message(
                f"the deadline {deadline_en} ({end_en}) is before the start "
                f"{start_en} ({begin_en})",
                f"срокът {deadline_bg} ({end_bg}) е преди началото {start_bg} ({begin_bg})",
            ),
            Message(
                "correct the start or the deadline; work cannot end before it begins",
                "поправете началото или срока: работата не може да приключи преди да започне",
            ),
        )


def _outside_period(plan: Plan) -> Iterator[Finding]:
    period = plan.period
    if period is None:
        return
    period_en, period_bg = _period_text(period)
    for location, entity in scheduled(plan):
        for field, en, bg, value in _fields(entity):
            days = [_edge(term, field) for term in value.terms]
            if not any(day is not None and day not in period for day in days):
                continue
            text_en, text_bg = quoted(value.text)
            yield Finding(
                "D102",
                Severity.WARNING,
                location.at(field),
                Message(
                    f"{en} {text_en} falls outside the plan period {period_en}",
                    f"{bg} {text_bg} е извън периода на плана {period_bg}",
                ),
                Message(
                    "correct the date, or the plan's period if that is what is wrong",
                    "поправете датата или периода на плана, ако грешката е в него",
                ),
            )


def _edge(term: DeadlineTerm, field: str) -> dt.date | None:
    """The day of a term that must fall in the period: a start's first, a deadline's last."""
    return term.start if field == "start" else term.end


def _period_text(period: Period) -> tuple[str, str]:
    (start_en, start_bg), (end_en, end_bg) = dates(period.start), dates(period.end)
    return f"{start_en} to {end_en}", f"{start_bg} – {end_bg}"


def _outside_measure(plan: Plan) -> Iterator[Finding]:
    for area, measure in measures_with_areas(plan):
        measure_start = measure.start.earliest if measure.start is not None else None
        measure_end = latest_end(measure.deadline)
        if measure_start is None and measure_end is None:
            continue
        for activity in measure.activities:
            location = Location.of(area, measure, activity)
            yield from _against_measure(location, activity, measure_start, measure_end)


def _against_measure(
    location: Location,
    activity: Activity,
    measure_start: dt.date | None,
    measure_end: dt.date | None,
) -> Iterator[Finding]:
    start = activity.start.earliest if activity.start is not None else None
    if measure_start and start and start < measure_start:
        (start_en, start_bg), (limit_en, limit_bg) = dates(start), dates(measure_start)
        yield Finding(
            "D103",
            Severity.WARNING,
            location.at("start"),
            Message(
                f"the activity starts on {start_en}, before its measure starts ({limit_en})",
                f"дейността започва на {start_bg}, преди началото на мярката си ({limit_bg})",
            ),
            _WITHIN_MEASURE,
        )
    end = latest_end(activity.deadline)
    if measure_end and end and end > measure_end:
        (end_en, end_bg), (limit_en, limit_bg) = dates(end), dates(measure_end)
        yield Finding(
            "D103",
            Severity.WARNING,
            location.at("deadline"),
            Message(
                f"the activity is due on {end_en}, after its measure's deadline ({limit_en})",
                f"дейността е със срок {end_bg}, след срока на мярката си ({limit_bg})",
            ),
            _WITHIN_MEASURE,
        )


_WITHIN_MEASURE = Message(
    "move the activity's dates within its measure's, or widen the measure's",
    "поставете датите на дейността в рамките на мярката или разширете тези на мярката",
)


def _only_text(plan: Plan) -> Iterator[Finding]:
    for location, entity in scheduled(plan):
        for field, en, bg, value in _fields(entity):
            if value.terms or not value.text.strip():
                continue
            text_en, text_bg = quoted(value.text)
            yield Finding(
                "D104",
                Severity.INFO,
                location.at(field),
                Message(
                    f"{en} is kept only as text: {text_en}; no date could be read from it",
                    f"{bg} е само текст: {text_bg}; от него не може да се прочете дата",
                ),
                Message(
                    'write a date (14.3.2022), a month (м. март 2022), "постоянен" or the '
                    'event it waits for ("при актуализация")',
                    "впишете дата (14.3.2022), месец (м. март 2022), „постоянен“ или "
                    "събитието, от което зависи („при актуализация“)",
                ),
            )


def _unanchored_recurrence(plan: Plan) -> Iterator[Finding]:
    measure_start: dt.date | None = None
    # scheduled() gives each measure before its activities, so measure_start
    # is the start of the measure an activity belongs to.
    for location, entity in scheduled(plan):
        own_start = entity.start.earliest if entity.start is not None else None
        if isinstance(entity, Measure):
            measure_start = own_start
        # An occurrence can be counted from the item's start (or its measure's).
        if entity.deadline is None or own_start or measure_start:
            continue
        if not any(_needs_anchor(term) for term in entity.deadline.terms):
            continue
        text_en, text_bg = quoted(entity.deadline.text)
        yield Finding(
            "D105",
            Severity.WARNING,
            location.at("deadline"),
            Message(
                f"the recurring deadline {text_en} names no month and there is no start to "
                "count from, so when each occurrence falls due is unknown",
                f"повтарящият се срок {text_bg} не посочва месец и няма начало, от което да се "
                "брои, така че не е ясно кога е всеки падеж",
            ),
            Message(
                'name the month ("ежегодно, декември") or give the item a start date',
                "посочете месеца („ежегодно, декември“) или задайте начална дата",
            ),
        )


def _needs_anchor(term: DeadlineTerm) -> bool:
    # Monthly and shorter recurrences fall due every month whatever the anchor.
    recurrence = term.recurrence
    return (
        term.kind is DeadlineKind.RECURRING
        and recurrence is not None
        and recurrence.unit is RecurrenceUnit.MONTH
        and recurrence.interval > 1
        and recurrence.anchor_month is None
    )


def _without_year(plan: Plan) -> Iterator[Finding]:
    for location, entity in scheduled(plan):
        for field, en, bg, value in _fields(entity):
            if not any(term.kind in _NEEDS_YEAR and term.year is None for term in value.terms):
                continue
            text_en, text_bg = quoted(value.text)
            if plan.period is None:
                message = Message(
                    f"{en} {text_en} names no year, and the plan has no period to take it from",
                    f"{bg} {text_bg} не посочва година, а планът няма период, от който да се вземе",
                )
                hint = Message(
                    'give the plan its period, or write the year ("м. март 2024")',
                    "задайте периода на плана или впишете годината („м. март 2024“)",
                )
            else:
                message = Message(
                    f"{en} {text_en} names no year", f"{bg} {text_bg} не посочва година"
                )
                hint = Message(
                    'write the year ("м. март 2024")', "впишете годината („м. март 2024“)"
                )
            yield Finding("D106", Severity.WARNING, location.at(field), message, hint)


SCHEDULE_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "D101",
        Message("a deadline before its start", "срок преди началото"),
        Severity.ERROR,
        _deadline_before_start,
    ),
    RuleSpec(
        "D102",
        Message("a start or deadline outside the plan period", "дата извън периода на плана"),
        Severity.WARNING,
        _outside_period,
    ),
    RuleSpec(
        "D103",
        Message("an activity outside its measure's dates", "дейност извън датите на мярката си"),
        Severity.WARNING,
        _outside_measure,
    ),
    RuleSpec(
        "D104",
        Message("a start or deadline kept only as text", "начало или срок само като текст"),
        Severity.INFO,
        _only_text,
    ),
    RuleSpec(
        "D105",
        Message(
            "a recurring deadline with no month and no start to count from",
            "повтарящ се срок без месец и без начало, от което да се брои",
        ),
        Severity.WARNING,
        _unanchored_recurrence,
    ),
    RuleSpec(
        "D106",
        Message(
            "a date, month or quarter without a year the plan can supply",
            "дата, месец или тримесечие без година",
        ),
        Severity.WARNING,
        _without_year,
    ),
)
"""The schedule rules, in the order they run."""

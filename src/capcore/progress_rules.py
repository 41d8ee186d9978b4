"""Progress-data rules: updates that contradict themselves, the calendar, or the item's state.

| code | severity | what |
|---|---|---|
| P101 | error | a percent outside 0-100 |
| P102 | warning | an update or an indicator value dated after the day of the check |
| P103 | warning | status "done" with a percent below 100 |
| P104 | warning | a percent of 100 while the status is not "done" |
| P105 | warning | an update on an item after it was cancelled |

Every measure's and activity's own updates are checked, in date order (of
updates on one day, the one given last counts last, as
:func:`capcore.latest_update` reads them). "The future" is relative to
:attr:`~capcore.rules.ValidationSettings.as_of`, today by default.
"""

from __future__ import annotations

from collections.abc import Iterator

from capcore._rule_support import dates, scheduled
from capcore.findings import Finding, Location, Message, Severity
from capcore.indicator import Indicator
from capcore.labels import label
from capcore.model import Plan
from capcore.progress_update import ProgressUpdate, Status
from capcore.rules import RuleSpec, ValidationSettings

__all__ = ["PROGRESS_RULES"]


def _updates(plan: Plan) -> Iterator[tuple[Location, list[ProgressUpdate]]]:
    """Yield each measure's and activity's location with its updates in date order."""
    for location, entity in scheduled(plan):
        if entity.updates:
            # sorted() is stable: same-day updates keep the order they were given.
            yield location.at("updates"), sorted(entity.updates, key=lambda u: u.on)


def _percent_out_of_range(plan: Plan) -> Iterator[Finding]:
    for location, updates in _updates(plan):
        for update in updates:
            percent = update.percent
            if percent is None or 0 <= percent <= 100:
                continue
            day_en, day_bg = dates(update.on)
            yield Finding(
                "P101",
                Severity.ERROR,
                location,
                Message(
                    f"the update of {day_en} reports {percent} %, outside 0-100 %",
                    f"отчетът от {day_bg} посочва {percent} %, извън 0-100 %",
                ),
                Message(
                    "report how much of the work is done, from 0 to 100 %",
                    "отчетете каква част от работата е свършена, от 0 до 100 %",
                ),
            )


def _in_the_future(plan: Plan, settings: ValidationSettings) -> Iterator[Finding]:
    as_of_en, as_of_bg = dates(settings.as_of)
    hint = Message(
        "correct the date: progress is reported for a day that has come",
        "поправете датата: напредъкът се отчита за ден, който е настъпил",
    )
    for location, updates in _updates(plan):
        for update in updates:
            if update.on > settings.as_of:
                day_en, day_bg = dates(update.on)
                yield Finding(
                    "P102",
                    Severity.WARNING,
                    location,
                    Message(
                        f"the update is dated {day_en}, after the day of the check ({as_of_en})",
                        f"отчетът е с дата {day_bg}, след деня на проверката ({as_of_bg})",
                    ),
                    hint,
                )
    for location, indicator in _indicators(plan):
        for value in indicator.values:
            if value.on > settings.as_of:
                day_en, day_bg = dates(value.on)
                yield Finding(
                    "P102",
                    Severity.WARNING,
                    location,
                    Message(
                        f"the value {value.value} is dated {day_en}, after the day of the "
                        f"check ({as_of_en})",
                        f"стойността {value.value} е с дата {day_bg}, след деня на проверката "
                        f"({as_of_bg})",
                    ),
                    hint,
                )


def _indicators(plan: Plan) -> Iterator[tuple[Location, Indicator]]:
    for indicator in plan.indicators:
        yield Location.of(indicator, field="values"), indicator
    for area in plan.areas:
        for measure in area.measures:
            for indicator in measure.indicators:
                yield Location.of(area, measure, indicator, field="values"), indicator


def _done_below_hundred(plan: Plan) -> Iterator[Finding]:
    for location, updates in _updates(plan):
        for update in updates:
            if update.status is not Status.DONE or update.percent is None:
                continue
            if update.percent >= 100:
                continue
            day_en, day_bg = dates(update.on)
            yield Finding(
                "P103",
                Severity.WARNING,
                location,
                Message(
                    f'the update of {day_en} says "Done" at {update.percent} %',
                    f"отчетът от {day_bg} посочва „Изпълнена“ при {update.percent} %",
                ),
                Message(
                    'report 100 % for done work, or a status other than "done"',
                    "отчетете 100 % за свършена работа или друг статус",
                ),
            )


def _hundred_not_done(plan: Plan) -> Iterator[Finding]:
    for location, updates in _updates(plan):
        status: Status | None = None
        for update in updates:
            status = update.status or status
            if update.percent is None or update.percent != 100 or status is Status.DONE:
                continue
            day_en, day_bg = dates(update.on)
            state_en = f'"{label(status.value, "en")}"' if status else "not given"
            state_bg = f"„{label(status.value, 'bg')}“" if status else "не е посочен"
            yield Finding(
                "P104",
                Severity.WARNING,
                location,
                Message(
                    f"the update of {day_en} reports 100 % but the status is {state_en}, "
                    'not "Done"',
                    f"отчетът от {day_bg} посочва 100 %, но статусът е {state_bg}, а не "
                    "„Изпълнена“",
                ),
                Message(
                    'mark the item "done", or report the percent actually reached',
                    "отбележете я като изпълнена или отчетете действително постигнатия процент",
                ),
            )


def _after_cancellation(plan: Plan) -> Iterator[Finding]:
    for location, updates in _updates(plan):
        cancelled_on = None
        for update in updates:
            if update.status is Status.CANCELLED:
                cancelled_on = cancelled_on or update.on
                continue
            if update.status is not None:
                cancelled_on = None  # a new status reopens the item
                continue
            if cancelled_on is None:
                continue
            (day_en, day_bg), (cancel_en, cancel_bg) = dates(update.on), dates(cancelled_on)
            yield Finding(
                "P105",
                Severity.WARNING,
                location,
                Message(
                    f"the update of {day_en} reports on an item cancelled on {cancel_en}",
                    f"отчетът от {day_bg} е за задача, отменена на {cancel_bg}",
                ),
                Message(
                    "give the update a status that reopens the item, or remove it",
                    "дайте на отчета статус, с който задачата се възобновява, или го премахнете",
                ),
            )


PROGRESS_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "P101",
        Message("a percent outside 0-100", "процент извън 0-100"),
        Severity.ERROR,
        _percent_out_of_range,
    ),
    RuleSpec(
        "P102",
        Message("an update dated in the future", "отчет с бъдеща дата"),
        Severity.WARNING,
        _in_the_future,
        needs_settings=True,
    ),
    RuleSpec(
        "P103",
        Message('"done" with a percent below 100', "„изпълнена“ с процент под 100"),
        Severity.WARNING,
        _done_below_hundred,
    ),
    RuleSpec(
        "P104",
        Message('100 % without "done"', "100 % без статус „изпълнена“"),
        Severity.WARNING,
        _hundred_not_done,
    ),
    RuleSpec(
        "P105",
        Message("an update on a cancelled item", "отчет за отменена задача"),
        Severity.WARNING,
        _after_cancellation,
    ),
)
"""The progress-data rules, in the order they run."""

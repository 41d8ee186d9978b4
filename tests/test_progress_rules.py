"""Progress-data rules P101-P105: percents, future dates, done versus 100 %, cancelled items."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from capcore import Finding, Plan, PlanBuilder, Severity, Status, validate
from capcore.builder import ActivityBuilder
from capcore.indicator import IndicatorValue
from capcore.progress_rules import PROGRESS_RULES
from capcore.rules import ValidationSettings

AS_OF = dt.date(2022, 9, 1)


def found(plan: Plan, code: str) -> tuple[Finding, ...]:
    settings = ValidationSettings(AS_OF)
    return validate(plan, rules=PROGRESS_RULES, select=[code], settings=settings).findings


def activity() -> tuple[Plan, ActivityBuilder]:
    builder = PlanBuilder("План", period=(2022, 2023))
    return builder.build(), builder.area("А").measure("М").activity("Д", deadline="м. юни")


def test_percent_outside_zero_to_hundred_is_an_error() -> None:
    """120 % and -5 % are reported; 0 and 100 are fine."""
    plan, item = activity()
    item.update(dt.date(2022, 3, 1), percent=0).update(dt.date(2022, 4, 1), percent=120)
    item.update(dt.date(2022, 5, 1), percent=-5).update(dt.date(2022, 6, 1), percent=100)
    findings = found(plan, "P101")
    assert [f.severity for f in findings] == [Severity.ERROR, Severity.ERROR]
    assert findings[0].message.en == "the update of 2022-04-01 reports 120 %, outside 0-100 %"
    assert findings[1].message.bg == "отчетът от 01.05.2022 посочва -5 %, извън 0-100 %"
    assert findings[0].location.field == "updates"


def test_an_update_after_the_day_of_the_check() -> None:
    """An update dated after as_of is in the future; on as_of it is not."""
    plan, item = activity()
    item.update(AS_OF, percent=40).update(AS_OF + dt.timedelta(days=1), percent=50)
    [finding] = found(plan, "P102")
    assert finding.message.en == (
        "the update is dated 2022-09-02, after the day of the check (2022-09-01)"
    )


def test_an_indicator_value_in_the_future() -> None:
    """A measured value dated after as_of is reported at its indicator."""
    builder = PlanBuilder("План")
    indicator = builder.indicator("обучени служители", target=5400)
    indicator.values.append(IndicatorValue(dt.date(2023, 1, 1), Decimal(1200)))
    [finding] = found(builder.build(), "P102")
    assert finding.where == f"indicator [{indicator.id}]"
    assert finding.message.en.startswith("the value 1200 is dated 2023-01-01")


def test_done_below_one_hundred() -> None:
    """ "done" at 80 % contradicts itself; "done" without a percent does not."""
    plan, item = activity()
    item.update(dt.date(2022, 3, 1), status=Status.DONE, percent=80)
    item.update(dt.date(2022, 4, 1), status=Status.DONE)
    [finding] = found(plan, "P103")
    assert finding.message.en == 'the update of 2022-03-01 says "Done" at 80 %'


def test_one_hundred_without_done() -> None:
    """100 % while in progress is reported; 100 % after "done" carries the status on."""
    plan, item = activity()
    item.update(dt.date(2022, 3, 1), status=Status.IN_PROGRESS, percent=100)
    item.update(dt.date(2022, 4, 1), status=Status.DONE, percent=100)
    item.update(dt.date(2022, 5, 1), percent=100)
    [finding] = found(plan, "P104")
    assert finding.message.en == (
        'the update of 2022-03-01 reports 100 % but the status is "In progress", not "Done"'
    )
    assert finding.message.bg == (
        "отчетът от 01.03.2022 посочва 100 %, но статусът е „В изпълнение“, а не „Изпълнена“"
    )


def test_one_hundred_with_no_status_at_all() -> None:
    """A percent-only history that reaches 100 % never says "done"."""
    plan, item = activity()
    item.update(dt.date(2022, 3, 1), percent=100)
    [finding] = found(plan, "P104")
    assert "the status is not given" in finding.message.en


def test_updates_are_read_in_date_order() -> None:
    """Updates given out of order are checked by their dates."""
    plan, item = activity()
    item.update(dt.date(2022, 4, 1), percent=100)
    item.update(dt.date(2022, 3, 1), status=Status.DONE)
    assert found(plan, "P104") == ()


def test_an_update_on_a_cancelled_item() -> None:
    """Progress reported after cancellation is reported; a new status reopens the item."""
    plan, item = activity()
    item.update(dt.date(2022, 3, 1), status=Status.CANCELLED, percent=20)
    item.update(dt.date(2022, 4, 1), percent=30)
    item.update(dt.date(2022, 5, 1), status=Status.IN_PROGRESS, percent=40)
    item.update(dt.date(2022, 6, 1), percent=60)
    [finding] = found(plan, "P105")
    assert finding.message.en == (
        "the update of 2022-04-01 reports on an item cancelled on 2022-03-01"
    )
    assert finding.message.bg == "отчетът от 01.04.2022 е за задача, отменена на 01.03.2022"


def test_a_measure_that_is_its_own_unit_is_checked_too() -> None:
    """Updates on a measure without activities are checked like an activity's."""
    builder = PlanBuilder("План")
    builder.measure("М", deadline="м. март").update(dt.date(2022, 3, 1), percent=101)
    [finding] = found(builder.build(), "P101")
    assert finding.where.startswith("measure 1 [")

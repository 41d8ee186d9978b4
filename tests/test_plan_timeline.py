"""capcore.timeline: Gantt rows, due dates with occurrences, and the month and quarter calendar."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given

from capcore import DueKind, PlanBuilder, RowKind, Status, timeline
from capcore.examples import lovech, pazardzhik, smolyan
from capcore.model import Plan
from capcore.testing.strategies import plans

D = dt.date


def test_lovech_rows_for_every_measure_and_activity() -> None:
    """32 measures and 54 activities, in document order; 1.1.1 is a bar 14-18 March 2022."""
    rows = timeline(lovech()).rows
    assert len(rows) == 32 + 54
    first_measure, first_activity = rows[0], rows[1]
    assert (first_measure.number, first_activity.number) == ("1.1", "1.1.1")
    assert (first_activity.kind, first_activity.start, first_activity.end) == (
        RowKind.BAR,
        D(2022, 3, 14),
        D(2022, 3, 18),
    )
    assert (first_activity.start_text, first_activity.deadline_text) == ("14.3.2022", "18.3.2022")
    # The measure spans its activities: 14 March to 15 September 2022.
    assert (first_measure.start, first_measure.end) == (D(2022, 3, 14), D(2022, 9, 15))


def test_ongoing_work_runs_to_the_plans_end() -> None:
    """Lovech 1.2.2 ("текущо") is drawn from the plan's start to its end."""
    row = next(row for row in timeline(lovech()).rows if row.number == "1.2.2")
    assert row.kind is RowKind.ONGOING
    assert (row.start, row.end) == (D(2022, 1, 1), D(2024, 12, 31))
    assert not row.milestone


def test_milestone_event_and_undated_rows() -> None:
    """A one-day item is a milestone; "при актуализация" an event; words without dates undated."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    area = builder.area("А")
    area.measure("ден", start="1.3.2024", deadline="1.3.2024")
    area.measure("събитие", deadline="при актуализация")
    area.measure("думи", deadline="неясно")
    kinds = [(row.kind, row.milestone) for row in timeline(builder.build()).rows]
    assert kinds == [(RowKind.MILESTONE, True), (RowKind.EVENT, False), (RowKind.UNDATED, False)]


def test_recurring_occurrences_are_due_dates() -> None:
    """Pazardzhik 4: every six months (3) and yearly (2) from 1 September 2017, each numbered."""
    due = [d for d in timeline(pazardzhik()).due_dates if d.number == "4"]
    assert [(d.on, d.label, d.index, d.count) for d in due] == [
        (D(2017, 12, 31), "на всеки шест месеца (съкратена)", 1, 3),
        (D(2017, 12, 31), "ежегодно (разширена)", 1, 2),
        (D(2018, 6, 30), "на всеки шест месеца (съкратена)", 2, 3),
        (D(2018, 12, 31), "на всеки шест месеца (съкратена)", 3, 3),
        (D(2018, 12, 31), "ежегодно (разширена)", 2, 2),
    ]
    assert all(d.kind is DueKind.OCCURRENCE for d in due)


def test_as_of_marks_passed_and_reported_occurrences() -> None:
    """Quarterly in 2024 with a report on 2 April: as of 1 July, Q1 reported, Q2 not, Q3 ahead."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    builder.area("А").measure("Отчет", deadline="тримесечно").update(
        D(2024, 4, 2), status=Status.IN_PROGRESS
    )
    due = timeline(builder.build(), as_of=D(2024, 7, 1)).due_dates
    assert [(d.on, d.passed, d.reported) for d in due] == [
        (D(2024, 3, 31), True, True),
        (D(2024, 6, 30), True, False),
        (D(2024, 9, 30), False, None),
        (D(2024, 12, 31), False, None),
    ]


def test_without_as_of_nothing_is_judged() -> None:
    """Without a date, due dates neither passed nor reported."""
    due = timeline(pazardzhik()).due_dates
    assert {(d.passed, d.reported) for d in due} == {(None, None)}


def test_calendar_covers_every_month_and_quarter_of_the_period() -> None:
    """Lovech 2022-2024: 36 months and 12 quarters, in order, empty ones included."""
    result = timeline(lovech())
    assert len(result.months) == 36
    assert len(result.quarters) == 12
    march = result.months[2]
    assert (march.year, march.month, march.first_day, march.last_day) == (
        2022,
        3,
        D(2022, 3, 1),
        D(2022, 3, 31),
    )
    # 1.1.1 (18.3), 2.3.1 (28.3), 3.1.1 (25.3), 3.4.1 (31.3) are due in March 2022.
    assert sorted(d.number for d in march.due) == ["1.1.1", "2.3.1", "3.1.1", "3.4.1"]
    assert march.title("bg") == "март 2022"
    assert march.title("en") == "March 2022"
    assert result.quarters[1].title("bg") == "II тримесечие 2022"
    assert result.quarters[1].title("en") == "Q2 2022"


def test_buckets_hold_every_due_date_once() -> None:
    """Every due date is in exactly one month and one quarter."""
    result = timeline(pazardzhik())
    assert sum(len(b.due) for b in result.months) == len(result.due_dates)
    assert sum(len(b.due) for b in result.quarters) == len(result.due_dates)


def test_undated_plan_has_rows_but_no_calendar() -> None:
    """Smolyan names no period and no year: rows, no due dates, no buckets."""
    result = timeline(smolyan())
    assert len(result.rows) == 19
    assert (result.due_dates, result.months, result.quarters) == ((), (), ())


def test_data_and_text() -> None:
    """to_data() is JSON; to_text() lists rows and the months that have due dates."""
    result = timeline(pazardzhik(), as_of=D(2018, 3, 1))
    data = json.loads(json.dumps(result.to_data()))
    assert data["period"] == {"start": "2017-01-01", "end": "2018-12-31"}
    assert data["rows"][0]["kind"] == "bar"
    text = result.to_text("bg")
    assert "  декември 2017 (6):" in text
    assert "  December 2017 (6):" in result.to_text("en")


@given(plans())
def test_every_plan_has_a_timeline(plan: Plan) -> None:
    """Any plan gives a row per measure and activity, and sorted due dates within its buckets."""
    result = timeline(plan)
    assert len(result.rows) == sum(1 + len(m.activities) for m in plan.measures())
    days = [d.on for d in result.due_dates]
    assert days == sorted(days)
    assert sum(len(b.due) for b in result.months) == len(days)


@given(plans())
def test_each_bucket_holds_exactly_the_due_dates_within_it(plan: Plan) -> None:
    # The buckets are cut from the ordered due dates by bisection; a plain
    # filter of every due date is the reference.
    found = timeline(plan, as_of=D(2023, 6, 30))
    for bucket in (*found.months, *found.quarters):
        expected = tuple(
            due for due in found.due_dates if bucket.first_day <= due.on <= bucket.last_day
        )
        assert bucket.due == expected

"""Schedule rules D101-D106 on small plans: impossible, misplaced and unplaceable dates."""

from __future__ import annotations

from capcore import Finding, Plan, PlanBuilder, Severity, parse_deadline, validate
from capcore.schedule_rules import SCHEDULE_RULES


def found(plan: Plan, code: str) -> tuple[Finding, ...]:
    return validate(plan, rules=SCHEDULE_RULES, select=[code]).findings


def one_activity(start: str | None, deadline: str | None, period: bool = True) -> Plan:
    builder = PlanBuilder("План", period=(2022, 2024) if period else None)
    builder.area("А").measure("М").activity("Д", start=start, deadline=deadline)
    return builder.build()


def test_deadline_before_start_is_an_error() -> None:
    """18.3.2022 to 15.3.2022 cannot be done; the message quotes both as written."""
    [finding] = found(one_activity("18.3.2022", "15.3.2022"), "D101")
    assert finding.severity is Severity.ERROR
    assert finding.location.field == "deadline"
    assert finding.message.en == (
        'the deadline "15.3.2022" (2022-03-15) is before the start "18.3.2022" (2022-03-18)'
    )
    assert finding.message.bg == (
        "срокът „15.3.2022“ (15.03.2022) е преди началото „18.3.2022“ (18.03.2022)"
    )


def test_a_deadline_on_the_start_day_or_later_is_fine() -> None:
    """Same-day work, or a month that ends after the start, is no finding."""
    assert found(one_activity("18.3.2022", "18.3.2022"), "D101") == ()
    assert found(one_activity("15.3.2022", "м. март 2022"), "D101") == ()


def test_the_last_dated_term_of_a_deadline_counts() -> None:
    """A deadline with a term after the start is not before it."""
    plan = one_activity("1.6.2022", "1.3.2022 (чернова), 1.9.2022 (окончателен)")
    assert found(plan, "D101") == ()


def test_dates_outside_the_plan_period() -> None:
    """A start before 2022 and a deadline after 2024 are outside 2022-2024; inside is fine."""
    plan = one_activity("1.12.2021", "15.3.2025")
    findings = found(plan, "D102")
    assert [f.location.field for f in findings] == ["start", "deadline"]
    assert findings[1].message.en == (
        'the deadline "15.3.2025" falls outside the plan period 2022-01-01 to 2024-12-31'
    )
    assert findings[0].message.bg == (
        "началото „1.12.2021“ е извън периода на плана 01.01.2022 – 31.12.2024"
    )
    assert found(one_activity("1.1.2022", "31.12.2024"), "D102") == ()


def test_no_period_no_period_check() -> None:
    """A plan without a period has nothing to be outside of."""
    assert found(one_activity("1.12.2021", "15.3.2025", period=False), "D102") == ()


def test_activity_outside_its_measure() -> None:
    """An activity starting before, or due after, its measure's own dates is reported."""
    builder = PlanBuilder("План", period=(2022, 2022))
    measure = builder.area("А").measure("М", start="1.4.2022", deadline="30.6.2022")
    measure.activity("Рано", start="15.3.2022", deadline="30.4.2022")
    measure.activity("Късно", start="1.5.2022", deadline="15.7.2022")
    measure.activity("Вътре", start="1.4.2022", deadline="30.6.2022")
    findings = found(builder.build(), "D103")
    assert [(f.where.split(" [")[0], f.location.field) for f in findings] == [
        ("activity 1.1.1", "start"),
        ("activity 1.1.2", "deadline"),
    ]
    assert findings[1].message.en == (
        "the activity is due on 2022-07-15, after its measure's deadline (2022-06-30)"
    )


def test_a_measure_without_dates_bounds_nothing() -> None:
    """The Lovech measures carry no dates of their own: their activities are free."""
    assert found(one_activity("1.4.2022", "30.6.2022"), "D103") == ()


def test_deadline_kept_only_as_text_is_info_with_the_text() -> None:
    """Words with no readable date are kept and reported for information."""
    [finding] = found(one_activity(None, "своевременно"), "D104")
    assert finding.severity is Severity.INFO
    assert finding.message.en == (
        'the deadline is kept only as text: "своевременно"; no date could be read from it'
    )
    assert "„своевременно“" in finding.message.bg


def test_events_and_continuous_deadlines_are_not_text_only() -> None:
    """ "при актуализация" and "постоянен" are understood, so not reported."""
    assert found(one_activity(None, "при актуализация"), "D104") == ()
    assert found(one_activity(None, "постоянен"), "D104") == ()


def test_recurring_deadline_without_anchor() -> None:
    """ "тримесечно" with no start and no month is reported (the Smolyan plan's item 3.4)."""
    [finding] = found(one_activity(None, "тримесечно"), "D105")
    assert finding.severity is Severity.WARNING
    assert finding.message.en.startswith('the recurring deadline "тримесечно" names no month')


def test_recurring_deadline_anchored_by_month_or_start() -> None:
    """A named month, the item's start or its measure's start anchor the recurrence."""
    assert found(one_activity(None, "ежегодно, декември"), "D105") == ()
    assert found(one_activity("1.9.2022", "на всеки шест месеца"), "D105") == ()
    builder = PlanBuilder("План")
    builder.area("А").measure("М", start="1.9.2022").activity("Д", deadline="тримесечно")
    assert found(builder.build(), "D105") == ()


def test_monthly_recurrence_needs_no_anchor() -> None:
    """Every month falls due every month, whatever the start."""
    assert found(one_activity(None, "ежемесечно"), "D105") == ()


def test_month_without_year_and_no_period() -> None:
    """ "м. март" in a plan without a period cannot be placed in a year."""
    [finding] = found(one_activity(None, "м. март", period=False), "D106")
    assert finding.message.en == (
        'the deadline "м. март" names no year, and the plan has no period to take it from'
    )
    assert finding.hint is not None
    assert finding.hint.en.startswith("give the plan its period")


def test_month_read_with_the_period_is_placed() -> None:
    """With a period, the builder takes the year from it: nothing to report."""
    assert found(one_activity(None, "м. март"), "D106") == ()


def test_month_without_year_in_a_plan_with_a_period() -> None:
    """A deadline read without the period (another tool's file) still names no year."""
    plan = one_activity(None, None)
    plan.areas[0].measures[0].activities[0].deadline = parse_deadline("м. март")
    [finding] = found(plan, "D106")
    assert finding.message.en == 'the deadline "м. март" names no year'

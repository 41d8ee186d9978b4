"""The red/amber/green gauge: one rule each, and the reasons in Bulgarian and English."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore import Gauge, ProgressPolicy, Reason, ReasonCode, Status
from capcore.progress_gauge import UnitFacts, judge_container, judge_unit, reasons_text

D = dt.date
POLICY = ProgressPolicy()  # amber 10 points behind, red 25

ON_TRACK = UnitFacts(
    as_of=D(2024, 6, 1),
    status=Status.IN_PROGRESS,
    reported=True,
    done=False,
    started=True,
    start=D(2024, 1, 1),
    end=D(2024, 12, 31),
    variance=Decimal(-5),
)


def _judge(**changes: object) -> tuple[Gauge, list[ReasonCode]]:
    gauge, reasons = judge_unit(attrs.evolve(ON_TRACK, **changes), POLICY)
    return gauge, [reason.code for reason in reasons]


def test_on_schedule_is_green() -> None:
    """5 points behind is within the amber threshold of 10: green, on schedule."""
    assert _judge() == (Gauge.GREEN, [ReasonCode.ON_SCHEDULE])


@pytest.mark.parametrize(
    ("variance", "gauge"),
    [(Decimal("-9.99"), Gauge.GREEN), (Decimal(-10), Gauge.AMBER), (Decimal(-25), Gauge.RED)],
)
def test_behind_schedule_thresholds(variance: Decimal, gauge: Gauge) -> None:
    """10 points behind or more is amber, 25 or more red."""
    assert _judge(variance=variance)[0] is gauge


def test_overdue_is_red_and_says_since_when() -> None:
    """Past the deadline and not done: red, with the deadline and the days."""
    gauge, reasons = judge_unit(attrs.evolve(ON_TRACK, end=D(2024, 5, 30)), POLICY)
    assert gauge is Gauge.RED
    assert reasons[0] == Reason(ReasonCode.OVERDUE, Gauge.RED, on=D(2024, 5, 30), days=2)


def test_done_and_cancelled_are_not_judged_further() -> None:
    """Done is green and cancelled grey, whatever the dates say."""
    assert _judge(done=True, end=D(2024, 1, 2)) == (Gauge.GREEN, [ReasonCode.DONE])
    assert _judge(status=Status.CANCELLED, end=D(2024, 1, 2)) == (
        Gauge.GREY,
        [ReasonCode.CANCELLED],
    )


def test_late_to_start_is_amber() -> None:
    """Start passed, nothing started: amber; "no report" or "not started" as reported."""
    silent = _judge(reported=False, started=False, status=None, variance=None)
    assert silent == (Gauge.AMBER, [ReasonCode.NO_REPORT])
    idle = _judge(started=False, status=Status.NOT_STARTED, variance=None)
    assert idle == (Gauge.AMBER, [ReasonCode.NOT_STARTED])


def test_reported_delayed_or_on_hold_is_amber() -> None:
    """The reporter's own warning counts."""
    assert _judge(status=Status.DELAYED) == (Gauge.AMBER, [ReasonCode.DELAYED])
    assert _judge(status=Status.ON_HOLD) == (Gauge.AMBER, [ReasonCode.ON_HOLD])


def test_missed_occurrences_are_amber() -> None:
    """Two recurring deadlines due, one reported: amber."""
    gauge, codes = _judge(occurrences_due=2, occurrences_reported=1, variance=None)
    assert (gauge, codes) == (Gauge.AMBER, [ReasonCode.MISSED_OCCURRENCES])


def test_green_without_numbers() -> None:
    """Not due to start yet; or reported with nothing dated to compare: both green."""
    assert _judge(start=D(2024, 7, 1), variance=None)[1] == [ReasonCode.STARTS_LATER]
    assert _judge(start=None, end=None, variance=None)[1] == [ReasonCode.UNDER_WAY]


def test_nothing_to_judge_is_grey() -> None:
    """No report and no dates: grey."""
    facts = attrs.evolve(
        ON_TRACK, reported=False, started=False, status=None, start=None, end=None, variance=None
    )
    assert judge_unit(facts, POLICY)[0] is Gauge.GREY


def test_several_reasons_worst_first() -> None:
    """Overdue and far behind and delayed: red, the red reasons first."""
    gauge, codes = _judge(end=D(2024, 5, 1), variance=Decimal(-40), status=Status.DELAYED)
    assert gauge is Gauge.RED
    assert codes == [ReasonCode.OVERDUE, ReasonCode.BEHIND, ReasonCode.DELAYED]


def test_container_takes_the_worst_of_its_items() -> None:
    """One red of three: red; its reasons count the red and the amber."""
    gauge, reasons = judge_container(
        [Gauge.RED, Gauge.AMBER, Gauge.GREEN],
        variance=Decimal(0),
        done=False,
        cancelled=False,
        policy=POLICY,
    )
    assert gauge is Gauge.RED
    assert [(r.code, r.count, r.total) for r in reasons] == [
        (ReasonCode.CHILDREN_RED, 1, 3),
        (ReasonCode.CHILDREN_AMBER, 1, 3),
    ]


def test_container_behind_schedule_on_its_own() -> None:
    """All items green, the container 30 points behind: red."""
    gauge, reasons = judge_container(
        [Gauge.GREEN, Gauge.GREEN],
        variance=Decimal(-30),
        done=False,
        cancelled=False,
        policy=POLICY,
    )
    assert (gauge, reasons[0].code) == (Gauge.RED, ReasonCode.BEHIND)


def test_container_all_green_and_all_grey() -> None:
    """All green: green "2 of 2"; all grey: grey, not judged; nothing: grey, empty."""
    green = judge_container(
        [Gauge.GREEN, Gauge.GREEN], variance=None, done=False, cancelled=False, policy=POLICY
    )
    assert (green[0], green[1][0].count) == (Gauge.GREEN, 2)
    grey = judge_container([Gauge.GREY], variance=None, done=False, cancelled=False, policy=POLICY)
    assert grey[1][0].code is ReasonCode.NOT_JUDGED
    empty = judge_container([], variance=None, done=False, cancelled=False, policy=POLICY)
    assert empty[1][0].code is ReasonCode.EMPTY


@pytest.mark.parametrize(
    ("reason", "bg", "en"),
    [
        (
            Reason(ReasonCode.OVERDUE, Gauge.RED, on=D(2022, 3, 18), days=167),
            "просрочена: срокът беше 18.03.2022 (преди 167 дни)",
            "overdue: due 2022-03-18 (167 days ago)",
        ),
        (
            Reason(ReasonCode.OVERDUE, Gauge.RED, on=D(2022, 3, 18), days=1),
            "просрочена: срокът беше 18.03.2022 (преди 1 ден)",
            "overdue: due 2022-03-18 (1 day ago)",
        ),
        (
            Reason(ReasonCode.BEHIND, Gauge.AMBER, points=Decimal("12.345")),
            "изостава от графика с 12,3 процентни пункта",
            "12.3 percentage points behind schedule",
        ),
        (
            Reason(ReasonCode.ON_SCHEDULE, Gauge.GREEN, points=Decimal("2.05")),
            "по график (отклонение +2,1 процентни пункта)",
            "on schedule (variance +2.1 percentage points)",
        ),
        (
            Reason(ReasonCode.CHILDREN_RED, Gauge.RED, count=3, total=32),
            "в червено: 3 от 32",
            "3 of 32 red",
        ),
    ],
)
def test_reasons_in_both_languages(reason: Reason, bg: str, en: str) -> None:
    """Each reason reads naturally in Bulgarian and in English."""
    assert (reason.text("bg"), reason.text("en")) == (bg, en)


def test_every_reason_code_has_words_in_both_languages() -> None:
    """No reason code is without its label."""
    for code in ReasonCode:
        reason = Reason(
            code, Gauge.GREEN, on=D(2024, 1, 1), days=2, points=Decimal(1), count=1, total=2
        )
        assert reason.text("bg")
        assert reason.text("en")


def test_reasons_text_joins_worst_first() -> None:
    """Reasons are joined with "; ", the worst first."""
    reasons = [Reason(ReasonCode.DELAYED, Gauge.AMBER), Reason(ReasonCode.CANCELLED, Gauge.RED)]
    assert reasons_text(reasons, "en") == "cancelled; reported as delayed"
    assert Gauge.RED.words("bg") == "червено"


_DAYS = st.dates(min_value=D(2021, 1, 1), max_value=D(2024, 12, 31))


@given(
    st.builds(
        UnitFacts,
        as_of=_DAYS,
        status=st.none() | st.sampled_from(Status),
        reported=st.booleans(),
        done=st.booleans(),
        started=st.booleans(),
        start=st.none() | _DAYS,
        end=st.none() | _DAYS,
        variance=st.none() | st.decimals(-100, 100, places=1),
    )
)
def test_derived_flags_follow_the_facts(facts: UnitFacts) -> None:
    # The flags are worked out once when the facts are made; the reference
    # is their definition, written out here.
    cancelled = facts.status is Status.CANCELLED
    overdue = facts.end is not None and facts.end < facts.as_of and not facts.done and not cancelled
    late = (
        facts.start is not None
        and facts.start <= facts.as_of
        and not (facts.started or facts.done or cancelled or overdue)
    )
    assert (facts.cancelled, facts.overdue, facts.late_to_start) == (cancelled, overdue, late)
    # Derived, so neither compared nor given: an equal copy has equal flags.
    copy = attrs.evolve(facts)
    assert copy == facts
    assert (copy.cancelled, copy.overdue, copy.late_to_start) == (cancelled, overdue, late)
    gauge, reasons = judge_unit(facts, POLICY)
    assert gauge is reasons[0].gauge
    assert [r.gauge.severity for r in reasons] == sorted(
        (r.gauge.severity for r in reasons), reverse=True
    )
    if cancelled:
        assert reasons == (Reason(ReasonCode.CANCELLED, Gauge.GREY),)
    elif facts.done:
        assert reasons == (Reason(ReasonCode.DONE, Gauge.GREEN),)
    else:
        assert (ReasonCode.OVERDUE in {r.code for r in reasons}) == overdue

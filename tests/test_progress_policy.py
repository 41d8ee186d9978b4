"""Progress policies: named presets, validation, and the plan's own policy in its JSON."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from capcore import (
    POLICY_PRESETS,
    PercentSource,
    PlanBuilder,
    ProgressPolicy,
    Status,
    StatusPercents,
    UnknownPolicyError,
    Weighting,
    dumps,
    loads,
)
from capcore.testing.strategies import progress_policies

from .conftest import REPO


def test_presets_are_named_and_documented() -> None:
    """The presets are the six documented names, in order; each names itself."""
    assert list(POLICY_PRESETS) == ["default", "manual", "status", "duration", "weighted", "strict"]
    for name, policy in POLICY_PRESETS.items():
        assert ProgressPolicy.named(name) is policy
        assert policy.preset_name == name


def test_every_preset_is_explained_in_the_docs() -> None:
    """docs/progress.md has a section for every preset name."""
    text = (REPO / "docs" / "progress.md").read_text("utf-8")
    for name in POLICY_PRESETS:
        assert f"`{name}`" in text, name


def test_presets_say_what_they_do() -> None:
    """Each preset differs from the default in the one way its name says."""
    default = ProgressPolicy()
    assert POLICY_PRESETS["default"] == default
    assert POLICY_PRESETS["manual"].source is PercentSource.MANUAL
    assert POLICY_PRESETS["status"].source is PercentSource.STATUS
    assert POLICY_PRESETS["duration"].weighting is Weighting.DURATION
    assert POLICY_PRESETS["weighted"].weighting is Weighting.EXPLICIT
    strict = POLICY_PRESETS["strict"]
    assert (strict.count_cancelled, strict.missing_as_zero) == (True, True)


def test_unknown_name_lists_the_presets() -> None:
    """An unknown policy name is a CapcoreError (and ValueError) naming the known ones."""
    with pytest.raises(UnknownPolicyError, match=r"'fast'.*default, manual, status"):
        ProgressPolicy.named("fast")


def test_a_custom_policy_has_no_preset_name() -> None:
    """A combination that is no preset has no name."""
    assert ProgressPolicy(weighting=Weighting.DURATION, count_cancelled=True).preset_name is None


def test_status_percents_default_to_0_50_100() -> None:
    """Not started 0, started but unfinished 50, done 100, cancelled 0."""
    percents = StatusPercents()
    assert [percents.percent(status) for status in Status] == [0, 50, 100, 50, 50, 0]


def test_done_is_always_100() -> None:
    """ "Done" has no setting: it stands for 100 % in every policy."""
    assert StatusPercents(in_progress=Decimal(10)).percent(Status.DONE) == 100


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: StatusPercents(in_progress=Decimal(101)), "in_progress"),
        (lambda: StatusPercents(delayed=Decimal(-1)), "delayed"),
        (lambda: ProgressPolicy(amber_behind=Decimal(30)), "red_behind"),
        (lambda: ProgressPolicy(amber_behind=Decimal(-1)), "amber_behind"),
    ],
)
def test_invalid_values_are_refused(make: object, message: str) -> None:
    """Percents outside 0-100, negative thresholds and red below amber are errors."""
    with pytest.raises(ValueError, match=message):
        make()  # type: ignore[operator]


def test_ints_are_accepted_and_kept_exact() -> None:
    """StatusPercents(delayed=25) holds the Decimal 25."""
    assert StatusPercents(delayed=25).delayed == Decimal(25)  # type: ignore[arg-type]


def test_the_plans_policy_travels_in_its_json() -> None:
    """A plan's own policy is written to and read from capcore JSON."""
    plan = PlanBuilder("План", id="p").build()
    plan.progress_policy = ProgressPolicy(
        source=PercentSource.STATUS,
        status_percents=StatusPercents(delayed=Decimal(25)),
        amber_behind=Decimal("7.5"),
    )
    text = dumps(plan)
    assert '"progress_policy": {' in text
    assert '"delayed": "25"' in text
    assert loads(text) == plan


def test_a_plan_without_policy_writes_none() -> None:
    """No policy, no key: the seed files stay as they were."""
    assert "progress_policy" not in dumps(PlanBuilder("План", id="p").build())


@given(progress_policies())
def test_any_policy_round_trips_through_json(policy: ProgressPolicy) -> None:
    """Every valid policy survives the JSON form unchanged."""
    plan = PlanBuilder("План", id="p").build()
    plan.progress_policy = policy
    assert loads(dumps(plan)).progress_policy == policy

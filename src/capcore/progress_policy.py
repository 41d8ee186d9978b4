"""How progress is counted: the progress policy and its named presets.

A :class:`ProgressPolicy` is a frozen value that says

- where an item's percent comes from (:class:`PercentSource`): the percent
  people report, the percent their status stands for
  (:class:`StatusPercents`), or the first with the second as fallback;
- how items roll up into measures, areas and the plan (:class:`Weighting`):
  equal weight, planned duration, or the weights written in the plan;
- whether cancelled items count, and whether items without a percent
  (nobody reported yet) count as 0 % or are left out;
- how far behind schedule an item may fall before its gauge turns amber or red.

A plan may carry its own policy (``Plan.progress_policy``, written to its
JSON); a caller may pass another to :func:`capcore.progress`. The named
presets (:data:`POLICY_PRESETS`, :meth:`ProgressPolicy.named`) are documented
in ``docs/progress.md``. Percents are exact Decimals; nothing here rounds.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from capcore._presets import named_preset, preset_name_of
from capcore.errors import CapcoreError
from capcore.progress_update import Status

__all__ = [
    "DEFAULT_POLICY",
    "POLICY_PRESETS",
    "PercentSource",
    "ProgressPolicy",
    "StatusPercents",
    "UnknownPolicyError",
    "Weighting",
]


class UnknownPolicyError(CapcoreError, ValueError):
    """A policy name that is not one of the presets (also a ValueError: a wrong argument)."""


class PercentSource(enum.StrEnum):
    """Where the percent of an activity (or a measure without activities) comes from."""

    MANUAL = "manual"
    """The percent reported in the latest update; none reported, no percent."""
    STATUS = "status"
    """The percent that the latest reported status stands for (:class:`StatusPercents`)."""
    MANUAL_OR_STATUS = "manual_or_status"
    """The reported percent; when the latest update gives none, its status's percent."""


class Weighting(enum.StrEnum):
    """How much each item weighs when items roll up into their measure, area and plan."""

    EQUAL = "equal"
    """Every activity weighs the same in its measure, every measure in its area and plan."""
    DURATION = "duration"
    """Each item weighs its planned duration in days (start to deadline, both included)."""
    EXPLICIT = "explicit"
    """Each item weighs the ``weight`` written in the plan (1 where none is written)."""


# Ints are accepted for convenience (``StatusPercents(delayed=25)``) and kept as Decimals.
_PERCENT = [attrs.validators.ge(Decimal(0)), attrs.validators.le(Decimal(100))]
_POINTS = attrs.validators.ge(Decimal(0))


@attrs.frozen
class StatusPercents:
    """The percent each reported status stands for, when a policy reads statuses.

    The defaults follow the 0/50/100 rule of earned-value management: work
    not started counts 0 %, work started but not finished 50 % (whether in
    progress, delayed or on hold), finished work 100 %. "Done" is always
    100 %, so it has no setting: a plan whose every item is done is at 100 %
    under every policy. A cancelled item counts 0 % when cancelled items are
    counted at all.

    Attributes:
        not_started: Percent of "not started".
        in_progress: Percent of "in progress".
        delayed: Percent of "delayed".
        on_hold: Percent of "on hold".
        cancelled: Percent of "cancelled".
    """

    not_started: Decimal = attrs.field(default=Decimal(0), converter=Decimal, validator=_PERCENT)
    in_progress: Decimal = attrs.field(default=Decimal(50), converter=Decimal, validator=_PERCENT)
    delayed: Decimal = attrs.field(default=Decimal(50), converter=Decimal, validator=_PERCENT)
    on_hold: Decimal = attrs.field(default=Decimal(50), converter=Decimal, validator=_PERCENT)
    cancelled: Decimal = attrs.field(default=Decimal(0), converter=Decimal, validator=_PERCENT)

    def percent(self, status: Status) -> Decimal:
        """Return the percent that ``status`` stands for (100 for "done")."""
        if status is Status.DONE:
            return Decimal(100)
        value: Decimal = getattr(self, status.value)
        return value


@attrs.frozen
class ProgressPolicy:
    """How progress is counted; see the module docstring and ``docs/progress.md``.

    Attributes:
        source: Where an item's percent comes from.
        weighting: How items weigh when they roll up.
        count_cancelled: False (the default) leaves cancelled items out of
            every percent; True counts them with their percent (by default
            0 %), so a cancelled item pulls its measure down.
        missing_as_zero: False (the default) leaves items for which the
            source finds no percent (nothing reported yet, or a report
            without the percent or status the source reads) out of the
            roll-up, so a measure, area or plan in which nothing is measured
            has no percent; True counts them as 0 %.
        status_percents: What each status stands for, for the status sources.
        amber_behind: An item this many percentage points or more behind its
            schedule is amber.
        red_behind: An item this many percentage points or more behind its
            schedule is red; at least ``amber_behind``.
    """

    source: PercentSource = PercentSource.MANUAL_OR_STATUS
    weighting: Weighting = Weighting.EQUAL
    count_cancelled: bool = False
    missing_as_zero: bool = False
    status_percents: StatusPercents = attrs.field(factory=StatusPercents)
    amber_behind: Decimal = attrs.field(default=Decimal(10), converter=Decimal, validator=_POINTS)
    red_behind: Decimal = attrs.field(default=Decimal(25), converter=Decimal, validator=_POINTS)

    def __attrs_post_init__(self) -> None:
        """Refuse a red threshold below the amber one: red must be the worse."""
        if self.red_behind < self.amber_behind:
            raise ValueError(
                f"red_behind ({self.red_behind}) must be at least amber_behind "
                f"({self.amber_behind})"
            )

    @classmethod
    def named(cls, name: str) -> ProgressPolicy:
        """Return the preset called ``name`` (see :data:`POLICY_PRESETS`).

        Raises:
            UnknownPolicyError: No preset has that name; the message lists them.
        """
        return named_preset(POLICY_PRESETS, name, "progress policy", UnknownPolicyError)

    @property
    def preset_name(self) -> str | None:
        """The name of the preset equal to this policy, or None for a custom one."""
        return preset_name_of(POLICY_PRESETS, self)


DEFAULT_POLICY = ProgressPolicy()
"""The policy used when neither the caller nor the plan gives one (the ``default`` preset)."""

POLICY_PRESETS: Mapping[str, ProgressPolicy] = MappingProxyType(
    {
        "default": DEFAULT_POLICY,
        "manual": ProgressPolicy(source=PercentSource.MANUAL),
        "status": ProgressPolicy(source=PercentSource.STATUS),
        "duration": ProgressPolicy(weighting=Weighting.DURATION),
        "weighted": ProgressPolicy(weighting=Weighting.EXPLICIT),
        "strict": ProgressPolicy(count_cancelled=True, missing_as_zero=True),
    }
)
"""The named policies, read-only, in the order the documentation gives them:

- ``default``: the reported percent, else the status's; equal weights;
  cancelled items and items without a percent left out;
- ``manual``: only the reported percents;
- ``status``: only the statuses (0/50/100);
- ``duration``: as ``default``, weighted by planned duration;
- ``weighted``: as ``default``, weighted by the weights written in the plan;
- ``strict``: as ``default``, but cancelled items count, and items without a
  percent count 0 %.
"""

"""The seed plans as capcore plans: Lovech, Pazardzhik and Smolyan.

Three real, public improvement plans of Bulgarian regional administrations,
one in each layout capcore knows, rebuilt with :class:`capcore.PlanBuilder`
from their text, copied character for character (typos included):

- :func:`lovech`: the matrix layout, 3 areas, 32 measures (15 quick wins),
  54 activities, CAF 2020 references;
- :func:`pazardzhik`: the cards layout, 12 measures (4 quick wins) with
  their project-sheet fields, budgets and deadlines as written;
- :func:`smolyan`: the list layout, 6 areas, 19 measures with a deadline and
  a responsible each.

The worked example of prioritisation (:mod:`capcore.examples._proposals`):
:func:`example_proposals` are a working group's twelve improvement
proposals, :func:`example_overrides` its one decision, and
:func:`draft_plans` the draft plan ``capcore prioritise`` draws from them.

The seed plans carry no progress; :func:`add_sample_monitoring` adds
synthetic, deterministic quarterly reports to a plan, and
:func:`monitoring_plans` gives the three seed plans with them (the files
``examples/plans/<key>-monitoring.json``).

Each function builds a new plan on every call, with fixed plan ids and ids
derived from them, so the same plan gives the same JSON every time::

    from capcore.examples import lovech
    from capcore.jsonio import dumps

    print(dumps(lovech()))
"""

from __future__ import annotations

import datetime as dt

from capcore.examples import _lovech, _pazardzhik, _smolyan
from capcore.examples._monitoring import add_sample_monitoring, quarter_ends
from capcore.examples._proposals import (
    EXAMPLE_ORGANISATION,
    EXAMPLE_TITLE,
    example_overrides,
    example_proposals,
)
from capcore.model import Period, Plan

__all__ = [
    "DRAFT_PLAN_ID",
    "SMOLYAN_REPORT_DATES",
    "add_sample_monitoring",
    "draft_plans",
    "example_overrides",
    "example_proposals",
    "lovech",
    "monitoring_plans",
    "pazardzhik",
    "quarter_ends",
    "seed_plans",
    "smolyan",
]

SMOLYAN_REPORT_DATES = quarter_ends(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
"""The Smolyan plan names no period: its sample reports are the quarter ends of 2023."""


DRAFT_PLAN_ID = "bg-example-draft-improvement-plan-2022-2023"
"""The id of the example's draft plan (:func:`draft_plans`)."""


def draft_plans() -> dict[str, Plan]:
    """Return the draft plan drawn from the example proposals, newly built.

    The proposals (:func:`example_proposals`) are prioritised by the
    ``impact-feasibility`` method with the working group's override
    (:func:`example_overrides`) and grouped by CAF criterion.

    Returns:
        The plan by key: ``"draft-from-proposals"``.
    """
    from capcore.draft_plan import draft_plan  # noqa: PLC0415 - drafts import the ranking
    from capcore.prioritisation import prioritise  # noqa: PLC0415

    result = prioritise(example_proposals(), "impact-feasibility", example_overrides())
    draft = draft_plan(
        result,
        title=EXAMPLE_TITLE,
        organisation=EXAMPLE_ORGANISATION,
        period=Period.years(2022, 2023),
        plan_id=DRAFT_PLAN_ID,
    )
    return {"draft-from-proposals": draft.plan}


def lovech() -> Plan:
    """Return the improvement plan 2022-2024 of the Lovech regional administration.

    Returns:
        A new plan with id ``bg-oa-lovech-improvement-plan-2022-2024``
        (matrix layout).
    """
    return _lovech.build()


def pazardzhik() -> Plan:
    """Return the improvement plan 2017-2018 of the Pazardzhik regional administration.

    Returns:
        A new plan with id ``bg-oa-pazardzhik-improvement-plan-2017-2018``
        (cards layout, one untitled area).
    """
    return _pazardzhik.build()


def smolyan() -> Plan:
    """Return the governance plan of the Smolyan regional administration.

    Returns:
        A new plan with id ``bg-oa-smolyan-governance-plan`` (list layout,
        no period, no CAF version).
    """
    return _smolyan.build()


def seed_plans() -> dict[str, Plan]:
    """Return all three seed plans, each newly built.

    Returns:
        The plans by key: ``"lovech"``, ``"pazardzhik"``, ``"smolyan"``, in
        that order.
    """
    return {"lovech": lovech(), "pazardzhik": pazardzhik(), "smolyan": smolyan()}


def monitoring_plans() -> dict[str, Plan]:
    """Return the seed plans with synthetic quarterly reports (:func:`add_sample_monitoring`).

    Returns:
        The plans by key: ``"lovech-monitoring"``, ``"pazardzhik-monitoring"``,
        ``"smolyan-monitoring"``, in that order. Lovech and Pazardzhik report
        at every quarter end of their periods, Smolyan at those of 2023
        (:data:`SMOLYAN_REPORT_DATES`).
    """
    return {
        "lovech-monitoring": add_sample_monitoring(lovech()),
        "pazardzhik-monitoring": add_sample_monitoring(pazardzhik()),
        "smolyan-monitoring": add_sample_monitoring(smolyan(), SMOLYAN_REPORT_DATES),
    }

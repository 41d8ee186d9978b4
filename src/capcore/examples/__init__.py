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
from capcore.model import Plan

__all__ = [
    "SMOLYAN_REPORT_DATES",
    "add_sample_monitoring",
    "lovech",
    "monitoring_plans",
    "pazardzhik",
    "quarter_ends",
    "seed_plans",
    "smolyan",
]

SMOLYAN_REPORT_DATES = quarter_ends(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
"""The Smolyan plan names no period: its sample reports are the quarter ends of 2023."""


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

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

Each function builds a new plan on every call, with fixed plan ids and ids
derived from them, so the same plan gives the same JSON every time::

    from capcore.examples import lovech
    from capcore.jsonio import dumps

    print(dumps(lovech()))
"""

from __future__ import annotations

from capcore.examples import _lovech, _pazardzhik, _smolyan
from capcore.model import Plan

__all__ = ["lovech", "pazardzhik", "seed_plans", "smolyan"]


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

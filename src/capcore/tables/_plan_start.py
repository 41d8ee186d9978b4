"""Starting a plan from the lines above its measures; the plan's id for documents without ids."""

from __future__ import annotations

from collections.abc import Iterable

from capcore.builder import PlanBuilder
from capcore.ids import derived_id
from capcore.locales import check_locale
from capcore.model import Layout
from capcore.tables._keeper import Keeper
from capcore.tables._preamble import lines_of, read_preamble
from capcore.tables.source import SourceBlock

__all__ = ["IMPORTED_PLANS", "begin_plan"]

IMPORTED_PLANS = "capcore:imported-plan"
"""The parent of the ids of plans read from documents that carry none."""


def begin_plan(  # noqa: PLR0913 - keyword-only settings of one call
    blocks: Iterable[SourceBlock],
    keeper: Keeper,
    *,
    where: str,
    layout: Layout,
    locale: str,
    plan_id: str | None,
) -> PlanBuilder:
    """Return a builder of the plan that the preamble ``blocks`` introduce.

    Lines that are neither title, subtitle, introduction, period, approval
    nor organisation are kept in the plan's ``extra`` and reported; a plan
    without a title is reported at ``where`` (where its measures begin). Without
    ``plan_id``, the id is derived from the title, organisation and period,
    so reading the same document twice gives the same ids.
    """
    check_locale(locale)  # before any reading, so a wrong option fails the same for every file
    preamble = read_preamble(lines_of(blocks))
    period = preamble.period
    years = "" if period is None else f"{period.start.year}-{period.end.year}"
    builder = PlanBuilder(
        preamble.title,
        id=plan_id
        or derived_id(IMPORTED_PLANS, f"{preamble.title}\n{preamble.organisation}\n{years}"),
        organisation=preamble.organisation,
        period=period,
        caf_version=preamble.caf_version,
        language=locale,
        layout=layout,
        subtitle=preamble.subtitle,
        introduction=preamble.introduction,
    )
    plan = builder.plan
    plan.approval = preamble.approval
    if preamble.title_location:
        keeper.locate(plan.id, preamble.title_location)
    else:
        keeper.note(where, "no title found above the plan")
    for line in preamble.unplaced:
        keeper.keep(plan, line.location, line.text, "text above the plan not understood")
    return builder

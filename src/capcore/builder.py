"""A concise, typed way for scripts to build plans.

::

    from capcore import PlanBuilder

    builder = PlanBuilder("План за подобрение", organisation="Областна администрация",
                          period=(2022, 2024), id="lovech-2022")
    area = builder.area("Управление на човешките ресурси")           # numbered 1
    measure = area.measure("Обучение", quick_win=True, caf="3.2")     # numbered 1.1
    measure.activity("Подготовка на програма", start="11.5.2022",
                     deadline="11.8.2022", responsible="Главен секретар")  # 1.1.1
    plan = builder.build()

Numbers follow the parent (``2``, ``2.1``, ``2.1.3``) unless given. Dates
may be given as :class:`datetime.date`, as :class:`Deadline`, or as the words
a plan would use (``"м. март"``, ``"постоянен"``), read by
:func:`capcore.parse_deadline` with the plan's period; budgets as a
:class:`Budget` or as text (:func:`capcore.parse_budget`); CAF references as
text (``"1.2, 2.3"``) or :class:`CafRef` values. Ids are derived from the
plan's id and the position, so the same script gives the same ids each run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeAlias, TypedDict, Unpack

from capcore.budget import Budget
from capcore.budget_parse import parse_budget
from capcore.caf import CafRef, CafVersion, parse_caf_refs
from capcore.deadline import Deadline
from capcore.deadline_parse import parse_deadline
from capcore.ids import derived_id, new_id
from capcore.indicator import Comparison, Indicator
from capcore.model import (
    Activity,
    Approval,
    Area,
    Layout,
    Measure,
    MeasureKind,
    Period,
    Plan,
    Priority,
    Roles,
    SelfAssessment,
)
from capcore.progress_update import ProgressUpdate, Status

__all__ = [
    "ActivityBuilder",
    "AreaBuilder",
    "BudgetInput",
    "CafInput",
    "DeadlineInput",
    "IndicatorFields",
    "MeasureBuilder",
    "MeasureFields",
    "PlanBuilder",
    "UpdateFields",
]

DeadlineInput: TypeAlias = str | dt.date | Deadline | None
"""A start or deadline: words as written, a date, or a ready Deadline."""
BudgetInput: TypeAlias = str | Budget | None
"""A budget: words as written, or a ready Budget."""
CafInput: TypeAlias = str | Iterable[CafRef | str] | None
"""CAF references: ``"1.2, 2.3"``, or an iterable of CafRef or text."""
PercentInput: TypeAlias = Decimal | int | str | None


class MeasureFields(TypedDict, total=False):
    """The optional arguments of :meth:`AreaBuilder.measure` and :meth:`PlanBuilder.measure`.

    ``number`` defaults to ``<area number>.<position>``; ``id`` is derived from
    the plan's id and position; ``quick_win`` is True for a quick win, False
    for a strategic measure, None (the default) when the source does not say;
    ``caf`` the CAF references; ``sponsor``, ``leader``, ``team`` and
    ``contact`` fill :class:`Roles`; ``budget`` text is read by
    :func:`capcore.parse_budget`; ``start`` and ``deadline`` by
    :func:`capcore.parse_deadline`; ``weight`` may be an int or a Decimal.
    The other keys are the :class:`Measure` fields of the same name.
    """

    number: str
    id: str
    quick_win: bool | None
    caf: CafInput
    priority: Priority | None
    sponsor: str
    leader: str
    team: str
    contact: str
    scope: str
    stakeholders: str
    strengths: str
    improvement_areas: str
    options: str
    constraints: str
    human_resources: str
    budget: BudgetInput
    expected_result: str
    start: DeadlineInput
    deadline: DeadlineInput
    weight: Decimal | int | None
    responsible: str
    supporting: str
    note: str


class IndicatorFields(TypedDict, total=False):
    """The optional arguments of the builders' ``indicator`` methods.

    The keys are the :class:`Indicator` fields of the same name; numbers may
    be given as ``int`` and become Decimals; ``id`` is derived from the
    owner's id and position by default.
    """

    id: str
    unit: str
    baseline: Decimal | int | None
    target: Decimal | int | None
    comparison: Comparison
    per_year: bool
    text: str


class UpdateFields(TypedDict, total=False):
    """The optional arguments of the builders' ``update`` methods.

    ``percent`` may be a Decimal, an int or decimal text (``"37.5"``); the
    other keys are the :class:`ProgressUpdate` fields of the same name.
    """

    status: Status | None
    percent: PercentInput
    actual_start: dt.date | None
    actual_end: dt.date | None
    note: str
    reported_by: str


class PlanBuilder:
    """Builds a :class:`Plan` step by step; see the module docstring."""

    def __init__(  # noqa: PLR0913 - one keyword per plan field is the point
        self,
        title: str,
        *,
        id: str | None = None,  # noqa: A002 - the domain's own word
        organisation: str = "",
        period: Period | tuple[int, int] | None = None,
        caf_version: CafVersion | None = CafVersion.CAF_2020,
        language: str = "bg",
        layout: Layout | None = None,
        subtitle: str = "",
        introduction: str = "",
        self_assessment: SelfAssessment | None = None,
        metadata: dict[str, str] | None = None,
    ) -> None:
        """Start a plan.

        Args:
            title: The plan's title as written.
            id: A stable id; a new random one by default. Give one in scripts
                that must produce the same ids on every run.
            organisation: The administration whose plan it is.
            period: The plan period, or ``(first_year, last_year)``.
            caf_version: The CAF edition of the self-assessment.
            language: The plan's language; ``en...`` reads dates in English.
            layout: The shape exporters use by default.
            subtitle: Lines under the title.
            introduction: Text before the measures.
            self_assessment: The self-assessment report the plan answers.
            metadata: Free metadata for embedding systems.
        """
        if isinstance(period, tuple):
            period = Period.years(*period)
        self._plan = Plan(
            title,
            id=id if id is not None else new_id(),
            organisation=organisation,
            subtitle=subtitle,
            introduction=introduction,
            period=period,
            caf_version=caf_version,
            self_assessment=self_assessment,
            language=language,
            layout=layout,
            metadata=dict(metadata or {}),
        )
        self._untitled: AreaBuilder | None = None

    @property
    def plan(self) -> Plan:
        """The plan as built so far (the same object :meth:`build` returns)."""
        return self._plan

    def approval(
        self,
        name: str,
        position: str,
        *,
        heading: str = "УТВЪРЖДАВАМ:",
        date: dt.date | None = None,
    ) -> PlanBuilder:
        """Set the approval block and return this builder."""
        self._plan.approval = Approval(name, position, heading, date)
        return self

    def area(
        self,
        title: str = "",
        *,
        number: str | None = None,
        id: str | None = None,  # noqa: A002
        description: str = "",
        weight: Decimal | int | None = None,
    ) -> AreaBuilder:
        """Add an area and return its builder.

        Args:
            title: The area's title without its number.
            number: The number; by default the count of numbered areas so far.
                An area with no title gets no number.
            id: A stable id; derived from the plan's id and position by default.
            description: Text under the area's heading.
            weight: Its weight under the explicit-weight progress policy.
        """
        areas = self._plan.areas
        if number is None:
            number = str(sum(1 for a in areas if a.number) + 1) if title else ""
        area = Area(
            title,
            number,
            id=id or derived_id(self._plan.id, f"area:{len(areas) + 1}"),
            description=description,
            weight=_decimal(weight),
        )
        areas.append(area)
        return AreaBuilder(self, area)

    def measure(self, title: str, **fields: Unpack[MeasureFields]) -> MeasureBuilder:
        """Add a measure to the plan's untitled area (made on first use).

        For plans whose source has no areas (project sheets, lists). Takes the
        same arguments as :meth:`AreaBuilder.measure`.
        """
        if self._untitled is None:
            self._untitled = self.area()
        return self._untitled.measure(title, **fields)

    def indicator(self, name: str, **fields: Unpack[IndicatorFields]) -> Indicator:
        """Add a plan-wide indicator and return it."""
        indicators = self._plan.indicators
        indicator = _indicator(self._plan.id, f"indicator:{len(indicators) + 1}", name, fields)
        indicators.append(indicator)
        return indicator

    def deadline(self, value: DeadlineInput) -> Deadline | None:
        """Return ``value`` as a Deadline, read with this plan's period and language."""
        if value is None or isinstance(value, Deadline):
            return value
        if isinstance(value, dt.date):
            return Deadline.on(value)
        locale = "en" if self._plan.language.startswith("en") else "bg"
        return parse_deadline(value, locale, period=self._plan.period)

    def build(self) -> Plan:
        """Return the plan."""
        return self._plan


class AreaBuilder:
    """Adds measures to one area; made by :meth:`PlanBuilder.area`."""

    def __init__(self, owner: PlanBuilder, area: Area) -> None:
        """Wrap ``area`` of the plan that ``owner`` builds."""
        self._owner = owner
        self.area = area
        """The area being built."""

    def measure(self, title: str, **fields: Unpack[MeasureFields]) -> MeasureBuilder:
        """Add a measure and return its builder.

        Args:
            title: The measure as written.
            **fields: The measure's other fields; see :class:`MeasureFields`.
        """
        measures = self.area.measures
        position = len(measures) + 1
        quick_win = fields.get("quick_win")
        kind = (
            None
            if quick_win is None
            else (MeasureKind.QUICK_WIN if quick_win else MeasureKind.STRATEGIC)
        )
        plan_id = self._owner.plan.id
        area_index = self._owner.plan.areas.index(self.area) + 1
        number = fields.get("number")
        budget = fields.get("budget")
        measure = Measure(
            title,
            number if number is not None else _child_number(self.area.number, position),
            id=fields.get("id") or derived_id(plan_id, f"area:{area_index}/measure:{position}"),
            kind=kind,
            caf_refs=_caf_refs(fields.get("caf")),
            priority=fields.get("priority"),
            roles=Roles(
                fields.get("sponsor", ""),
                fields.get("leader", ""),
                fields.get("team", ""),
                fields.get("contact", ""),
            ),
            scope=fields.get("scope", ""),
            stakeholders=fields.get("stakeholders", ""),
            strengths=fields.get("strengths", ""),
            improvement_areas=fields.get("improvement_areas", ""),
            options=fields.get("options", ""),
            constraints=fields.get("constraints", ""),
            human_resources=fields.get("human_resources", ""),
            budget=parse_budget(budget) if isinstance(budget, str) else budget,
            expected_result=fields.get("expected_result", ""),
            start=self._owner.deadline(fields.get("start")),
            deadline=self._owner.deadline(fields.get("deadline")),
            weight=_decimal(fields.get("weight")),
            responsible=fields.get("responsible", ""),
            supporting=fields.get("supporting", ""),
            note=fields.get("note", ""),
        )
        measures.append(measure)
        return MeasureBuilder(self._owner, measure)


class MeasureBuilder:
    """Adds activities, indicators and updates to one measure."""

    def __init__(self, owner: PlanBuilder, measure: Measure) -> None:
        """Wrap ``measure`` of the plan that ``owner`` builds."""
        self._owner = owner
        self.measure = measure
        """The measure being built."""

    def activity(  # noqa: PLR0913
        self,
        title: str,
        *,
        number: str | None = None,
        id: str | None = None,  # noqa: A002
        start: DeadlineInput = None,
        deadline: DeadlineInput = None,
        weight: Decimal | int | None = None,
        target: str = "",
        responsible: str = "",
        supporting: str = "",
        note: str = "",
    ) -> ActivityBuilder:
        """Add an activity and return its builder.

        Args:
            title: What is done.
            number: The number; by default ``<measure number>.<position>``.
            id: A stable id; derived from the measure's id and position by default.
            start: When it starts.
            deadline: When it is due.
            weight: Its weight under the explicit-weight progress policy.
            target: The target result values.
            responsible: Who is responsible.
            supporting: Who supports.
            note: The note column.
        """
        activities = self.measure.activities
        position = len(activities) + 1
        activity = Activity(
            title,
            number if number is not None else _child_number(self.measure.number, position),
            id=id or derived_id(self.measure.id, f"activity:{position}"),
            start=self._owner.deadline(start),
            deadline=self._owner.deadline(deadline),
            weight=_decimal(weight),
            target=target,
            responsible=responsible,
            supporting=supporting,
            note=note,
        )
        activities.append(activity)
        return ActivityBuilder(activity)

    def indicator(self, name: str, **fields: Unpack[IndicatorFields]) -> Indicator:
        """Add an indicator of this measure's result and return it."""
        indicators = self.measure.indicators
        indicator = _indicator(self.measure.id, f"indicator:{len(indicators) + 1}", name, fields)
        indicators.append(indicator)
        return indicator

    def update(self, on: dt.date, **fields: Unpack[UpdateFields]) -> MeasureBuilder:
        """Record a progress update on the measure itself and return this builder."""
        self.measure.updates.append(_update(on, fields))
        return self


class ActivityBuilder:
    """Records progress updates on one activity."""

    def __init__(self, activity: Activity) -> None:
        """Wrap ``activity``."""
        self.activity = activity
        """The activity being built."""

    def update(self, on: dt.date, **fields: Unpack[UpdateFields]) -> ActivityBuilder:
        """Record a progress update and return this builder."""
        self.activity.updates.append(_update(on, fields))
        return self


def _child_number(parent: str, position: int) -> str:
    return f"{parent}.{position}" if parent else str(position)


def _caf_refs(value: CafInput) -> tuple[CafRef, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return parse_caf_refs(value)
    return tuple(ref if isinstance(ref, CafRef) else CafRef.parse(ref) for ref in value)


def _update(on: dt.date, fields: UpdateFields) -> ProgressUpdate:
    percent = fields.get("percent")
    return ProgressUpdate(
        on,
        fields.get("status"),
        None if percent is None else Decimal(percent),
        actual_start=fields.get("actual_start"),
        actual_end=fields.get("actual_end"),
        note=fields.get("note", ""),
        reported_by=fields.get("reported_by", ""),
    )


def _decimal(value: Decimal | int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _indicator(owner_id: str, path: str, name: str, fields: IndicatorFields) -> Indicator:
    baseline, target = fields.get("baseline"), fields.get("target")
    return Indicator(
        name,
        id=fields.get("id") or derived_id(owner_id, path),
        unit=fields.get("unit", ""),
        baseline=None if baseline is None else Decimal(baseline),
        target=None if target is None else Decimal(target),
        comparison=fields.get("comparison", Comparison.AT_LEAST),
        per_year=fields.get("per_year", False),
        text=fields.get("text", ""),
    )

"""The plan and its parts: Plan, Area, Measure, Activity.

Entities that have a stable id (plan, area, measure, activity, indicator) are
mutable attrs classes, so importers, builders and merges can grow them in
place; everything they hold that has no identity of its own (deadlines,
budgets, roles, approval, progress updates) is a frozen value.

Every free-text field accepts any Unicode a person can type and is kept
exactly. Fields a source did not fill stay empty (``""``, None, empty list);
nothing is squeezed into a notes string. Data an importer could not place is
kept in the entity's ``extra`` mapping (source location -> text).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from capcore.budget import Budget
from capcore.caf import CafRef, CafVersion
from capcore.deadline import Deadline
from capcore.ids import new_id
from capcore.import_notes import ImportNote
from capcore.indicator import Indicator
from capcore.prioritisation_method import Prioritisation
from capcore.progress_policy import ProgressPolicy
from capcore.progress_update import ProgressUpdate

__all__ = [
    "TRANSIENT",
    "Activity",
    "Approval",
    "Area",
    "Layout",
    "Measure",
    "MeasureKind",
    "Period",
    "Plan",
    "Priority",
    "Roles",
    "SelfAssessment",
]


TRANSIENT = "capcore.transient"
"""attrs metadata key of fields that are not part of a plan's content (not in JSON)."""


class MeasureKind(enum.StrEnum):
    """Whether a measure is a quick win or a strategic (key) action."""

    QUICK_WIN = "quick_win"
    """High impact, easy, done within at most three months (CAF guidance)."""
    STRATEGIC = "strategic"
    """A longer, strategic measure."""


class Layout(enum.StrEnum):
    """The three shapes in which Bulgarian administrations write plans."""

    MATRIX = "matrix"
    """One table: measure, activity, refs, start, end, target, responsible, note (Lovech)."""
    CARDS = "cards"
    """One label/value table per measure (Pazardzhik)."""
    LIST = "list"
    """Numbered sections and items with "Срок:" and "Отговорник:" lines (Smolyan)."""


@attrs.frozen
class Period:
    """The period a plan covers, both days included.

    Attributes:
        start: The first day.
        end: The last day.
    """

    start: dt.date
    end: dt.date

    @classmethod
    def years(cls, first: int, last: int | None = None) -> Period:
        """Return the period from 1 January of ``first`` to 31 December of ``last``."""
        return cls(dt.date(first, 1, 1), dt.date(last if last is not None else first, 12, 31))

    def __contains__(self, day: object) -> bool:
        """Return True when ``day`` (a date) falls within the period."""
        return isinstance(day, dt.date) and self.start <= day <= self.end


@attrs.frozen
class Approval:
    """The approval block above a plan ("УТВЪРЖДАВАМ: ... ОБЛАСТЕН УПРАВИТЕЛ").

    Attributes:
        name: The approver's name as written (``ВИКТОР СТОЙЧЕВ``).
        position: The approver's position, line breaks kept
            (a newline between ``ОБЛАСТЕН УПРАВИТЕЛ`` and ``НА ОБЛАСТ ЛОВЕЧ``).
        heading: The approval word as written (``УТВЪРЖДАВАМ:``, ``Утвърждавам!``).
        date: The date of approval, when written.
    """

    name: str = ""
    position: str = ""
    heading: str = "УТВЪРЖДАВАМ:"
    date: dt.date | None = None


@attrs.frozen
class SelfAssessment:
    """The CAF self-assessment report that a plan answers.

    Attributes:
        title: The report's title as written.
        approved_on: The date the report was approved, when known.
        period: The period it assessed, when known.
        note: Free text.
    """

    title: str = ""
    approved_on: dt.date | None = None
    period: Period | None = None
    note: str = ""


@attrs.frozen
class Priority:
    """How a working group prioritised a measure.

    Attributes:
        impact: Impact (effectiveness) score, on the plan's scale.
        feasibility: Feasibility (ease) score.
        urgency: Urgency score, if the group scored it.
        rank: The measure's rank among all measures, 1 being first.
        note: The reasoning, as written.
    """

    impact: Decimal | None = None
    feasibility: Decimal | None = None
    urgency: Decimal | None = None
    rank: int | None = None
    note: str = ""


@attrs.frozen
class Roles:
    """Who carries a measure (the CAF project-sheet roles).

    Attributes:
        sponsor: The sponsor (СПОНСОР), usually the head of the administration.
        leader: The leader (РЪКОВОДИТЕЛ) who coordinates the measure.
        team: The team (ЕКИП) as written; sources rarely separate members
            reliably, so it is kept whole.
        contact: The contact (КОНТАКТ): an e-mail address or a person.
    """

    sponsor: str = ""
    leader: str = ""
    team: str = ""
    contact: str = ""


def _ref_tuple(refs: Iterable[CafRef]) -> tuple[CafRef, ...]:
    return tuple(refs)


def _text_dict() -> dict[str, str]:
    return {}


def _id_tuple(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(ids)


# A weight is 0 or more; weights are keyword only, so adding them moved no
# positional argument.
_WEIGHT = attrs.validators.optional(attrs.validators.ge(Decimal(0)))


@attrs.define(eq=True)
class Activity:
    """An activity (дейност) within a measure.

    Attributes:
        title: What is done.
        number: The number as written (``2.8.2``); may be irregular or repeated.
        id: Stable id.
        start: When it starts, as written.
        deadline: When it is due, as written.
        weight: How much it weighs in its measure under the explicit-weight
            progress policy (keyword only; 0 or more; None weighs 1).
        target: The target result values (Целеви стойности на резултата).
        responsible: Who is responsible, as written (may name several).
        supporting: Who supports, where the source separates them.
        note: The note column (Забележка).
        updates: Progress reports, in any order.
        extra: Source data an importer could not place (location -> text).
    """

    title: str
    number: str = ""
    id: str = attrs.field(factory=new_id)
    start: Deadline | None = None
    deadline: Deadline | None = None
    weight: Decimal | None = attrs.field(default=None, kw_only=True, validator=_WEIGHT)
    target: str = ""
    responsible: str = ""
    supporting: str = ""
    note: str = ""
    updates: list[ProgressUpdate] = attrs.field(factory=list)
    extra: dict[str, str] = attrs.field(factory=_text_dict)


@attrs.define(eq=True)
class Measure:
    """A measure (мярка): a quick win or a strategic action, with or without activities.

    A measure with no activities (the Pazardzhik and Smolyan plans) carries
    its own schedule, responsible and updates, and is itself the unit of
    progress.

    Attributes:
        title: The measure (the ДЕЙСТВИЕ of a project sheet).
        number: The number as written (``1.2``).
        id: Stable id.
        kind: Quick win or strategic; None when the source does not say.
        caf_refs: The CAF sub-criteria (or criteria, or examples) it answers.
        priority: How it was prioritised, if recorded.
        roles: Sponsor, leader, team and contact.
        scope: Scope (ОБХВАТ).
        stakeholders: Stakeholders (ЗАИНТЕРЕСОВАНИ СТРАНИ).
        strengths: Strengths to build on (СИЛНИ СТРАНИ).
        improvement_areas: Areas for improvement (ОБЛАСТИ НА ПОДОБРЕНИЕ).
        options: Options to explore (ВАРИАНТИ ЗА ПРОУЧВАНЕ).
        constraints: Constraints (ОГРАНИЧЕНИЯ).
        human_resources: Human resources needed (НЕОБХОДИМИ ЧР).
        budget: The budget, as written and read.
        expected_result: The expected result (РЕЗУЛТАТ).
        start: When it starts, as written.
        deadline: When it is due, as written.
        weight: How much it weighs in its area and plan under the
            explicit-weight progress policy (keyword only; 0 or more; None weighs 1).
        responsible: Who is responsible (Отговорник), for measures that say so.
        supporting: Who supports, where the source separates them.
        note: A note.
        activities: Its activities, in order.
        indicators: Indicators that measure its result.
        updates: Progress reports on the measure itself.
        extra: Source data an importer could not place (location -> text).
        proposal_ids: The ids of the improvement proposals it answers
            (keyword only), for coverage and traceability; a draft plan
            (:func:`capcore.draft_plan`) fills it.
    """

    title: str
    number: str = ""
    id: str = attrs.field(factory=new_id)
    kind: MeasureKind | None = None
    caf_refs: tuple[CafRef, ...] = attrs.field(default=(), converter=_ref_tuple)
    priority: Priority | None = None
    roles: Roles = attrs.field(factory=Roles)
    scope: str = ""
    stakeholders: str = ""
    strengths: str = ""
    improvement_areas: str = ""
    options: str = ""
    constraints: str = ""
    human_resources: str = ""
    budget: Budget | None = None
    expected_result: str = ""
    start: Deadline | None = None
    deadline: Deadline | None = None
    weight: Decimal | None = attrs.field(default=None, kw_only=True, validator=_WEIGHT)
    responsible: str = ""
    supporting: str = ""
    note: str = ""
    activities: list[Activity] = attrs.field(factory=list)
    indicators: list[Indicator] = attrs.field(factory=list)
    updates: list[ProgressUpdate] = attrs.field(factory=list)
    extra: dict[str, str] = attrs.field(factory=_text_dict)
    proposal_ids: tuple[str, ...] = attrs.field(default=(), converter=_id_tuple, kw_only=True)

    @property
    def is_quick_win(self) -> bool:
        """True for a quick win."""
        return self.kind is MeasureKind.QUICK_WIN


@attrs.define(eq=True)
class Area:
    """An area for improvement (Област), a section of the plan.

    A plan whose source has no areas gets one area with an empty title;
    exporters then print no area row.

    Attributes:
        title: The title without its number (``Управление на човешките ресурси``).
        number: The number as written (``2``); empty for the untitled area.
        id: Stable id.
        description: Text under the area's heading, if any.
        weight: How much it weighs in the plan under the explicit-weight
            progress policy (keyword only; 0 or more); None weighs as much as
            its measures together.
        measures: Its measures, in order.
        extra: Source data an importer could not place (location -> text).
    """

    title: str = ""
    number: str = ""
    id: str = attrs.field(factory=new_id)
    description: str = ""
    weight: Decimal | None = attrs.field(default=None, kw_only=True, validator=_WEIGHT)
    measures: list[Measure] = attrs.field(factory=list)
    extra: dict[str, str] = attrs.field(factory=_text_dict)


@attrs.define(eq=True)
class Plan:
    """An improvement plan: what an administration will do after its CAF self-assessment.

    Attributes:
        title: The plan's title as written.
        id: Stable id.
        organisation: The administration whose plan it is.
        subtitle: Lines under the title (``(изготвен в съответствие с ...)``).
        introduction: Text before the measures (a purpose statement).
        period: The period the plan covers.
        approval: The approval block.
        caf_version: The CAF edition of the self-assessment.
        self_assessment: The self-assessment report the plan answers.
        language: The language the plan is written in (BCP 47, ``bg``).
        layout: The shape the plan is written in, used by exporters by default.
        areas: The areas, in order.
        indicators: Plan-wide indicators.
        metadata: Free metadata (key -> text) for embedding systems.
        ignore_rules: Validation rule codes or prefixes that this plan's own
            file silences (``S106``, ``C1``), on top of what a caller ignores.
        progress_policy: How this plan's progress is counted, when it says
            (keyword only); None uses the default policy. A caller of
            :func:`capcore.progress` may pass another.
        prioritisation: The improvement proposals the plan was drawn from,
            with the method and the working group's overrides (keyword
            only); None for a plan not drawn up that way. A draft plan
            (:func:`capcore.draft_plan`) carries it, so writers can render
            the ranking (:func:`capcore.prioritisation_of`).
        extra: Source data an importer could not place (location -> text).
        import_notes: What the reader that made this plan reported (unplaced
            cells or paragraphs, guesses). Transient: not compared by ``==``
            and not written to JSON, since the unplaced text itself is kept
            in ``extra``.
        source_locations: Where the reader found each entity in its source
            (entity id -> ``sheet План, row 12``, ``table 1, row 5``,
            ``paragraph 34``), so that findings can point into the file a
            person has. Transient, like ``import_notes``.
    """

    title: str
    id: str = attrs.field(factory=new_id)
    organisation: str = ""
    subtitle: str = ""
    introduction: str = ""
    period: Period | None = None
    approval: Approval | None = None
    caf_version: CafVersion | None = None
    self_assessment: SelfAssessment | None = None
    language: str = "bg"
    layout: Layout | None = None
    areas: list[Area] = attrs.field(factory=list)
    indicators: list[Indicator] = attrs.field(factory=list)
    metadata: dict[str, str] = attrs.field(factory=_text_dict)
    ignore_rules: list[str] = attrs.field(factory=list)
    progress_policy: ProgressPolicy | None = attrs.field(default=None, kw_only=True)
    prioritisation: Prioritisation | None = attrs.field(default=None, kw_only=True)
    extra: dict[str, str] = attrs.field(factory=_text_dict)
    import_notes: tuple[ImportNote, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, metadata={TRANSIENT: True}
    )
    source_locations: dict[str, str] = attrs.field(
        factory=_text_dict, eq=False, repr=False, kw_only=True, metadata={TRANSIENT: True}
    )

    def measures(self) -> Iterator[Measure]:
        """Yield every measure of every area, in order."""
        for area in self.areas:
            yield from area.measures

    def activities(self) -> Iterator[Activity]:
        """Yield every activity of every measure, in order."""
        for measure in self.measures():
            yield from measure.activities

    def progress_units(self) -> Iterator[Activity | Measure]:
        """Yield what progress is reported on: every activity, and every measure without any."""
        for measure in self.measures():
            if measure.activities:
                yield from measure.activities
            else:
                yield measure

    def all_indicators(self) -> Iterator[Indicator]:
        """Yield the plan's indicators, then every measure's, in order."""
        yield from self.indicators
        for measure in self.measures():
            yield from measure.indicators

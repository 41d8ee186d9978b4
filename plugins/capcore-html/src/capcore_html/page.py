"""What the page shows, as plain values the template prints.

:func:`plan_page` turns a plan (and the progress and timeline results the
core computed for it) into a :class:`PageView`: texts already made
displayable, dates in the locale's form, one :class:`RowView` per unit of
progress (every activity, and every measure without activities). It
computes no progress: statuses, percents, gauges and the responsible units
come from :func:`capcore.progress`; this module only chooses words and
shapes for them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from capcore import Activity, Approval, Area, Measure, Period, Plan
from capcore.labels import format_date, format_percent
from capcore_html.charts import BarChart, Gantt
from capcore_html.escaping import safe_href, visible_text, visible_texts

if TYPE_CHECKING:
    from capcore_html.prioritisation_view import PrioritisationView
    from capcore_html.progress_view import SummaryView

__all__ = [
    "AreaView",
    "Fact",
    "FilterOptions",
    "Option",
    "PageView",
    "PercentView",
    "RowView",
    "StatusView",
    "plan_page",
]


@attrs.frozen
class Fact:
    """A labelled value (a header fact, a measure's detail); ``href`` when it is a safe link."""

    label: str
    value: str
    href: str | None = None


@attrs.frozen
class Option:
    """One choice of a filter: the value kept in the URL fragment and the text shown."""

    value: str
    label: str


@attrs.frozen
class FilterOptions:
    """The choices of the page's filters (each also has "all")."""

    areas: tuple[Option, ...]
    statuses: tuple[Option, ...]
    units: tuple[Option, ...]


@attrs.frozen
class StatusView:
    """A unit's status as shown: ``key`` for the filter, the label, the gauge colour, why."""

    key: str = ""
    label: str = ""
    gauge: str = "none"
    reason: str = ""


@attrs.frozen
class PercentView:
    """A percent as a bar: its width out of 100 and its text (``45,5 %``)."""

    width: str
    text: str


@attrs.frozen
class RowView:
    """One row of the plan table: a unit of progress and its measure."""

    measure_key: str
    measure_number: str
    measure_title: str
    quick_win: bool
    first: bool
    details: tuple[Fact, ...]
    activity: bool
    activity_number: str
    activity_title: str
    caf: str
    start: str
    deadline: str
    responsible: str
    status: StatusView
    units_json: str
    percent: PercentView | None


@attrs.frozen
class AreaView:
    """An area's rows; ``heading`` is empty for the untitled area of a plan without areas."""

    key: str
    heading: str
    rows: tuple[RowView, ...]


@attrs.frozen
class ApprovalView:
    """The approval block: its heading and its lines (name, position, date)."""

    heading: str
    lines: tuple[str, ...]


@attrs.frozen
class PageView:
    """Everything the template prints, already displayable."""

    locale: str
    title: str
    subtitle: str
    approval: ApprovalView | None
    facts: tuple[Fact, ...]
    introduction: str
    caption: str
    columns: tuple[str, ...]
    filters: FilterOptions
    areas: tuple[AreaView, ...]
    metadata: tuple[Fact, ...]
    summary: SummaryView | None = None
    timeline: Gantt | None = None
    charts: tuple[BarChart, ...] = ()
    prioritisation: PrioritisationView | None = None


# The measure's fields shown under "details", as attribute paths.
_DETAIL_FIELDS = (
    "roles.sponsor", "roles.leader", "roles.team", "roles.contact", "scope", "stakeholders",
    "strengths", "improvement_areas", "options", "constraints", "human_resources", "budget",
    "expected_result", "supporting", "note",
)  # fmt: skip
_ACTIVITY_DETAIL_FIELDS = ("target", "supporting", "note")
_NO_STATUS = StatusView()  # a unit the report has no status for (shared, it is immutable)


def plan_page(  # noqa: PLR0913 - the plan and the report's views, by keyword
    plan: Plan,
    words: Mapping[str, str],
    *,
    locale: str,
    as_of: dt.date,
    units: Mapping[str, StatusView] | None = None,
    unit_names: Mapping[str, tuple[str, ...]] | None = None,
    percents: Mapping[str, Decimal | None] | None = None,
) -> PageView:
    """Return the page of ``plan``: header, filters and the rows of the plan table.

    Args:
        plan: The plan.
        words: The page's words (:func:`capcore_html.words.page_words`).
        locale: ``bg`` or ``en``, for dates and numbers.
        as_of: The date progress is shown for.
        units: Each unit of progress's status, by the unit's id.
        unit_names: The responsible units each unit of progress is counted
            under, by the unit's id (for the filter).
        percents: Each unit of progress's percent, by the unit's id.
    """
    statuses = units or {}
    names = unit_names or {}
    shown_percents = percents or {}
    areas: list[AreaView] = []
    for index, area in enumerate(plan.areas, start=1):
        rows = tuple(
            _rows(
                area,
                words=words,
                statuses=statuses,
                unit_names=names,
                percents=shown_percents,
                locale=locale,
            ),
        )
        areas.append(AreaView(str(index), _area_heading(area, words), rows))
    measures = sum(len(area.measures) for area in plan.areas)
    all_rows = [row for area in areas for row in area.rows]
    return PageView(
        locale=locale,
        title=visible_text(plan.title).strip() or words["plan"],
        subtitle=visible_text(plan.subtitle),
        approval=_approval(plan.approval, locale),
        facts=tuple(_facts(plan, words, locale, as_of)),
        introduction=visible_text(plan.introduction),
        caption=words["caption"].format(measures=measures, units=len(all_rows)),
        columns=tuple(
            words[key]
            for key in (
                "measure",
                "activity",
                "caf_refs",
                "start",
                "deadline",
                "responsible",
                "status",
                "percent",
            )
        ),
        filters=_filters(areas, all_rows, statuses),
        areas=tuple(areas),
        metadata=tuple(_metadata(plan)),
    )


def _area_heading(area: Area, words: Mapping[str, str]) -> str:
    number = visible_text(area.number).strip()
    title = visible_text(area.title).strip()
    if not number and not title:
        return ""  # the untitled area of a plan whose source has none
    prefix = f"{words['area']} {number}" if number else words["area"]
    return f"{prefix}: {title}" if title else prefix


def _rows(  # noqa: PLR0913 - an area and the report's views of its units
    area: Area,
    *,
    words: Mapping[str, str],
    statuses: Mapping[str, StatusView],
    unit_names: Mapping[str, tuple[str, ...]],
    percents: Mapping[str, Decimal | None],
    locale: str,
) -> Iterator[RowView]:
    # Texts of a measure are made once and shared by its rows, and the same
    # responsible units (few distinct sets in a plan) are written to JSON once.
    units_json: dict[tuple[str, ...], str] = {}
    for measure in area.measures:
        units: Iterable[Activity | Measure] = measure.activities or [measure]
        measure_number = visible_text(measure.number)
        measure_title = visible_text(measure.title)
        caf = ", ".join(str(ref) for ref in measure.caf_refs)
        for position, unit in enumerate(units):
            details = _details(measure, words) if position == 0 else ()
            if isinstance(unit, Activity):
                number, title, start, deadline, responsible, *detail_texts = visible_texts(
                    unit.number,
                    unit.title,
                    str(unit.start or ""),
                    str(unit.deadline or ""),
                    unit.responsible,
                    *(getattr(unit, name) for name in _ACTIVITY_DETAIL_FIELDS),
                )
                details = (*details, *_activity_details(detail_texts, words))
            else:
                number = title = ""
                start, deadline, responsible = visible_texts(
                    str(unit.start or ""), str(unit.deadline or ""), unit.responsible
                )
            percent = percents.get(unit.id)
            names = unit_names.get(unit.id, ())
            if names not in units_json:
                units_json[names] = json.dumps(list(names), ensure_ascii=False)
            yield RowView(
                measure_key=measure.id,
                measure_number=measure_number,
                measure_title=measure_title,
                quick_win=measure.is_quick_win,
                first=position == 0,
                details=details,
                activity=isinstance(unit, Activity),
                activity_number=number,
                activity_title=title,
                caf=caf,
                start=start,
                deadline=deadline,
                responsible=responsible,
                status=statuses.get(unit.id, _NO_STATUS),
                units_json=units_json[names],
                percent=None if percent is None else _percent_view(percent, locale),
            )


def _details(measure: Measure, words: Mapping[str, str]) -> tuple[Fact, ...]:
    facts = []
    for path in _DETAIL_FIELDS:
        owner: object = measure
        for name in path.split("."):
            owner = getattr(owner, name)
        text = visible_text(str(owner or "")).strip()
        if text:
            href = safe_href(text) if path == "roles.contact" else None
            facts.append(Fact(words[path.rpartition(".")[2]], text, href))
    return tuple(facts)


def _activity_details(texts: Iterable[str], words: Mapping[str, str]) -> tuple[Fact, ...]:
    # ``texts`` are the activity's _ACTIVITY_DETAIL_FIELDS, in order, already visible.
    return tuple(
        Fact(words[name], text)
        for name, shown in zip(_ACTIVITY_DETAIL_FIELDS, texts, strict=True)
        if (text := shown.strip())
    )


def _approval(approval: Approval | None, locale: str) -> ApprovalView | None:
    if approval is None:
        return None
    lines = [visible_text(approval.name), visible_text(approval.position)]
    if approval.date is not None:
        lines.append(format_date(approval.date, locale))
    return ApprovalView(
        visible_text(approval.heading), tuple(line for line in lines if line.strip())
    )


def _facts(plan: Plan, words: Mapping[str, str], locale: str, as_of: dt.date) -> Iterator[Fact]:
    if organisation := visible_text(plan.organisation).strip():
        yield Fact(words["organisation"], organisation)
    if plan.period is not None:
        yield Fact(words["period"], _period(plan.period, locale))
    yield Fact(words["as_of"], format_date(as_of, locale))
    if plan.caf_version is not None:
        yield Fact(words["caf_version"], f"CAF {plan.caf_version.value}")
    if plan.self_assessment is not None and plan.self_assessment.title.strip():
        yield Fact(words["self_assessment"], visible_text(plan.self_assessment.title))


def _period(period: Period, locale: str) -> str:
    return f"{format_date(period.start, locale)} – {format_date(period.end, locale)}"


def _metadata(plan: Plan) -> Iterator[Fact]:
    for key, value in plan.metadata.items():
        text = visible_text(value)
        yield Fact(visible_text(key), text, safe_href(text))


def _filters(
    areas: Iterable[AreaView], rows: Iterable[RowView], statuses: Mapping[str, StatusView]
) -> FilterOptions:
    area_options = tuple(Option(area.key, area.heading) for area in areas if area.heading)
    seen_status: dict[str, str] = {}
    for status in statuses.values():
        if status.key:
            seen_status.setdefault(status.key, status.label)
    names: set[str] = set()
    for units_json in {row.units_json for row in rows}:  # few distinct sets of units
        names.update(json.loads(units_json))
    return FilterOptions(
        areas=area_options,
        statuses=tuple(Option(key, label) for key, label in seen_status.items()),
        units=tuple(Option(name, name) for name in sorted(names, key=str.casefold)),
    )


def _percent_view(value: Decimal, locale: str) -> PercentView:
    width = min(max(value, Decimal(0)), Decimal(100))
    return PercentView(f"{width:f}", format_percent(value, locale))

"""The progress parts of the page, rendered from :func:`capcore.progress`'s report.

Every number shown here is the report's: percents, gauges and their
reasons, the overdue and late lists, quick-win completion, indicator
attainment, totals by CAF criterion and by responsible unit, and each
item's planned window. This module only chooses words (from
:mod:`capcore.labels` and the page's own words), rounds for display with
:func:`capcore.labels.format_percent`, and lays out charts
(:mod:`capcore_html.charts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from capcore import (
    DueItem,
    DueKind,
    Gauge,
    GroupTotals,
    IndicatorAttainment,
    ItemLevel,
    ItemProgress,
    ProgressReport,
    Timeline,
)
from capcore.labels import format_date, format_percent
from capcore_html.charts import BarChart, Gantt, bar_chart, gantt
from capcore_html.escaping import visible_text
from capcore_html.page import StatusView

__all__ = [
    "NO_REPORT_KEY",
    "Count",
    "DueList",
    "IndicatorRow",
    "ProgressViews",
    "SummaryView",
    "progress_views",
]

NO_REPORT_KEY = "no_report"
"""The status filter's value for units without a report."""

_GAUGE_COUNTS = (
    (Gauge.GREEN, "on_track"),
    (Gauge.AMBER, "at_risk"),
    (Gauge.RED, "behind_or_overdue"),
)


@attrs.frozen
class Count:
    """A number in the summary, under its gauge colour."""

    key: str
    label: str
    value: int


@attrs.frozen
class DueList:
    """A list of the summary (overdue, late to start), its lines already worded."""

    title: str
    items: tuple[str, ...]


@attrs.frozen
class IndicatorRow:
    """An indicator's row: its name and its cells (baseline, target, actual, attainment)."""

    name: str
    cells: tuple[str, ...]


@attrs.frozen
class SummaryView:
    """The summary section."""

    overall: str
    expected: str
    gauge: StatusView
    counts: tuple[Count, ...]
    quick_wins: str
    quick_wins_detail: str
    lists: tuple[DueList, ...]
    indicator_headings: tuple[str, ...]
    indicators: tuple[IndicatorRow, ...]


@attrs.frozen
class ProgressViews:
    """What the page shows of a progress report."""

    statuses: dict[str, StatusView]
    unit_names: dict[str, tuple[str, ...]]
    percents: dict[str, Decimal | None]
    summary: SummaryView
    charts: tuple[BarChart, ...]
    timeline: Gantt | None


def progress_views(
    report: ProgressReport, timeline: Timeline, words: Mapping[str, str], locale: str
) -> ProgressViews:
    """Return the page's progress parts for ``report`` (the report of ``plan``).

    Args:
        report: What :func:`capcore.progress` returned for the plan.
        timeline: What :func:`capcore.timeline` returned for it (the Gantt chart).
        words: The page's words.
        locale: ``bg`` or ``en``.
    """
    units = list(report.units())
    statuses = {unit.id: _status(unit, words, locale) for unit in units}
    return ProgressViews(
        statuses=statuses,
        unit_names={unit.id: tuple(map(visible_text, unit.responsible)) for unit in units},
        percents={unit.id: unit.actual for unit in units},
        summary=_summary(report, words, locale),
        charts=(
            _group_chart(words["report_by_criterion"], report.by_criterion, words, locale),
            _group_chart(words["report_by_responsible"], report.by_responsible, words, locale),
        ),
        timeline=_timeline(timeline, words, locale),
    )


def _status(item: ItemProgress, words: Mapping[str, str], locale: str) -> StatusView:
    key = item.status.value if item.status is not None else NO_REPORT_KEY
    return StatusView(key, words[key], item.gauge.value, item.reason_text(locale))


def _gauge_view(item: ItemProgress, locale: str) -> StatusView:
    return StatusView(
        item.gauge.value, item.gauge.words(locale), item.gauge.value, item.reason_text(locale)
    )


def _summary(report: ProgressReport, words: Mapping[str, str], locale: str) -> SummaryView:
    plan = report.plan
    gauges = report.gauge_counts()
    quick = report.quick_wins
    expected = (
        f"{words['expected']}: {format_percent(plan.expected, locale)}"
        if plan.expected is not None
        else ""
    )
    detail = words["quick_wins_detail"].format(
        done=quick.done, total=quick.total, overdue=quick.overdue
    )
    return SummaryView(
        overall=format_percent(plan.actual, locale),
        expected=expected,
        gauge=_gauge_view(plan, locale),
        counts=tuple(
            Count(gauge.value, words[key], gauges[gauge.value]) for gauge, key in _GAUGE_COUNTS
        ),
        quick_wins=format_percent(quick.done_share, locale) if quick.total else "—",
        quick_wins_detail=detail if quick.total else words["no_quick_wins"],
        lists=tuple(
            DueList(title, tuple(_due_line(item, locale) for item in items))
            for title, items in (
                (words["report_overdue"], report.overdue),
                (words["report_late"], report.late_to_start),
                (words["upcoming_deadlines"], report.upcoming),
            )
            if items
        ),
        indicator_headings=(
            words["indicator"],
            words["baseline"],
            words["target"],
            words["actual_value"],
            words["attainment"],
        ),
        indicators=tuple(_indicator(indicator, locale) for indicator in report.indicators),
    )


def _due_line(item: DueItem, locale: str) -> str:
    name = " ".join(part for part in (visible_text(item.number), visible_text(item.title)) if part)
    return f"{format_date(item.on, locale)} – {name}" + (f" ({item.label})" if item.label else "")


def _number(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"


def _indicator(indicator: IndicatorAttainment, locale: str) -> IndicatorRow:
    unit = f" {visible_text(indicator.unit)}" if indicator.unit.strip() else ""
    target = _number(indicator.target) + unit if indicator.target is not None else ""
    return IndicatorRow(
        visible_text(indicator.name) or visible_text(indicator.text),
        (
            _number(indicator.baseline),
            target or visible_text(indicator.text) or "—",
            _number(indicator.actual),
            format_percent(indicator.attainment, locale),
        ),
    )


def _group_chart(
    title: str, groups: Iterable[GroupTotals], words: Mapping[str, str], locale: str
) -> BarChart:
    bars = []
    for group in groups:
        name = visible_text(group.title(locale)) or words["not_named"]
        text = format_percent(group.actual, locale)
        if group.expected is not None:
            text += f" ({words['expected']} {format_percent(group.expected, locale)})"
        gauge = (
            "red" if group.red else "amber" if group.amber else "green" if group.green else "grey"
        )
        bars.append((name, group.actual, group.expected, text, gauge))
    return bar_chart(title, bars)


def _timeline(timeline: Timeline, words: Mapping[str, str], locale: str) -> Gantt | None:
    # The chart draws the measures' rows of capcore.timeline; each measure's
    # row also carries the recurring occurrences of its activities (the
    # timeline's due dates, with whether a report covers them).
    measures = [row for row in timeline.rows if row.level is ItemLevel.MEASURE]
    measure_of = {row.id: row.parent_id for row in timeline.rows if row.level is ItemLevel.ACTIVITY}
    occurrences: dict[str, list[dt.date]] = {}
    reported: dict[str, list[dt.date]] = {}
    for due in timeline.due_dates:
        if due.kind is DueKind.OCCURRENCE:
            owner = measure_of.get(due.item_id, due.item_id)
            occurrences.setdefault(owner, []).append(due.on)
            if due.reported:
                reported.setdefault(owner, []).append(due.on)
    if timeline.months:
        first, last = timeline.months[0].first_day, timeline.months[-1].last_day
    else:  # a plan without a period: the span of its dated rows
        days = [day for row in measures for day in (row.start, row.end) if day is not None]
        if not days:
            return None
        first, last = min(days), max(days)
    as_of = timeline.as_of or first
    bars = [
        (
            " ".join(p for p in (visible_text(row.number), visible_text(row.title)) if p),
            row.start,
            row.end,
            row.quick_win,
            occurrences.get(row.id, ()),
            reported.get(row.id, ()),
        )
        for row in measures
    ]
    return gantt(
        words["timeline_heading"],
        first=first,
        last=last,
        bars=bars,
        as_of=as_of,
        as_of_label=f"{words['as_of']} {format_date(as_of, locale)}",
    )

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
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from capcore import (
    DueItem,
    Gauge,
    GroupTotals,
    IndicatorAttainment,
    ItemLevel,
    ItemProgress,
    Plan,
    ProgressReport,
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

_GAUGE_COUNTS = ((Gauge.GREEN, "on_track"), (Gauge.AMBER, "at_risk"), (Gauge.RED, "behind"))


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
    plan: Plan, report: ProgressReport, words: Mapping[str, str], locale: str
) -> ProgressViews:
    """Return the page's progress parts for ``report`` (the report of ``plan``).

    Args:
        plan: The plan the report is of.
        report: What :func:`capcore.progress` returned for it.
        words: The page's words.
        locale: ``bg`` or ``en``.
    """
    units = list(report.units())
    statuses = {unit.id: _status(unit, words, locale) for unit in units}
    return ProgressViews(
        statuses=statuses,
        unit_names={unit.id: tuple(map(visible_text, unit.responsible)) for unit in units},
        percents={unit.id: unit.actual for unit in units},
        summary=_summary(report, units, words, locale),
        charts=(
            _group_chart(words["by_criterion"], report.by_criterion, words, locale),
            _group_chart(words["by_unit"], report.by_responsible, words, locale),
        ),
        timeline=_timeline(plan, report, words, locale),
    )


def _status(item: ItemProgress, words: Mapping[str, str], locale: str) -> StatusView:
    key = item.status.value if item.status is not None else NO_REPORT_KEY
    return StatusView(key, words[key], item.gauge.value, item.reason_text(locale))


def _gauge_view(item: ItemProgress, locale: str) -> StatusView:
    return StatusView(
        item.gauge.value, item.gauge.words(locale), item.gauge.value, item.reason_text(locale)
    )


def _summary(
    report: ProgressReport, units: list[ItemProgress], words: Mapping[str, str], locale: str
) -> SummaryView:
    plan = report.plan
    # A tally of the units' gauges for the cards; the gauges are the report's.
    gauges = Counter(unit.gauge for unit in units)
    quick = report.quick_wins
    expected = (
        f"{words['expected_progress']}: {format_percent(plan.expected, locale)}"
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
        counts=tuple(Count(gauge.value, words[key], gauges[gauge]) for gauge, key in _GAUGE_COUNTS),
        quick_wins=format_percent(quick.done_share, locale) if quick.total else "—",
        quick_wins_detail=detail if quick.total else words["no_quick_wins"],
        lists=tuple(
            DueList(title, tuple(_due_line(item, locale) for item in items))
            for title, items in (
                (words["overdue_list"], report.overdue),
                (words["late_to_start_list"], report.late_to_start),
                (words["upcoming_list"], report.upcoming),
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
        name = visible_text(group.title(locale)) or words["nobody"]
        text = format_percent(group.actual, locale)
        if group.expected is not None:
            text += f" ({words['expected_short']} {format_percent(group.expected, locale)})"
        gauge = (
            "red" if group.red else "amber" if group.amber else "green" if group.green else "grey"
        )
        bars.append((name, group.actual, group.expected, text, gauge))
    return bar_chart(title, bars)


def _timeline(
    plan: Plan, report: ProgressReport, words: Mapping[str, str], locale: str
) -> Gantt | None:
    measures = list(report.of_level(ItemLevel.MEASURE))
    dated = [m for m in measures if m.start is not None and m.end is not None]
    starts = [day for day in (plan.period.start if plan.period else None,) if day] + [
        m.start for m in dated if m.start
    ]
    ends = [day for day in (plan.period.end if plan.period else None,) if day] + [
        m.end for m in dated if m.end
    ]
    if not starts or not ends:
        return None
    recurring = {count.item_id: count for count in report.recurring}
    children: dict[str, list[str]] = {}
    for item in report.items:
        if item.parent_id is not None:
            children.setdefault(item.parent_id, []).append(item.id)
    bars = []
    for measure in measures:
        # The report names the recurring occurrences no report covers, and the next one.
        occurrences: list[dt.date] = []
        for child in (*children.get(measure.id, ()), measure.id):
            count = recurring.get(child)
            if count is not None:
                occurrences += [*count.missed, *([count.next_on] if count.next_on else [])]
        name = " ".join(p for p in (visible_text(measure.number), visible_text(measure.title)) if p)
        bars.append((name, measure.start, measure.end, measure.quick_win, occurrences, ()))
    return gantt(
        words["timeline"],
        first=min(starts),
        last=max(ends),
        bars=bars,
        as_of=report.as_of,
        as_of_label=f"{words['as_of']} {format_date(report.as_of, locale)}",
    )

"""The progress sheet: the plan's progress as of a date, by area, CAF criterion and responsible.

It renders :func:`capcore.progress` and computes nothing: the report's own
numbers go into cells (percents as exact numbers shown with one decimal,
so charts and formulas can use them), gauges as their words on their
colour. Below the title and the as-of line:

- the whole plan's line, then a table by area with a native Excel bar
  chart of actual against expected progress beside it;
- tables by CAF criterion and by responsible unit;
- the quick wins' line and the overdue items.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from capcore import Gauge, GroupTotals, ItemLevel, ItemProgress, Plan, ProgressReport, progress
from capcore.labels import format_date, format_percent, label
from capcore.plan_text import numbered
from capcore_xlsx._cells import (
    SheetCells,
    XmlCell,
    landscape_page,
    row_height,
    text_lines,
)
from capcore_xlsx._styles import Look

__all__ = ["CHART_ANCHOR_COLUMN", "GAUGE_LOOKS", "write_progress"]

GAUGE_LOOKS = {
    Gauge.GREEN: Look.GAUGE_GREEN,
    Gauge.AMBER: Look.GAUGE_AMBER,
    Gauge.RED: Look.GAUGE_RED,
    Gauge.GREY: Look.GAUGE_GREY,
}
"""The look of each gauge's cell."""

CHART_ANCHOR_COLUMN = 12
"""The column (L) the chart stands in, right of the tables."""

_WIDTHS = (44.0, 9.0, 10.0, 10.0, 11.0, 10.0, 12.0, 12.0, 12.0, 16.0)
_COLUMNS = len(_WIDTHS)
_HEADERS = (
    "title",
    "column_units",
    "column_reported",
    "column_done",
    "column_overdue",
    "column_late",
    "actual",
    "expected",
    "variance",
    "column_gauge",
)


def write_progress(
    sheet: WriteOnlyWorksheet, cells: SheetCells, plan: Plan, as_of: dt.date
) -> None:
    """Write the progress of ``plan`` as of ``as_of`` on ``sheet``."""
    locale = cells.locale
    report = progress(plan, as_of=as_of)
    _prepare(sheet)
    title = report.title or label("plan", locale)
    cells.append([cells.text(title, Look.TITLE)], height=33)
    cells.merge(cells.row, 1, cells.row, _COLUMNS)
    heading = label("report_heading", locale).format(date=format_date(as_of, locale))
    policy = report.policy.preset_name or label("policy_custom", locale)
    for text in (heading, label("report_policy", locale).format(name=policy)):
        cells.append([cells.text(text, Look.TITLE_LINE)])
        cells.merge(cells.row, 1, cells.row, _COLUMNS)
    _section(cells, label("report_plan", locale))
    _header(cells)
    _row(cells, _item_cells(cells, report.plan, label("report_plan", locale)), "")
    areas = [item for item in report.items if item.level is ItemLevel.AREA]
    _section(cells, label("report_by_area", locale))
    header = _header(cells)
    for area in areas:
        name = numbered(area.number, area.title) or label("report_plan", locale)
        _row(cells, _item_cells(cells, area, name), name)
    if areas:
        _chart(sheet, header, cells.row, locale)
    for key, groups in (
        ("report_by_criterion", report.by_criterion),
        ("report_by_responsible", report.by_responsible),
    ):
        _section(cells, label(key, locale))
        _header(cells)
        for group in groups:
            _row(cells, _group_cells(cells, group), group.title(locale))
    _quick_wins(cells, report)
    _overdue(cells, report)


def _prepare(sheet: WriteOnlyWorksheet) -> None:
    landscape_page(sheet, _WIDTHS)


def _row(cells: SheetCells, row: list[XmlCell | None], name: str) -> None:
    """Append a table row as tall as its name (the first column) needs."""
    cells.append(row, height=row_height(text_lines(name, _WIDTHS[0])))


def _section(cells: SheetCells, text: str) -> None:
    cells.append([])
    cells.append([cells.text(text, Look.AREA)] + [cells.empty(Look.AREA)] * (_COLUMNS - 1))
    cells.merge(cells.row, 1, cells.row, _COLUMNS)


def _header(cells: SheetCells) -> int:
    texts = [label(key, cells.locale) for key in _HEADERS]
    texts = [text[:1].upper() + text[1:] for text in texts]
    return cells.append([cells.text(text, Look.HEADER) for text in texts], height=33)


def _percent(cells: SheetCells, value: Decimal | None) -> XmlCell:
    return cells.empty(Look.NUMBER) if value is None else cells.number(value, Look.NUMBER)


def _gauge(cells: SheetCells, gauge: Gauge) -> XmlCell:
    return cells.text(label(f"gauge_{gauge.value}", cells.locale), GAUGE_LOOKS[gauge])


def _item_cells(cells: SheetCells, item: ItemProgress, name: str) -> list[XmlCell | None]:
    return [
        cells.text(name),
        cells.number(item.units),
        cells.number(item.reported),
        cells.number(item.done),
        cells.empty(Look.NUMBER),
        cells.empty(Look.NUMBER),
        _percent(cells, item.actual),
        _percent(cells, item.expected),
        _percent(cells, item.variance),
        _gauge(cells, item.gauge),
    ]


def _group_cells(cells: SheetCells, group: GroupTotals) -> list[XmlCell | None]:
    # A group has no gauge of its own: its units' gauges are counted.
    counts = (
        (Gauge.RED, group.red),
        (Gauge.AMBER, group.amber),
        (Gauge.GREEN, group.green),
        (Gauge.GREY, group.grey),
    )
    gauges = ", ".join(
        f"{label(f'gauge_{gauge.value}', cells.locale)} {count}" for gauge, count in counts if count
    )
    return [
        cells.text(group.title(cells.locale)),
        cells.number(group.units),
        cells.number(group.reported),
        cells.number(group.done),
        cells.number(group.overdue),
        cells.number(group.late_to_start),
        _percent(cells, group.actual),
        _percent(cells, group.expected),
        _percent(cells, group.variance),
        cells.text(gauges, Look.CENTRED),
    ]


def _chart(sheet: WriteOnlyWorksheet, header: int, last: int, locale: str) -> None:
    """Add a bar chart of actual against expected progress by area."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = label("report_by_area", locale)
    chart.height = 7.5
    chart.width = 16
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.title = "%"
    target = cast("Any", sheet)  # the stubs want a normal sheet; only its title is used
    data = Reference(target, min_col=7, max_col=8, min_row=header, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(target, min_col=1, min_row=header + 1, max_row=last))
    target.add_chart(chart, f"{get_column_letter(CHART_ANCHOR_COLUMN)}{header}")


def _quick_wins(cells: SheetCells, report: ProgressReport) -> None:
    locale = cells.locale
    wins = report.quick_wins
    _section(cells, label("report_quick_wins", locale))
    line = label("report_quick_wins_line", locale).format(
        done=wins.done,
        total=wins.total,
        share=format_percent(wins.done_share, locale),
        on_time=wins.done_on_time,
        overdue=wins.overdue,
        cancelled=wins.cancelled,
        actual=format_percent(wins.actual, locale),
    )
    cells.append([cells.text(line, Look.PARAGRAPH)])
    cells.merge(cells.row, 1, cells.row, _COLUMNS)


def _overdue(cells: SheetCells, report: ProgressReport) -> None:
    locale = cells.locale
    _section(cells, label("report_overdue", locale))
    headers = ("title", "column_due", "column_days")
    cells.append([cells.text(label(key, locale), Look.HEADER) for key in headers])
    for item in report.overdue:
        name = numbered(item.number, item.title)
        _row(cells, [cells.text(name), cells.date(item.on), cells.number(item.days)], name)

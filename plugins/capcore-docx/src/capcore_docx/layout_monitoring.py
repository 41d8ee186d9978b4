"""The monitoring report: a plan's progress as of a date, as a Word document.

It renders a :class:`capcore.ProgressReport` from :func:`capcore.progress`
and computes nothing: every percent, gauge, reason, count and list is the
report's, every percent is shown through :func:`capcore.labels.format_percent`
and every word comes from :mod:`capcore.labels`, so the Word report agrees
with the text, Excel and HTML ones. In order:

- the plan's title and organisation, "Напредък към <date>" and the policy;
- the summary: the whole plan's actual, expected and variance with its
  gauge and reason, the counts, and the units by status;
- progress by area: a row per area and measure with actual, expected,
  variance, the red/amber/green gauge (a coloured cell) and its reason;
- the overdue and late-to-start lists;
- the quick wins: the summary line and a row per quick-win measure;
- the indicators' attainment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from capcore import Gauge, ItemLevel, Plan, progress
from capcore.labels import format_date, format_percent, label
from capcore.progress_gauge import days_text
from capcore.progress_report import DueItem, ItemProgress, ProgressReport
from capcore_docx.document import TABLE_STYLE
from capcore_docx.ooxml import Cell, Element, add_paragraph, add_row, add_table, run

__all__ = ["GAUGE_FILLS", "monitoring_body"]

GAUGE_FILLS = {
    Gauge.GREEN: "C6EFCE",
    Gauge.AMBER: "FFEB9C",
    Gauge.RED: "FFC7CE",
    Gauge.GREY: "EDEDED",
}
"""The background of a gauge's cell: the light green, amber, red and grey of office reports."""

_HEADER_FILL = "D9D9D9"
_ITEM_COLUMNS = ("number", "title", "actual", "expected", "variance", "gauge", "reason")
_ITEM_WIDTHS = (800, 3300, 950, 950, 950, 900, 1800)
_DUE_WIDTHS = (800, 5000, 3850)
_PAIR_WIDTHS = (4000, 5650)


def monitoring_body(plan: Plan, body: Element, locale: str, as_of: dt.date) -> None:
    """Append the progress report of ``plan`` as of ``as_of`` to ``body``."""
    _Report(progress(plan, as_of=as_of), body, locale).write()


class _Report:
    def __init__(self, report: ProgressReport, body: Element, locale: str) -> None:
        self.report = report
        self.body = body
        self.locale = locale

    def word(self, key: str, **values: object) -> str:
        return label(key, self.locale).format(**values)

    def percent(self, value: Decimal | None, *, sign: bool = False) -> str:
        return format_percent(value, self.locale, sign=sign, unit=not sign)

    def line(self, text: str, *, bold: bool = False, size: int | None = None) -> None:
        add_paragraph(self.body, run(text, bold=bold, size=size), align="center", space_after=0)

    def write(self) -> None:
        report = self.report
        self.line(report.title, bold=True, size=28)
        if report.organisation:
            self.line(report.organisation, bold=True)
        self.line(self.word("monitoring_title"), bold=True)
        self.line(
            self.word("report_heading", date=format_date(report.as_of, self.locale)), bold=True
        )
        name = report.policy.preset_name or self.word("policy_custom")
        add_paragraph(self.body, run(self.word("report_policy", name=name)), space_before=120)
        self.summary()
        self.items()
        self.due("report_overdue", report.overdue, "due_overdue")
        self.due("report_late", report.late_to_start, "due_late")
        self.quick_wins()
        self.indicators()
        add_paragraph(self.body)

    def heading(self, text: str) -> None:
        # Space above (a table may end just before) and kept with what follows.
        add_paragraph(self.body, run(text, bold=True, size=24), keep_next=True, space_before=240)

    def note(self, text: str) -> None:
        add_paragraph(self.body, run(text))

    def gauge_cell(self, gauge: Gauge) -> Cell:
        return Cell(gauge.words(self.locale), fill=GAUGE_FILLS[gauge], align="center")

    def row(self, tbl: Element, cells: Sequence[Cell], *, header: bool = False) -> None:
        add_row(tbl, cells, header=header)

    def header_row(self, tbl: Element, keys: Sequence[str]) -> None:
        cells = [
            Cell(_capital(self.word(key)), bold=True, fill=_HEADER_FILL, align="center")
            for key in keys
        ]
        self.row(tbl, cells, header=True)

    def summary(self) -> None:
        line = self.report.plan
        self.heading(self.word("report_plan"))
        counts = self.word(
            "report_counts",
            reported=line.reported,
            units=line.units,
            done=line.done,
            cancelled=line.cancelled,
        )
        tbl = add_table(self.body, _PAIR_WIDTHS, TABLE_STYLE)
        pairs = [
            (_capital(self.word("actual")), Cell(self.percent(line.actual))),
            (_capital(self.word("expected")), Cell(self.percent(line.expected))),
            (_capital(self.word("variance")), Cell(self.percent(line.variance, sign=True))),
            (self.word("gauge"), self.gauge_cell(line.gauge)),
            (self.word("reason"), Cell(line.reason_text(self.locale))),
            (self.word("report_statuses"), Cell(counts)),
        ]
        pairs += [
            (self.word(status), Cell(str(number)))
            for status, number in self.report.status_counts().items()
        ]
        for name, value in pairs:
            self.row(tbl, [Cell(name), value])

    def items(self) -> None:
        self.heading(self.word("report_items"))
        tbl = add_table(self.body, _ITEM_WIDTHS, TABLE_STYLE)
        self.header_row(tbl, _ITEM_COLUMNS)
        for item in self.report.items:
            if item.level is ItemLevel.ACTIVITY:
                continue  # by area and measure; activities are in the plan itself
            if item.level is ItemLevel.AREA and not (item.title or item.number):
                continue  # the untitled area of a plan without areas
            self.item_row(tbl, item)

    def item_row(self, tbl: Element, item: ItemProgress) -> None:
        area = item.level is ItemLevel.AREA
        cells = [
            Cell(item.number, bold=area),
            Cell(item.title, bold=area),
            Cell(self.percent(item.actual), align="right"),
            Cell(self.percent(item.expected), align="right"),
            Cell(self.percent(item.variance, sign=True), align="right"),
            self.gauge_cell(item.gauge),
            Cell(item.reason_text(self.locale)),
        ]
        self.row(tbl, cells)

    def due(self, heading: str, items: tuple[DueItem, ...], line_key: str) -> None:
        self.heading(f"{self.word(heading)} ({len(items)})")
        if not items:
            self.note(self.word("none"))
            return
        tbl = add_table(self.body, _DUE_WIDTHS, TABLE_STYLE)
        date_key = "deadline" if line_key == "due_overdue" else "start"
        self.header_row(tbl, ("number", "title", date_key))
        for item in items:
            when = self.word(
                line_key,
                date=format_date(item.on, self.locale),
                days=days_text(item.days, self.locale),
            )
            self.row(tbl, [Cell(item.number), Cell(item.title), Cell(when)])

    def quick_wins(self) -> None:
        wins = self.report.quick_wins
        self.heading(f"{self.word('report_quick_wins')} ({wins.total})")
        if not wins.total:
            self.note(self.word("none"))
            return
        summary = wins.sentence(self.locale)
        self.note(summary)
        tbl = add_table(self.body, _ITEM_WIDTHS, TABLE_STYLE)
        self.header_row(tbl, _ITEM_COLUMNS)
        for measure_id in wins.measure_ids:
            self.item_row(tbl, self.report.item(measure_id))

    def indicators(self) -> None:
        found = self.report.indicators
        self.heading(f"{self.word('report_indicators')} ({len(found)})")
        if not found:
            self.note(self.word("none"))
            return
        tbl = add_table(self.body, _PAIR_WIDTHS, TABLE_STYLE)
        self.header_row(tbl, ("indicator", "target"))
        for indicator in found:
            owner = f"{indicator.owner_number} " if indicator.owner_number else ""
            self.row(tbl, [Cell(owner + indicator.name), Cell(indicator.sentence(self.locale))])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

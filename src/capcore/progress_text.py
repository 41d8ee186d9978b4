"""The progress report as readable text, in Bulgarian or English.

:func:`render_progress` (also :meth:`ProgressReport.to_text`) renders a
finished :class:`~capcore.progress_report.ProgressReport`; it computes
nothing, and takes every word from :mod:`capcore.labels` and every percent
through :func:`capcore.labels.format_percent`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from capcore.labels import format_date, format_percent, label
from capcore.locales import check_locale
from capcore.progress_gauge import Gauge, days_text
from capcore.progress_report import NO_REPORT, ItemLevel

if TYPE_CHECKING:
    from capcore.progress_report import (
        DueItem,
        GroupTotals,
        ItemProgress,
        ProgressReport,
    )

__all__ = ["render_progress"]

_TITLE_WIDTH = 60
_INDENT = {ItemLevel.AREA: "", ItemLevel.MEASURE: "  ", ItemLevel.ACTIVITY: "    "}


def render_progress(report: ProgressReport, locale: str = "bg") -> str:
    """Return ``report`` as text in ``locale``: a summary, every item, then the lists.

    Raises:
        UnknownLocaleError: The locale is not supported.
    """
    check_locale(locale)
    return "\n".join(_Text(report, locale).lines()) + "\n"


class _Text:
    def __init__(self, report: ProgressReport, locale: str) -> None:
        self.report = report
        self.locale = locale
        self.gauge_width = max(len(gauge.words(locale)) for gauge in Gauge)

    def word(self, key: str, **values: object) -> str:
        return label(key, self.locale).format(**values)

    def percent(self, value: Decimal | None, *, sign: bool = False) -> str:
        return format_percent(value, self.locale, sign=sign, unit=not sign)

    def date(self, day: dt.date | None) -> str:
        return "—" if day is None else format_date(day, self.locale)

    def lines(self) -> Iterable[str]:
        report = self.report
        yield report.title
        if report.organisation:
            yield report.organisation
        yield self.word("report_heading", date=self.date(report.as_of))
        name = report.policy.preset_name
        yield self.word("report_policy", name=name or self.word("policy_custom"))
        yield ""
        yield from self.summary(report.plan)
        yield ""
        yield self.word("report_statuses") + ":"
        for status, number in report.status_counts().items():
            words = self.word("no_report") if status == NO_REPORT else self.word(status)
            yield f"  {words}: {number}"
        yield ""
        yield self.word("report_items") + ":"
        for item in report.items:
            if item.level is ItemLevel.AREA and not item.title and not item.number:
                continue  # the untitled area of a plan without areas has no line
            yield self.item(item)
        yield from self.due_section("report_overdue", report.overdue, "due_overdue")
        yield from self.due_section("report_late", report.late_to_start, "due_late")
        heading = self.word("report_upcoming", days=days_text(report.upcoming_days, self.locale))
        yield from self.due_section(heading, report.upcoming, "due_upcoming", raw=True)
        yield from self.quick_wins()
        yield from self.recurring()
        yield from self.indicators()
        yield from self.groups("report_by_responsible", report.by_responsible)
        yield from self.groups("report_by_criterion", report.by_criterion)

    def summary(self, plan: ItemProgress) -> Iterable[str]:
        yield (
            f"{self.word('report_plan')}: {self.word('actual')} {self.percent(plan.actual)}, "
            f"{self.word('expected')} {self.percent(plan.expected)}, "
            f"{self.word('variance')} {self.percent(plan.variance, sign=True)}"
        )
        yield f"  [{plan.gauge.words(self.locale)}] {plan.reason_text(self.locale)}"
        yield "  " + self.word(
            "report_counts",
            reported=plan.reported,
            units=plan.units,
            done=plan.done,
            cancelled=plan.cancelled,
        )

    def item(self, item: ItemProgress) -> str:
        indent = _INDENT.get(item.level, "")
        gauge = item.gauge.words(self.locale).ljust(self.gauge_width)
        head = f"{item.number} {_short(item.title)}".strip()
        if item.level is ItemLevel.AREA:
            head = f"{self.word('area')} {item.number}: {_short(item.title)}"
        numbers = f"{self.percent(item.actual)} / {self.percent(item.expected)}"
        return f"  {indent}[{gauge}] {head} — {numbers} — {item.reason_text(self.locale)}"

    def due_section(
        self, heading: str, items: tuple[DueItem, ...], line_key: str, *, raw: bool = False
    ) -> Iterable[str]:
        yield ""
        title = heading if raw else self.word(heading)
        yield f"{title} ({len(items)}):"
        if not items:
            yield f"  {self.word('none')}"
        for due in items:
            when = self.word(
                line_key, date=self.date(due.on), days=days_text(due.days, self.locale)
            )
            extra = f" ({due.label})" if due.label else ""
            yield f"  {due.number} {_short(due.title)} — {when}{extra}"

    def quick_wins(self) -> Iterable[str]:
        wins = self.report.quick_wins
        yield ""
        yield f"{self.word('report_quick_wins')} ({wins.total}):"
        if not wins.total:
            yield f"  {self.word('none')}"
            return
        yield "  " + wins.sentence(self.locale)

    def recurring(self) -> Iterable[str]:
        counts = self.report.recurring
        yield ""
        yield f"{self.word('report_recurring')} ({len(counts)}):"
        if not counts:
            yield f"  {self.word('none')}"
        for count in counts:
            line = self.word(
                "report_recurring_line",
                due=count.due,
                planned=count.planned,
                reported=count.reported,
                next=self.date(count.next_on),
            )
            yield f"  {count.number} {_short(count.title)} — {line}"

    def indicators(self) -> Iterable[str]:
        found = self.report.indicators
        yield ""
        yield f"{self.word('report_indicators')} ({len(found)}):"
        if not found:
            yield f"  {self.word('none')}"
        for indicator in found:
            owner = f"{indicator.owner_number} " if indicator.owner_number else ""
            yield f"  {owner}{_short(indicator.name)} — {indicator.sentence(self.locale)}"

    def groups(self, heading: str, groups: tuple[GroupTotals, ...]) -> Iterable[str]:
        yield ""
        yield f"{self.word(heading)} ({len(groups)}):"
        if not groups:
            yield f"  {self.word('none')}"
        for group in groups:
            line = self.word(
                "report_group_line",
                units=group.units,
                reported=group.reported,
                done=group.done,
                overdue=group.overdue,
                late=group.late_to_start,
                actual=self.percent(group.actual),
                expected=self.percent(group.expected),
            )
            yield f"  {_short(group.title(self.locale))} — {line}"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _TITLE_WIDTH else flat[: _TITLE_WIDTH - 1].rstrip() + "…"

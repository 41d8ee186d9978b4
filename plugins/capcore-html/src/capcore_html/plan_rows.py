"""The plan table's bodies, written as HTML in Python.

The table has a row per unit of progress (ten thousand in a big plan) and
a dozen texts per row. A jinja2 loop over those rows escaped every cell
through ``markupsafe`` and stepped through the template's nodes for each
of them, which took most of the page's time; here each row is one join of
already-escaped pieces (:func:`capcore_html.escaping.escaped`). The markup is
the same, character for character, as the template that wrote it before
(its tests compare the two), and the rest of the page stays in the template.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from markupsafe import Markup

from capcore_html.escaping import escaped
from capcore_html.page import AreaView, Fact, RowView

__all__ = ["table_bodies"]


def table_bodies(areas: Iterable[AreaView], words: Mapping[str, str], columns: int) -> Markup:
    """Return the plan table's ``<tbody>`` elements, one per area, as markup.

    Args:
        areas: The page's areas and their rows (:func:`capcore_html.page.plan_page`).
        words: The page's words (:func:`capcore_html.words.page_words`).
        columns: How many columns the table has (an area's heading spans them all).
    """
    row_html = _RowWriter(words)
    parts: list[str] = []
    for area in areas:
        key = escaped(area.key)
        parts.append(f'\n<tbody class="area" data-area="{key}">')
        if area.heading:
            parts.append(
                f'\n<tr class="area-row"><th scope="rowgroup" colspan="{columns}" '
                f'id="area-{key}">{escaped(area.heading)}</th></tr>'
            )
        parts.extend(map(row_html, area.rows))
        parts.append("\n</tbody>")
    return Markup("".join(parts))  # noqa: S704 - every text above went through escaped()


class _RowWriter:
    """Writes one row; holds the escaped words every row repeats."""

    def __init__(self, words: Mapping[str, str]) -> None:
        self._quick_win = f'<span class="qw">{escaped(words["quick_win_mark"])}</span>'
        self._details = f"<details><summary>{escaped(words['details'])}</summary><dl>"
        no_percent = escaped(words["no_percent"])
        self._no_percent = f'<span class="none">—<span class="sr-only"> {no_percent}</span></span>'

    def __call__(self, row: RowView) -> str:
        measure = _numbered(row.measure_number, row.measure_title) + (
            self._quick_win if row.quick_win else ""
        )
        if row.activity:
            details = self._details_html(row.details) if row.first and row.details else ""
            activity = _numbered(row.activity_number, row.activity_title)
            lead = (
                f'\n<td class="measure"><span class="measure-text">{measure}</span>{details}</td>'
                f'\n<th scope="row">{activity}</th>'
            )
        else:
            details = self._details_html(row.details) if row.details else ""
            lead = f'\n<th scope="row" colspan="2" class="measure">{measure}{details}</th>'
        continued = "" if row.first else " cont"
        quick_win = "1" if row.quick_win else "0"
        return "".join(
            (
                f'\n<tr class="unit{continued}" data-measure="{escaped(row.measure_key)}" ',
                f'data-status="{escaped(row.status.key)}" data-units="{escaped(row.units_json)}" ',
                f'data-qw="{quick_win}">',
                lead,
                f'\n<td class="nowrap">{escaped(row.caf)}</td>',
                f"\n<td>{escaped(row.start)}</td>",
                f"\n<td>{escaped(row.deadline)}</td>",
                f"\n<td>{escaped(row.responsible)}</td>",
                f"\n<td>{self._status_html(row)}</td>",
                f'\n<td class="percent">{self._percent_html(row)}</td>',
                "\n</tr>",
            )
        )

    def _details_html(self, facts: Iterable[Fact]) -> str:
        items = "".join(
            f"<dt>{escaped(fact.label)}</dt><dd>{_linked(fact.value, fact.href)}</dd>"
            for fact in facts
        )
        return f"{self._details}{items}</dl></details>"

    @staticmethod
    def _status_html(row: RowView) -> str:
        status = row.status
        if not status.key:
            return ""
        reason = f' <span class="reason">{escaped(status.reason)}</span>' if status.reason else ""
        return (
            f'<span class="gauge gauge-{escaped(status.gauge)}">{escaped(status.label)}</span>'
            f"{reason}"
        )

    def _percent_html(self, row: RowView) -> str:
        if row.percent is None:
            return self._no_percent
        return (
            '<svg class="bar" width="80" height="10" viewBox="0 0 100 10" aria-hidden="true" '
            'focusable="false"><rect class="track" width="100" height="10"/><rect class="fill" '
            f'width="{escaped(row.percent.width)}" height="10"/></svg>{escaped(row.percent.text)}'
        )


def _numbered(number: str, title: str) -> str:
    # "1.1 Title", the number in its own span (the table's CSS sets it apart).
    shown = escaped(title)
    return f'<span class="num">{escaped(number)}</span> {shown}' if number else shown


def _linked(value: str, href: str | None) -> str:
    if not href:
        return escaped(value)
    return f'<a href="{escaped(href)}" rel="noopener noreferrer">{escaped(value)}</a>'

"""The prioritisation sheet: a draft plan's proposals, ranked and placed on the matrix.

It renders :func:`capcore.prioritisation_of` and computes nothing: ranks,
scores, categories, whether a proposal is taken and the reasoning behind
each are the core's result; this module only lays them out. The sheet is
presentation only: the hidden sheet keeps the plan (and its proposals)
losslessly. Below the title and the method's line:

- the ranked table: rank, proposal number, CAF sub-criterion, text, impact,
  feasibility, score, category (quick wins on the highlight fill), taken,
  and the reasoning in words;
- the proposals by category, which are also the data of a native Excel
  scatter chart beside them (feasibility across, impact up), one series per
  category with the quick wins' series highlighted;
- the working group's overrides, always shown, with who and why;
- the proposals not taken, each with its reason.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from openpyxl.chart import Reference, ScatterChart, Series
from openpyxl.chart.axis import NumericAxis
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from capcore import Category, Override, Plan, PrioritisationResult, RankedProposal
from capcore.labels import label
from capcore.prioritisation import RANKED_TABLE_COLUMNS
from capcore.prioritisation_method import Grid  # the method's parts live there
from capcore_xlsx._cells import (
    SheetCells,
    XmlCell,
    landscape_page,
    row_height,
    text_lines,
)
from capcore_xlsx._styles import Look

__all__ = [
    "CATEGORY_COLOURS",
    "CHART_ANCHOR_COLUMN",
    "FEASIBILITY_COLUMN",
    "IMPACT_COLUMN",
    "NOT_TAKEN_MARK",
    "TAKEN_MARK",
    "write_prioritisation",
]

TAKEN_MARK = "✓"
"""What the "taken" column shows for a proposal taken into the plan."""

NOT_TAKEN_MARK = "✗"
"""What the "taken" column shows for a proposal left out (its reason is listed below)."""

IMPACT_COLUMN = 5
"""The column (E) of impact: the chart's values (up)."""

FEASIBILITY_COLUMN = 6
"""The column (F) of feasibility: the chart's x values (across)."""

CHART_ANCHOR_COLUMN = 12
"""The column (L) the chart stands in, right of the tables."""

CATEGORY_COLOURS = {
    Category.QUICK_WIN: "00A050",
    Category.KEY_ACTION: "1F4E79",
    Category.LONG_TERM: "9BC2E6",
    Category.RECONSIDER: "A6A6A6",
}
"""The marker colour of each category's series: quick wins in strong green, the rest muted."""

_QUICK_WIN_MARKER = ("diamond", 12)
_OTHER_MARKER = ("circle", 8)
_WIDTHS = (7.0, 8.0, 10.0, 50.0, 12.0, 14.0, 8.0, 17.0, 10.0, 60.0)
_COLUMNS = len(_WIDTHS)
_TEXT_COLUMN = 4
_REASONING_COLUMN = 10
_HEADERS = RANKED_TABLE_COLUMNS


def write_prioritisation(
    sheet: WriteOnlyWorksheet, cells: SheetCells, plan: Plan, result: PrioritisationResult
) -> None:
    """Write the prioritisation ``result`` of ``plan`` on ``sheet``."""
    locale = cells.locale
    _prepare(sheet)
    cells.append([cells.text(plan.title or label("plan", locale), Look.TITLE)], height=33)
    cells.merge(cells.row, 1, cells.row, _COLUMNS)
    cells.append([cells.text(label("prioritisation", locale), Look.TITLE_LINE)])
    cells.merge(cells.row, 1, cells.row, _COLUMNS)
    cells.append([cells.text(method_line(result, locale), Look.TITLE_LINE)])
    cells.merge(cells.row, 1, cells.row, _COLUMNS)
    _section(cells, label("proposals", locale))
    header = cells.append(
        [cells.text(_capital(label(key, locale)), Look.HEADER) for key in _HEADERS], height=33
    )
    for entry in result.entries:
        _ranked_row(cells, entry)
    blocks = _by_category(cells, result)
    if blocks:
        _chart(sheet, result, blocks, header, locale)
    _overrides(cells, result)
    _not_taken(cells, result)


def method_line(result: PrioritisationResult, locale: str) -> str:
    """Return the line naming the method, its scale and its matrix."""
    method = result.method
    return label("prioritisation_method_line", locale).format(
        name=method.preset_name or label("policy_custom", locale),
        low=_number(method.scale.low),
        high=_number(method.scale.high),
        grid=method.grid.value,
    )


def _prepare(sheet: WriteOnlyWorksheet) -> None:
    landscape_page(sheet, _WIDTHS)


def _section(cells: SheetCells, text: str) -> None:
    cells.append([])
    cells.append([cells.text(text, Look.AREA)] + [cells.empty(Look.AREA)] * (_COLUMNS - 1))
    cells.merge(cells.row, 1, cells.row, _COLUMNS)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _score_cell(cells: SheetCells, value: Decimal | int | None) -> XmlCell:
    # General number format (Look.CENTRED): "0.#" would show a whole score as "20.".
    return cells.empty(Look.CENTRED) if value is None else cells.number(value, Look.CENTRED)


def _category_cell(cells: SheetCells, category: Category | None) -> XmlCell:
    if category is None:
        return cells.empty(Look.CENTRED)
    look = Look.QUICK_WIN if category is Category.QUICK_WIN else Look.CENTRED
    return cells.text(label(category.value, cells.locale), look)


def _ranked_row(cells: SheetCells, entry: RankedProposal) -> None:
    proposal = entry.proposal
    reasoning = entry.reasoning_text(cells.locale)
    caf = "" if proposal.caf_ref is None else str(proposal.caf_ref)
    row = [
        _score_cell(cells, entry.rank),
        cells.text(proposal.number, Look.CENTRED),
        cells.text(caf, Look.CENTRED),
        cells.text(proposal.text),
        _score_cell(cells, proposal.impact),
        _score_cell(cells, proposal.feasibility),
        _score_cell(cells, entry.score),
        _category_cell(cells, entry.category),
        cells.text(TAKEN_MARK if entry.taken else NOT_TAKEN_MARK, Look.CENTRED),
        cells.text(reasoning),
    ]
    lines = max(
        text_lines(proposal.text, _WIDTHS[_TEXT_COLUMN - 1]),
        text_lines(reasoning, _WIDTHS[_REASONING_COLUMN - 1]),
    )
    cells.append(row, height=row_height(lines))


def _by_category(
    cells: SheetCells, result: PrioritisationResult
) -> list[tuple[Category, int, int]]:
    """Write the proposals by category; return each category's first and last row.

    Only proposals scored on both axes have a place on the matrix; the
    others are listed after the categories.
    """
    locale = cells.locale
    _section(cells, label("prioritisation_matrix", locale))
    blocks: list[tuple[Category, int, int]] = []
    for category in Category:
        placed = [entry for entry in result.in_category(category) if _on_chart(entry)]
        if not placed:
            continue
        look = Look.QUICK_WIN if category is Category.QUICK_WIN else Look.CARD_LABEL
        name = _capital(label(category.value, locale))
        cells.append(
            [cells.text(f"{name} ({len(placed)})", look)] + [cells.empty(look)] * (_COLUMNS - 1)
        )
        cells.merge(cells.row, 1, cells.row, _COLUMNS)
        first = cells.row + 1
        for entry in placed:
            _chart_row(cells, entry)
        blocks.append((category, first, cells.row))
    unplaced = [entry for entry in result.entries if not _on_chart(entry)]
    if unplaced:
        cells.append([cells.text(label("not_on_chart", locale), Look.CARD_LABEL)])
        cells.merge(cells.row, 1, cells.row, _COLUMNS)
        for entry in unplaced:
            _chart_row(cells, entry)
    return blocks


def _on_chart(entry: RankedProposal) -> bool:
    return entry.proposal.impact is not None and entry.proposal.feasibility is not None


def _chart_row(cells: SheetCells, entry: RankedProposal) -> None:
    proposal = entry.proposal
    row = [
        _score_cell(cells, entry.rank),
        cells.text(proposal.number, Look.CENTRED),
        cells.text("" if proposal.caf_ref is None else str(proposal.caf_ref), Look.CENTRED),
        cells.text(proposal.text),
        _score_cell(cells, proposal.impact),
        _score_cell(cells, proposal.feasibility),
    ]
    cells.append(row, height=row_height(text_lines(proposal.text, _WIDTHS[_TEXT_COLUMN - 1])))


def _chart(
    sheet: WriteOnlyWorksheet,
    result: PrioritisationResult,
    blocks: list[tuple[Category, int, int]],
    anchor_row: int,
    locale: str,
) -> None:
    """Add a scatter chart of the proposals: feasibility across, impact up, by category."""
    scale = result.method.scale
    chart = ScatterChart()
    chart.title = label("prioritisation_matrix", locale)
    chart.style = 13
    chart.height = 10
    chart.width = 16
    axes: tuple[tuple[NumericAxis, str], ...] = (
        # A scatter chart's x axis is numeric; the stubs allow a text axis too.
        (cast("NumericAxis", chart.x_axis), "feasibility"),
        (chart.y_axis, "impact"),
    )
    for axis, key in axes:
        axis.title = label(key, locale)
        axis.scaling.min = float(scale.low)
        axis.scaling.max = float(scale.high)
        axis.majorUnit = 1
        axis.delete = False  # openpyxl 3.1 hides axes unless told otherwise
        axis.tickLblPos = "low"  # the numbers stay at the edge wherever the axes cross
    chart.x_axis.axPos = "b"  # openpyxl puts both value axes on the left by default
    if result.method.grid is Grid.TWO_BY_TWO:
        # The 2x2 matrix splits each axis at the middle of the scale (the core's
        # Scale.middle): the axes cross there and draw the four quadrants.
        chart.x_axis.crossesAt = float(scale.middle)
        chart.y_axis.crossesAt = float(scale.middle)
    target = cast("Any", sheet)  # the stubs want a normal sheet; only its title is used
    for category, first, last in blocks:
        xs = Reference(target, min_col=FEASIBILITY_COLUMN, min_row=first, max_row=last)
        ys = Reference(target, min_col=IMPACT_COLUMN, min_row=first, max_row=last)
        series = Series(ys, xs, title=_capital(label(category.value, locale)))
        symbol, size = _QUICK_WIN_MARKER if category is Category.QUICK_WIN else _OTHER_MARKER
        colour = CATEGORY_COLOURS[category]
        series.marker.symbol = symbol
        series.marker.size = size
        series.marker.graphicalProperties.solidFill = colour
        series.marker.graphicalProperties.line.solidFill = colour
        series.graphicalProperties.line.noFill = True  # points only, no line between them
        chart.series.append(series)
    target.add_chart(chart, f"{get_column_letter(CHART_ANCHOR_COLUMN)}{anchor_row}")


def _overrides(cells: SheetCells, result: PrioritisationResult) -> None:
    locale = cells.locale
    overrides = result.overrides
    _section(cells, f"{label('override', locale)} ({len(overrides)})")
    if not overrides:
        cells.append([cells.text(label("none", locale), Look.PARAGRAPH)])
        return
    # Columns: number, who (B:C), why (D, wide), rank, decision, category (G:H), date.
    headers: tuple[str | None, ...] = ("number", "decided_by", None, "reason", "rank")
    headers += ("decision", "category", None, "decision_date")
    row = cells.append(
        [
            cells.text(_capital(label(key, locale)), Look.HEADER)
            if key
            else cells.empty(Look.HEADER)
            for key in headers
        ]
    )
    _merge_pairs(cells, row)
    for override in overrides:
        row = cells.append(
            _override_cells(cells, result, override),
            height=row_height(text_lines(override.reason, _WIDTHS[_TEXT_COLUMN - 1])),
        )
        _merge_pairs(cells, row)


def _merge_pairs(cells: SheetCells, row: int) -> None:
    cells.merge(row, 2, row, 3)
    cells.merge(row, 7, row, 8)


def _override_cells(
    cells: SheetCells, result: PrioritisationResult, override: Override
) -> list[XmlCell | None]:
    locale = cells.locale
    proposal = result.entry(override.proposal_id).proposal
    decision = "" if override.decision is None else label(override.decision.value, locale)
    return [
        cells.text(proposal.number, Look.CENTRED),
        cells.text(override.by),
        cells.empty(),
        cells.text(override.reason),
        _score_cell(cells, override.rank),
        cells.text(decision, Look.CENTRED),
        _category_cell(cells, override.category),
        cells.empty(Look.CENTRED),
        cells.empty(Look.DATE) if override.date is None else cells.date(override.date),
    ]


def _not_taken(cells: SheetCells, result: PrioritisationResult) -> None:
    locale = cells.locale
    left_out = result.not_taken()
    _section(cells, f"{label('not_taken', locale)} ({len(left_out)})")
    if not left_out:
        cells.append([cells.text(label("none", locale), Look.PARAGRAPH)])
        return
    headers = ("rank", "number", "caf_refs", "proposal", "reason")
    row = cells.append(
        [cells.text(_capital(label(key, locale)), Look.HEADER) for key in headers]
        + [cells.empty(Look.HEADER)] * (_COLUMNS - len(headers))
    )
    cells.merge(row, len(headers), row, _COLUMNS)
    for entry in left_out:
        proposal = entry.proposal
        reason = "" if entry.not_taken_reason is None else entry.not_taken_reason.text(locale)
        row = cells.append(
            [
                _score_cell(cells, entry.rank),
                cells.text(proposal.number, Look.CENTRED),
                cells.text("" if proposal.caf_ref is None else str(proposal.caf_ref), Look.CENTRED),
                cells.text(proposal.text),
                cells.text(reason),
            ]
            + [cells.empty()] * (_COLUMNS - len(headers)),
            height=row_height(text_lines(proposal.text, _WIDTHS[_TEXT_COLUMN - 1])),
        )
        cells.merge(row, len(headers), row, _COLUMNS)

"""The prioritisation part of the page, rendered from :func:`capcore.prioritisation_of`.

Ranks, scores, categories, whether a proposal is taken, the reasoning, the
working group's overrides and the reasons for leaving a proposal out are
the core's result; this module chooses words for them (from
:mod:`capcore.labels`) and lays out the matrix: an inline SVG with
feasibility across and impact up on the method's scale, one mark per
proposal scored on both axes, quick wins as larger diamonds in their own
colour. Proposals with the same two scores share a spot, so their marks sit
side by side around it; that spacing is the chart's only arithmetic.

The SVG is an image with a title and a description, and the ranked table
beside it is its text alternative. It needs no script, and its look comes
from the page's stylesheet (classes only, no ``style`` attributes), which
the page's Content-Security-Policy allows by its hash.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from capcore import Category, Override, PrioritisationResult, RankedProposal
from capcore.labels import format_date
from capcore.prioritisation import RANKED_TABLE_COLUMNS
from capcore_html.escaping import visible_text

__all__ = [
    "MATRIX_SIZE",
    "MatrixChart",
    "MatrixPoint",
    "OverrideRow",
    "PrioritisationView",
    "ProposalRow",
    "Tick",
    "prioritisation_view",
]

MATRIX_SIZE = 360
"""The side of the matrix's square plot area, in SVG units."""

_LEFT = 64
_TOP = 16
_BOTTOM = 52
_LEGEND_WIDTH = 210
_SPREAD = 14  # how far apart marks sharing a spot sit
_MOST_TICKS = 10


@attrs.frozen
class ProposalRow:
    """One row of the ranked table, already worded."""

    rank: str
    number: str
    caf: str
    text: str
    impact: str
    feasibility: str
    score: str
    category: str
    category_key: str
    taken: bool
    reasoning: str


@attrs.frozen
class Tick:
    """A scale value on an axis: where it goes and what it says."""

    at: str
    text: str


@attrs.frozen
class MatrixPoint:
    """One proposal's mark on the matrix."""

    x: str
    y: str
    label: str
    category_key: str
    quick_win: bool
    title: str


@attrs.frozen
class MatrixChart:
    """The matrix: its plot square, ticks, the lines of a 2x2 grid, the marks, the legend."""

    title: str
    description: str
    width: int
    height: int
    left: int
    top: int
    size: int
    x_label: str
    y_label: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    splits: tuple[str, ...]
    points: tuple[MatrixPoint, ...]
    legend: tuple[tuple[str, str], ...]


@attrs.frozen
class OverrideRow:
    """A working group's decision as the page lists it."""

    number: str
    by: str
    changes: str
    reason: str
    date: str


@attrs.frozen
class PrioritisationView:
    """The page's prioritisation section."""

    heading: str
    method: str
    columns: tuple[str, ...]
    rows: tuple[ProposalRow, ...]
    chart: MatrixChart | None
    overrides: tuple[OverrideRow, ...]
    not_taken: tuple[tuple[str, str, str], ...]


_COLUMNS = RANKED_TABLE_COLUMNS


def prioritisation_view(
    result: PrioritisationResult, words: Mapping[str, str], locale: str
) -> PrioritisationView:
    """Return the page's prioritisation section for ``result``.

    Args:
        result: What :func:`capcore.prioritisation_of` returned for the plan.
        words: The page's words (:func:`capcore_html.words.page_words`).
        locale: ``bg`` or ``en``.
    """
    method = result.method
    line = words["prioritisation_method_line"].format(
        name=method.preset_name or words["policy_custom"],
        low=_number(method.scale.low),
        high=_number(method.scale.high),
        grid=method.grid.value,
    )
    return PrioritisationView(
        heading=words["prioritisation"],
        method=line,
        columns=tuple(words[key] for key in _COLUMNS),
        rows=tuple(_row(entry, words, locale) for entry in result.entries),
        chart=_chart(result, words),
        overrides=tuple(
            _override(result, override, words, locale) for override in result.overrides
        ),
        not_taken=tuple(
            (
                visible_text(entry.proposal.number),
                visible_text(entry.proposal.text),
                visible_text(entry.not_taken_reason.text(locale) if entry.not_taken_reason else ""),
            )
            for entry in result.not_taken()
        ),
    )


def _number(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)


def _row(entry: RankedProposal, words: Mapping[str, str], locale: str) -> ProposalRow:
    proposal = entry.proposal
    return ProposalRow(
        rank=_number(entry.rank),
        number=visible_text(proposal.number),
        caf="" if proposal.caf_ref is None else str(proposal.caf_ref),
        text=visible_text(proposal.text),
        impact=_number(proposal.impact),
        feasibility=_number(proposal.feasibility),
        score=_number(entry.score),
        category="" if entry.category is None else words[entry.category.value],
        category_key="" if entry.category is None else entry.category.value,
        taken=entry.taken,
        reasoning=visible_text(entry.reasoning_text(locale)),
    )


def _override(
    result: PrioritisationResult, override: Override, words: Mapping[str, str], locale: str
) -> OverrideRow:
    changes = []
    if override.category is not None:
        changes.append(words[override.category.value])
    if override.rank is not None:
        changes.append(f"{words['rank']} {override.rank}")
    if override.decision is not None:
        changes.append(words[override.decision.value])
    return OverrideRow(
        number=visible_text(result.entry(override.proposal_id).proposal.number),
        by=visible_text(override.by),
        changes="; ".join(changes),
        reason=visible_text(override.reason),
        date="" if override.date is None else format_date(override.date, locale),
    )


def _chart(result: PrioritisationResult, words: Mapping[str, str]) -> MatrixChart | None:
    placed = [
        entry
        for entry in result.entries
        if entry.proposal.impact is not None and entry.proposal.feasibility is not None
    ]
    if not placed:
        return None
    scale = result.method.scale
    span = scale.high - scale.low

    def along(value: Decimal) -> Decimal:
        return (value - scale.low) / span * MATRIX_SIZE

    spots: dict[tuple[Decimal, Decimal], list[RankedProposal]] = {}
    for entry in placed:
        key = (entry.proposal.feasibility or scale.low, entry.proposal.impact or scale.low)
        spots.setdefault(key, []).append(entry)
    points = []
    for (feasibility, impact), together in spots.items():
        for index, entry in enumerate(together):
            shift = (Decimal(index) - Decimal(len(together) - 1) / 2) * _SPREAD
            points.append(_point(entry, _LEFT + along(feasibility) + shift,
                                 _TOP + MATRIX_SIZE - along(impact), words))  # fmt: skip
    # A tick at each whole step of a short scale (1-5), at tenths of a long one (0-100).
    step = Decimal(1) if span <= _MOST_TICKS else span / _MOST_TICKS
    ticks = []
    value = scale.low
    while value <= scale.high:
        ticks.append((value, along(value)))
        value += step
    splits = tuple(along(limit) for limit in scale.band_limits(result.method.grid))
    shown = [category for category in Category if result.in_category(category)]
    return MatrixChart(
        title=words["prioritisation_matrix"],
        description=words["prioritisation_matrix_description"].format(count=len(placed)),
        width=_LEFT + MATRIX_SIZE + 24 + _LEGEND_WIDTH,
        height=_TOP + MATRIX_SIZE + _BOTTOM,
        left=_LEFT,
        top=_TOP,
        size=MATRIX_SIZE,
        x_label=words["feasibility"],
        y_label=words["impact"],
        x_ticks=tuple(Tick(f"{_LEFT + at:.1f}", _number(v)) for v, at in ticks),
        y_ticks=tuple(Tick(f"{_TOP + MATRIX_SIZE - at:.1f}", _number(v)) for v, at in ticks),
        splits=tuple(f"{split:.1f}" for split in splits),
        points=tuple(points),
        legend=tuple((category.value, _capital(words[category.value])) for category in shown),
    )


def _point(entry: RankedProposal, x: Decimal, y: Decimal, words: Mapping[str, str]) -> MatrixPoint:
    proposal = entry.proposal
    category = "" if entry.category is None else words[entry.category.value]
    title = (
        f"{visible_text(proposal.number)} {visible_text(proposal.text)}: "
        f"{words['impact']} {_number(proposal.impact)}, "
        f"{words['feasibility']} {_number(proposal.feasibility)}"
    )
    return MatrixPoint(
        x=f"{x:.1f}",
        y=f"{y:.1f}",
        label=visible_text(proposal.number) or _number(entry.rank),
        category_key="" if entry.category is None else entry.category.value,
        quick_win=entry.category is Category.QUICK_WIN,
        title=f"{title} ({category})" if category else title,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

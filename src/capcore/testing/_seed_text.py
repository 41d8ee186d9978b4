"""What the seed-shaped documents share: cells, paragraphs, the lines above a plan."""

from __future__ import annotations

from collections.abc import Iterable

from capcore.model import Plan
from capcore.tables.source import SourceCell, SourceParagraph

__all__ = ["cell", "numbered", "paragraphs", "preamble"]


def cell(text: str, location: str, *, continues: bool = False, span: int = 1) -> SourceCell:
    """Return a cell, continuing a merge from above when ``continues``."""
    return SourceCell(text, location, continues_above=continues, span=span)


def paragraphs(lines: Iterable[str], first: int = 1) -> list[SourceParagraph]:
    """Return one paragraph per line, located ``paragraph N``."""
    return [
        SourceParagraph(line, f"paragraph {number}")
        for number, line in enumerate(lines, start=first)
    ]


def preamble(plan: Plan, *, english: bool) -> tuple[str, ...]:
    """Return the lines above a plan: approval block, title, period line, subtitle."""
    lines: list[str] = []
    if plan.approval is not None:
        lines += [plan.approval.heading, plan.approval.name, *plan.approval.position.splitlines()]
    lines.append(plan.title)
    if plan.period is not None:
        first, last = plan.period.start.year, plan.period.end.year
        lines.append(
            f"for the period {first}-{last}" if english else f"за периода {first}-{last} г."
        )
    lines += plan.subtitle.splitlines()
    return tuple(line for line in lines if line)


def numbered(number: str, title: str) -> str:
    """Return ``number. title``, or the title alone when there is no number."""
    return f"{number}. {title}" if number else title

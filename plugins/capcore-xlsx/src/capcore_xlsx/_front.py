"""The block above every plan sheet: approval, title, period, subtitle, introduction.

As the seed documents have it: the approval block at the top right
(``УТВЪРЖДАВАМ:``, the name, the position over several lines, the date),
then the title centred in bold, the period (``за периода 2022-2024 г.``), the
subtitle and the introduction. The organisation gets a line of its own only
when the title does not already name it. Each line's row key names the plan
field it shows, so that a person's edit of the title is read back.
"""

from __future__ import annotations

import datetime as dt

import attrs

from capcore import Plan
from capcore.plan_text import period_line
from capcore_xlsx._cells import SheetCells, row_height, text_lines
from capcore_xlsx._keys import LAYOUT_KEY, RowKey, RowKind
from capcore_xlsx._styles import Look

__all__ = ["APPROVAL_COLUMNS", "FrontLine", "front_lines", "write_front"]

APPROVAL_COLUMNS = 3
"""How many of the rightmost visible columns the approval block spans."""


@attrs.frozen
class FrontLine:
    """One row of the block above the table.

    Attributes:
        field: The plan field the row shows (``title``, ``approval.name``),
            or None for a row that is not read back (the period, a spacer).
        value: The text or date shown.
        look: How it looks.
        approval: True for the approval block at the right.
    """

    field: str | None
    value: str | dt.date
    look: Look
    approval: bool = False


def front_lines(plan: Plan, locale: str) -> list[FrontLine]:
    """Return the rows of the block above the table, a spacer row last."""
    lines: list[FrontLine] = []
    approval = plan.approval
    if approval is not None:
        lines += [
            FrontLine(f"approval.{field}", getattr(approval, field), Look.APPROVAL, True)
            for field in ("heading", "name", "position")
        ]
        if approval.date is not None:
            lines.append(FrontLine("approval.date", approval.date, Look.APPROVAL_DATE, True))
        lines.append(FrontLine(None, "", Look.PARAGRAPH))
    if plan.organisation and plan.organisation.casefold() not in plan.title.casefold():
        lines.append(FrontLine("organisation", plan.organisation, Look.TITLE_LINE))
    lines.append(FrontLine("title", plan.title, Look.TITLE))
    if plan.period is not None:
        lines.append(FrontLine(None, period_line(plan.period, locale), Look.TITLE_LINE))
    if plan.subtitle:
        lines.append(FrontLine("subtitle", plan.subtitle, Look.TITLE_LINE))
    if plan.introduction:
        lines.append(FrontLine("introduction", plan.introduction, Look.PARAGRAPH))
    lines.append(FrontLine(None, "", Look.PARAGRAPH))
    return lines


def write_front(cells: SheetCells, lines: list[FrontLine], widths: list[float]) -> None:
    """Append ``lines`` to a sheet whose visible columns have ``widths``."""
    columns = len(widths)
    approval_start = columns - APPROVAL_COLUMNS + 1
    for line in lines:
        start = approval_start if line.approval else 1
        width = sum(widths[start - 1 :])
        key = RowKey(RowKind.PLAN, line.field) if line.field else LAYOUT_KEY
        if isinstance(line.value, dt.date):
            cell = cells.date(line.value, line.look)
            height = None
        elif line.value:
            cell = cells.text(line.value, line.look)
            extra = 1 if line.look is Look.TITLE else 0  # the larger font
            height = row_height(text_lines(line.value, width) + extra)
        else:
            cell = None
            height = None
        row = [None] * (start - 1) + [cell] + [None] * (columns - start)
        number = cells.append([*row, *key.cells(cells)], height=height)
        if cell is not None:
            cells.merge(number, start, number, columns)

"""Excel write and read of a large synthetic plan, as ratios to raw openpyxl and pandas.

Baselines, measured in the same run on the same cells:

- **write**: capcore's whole workbook (plan sheet, timeline, progress sheet,
  hidden copy) against raw openpyxl in write-only mode writing exactly the
  cells capcore wrote (their values, fonts, borders, fills, alignments and
  number formats: each combination defined once as a named style and given
  to each cell by name, openpyxl's way of formatting many cells alike),
  against the same values unstyled (openpyxl's floor), and
  against pandas ``DataFrame.to_excel`` of the plan table alone (the values
  of the plan sheet's rows);
- **read**: ``capcore.read`` of its own workbook against raw openpyxl
  read-only iteration over every cell of the same workbook: as written (the
  plan sheet's fingerprint shows nobody edited it, so only the hidden copy
  is read), and after another program saved it (openpyxl here, as Excel or
  LibreOffice would: the plan sheet is read in full and checked for edits);
- **real-world read**: ``capcore.read`` of a workbook shaped as
  administrations write plans (title rows, merged area rows, merged measure
  cells, another column order; no hidden copy) against raw openpyxl
  read-only iteration over the same workbook.

Goals (issue 10): write at most 1.3x raw openpyxl; the whole workbook faster
than pandas' plan table; read at most 1.3x raw iteration. Prints the
ratios; asserts nothing. Run: ``.venv/bin/python benchmarks/bench_xlsx.py [ACTIVITIES]``.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import NamedStyle
from openpyxl.worksheet.cell_range import MultiCellRange

import capcore
from capcore import Plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_json import best_of, synthetic_plan

AS_OF = dt.date(2022, 9, 1)

# A cell's font, border, fill, alignment and number format.
_Look = tuple[Any, Any, Any, Any, str]


def capcore_write(plan: Plan) -> bytes:
    """Return capcore's workbook of ``plan``."""
    out = io.BytesIO()
    capcore.write(plan, out, "xlsx", as_of=AS_OF)
    return out.getvalue()


@attrs.frozen
class StyledCells:
    """The cells capcore wrote, as a raw-openpyxl program would hold them.

    Attributes:
        looks: Each distinct combination of font, border, fill, alignment
            and number format the cells use, once (shared style objects).
        sheets: Each sheet's title -> its rows and merged ranges; a cell is
            ``(value, index into looks)``, or None for no cell.
    """

    looks: list[_Look]
    sheets: dict[str, tuple[list[list[tuple[Any, int] | None]], list[str]]]


def styled_cells(data: bytes) -> StyledCells:
    """Return each sheet's cells (value and look) and merged ranges, as written.

    Equal style objects are one shared object, and each combination of them
    one look, as a program that defines its styles once per kind of cell
    (header, text, date, ...) holds them.
    """
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    shared: dict[Any, Any] = {}
    looks: dict[_Look, int] = {}

    def one(style: Any) -> Any:  # noqa: ANN401 - any of openpyxl's style objects
        plain = copy.copy(style)
        return shared.setdefault(plain, plain)

    def look(cell: Any) -> int:  # noqa: ANN401 - a cell of a loaded sheet
        key = (
            one(cell.font),
            one(cell.border),
            one(cell.fill),
            one(cell.alignment),
            cell.number_format,
        )
        return looks.setdefault(key, len(looks))

    sheets = {}
    for sheet in workbook.worksheets:
        rows = [
            [
                None if cell.value is None and not cell.has_style else (cell.value, look(cell))
                for cell in row
            ]
            for row in sheet.iter_rows()
        ]
        sheets[sheet.title] = (rows, [str(merged) for merged in sheet.merged_cells.ranges])
    return StyledCells(list(looks), sheets)


def raw_openpyxl_write(cells: StyledCells) -> bytes:
    """Write the same styled cells with raw openpyxl in write-only mode.

    Each look is defined once as a named style, openpyxl's way of applying
    one formatting to many cells (assigning the style objects to each cell
    would hash all of them on every cell: ten times slower); each cell then
    gets its look by name.
    """
    workbook = openpyxl.Workbook(write_only=True)
    names = []
    for index, (font, border, fill, alignment, number_format) in enumerate(cells.looks):
        style = NamedStyle(
            f"look {index}",
            font=font,
            border=border,
            fill=fill,
            alignment=alignment,
            number_format=number_format,
        )
        workbook.add_named_style(style)
        names.append(style.name)
    for title, (rows, merged) in cells.sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            written = []
            for item in row:
                if item is None:
                    written.append(None)
                    continue
                value, look = item
                cell = WriteOnlyCell(sheet, value)
                if isinstance(value, str):
                    cell.data_type = "s"
                cell.style = names[look]
                written.append(cell)
            sheet.append(written)
        sheet.merged_cells = MultiCellRange(merged)  # type: ignore[attr-defined]
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def raw_openpyxl_values(cells: StyledCells) -> bytes:
    """Write the same values with raw openpyxl in write-only mode, unstyled (its floor)."""
    workbook = openpyxl.Workbook(write_only=True)
    for title, (rows, _) in cells.sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([item[0] if item is not None else None for item in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def plan_table(data: bytes) -> pd.DataFrame:
    """Return the plan sheet's table rows (below its header) as a DataFrame."""
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = [row[:11] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    header = next(index for index, row in enumerate(rows) if row[1] and row[4] and row[9])
    return pd.DataFrame(rows[header + 2 :], columns=[str(name) for name in rows[header]])


def pandas_write(frame: pd.DataFrame) -> bytes:
    """Write the plan table with pandas (openpyxl engine)."""
    out = io.BytesIO()
    frame.to_excel(out, index=False, engine="openpyxl")
    return out.getvalue()


def raw_openpyxl_read(data: bytes) -> int:
    """Iterate every cell of every sheet with openpyxl in read-only mode."""
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            count += len(row)
    workbook.close()
    return count


def real_world_workbook(plan: Plan) -> bytes:
    """Return ``plan`` as administrations lay it out: no hidden copy, no keys, own order."""
    workbook = openpyxl.Workbook()
    sheet = workbook.create_sheet("План", 0)
    sheet.append(["УТВЪРЖДАВАМ:"])
    sheet.append([plan.title])
    sheet.append([])
    sheet.append(
        ["Мярка", "Дейност", "Срок", "Начало", "Отговорник", "Очакван резултат", "Забележка"]
    )
    sheet.append([f"{number}." for number in range(1, 8)])
    for area in plan.areas:
        sheet.append([f"Област {area.number}: {area.title}"])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=7
        )
        for measure in area.measures:
            first = sheet.max_row + 1
            for index, activity in enumerate(measure.activities):
                sheet.append(
                    [
                        f"{measure.number}. {measure.title}" if index == 0 else None,
                        f"{activity.number}. {activity.title}",
                        activity.deadline.text if activity.deadline else None,
                        activity.start.text if activity.start else None,
                        activity.responsible,
                        activity.target,
                        activity.note or None,
                    ]
                )
            if sheet.max_row > first:
                sheet.merge_cells(
                    start_row=first, start_column=1, end_row=sheet.max_row, end_column=1
                )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> None:
    """Measure and print the ratios."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    plan = synthetic_plan(size).build()
    ours = capcore_write(plan)
    sheets = styled_cells(ours)
    frame = plan_table(ours)
    foreign = real_world_workbook(plan)
    resaved_workbook = openpyxl.load_workbook(io.BytesIO(ours))
    resaved_out = io.BytesIO()
    resaved_workbook.save(resaved_out)
    resaved = resaved_out.getvalue()
    cells = sum(
        len([c for c in row if c is not None]) for rows, _ in sheets.sheets.values() for row in rows
    )
    runs = 3
    write = best_of(runs, lambda: capcore_write(plan))
    # What the two report sheets ask of the core, which the plugin only renders.
    reports = best_of(
        runs,
        lambda: (capcore.progress(plan, as_of=AS_OF), capcore.timeline(plan, as_of=AS_OF)),
    )
    raw_write = best_of(runs, lambda: raw_openpyxl_write(sheets))
    raw_values = best_of(runs, lambda: raw_openpyxl_values(sheets))
    pandas = best_of(runs, lambda: pandas_write(frame))
    read = best_of(runs, lambda: capcore.read(io.BytesIO(ours), "xlsx"))
    raw_read = best_of(runs, lambda: raw_openpyxl_read(ours))
    edited_read = best_of(runs, lambda: capcore.read(io.BytesIO(resaved), "xlsx"))
    edited_raw = best_of(runs, lambda: raw_openpyxl_read(resaved))
    foreign_read = best_of(runs, lambda: capcore.read(io.BytesIO(foreign), "xlsx"))
    foreign_raw = best_of(runs, lambda: raw_openpyxl_read(foreign))
    print(f"{size} activities, {cells} cells written, workbook of {len(ours):,} bytes")
    print(
        f"write  {write:.2f}s = {write / raw_write:.2f}x raw openpyxl write-only ({raw_write:.2f}s)"
    )
    print(f"       = {write / raw_values:.2f}x the same values unstyled ({raw_values:.2f}s)")
    print(f"       = {write / pandas:.2f}x pandas to_excel of the plan table ({pandas:.2f}s)")
    print(
        f"       of which the core's progress and timeline {reports:.2f}s; the rest "
        f"{(write - reports) / pandas:.2f}x pandas"
    )
    print(f"read   {read:.2f}s = {read / raw_read:.2f}x raw openpyxl read-only ({raw_read:.2f}s)")
    print(
        f"       saved again by another program {edited_read:.2f}s = "
        f"{edited_read / edited_raw:.2f}x raw openpyxl read-only ({edited_raw:.2f}s)"
    )
    print(
        f"real-world read {foreign_read:.2f}s = {foreign_read / foreign_raw:.2f}x "
        f"raw openpyxl read-only ({foreign_raw:.2f}s)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()

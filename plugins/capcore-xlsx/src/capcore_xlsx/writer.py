"""The writer of the ``xlsx`` format: a workbook a head of directorate can work in.

The workbook has, in order:

- the plan sheet (``План``), in the matrix shape of the Lovech plan
  (:mod:`capcore_xlsx._matrix`) or, with ``layout="cards"``, one block per
  measure with the Pazardzhik fields (:mod:`capcore_xlsx._cards`);
- the timeline sheet (``График``): a Gantt chart by month over the plan
  period, with recurring occurrences and the as-of month marked
  (:mod:`capcore_xlsx._timeline`);
- the progress sheet (``Напредък``): progress by area, by CAF criterion
  and by responsible unit as of a date, with a native bar chart
  (:mod:`capcore_xlsx._progress`);
- for a draft plan drawn from improvement proposals
  (:attr:`capcore.Plan.prioritisation`), the prioritisation sheet
  (``Приоритизация``): the ranked proposals, their categories and a native
  scatter chart of the matrix (:mod:`capcore_xlsx._prioritisation`);
- the very hidden sheet ``capcore`` with the whole plan
  (:mod:`capcore_xlsx._embedded`), so that reading the workbook back loses
  nothing and a person's edits in the visible cells win.

openpyxl (write-only mode) makes the workbook: the looks, registered once
(:mod:`capcore_xlsx._styles`), column widths, frozen panes, merges,
validations, data bars, the chart and the package. The rows of the sheets
are serialised by :mod:`capcore_xlsx._cells` (every text cell an inline
string, never a formula) and put into the saved package by
:mod:`capcore_xlsx._package`: openpyxl's own cells cost five times more. A
failure part-way closes openpyxl's open sheet writers; capcore gives the
writer a temporary file or a memory buffer and replaces the target only
when it returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from capcore import Layout, Plan
from capcore.labels import label
from capcore.prioritisation import prioritisation_of
from capcore_xlsx._cards import write_cards
from capcore_xlsx._cells import SheetCells
from capcore_xlsx._embedded import EmbeddedCopy, embedded_text, write_embedded
from capcore_xlsx._matrix import write_matrix
from capcore_xlsx._package import SheetRows, insert_sheet_data
from capcore_xlsx._prioritisation import write_prioritisation
from capcore_xlsx._progress import write_progress
from capcore_xlsx._styles import Styles
from capcore_xlsx._timeline import write_timeline

__all__ = ["DATE_FORMATS", "LAYOUTS", "write"]

LAYOUTS = ("matrix", "cards")
"""The layouts of the plan sheet."""

DATE_FORMATS = {"bg": "d.m.yyyy", "en": "yyyy-mm-dd"}
"""How date cells are shown, by locale (``14.3.2022`` as Bulgarian plans write dates)."""


def write(
    plan: Plan,
    stream: BinaryIO,
    /,
    *,
    layout: str | None = None,
    locale: str = "bg",
    as_of: dt.date | None = None,
) -> None:
    """Write ``plan`` to ``stream`` as an Excel workbook (the format's writer).

    Args:
        plan: The plan.
        stream: The binary stream capcore opened.
        layout: ``matrix`` or ``cards``; by default the plan's own layout
            when it is cards, else matrix.
        locale: The labels' language, ``bg`` or ``en``.
        as_of: The date the progress sheet and the timeline's marker speak
            for; by default today.
    """
    chosen = layout or ("cards" if plan.layout is Layout.CARDS else "matrix")
    workbook = Workbook(write_only=True)
    try:
        sheets = _fill(workbook, plan, chosen, locale, as_of)
    except BaseException:
        _abandon(workbook)
        raise
    workbook.properties.creator = "capcore"
    saved = io.BytesIO()
    workbook.save(saved)
    rows = {cells.sheet.title: SheetRows(cells.sheet_data(), cells.dimension()) for cells in sheets}
    stream.write(insert_sheet_data(saved.getvalue(), rows))


def _fill(
    workbook: Workbook, plan: Plan, chosen: str, locale: str, as_of: dt.date | None
) -> list[SheetCells]:
    """Make every sheet; return their cells, whose rows go into the saved package."""
    name = label("sheet_plan", locale)
    sheet = workbook.create_sheet(name)
    styles = Styles(sheet, date_format=DATE_FORMATS[locale])
    plan_cells = SheetCells(sheet, styles, locale)
    (write_cards if chosen == "cards" else write_matrix)(sheet, plan_cells, plan)
    day = as_of or dt.datetime.now(dt.UTC).date()
    made = [plan_cells]
    for key, render in (("sheet_timeline", write_timeline), ("sheet_progress", write_progress)):
        cells = SheetCells(workbook.create_sheet(label(key, locale)), styles, locale)
        render(cells.sheet, cells, plan, day)
        made.append(cells)
    result = prioritisation_of(plan)
    if result is not None:  # a draft plan drawn from proposals: its matrix too
        cells = SheetCells(workbook.create_sheet(label("prioritisation", locale)), styles, locale)
        write_prioritisation(cells.sheet, cells, plan, result)
        made.append(cells)
    for cells in made:
        cells.finish()
    fingerprint = hashlib.sha256(plan_cells.sheet_data()).hexdigest()
    copy = EmbeddedCopy(chosen, name, locale, embedded_text(plan), fingerprint)
    return [*made, write_embedded(workbook, styles, copy)]


def _abandon(workbook: Workbook) -> None:
    """Close the sheets of a workbook that will not be saved.

    A write-only sheet streams its rows into a temporary file through open
    XML writers; left open, they fail noisily when garbage-collected. openpyxl
    deletes the temporary files when the program ends.
    """
    for sheet in workbook.worksheets:
        if isinstance(sheet, WriteOnlyWorksheet) and not sheet.closed:
            with contextlib.suppress(Exception):  # the first failure is the one to report
                sheet.close()

"""Helpers shared by the xlsx tests: write a plan, open the result, look at its parts."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
from openpyxl.workbook.workbook import Workbook

import capcore
from capcore import Plan

AS_OF = dt.date(2022, 9, 1)
FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")


def xlsx_bytes(plan: Plan, **options: object) -> bytes:
    out = io.BytesIO()
    options.setdefault("as_of", AS_OF)
    capcore.write(plan, out, format="xlsx", **options)
    return out.getvalue()


def open_xlsx(data: bytes) -> Workbook:
    """Open a workbook as a person's spreadsheet program would: every cell, styles, merges."""
    return openpyxl.load_workbook(io.BytesIO(data))


def read_xlsx(data: bytes, **options: object) -> Plan:
    return capcore.read(io.BytesIO(data), "xlsx", **options)


def save(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def sheet_parts(data: bytes) -> dict[str, bytes]:
    """Every worksheet part of the package, by its path."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: package.read(name)
            for name in package.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        }


def counts(plan: Plan) -> tuple[int, int, int, int]:
    """Areas, measures, activities and quick wins of a plan."""
    measures = list(plan.measures())
    return (
        len(plan.areas),
        len(measures),
        len(list(plan.activities())),
        sum(measure.is_quick_win for measure in measures),
    )

"""The ``xlsx`` format's table reader: a workbook's sheets as the core's format-free tables.

The core reads tables that are not plans (a working group's improvement
proposals, :func:`capcore.read_proposals`) through
:attr:`capcore.FormatSpec.table_reader`. Each worksheet becomes one
:class:`capcore.SourceTable`, built by the same cell extraction as the
reader of workbooks administrations already have
(:func:`capcore_xlsx._foreign.source_rows`: merged ranges, date cells,
locations such as ``Предложения!C4``). The same checks guard the bytes as
for reading a plan.
"""

from __future__ import annotations

import io
import warnings
from typing import BinaryIO

from capcore import (
    DEFAULT_PACKAGE_LIMITS,
    PlanFormatError,
    SourceBlock,
    SourceTable,
    check_package,
    read_limited,
)
from capcore_xlsx.reader import KIND, LIBRARY_ERRORS

__all__ = ["read_source_tables"]


def read_source_tables(stream: BinaryIO, /, *, name: str) -> list[SourceBlock]:
    """Return every worksheet of a workbook as one source table, in sheet order.

    Args:
        stream: The binary stream capcore opened.
        name: The file's name, for messages.

    Raises:
        PlanFormatError: The file is not a sane workbook.
    """
    data = read_limited(stream, source=name, limit=DEFAULT_PACKAGE_LIMITS.max_file_bytes)
    check_package(data, source=name, kind=KIND, required=("xl/workbook.xml",))
    try:
        with warnings.catch_warnings():
            # As in the reader: openpyxl warns about parts it does not keep.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            return _tables(data)
    except LIBRARY_ERRORS as error:
        raise PlanFormatError(
            name, "", f"not a readable Excel workbook ({type(error).__name__}: {error})"
        ) from error


def _tables(data: bytes) -> list[SourceBlock]:
    from openpyxl import load_workbook  # noqa: PLC0415 - openpyxl loads only when reading

    from capcore_xlsx._cells import read_values  # noqa: PLC0415
    from capcore_xlsx._foreign import source_rows  # noqa: PLC0415
    from capcore_xlsx._package import merged_ranges, sheet_parts  # noqa: PLC0415

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        parts = sheet_parts(data)
        tables: list[SourceBlock] = []
        # A read-only workbook lists its chart sheets apart: these all hold cells.
        for worksheet in workbook.worksheets:
            worksheet.reset_dimensions()  # every row, whatever the stored dimension says
            part = parts.get(worksheet.title)
            merges = merged_ranges(data, part) if part else []
            rows = list(source_rows(read_values(worksheet), merges, worksheet.title))
            tables.append(SourceTable(rows, f"sheet {worksheet.title}"))
        return tables
    finally:
        workbook.close()

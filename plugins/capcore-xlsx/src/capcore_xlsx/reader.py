"""The reader of the ``xlsx`` format: capcore's own workbooks and the ones administrations have.

Untrusted bytes are checked before openpyxl sees them
(:func:`capcore.check_package`: zip bombs, entity declarations, encrypted or
binary Office files, not a zip), and openpyxl parses XML through defusedxml.
Every exception openpyxl raises on a malformed file is turned into a
:class:`capcore.PlanFormatError` naming the file here, at the boundary.

A workbook with capcore's hidden sheet is read from it, with what a person
edited in the visible cells (:mod:`capcore_xlsx._own`); any other workbook is
read from the table on its first (or the named) sheet by the core's table
readers (:mod:`capcore_xlsx._foreign`).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import warnings
import zipfile
import zlib
from typing import BinaryIO

from capcore import Plan, PlanFormatError, check_package, package_limits, read_limited
from capcore_xlsx import DEFAULT_MAX_CELLS

__all__ = ["KIND", "LIBRARY_ERRORS", "VISIBLE_COLUMNS", "read"]

KIND = "an Excel workbook (.xlsx)"
"""What the messages call the file the reader expects."""

VISIBLE_COLUMNS = {"matrix": 11, "cards": 8}
"""How many columns of capcore's plan sheet are visible, by layout (the key columns follow)."""

# openpyxl parses XML with defusedxml when it is installed and this is not "False".
os.environ.setdefault("OPENPYXL_DEFUSEDXML", "True")

LIBRARY_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    OSError,
    EOFError,
    SyntaxError,
)
"""What openpyxl and the zip and XML libraries under it raise on a malformed file.

defusedxml's refusals are ValueErrors, XML syntax errors SyntaxErrors.
"""


def read(  # noqa: PLR0913 - the reader's keyword options
    stream: BinaryIO,
    /,
    *,
    name: str,
    sheet: str | None = None,
    embedded: bool = True,
    edited_on: dt.date | None = None,
    max_cells: int = DEFAULT_MAX_CELLS,
    max_file_bytes: int | None = None,
    max_part_bytes: int | None = None,
    max_total_bytes: int | None = None,
) -> Plan:
    """Read a plan from an Excel workbook (the format's reader).

    Args:
        stream: The binary stream capcore opened.
        name: The file's name, for messages.
        sheet: The sheet holding the plan in a workbook capcore did not
            write; by default the first.
        embedded: Whether to use the hidden copy of a workbook capcore wrote;
            False reads its visible table alone, as any other workbook.
        edited_on: The date of status and percent cells: in a workbook
            capcore wrote, the date of the edits read from them (by default
            the date it was last saved); in another workbook, the date its
            status and percent columns speak for (without it they are kept
            in ``extra`` and reported, not guessed).
        max_cells: The most cells the plan sheet of a workbook capcore did
            not write may hold (:data:`capcore_xlsx.DEFAULT_MAX_CELLS`).
        max_file_bytes: The package limits (:func:`capcore.package_limits`);
            None keeps :data:`capcore.DEFAULT_PACKAGE_LIMITS`.
        max_part_bytes: See ``max_file_bytes``.
        max_total_bytes: See ``max_file_bytes``.

    Raises:
        PlanFormatError: The file is not a sane workbook, or holds no plan.
    """
    limits = package_limits(
        max_file_bytes=max_file_bytes,
        max_part_bytes=max_part_bytes,
        max_total_bytes=max_total_bytes,
    )
    data = read_limited(stream, source=name, limit=limits.max_file_bytes)
    check_package(data, source=name, kind=KIND, required=("xl/workbook.xml",), limits=limits)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about parts it does not keep (extensions, slicers): the
            # reader never writes the workbook back, so nothing is lost to anyone.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            return _read_workbook(
                data,
                name,
                sheet=sheet,
                embedded=embedded,
                edited_on=edited_on,
                max_cells=max_cells,
            )
    except LIBRARY_ERRORS as error:
        raise PlanFormatError(
            name, "", f"not a readable Excel workbook ({type(error).__name__}: {error})"
        ) from error


def _read_workbook(  # noqa: PLR0913 - the reader's keyword options
    data: bytes,
    name: str,
    *,
    sheet: str | None,
    embedded: bool,
    edited_on: dt.date | None,
    max_cells: int,
) -> Plan:
    from openpyxl import load_workbook  # noqa: PLC0415 - openpyxl loads only when reading

    from capcore_xlsx._embedded import read_embedded  # noqa: PLC0415
    from capcore_xlsx._foreign import read_foreign  # noqa: PLC0415
    from capcore_xlsx._own import read_own  # noqa: PLC0415

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        copy = read_embedded(workbook, name)
        if copy is not None and embedded:
            return read_own(workbook, data, copy, name, edited_on=edited_on)
        # capcore's own plan sheet read as any table: without its hidden key columns.
        width = VISIBLE_COLUMNS.get(copy.layout) if copy is not None else None
        sheet = copy.sheet if copy is not None and sheet is None else sheet
        return read_foreign(
            workbook, data, name, sheet=sheet, as_of=edited_on, columns=width, max_cells=max_cells
        )
    finally:
        workbook.close()

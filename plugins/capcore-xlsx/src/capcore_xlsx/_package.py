"""The package level: where a sheet's part is, its merged cells, and putting rows in.

**Reading.** openpyxl reads merged ranges only when it loads a whole sheet into memory,
which is several times slower than streaming it; the table readers need
them (area rows merged across, measure cells merged down). A sheet's merged
ranges are one short ``<mergeCells>`` element after its cells, so they are
read here from the package directly: the sheet's part is found through
``xl/workbook.xml`` and its relationships, and only the ``<mergeCells>``
fragment at its end is parsed.

The package has passed :func:`capcore.check_package` first, so no part
declares a document type (no entity can expand) and no part inflates beyond
the limits.

**Writing.** openpyxl writes each of capcore's sheets with an empty
``sheetData`` element (everything else of the sheet is openpyxl's);
:func:`insert_sheet_data` then puts the rows that
:class:`capcore_xlsx._cells.SheetCells` serialised in its place, with the
``dimension`` element that says which cells the sheet uses (without it,
openpyxl's read-only mode parses a whole sheet to look for one), copying the
package's other parts unchanged.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from xml.etree import ElementTree as ET

import attrs
from openpyxl.worksheet.cell_range import CellRange

__all__ = [
    "SheetRows",
    "cell_count",
    "insert_sheet_data",
    "merged_ranges",
    "sheet_data",
    "sheet_parts",
]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MERGE_CELL = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=[\"']([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)[\"']"
)
_MERGE_CELLS_START = re.compile(rb"<(?:\w+:)?mergeCells\b")
# A cell element (<c r="A1">, <x:c>, <c/>), not <col>, <cols> or <cfRule>.
_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")
_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")
_SHEET_VIEWS = re.compile(rb"<sheetViews\b")
_SHEET_DATA = re.compile(
    rb"<(?:\w+:)?sheetData\s*/>|<(?:\w+:)?sheetData\b.*?</(?:\w+:)?sheetData>", re.DOTALL
)


@attrs.frozen
class SheetRows:
    """The rows capcore serialised for one sheet.

    Attributes:
        data: The ``<sheetData>`` element, UTF-8 encoded.
        dimension: The range the rows cover (``A1:M120``).
    """

    data: bytes
    dimension: str


def sheet_parts(data: bytes) -> dict[str, str]:
    """Return each sheet's name and the path of its part in the package."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        workbook = ET.fromstring(package.read("xl/workbook.xml"))  # noqa: S314 - no DTD, see above
        try:
            rels = ET.fromstring(package.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
        except KeyError:
            return {}
    targets = {rel.get("Id", ""): rel.get("Target", "") for rel in rels.iter(_PACKAGE_RELS)}
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIP, ""), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            parts[sheet.get("name", "")] = posixpath.normpath(path)
    return parts


def merged_ranges(data: bytes, part: str) -> list[CellRange]:
    """Return the merged ranges of the sheet stored in ``part`` (none if it has none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        try:
            xml = package.read(part)
        except KeyError:
            return []
    found = _MERGE_CELLS_START.search(xml, max(0, xml.rfind(b"</sheetData>")))
    if found is None:
        return []
    ranges = []
    for match in _MERGE_CELL.finditer(xml, found.start()):
        cell_range = CellRange(match.group(1).decode("ascii").upper())
        ranges.append(cell_range)
    return ranges


def cell_count(data: bytes, part: str) -> int:
    """Return how many cells the sheet stored in ``part`` holds, counted in its XML.

    Counting the elements is a scan of bytes, far faster than letting
    openpyxl build the cells, so a sheet with too many is refused first.
    """
    return len(_CELL.findall(sheet_data(data, part)))


def sheet_data(data: bytes, part: str) -> bytes:
    """Return the ``sheetData`` element of the sheet stored in ``part`` (empty if none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        try:
            xml = package.read(part)
        except KeyError:
            return b""
    found = _SHEET_DATA.search(xml)
    return found.group() if found else b""


def insert_sheet_data(package: bytes, rows: dict[str, SheetRows]) -> bytes:
    """Return ``package`` with the empty ``sheetData`` of each named sheet replaced.

    Args:
        package: The workbook openpyxl saved.
        rows: Sheet name -> its rows.

    Raises:
        ValueError: A named sheet is missing or its rows are not empty.
    """
    parts = sheet_parts(package)
    replacements = {parts[name]: data for name, data in rows.items()}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename in replacements:
                empty = _EMPTY_SHEET_DATA.search(content)
                views = _SHEET_VIEWS.search(content)
                if empty is None or views is None:
                    raise ValueError(f"{info.filename} is not an empty openpyxl sheet")
                sheet = replacements.pop(info.filename)
                dimension = f'<dimension ref="{sheet.dimension}"/>'.encode("ascii")
                content = b"".join(
                    (
                        content[: views.start()],
                        dimension,
                        content[views.start() : empty.start()],
                        sheet.data,
                        content[empty.end() :],
                    )
                )
            target.writestr(info.filename, content)
    if replacements:
        raise ValueError(f"no part {', '.join(replacements)} in the package")
    return out.getvalue()

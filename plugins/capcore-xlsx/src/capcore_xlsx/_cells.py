"""Cells as capcore writes and reads them: always text, escaped, within Excel's limit.

Three rules hold for every text cell capcore writes:

- **Text stays text.** Every text cell is an inline string (``t="inlineStr"``),
  never a formula (``<f>``) or an error value, whatever it starts with; text
  starting with ``=``, ``+``, ``-`` or ``@`` also gets ``quotePrefix``, so
  Excel and LibreOffice keep it as text when a person edits the cell.
- **Any character survives.** Characters XML cannot hold (most C0 controls,
  U+FFFE, U+FFFF) are written with the reversible ``_xHHHH_`` escape of
  ECMA-376 (:func:`capcore.escape_xml_text`), which Excel and LibreOffice
  show as the character itself.
- **Excel's limit of 32,767 characters a cell** (counted after escaping) is
  never broken and nothing is truncated silently: a longer text shows its
  beginning followed by a mark (``… [съкратено: още 12345 знака]``), and
  the workbook's hidden copy keeps the whole text. Reading the workbook back
  gives the whole text when the mark is still there; if a person edited
  the beginning, their edit is joined to the rest of the text.

**Why the rows are serialised here.** openpyxl spends about 20 µs on each
cell it writes (a cell object, type checks, an lxml element), five times
what the XML itself costs, and writes every non-ASCII character as a
numeric reference (``&#1052;``), doubling the size of Cyrillic sheets and
slowing every later reading. So :class:`SheetCells` writes the ``sheetData``
of capcore's sheets itself, in UTF-8, with the style ids openpyxl gave the
looks (:mod:`capcore_xlsx._styles`); openpyxl writes everything else
(styles, column widths, frozen panes, merges, validations, conditional
formats, charts, the workbook) and :mod:`capcore_xlsx._package` puts the
rows into its sheets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cache
from typing import Any, Protocol, TypeAlias, cast

from openpyxl.cell.read_only import EmptyCell, ReadOnlyCell
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidationList
from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.page import PageMargins, PrintOptions, PrintPageSetup
from openpyxl.worksheet.properties import PageSetupProperties, WorksheetProperties

from capcore import escape_xml_text, needs_xml_escape, unescape_xml_text
from capcore.labels import LABELS, label
from capcore_xlsx._styles import Look, Styles

__all__ = [
    "CELL_LIMIT",
    "FIRST_EXCEL_DAY",
    "FORMULA_STARTS",
    "LINE_HEIGHT",
    "ReadRow",
    "SheetCells",
    "SheetParts",
    "XmlCell",
    "cell_text",
    "date_text",
    "landscape_page",
    "parts",
    "read_cell_text",
    "read_rows",
    "read_values",
    "row_height",
    "text_lines",
]

CELL_LIMIT = 32_767
"""The most characters an Excel cell holds."""

FORMULA_STARTS = ("=", "+", "-", "@")
"""What a text starts with that spreadsheets would otherwise read as a formula."""

FIRST_EXCEL_DAY = dt.date(1900, 3, 1)
"""The first day Excel's calendar counts right (it has a 29 February 1900)."""

LINE_HEIGHT = 15.0
"""The height in points of one line of 11-point text."""

# Day 0 of Excel's serial dates, counted right from 1 March 1900 on.
_EXCEL_DAY_ZERO = dt.date(1899, 12, 30)

XmlCell: TypeAlias = str
"""One cell ready for a row: its ``<c>`` element after ``<c r="`` and the address."""

# openpyxl's reader of shared strings (files saved by Excel or LibreOffice)
# drops every "x005F_", half-undoing the escape of an underscore.
_MANGLED_ESCAPE = "x005F_"
_MAX_ROW_HEIGHT = 409.0  # Excel's largest row height
# Times New Roman fits about 1.2 Cyrillic letters in the width of one digit,
# the unit of column widths.
_LETTERS_PER_WIDTH = 1.2
_XML_SPECIAL = re.compile("[&<>]")
# Anything that needs more than copying: XML's specials, what escape_xml_text
# escapes (controls, surrogates, U+FFFE/U+FFFF, and underscores, which may
# start an escape), and the characters that start a formula.
_PLAIN_TEXT = re.compile("[^&<>\x00-\x1f_\ud800-\udfff\ufffe\uffff]*")
_XML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def cell_text(text: str, locale: str) -> str:
    """Return what a cell holds for ``text``: escaped, and cut with a mark when too long."""
    escaped = escape_xml_text(text)
    if len(escaped) <= CELL_LIMIT:
        return escaped
    keep = CELL_LIMIT - len(_cut_mark(len(text), locale))
    while True:
        head = escape_xml_text(text[:keep])
        mark = _cut_mark(len(text) - keep, locale)
        excess = len(head) + len(mark) - CELL_LIMIT
        if excess <= 0:
            return head + mark
        keep -= excess  # escaping only lengthens text, so this always ends


def date_text(day: dt.date) -> str:
    """Return a day as a text cell shows it when Excel cannot hold it as a date (``1.3.1899``)."""
    return f"{day.day}.{day.month}.{day.year}"


def _cut_mark(count: int, locale: str) -> str:
    return label("text_cut", locale).format(count=count)


@cache
def _cut_mark_pattern() -> re.Pattern[str]:
    marks: list[str] = []
    for words in LABELS.values():
        before, _, after = words["text_cut"].partition("{count}")
        marks.append(f"{re.escape(before)}(?P<count{len(marks)}>[0-9]+){re.escape(after)}")
    return re.compile(f"(?:{'|'.join(marks)})$")


def read_cell_text(value: object, before: str | None) -> tuple[str, bool]:
    """Return the text a cell holds and whether it is what capcore wrote for ``before``.

    Args:
        value: The cell's value as openpyxl reads it (text, number, date or None).
        before: The text capcore wrote the cell from (the whole text, before
            escaping and cutting), or None for a cell it did not write.

    Returns:
        ``(before, True)`` when the cell still shows what was written for it
        (in either locale); otherwise the text the cell now holds, unescaped
        (a cut text's edited beginning joined to the rest of ``before``),
        and False.
    """
    if value is None or value == "":
        return "", not before
    raw = value if isinstance(value, str) else _number_text(value)
    if raw == before and len(raw) <= CELL_LIMIT and not needs_xml_escape(raw):
        return before, True  # nearly every cell: written as it was
    if before is not None:
        for locale in LABELS:
            written = cell_text(before, locale)
            if raw in {written, written.replace(_MANGLED_ESCAPE, "")}:
                return before, True
        cut = _cut_mark_pattern().search(raw)
        if cut is not None:
            count = int(next(group for group in cut.groups() if group is not None))
            if count <= len(before):
                return unescape_xml_text(raw[: cut.start()]) + before[len(before) - count :], False
    return unescape_xml_text(raw), False


def _number_text(value: object) -> str:
    # A person typed a number or a date into a text cell; keep what it shows.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value)


def text_lines(text: str, width: float) -> int:
    """Return how many lines ``text`` takes wrapped in a column ``width`` characters wide."""
    per_line = max(1, int(width * _LETTERS_PER_WIDTH) - 1)
    if "\n" not in text:  # nearly every cell: one paragraph
        return max(1, -(-len(text) // per_line))
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))


def row_height(lines: int) -> float:
    """Return the height of a row of ``lines`` lines, within Excel's limit."""
    return min(_MAX_ROW_HEIGHT, max(1, lines) * LINE_HEIGHT + 3)


ReadRow: TypeAlias = tuple[ReadOnlyCell | EmptyCell, ...]
"""One row of a sheet opened read-only: its cells from column A (ragged)."""


def read_rows(sheet: ReadOnlyWorksheet) -> Iterator[ReadRow]:
    """Yield every row of a read-only sheet, from the first, empty rows included."""
    # The stubs type iter_rows for normal sheets only; read-only rows hold these cells.
    rows: Iterator[ReadRow] = cast("Any", sheet).iter_rows()
    return rows


def read_values(sheet: ReadOnlyWorksheet) -> Iterator[tuple[object, ...]]:
    """Yield every row's values of a read-only sheet (no cell objects: faster)."""
    rows: Iterator[tuple[object, ...]] = cast("Any", sheet).iter_rows(values_only=True)
    return rows


class SheetParts(Protocol):
    """The parts of openpyxl's write-only sheet that capcore sets.

    openpyxl gives a write-only sheet the same parts as a normal one when it
    makes it, but its type stubs list none of them; :func:`parts` tells the
    type checker they are there.
    """

    column_dimensions: DimensionHolder[str, ColumnDimension]
    merged_cells: MultiCellRange
    auto_filter: AutoFilter
    page_setup: PrintPageSetup
    page_margins: PageMargins
    print_options: PrintOptions
    sheet_properties: WorksheetProperties
    data_validations: DataValidationList
    conditional_formatting: ConditionalFormattingList


def parts(sheet: WriteOnlyWorksheet) -> SheetParts:
    """Return ``sheet`` typed with the parts openpyxl gives it at run time."""
    return cast("SheetParts", sheet)


def landscape_page(
    sheet: WriteOnlyWorksheet, widths: Sequence[float], *, grid_lines: bool = False
) -> None:
    """Set the column widths and print ``sheet`` on A4 landscape, one page wide.

    Every sheet capcore writes prints this way, as the seed plans do; a
    write-only sheet needs it before its first row.
    """
    page = parts(sheet)
    for number, width in enumerate(widths, start=1):
        page.column_dimensions[get_column_letter(number)].width = width
    sheet.sheet_view.showGridLines = grid_lines
    page.page_setup.orientation = "landscape"
    page.page_setup.paperSize = "9"  # A4
    page.page_setup.fitToWidth = 1
    page.page_setup.fitToHeight = 0
    page.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _xml(text: str) -> str:
    return _XML_SPECIAL.sub(lambda found: _XML_ENTITIES[found.group()], text)


@cache
def _letters(count: int) -> tuple[str, ...]:
    return tuple(get_column_letter(number) for number in range(1, count + 1))


class SheetCells:
    """Makes the cells and rows of one sheet, in the workbook's shared looks.

    Cells are ``<c>`` elements as text; rows are collected and become the
    sheet's ``sheetData`` (:meth:`sheet_data`). Merged ranges are given to
    openpyxl all at once by :meth:`finish`.
    """

    def __init__(self, sheet: WriteOnlyWorksheet, styles: Styles, locale: str) -> None:
        """Make cells for ``sheet``, in the looks of ``styles``, cut marks in ``locale``."""
        self.sheet = sheet
        self.styles = styles
        self.locale = locale
        self.row = 0
        self.merges: list[CellRange] = []
        self.columns = 1
        self._rows: list[str] = []
        self._data: bytes | None = None
        self._data_rows = 0
        # What every cell of a look starts with, made once: a sheet has
        # hundreds of thousands of cells and a few dozen looks.
        self._text_start = {look: f'" s="{styles.id(look)}" t="inlineStr"><is><t>' for look in Look}
        self._empty = {look: f'" s="{styles.id(look)}"/>' for look in Look}
        self._value_start = {look: f'" s="{styles.id(look)}"><v>' for look in Look}

    def text(self, value: str, look: Look = Look.TEXT) -> XmlCell:
        """Return a text cell (escaped, within the limit, never a formula)."""
        if not value:
            return self._empty[look]
        if (
            len(value) <= CELL_LIMIT
            and _PLAIN_TEXT.fullmatch(value)
            and not value.startswith(FORMULA_STARTS)
            and value == value.strip()
        ):
            # Nearly every cell: nothing to escape, cut, quote or preserve.
            return f"{self._text_start[look]}{value}</t></is></c>"
        shown = cell_text(value, self.locale)
        style = self.styles.id(look, quoted=shown.startswith(FORMULA_STARTS))
        if not shown:
            return f'" s="{style}"/>'
        space = ' xml:space="preserve"' if shown != shown.strip() else ""
        return f'" s="{style}" t="inlineStr"><is><t{space}>{_xml(shown)}</t></is></c>'

    def empty(self, look: Look = Look.TEXT) -> XmlCell:
        """Return an empty cell with ``look`` (a border inside a merged range, say)."""
        return self._empty[look]

    def date(self, value: dt.date, look: Look = Look.DATE) -> XmlCell:
        """Return a date cell; a day before 1 March 1900, which Excel cannot show, as text."""
        if value < FIRST_EXCEL_DAY:
            return self.text(date_text(value), look)
        serial = (value - _EXCEL_DAY_ZERO).days
        return f"{self._value_start[look]}{serial}</v></c>"

    def number(self, value: Decimal | int, look: Look = Look.NUMBER) -> XmlCell:
        """Return a number cell; a Decimal is written exactly as its digits."""
        return f"{self._value_start[look]}{value}</v></c>"

    def append(self, cells: Sequence[XmlCell | None], *, height: float | None = None) -> int:
        """Append one row (None leaves a column without a cell); return its number.

        Args:
            cells: The row's cells from column A.
            height: The row's height in points; by default Excel's and
                LibreOffice's own.
        """
        self.row += 1
        number = self.row
        self.columns = max(self.columns, len(cells))
        filled = "".join(
            [
                f'<c r="{letter}{number}{cell}'
                for letter, cell in zip(_letters(len(cells)), cells, strict=True)
                if cell is not None
            ]
        )
        size = f' ht="{height:g}" customHeight="1"' if height is not None else ""
        self._rows.append(f'<row r="{number}"{size}>{filled}</row>')
        return number

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        """Merge a range (nothing for a single cell) when the sheet is finished."""
        if (first_row, first_column) != (last_row, last_column):
            self.merges.append(
                CellRange(
                    min_row=first_row, min_col=first_column, max_row=last_row, max_col=last_column
                )
            )

    def finish(self) -> None:
        """Give openpyxl the merged ranges; call once the last row is appended.

        openpyxl checks each merge added one by one against all the others
        (quadratic: 30 s for 3,000 merges); they never overlap here, so they
        are given to it together.
        """
        parts(self.sheet).merged_cells = MultiCellRange(self.merges)

    def sheet_data(self) -> bytes:
        """Return the sheet's ``sheetData`` element, UTF-8 encoded.

        Made once, when first asked for after the last row (the plan sheet's
        is asked for twice: its fingerprint, then the package).
        """
        if self._data is None or self._data_rows != len(self._rows):
            self._data = ("<sheetData>" + "".join(self._rows) + "</sheetData>").encode("utf-8")
            self._data_rows = len(self._rows)
        return self._data

    def dimension(self) -> str:
        """Return the range the rows cover (``A1:M120``)."""
        return f"A1:{get_column_letter(self.columns)}{max(self.row, 1)}"

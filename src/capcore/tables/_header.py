"""Finding a plan table's header: which grid column holds what.

A header row names at least two columns that :data:`HEADER_SYNONYMS` knows,
one of them a measure or activity column, and at least half of its filled
cells are known headers. It may stand anywhere (below title rows). The row
right below it may refine it (``Срок`` over ``Начало`` and ``Край``), and a
row of column numbers (``1.``, ``2``, ``3.`` ...) may follow.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs

from capcore.tables.matching import match_header
from capcore.tables.source import SourceCell, SourceRow
from capcore.tables.synonyms import HEADER_SYNONYMS, MatrixColumn

__all__ = [
    "ColumnHeader",
    "TableHeader",
    "expected_headers",
    "find_header",
    "grid_cells",
    "is_column_numbers",
    "is_header",
    "is_subheader",
]

_TITLE_COLUMNS = frozenset({MatrixColumn.MEASURE, MatrixColumn.ACTIVITY})
_COLUMN_NUMBER = re.compile(r"\(?(?P<number>\d{1,2})[.)]?\)?")
_SHOWN_WORDS = 2
"""How many words of each language an error message shows per column."""


def grid_cells(row: SourceRow) -> list[tuple[int, SourceCell]]:
    """Return each cell of ``row`` with the grid column it starts at (spans counted)."""
    cells: list[tuple[int, SourceCell]] = []
    column = 0
    for cell in row:
        cells.append((column, cell))
        column += cell.span
    return cells


@attrs.frozen
class ColumnHeader:
    """One named column of a plan table.

    Attributes:
        column: The grid column (0 = first).
        role: What the column holds; None for a header the readers do not know.
        text: The header as written.
        location: Where the header cell is.
    """

    column: int
    role: MatrixColumn | None
    text: str
    location: str


@attrs.frozen
class TableHeader:
    """The header of a plan table.

    Attributes:
        first_row: The index of the (first) header row.
        body_start: The index of the first row of data.
        columns: The named columns, left to right.
        width: How many grid columns the header covers.
        locale: ``"en"`` when most header words were English, else ``"bg"``.
    """

    first_row: int
    body_start: int
    columns: tuple[ColumnHeader, ...]
    width: int
    locale: str

    roles: Mapping[int, MatrixColumn] = attrs.field(init=False, repr=False, eq=False)
    """The grid columns with a known role, and their roles (made from ``columns``)."""

    def __attrs_post_init__(self) -> None:
        """Index the roles once: they are looked up for every cell of every row."""
        roles = {column.column: column.role for column in self.columns if column.role is not None}
        object.__setattr__(self, "roles", MappingProxyType(roles))

    def role_at(self, column: int) -> MatrixColumn | None:
        """Return what grid column ``column`` holds, or None."""
        return self.roles.get(column)

    def header_at(self, column: int) -> ColumnHeader | None:
        """Return the header of grid column ``column``, or None for an unnamed one."""
        return next((header for header in self.columns if header.column == column), None)

    def has(self, role: MatrixColumn) -> bool:
        """Return True when some column holds ``role``."""
        return role in self.roles.values()


def _row_roles(row: SourceRow) -> list[tuple[int, MatrixColumn, str]]:
    """Return (column, role, locale) of each cell of ``row`` that is a known header."""
    found: list[tuple[int, MatrixColumn, str]] = []
    for column, cell in grid_cells(row):
        if not cell.continues_above and (match := match_header(cell.text)) is not None:
            found.append((column, *match))
    return found


def _filled(row: SourceRow) -> list[tuple[int, SourceCell]]:
    return [
        (column, cell)
        for column, cell in grid_cells(row)
        if not cell.continues_above and cell.text.strip()
    ]


def is_header(row: SourceRow) -> bool:
    """Return True when ``row`` is a header row (see the module docstring)."""
    return _is_header(row)


def is_subheader(row: SourceRow) -> bool:
    """Return True when ``row``, below a header row, refines it (all its cells are headers)."""
    return _is_subheader(row)


def _is_header(row: SourceRow) -> bool:
    roles = _row_roles(row)
    named = {role for _, role, _ in roles}
    return len(named) >= 2 and bool(named & _TITLE_COLUMNS) and 2 * len(roles) >= len(_filled(row))


def _is_subheader(row: SourceRow) -> bool:
    roles = _row_roles(row)
    return bool(roles) and len(roles) == len(_filled(row)) and not is_column_numbers(row)


def is_column_numbers(row: SourceRow) -> bool:
    """Return True for a row of column numbers (``1.``, ``2``, ``(3)`` ...), increasing."""
    filled = _filled(row)
    numbers = [_COLUMN_NUMBER.fullmatch(cell.text.strip()) for _, cell in filled]
    if len(filled) < 2 or any(match is None for match in numbers):
        return False
    values = [int(match["number"]) for match in numbers if match is not None]
    return all(later > earlier for earlier, later in itertools.pairwise(values))


def find_header(rows: Sequence[SourceRow]) -> TableHeader | None:
    """Return the first header in ``rows``, or None when no row is a header."""
    at = next((index for index, row in enumerate(rows) if _is_header(row)), None)
    if at is None:
        return None
    named: dict[int, ColumnHeader] = {}
    locales: Counter[str] = Counter()
    width = 0
    header_rows = [rows[at]]
    if at + 1 < len(rows) and _is_subheader(rows[at + 1]):
        header_rows.append(rows[at + 1])
    for row in header_rows:  # a second row refines the first, column by column
        for column, cell in grid_cells(row):
            width = max(width, column + cell.span)
            if cell.continues_above or not cell.text.strip():
                continue
            match = match_header(cell.text)
            if match is not None:
                locales[match[1]] += 1
            named[column] = ColumnHeader(
                column, None if match is None else match[0], cell.text, cell.location
            )
    body_start = at + len(header_rows)
    if body_start < len(rows) and is_column_numbers(rows[body_start]):
        body_start += 1
    return TableHeader(
        at,
        body_start,
        _first_of_each_role(named),
        width,
        "en" if locales["en"] > locales["bg"] else "bg",
    )


def _first_of_each_role(named: Mapping[int, ColumnHeader]) -> tuple[ColumnHeader, ...]:
    """Return the columns in order; a second column of a role becomes an unknown one."""
    seen: set[MatrixColumn] = set()
    columns: list[ColumnHeader] = []
    for column in sorted(named):
        header = named[column]
        if header.role in seen:
            header = attrs.evolve(header, role=None)
        elif header.role is not None:
            seen.add(header.role)
        columns.append(header)
    return tuple(columns)


def expected_headers() -> str:
    """Return the headers a plan table may have, for an error message."""
    parts = []
    for role, words in HEADER_SYNONYMS.items():
        shown = ", ".join((*words.bg[:_SHOWN_WORDS], *words.en[:_SHOWN_WORDS]))
        parts.append(f"{role.value} ({shown})")
    return "; ".join(parts)

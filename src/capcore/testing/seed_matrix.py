"""The Lovech plan, and any plan, in the matrix shape of its source table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

import attrs

from capcore.examples import lovech
from capcore.model import Measure, MeasureKind, Plan
from capcore.tables.source import SourceBlock, SourceCell, SourceTable
from capcore.testing._seed_text import cell, numbered, paragraphs, preamble

__all__ = [
    "LOVECH_HEADERS",
    "LOVECH_HEADERS_EN",
    "MatrixRow",
    "MatrixTable",
    "lovech_matrix",
    "matrix_table",
]

LOVECH_HEADERS = (
    "Мярка",
    "Наименование на дейността",
    "Стратегически мерки",
    "Бързи победи",
    "Начало (дата)",
    "Край (дата)",
    "Целеви стойности на резултата",
    "Отговорници и подпомагачи",
    "Забележка",
)
"""The headers of the Lovech table, as written."""

LOVECH_HEADERS_EN = (
    "Measure",
    "Activity",
    "Strategic measures",
    "Quick wins",
    "Start (date)",
    "End (date)",
    "Target result values",
    "Responsible and supporting",
    "Note",
)
"""The same headers in English."""

_Where: TypeAlias = Callable[[int], str]
"""The location of cell ``c`` (1-based) of a row."""


@attrs.frozen
class MatrixRow:
    """One row of a matrix table, as strings.

    Attributes:
        cells: The cells, one per column (an area row has its text first and
            blanks after it).
        is_area: True for an area row, whose text is meant to span the table.
        continues_measure: True when the measure cell is blank because the
            measure goes on from the row above (a format may merge it down).
    """

    cells: tuple[str, ...]
    is_area: bool = False
    continues_measure: bool = False


@attrs.frozen
class MatrixTable:
    """A plan in the matrix shape: title lines, header, column numbers, rows.

    Attributes:
        preamble: The lines above the table (approval block, title, period,
            subtitle).
        header: The column headers.
        column_numbers: The row of column numbers under the header (may be empty).
        rows: The area, measure and activity rows.
        measure_column: The index of the measure column.
    """

    preamble: tuple[str, ...]
    header: tuple[str, ...]
    column_numbers: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    measure_column: int = 0

    def reordered(self, order: Sequence[int]) -> MatrixTable:
        """Return the table with its columns in ``order`` (old indexes; area text stays first)."""

        def pick(cells: Sequence[str]) -> tuple[str, ...]:
            return tuple(cells[index] for index in order)

        rows = tuple(
            row if row.is_area else attrs.evolve(row, cells=pick(row.cells)) for row in self.rows
        )
        return attrs.evolve(
            self,
            header=pick(self.header),
            column_numbers=self.column_numbers,
            rows=rows,
            measure_column=list(order).index(self.measure_column),
        )

    def without_column_numbers(self) -> MatrixTable:
        """Return the table without its row of column numbers."""
        return attrs.evolve(self, column_numbers=())

    def head_rows(self) -> list[list[str]]:
        """Return the header row and, if any, the row of column numbers."""
        return [list(self.header), *([list(self.column_numbers)] if self.column_numbers else [])]

    def text_rows(self) -> list[list[str]]:
        """Return the header, column numbers and rows as plain strings (no title lines)."""
        return [*self.head_rows(), *(list(row.cells) for row in self.rows)]

    def blocks(self, *, merged: bool = False) -> list[SourceBlock]:
        """Return title paragraphs and the table, as a Word or HTML document gives them.

        Args:
            merged: Area rows as one cell spanning the table, and measure
                cells merged down (continuation cells); otherwise area rows
                have blank cells after their text and measure cells are blank.
        """
        rows = [
            [cell(text, f"table 1, row {r}, cell {c}") for c, text in enumerate(row, start=1)]
            for r, row in enumerate(self.head_rows(), start=1)
        ]
        for r, row in enumerate(self.rows, start=len(rows) + 1):
            rows.append(self._row_cells(row, merged, _table_cell(r)))
        return [*paragraphs(self.preamble), SourceTable(rows, "table 1")]

    def sheet_blocks(self, *, sheet: str = "План", merged: bool = False) -> list[SourceBlock]:
        """Return the whole plan as one sheet: title rows in column A, then the table.

        Locations are spreadsheet addresses (``План!C14``).
        """
        rows = [[cell(line, f"{sheet}!A{r}")] for r, line in enumerate(self.preamble, start=1)]
        rows.append([])  # a blank row between the title and the table, as sheets have
        for line in self.head_rows():
            address = _sheet_cell(sheet, len(rows) + 1)
            rows.append([cell(text, address(c)) for c, text in enumerate(line, start=1)])
        for row in self.rows:
            rows.append(self._row_cells(row, merged, _sheet_cell(sheet, len(rows) + 1)))
        return [SourceTable(rows, f"sheet {sheet}")]

    def _row_cells(self, row: MatrixRow, merged: bool, where: _Where) -> list[SourceCell]:
        if row.is_area and merged:
            return [cell(row.cells[0], where(1), span=len(self.header))]
        return [
            cell(
                text,
                where(c),
                continues=merged and row.continues_measure and c - 1 == self.measure_column,
            )
            for c, text in enumerate(row.cells, start=1)
        ]


def _table_cell(row: int) -> _Where:
    return lambda c: f"table 1, row {row}, cell {c}"


def _sheet_cell(sheet: str, row: int) -> _Where:
    return lambda c: f"{sheet}!{_column(c)}{row}"


def _column(number: int) -> str:
    """Return the spreadsheet column letters of a 1-based column number (1 -> A, 27 -> AA)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _refs(measure: Measure, kind: MeasureKind) -> str:
    if measure.kind is not kind:
        return ""
    return ", ".join(str(ref) for ref in measure.caf_refs) or "да"


def matrix_table(plan: Plan, *, english: bool = False) -> MatrixTable:
    """Return ``plan`` in the Lovech matrix shape (a simple writer, for tests).

    Measure and activity cells are ``number. title``; CAF references go to
    the strategic or quick-win column by the measure's kind (``да`` when it
    has none); a measure without activities fills the row with its own
    dates, expected result, responsible and note.
    """
    rows: list[MatrixRow] = []
    area_word = "Area" if english else "Област"
    for area in plan.areas:
        if area.title or area.number:
            heading = f"{area_word} {area.number}: {area.title}" if area.number else area.title
            rows.append(MatrixRow((heading, *[""] * 8), is_area=True))
        for measure in area.measures:
            refs = (_refs(measure, MeasureKind.STRATEGIC), _refs(measure, MeasureKind.QUICK_WIN))
            if not measure.activities:
                rows.append(
                    MatrixRow((
                        numbered(measure.number, measure.title), "", *refs,
                        measure.start.text if measure.start else "",
                        measure.deadline.text if measure.deadline else "",
                        measure.expected_result, measure.responsible, measure.note,
                    ))
                )  # fmt: skip
            for index, activity in enumerate(measure.activities):
                first = index == 0
                rows.append(
                    MatrixRow(
                        (
                            numbered(measure.number, measure.title) if first else "",
                            numbered(activity.number, activity.title),
                            *(refs if first else ("", "")),
                            activity.start.text if activity.start else "",
                            activity.deadline.text if activity.deadline else "",
                            activity.target, activity.responsible, activity.note,
                        ),
                        continues_measure=not first,
                    )
                )  # fmt: skip
    return MatrixTable(
        preamble(plan, english=english),
        LOVECH_HEADERS_EN if english else LOVECH_HEADERS,
        tuple(f"{number}." for number in range(1, 10)),
        tuple(rows),
    )


def lovech_matrix(*, english: bool = False) -> MatrixTable:
    """Return the Lovech plan (:func:`capcore.examples.lovech`) as its matrix table."""
    return matrix_table(lovech(), english=english)

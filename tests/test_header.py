"""Finding a plan table's header: roles of columns, refinements, column numbers."""

from __future__ import annotations

from capcore import MatrixColumn, SourceCell
from capcore.tables._header import find_header, grid_cells, is_column_numbers


def _row(*texts: str, row: int = 1) -> tuple[SourceCell, ...]:
    return tuple(SourceCell(text, f"R{row}C{c}") for c, text in enumerate(texts, start=1))


def test_header_below_title_rows() -> None:
    """Title rows above do not count; the first header row wins; column numbers follow it."""
    rows = [
        _row("ПЛАН ЗА ПОДОБРЕНИЕ"),
        _row(),
        _row("Мярка", "Дейност", "Срок", "Отговорник", row=3),
        _row("1.", "2.", "3.", "4.", row=4),
        _row("1.1. М", "1.1.1. Д", "м. март", "Секретар", row=5),
    ]
    header = find_header(rows)
    assert header is not None
    assert (header.first_row, header.body_start, header.width, header.locale) == (2, 4, 4, "bg")
    assert [column.role for column in header.columns] == [
        MatrixColumn.MEASURE,
        MatrixColumn.ACTIVITY,
        MatrixColumn.DEADLINE,
        MatrixColumn.RESPONSIBLE,
    ]


def test_second_header_row_refines_the_first() -> None:
    """``Срок`` spanning two columns over ``Начало`` and ``Край`` gives both."""
    rows = [
        (SourceCell("Activity", "A1"), SourceCell("Deadline", "B1", span=2)),
        (
            SourceCell("", "A2", continues_above=True),
            SourceCell("Start", "B2"),
            SourceCell("End", "C2"),
        ),
    ]
    header = find_header(rows)
    assert header is not None
    assert header.body_start == 2
    assert [header.role_at(column) for column in range(3)] == [
        MatrixColumn.ACTIVITY,
        MatrixColumn.START,
        MatrixColumn.DEADLINE,
    ]
    assert header.locale == "en"


def test_second_column_of_a_role_is_unknown() -> None:
    """Two deadline columns: the second is kept as an unknown column, by its header text."""
    header = find_header([_row("Мярка", "Срок", "Краен срок")])
    assert header is not None
    third = header.header_at(2)
    assert third is not None
    assert (third.role, third.text) == (None, "Краен срок")


def test_rows_that_are_not_headers() -> None:
    """A single known word, or known words without a measure or activity column, is no header."""
    assert find_header([_row("Мярка", "Иван", "Петър")]) is None
    assert find_header([_row("Срок", "Отговорник")]) is None
    assert find_header([_row("ДЕЙСТВИЕ", "Провеждане на обучение")]) is None


def test_column_numbers_increase() -> None:
    """Only an increasing row of small numbers is a row of column numbers."""
    assert is_column_numbers(_row("1.", "2", "(3)", "4."))
    assert not is_column_numbers(_row("1.", "1."))
    assert not is_column_numbers(_row("1."))
    assert not is_column_numbers(_row("1.", "срок"))


def test_grid_cells_count_spans() -> None:
    """Each cell starts at the grid column after the columns the cells before it span."""
    row = (SourceCell("a", "A1", span=3), SourceCell("b", "D1"), SourceCell("c", "E1", span=2))
    assert [column for column, _ in grid_cells(row)] == [0, 3, 4]

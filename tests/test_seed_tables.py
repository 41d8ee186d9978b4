"""The seed plans in their documents' shapes, for importer tests (capcore.testing.seed_tables)."""

from __future__ import annotations

import pytest

from capcore import SourceParagraph, SourceTable
from capcore.testing.seed_tables import (
    LOVECH_HEADERS,
    SEED_FILES,
    MatrixRow,
    MatrixTable,
    lovech_matrix,
    pazardzhik_cards,
    read_seed_text,
    smolyan_list,
)

from .conftest import SHARED


def test_lovech_matrix_has_the_seed_shape() -> None:
    """Headers and column numbers as written; area rows; measure cell only on a first row."""
    table = lovech_matrix()
    assert table.header == LOVECH_HEADERS
    assert table.column_numbers == tuple(f"{n}." for n in range(1, 10))
    assert next(row.cells[0] for row in table.rows if row.is_area).startswith("Област 1: ")
    first, second = table.rows[1], table.rows[2]
    assert first.cells[:2] == (
        first.cells[0],
        "1.1.1. Създаване на работна група за разработване на Стратегията.",
    )
    assert first.cells[0].startswith("1.1. Разработване")
    assert (second.cells[0], second.continues_measure) == ("", True)
    assert table.preamble[:2] == ("УТВЪРЖДАВАМ:.....", "ВИКТОР СТОЙЧЕВ")


def test_the_table_text_matches_the_seed_file() -> None:
    """Each generated row's refs, dates, target, responsible and note are a seed row's."""
    path = SHARED / "seeds" / SEED_FILES["lovech"]
    if not path.is_file():
        pytest.skip(f"../shared/seeds not found: {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    seed_rows = {tuple(line.split("\t")[2:]) for line in lines if "\t" in line}
    generated = [row.cells[2:] for row in lovech_matrix().rows if not row.is_area]
    assert len(generated) == 54
    assert [cells for cells in generated if cells not in seed_rows] == []


def test_reordered_moves_data_cells_but_not_area_text() -> None:
    """An area row's text stays first (it spans the table); data cells follow the new order."""
    table = MatrixTable(
        (),
        ("a", "b"),
        ("1.", "2."),
        (MatrixRow(("Област 1: X", ""), is_area=True), MatrixRow(("м", "д"))),
    )
    moved = table.reordered((1, 0))
    assert moved.header == ("b", "a")
    assert [row.cells for row in moved.rows] == [("Област 1: X", ""), ("д", "м")]
    assert moved.measure_column == 1
    assert moved.column_numbers == ("1.", "2.")


def test_merged_blocks_span_and_continue() -> None:
    """Merged: area rows are one cell spanning the table; measure cells continue from above."""
    [*_, table] = lovech_matrix().blocks(merged=True)
    assert isinstance(table, SourceTable)
    area_row, first, second = table.rows[2], table.rows[3], table.rows[4]
    assert (len(area_row), area_row[0].span) == (1, 9)
    assert not first[0].continues_above
    assert (second[0].continues_above, second[0].text) == (True, "")


def test_sheet_blocks_use_cell_addresses() -> None:
    """The sheet form puts the title in column A above the table, with addresses."""
    [sheet] = lovech_matrix().sheet_blocks(sheet="Plan")
    assert isinstance(sheet, SourceTable)
    assert sheet.rows[0][0].location == "Plan!A1"
    header = next(row for row in sheet.rows if row and row[0].text == "Мярка")
    assert [cell.location for cell in header][-1] == f"Plan!I{sheet.rows.index(header) + 1}"


def test_cards_heading_paragraph_or_row() -> None:
    """A card's heading is a paragraph before its table, or the table's first row."""
    cards = pazardzhik_cards()
    assert cards.cards[0].heading == "МЯРКА 1 – QW"
    assert cards.cards[1].heading == "МЯРКА 2"
    paragraphs = [b for b in cards.blocks() if isinstance(b, SourceParagraph)]
    assert "МЯРКА 1 – QW" in [p.text for p in paragraphs]
    first_table = next(b for b in cards.blocks(heading_in_table=True) if isinstance(b, SourceTable))
    assert [cell.text for cell in first_table.rows[0]] == ["МЯРКА 1 – QW", ""]


def test_list_lines() -> None:
    """Sections, items, then the deadline and responsible lines, in either language."""
    lines = smolyan_list().paragraphs
    at = lines.index("1. Дейности за прозрачност в работата на Областна администрация.")
    assert lines[at + 2 : at + 4] == ("Срок: При актуализация", "Отговорник: Гл. Секретар")
    assert "Deadline: При актуализация" in smolyan_list(english=True).paragraphs


def test_read_seed_text() -> None:
    """Tab lines are rows (blank lines do not end a table), other lines paragraphs, no markup."""
    blocks = read_seed_text("**Заглавие**\n\na\tb\n\n<b>c</b>\td\nТекст\ne\tf\n")
    assert [type(block).__name__ for block in blocks] == [
        "SourceParagraph",
        "SourceTable",
        "SourceParagraph",
        "SourceTable",
    ]
    first = blocks[1]
    assert isinstance(first, SourceTable)
    assert [[cell.text for cell in row] for row in first.rows] == [["a", "b"], ["c", "d"]]
    assert first.rows[1][0].location == "line 5, cell 1"
    assert blocks[0] == SourceParagraph("Заглавие", "line 1")

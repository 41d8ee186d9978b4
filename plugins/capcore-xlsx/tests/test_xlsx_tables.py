"""The xlsx table reader: a workbook's sheets as the core's format-free tables."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from capcore_xlsx.tables import read_source_tables
from openpyxl import Workbook

from capcore import PlanFormatError, SourceTable, read_proposals
from capcore.examples import example_proposals

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "proposals" / "proposals.xlsx"


def workbook_bytes() -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Първи"
    first["A1"] = "Предложение"
    first["B1"] = "Въздействие"
    first["A2"] = "Мисия"
    first["B2"] = 5
    first.merge_cells("A2:A3")
    second = book.create_sheet("Втори")
    second["C4"] = "текст"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_every_sheet_is_one_table_with_excel_locations() -> None:
    """Two sheets give two tables; numbers read as text; merges as continued cells."""
    blocks = read_source_tables(io.BytesIO(workbook_bytes()), name="w.xlsx")
    assert [block.location for block in blocks] == ["sheet Първи", "sheet Втори"]
    first = blocks[0]
    assert isinstance(first, SourceTable)
    assert [[cell.text for cell in row] for row in first.rows] == [
        ["Предложение", "Въздействие"],
        ["Мисия", "5"],
        [""],
    ]
    assert first.rows[2][0].continues_above
    assert first.rows[1][1].location == "Първи!B2"


def test_a_file_that_is_not_a_workbook_is_a_plan_format_error() -> None:
    """The same guards as reading a plan: the message names the file."""
    with pytest.raises(PlanFormatError, match=r"w\.xlsx"):
        read_source_tables(io.BytesIO(b"not a zip"), name="w.xlsx")


def test_the_worked_example_reads_as_the_example_proposals() -> None:
    """examples/proposals/proposals.xlsx (title rows, numbers row, a merge) gives the proposals."""
    if not EXAMPLE.exists():
        # The plugin's sdist holds its tests, not the repository's examples/.
        pytest.skip(f"{EXAMPLE} is in the capcore repository, not beside these tests")
    read = read_proposals(EXAMPLE)
    assert read.proposals == example_proposals()
    assert [(note.location, note.text) for note in read.import_notes] == [
        ("Предложения!M5", "Източник")
    ]

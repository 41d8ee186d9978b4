"""Workbooks that administrations already have: hand-made tables in several shapes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from xlsx_helpers import counts, read_xlsx, save
from xlsx_shapes import cards_workbook, list_workbook, matrix_sheet, matrix_workbook

import capcore
from capcore import PlanFormatError
from capcore.cli import main
from capcore.examples import lovech, pazardzhik, smolyan
from capcore.testing.seed_tables import lovech_matrix, pazardzhik_cards, smolyan_list

LOVECH_COUNTS = (3, 32, 54, 15)
# The Lovech columns moved about: activity first, end before start, the rest mixed.
SHUFFLED = [1, 0, 5, 4, 2, 3, 7, 6, 8]


def titles(plan: capcore.Plan) -> list[str]:
    return [activity.title for activity in plan.activities()]


def test_lovech_with_merged_areas_and_measures() -> None:
    """Title rows, column numbers, merged area rows and measure cells merged down."""
    plan = read_xlsx(matrix_workbook(lovech_matrix()))
    assert counts(plan) == LOVECH_COUNTS
    assert titles(plan) == titles(lovech())
    assert plan.title == lovech().title
    assert plan.import_notes == ()


def test_english_headers_in_another_order_blank_measure_cells_date_cells() -> None:
    """English headers in another order, no column numbers, blank continuation cells, date cells."""
    table = lovech_matrix(english=True).reordered(SHUFFLED).without_column_numbers()
    data = matrix_workbook(table, merge_areas=False, merge_measures=False, date_cells=(2, 3))
    plan = read_xlsx(data)
    assert counts(plan) == LOVECH_COUNTS
    first = next(plan.activities())
    assert first.start is not None
    assert first.start.earliest == dt.date(2022, 3, 14)
    assert first.deadline is not None
    assert first.deadline.due == dt.date(2022, 3, 18)


def test_a_table_away_from_the_corner() -> None:
    """A table starting in C4 below merged title rows, two blank rows before it."""
    data = matrix_workbook(lovech_matrix(), top=4, left=3, gap=2, date_cells=(4, 5))
    plan = read_xlsx(data)
    assert counts(plan) == LOVECH_COUNTS
    assert titles(plan) == titles(lovech())


def test_text_deadlines_keep_their_words() -> None:
    """A deadline written as words keeps them, with their meaning."""
    plan = read_xlsx(matrix_workbook(lovech_matrix(), date_cells=(4, 5)))
    words = "текущо, в процеса на изпълнение на Плана за подобрене"
    deadlines = [a.deadline.text for a in plan.activities() if a.deadline is not None]
    assert words in deadlines


def test_the_named_sheet_is_read() -> None:
    """With sheet=, the plan is read from that sheet, wherever it is."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Инструкции"
    first.append(["Попълнете листа „План“"])
    matrix_sheet(workbook.create_sheet("План 2022"), lovech_matrix())
    data = save(workbook)
    assert counts(read_xlsx(data, sheet="План 2022")) == LOVECH_COUNTS
    with pytest.raises(PlanFormatError, match="no sheet 'Липсва'"):
        read_xlsx(data, sheet="Липсва")


def test_cells_that_cannot_be_placed_are_reported_and_kept() -> None:
    """A stray cell beside the table is an import note with its address, kept in extra."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "План"
    header = matrix_sheet(sheet, lovech_matrix())
    sheet.cell(header + 5, 12, "провери с дирекцията")
    plan = read_xlsx(save(workbook))
    assert counts(plan) == LOVECH_COUNTS
    notes = [note for note in plan.import_notes if note.text == "провери с дирекцията"]
    assert [note.location for note in notes] == [f"План!L{header + 5}"]
    kept = [
        entity.extra
        for entity in (plan, *plan.areas, *plan.measures(), *plan.activities())
        if "провери с дирекцията" in entity.extra.values()
    ]
    assert len(kept) == 1


def test_pazardzhik_cards() -> None:
    """A workbook of cards (МЯРКА N – QW headings, label/value rows) gives the measures."""
    plan = read_xlsx(cards_workbook(pazardzhik_cards()))
    original = pazardzhik()
    assert counts(plan) == counts(original)
    assert [m.title for m in plan.measures()] == [m.title for m in original.measures()]
    assert [m.budget.text if m.budget else "" for m in plan.measures()] == [
        m.budget.text if m.budget else "" for m in original.measures()
    ]


def test_smolyan_list_in_column_a() -> None:
    """A plan typed as lines in column A (the list shape) gives its sections and items."""
    plan = read_xlsx(list_workbook(smolyan_list()))
    assert counts(plan) == counts(smolyan())
    deadlines = [m.deadline.text for m in plan.measures() if m.deadline is not None]
    assert "постоянен" in deadlines


def test_a_sheet_without_a_plan_is_a_clear_error(tmp_path: Path) -> None:
    """A workbook whose first sheet holds no plan is an error naming the file."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Списък на служителите"])
    sheet.append(["Иван", "Петров"])
    path = tmp_path / "plain.xlsx"
    path.write_bytes(save(workbook))
    with pytest.raises(PlanFormatError, match=r"plain\.xlsx"):
        capcore.read(path)


def test_capcore_convert_of_a_hand_made_lovech_workbook(tmp_path: Path) -> None:
    """`capcore convert` of a hand-made Lovech workbook gives 3 areas, 32 measures, 54, 15."""
    source = tmp_path / "ловеч.xlsx"
    table = lovech_matrix().reordered(SHUFFLED)
    source.write_bytes(matrix_workbook(table, merge_measures=True, date_cells=(2, 3)))
    target = tmp_path / "ловеч.json"
    assert main(["convert", str(source), str(target)]) == 0
    assert counts(capcore.load_json(target)) == LOVECH_COUNTS


def test_own_workbook_without_its_copy_reads_like_any_other() -> None:
    """embedded=false reads capcore's own workbook from its visible table alone."""
    out = io.BytesIO()
    capcore.write(lovech(), out, "xlsx", as_of=dt.date(2022, 9, 1))
    plan = capcore.read(io.BytesIO(out.getvalue()), "xlsx", embedded=False)
    assert counts(plan) == LOVECH_COUNTS
    assert titles(plan) == titles(lovech())

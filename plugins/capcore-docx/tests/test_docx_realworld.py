"""Reading the Word documents administrations already have, in the three shapes."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx_shapes import auto_numbered_list_docx, blocks_docx, cards_docx, list_docx, matrix_docx

import capcore
from capcore import Layout, Plan
from capcore.examples import lovech, pazardzhik, smolyan
from capcore.testing.seed_tables import (
    SEED_FILES,
    lovech_matrix,
    pazardzhik_cards,
    read_seed_text,
    smolyan_list,
)

_SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def _read(data: bytes, **options: object) -> Plan:
    return capcore.read(io.BytesIO(data), "docx", **options)


def _counts(plan: Plan) -> tuple[int, int, int, int]:
    measures = list(plan.measures())
    return (
        len(plan.areas),
        len(measures),
        len(list(plan.activities())),
        sum(m.is_quick_win for m in measures),
    )


def _numbers(plan: Plan) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [
        (m.number, m.title, [(a.number, a.title) for a in m.activities]) for m in plan.measures()
    ]


@pytest.mark.parametrize("merged", [True, False], ids=["merged-cells", "blank-continuations"])
def test_lovech_matrix_imports_with_the_right_counts(merged: bool) -> None:
    """Merged area rows and measure cells, or blank continuation cells: 3 / 32 / 54 / 15."""
    plan = _read(matrix_docx(lovech_matrix(), merged=merged))
    assert _counts(plan) == (3, 32, 54, 15)
    assert plan.layout is Layout.MATRIX
    assert _numbers(plan) == _numbers(lovech())  # the two 2.8.2, 3.1.1 and 2.9.1 as written


def test_lovech_matrix_keeps_free_text_deadlines_and_the_title_block() -> None:
    """Deadlines stay as written; the approval block and period above the table are read."""
    plan = _read(matrix_docx(lovech_matrix()))
    activity = plan.areas[0].measures[1].activities[1]
    assert activity.start is not None
    assert activity.start.text == "текущо, в процеса на изпълнение на Плана за подобрене"
    assert plan.areas[0].measures[1].activities[0].start.text == "18.05.2022"
    assert plan.approval is not None
    assert plan.approval.name == "ВИКТОР СТОЙЧЕВ"
    assert plan.period is not None
    assert (plan.period.start.year, plan.period.end.year) == (
        2022,
        2024,
    )
    assert plan.title == lovech().title


def test_english_headers_in_another_order_without_column_numbers() -> None:
    """English headers, columns shuffled, no row of numbers: the same plan is read."""
    table = lovech_matrix(english=True).reordered([1, 0, 3, 2, 5, 4, 6, 8, 7])
    plan = _read(matrix_docx(table.without_column_numbers()))
    assert _counts(plan) == (3, 32, 54, 15)
    assert _numbers(plan) == _numbers(lovech())


def test_locations_point_into_the_document() -> None:
    """Source locations name the Word table, row and cell."""
    plan = _read(matrix_docx(lovech_matrix()))
    first = plan.areas[0].measures[0].activities[0]
    assert plan.source_locations[first.id].startswith("table 1, row ")


@pytest.mark.parametrize(
    "heading_in_table", [False, True], ids=["heading-paragraph", "heading-row"]
)
def test_pazardzhik_cards_import_with_the_right_counts(heading_in_table: bool) -> None:
    """Cards headed "МЯРКА N" (with "– QW"), as paragraphs or first rows: 12 measures, 4 quick wins."""
    plan = _read(cards_docx(pazardzhik_cards(), heading_in_table=heading_in_table))
    assert _counts(plan)[1:] == (12, 0, 4)
    assert plan.layout is Layout.CARDS
    expected = list(pazardzhik().measures())
    got = list(plan.measures())
    assert [m.number for m in got] == [m.number for m in expected]
    assert [m.budget.text if m.budget else "" for m in got] == [
        m.budget.text if m.budget else "" for m in expected
    ]
    assert got[3].deadline is not None
    assert got[3].deadline.text == expected[3].deadline.text


def test_smolyan_typed_list_imports_with_the_right_counts() -> None:
    """Typed numbers, "Срок:" and "Отговорник:" lines: 6 sections, 19 items."""
    plan = _read(list_docx(smolyan_list()))
    assert _counts(plan)[:2] == (6, 19)
    assert plan.layout is Layout.LIST
    expected = list(smolyan().measures())
    got = list(plan.measures())
    assert [m.deadline.text if m.deadline else "" for m in got] == [
        m.deadline.text if m.deadline else "" for m in expected
    ]
    assert [m.responsible for m in got] == [m.responsible for m in expected]


def test_smolyan_with_word_automatic_numbering() -> None:
    """Numbers Word draws (not in the text) are read as the sections' and items' numbers."""
    data = auto_numbered_list_docx(smolyan_list())
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert not any(text.startswith("1.1") for text in texts)  # the numbers are not in the text
    plan = _read(data)
    assert _counts(plan)[:2] == (6, 19)
    assert [m.number for m in plan.measures()] == [m.number for m in smolyan().measures()]
    assert [a.number for a in plan.areas] == [a.number for a in smolyan().areas]


def test_the_reader_can_be_told_the_shape() -> None:
    """layout="list" reads a document as a list even where detection would hesitate."""
    plan = _read(list_docx(smolyan_list()), layout="list")
    assert _counts(plan)[:2] == (6, 19)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("lovech", (3, 32, 54, 15)), ("pazardzhik", (1, 12, 0, 4)), ("smolyan", (6, 19, 0, 0))],
)
def test_documents_built_from_the_seed_texts_import(
    name: str, expected: tuple[int, int, int, int]
) -> None:
    """The seed text files themselves, as Word documents (tables with blank continuation cells)."""
    path = _SEEDS / SEED_FILES[name]
    if not path.is_file():
        pytest.skip(f"the seed texts are not beside the repository ({path})")
    plan = _read(blocks_docx(read_seed_text(path.read_text(encoding="utf-8"))))
    assert _counts(plan) == expected


def test_unplaced_text_is_kept_and_reported() -> None:
    """A paragraph after the list that is no item is kept in extra and noted with its place."""
    path = _SEEDS / SEED_FILES["smolyan"]
    if not path.is_file():
        pytest.skip(f"the seed texts are not beside the repository ({path})")
    plan = _read(blocks_docx(read_seed_text(path.read_text(encoding="utf-8"))))
    notes = [n for n in plan.import_notes if n.text == "Изтегли Схема - механизъм"]
    assert len(notes) == 1
    assert notes[0].location.startswith("paragraph ")
    kept = [
        text for entity in (plan, *plan.areas, *plan.measures()) for text in entity.extra.values()
    ]
    assert "Изтегли Схема - механизъм" in kept


def test_a_document_in_no_shape_is_a_clear_error() -> None:
    """A Word document with no plan in it is a PlanFormatError naming the file."""
    document = docx.Document()
    document.add_paragraph("Покана за среща в сряда.")
    out = io.BytesIO()
    document.save(out)
    stream = io.BytesIO(out.getvalue())
    stream.name = "покана.docx"
    with pytest.raises(capcore.PlanFormatError, match=r"покана\.docx"):
        capcore.read(stream, "docx")

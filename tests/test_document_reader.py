"""Reading any of the three shapes: detection and the shared entry point."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore import (
    Layout,
    Plan,
    PlanFormatError,
    SourceBlock,
    SourceCell,
    SourceParagraph,
    SourceTable,
    UnknownLocaleError,
    detect_layout,
    read_tables,
)
from capcore.testing import strategies
from capcore.testing.seed_tables import (
    LOVECH_HEADERS,
    SEED_FILES,
    lovech_matrix,
    pazardzhik_cards,
    read_seed_text,
    smolyan_list,
)

from .conftest import SHARED


@pytest.mark.parametrize(
    ("blocks", "layout"),
    [
        (lovech_matrix().blocks(), Layout.MATRIX),
        (lovech_matrix().sheet_blocks(merged=True), Layout.MATRIX),
        (pazardzhik_cards().blocks(), Layout.CARDS),
        (pazardzhik_cards().blocks(heading_in_table=True), Layout.CARDS),
        (smolyan_list().blocks(), Layout.LIST),
    ],
    ids=["matrix", "matrix-sheet", "cards", "cards-heading-rows", "list"],
)
def test_each_shape_is_detected_and_read(blocks: list, layout: Layout) -> None:
    """The shape is found from the content, and read_tables reads it with its reader."""
    assert detect_layout(blocks) is layout
    assert read_tables(blocks, source="plan").layout is layout


@pytest.mark.parametrize("key", list(SEED_FILES))
def test_seed_files_are_detected(key: str) -> None:
    """Each raw seed text is recognised in its own shape."""
    path = SHARED / "seeds" / SEED_FILES[key]
    if not path.is_file():
        pytest.skip(f"../shared/seeds not found: {path}")
    expected = {"lovech": Layout.MATRIX, "pazardzhik": Layout.CARDS, "smolyan": Layout.LIST}
    assert detect_layout(read_seed_text(path.read_text(encoding="utf-8"))) is expected[key]


def test_cards_without_headings_are_detected_by_their_labels() -> None:
    """Three labelled rows are enough to call a document cards."""
    rows = [
        [SourceCell(label, f"r{n}c1"), SourceCell("x", f"r{n}c2")]
        for n, label in enumerate(["ДЕЙСТВИЕ", "СПОНСОР", "БЮДЖЕТ"], start=1)
    ]
    assert detect_layout([SourceTable(rows, "table 1")]) is Layout.CARDS


def test_a_layout_can_be_forced() -> None:
    """Asking for a shape the document is not in gives that reader's clear error."""
    with pytest.raises(PlanFormatError, match="no plan table found"):
        read_tables(smolyan_list().blocks(), source="plan.docx", layout=Layout.MATRIX)


def test_an_unknown_locale_is_refused() -> None:
    """A locale capcore does not support is an error, not a silent default."""
    with pytest.raises(UnknownLocaleError, match="'fr'"):
        read_tables(smolyan_list().blocks(), source="plan.docx", locale="fr")


def test_no_shape_is_a_clear_error() -> None:
    """A document in none of the shapes names the file and what was looked for."""
    blocks = [SourceParagraph("Уважаеми колеги,", "paragraph 1")]
    assert detect_layout(blocks) is None
    with pytest.raises(PlanFormatError) as raised:
        read_tables(blocks, source="letter.docx")
    assert raised.value.source == "letter.docx"
    assert "МЯРКА 1" in raised.value.problem
    assert "Срок:" in raised.value.problem


_WORDS = st.one_of(
    strategies.texts(max_size=12),
    st.sampled_from(
        [*LOVECH_HEADERS, "1.", "2.", "Срок: м. март", "Отговорник: Кмет", "МЯРКА 1 – QW",
         "ДЕЙСТВИЕ", "СПОНСОР", "1.1. Текст", "1. Раздел", "Област 1: Хора", "УТВЪРЖДАВАМ:",
         "План за подобрение", "да", "В изпълнение", "40 %", "14.3.2022"]
    ),
)  # fmt: skip


@st.composite
def _cells(draw: st.DrawFn, where: str) -> list[SourceCell]:
    return [
        SourceCell(
            draw(_WORDS),
            f"{where} c{n}",
            date=draw(st.none() | st.dates()),
            continues_above=draw(st.booleans()),
            span=draw(st.integers(1, 3)),
        )
        for n in range(draw(st.integers(0, 5)))
    ]


@st.composite
def _blocks(draw: st.DrawFn) -> list[SourceBlock]:
    blocks: list[SourceBlock] = []
    for n in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            blocks.append(SourceParagraph(draw(_WORDS), f"p{n}"))
        else:
            rows = [draw(_cells(f"t{n} r{r}")) for r in range(draw(st.integers(0, 6)))]
            blocks.append(SourceTable(rows, f"t{n}"))
    return blocks


@given(_blocks(), st.none() | st.sampled_from(Layout), st.none() | st.dates())
def test_any_blocks_give_a_plan_or_a_clear_error(
    blocks: list[SourceBlock], layout: Layout | None, as_of: dt.date | None
) -> None:
    """Whatever a document holds, the result is a plan whose notes point into it, or a PlanFormatError."""
    outcome = _read_or_error(blocks, layout, as_of)
    if isinstance(outcome, PlanFormatError):
        assert outcome.source == "any.docx"
        return
    places = {"", *(b.location for b in blocks)}
    places |= {c.location for b in blocks if isinstance(b, SourceTable) for r in b.rows for c in r}
    assert all(note.location.split(", line ")[0] in places for note in outcome.import_notes)


def _read_or_error(
    blocks: list[SourceBlock], layout: Layout | None, as_of: dt.date | None
) -> Plan | PlanFormatError:
    try:
        return read_tables(blocks, source="any.docx", layout=layout, as_of=as_of)
    except PlanFormatError as error:
        return error

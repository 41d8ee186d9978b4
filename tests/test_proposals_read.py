"""Reading improvement proposals from format-free tables and from JSON."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from capcore import (
    CafRef,
    CapcoreError,
    FormatSpec,
    PlanFormatError,
    Proposal,
    SourceCell,
    SourceParagraph,
    SourceTable,
    hookimpl,
    make_plugin_host,
    read_proposals,
)
from capcore.examples import example_overrides, example_proposals
from capcore.prioritisation_method import PrioritisationMethod
from capcore.proposals_read import (
    dump_proposals,
    load_proposals,
    proposal_id,
    read_proposal_tables,
)

from .conftest import REPO

EXAMPLES = REPO / "examples" / "proposals"


def table(*rows: tuple[str, ...], sheet: str = "Лист1") -> SourceTable:
    """A sheet's rows as source cells, located A1, B1, ..."""
    return SourceTable(
        [
            [
                SourceCell(text, f"{sheet}!{chr(65 + column)}{number}")
                for column, text in enumerate(row)
            ]
            for number, row in enumerate(rows, 1)
        ],
        f"sheet {sheet}",
    )


HEADER = ("№", "Подкритерий", "Предложение за подобрение", "Въздействие", "Лекота")


def test_headers_in_bulgarian_in_any_order_below_title_rows() -> None:
    """Title rows are skipped; the header row is found; values are read by column."""
    read = read_proposal_tables(
        [
            SourceParagraph("Приоритизиране", "paragraph 1"),
            table(
                ("Общинска администрация",),
                ("Лекота", "Предложение за подобрение", "Критерий/подкритерий", "Въздействие"),
                ("5", "Анкета за удовлетвореността", "2.1", "4"),
            ),
        ],
        source="p.xlsx",
    )
    [proposal] = read.proposals
    assert (proposal.text, proposal.caf_ref) == ("Анкета за удовлетвореността", CafRef(2, 1))
    assert (proposal.impact, proposal.feasibility) == (Decimal(4), Decimal(5))
    assert read.locations[proposal.id] == "Лист1!A3"


def test_english_headers_and_decimal_commas() -> None:
    """English words work as well; 3,5 is 3.5."""
    read = read_proposal_tables(
        [table(("Proposal", "Impact", "Feasibility", "Score"), ("Survey", "3,5", "4", "45 %"))],
        source="p",
    )
    [proposal] = read.proposals
    assert (proposal.impact, proposal.self_assessment_score) == (Decimal("3.5"), Decimal(45))


def test_a_row_of_column_numbers_is_skipped() -> None:
    """1., 2., 3. under the header are not a proposal."""
    read = read_proposal_tables(
        [table(HEADER, ("1.", "2.", "3.", "4.", "5."), ("1", "3.2", "План за обучение", "4", "4"))],
        source="p",
    )
    assert [p.text for p in read.proposals] == ["План за обучение"]
    assert read.import_notes == ()


def test_a_merged_sub_criterion_counts_for_every_row_it_covers() -> None:
    """A cell continued from above gives its value; an empty one does not."""
    rows = [
        [SourceCell(text, f"A{i}") for i, text in enumerate(HEADER)],
        [SourceCell("1", "A2"), SourceCell("3.3", "B2"), SourceCell("Система", "C2")],
        [SourceCell("2", "A3"), SourceCell("", "B3", continues_above=True), SourceCell("Анкета", "C3")],
        [SourceCell("3", "A4"), SourceCell("", "B4"), SourceCell("Друго", "C4")],
    ]  # fmt: skip
    read = read_proposal_tables([SourceTable(rows, "sheet")], source="p")
    assert [p.caf_ref for p in read.proposals] == [CafRef(3, 3), CafRef(3, 3), None]


def test_unknown_columns_are_kept_and_reported_once() -> None:
    """Nothing is lost: an unknown column goes to each proposal's extra, with one note."""
    read = read_proposal_tables(
        [table((*HEADER, "Източник"), ("1", "1.1", "Мисия", "5", "4", "Доклад, с. 14"))],
        source="p",
    )
    assert read.proposals[0].extra == {"Източник": "Доклад, с. 14"}
    [note] = read.import_notes
    assert (note.location, note.text) == ("Лист1!F1", "Източник")


def test_a_row_without_a_proposal_and_cells_beyond_the_header_are_reported() -> None:
    """A row with no proposal is a note per cell; a cell past the header is kept in extra."""
    read = read_proposal_tables(
        [table(HEADER, ("", "Критерий 1: Лидерство"), ("1", "1.1", "Мисия", "5", "4", "бележка"))],
        source="p",
    )
    assert [(n.location, n.text) for n in read.import_notes] == [
        ("Лист1!B2", "Критерий 1: Лидерство"),
        ("Лист1!F3", "бележка"),
    ]
    assert read.proposals[0].extra == {"Лист1!F3": "бележка"}


def test_a_sub_criterion_with_its_title_is_read_and_the_text_kept() -> None:
    """ "3.2 Развиване на компетентностите" is 3.2; the whole text stays in extra."""
    read = read_proposal_tables(
        [table(HEADER, ("1", "3.2 Развиване на компетентностите", "План", "4", "4"))], source="p"
    )
    assert read.proposals[0].caf_ref == CafRef(3, 2)
    assert read.proposals[0].extra == {"caf_ref": "3.2 Развиване на компетентностите"}


@pytest.mark.parametrize(
    ("row", "where", "expected"),
    [
        (("1", "1.1", "Мисия", "висок", "4"), "Лист1!D2 (row 2, column 'Въздействие')",
         "'висок' is not a number such as 4"),
        (("1", "Лидерство", "Мисия", "5", "4"), "Лист1!B2 (row 2, column 'Подкритерий')",
         "is not a CAF sub-criterion such as 3.2"),
    ],
)  # fmt: skip
def test_a_bad_value_names_the_file_cell_column_and_expectation(
    row: tuple[str, ...], where: str, expected: str
) -> None:
    """A value that cannot be read stops the reading with a clear message."""
    with pytest.raises(PlanFormatError) as raised:
        read_proposal_tables([table(HEADER, row)], source="p.xlsx")
    assert raised.value.source == "p.xlsx"
    assert raised.value.location == where
    assert expected in raised.value.problem


def test_a_self_assessment_score_over_100_is_an_error() -> None:
    """CAF scores are 0-100."""
    with pytest.raises(PlanFormatError, match="from 0 to 100"):
        read_proposal_tables([table(("Предложение", "Оценка"), ("Мисия", "120"))], source="p")


def test_a_document_without_a_proposals_table_is_an_error() -> None:
    """The message says which header is expected."""
    with pytest.raises(PlanFormatError, match="no table of improvement proposals"):
        read_proposal_tables([table(("Мярка", "Срок"), ("А", "2022"))], source="p")


def test_ids_derive_from_number_and_text() -> None:
    """Reading the same table twice gives the same ids; repeated rows differ."""
    rows = (HEADER, ("1", "1.1", "Мисия", "5", "4"), ("1", "1.1", "Мисия", "5", "4"))
    first = read_proposal_tables([table(*rows)], source="p").proposals
    again = read_proposal_tables([table(*rows)], source="p").proposals
    assert [p.id for p in first] == [p.id for p in again]
    assert [p.id for p in first] == [proposal_id("1", "Мисия", 0), proposal_id("1", "Мисия", 1)]


def test_json_round_trip_keeps_proposals_method_and_overrides() -> None:
    """dump_proposals and load_proposals lose nothing."""
    method = PrioritisationMethod.named("matrix-3x3")
    text = dump_proposals(example_proposals(), method, example_overrides())
    read = load_proposals(text, source="p.json")
    assert read.proposals == example_proposals()
    assert read.method == method
    assert read.overrides == example_overrides()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema_version": 1, "title": "x"}', 'expected a proposals file with "kind"'),
        ('{"schema_version": 1, "kind": "capcore-proposals", "proposals": [{"text": 5}]}',
         r"\$\.proposals\[0\]\.text"),
        ('{"schema_version": 9, "kind": "capcore-proposals", "proposals": []}', "version 1"),
        ("{", "not valid JSON"),
    ],
)  # fmt: skip
def test_bad_json_names_the_file_and_place(text: str, message: str) -> None:
    """Not a proposals file, a wrong type, another version, broken JSON."""
    with pytest.raises(PlanFormatError, match=message):
        load_proposals(text, source="p.json")


def test_read_proposals_reads_the_committed_json_example() -> None:
    """examples/proposals/proposals.json holds the example's proposals and decision."""
    read = read_proposals(EXAMPLES / "proposals.json")
    assert read.proposals == example_proposals()
    assert read.overrides == example_overrides()


def test_the_committed_json_example_is_what_the_code_builds() -> None:
    """proposals.json is byte for byte what write_proposals.py writes."""
    text = dump_proposals(
        example_proposals(), PrioritisationMethod.named("impact-feasibility"), example_overrides()
    )
    assert (EXAMPLES / "proposals.json").read_text(encoding="utf-8") == text


def test_read_proposals_uses_a_formats_table_reader() -> None:
    """A plugin's table reader gives the blocks; the core reads the proposals from them."""

    def blocks(stream, *, name: str):
        del stream
        return [table(HEADER, ("1", "1.1", "Мисия", "5", "4"), sheet=name)]

    class Plugin:
        @hookimpl
        def capcore_formats(self) -> list[FormatSpec]:
            return [FormatSpec("grid", (".grid",), table_reader=blocks)]

    host = make_plugin_host(plugins=[Plugin()], entry_points=False)
    read = read_proposals(io.BytesIO(b"x"), "grid", host=host)
    assert [p.text for p in read.proposals] == ["Мисия"]


def _write_nothing(plan, stream) -> None:
    del plan, stream


def test_a_format_without_a_table_reader_is_a_clear_error() -> None:
    """The message names the format and what can be read."""

    class Plugin:
        @hookimpl
        def capcore_formats(self) -> list[FormatSpec]:
            return [FormatSpec("text", (".txt",), writer=_write_nothing)]

    host = make_plugin_host(plugins=[Plugin()], entry_points=False)
    with pytest.raises(CapcoreError, match=r"format 'text' .* cannot give its tables"):
        read_proposals(io.BytesIO(b"x"), "text", host=host)


def test_a_table_reader_that_fails_badly_is_still_a_capcore_error() -> None:
    """Whatever a plugin lets escape is reported as the file's problem."""

    def broken(stream, *, name: str):
        del stream
        raise KeyError(name)

    class Plugin:
        @hookimpl
        def capcore_formats(self) -> list[FormatSpec]:
            return [FormatSpec("grid", (".grid",), table_reader=broken)]

    host = make_plugin_host(plugins=[Plugin()], entry_points=False)
    with pytest.raises(PlanFormatError, match="not a readable grid file"):
        read_proposals(io.BytesIO(b"x"), "grid", host=host)


def test_a_missing_file_is_a_clear_error(tmp_path) -> None:
    """Like capcore.read: the file and the reason."""
    with pytest.raises(PlanFormatError, match="cannot read"):
        read_proposals(tmp_path / "none.json")


def test_proposal_type_is_exported() -> None:
    """capcore.Proposal is the type the reader returns."""
    assert isinstance(example_proposals()[0], Proposal)

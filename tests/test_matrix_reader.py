"""The matrix reader: the Lovech table in the shapes administrations write it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore import (
    Area,
    DeadlineKind,
    Layout,
    MeasureKind,
    Plan,
    PlanFormatError,
    SourceCell,
    SourceParagraph,
    SourceTable,
    Status,
    parse_deadline,
    read_matrix,
)
from capcore.examples import lovech
from capcore.jsonio import to_dict
from capcore.model import Activity, Measure
from capcore.testing import strategies
from capcore.testing.seed_tables import (
    SEED_FILES,
    MatrixTable,
    lovech_matrix,
    matrix_table,
    read_seed_text,
)

from .conftest import SHARED


def _content(plan: Plan) -> Any:
    """The plan as JSON data without ids, CAF version and language (no table carries them)."""

    def strip(data: Any) -> Any:
        if isinstance(data, dict):
            return {
                k: strip(v) for k, v in data.items() if k not in {"id", "caf_version", "language"}
            }
        if isinstance(data, list):
            return [strip(item) for item in data]
        return data

    return strip(to_dict(plan))


def _read(table: MatrixTable, **shape: bool) -> Plan:
    return read_matrix(table.blocks(**shape), source="plan.docx")


def _cells(*texts: str, row: int = 1) -> list[SourceCell]:
    return [SourceCell(text, f"R{row}C{c}") for c, text in enumerate(texts, start=1)]


def _table(*rows: list[SourceCell]) -> SourceTable:
    return SourceTable(rows, "table 1")


_HEADER = ("Мярка", "Дейност", "Срок", "Отговорник")


def _simple(*rows: tuple[str, ...]) -> Plan:
    """Read a 4-column table (measure, activity, deadline, responsible) under a title."""
    table = _table(*(_cells(*row, row=r) for r, row in enumerate((_HEADER, *rows), start=1)))
    return read_matrix([SourceParagraph("План за подобрение", "paragraph 1"), table], source="t")


# --- the Lovech seed ------------------------------------------------------------------------


def test_lovech_counts() -> None:
    """The Lovech table gives 3 areas, 32 measures, 54 activities, 15 quick wins."""
    plan = _read(lovech_matrix())
    measures = list(plan.measures())
    assert len(plan.areas) == 3
    assert len(measures) == 32
    assert len(list(plan.activities())) == 54
    assert sum(measure.kind is MeasureKind.QUICK_WIN for measure in measures) == 15


def test_lovech_fields_equal_the_example_plan() -> None:
    """Every field the table carries reads back as the example plan has it."""
    plan = _read(lovech_matrix())
    assert _content(plan) == _content(lovech())
    assert plan.layout is Layout.MATRIX
    assert plan.import_notes == ()


def test_lovech_preamble() -> None:
    """Title, subtitle, period, organisation and approval come from the lines above."""
    plan = _read(lovech_matrix())
    assert plan.title == "ПЛАН ЗА ПОДОБРИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ"
    assert plan.subtitle == "(изготвен в съответствие с Доклада за самооценка на организацията)"
    assert plan.organisation == "Областна администрация Ловеч"
    assert plan.period is not None
    assert (plan.period.start, plan.period.end) == (dt.date(2022, 1, 1), dt.date(2024, 12, 31))
    assert plan.approval is not None
    assert plan.approval.name == "ВИКТОР СТОЙЧЕВ"
    assert plan.approval.position == "ОБЛАСТЕН УПРАВИТЕЛ\nНА ОБЛАСТ ЛОВЕЧ"


def test_raw_seed_file_reads_as_the_example_plan() -> None:
    """The seed text itself (irregular numbers, blank lines, dates as written) reads exactly."""
    path = SHARED / "seeds" / SEED_FILES["lovech"]
    if not path.is_file():
        pytest.skip(f"../shared/seeds not found: {path}")
    plan = read_matrix(read_seed_text(path.read_text(encoding="utf-8")), source=path.name)
    assert _content(plan) == _content(lovech())
    numbers = [activity.number for activity in plan.activities()]
    assert numbers.count("2.8.2") == 2
    assert "3.1.1" in numbers
    first = next(plan.activities())
    assert first.start is not None
    assert first.start.text == "14.3.2022"
    assert first.start.kind is DeadlineKind.DATE


def test_merged_and_blank_continuations_read_alike() -> None:
    """Area rows spanning the table and measure cells merged down read as blank ones do."""
    table = lovech_matrix()
    assert _content(_read(table, merged=True)) == _content(_read(table))


def test_sheet_with_title_rows_reads_alike() -> None:
    """A sheet with the title in rows above the header, addresses as locations."""
    plan = read_matrix(lovech_matrix().sheet_blocks(merged=True), source="plan.xlsx")
    assert _content(plan) == _content(lovech())
    first_area = plan.areas[0]
    assert plan.source_locations[first_area.id] == "План!A11"


@pytest.mark.parametrize(
    "order",
    [(8, 7, 6, 5, 4, 3, 2, 1, 0), (1, 0, 2, 3, 4, 5, 6, 7, 8), (4, 5, 0, 1, 8, 6, 7, 3, 2)],
    ids=["reversed", "activity-first", "mixed"],
)
def test_any_column_order(order: tuple[int, ...]) -> None:
    """The columns may stand in any order."""
    assert _content(_read(lovech_matrix().reordered(order))) == _content(lovech())


def test_english_headers() -> None:
    """English headers read the same plan, in English."""
    plan = _read(lovech_matrix(english=True))
    assert _content(plan) == _content(lovech())
    assert plan.language == "en"


def test_without_column_number_row() -> None:
    """The row of column numbers is optional."""
    assert _content(_read(lovech_matrix().without_column_numbers())) == _content(lovech())


def test_every_entity_has_a_source_location() -> None:
    """Each area, measure and activity (and the plan) points at the cell it came from."""
    plan = _read(lovech_matrix())
    entities = [plan, *plan.areas, *plan.measures(), *plan.activities()]
    assert all(entity.id in plan.source_locations for entity in entities)
    first = next(plan.activities())
    assert plan.source_locations[first.id] == "table 1, row 4, cell 2"
    assert plan.source_locations[plan.id] == "paragraph 5"


def test_reading_twice_gives_the_same_ids() -> None:
    """Ids derive from the title and position, so a document read twice merges into itself."""
    first, second = _read(lovech_matrix()), _read(lovech_matrix())
    assert first.id == second.id
    assert [a.id for a in first.activities()] == [a.id for a in second.activities()]


# --- placing and keeping ----------------------------------------------------------------


def test_unknown_column_is_kept_and_reported() -> None:
    """Cells of a column no synonym names stay in the activity's extra, with notes."""
    table = _table(
        _cells("Мярка", "Дейност", "Индикатор", "Срок"),
        _cells("1. Обучение", "1.1. Програма", "5 обучени", "м. март", row=2),
    )
    plan = read_matrix([table], source="t.docx")
    activity = next(plan.activities())
    assert activity.extra == {"R2C3": "5 обучени"}
    assert plan.extra == {"R1C3": "Индикатор"}
    notes = {note.location: note for note in plan.import_notes}
    assert "'Индикатор' is not a plan column" in notes["R2C3"].message
    assert notes["R2C3"].text == "5 обучени"
    assert activity.id in notes["R2C3"].kept_in


def test_cell_beyond_the_header_is_kept() -> None:
    """A row longer than the header keeps its extra cells."""
    plan = _simple(("1. М", "1.1. Д", "м. март", "Секретар", "бележка встрани"))
    assert next(plan.activities()).extra == {"R2C5": "бележка встрани"}
    assert [note.location for note in plan.import_notes] == ["R2C5"]


def test_continuation_row_fills_empty_fields_and_keeps_the_rest() -> None:
    """A row with blank title cells fills the activity above; a second value is kept."""
    plan = _simple(("1. М", "1.1. Д", "", "Секретар"), ("", "", "м. март", "Директор"))
    activity = next(plan.activities())
    assert activity.deadline is not None
    assert activity.deadline.text == "м. март"
    assert activity.responsible == "Секретар"
    assert activity.extra == {"R3C4": "Директор"}


def test_measure_without_activity_carries_its_row() -> None:
    """A new measure with an empty activity cell takes the row's deadline and responsible."""
    plan = _simple(("1. М", "", "постоянен", "Секретар"), ("2. Н", "2.1. Д", "м. март", "Кмет"))
    first, second = plan.measures()
    assert (first.activities, first.responsible) == ([], "Секретар")
    assert first.deadline is not None
    assert first.deadline.is_continuous
    assert [a.responsible for a in second.activities] == ["Кмет"]


def test_merged_cell_gives_its_value_to_each_activity() -> None:
    """A responsible merged down over two activities belongs to both."""
    header = _cells(*_HEADER)
    first = _cells("1. М", "1.1. А", "м. март", "Секретар", row=2)
    second = [
        SourceCell("", "R3C1", continues_above=True),
        SourceCell("1.2. Б", "R3C2"),
        SourceCell("м. юни", "R3C3"),
        SourceCell("", "R3C4", continues_above=True),
    ]
    plan = read_matrix([_table(header, first, second)], source="t")
    assert [a.responsible for a in plan.activities()] == ["Секретар", "Секретар"]
    assert len(list(plan.measures())) == 1


def test_area_row_spanning_the_table() -> None:
    """A single cell spanning the table is an area, with or without an area word."""
    table = _table(
        _cells(*_HEADER),
        [SourceCell("I. Лидерство", "R2C1", span=4)],
        _cells("1. М", "1.1. Д", "", "", row=3),
        [SourceCell("Управление на хората", "R4C1", span=4)],
        _cells("2. Н", "2.1. Е", "", "", row=5),
    )
    plan = read_matrix([table], source="t")
    assert [(area.number, area.title) for area in plan.areas] == [
        ("I", "Лидерство"),
        ("", "Управление на хората"),
    ]
    assert [len(area.measures) for area in plan.areas] == [1, 1]


def test_area_column_instead_of_area_rows() -> None:
    """An area column starts a new area when its text changes; blank continues it."""
    table = _table(
        _cells("Област", "Мярка", "Срок"),
        _cells("Област 1: Хора", "1.1. А", "м. март", row=2),
        _cells("", "1.2. Б", "м. юни", row=3),
        _cells("Област 2: Процеси", "2.1. В", "", row=4),
    )
    plan = read_matrix([table], source="t")
    assert [(area.number, [m.number for m in area.measures]) for area in plan.areas] == [
        ("1", ["1.1", "1.2"]),
        ("2", ["2.1"]),
    ]


def test_measures_only_table() -> None:
    """A table with a measure column and no activity column lists measures."""
    table = _table(
        _cells("№", "Мярка", "Бюджет", "Срок"),
        _cells("1", "Обучение", "3500 лева", "м. март", row=2),
    )
    measure = next(read_matrix([table], source="t").measures())
    assert (measure.number, measure.title, measure.activities) == ("1", "Обучение", [])
    assert measure.budget is not None
    assert measure.budget.amount is not None
    assert measure.budget.amount.amount == Decimal(3500)


def test_activity_only_table_lists_measures() -> None:
    """A table with an activity column and no measure column lists measures too."""
    table = _table(_cells("Дейност", "Отговорник"), _cells("1. Обучение", "Секретар", row=2))
    measure = next(read_matrix([table], source="t").measures())
    assert (measure.title, measure.responsible) == ("Обучение", "Секретар")


def test_two_row_header() -> None:
    """ "Срок" over "Начало" and "Край" gives a start and a deadline column."""
    table = _table(
        [
            SourceCell("Мярка", "R1C1"),
            SourceCell("Дейност", "R1C2"),
            SourceCell("Срок за изпълнение", "R1C3", span=2),
        ],
        [
            SourceCell("", "R2C1", continues_above=True),
            SourceCell("", "R2C2", continues_above=True),
            SourceCell("от", "R2C3"),
            SourceCell("до", "R2C4"),
        ],
        _cells("1. М", "1.1. Д", "1.3.2022", "30.6.2022", row=3),
    )
    activity = next(read_matrix([table], source="t").activities())
    assert activity.start is not None
    assert activity.deadline is not None
    assert (activity.start.text, activity.deadline.text) == ("1.3.2022", "30.6.2022")


def test_date_cells() -> None:
    """A date cell gives its date, written d.m.yyyy unless its shown text reads the same."""
    header = _cells("Мярка", "Дейност", "Начало", "Край")
    row = [
        *_cells("1. М", "1.1. Д", row=2),
        SourceCell("", "R2C3", date=dt.date(2022, 3, 14)),
        SourceCell("14.03.2022", "R2C4", date=dt.date(2022, 3, 14)),
    ]
    activity = next(read_matrix([_table(header, row)], source="t").activities())
    assert activity.start is not None
    assert activity.deadline is not None
    assert (activity.start.text, activity.deadline.text) == ("14.3.2022", "14.03.2022")
    assert activity.start.due == activity.deadline.due == dt.date(2022, 3, 14)


def test_deadlines_are_read_with_the_plan_period() -> None:
    """A month without a year takes the year of the plan period (from the title)."""
    table = _table(_cells(*_HEADER), _cells("1. М", "1.1. Д", "м. март", "", row=2))
    title = SourceParagraph("План за подобрение за периода 2023-2024 г.", "paragraph 1")
    activity = next(read_matrix([title, table], source="t").activities())
    assert activity.deadline is not None
    assert activity.deadline.due == dt.date(2023, 3, 31)


def test_quick_win_column_with_marks_and_junk() -> None:
    """A yes mark makes a quick win; text that is no CAF reference is kept, still a quick win."""
    table = _table(
        _cells("Мярка", "Дейност", "Бързи победи"),
        _cells("1. А", "1.1. Д", "да", row=2),
        _cells("2. Б", "2.1. Д", "виж приложение", row=3),
        _cells("3. В", "3.1. Д", "", row=4),
    )
    plan = read_matrix([table], source="t")
    kinds = [measure.kind for measure in plan.measures()]
    assert kinds == [MeasureKind.QUICK_WIN, MeasureKind.QUICK_WIN, None]
    assert list(plan.measures())[1].extra == {"R3C3": "виж приложение"}


def test_status_and_percent_need_a_date() -> None:
    """With as_of they become a progress update; without it they are kept and reported."""
    table = _table(
        _cells("Мярка", "Дейност", "Статус", "Изпълнение (%)"),
        _cells("1. М", "1.1. Д", "В изпълнение", "40 %", row=2),
    )
    dated = next(read_matrix([table], source="t", as_of=dt.date(2023, 6, 30)).activities())
    assert [(u.on, u.status, u.percent) for u in dated.updates] == [
        (dt.date(2023, 6, 30), Status.IN_PROGRESS, Decimal(40))
    ]
    undated = read_matrix([table], source="t")
    activity = next(undated.activities())
    assert activity.updates == []
    assert activity.extra == {"R2C3": "В изпълнение", "R2C4": "40 %"}
    kept = [note for note in undated.import_notes if note.location.startswith("R2")]
    assert [note.location for note in kept] == ["R2C3", "R2C4"]
    assert all("as_of" in note.message for note in kept)


def test_text_after_the_table_is_kept_in_the_plan() -> None:
    """Paragraphs after the table (a signature) are kept and reported."""
    blocks = [*lovech_matrix().blocks(), SourceParagraph("Изготвил: Иван Иванов", "paragraph 9")]
    plan = read_matrix(blocks, source="t")
    assert plan.extra == {"paragraph 9": "Изготвил: Иван Иванов"}
    assert [note.location for note in plan.import_notes] == ["paragraph 9"]


def test_split_table_and_area_paragraphs_between_tables() -> None:
    """A table broken in two, with an area heading paragraph between the parts, reads as one."""
    first = _table(_cells(*_HEADER), _cells("1. М", "1.1. Д", "", "", row=2))
    second = SourceTable([_cells("2. Н", "2.1. Е", "", "", row=5)], "table 2")
    blocks = [first, SourceParagraph("Област 2: Хора", "paragraph 3"), second]
    plan = read_matrix(blocks, source="t")
    assert [area.title for area in plan.areas] == ["", "Хора"]
    assert [m.number for m in plan.measures()] == ["1", "2"]
    assert any("continuation" in note.message for note in plan.import_notes)


def test_repeated_header_rows_are_skipped() -> None:
    """A header repeated further down (a page break in Word) is not data."""
    plan = _simple(("1. М", "1.1. Д", "", ""), _HEADER, ("", "1.2. Е", "", ""))
    assert [a.number for a in plan.activities()] == ["1.1", "1.2"]
    assert plan.import_notes == ()


def test_no_header_is_a_clear_error() -> None:
    """A table without a recognisable header names the file, the table and the headers sought."""
    table = SourceTable([_cells("Име", "Телефон"), _cells("Иван", "123", row=2)], "table 1")
    with pytest.raises(PlanFormatError) as raised:
        read_matrix([SourceParagraph("Списък", "paragraph 1"), table], source="contacts.docx")
    error = raised.value
    assert (error.source, error.location) == ("contacts.docx", "table 1")
    assert "no plan table found" in error.problem
    assert "мярка" in error.problem
    assert "deadline (срок" in error.problem


# --- property: a simple writer's matrix reads back --------------------------------------

_TEXT = strategies.texts().map(str.strip)
_TITLE = _TEXT.filter(bool)
_DEADLINE_TEXT = st.one_of(st.sampled_from(strategies.DEADLINE_WORDS), _TEXT)


@st.composite
def _matrix_plans(draw: st.DrawFn) -> Plan:
    """Plans whose every visible field the matrix shape can carry."""
    areas = []
    for a in range(1, draw(st.integers(1, 3)) + 1):
        measures = []
        for m in range(1, draw(st.integers(1, 3)) + 1):
            kind = draw(st.none() | st.sampled_from(MeasureKind))
            refs = draw(st.lists(strategies.caf_refs(), max_size=2, unique=True)) if kind else []
            activities = [
                Activity(
                    draw(_TITLE),
                    f"{a}.{m}.{k}",
                    start=None,
                    target=draw(_TEXT),
                    responsible=draw(_TEXT),
                    note=draw(_TEXT),
                )
                for k in range(1, draw(st.integers(0, 3)) + 1)
            ]
            measure = Measure(
                draw(_TITLE),
                f"{a}.{m}",
                kind=kind,
                caf_refs=refs,
                activities=activities,
                expected_result="" if activities else draw(_TEXT),
                responsible="" if activities else draw(_TEXT),
                note="" if activities else draw(_TEXT),
            )
            # The row of a measure with activities is theirs: it carries no dates of its own.
            for entity in activities or [measure]:
                for name in ("start", "deadline"):
                    text = draw(_DEADLINE_TEXT)
                    setattr(entity, name, None if not text else parse_deadline(text))
            measures.append(measure)
        areas.append(Area(draw(_TITLE), str(a), measures=measures))
    return Plan("План за подобрение", areas=areas)


def _visible(plan: Plan) -> list[Any]:
    def when(value: Any) -> str | None:
        return None if value is None else value.text

    return [
        (
            area.number,
            area.title,
            [
                (
                    m.number, m.title, m.kind, m.caf_refs, when(m.start), when(m.deadline),
                    m.expected_result, m.responsible, m.note,
                    [
                        (a.number, a.title, when(a.start), when(a.deadline), a.target,
                         a.responsible, a.note)
                        for a in m.activities
                    ],
                )
                for m in area.measures
            ],
        )
        for area in plan.areas
    ]  # fmt: skip


@given(
    plan=_matrix_plans(),
    order=st.permutations(range(9)),
    merged=st.booleans(),
    english=st.booleans(),
)
def test_matrix_written_by_a_simple_writer_reads_back(
    plan: Plan, order: list[int], merged: bool, english: bool
) -> None:
    """Any plan laid out as a matrix, columns in any order, reads back with the same fields."""
    table = matrix_table(plan, english=english).reordered(order)
    read = read_matrix(table.blocks(merged=merged), source="t")
    assert _visible(read) == _visible(plan)
    assert read.import_notes == ()

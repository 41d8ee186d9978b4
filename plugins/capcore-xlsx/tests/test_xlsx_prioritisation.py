"""The prioritisation sheet renders capcore.prioritisation_of: table, matrix chart, decisions."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from capcore_xlsx._prioritisation import CATEGORY_COLOURS, FEASIBILITY_COLUMN, IMPACT_COLUMN
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.chart import ScatterChart
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet
from xlsx_helpers import FORMULA_ELEMENT, open_xlsx, read_xlsx, sheet_parts, xlsx_bytes

from capcore import (
    Category,
    Decision,
    Override,
    Plan,
    PrioritisationResult,
    Proposal,
    draft_plan,
    parse_caf_refs,
    prioritisation_of,
    prioritise,
)
from capcore.examples import lovech
from capcore.labels import label
from capcore.testing.clients import convert_with_libreoffice, require_program
from capcore.testing.strategies import texts

SHEET = label("prioritisation")


def _proposal(
    number: str, text: str, impact: int | None, feasibility: int | None, **more: object
) -> Proposal:
    scores = {
        "impact": None if impact is None else Decimal(impact),
        "feasibility": None if feasibility is None else Decimal(feasibility),
    }
    return Proposal(text, id=f"p{number}", number=number, **scores, **more)  # type: ignore[arg-type]


def working_group_plan(method: str = "impact-feasibility") -> Plan:
    """A draft plan of six proposals: quick wins, a tie, an override, one not scored."""
    proposals = [
        _proposal("1", "Актуализиране на стратегическите документи", 5, 4, months=2,
                  caf_ref=parse_caf_refs("2.2")[0]),
        _proposal("2", "Въвеждане на електронен регистър на сигналите", 4, 2,
                  caf_ref=parse_caf_refs("5.2 b")[0]),
        _proposal("3", "Анкета за удовлетвореността на служителите", 4, 5, months=1),
        _proposal("4", "Нова сграда за центъра за услуги", 2, 1),
        _proposal("5", "=Обучение по CAF за новите служители", 2, 5),
        _proposal("6", "Предложение без оценка", None, None),
    ]  # fmt: skip
    overrides = [
        Override("p4", by="Работна група, протокол 3", reason="изискване на закона",
                 decision=Decision.TAKE, date=dt.date(2022, 2, 1)),
    ]  # fmt: skip
    return draft_plan(prioritise(proposals, method, overrides), plan_id="draft").plan


def _result(plan: Plan) -> PrioritisationResult:
    result = prioritisation_of(plan)
    assert result is not None
    return result


def _sheet(data: bytes, name: str = SHEET) -> Worksheet:
    sheet = open_xlsx(data)[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def _rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))


def _ranked_rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    """The rows of the ranked table: from its header to the first empty row."""
    rows = _rows(sheet)
    start = next(i for i, row in enumerate(rows) if row[0] == "Ранг") + 1
    end = next(i for i in range(start, len(rows)) if rows[i][1] is None)
    return rows[start:end]


def test_only_a_plan_drawn_from_proposals_gets_the_sheet() -> None:
    """A draft plan has the sheet after the progress sheet; the Lovech plan has none."""
    assert open_xlsx(xlsx_bytes(lovech())).sheetnames == ["План", "График", "Напредък", "capcore"]
    names = open_xlsx(xlsx_bytes(working_group_plan())).sheetnames
    assert names == ["План", "График", "Напредък", SHEET, "capcore"]


def test_ranked_table_is_the_cores_result_in_rank_order() -> None:
    """Rank, number, sub-criterion, text, scores, category, taken and reasoning per proposal."""
    plan = working_group_plan()
    result = _result(plan)
    rows = _ranked_rows(_sheet(xlsx_bytes(plan)))
    assert len(rows) == len(result.entries) == 6
    for row, entry in zip(rows, result.entries, strict=True):
        proposal = entry.proposal
        category = "" if entry.category is None else label(entry.category.value)
        expected = (
            entry.rank,
            proposal.number,
            None if proposal.caf_ref is None else str(proposal.caf_ref),
            proposal.text,
            None if proposal.impact is None else int(proposal.impact),
            None if proposal.feasibility is None else int(proposal.feasibility),
            None if entry.score is None else int(entry.score),
            category or None,
            "✓" if entry.taken else "✗",
            entry.reasoning_text("bg"),
        )
        assert row == expected


def test_quick_wins_are_highlighted_in_the_table() -> None:
    """A quick win's category cell has the highlight fill; no other category's has it."""
    plan = working_group_plan()
    sheet = _sheet(xlsx_bytes(plan))
    quick = label(Category.QUICK_WIN.value)
    cells = [
        row[7] for row in sheet.iter_rows() if row[7].value in {label(c.value) for c in Category}
    ]
    assert {cell.value for cell in cells if cell.fill.fill_type == "solid"} == {quick}


def _chart(sheet: Worksheet) -> ScatterChart:
    charts = sheet._charts
    assert len(charts) == 1
    chart = charts[0]
    assert isinstance(chart, ScatterChart)
    return chart


def _cells_of(sheet: Worksheet, reference: str) -> list[object]:
    """The values of the cells a series formula (``'Приоритизация'!$F$20:$F$21``) names."""
    sheet_name, _, cells = reference.rpartition("!")
    assert sheet_name.strip("'") == sheet.title
    first_column, first_row, last_column, last_row = range_boundaries(cells.replace("$", ""))
    rows = sheet.iter_rows(
        min_row=first_row, max_row=last_row, min_col=first_column, max_col=last_column
    )
    return [cell.value for row in rows for cell in row]


def test_chart_series_refer_to_each_categorys_scores() -> None:
    """One series per category on the chart; its x cells are feasibility, its y cells impact."""
    plan = working_group_plan()
    result = _result(plan)
    sheet = _sheet(xlsx_bytes(plan))
    chart = _chart(sheet)
    placed = [c for c in Category if any(e.proposal.impact for e in result.in_category(c))]
    assert [series.tx.strRef is None for series in chart.series] == [True] * len(placed)
    assert [series.tx.v for series in chart.series] == [label(c.value).capitalize() for c in placed]
    for series, category in zip(chart.series, placed, strict=True):
        entries = [e for e in result.in_category(category) if e.proposal.impact is not None]
        xs = series.xVal.numRef.f
        ys = series.yVal.numRef.f
        assert f"${'EF'[FEASIBILITY_COLUMN - 5]}$" in xs
        assert f"${'EF'[IMPACT_COLUMN - 5]}$" in ys
        assert _cells_of(sheet, xs) == [int(e.proposal.feasibility or 0) for e in entries]
        assert _cells_of(sheet, ys) == [int(e.proposal.impact or 0) for e in entries]


def test_quick_win_series_stands_out() -> None:
    """The quick wins' markers are larger diamonds in their own colour."""
    chart = _chart(_sheet(xlsx_bytes(working_group_plan())))
    quick = chart.series[0]
    assert quick.tx.v == label(Category.QUICK_WIN.value).capitalize()
    assert quick.marker.symbol == "diamond"
    assert quick.marker.spPr.solidFill.srgbClr == CATEGORY_COLOURS[Category.QUICK_WIN]
    assert all(series.marker.size < quick.marker.size for series in chart.series[1:])


def test_axes_span_the_methods_scale() -> None:
    """Feasibility across and impact up, each from the scale's low to its high end."""
    chart = _chart(_sheet(xlsx_bytes(working_group_plan())))
    for axis in (chart.x_axis, chart.y_axis):
        assert (axis.scaling.min, axis.scaling.max) == (1, 5)
        assert axis.delete is False


def test_overrides_and_proposals_not_taken_are_listed_with_why() -> None:
    """The group's decision says who, why and when; each proposal left out says why."""
    plan = working_group_plan()
    result = _result(plan)
    texts_ = [value for row in _rows(_sheet(xlsx_bytes(plan))) for value in row if value]
    assert "Работна група, протокол 3" in texts_
    assert "изискване на закона" in texts_
    assert label("take") in texts_
    assert dt.datetime(2022, 2, 1, tzinfo=None) in texts_  # noqa: DTZ001 - a date cell reads naive
    assert f"{label('not_taken')} ({len(result.not_taken())})" in texts_
    for entry in result.not_taken():
        assert entry.not_taken_reason is not None
        assert entry.not_taken_reason.text("bg") in texts_


def test_english_labels() -> None:
    """With locale="en" the sheet and its headings are English."""
    plan = working_group_plan()
    sheet = _sheet(xlsx_bytes(plan, locale="en"), "Prioritisation")
    values = [value for row in _rows(sheet) for value in row if isinstance(value, str)]
    assert "Method: impact-feasibility; scale 1-5; 2x2 matrix" in values
    assert "Quick win (2)" in values
    result = _result(plan)
    assert result.entries[0].reasoning_text("en") in values


def test_text_is_never_a_formula_and_the_plan_reads_back_whole() -> None:
    """A proposal starting with "=" stays text; the workbook reads back equal to the plan."""
    plan = working_group_plan()
    data = xlsx_bytes(plan)
    assert not any(FORMULA_ELEMENT.search(part) for part in sheet_parts(data).values())
    assert read_xlsx(data) == plan


@given(
    st.lists(
        st.tuples(texts(), st.integers(1, 5) | st.none(), st.integers(1, 5)),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["impact-feasibility", "matrix-3x3", "weighted"]),
)
def test_counts_on_the_sheet_match_the_result(
    rows: list[tuple[str, int | None, int]], method: str
) -> None:
    """Every proposal has one ranked row; every one scored on both axes one chart point."""
    proposals = [
        _proposal(str(n), text, impact, feasibility)
        for n, (text, impact, feasibility) in enumerate(rows, 1)
    ]
    plan = draft_plan(prioritise(proposals, method), plan_id="draft").plan
    result = _result(plan)
    sheet = _sheet(xlsx_bytes(plan))
    assert len(_ranked_rows(sheet)) == len(result.entries)
    charts = sheet._charts
    points = sum(len(_cells_of(sheet, s.xVal.numRef.f)) for c in charts for s in c.series)
    assert points == sum(e.proposal.impact is not None for e in result.entries)


@pytest.mark.slow
def test_libreoffice_prints_the_prioritisation_sheet(tmp_path: Path) -> None:
    """LibreOffice converts the workbook; the sheet's headings and proposals are in the PDF."""
    workbook = tmp_path / "draft.xlsx"
    workbook.write_bytes(xlsx_bytes(working_group_plan()))
    pdf = convert_with_libreoffice(workbook, "pdf", tmp_path)
    done = subprocess.run(
        [require_program("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    text = " ".join(done.stdout.split())
    for words in (SHEET, "Матрица за приоритизиране", "Анкета за удовлетвореността"):
        assert words in text, f"{words!r} is not in the PDF"

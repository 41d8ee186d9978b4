"""The workbook capcore writes: the Lovech matrix, cards, labels, safety of every cell."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pandas as pd
from capcore_xlsx._cells import CELL_LIMIT
from hypothesis import given
from hypothesis import strategies as st
from xlsx_helpers import (
    FORMULA_ELEMENT,
    counts,
    open_xlsx,
    read_xlsx,
    sheet_parts,
    xlsx_bytes,
)

from capcore import Deadline, MeasureKind, PlanBuilder, Status, parse_deadline
from capcore.examples import lovech, pazardzhik
from capcore.labels import label
from capcore.testing import strategies
from capcore.testing.seed_matrix import LOVECH_HEADERS

# The Lovech table's own headers, then the two progress columns capcore adds.
HEADERS_BG = [*LOVECH_HEADERS, "Статус", "Изпълнение (%)"]


def header_row(sheet: openpyxl.worksheet.worksheet.Worksheet) -> int:
    return next(
        row for row in range(1, 30) if sheet.cell(row, 2).value in {HEADERS_BG[1], "Activity"}
    )


def test_sheets_in_order_with_the_copy_hidden() -> None:
    """Plan, timeline and progress sheets, then the very hidden copy."""
    workbook = open_xlsx(xlsx_bytes(lovech()))
    assert workbook.sheetnames == ["План", "График", "Напредък", "capcore"]
    assert [sheet.sheet_state for sheet in workbook.worksheets] == [
        "visible",
        "visible",
        "visible",
        "veryHidden",
    ]


def test_matrix_has_the_lovech_columns_and_numbers() -> None:
    """The nine Lovech headers plus status and percent, then the row of column numbers."""
    sheet = open_xlsx(xlsx_bytes(lovech()))["План"]
    header = header_row(sheet)
    assert [sheet.cell(header, column).value for column in range(1, 12)] == HEADERS_BG
    assert [sheet.cell(header + 1, column).value for column in range(1, 12)] == [
        f"{number}." for number in range(1, 12)
    ]


def test_english_labels() -> None:
    """With locale en, sheet names and headers are English."""
    workbook = open_xlsx(xlsx_bytes(lovech(), locale="en"))
    assert workbook.sheetnames[:3] == ["Plan", "Timeline", "Progress"]
    sheet = workbook["Plan"]
    header = header_row(sheet)
    assert sheet.cell(header, 1).value == "Measure"
    assert sheet.cell(header, 10).value == "Status"
    area = sheet.cell(header + 2, 1).value
    assert area.startswith("Area 1: ")


def test_title_and_approval_block_above_the_table() -> None:
    """The approval block at the right, then the title, period and subtitle."""
    plan = lovech()
    sheet = open_xlsx(xlsx_bytes(plan))["План"]
    texts = [
        value
        for row in sheet.iter_rows(max_row=8, max_col=11, values_only=True)
        for value in row
        if value
    ]
    assert texts[:3] == [
        "УТВЪРЖДАВАМ:.....",
        "ВИКТОР СТОЙЧЕВ",
        "ОБЛАСТЕН УПРАВИТЕЛ\nНА ОБЛАСТ ЛОВЕЧ",
    ]
    assert plan.title in texts
    assert "за периода 2022-2024 г." in texts
    assert plan.subtitle in texts
    assert sheet.cell(1, 9).value == "УТВЪРЖДАВАМ:....."  # the right-hand columns


def test_areas_span_the_table_and_measures_merge_down() -> None:
    """Area rows are merged across all columns; a measure's cells over its activities."""
    plan = lovech()
    sheet = open_xlsx(xlsx_bytes(plan))["План"]
    merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
    header = header_row(sheet)
    first_area = header + 2
    assert f"A{first_area}:K{first_area}" in merged
    measure = plan.areas[0].measures[0]
    top = first_area + 1
    bottom = top + len(measure.activities) - 1
    assert {f"A{top}:A{bottom}", f"C{top}:C{bottom}", f"D{top}:D{bottom}"} <= merged
    assert sheet.cell(top, 1).value == f"{measure.number}. {measure.title}"


def test_freeze_filter_print_setup() -> None:
    """Frozen header, autofilter over the table, A4 landscape fitted to width, titles repeated."""
    sheet = open_xlsx(xlsx_bytes(lovech()))["План"]
    header = header_row(sheet)
    assert sheet.freeze_panes == f"A{header + 2}"
    assert sheet.auto_filter.ref.startswith(f"A{header}:K")
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${header}:${header + 1}"
    assert sheet.column_dimensions["L"].hidden
    assert sheet.column_dimensions["M"].hidden
    assert sheet.cell(header + 3, 2).alignment.wrap_text


def test_dates_are_date_cells_and_text_deadlines_text() -> None:
    """An exact day is a date cell shown d.m.yyyy; words stay text."""
    plan = lovech()
    sheet = open_xlsx(xlsx_bytes(plan))["План"]
    header = header_row(sheet)
    first = sheet.cell(header + 3, 5)
    assert first.value.date() == dt.date(2022, 3, 14)
    assert first.number_format == "d.m.yyyy"
    texts = [sheet.cell(row, 6).value for row in range(header + 2, sheet.max_row + 1)]
    assert "текущо, в процеса на изпълнение на Плана за подобрене" in texts


def test_status_drop_down_and_percent_bars() -> None:
    """Status is a list of the localized statuses; percent is 0-100 with data bars."""
    sheet = open_xlsx(xlsx_bytes(lovech()))["План"]
    validations = {dv.type: dv for dv in sheet.data_validations.dataValidation}
    choices = validations["list"].formula1.strip('"').split(",")
    assert choices == [label(status.value, "bg") for status in Status]
    assert str(validations["list"].sqref).startswith("J")
    assert (validations["decimal"].formula1, validations["decimal"].formula2) == ("0", "100")
    rules = [rule for rules in sheet.conditional_formatting for rule in rules.rules]
    assert [rule.type for rule in rules] == ["dataBar"]


def test_status_and_percent_show_the_latest_update() -> None:
    """The status and percent cells show the latest report."""
    builder = PlanBuilder("План", period=(2022, 2022))
    activity = builder.area("А").measure("М").activity("Д", deadline="1.6.2022")
    activity.update(dt.date(2022, 3, 1), status=Status.IN_PROGRESS, percent=20)
    activity.update(dt.date(2022, 5, 1), status=Status.IN_PROGRESS, percent=Decimal("62.5"))
    sheet = open_xlsx(xlsx_bytes(builder.build()))["План"]
    row = next(r for r in range(1, 20) if sheet.cell(r, 2).value == "1.1.1. Д")
    assert sheet.cell(row, 10).value == "В изпълнение"
    assert sheet.cell(row, 11).value == 62.5


def test_cards_have_the_pazardzhik_labels() -> None:
    """The cards layout: a МЯРКА heading per measure, QW for quick wins, the seed's labels."""
    plan = pazardzhik()
    sheet = open_xlsx(xlsx_bytes(plan, layout="cards"))["План"]
    column_a = [sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)]
    assert "МЯРКА 1 – QW" in column_a
    assert "МЯРКА 2" in column_a
    for word in ("ДЕЙСТВИЕ", "СПОНСОР", "РЪКОВОДИТЕЛ", "ЕКИП", "БЮДЖЕТ", "ПРЕДВИДЕН СРОК"):
        assert word in column_a
    first = plan.areas[0].measures[0]
    action = column_a.index("ДЕЙСТВИЕ") + 1
    assert sheet.cell(action, 2).value == first.title


def test_cards_are_the_default_for_a_cards_plan() -> None:
    """A plan written as cards is written as cards unless told otherwise."""
    sheet = open_xlsx(xlsx_bytes(pazardzhik()))["План"]
    assert "МЯРКА 1 – QW" in [sheet.cell(row, 1).value for row in range(1, 20)]


def test_no_formula_anywhere() -> None:
    """Titles that look like formulas are text cells, quote-prefixed; no <f> element exists."""
    builder = PlanBuilder('=HYPERLINK("http://example.invalid","x")', period=(2022, 2022))
    measure = builder.area("=1+2").measure("+359 888 123 456", caf="1.1")
    measure.activity("Д", target="@SUM(A1:A3)", note="#N/A", responsible="=A1")
    measure.activity("Д2", note="-5 %")
    data = xlsx_bytes(builder.build())
    for name, xml in sheet_parts(data).items():
        assert FORMULA_ELEMENT.search(xml) is None, f"a formula in {name}"
    sheet = open_xlsx(data)["План"]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    title = '=HYPERLINK("http://example.invalid","x")'
    for text in (title, "-5 %", "@SUM(A1:A3)", "#N/A", "=A1"):
        assert cells[text].data_type == "s"
    for text in (title, "-5 %", "@SUM(A1:A3)", "=A1"):
        assert cells[text].quotePrefix
    assert not cells["#N/A"].quotePrefix


@given(st.sampled_from(strategies.TRICKY_TEXTS) | strategies.texts())
def test_any_text_is_written_as_text(text: str) -> None:
    """Any title is stored as a string cell, never a formula, and reads back exactly."""
    builder = PlanBuilder("План")
    builder.area("А").measure(text).activity(text, note=text)
    plan = builder.build()
    data = xlsx_bytes(plan, as_of=dt.date(2022, 1, 1))
    assert all(FORMULA_ELEMENT.search(xml) is None for xml in sheet_parts(data).values())
    assert read_xlsx(data) == plan


def test_control_characters_are_escaped_reversibly() -> None:
    """Characters XML cannot hold are written _xHHHH_ and read back as they were."""
    text = "контрол\x00\x01\x0b\x0c\x1f и \ufffe\uffff, и _x0041_ буквално"
    builder = PlanBuilder("План")
    builder.area("А").measure("М").activity(text)
    plan = builder.build()
    data = xlsx_bytes(plan)
    sheet = open_xlsx(data)["План"]
    shown = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert (
        "1.1.1. контрол_x0000__x0001__x000B__x000C__x001F_ и _xFFFE__xFFFF_, и _x005F_x0041_ буквално"
        in shown
    )
    assert next(read_xlsx(data).activities()).title == text


def test_text_over_the_cell_limit_is_cut_with_a_mark_and_kept_whole() -> None:
    """A note longer than 32,767 characters shows its start and a mark; the copy keeps it all."""
    note = "Бележка " + "дълъг текст; " * 4000
    builder = PlanBuilder("План")
    builder.area("А").measure("М").activity("Д", note=note)
    plan = builder.build()
    data = xlsx_bytes(plan)
    sheet = open_xlsx(data)["План"]
    shown = next(
        c.value for row in sheet.iter_rows() for c in row if str(c.value).startswith("Бележка")
    )
    assert len(shown) <= CELL_LIMIT
    assert re.search(r"… \[съкратено: още \d+ знака\]$", shown)
    assert read_xlsx(data) == plan


def test_pandas_reads_the_plan_sheet() -> None:
    """pandas reads the plan sheet's table below its title rows."""
    plan = lovech()
    data = xlsx_bytes(plan)
    header = header_row(open_xlsx(data)["План"])
    frame = pd.read_excel(io.BytesIO(data), sheet_name="План", header=header - 1, usecols="A:K")
    assert list(frame.columns) == HEADERS_BG
    activities = frame["Наименование на дейността"].dropna()
    assert len(activities) - 1 == len(list(plan.activities()))  # the column-number row too


def test_timeline_marks_bars_occurrences_and_the_as_of_month() -> None:
    """One row per measure and activity; bars, recurring marks and the red as-of month."""
    builder = PlanBuilder("План", period=(2022, 2022))
    measure = builder.area("А").measure("Отчитане")
    measure.activity("Тримесечен отчет", start="1.1.2022", deadline="тримесечно")
    measure.activity("Доклад", start="1.2.2022", deadline="31.3.2022")
    sheet = open_xlsx(xlsx_bytes(builder.build(), as_of=dt.date(2022, 5, 10)))["График"]
    header = next(r for r in range(1, 12) if sheet.cell(r, 1).value == "№")
    months = [sheet.cell(header, column).value for column in range(4, 16)]
    assert len(months) == 12
    assert months[4].startswith("май")
    assert sheet.cell(header, 8).fill.fgColor.rgb.endswith("C00000")
    rows = {sheet.cell(r, 2).value: r for r in range(header + 1, sheet.max_row + 1)}
    recurring = [sheet.cell(rows["Тримесечен отчет"], c).value for c in range(4, 16)]
    assert recurring.count("●") == 4
    report = rows["Доклад"]
    filled = [sheet.cell(report, c).fill.fill_type == "solid" for c in range(4, 16)]
    assert filled[1:3] == [True, True]
    assert not filled[5]
    assert sheet.cell(report, 6).value == "◆"  # due in March


def test_progress_sheet_renders_the_report_with_a_chart() -> None:
    """The progress sheet has the as-of heading, the area table and a bar chart."""
    plan = lovech()
    workbook = open_xlsx(xlsx_bytes(plan, as_of=dt.date(2022, 9, 1)))
    sheet = workbook["Напредък"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Напредък към 01.09.2022" in texts
    assert "По области" in texts
    assert "По критерий на CAF" in texts
    assert "По отговорник" in texts
    assert any(text.startswith("1. Стратегическо планиране") for text in texts)
    assert len(sheet._charts) == 1


def test_round_trip_of_the_seed_plans() -> None:
    """The seed plans read back equal, in both layouts."""
    for plan in (lovech(), pazardzhik()):
        for layout in ("matrix", "cards"):
            assert read_xlsx(xlsx_bytes(plan, layout=layout)) == plan


def test_a_plan_without_areas_prints_no_area_row() -> None:
    """The single untitled area of a plan without areas gets no row."""
    builder = PlanBuilder("План")
    builder.area("").measure("М", deadline="м. март")
    sheet = open_xlsx(xlsx_bytes(builder.build()))["План"]
    header = header_row(sheet)
    assert sheet.cell(header + 2, 1).value == "1. М"


def test_a_day_excel_cannot_show_is_text() -> None:
    """A deadline before 1 March 1900 is written as its words, not a date cell."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М").activity("Д", deadline=Deadline.on(dt.date(1899, 5, 1)))
    plan = builder.build()
    data = xlsx_bytes(plan)
    sheet = open_xlsx(data)["План"]
    assert "1.5.1899" in [c.value for row in sheet.iter_rows() for c in row]
    assert read_xlsx(data) == plan


def test_quick_win_without_references_is_marked() -> None:
    """A quick win without CAF references shows ✓ in the quick-win column."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М", quick_win=True).activity("Д")
    sheet = open_xlsx(xlsx_bytes(builder.build()))["План"]
    header = header_row(sheet)
    assert sheet.cell(header + 3, 4).value == "✓"
    assert sheet.cell(header + 3, 3).value is None
    assert MeasureKind.QUICK_WIN


def test_deadline_words_survive() -> None:
    """Deadlines in words read back with their words and meaning."""
    builder = PlanBuilder("План", period=(2022, 2023))
    builder.area("А").measure("М").activity("Д", deadline="ежегодно, декември")
    plan = builder.build()
    back = read_xlsx(xlsx_bytes(plan))
    assert next(back.activities()).deadline == parse_deadline(
        "ежегодно, декември", period=plan.period
    )


def test_openpyxl_is_not_imported_to_list_formats() -> None:
    """Listing the formats does not import openpyxl (it costs a quarter of a second)."""
    code = (
        "import sys, capcore; capcore.make_plugin_host().get_format('xlsx'); "
        "print('openpyxl' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_seed_counts_survive() -> None:
    """The Lovech plan keeps 3 areas, 32 measures, 54 activities, 15 quick wins."""
    assert counts(read_xlsx(xlsx_bytes(lovech()))) == (3, 32, 54, 15)

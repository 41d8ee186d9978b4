"""The docx writer: documents that look like the seed plans, in both languages."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import png
import pytest
from capcore_docx import DOCX_LAYOUTS
from capcore_docx.writer import LAYOUTS
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from docx_helpers import (
    body_paragraph_texts,
    docx_bytes,
    open_docx,
    read_docx,
    table_rows,
    text_of,
    w,
)

import capcore
from capcore import Activity, Area, Measure, MeasureKind, Plan
from capcore.examples import lovech, pazardzhik, smolyan
from capcore.testing.seed_tables import LOVECH_HEADERS, LOVECH_HEADERS_EN, PAZARDZHIK_LABELS


def _merge(tc) -> str:
    merge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    if merge is None:
        return ""
    return merge.get(w("val"), "continue")


def _span(tc) -> int:
    span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    return int(span.get(w("val"))) if span is not None else 1


# -- matrix ---------------------------------------------------------------------------


def test_matrix_opens_with_the_approval_block_title_and_period() -> None:
    """Above the table: УТВЪРЖДАВАМ, the approver, the title and "за периода 2022-2024 г."."""
    texts = body_paragraph_texts(open_docx(docx_bytes(lovech(), layout="matrix")))
    assert texts[:3] == [
        "УТВЪРЖДАВАМ:.....",
        "ВИКТОР СТОЙЧЕВ",
        "ОБЛАСТЕН УПРАВИТЕЛ\nНА ОБЛАСТ ЛОВЕЧ",
    ]
    assert "ПЛАН ЗА ПОДОБРИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ" in texts
    assert "за периода 2022-2024 г." in texts


def test_matrix_is_one_landscape_table_with_the_nine_lovech_columns() -> None:
    """The page is landscape; the header row has the Lovech words, then 1. to 9."""
    document = open_docx(docx_bytes(lovech(), layout="matrix"))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert len(document.element.body.findall(w("tbl"))) == 1
    rows = table_rows(document)
    assert tuple(text_of(tc) for tc in rows[0]) == LOVECH_HEADERS
    assert [text_of(tc) for tc in rows[1]] == [f"{n}." for n in range(1, 10)]


def test_matrix_header_rows_repeat_on_every_page() -> None:
    """The header and the column numbers are marked as repeating header rows; no other row is."""
    document = open_docx(docx_bytes(lovech(), layout="matrix"))
    table = document.element.body.find(w("tbl"))
    repeated = [
        tr.find(f"{w('trPr')}/{w('tblHeader')}") is not None for tr in table.findall(w("tr"))
    ]
    assert repeated[:2] == [True, True]
    assert not any(repeated[2:])


def test_matrix_area_rows_span_the_table() -> None:
    """Each area is one row, a single cell spanning the nine columns: "Област N: ..."."""
    plan = lovech()
    rows = table_rows(open_docx(docx_bytes(plan, layout="matrix")))
    area_rows = [row for row in rows if len(row) == 1]
    assert [_span(row[0]) for row in area_rows] == [9, 9, 9]
    assert [text_of(row[0]) for row in area_rows] == [
        f"Област {area.number}: {area.title}" for area in plan.areas
    ]


def test_matrix_measure_cells_merge_down_over_their_activities() -> None:
    """A measure of n activities has its cell restarted once and continued n - 1 times."""
    plan = lovech()
    rows = [
        row for row in table_rows(open_docx(docx_bytes(plan, layout="matrix"))) if len(row) == 9
    ]
    merges = [_merge(row[0]) for row in rows[2:]]  # after the header and column numbers
    expected: list[str] = []
    for measure in plan.measures():
        count = len(measure.activities)
        expected += ["restart", *["continue"] * (count - 1)] if count > 1 else [""]
    assert merges == expected
    first = rows[2]
    assert text_of(first[0]).startswith("1.1. Разработване на Стратегия")
    assert text_of(first[1]) == "1.1.1. Създаване на работна група за разработване на Стратегията."
    assert [text_of(tc) for tc in first[4:6]] == ["14.3.2022", "18.3.2022"]


def test_matrix_puts_references_in_the_strategic_or_quick_win_column() -> None:
    """A quick win's CAF reference is in column 4, a strategic measure's in column 3."""
    plan = Plan("P", areas=[Area(measures=[
        Measure("Бърза", number="1", kind=MeasureKind.QUICK_WIN, caf_refs=capcore.parse_caf_refs("2.3")),
        Measure("Дълга", number="2", kind=MeasureKind.STRATEGIC, caf_refs=capcore.parse_caf_refs("1.1, 4.5")),
        Measure("Без", number="3", kind=MeasureKind.QUICK_WIN),
    ])])  # fmt: skip
    rows = table_rows(open_docx(docx_bytes(plan, layout="matrix")))[2:]
    assert [(text_of(r[2]), text_of(r[3])) for r in rows] == [
        ("", "2.3"),
        ("1.1, 4.5", ""),
        ("", "✓"),
    ]


def test_matrix_in_english() -> None:
    """locale="en" heads the columns in English and writes "Area N: "."""
    document = open_docx(docx_bytes(lovech(), layout="matrix", locale="en"))
    rows = table_rows(document)
    assert tuple(text_of(tc) for tc in rows[0]) == LOVECH_HEADERS_EN
    assert text_of(rows[2][0]).startswith("Area 1: ")
    assert "for the period 2022-2024" in body_paragraph_texts(document)


def test_measure_without_activities_fills_the_activity_columns() -> None:
    """A measure with no activities shows its own start, deadline, result and responsible."""
    plan = smolyan()
    rows = table_rows(open_docx(docx_bytes(plan, layout="matrix")))
    measure = plan.areas[0].measures[0]
    row = next(r for r in rows if text_of(r[0]).startswith("1.1."))
    assert text_of(row[1]) == ""
    assert text_of(row[5]) == measure.deadline.text
    assert text_of(row[7]) == measure.responsible


# -- cards ----------------------------------------------------------------------------


def test_cards_have_a_heading_and_a_table_per_measure() -> None:
    """Each measure: "МЯРКА N" (with " – QW" for a quick win) and a label/value table."""
    plan = pazardzhik()
    document = open_docx(docx_bytes(plan, layout="cards"))
    headings = [t for t in body_paragraph_texts(document) if t.startswith("МЯРКА")]
    assert headings == [
        f"МЯРКА {m.number}" + (" – QW" if m.is_quick_win else "") for m in plan.measures()
    ]
    assert sum(h.endswith("QW") for h in headings) == 4
    assert len(document.element.body.findall(w("tbl"))) == 12


def test_card_rows_follow_the_pazardzhik_form() -> None:
    """A card's sixteen rows come in the form's order, the values as written."""
    plan = pazardzhik()
    rows = table_rows(open_docx(docx_bytes(plan, layout="cards")), 1)
    labels = [text_of(row[0]) for row in rows]
    assert len(labels) == 16
    # The layout's own words for action, result, start and deadline, as the seed has them.
    assert labels[0] == "ДЕЙСТВИЕ"
    assert labels[13:] == ["РЕЗУЛТАТ", "ДАТА НА ЗАПОЧВАНЕ", "ПРЕДВИДЕН СРОК"]
    assert labels[1:11] == list(PAZARDZHIK_LABELS.values())[1:11]
    measure = list(plan.measures())[1]
    values = {text_of(row[0]): text_of(row[1]) for row in rows}
    assert values["БЮДЖЕТ"] == "3500 лева"
    assert values["ОБХВАТ"] == ""
    assert values["ДЕЙСТВИЕ"] == measure.title


def test_card_labels_in_english() -> None:
    """locale="en": "MEASURE 1 – QW" and English labels."""
    document = open_docx(docx_bytes(pazardzhik(), layout="cards", locale="en"))
    assert "MEASURE 1 – QW" in body_paragraph_texts(document)
    labels = [text_of(row[0]) for row in table_rows(document, 0)]
    assert labels[:3] == ["ACTION", "SPONSOR", "LEADER"]


def test_cards_list_a_measures_activities_after_its_card() -> None:
    """A measure with activities gets a second table: number, activity, dates, responsible."""
    plan = lovech()
    document = open_docx(docx_bytes(plan, layout="cards"))
    activities = table_rows(document, 1)
    first = plan.areas[0].measures[0]
    assert len(activities) == 1 + len(first.activities)
    assert [text_of(tc) for tc in activities[1][:2]] == [
        first.activities[0].number,
        first.activities[0].title,
    ]


# -- list -----------------------------------------------------------------------------


def test_list_has_numbered_items_with_deadline_and_responsible_lines() -> None:
    """Smolyan: "1. section", "1.1. item", "Срок: ...", "Отговорник: ..."."""
    plan = smolyan()
    texts = body_paragraph_texts(open_docx(docx_bytes(plan, layout="list")))
    at = texts.index("1. " + plan.areas[0].title)
    measure = plan.areas[0].measures[0]
    assert texts[at + 1 : at + 4] == [
        f"1.1. {measure.title}",
        "Срок: При актуализация",
        "Отговорник: Гл. Секретар",
    ]
    assert sum(t.startswith("Срок: ") for t in texts) == 19
    assert sum(t.startswith("Отговорник: ") for t in texts) == 19


def test_list_in_english() -> None:
    """locale="en": "Deadline:" and "Responsible:" lines."""
    texts = body_paragraph_texts(open_docx(docx_bytes(smolyan(), layout="list", locale="en")))
    assert "Deadline: постоянен" in texts
    assert "Responsible: Н-к отдел КАК" in texts


def test_list_numbers_are_written_as_text() -> None:
    """Irregular numbers are printed as the plan has them, not renumbered by Word."""
    plan = Plan(
        "P",
        areas=[
            Area(
                "A", "1", measures=[Measure("Първа", number="1.7"), Measure("Втора", number="1.1")]
            )
        ],
    )
    document = open_docx(docx_bytes(plan, layout="list"))
    texts = body_paragraph_texts(document)
    assert "1.7. Първа" in texts
    assert "1.1. Втора" in texts
    assert document.element.body.find(f".//{w('numPr')}") is None


# -- every layout ---------------------------------------------------------------------


def test_declared_layouts_are_the_writers() -> None:
    """The layout choices the format declares are exactly the layouts the writer has."""
    assert DOCX_LAYOUTS == LAYOUTS


def test_the_plans_own_layout_is_the_default() -> None:
    """Without a layout option, a plan is written in its own layout; without one, as a matrix."""
    assert len(open_docx(docx_bytes(pazardzhik())).element.body.findall(w("tbl"))) == 12
    assert not open_docx(docx_bytes(smolyan())).element.body.findall(w("tbl"))
    assert len(open_docx(docx_bytes(Plan("P", areas=[Area()]))).element.body.findall(w("tbl"))) == 1


def test_untitled_area_gets_no_heading() -> None:
    """A plan without areas (one untitled area) prints no area row or heading."""
    plan = pazardzhik()
    for layout in ("matrix", "cards", "list"):
        document = open_docx(docx_bytes(plan, layout=layout))
        texts = body_paragraph_texts(document)
        assert not any(re.match(r"Област \d", t) for t in texts)
        if layout == "matrix":
            assert all(len(row) == 9 for row in table_rows(document))


@pytest.mark.parametrize("layout", ["matrix", "cards", "list"])
def test_text_xml_cannot_hold_is_escaped_and_read_back(layout: str) -> None:
    """Control characters and U+FFFE are written as _xHHHH_ and read back exactly."""
    nasty = "контрол\x00\x01\x0b\x0c\x1f и \ufffe\uffff, _x0041_ и\r\nред"
    activity = Activity(nasty, number="1.1.1", responsible=nasty, note=nasty)
    plan = Plan(
        nasty,
        areas=[Area(nasty, "1", measures=[Measure(nasty, number="1.1", activities=[activity])])],
    )
    data = docx_bytes(plan, layout=layout)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "_x0000_" in xml
    assert "_xFFFE_" in xml
    assert read_docx(data) == plan


def test_long_text_and_line_breaks_stay_in_one_cell() -> None:
    """A multi-line value is one cell with line breaks, read back unchanged."""
    text = "ред едно\nред две\n\tотстъп"
    plan = Plan(
        "P",
        areas=[Area(measures=[Measure("M", number="1", activities=[Activity("A", target=text)])])],
    )
    cell = table_rows(open_docx(docx_bytes(plan, layout="matrix")))[2][6]
    assert len(cell.findall(w("p"))) == 1
    assert (len(cell.findall(f".//{w('br')}")), len(cell.findall(f".//{w('tab')}"))) == (2, 1)
    assert read_docx(docx_bytes(plan, layout="matrix")) == plan


def test_a4_page_with_times_new_roman_by_default() -> None:
    """Without a template: A4, Times New Roman 11 pt as the document's default font."""
    document = open_docx(docx_bytes(smolyan(), layout="list"))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    defaults = document.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    assert defaults.find(w("rFonts")).get(w("ascii")) == "Times New Roman"
    assert defaults.find(w("sz")).get(w("val")) == "22"


def test_tables_take_capcores_table_style() -> None:
    """Every table names the "Capcore Table" style, which sets 9 pt text without spacing."""
    document = open_docx(docx_bytes(lovech(), layout="cards"))
    style = document.styles.element.find(f"{w('style')}[@{w('styleId')}='CapcoreTable']")
    assert style.find(f"{w('rPr')}/{w('sz')}").get(w("val")) == "18"
    tables = document.element.body.findall(w("tbl"))
    assert tables
    assert {t.find(f"{w('tblPr')}/{w('tblStyle')}").get(w("val")) for t in tables} == {
        "CapcoreTable"
    }


def test_the_whole_plan_is_embedded_in_a_custom_xml_part() -> None:
    """The package has capcore's custom XML part with the plan's JSON."""
    plan = lovech()
    data = docx_bytes(plan, layout="list")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {
            name: package.read(name)
            for name in package.namelist()
            if name.startswith("customXml/item")
        }
    ours = [
        blob for blob in parts.values() if b"urn:capcore:docx:1" in blob and b"capcore:plan" in blob
    ]
    assert len(ours) == 1
    assert plan.id.encode() in ours[0]


# -- template -------------------------------------------------------------------------


def _template(path: Path) -> Path:
    """A letterhead: Arial, 3 cm left margin, a header with a logo and the administration's name."""
    logo = path.with_name("logo.png")
    with logo.open("wb") as out:
        png.Writer(4, 4, greyscale=True).write(out, [[0, 255, 0, 255]] * 4)
    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    section = document.sections[0]
    section.left_margin = Cm(3)
    header = section.header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Cm(1))
    header.add_run("ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ – бланка")
    document.add_paragraph("Текст на бланката, който не е част от плана.")
    document.save(str(path))
    return path


def test_template_gives_styles_margins_header_and_logo(tmp_path: Path) -> None:
    """With template=..., the document keeps the template's font, margins, header and logo."""
    template = _template(tmp_path / "бланка.docx")
    data = docx_bytes(smolyan(), layout="list", template=str(template))
    document = open_docx(data)
    assert document.styles["Normal"].font.name == "Arial"
    assert round(document.sections[0].left_margin.cm, 1) == 3.0
    header = document.sections[0].header
    assert header.paragraphs[0].text == "ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ – бланка"
    assert header._element.findall(f".//{w('drawing')}")  # the logo is still in the header
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert any(name.startswith("word/media/") for name in package.namelist())
    assert "Текст на бланката, който не е част от плана." not in body_paragraph_texts(document)
    assert read_docx(data) == smolyan()


def test_template_matrix_turns_the_page(tmp_path: Path) -> None:
    """The matrix layout turns even a portrait template to landscape."""
    template = _template(tmp_path / "бланка.docx")
    document = open_docx(docx_bytes(lovech(), layout="matrix", template=str(template)))
    assert document.sections[0].page_width > document.sections[0].page_height


def test_template_that_is_not_a_document_is_a_clear_error(tmp_path: Path) -> None:
    """A missing or broken template is a CapcoreError naming it; nothing is written."""
    target = tmp_path / "plan.docx"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    for template in (tmp_path / "missing.docx", broken):
        with pytest.raises(capcore.CapcoreError, match=template.name):
            capcore.write(smolyan(), target, template=str(template))
    assert not target.exists()

"""Reading documents capcore wrote: lossless, and what a person edits in them wins."""

from __future__ import annotations

import pytest
from capcore_docx.embedded import NAMESPACE, document_digest
from docx_helpers import (
    body_paragraph_texts,
    docx_bytes,
    open_docx,
    read_docx,
    save,
    set_text,
    table_rows,
    text_of,
    w,
)
from hypothesis import given
from lxml import etree

from capcore import MeasureKind, Plan
from capcore.examples import lovech, pazardzhik, seed_plans, smolyan
from capcore.testing import strategies
from capcore.testing.mutations import package_parts, zip_parts


@pytest.mark.parametrize("layout", ["matrix", "cards", "list"])
@pytest.mark.parametrize("name", ["lovech", "pazardzhik", "smolyan"])
def test_seed_plans_read_back_equal_in_every_layout(name: str, layout: str) -> None:
    """Each example plan, written in each layout, reads back equal, with no notes."""
    plan = seed_plans()[name]
    back = read_docx(docx_bytes(plan, layout=layout))
    assert back == plan
    assert back.import_notes == ()


def test_edited_activity_cells_win() -> None:
    """A deadline, target and responsible retyped in the matrix are taken; ids are kept."""
    plan = lovech()
    document = open_docx(docx_bytes(plan, layout="matrix"))
    row = table_rows(document)[3]  # header, numbers, area 1, then activity 1.1.1
    set_text(row[5], "30.4.2022")
    set_text(row[6], "Създадена работна група от 5 души.")
    set_text(row[7], "Главен секретар")
    back = read_docx(save(document))
    activity = back.areas[0].measures[0].activities[0]
    original = plan.areas[0].measures[0].activities[0]
    assert activity.id == original.id
    assert activity.deadline is not None
    assert activity.deadline.text == "30.4.2022"
    assert activity.deadline.due is not None
    assert activity.deadline.due.isoformat() == "2022-04-30"
    assert activity.target == "Създадена работна група от 5 души."
    assert activity.responsible == "Главен секретар"
    assert activity.start == original.start
    fields = sorted(note.message.split(" ")[0] for note in back.import_notes)
    assert fields == ["deadline", "responsible", "target"]
    assert all(note.location == "table 1, row 4" for note in back.import_notes)


def test_edited_number_in_front_of_a_title_is_split_off() -> None:
    """Retyping "1.1.1. Текст" as "1.1.9. Друго" changes the number and the title."""
    document = open_docx(docx_bytes(lovech(), layout="matrix"))
    set_text(table_rows(document)[3][1], "1.1.9. Друго заглавие")
    activity = read_docx(save(document)).areas[0].measures[0].activities[0]
    assert (activity.number, activity.title) == ("1.1.9", "Друго заглавие")


def test_deleted_row_is_kept_and_noted() -> None:
    """A row a person deleted is not dropped: it is kept from the embedded plan and noted."""
    plan = lovech()
    document = open_docx(docx_bytes(plan, layout="matrix"))
    table = document.element.body.find(w("tbl"))
    removed = table.findall(w("tr"))[4]  # activity 1.1.2
    table.remove(removed)
    back = read_docx(save(document))
    assert back == plan
    assert any("1.1.2" in note.message and "kept" in note.message for note in back.import_notes)


def test_untouched_fields_keep_their_embedded_meaning() -> None:
    """An edit elsewhere leaves every other deadline exactly as embedded (terms included)."""
    plan = smolyan()
    document = open_docx(docx_bytes(plan, layout="list"))
    paragraphs = document.element.body.findall(w("p"))
    title = next(p for p in paragraphs if text_of(p).startswith("1.1."))
    set_text(title, "1.1. Ново заглавие")
    back = read_docx(save(document))
    assert back.areas[0].measures[0].title == "Ново заглавие"
    back.areas[0].measures[0].title = plan.areas[0].measures[0].title
    assert back == plan


def test_list_deadline_line_edit_is_read_as_a_deadline() -> None:
    """Changing "Срок: м. март" to "Срок: тримесечно" gives a recurring deadline."""
    plan = smolyan()
    document = open_docx(docx_bytes(plan, layout="list"))
    line = next(p for p in document.element.body.findall(w("p")) if text_of(p) == "Срок: м. март")
    set_text(line, "Срок: тримесечно")
    back = read_docx(save(document))
    changed = [m for m in back.measures() if m.deadline and m.deadline.text == "тримесечно"]
    assert len(changed) == 1 + sum(
        1 for m in plan.measures() if m.deadline and m.deadline.text == "тримесечно"
    )
    assert all(m.deadline.is_recurring for m in changed)


def test_card_edits_win_budget_and_quick_win_mark() -> None:
    """A budget retyped on a card is read as a budget; adding " – QW" makes a quick win."""
    plan = pazardzhik()
    document = open_docx(docx_bytes(plan, layout="cards"))
    rows = table_rows(document, 1)  # measure 2
    budget = next(row for row in rows if text_of(row[0]) == "БЮДЖЕТ")
    set_text(budget[1], "5000 лева")
    heading = next(p for p in document.element.body.findall(w("p")) if text_of(p) == "МЯРКА 2")
    set_text(heading, "МЯРКА 2 – QW")
    back = read_docx(save(document))
    measure = list(back.measures())[1]
    assert measure.budget is not None
    assert measure.budget.text == "5000 лева"
    assert measure.budget.amount is not None
    assert str(measure.budget.amount.amount) == "5000"
    assert measure.kind is MeasureKind.QUICK_WIN
    assert measure.id == list(plan.measures())[1].id


def test_matrix_reference_moved_to_the_quick_win_column() -> None:
    """Moving a CAF reference from the strategic to the quick-win column makes a quick win."""
    plan = lovech()
    document = open_docx(docx_bytes(plan, layout="matrix"))
    row = table_rows(document)[3]  # measure 1.1, strategic 1.1
    assert text_of(row[2]) == "1.1"
    set_text(row[2], "")
    set_text(row[3], "1.1")
    measure = read_docx(save(document)).areas[0].measures[0]
    assert measure.kind is MeasureKind.QUICK_WIN
    assert [str(ref) for ref in measure.caf_refs] == ["1.1"]


def test_edited_title_and_approval_win() -> None:
    """The title and the approver's name above the table are visible fields too."""
    document = open_docx(docx_bytes(lovech(), layout="matrix"))
    paragraphs = document.element.body.findall(w("p"))
    set_text(next(p for p in paragraphs if text_of(p) == "ВИКТОР СТОЙЧЕВ"), "ИВАН ИВАНОВ")
    back = read_docx(save(document))
    assert back.approval is not None
    assert back.approval.name == "ИВАН ИВАНОВ"
    assert "ИВАН ИВАНОВ" in body_paragraph_texts(open_docx(docx_bytes(back, layout="matrix")))


def test_row_with_a_deleted_cell_keeps_its_fields_and_says_so() -> None:
    """A row that lost a cell cannot be read cell by cell: its fields stay, a note says why."""
    plan = lovech()
    document = open_docx(docx_bytes(plan, layout="matrix"))
    row = document.element.body.find(w("tbl")).findall(w("tr"))[3]
    cells = row.findall(w("tc"))
    set_text(cells[5], "30.4.2022")
    row.remove(cells[8])  # the note column of this row
    back = read_docx(save(document))
    assert back == plan
    assert any("no longer has its 9 cells" in note.message for note in back.import_notes)


def test_unreadable_references_keep_the_embedded_ones_and_say_so() -> None:
    """Text that is no CAF reference typed in a reference cell is noted; the references stay."""
    plan = lovech()
    document = open_docx(docx_bytes(plan, layout="matrix"))
    set_text(table_rows(document)[3][2], "виж приложението")
    back = read_docx(save(document))
    measure = back.areas[0].measures[0]
    assert measure.caf_refs == plan.areas[0].measures[0].caf_refs
    notes = [n for n in back.import_notes if "CAF references not read" in n.message]
    assert len(notes) == 1
    assert notes[0].text == "виж приложението"


def _is_capcore_part(name: str, data: bytes) -> bool:
    # Its properties part (customXml/itemProps*.xml) names the namespace too.
    return name.startswith("customXml/item") and "Props" not in name and NAMESPACE.encode() in data


def test_embedded_digest_is_that_of_the_document_part_as_saved() -> None:
    """The custom XML part records the digest of word/document.xml exactly as it was saved."""
    members = package_parts(docx_bytes(lovech(), layout="matrix"))
    recorded = next(
        etree.fromstring(data).get("document-digest")
        for name, data in members.items()
        if _is_capcore_part(name, data)
    )
    assert recorded == document_digest(members["word/document.xml"])


def test_edit_wins_in_a_document_written_without_the_digest() -> None:
    """A document from before the digest (or with another one) still gets the full check."""
    plan = lovech()
    document = open_docx(docx_bytes(plan, layout="matrix"))
    set_text(table_rows(document)[3][7], "Главен секретар")
    back = read_docx(_without_digest(save(document)))
    assert back.areas[0].measures[0].activities[0].responsible == "Главен секретар"
    assert [note.message.split(" ")[0] for note in back.import_notes] == ["responsible"]


def _without_digest(data: bytes) -> bytes:
    members = package_parts(data)
    for name, member in members.items():
        if _is_capcore_part(name, member):
            root = etree.fromstring(member)
            del root.attrib["document-digest"]
            members[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return zip_parts(members)


@given(strategies.plans())
def test_full_check_of_an_unedited_document_finds_no_edit(plan: Plan) -> None:
    """Read field by field (no digest), every shown text matches its hash in every layout."""
    for layout in ("matrix", "cards", "list"):
        back = read_docx(_without_digest(docx_bytes(plan, layout=layout)))
        assert back == plan, layout
        assert back.import_notes == (), layout

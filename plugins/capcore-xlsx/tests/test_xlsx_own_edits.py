"""A workbook capcore wrote comes back edited: the visible edits win and merge into the plan."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from xlsx_helpers import open_xlsx, read_xlsx, save, xlsx_bytes

import capcore
from capcore import Activity, Plan, PlanBuilder, ProgressUpdate, Status
from capcore.examples import lovech, pazardzhik
from capcore.testing.clients import convert_with_libreoffice

EDITED_ON = dt.date(2022, 10, 3)


def row_of(sheet: Worksheet, activity: Activity) -> int:
    """The row whose key names the activity."""
    for row in range(1, sheet.max_row + 1):
        keys = (sheet.cell(row, 12).value, sheet.cell(row, 13).value)
        if activity.id in keys or f"activity:{activity.id}" in keys:
            return row
    raise AssertionError(f"no row shows {activity.id}")


def edited(plan: Plan, edit: object, **options: object) -> tuple[Workbook, bytes]:
    """Write ``plan``, let ``edit(workbook)`` change it as a person would, save it."""
    workbook = open_xlsx(xlsx_bytes(plan, **options))
    edit(workbook)  # type: ignore[operator]
    return workbook, save(workbook)


def test_an_untouched_workbook_saved_again_reads_back_equal() -> None:
    """Opened and saved by another program without edits, the plan comes back equal."""
    plan = lovech()
    _, data = edited(plan, lambda _: None)
    back = read_xlsx(data)
    assert back == plan
    assert back.import_notes == ()


def test_status_and_percent_become_a_dated_report() -> None:
    """A new status and percent are a progress update dated edited_on, by the last saver."""
    plan = lovech()
    target = list(plan.activities())[2]

    def edit(workbook: Workbook) -> None:
        sheet = workbook["План"]
        row = row_of(sheet, target)
        sheet.cell(row, 10).value = "Изпълнена"
        sheet.cell(row, 11).value = 100
        workbook.properties.lastModifiedBy = "Мария Иванова"

    _, data = edited(plan, edit)
    back = read_xlsx(data, edited_on=EDITED_ON)
    updates = next(a for a in back.activities() if a.id == target.id).updates
    assert updates == [
        ProgressUpdate(EDITED_ON, Status.DONE, Decimal(100), reported_by="Мария Иванова")
    ]
    assert any("progress edited" in note.message for note in back.import_notes)


def saved_on(data: bytes, moment: str) -> bytes:
    """The workbook with its last-saved time set, as a spreadsheet program sets it on saving."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + moment.encode(), content
                )
            target.writestr(info, content)
    return out.getvalue()


def test_the_report_is_dated_when_the_workbook_was_saved() -> None:
    """Without edited_on, the date is the workbook's last save."""
    plan = lovech()
    target = next(plan.activities())

    def edit(workbook: Workbook) -> None:
        workbook["План"].cell(row_of(workbook["План"], target), 10).value = "В изпълнение"

    _, data = edited(plan, edit)
    back = read_xlsx(saved_on(data, "2023-02-14T09:30:00Z"))
    update = next(a for a in back.activities() if a.id == target.id).updates[-1]
    assert (update.on, update.status) == (dt.date(2023, 2, 14), Status.IN_PROGRESS)


def test_a_percent_typed_with_a_percent_sign() -> None:
    """60% typed into the cell (0.6 shown as a percent) is 60."""
    plan = lovech()
    target = next(plan.activities())

    def edit(workbook: Workbook) -> None:
        cell = workbook["План"].cell(row_of(workbook["План"], target), 11)
        cell.value = 0.6
        cell.number_format = "0%"

    _, data = edited(plan, edit)
    back = read_xlsx(data, edited_on=EDITED_ON)
    assert next(back.activities()).updates[-1].percent == Decimal(60)


def test_edited_dates_and_comments_are_taken() -> None:
    """A moved deadline and a new note are taken; the note is also the report's comment."""
    plan = lovech()
    target = next(plan.activities())

    def edit(workbook: Workbook) -> None:
        sheet = workbook["План"]
        row = row_of(sheet, target)
        sheet.cell(row, 6).value = dt.datetime(2022, 4, 29)  # noqa: DTZ001 - a date cell
        sheet.cell(row, 9).value = "отложено заради ремонт"

    _, data = edited(plan, edit)
    back = read_xlsx(data, edited_on=EDITED_ON)
    activity = next(back.activities())
    assert activity.deadline is not None
    assert activity.deadline.due == dt.date(2022, 4, 29)
    assert activity.note == "отложено заради ремонт"
    assert activity.updates[-1].note == "отложено заради ремонт"
    assert activity.updates[-1].on == EDITED_ON


def test_edits_merge_into_the_original() -> None:
    """capcore.merge takes the reports from the returned workbook; plan edits are reported."""
    plan = lovech()
    first, _, third = list(plan.activities())[:3]

    def edit(workbook: Workbook) -> None:
        sheet = workbook["План"]
        sheet.cell(row_of(sheet, first), 10).value = "Изпълнена"
        sheet.cell(row_of(sheet, third), 11).value = 45
        sheet.cell(row_of(sheet, third), 9).value = "чакаме становище"

    _, data = edited(plan, edit)
    returned = read_xlsx(data, edited_on=EDITED_ON)
    result = capcore.merge(plan, returned, names=["дирекция АПОФУС.xlsx"])
    merged = {a.id: a for a in result.plan.activities()}
    assert merged[first.id].updates[-1].status is Status.DONE
    assert merged[third.id].updates[-1].percent == Decimal(45)
    assert merged[third.id].updates[-1].note == "чакаме становище"
    assert len(result.taken) == 2
    assert [d.field for d in result.differences if d.item_id == third.id] == ["note"]


def test_an_inserted_row_is_a_new_activity() -> None:
    """A row a person inserts under a measure, with an activity title, is a new activity."""
    plan = lovech()
    measure = plan.areas[0].measures[0]

    def edit(workbook: Workbook) -> None:
        sheet = workbook["План"]
        row = row_of(sheet, measure.activities[-1]) + 1
        sheet.insert_rows(row)
        sheet.cell(row, 2).value = "1.1.3. Представяне на Стратегията пред служителите"
        sheet.cell(row, 6).value = "м. декември"

    _, data = edited(plan, edit)
    back = read_xlsx(data, edited_on=EDITED_ON)
    activities = back.areas[0].measures[0].activities
    assert [a.number for a in activities] == ["1.1.1", "1.1.2", "1.1.3"]
    assert activities[-1].title == "Представяне на Стратегията пред служителите"
    assert activities[-1].deadline is not None
    assert activities[-1].deadline.text == "м. декември"
    assert len(list(back.activities())) == len(list(plan.activities())) + 1


def test_a_deleted_row_is_kept_and_noted() -> None:
    """An activity whose row a person deleted stays in the plan, with a note."""
    plan = lovech()
    target = list(plan.activities())[1]

    def edit(workbook: Workbook) -> None:
        sheet = workbook["План"]
        sheet.delete_rows(row_of(sheet, target))

    _, data = edited(plan, edit)
    back = read_xlsx(data)
    assert back == plan
    assert any("not in the visible part" in note.message for note in back.import_notes)


def test_without_the_key_columns_the_hidden_copy_is_returned() -> None:
    """Deleting the hidden key columns leaves the plan as the hidden copy has it, with a note."""
    plan = lovech()

    def edit(workbook: Workbook) -> None:
        sheet = workbook["План"]
        sheet.delete_cols(12, 2)
        sheet.cell(20, 2).value = "променено, но без ключове"

    _, data = edited(plan, edit)
    back = read_xlsx(data)
    assert back == plan
    assert "key columns are gone" in back.import_notes[0].message


def test_an_unknown_status_is_kept_and_reported() -> None:
    """A status that is no status is reported with its address and kept in extra."""
    plan = lovech()
    target = next(plan.activities())
    address = ""

    def edit(workbook: Workbook) -> None:
        nonlocal address
        sheet = workbook["План"]
        cell = sheet.cell(row_of(sheet, target), 10)
        cell.value = "почти готово"
        address = f"План!{cell.coordinate}"

    _, data = edited(plan, edit)
    back = read_xlsx(data)
    activity = next(back.activities())
    assert activity.extra == {address: "почти готово"}
    assert activity.updates == []
    assert [note.location for note in back.import_notes if note.text == "почти готово"] == [address]


def test_the_cut_text_edited_at_its_start_keeps_its_end() -> None:
    """Editing the visible start of a text cut at Excel's limit keeps the rest of the text."""
    note = "Бележка " + "дълъг текст; " * 4000
    builder = PlanBuilder("План")
    builder.area("А").measure("М").activity("Д", note=note)
    plan = builder.build()
    target = next(plan.activities())

    def edit(workbook: Workbook) -> None:
        cell = workbook["План"].cell(row_of(workbook["План"], target), 9)
        cell.value = "Бел." + cell.value.removeprefix("Бележка")

    _, data = edited(plan, edit)
    back = read_xlsx(data, edited_on=EDITED_ON)
    assert next(back.activities()).note == "Бел." + note.removeprefix("Бележка")


def test_cards_edits_are_read_back() -> None:
    """In the cards layout, an edited leader and budget are taken and read for meaning."""
    plan = pazardzhik()
    measure = plan.areas[0].measures[1]

    def edit(workbook: Workbook) -> None:
        sheet = workbook["План"]
        heading = next(
            row
            for row in range(1, sheet.max_row + 1)
            if sheet.cell(row, 9).value == f"measure:{measure.id}"
        )
        for row in range(heading, heading + 20):
            key = sheet.cell(row, 9).value
            if key == "field:roles.leader":
                sheet.cell(row, 2).value = "Главен секретар и юрисконсулт"
            if key == "field:budget":
                sheet.cell(row, 2).value = "2000 лева"

    _, data = edited(plan, edit, layout="cards")
    back = read_xlsx(data)
    found = back.areas[0].measures[1]
    assert found.roles.leader == "Главен секретар и юрисконсулт"
    assert found.budget is not None
    assert found.budget.text == "2000 лева"
    assert found.budget.amount is not None


@pytest.mark.slow
def test_saved_by_libreoffice_reads_back_equal(tmp_path: Path) -> None:
    """A workbook LibreOffice opened and saved again (shared strings, its own XML) reads back equal."""
    plan = lovech()
    source = tmp_path / "in" / "plan.xlsx"
    source.parent.mkdir()
    source.write_bytes(xlsx_bytes(plan))
    resaved = convert_with_libreoffice(source, "xlsx", tmp_path)
    assert read_xlsx(resaved.read_bytes()) == plan

"""Write the worked example's proposals table (xlsx and JSON) and its draft plan (JSON).

The proposals are a municipal working group's, in the shape it keeps them
after a CAF self-assessment (``capcore.examples._proposals``): title rows, a
header row, a row of column numbers, one row per proposal, a sub-criterion
merged down over two proposals, and a column capcore does not know
("Източник", kept in each proposal's extra).

- ``proposals.xlsx``: the table as the group has it (needs openpyxl, which
  capcore-xlsx installs);
- ``proposals.json``: the same proposals with the group's decision
  (an override), in capcore's proposals JSON;
- ``draft-plan.json``: the draft plan ``capcore prioritise`` draws from them.

The tests check that the files match what the code builds. Run it after
changing the example data:

    python examples/proposals/write_proposals.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from capcore.examples import draft_plans, example_overrides, example_proposals
from capcore.examples._proposals import EXAMPLE_ORGANISATION, HEADERS, ROWS
from capcore.jsonio import save_json
from capcore.prioritisation_method import PrioritisationMethod
from capcore.proposals_read import dump_proposals

HERE = Path(__file__).parent
FIRST_DATA_ROW = 7
"""The xlsx row of the first proposal (three title rows, a blank, the header, the numbers)."""
MERGED_FROM = 4
"""The proposal whose sub-criterion, strengths, areas and score cover the next one too."""
MERGED_COLUMNS = ("B", "C", "D", "F")
NUMBER_COLUMNS = {"Оценка (0-100)", "Въздействие", "Осъществимост/Лекота", "Спешност", "Разходи",
                  "Срок (месеци)"}  # fmt: skip
FIXED_TIME = dt.datetime(2021, 9, 15, 9, 0, 0)  # noqa: DTZ001 - the workbook's stated date


def write_xlsx(path: Path) -> None:
    """Write the proposals table as the working group keeps it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has a sheet
    sheet.title = "Предложения"
    sheet["A1"] = EXAMPLE_ORGANISATION
    sheet["A2"] = (
        "Приоритизиране на предложенията за подобрение от Доклада от самооценката по CAF 2020"
    )
    sheet["A3"] = "Работна група, заседание от 15.09.2021 г."
    sheet["A1"].font = Font(bold=True)
    header_row = FIRST_DATA_ROW - 2
    for column, header in enumerate(HEADERS, 1):
        cell = sheet.cell(header_row, column, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.cell(header_row + 1, column, f"{column}.")
    for offset, row in enumerate(ROWS):
        for column, (header, text) in enumerate(zip(HEADERS, row, strict=True), 1):
            if not text:
                continue
            value: object = int(text) if header in NUMBER_COLUMNS else text
            cell = sheet.cell(FIRST_DATA_ROW + offset, column, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    merged_top = FIRST_DATA_ROW + MERGED_FROM - 1
    for letter in MERGED_COLUMNS:
        # The cells under a merge must be empty, as Excel keeps them.
        sheet[f"{letter}{merged_top + 1}"] = None
        sheet.merge_cells(f"{letter}{merged_top}:{letter}{merged_top + 1}")
    for letter, width in zip("ABCDEFGHIJKLM", (5, 12, 30, 40, 45, 10, 11, 13, 10, 10, 10, 24, 26),
                             strict=True):  # fmt: skip
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    book.properties.creator = "capcore example"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.save(path)


def main() -> None:
    """Write proposals.xlsx, proposals.json and draft-plan.json next to this script."""
    write_xlsx(HERE / "proposals.xlsx")
    text = dump_proposals(
        example_proposals(), PrioritisationMethod.named("impact-feasibility"), example_overrides()
    )
    (HERE / "proposals.json").write_text(text, encoding="utf-8")
    save_json(draft_plans()["draft-from-proposals"], HERE / "draft-plan.json")
    for name in ("proposals.xlsx", "proposals.json", "draft-plan.json"):
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()

"""Word matrix documents of 2,000 activities: capcore's docx writer and reader as ratios.

Baselines, measured in the same run on the same table (the matrix layout's
nine columns, a row per activity, measure cells merged down):

- **lxml floor (write)**: python-docx opens its default document, the
  table is built as ``w:tbl`` XML with lxml and the document saved. Any docx
  writer pays this; capcore adds its title block, bookmarks tying cells to
  fields, and the whole plan as JSON in a custom XML part. Goal: at most 2x.
- **plain python-docx (write)**: ``add_table(rows=N)``, ``row.cells`` and
  ``cell.text``, the way python-docx's documentation writes a table. Goal:
  capcore at least 5x faster.
- **lxml floor (read)**: open the zip, parse ``word/document.xml`` and
  collect every cell's text. capcore reads its own document (the embedded
  plan, checked against the visible cells) and, for a document it did not
  write, hands the cells to the core's table reader. Goal: at most 2x for
  its own documents.

Also prints the time per activity at 1,000, 2,000 and 4,000 activities:
linear scaling keeps it flat. Asserts nothing.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile

import docx
from bench_json import best_of
from lxml import etree

import capcore
from capcore import Plan, PlanBuilder

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SIZES = (1_000, 2_000, 4_000)
_HEADERS = (
    "Мярка", "Наименование на дейността", "Стратегически мерки", "Бързи победи",
    "Начало (дата)", "Край (дата)", "Целеви стойности на резултата",
    "Отговорници и подпомагачи", "Забележка",
)  # fmt: skip


def q(name: str) -> str:
    """Return the Clark name of a WordprocessingML element."""
    return f"{{{W}}}{name}"


def synthetic_plan(activities: int) -> Plan:
    """Return a plan of ``activities`` activities in measures of 10, in 4 areas, Lovech-like."""
    builder = PlanBuilder(
        "ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ", id="bench", period=(2022, 2024)
    )
    builder.approval("ВИКТОР СТОЙЧЕВ", "ОБЛАСТЕН УПРАВИТЕЛ")
    per_area = max(activities // 4, 1)
    area = builder.area("Управление на човешките ресурси")
    measure = area.measure("Мярка")
    for index in range(activities):
        if index and index % per_area == 0:
            area = builder.area(f"Област на подобрение {index // per_area + 1}")
        if index % 10 == 0:
            measure = area.measure(
                f"Организиране и провеждане на обучение за служителите № {index}",
                quick_win=index % 20 == 0,
                caf="3.2",
            )
        measure.activity(
            f"Провеждане на обучение „Ефективна комуникация“ с участието на служителите № {index}",
            start="18.3.2022",
            deadline="17.6.2022",
            target="Подобрени знания и умения на служителите за ефективна комуникация",
            responsible="Главен секретар, директори на дирекции",
        )
    return builder.build()


def table_texts(plan: Plan) -> list[list[str]]:
    """Return the matrix table's rows as texts (the baselines write the same cells)."""
    rows = [list(_HEADERS), [f"{n}." for n in range(1, 10)]]
    for area in plan.areas:
        rows.append([f"Област {area.number}: {area.title}", *[""] * 8])
        for measure in area.measures:
            refs = ", ".join(str(ref) for ref in measure.caf_refs)
            for index, activity in enumerate(measure.activities):
                first = index == 0
                rows.append([
                    f"{measure.number}. {measure.title}" if first else "",
                    f"{activity.number}. {activity.title}",
                    refs if first and not measure.is_quick_win else "",
                    refs if first and measure.is_quick_win else "",
                    activity.start.text if activity.start else "",
                    activity.deadline.text if activity.deadline else "",
                    activity.target,
                    activity.responsible,
                    activity.note,
                ])  # fmt: skip
    return rows


def capcore_write(plan: Plan) -> bytes:
    """Write the plan with capcore's docx writer (matrix layout)."""
    out = io.BytesIO()
    capcore.write(plan, out, format="docx", layout="matrix")
    return out.getvalue()


def lxml_write(rows: list[list[str]]) -> bytes:
    """Open python-docx's default document, build the table with lxml, save."""
    document = docx.Document()
    body = document.element.body
    section = body[-1]
    tbl = etree.SubElement(body, q("tbl"))
    properties = etree.SubElement(tbl, q("tblPr"))
    etree.SubElement(properties, q("tblStyle"), {q("val"): "TableGrid"})
    grid = etree.SubElement(tbl, q("tblGrid"))
    for _ in range(9):
        etree.SubElement(grid, q("gridCol"), {q("w"): "1600"})
    for values in rows:
        tr = etree.SubElement(tbl, q("tr"))
        for value in values:
            p = etree.SubElement(etree.SubElement(tr, q("tc")), q("p"))
            if value:
                etree.SubElement(etree.SubElement(p, q("r")), q("t")).text = value
    body.append(section)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def plain_write(rows: list[list[str]]) -> bytes:
    """Write the table the plain python-docx way: add_table, row.cells, cell.text."""
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=9)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def capcore_read(data: bytes) -> Plan:
    """Read a .docx with capcore."""
    return capcore.read(io.BytesIO(data), "docx")


def edited_in_word(data: bytes) -> bytes:
    """Return the document with one activity's title edited and saved, as a person would.

    The main part then differs from the bytes capcore wrote, so the reader
    checks every shown field against the embedded plan (the full check).
    """
    document = docx.Document(io.BytesIO(data))
    paragraph = document.tables[0].rows[4].cells[1].paragraphs[0]  # the first activity
    paragraph.add_run(" (редактирано)")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lxml_read(data: bytes) -> list[list[str]]:
    """Open the zip, parse the document part, collect every cell's text."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return [
        ["".join(t.text or "" for t in tc.iter(q("t"))) for tc in tr.iter(q("tc"))]
        for tr in root.iter(q("tr"))
    ]


def main() -> None:
    """Measure and print the ratios at 2,000 activities, then the scaling."""
    plan = synthetic_plan(2_000)
    rows = table_texts(plan)
    ours = capcore_write(plan)
    foreign = plain_write(rows)
    embedded = json.dumps(capcore.to_dict(plan), ensure_ascii=False, separators=(",", ":"))
    write = best_of(5, lambda: capcore_write(plan))
    floor = best_of(5, lambda: lxml_write(rows))
    plain = best_of(1, lambda: plain_write(rows))
    # The core's own share: the plan's JSON form, which the document embeds.
    to_json = best_of(5, lambda: json.dumps(capcore.to_dict(plan), separators=(",", ":")))
    read = best_of(5, lambda: capcore_read(ours))
    read_floor = best_of(5, lambda: lxml_read(ours))
    from_json = best_of(5, lambda: capcore.loads(embedded))
    read_foreign = best_of(3, lambda: capcore_read(foreign))
    read_foreign_floor = best_of(3, lambda: lxml_read(foreign))
    print("2,000 activities, matrix layout (best of 5)")
    print(
        f"  write: capcore {write:.3f}s = {write / floor:.2f}x the lxml floor ({floor:.3f}s; "
        f"goal <= 2x); without the embedded plan's JSON form ({to_json:.3f}s, the core's "
        f"cattrs) {(write - to_json) / floor:.2f}x"
    )
    print(
        f"  plain python-docx (add_table, row.cells, cell.text): {plain:.3f}s = "
        f"{plain / write:.1f}x slower than capcore (goal >= 5x)"
    )
    print(
        f"  read capcore's own document: {read:.3f}s = {read / read_floor:.2f}x lxml iterating "
        f"its table ({read_floor:.3f}s; goal <= 2x); without building the plan from its "
        f"JSON form ({from_json:.3f}s, the core's cattrs) {(read - from_json) / read_floor:.2f}x"
    )
    print(
        f"  read a document python-docx wrote (the core's table reader): {read_foreign:.3f}s = "
        f"{read_foreign / read_foreign_floor:.2f}x lxml iterating its table "
        f"({read_foreign_floor:.3f}s)"
    )
    print("scaling (time per 1,000 activities; linear keeps it flat)")
    for size in _SIZES:
        sized = synthetic_plan(size)
        data = capcore_write(sized)
        write = best_of(3, lambda: capcore_write(sized))  # noqa: B023 - run inside the loop
        read = best_of(3, lambda: capcore_read(data))  # noqa: B023
        print(
            f"  {size:>5} activities: write {write:.3f}s ({write / size * 1000:.3f}s per 1,000), "
            f"read {read:.3f}s ({read / size * 1000:.3f}s per 1,000)"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""The matrix layout (the Lovech plan): one landscape table of nine columns.

Columns: measure, activity, strategic-measure CAF reference, quick-win CAF
reference, start, end, target result values, responsible and supporting,
note. Under the header comes a row of column numbers (``1.`` to ``9.``);
both repeat at the top of every page. An area's row spans the table
(``Област 1: ...``); the measure's cell and its two reference cells are
merged down over its activities. A measure without activities fills the
activity's columns with its own start, deadline, expected result,
responsible and note.

The table is built as ``w:tbl`` XML (:mod:`capcore_docx.ooxml`), in time
linear in the number of rows: its rows are written as markup and parsed
once (:func:`capcore_docx.ooxml.append_rows`), which is several times faster
than making their elements one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from capcore import Activity, Measure, MeasureKind, Plan
from capcore.labels import label
from capcore.plan_text import area_heading, number_prefix
from capcore_docx.document import TABLE_STYLE
from capcore_docx.ooxml import (
    Cell,
    Element,
    add_paragraph,
    add_table,
    append_rows,
    paragraph_xml,
    row_xml,
    run,
)
from capcore_docx.shown import Anchors, RowField

__all__ = ["COLUMN_WIDTHS", "QUICK_WIN_MARK", "matrix_body"]

COLUMN_WIDTHS = (2650, 2650, 1050, 1000, 1100, 1100, 2250, 1900, 1050)
"""The columns' widths in twentieths of a point (26 cm in all: A4 landscape)."""

QUICK_WIN_MARK = "✓"
"""What the quick-win column shows for a quick win with no CAF reference."""

_HEADER_KEYS = (
    "measure",
    "matrix_activity",
    "matrix_strategic",
    "matrix_quick_win",
    "matrix_start",
    "matrix_end",
    "matrix_target",
    "matrix_responsible",
    "note",
)
_CONTINUED = Cell(merge="continue")
"""A cell covered by the merged cell above it."""
_HEADER_FILL = "D9D9D9"
_AREA_FILL = "F2F2F2"


def matrix_body(plan: Plan, body: Element, anchors: Anchors, locale: str) -> None:
    """Append the matrix table of ``plan`` to ``body``, marking each field it shows."""
    tbl = add_table(body, COLUMN_WIDTHS, TABLE_STYLE)
    header = (
        Cell(label(key, locale), bold=True, align="center", fill=_HEADER_FILL)
        for key in _HEADER_KEYS
    )
    rows = [row_xml(header, header=True)]
    numbers = (Cell(f"{index}.", align="center") for index in range(1, 10))
    rows.append(row_xml(numbers, header=True))
    for area in plan.areas:
        if area.title or area.number:
            prefix = area_heading(area, locale)
            cell = Cell(prefix + area.title, bold=True, span=9, fill=_AREA_FILL)
            bookmark = anchors.mark_row_xml(1, [(0, area.id, "title", area.title, prefix)])
            rows.append(row_xml([cell], bookmark=bookmark))
        for measure in area.measures:
            _measure_rows(rows, measure, anchors)
    append_rows(tbl, rows)
    add_paragraph(body)  # Word wants a paragraph after a table that ends the body


def _measure_rows(rows: list[str], measure: Measure, anchors: Anchors) -> None:
    strategic, quick_win = _reference_cells(measure)
    prefix = number_prefix(measure.number)
    activities: Sequence[Activity | None] = measure.activities or [None]
    merge = "restart" if len(activities) > 1 else ""
    lead: list[Cell | str] = [
        Cell(prefix + measure.title, merge=merge),
        "",
        Cell(strategic, align="center", merge=merge),
        Cell(quick_win, align="center", merge=merge),
    ]
    for activity in activities:
        if activity is None:
            owner: Measure | Activity = measure
            values = _measure_schedule(measure)
        else:
            owner = activity
            values = _activity_schedule(activity)
            lead[1] = number_prefix(activity.number) + activity.title
        cells = [*lead, *(value for _, value in values)]
        shown: list[RowField] = [
            (column, owner.id, field, value, "")
            for column, (field, value) in enumerate(values, start=4)
        ]
        if activity is not None:
            shown.append((1, activity.id, "title", activity.title, number_prefix(activity.number)))
        if lead[0] is not _CONTINUED:
            shown += [
                (0, measure.id, "title", measure.title, prefix),
                (2, measure.id, "caf_refs.strategic", strategic, ""),
                (3, measure.id, "caf_refs.quick_win", quick_win, ""),
            ]
            # The rows below continue the merged cells (or there are none).
            lead[0] = lead[2] = lead[3] = _CONTINUED
        bookmark = anchors.mark_row_xml(len(cells), shown)
        extra = None
        if owner.supporting:
            # Column 8 holds who is responsible and who supports: a paragraph each.
            marked = anchors.mark_xml(owner.id, "supporting", owner.supporting)
            extra = {7: paragraph_xml(run(owner.supporting), bookmark=marked)}
        rows.append(row_xml(cells, bookmark=bookmark, extra=extra))


def _reference_cells(measure: Measure) -> tuple[str, str]:
    """Return the strategic and quick-win columns' text: the CAF references in one of them."""
    refs = ", ".join(str(ref) for ref in measure.caf_refs)
    if measure.kind is MeasureKind.QUICK_WIN:
        return "", refs or QUICK_WIN_MARK
    return refs, ""


def _activity_schedule(activity: Activity) -> list[tuple[str, str]]:
    return [
        ("start", activity.start.text if activity.start else ""),
        ("deadline", activity.deadline.text if activity.deadline else ""),
        ("target", activity.target),
        ("responsible", activity.responsible),
        ("note", activity.note),
    ]


def _measure_schedule(measure: Measure) -> list[tuple[str, str]]:
    return [
        ("start", measure.start.text if measure.start else ""),
        ("deadline", measure.deadline.text if measure.deadline else ""),
        ("expected_result", measure.expected_result),
        ("responsible", measure.responsible),
        ("note", measure.note),
    ]

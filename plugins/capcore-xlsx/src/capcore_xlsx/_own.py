"""Reading a workbook capcore wrote: the hidden copy, with what a person edited.

The plan comes from the hidden sheet (:mod:`capcore_xlsx._embedded`),
exactly as written. The plan sheet is then read into a *visible plan* for
:func:`capcore.apply_visible_edits`, the one rule for every format ("what a
person edited in the visible cells wins"):

- each row says by its hidden key (:mod:`capcore_xlsx._keys`) what it
  shows, so inserted, deleted, moved and copied rows are recognised;
- a visible entity starts as a copy of its embedded entity, and each cell
  still showing what was written for the embedded value leaves that value
  exactly (``18.05.2022`` stays the words it was, although the date cell
  shows ``18.5.2022``); a changed cell is read from what it holds:
  deadlines with :func:`capcore.parse_deadline`, budgets with
  :func:`capcore.parse_budget`, references with :func:`capcore.parse_caf_refs`,
  a number split off the front of a title;
- a changed status or percent becomes a progress update dated with the
  workbook's last save (or the ``edited_on`` option) and reported by the
  person who saved it;
- a row without a key that has a measure or an activity in the matrix's
  first two columns is a new measure or activity; any other text a reader
  cannot place is kept in the nearest entity's ``extra`` and reported.

If the key columns are gone altogether, the visible cells cannot be matched
to the plan: the hidden copy is returned as it is, with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs
from openpyxl.cell.read_only import EmptyCell, ReadOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from capcore import (
    PROGRESS_FIELD,
    Activity,
    Approval,
    Area,
    CafRefError,
    Deadline,
    ImportNote,
    Measure,
    MeasureKind,
    Plan,
    ProgressUpdate,
    ShownFields,
    apply_visible_edits,
    derived_id,
    parse_budget,
    parse_caf_refs,
    parse_deadline,
)
from capcore.labels import label
from capcore.plan_text import area_text, card_heading, field_text, numbered
from capcore.tables import match_status
from capcore_xlsx._cells import ReadRow, read_cell_text, read_rows
from capcore_xlsx._embedded import EmbeddedCopy
from capcore_xlsx._keys import RowKey, RowKind
from capcore_xlsx._package import sheet_data, sheet_parts
from capcore_xlsx._shown import (
    deadline_value,
    is_mark,
    percent_value,
    ref_columns,
    shown_update,
    split_area,
    split_numbered,
    split_responsible,
    together,
)

__all__ = ["CARDS_SHOWN", "MATRIX_SHOWN", "read_own"]

_PLAN_FIELDS = (
    "title",
    "subtitle",
    "organisation",
    "introduction",
    "approval.heading",
    "approval.name",
    "approval.position",
    "approval.date",
)
_UNIT_FIELDS = ("start", "deadline", "responsible", "supporting", "note", PROGRESS_FIELD)

MATRIX_SHOWN = ShownFields(
    plan=_PLAN_FIELDS,
    area=("number", "title"),
    measure=("number", "title", "kind", "caf_refs"),
    unit_measure=(*_UNIT_FIELDS, "expected_result"),
    activity=("number", "title", "target", *_UNIT_FIELDS),
)
"""What the matrix layout shows."""

CARDS_SHOWN = ShownFields(
    plan=_PLAN_FIELDS,
    area=("number", "title"),
    measure=(
        "number", "kind", "title", "roles.sponsor", "roles.leader", "roles.team",
        "roles.contact", "scope", "stakeholders", "strengths", "improvement_areas", "options",
        "constraints", "human_resources", "budget", "expected_result", "start", "deadline",
        "caf_refs", "responsible", "supporting", "note",
    ),
    unit_measure=(PROGRESS_FIELD,),
    activity=("number", "title", "target", *_UNIT_FIELDS),
)  # fmt: skip
"""What the cards layout shows."""

_CARD_HEADING = re.compile(
    r"\s*\S+\s*(?P<number>[0-9][0-9.]*?)?\.?\s*(?P<quick_win>[-–—]?\s*QW)?\s*", re.IGNORECASE
)


@attrs.frozen
class _UnitColumns:
    """Where the cells of a unit of progress are in a row (0-based)."""

    title: int
    start: int
    deadline: int
    target: int
    responsible: int
    note: int
    status: int
    percent: int


@attrs.frozen
class _ProgressCells:
    """The status and percent cells of a unit of progress, and where they are."""

    status: ReadOnlyCell | EmptyCell
    percent: ReadOnlyCell | EmptyCell
    status_at: str
    percent_at: str


_MATRIX_UNIT = _UnitColumns(1, 4, 5, 6, 7, 8, 9, 10)
_CARD_ACTIVITY = _UnitColumns(0, 1, 2, 3, 4, 5, 6, 7)
_MATRIX_WIDTH = 11
_CARDS_WIDTH = 8


def read_own(
    workbook: Workbook,
    data: bytes,
    copy: EmbeddedCopy,
    source: str,
    *,
    edited_on: dt.date | None,
) -> Plan:
    """Return the plan of a workbook capcore wrote, with the visible edits applied."""
    plan = copy.plan(source)
    sheet = _plan_sheet(workbook, copy)
    if copy.fingerprint and _fingerprint(data, sheet.title) == copy.fingerprint:
        return plan  # the plan sheet's rows are as written: nothing to read from them
    properties = workbook.properties
    saved = properties.modified.date() if properties.modified else dt.datetime.now(dt.UTC).date()
    context = _Sheet(plan, sheet, copy.locale, edited_on or saved, properties.lastModifiedBy or "")
    cards = copy.layout == "cards"
    reader = _CardsReader(context) if cards else _MatrixReader(context)
    visible = reader.read()
    if visible is None:
        plan.import_notes = (
            ImportNote(
                f"sheet {sheet.title}",
                "the hidden key columns are gone, so the visible cells cannot be matched to "
                "the plan; the plan is the workbook's hidden copy, without visible edits",
            ),
        )
        return plan
    result = apply_visible_edits(plan, visible, CARDS_SHOWN if cards else MATRIX_SHOWN)
    context.keep_unplaced(result.plan)
    result.plan.import_notes = (*context.notes, *result.plan.import_notes)
    return result.plan


def _fingerprint(data: bytes, sheet: str) -> str:
    part = sheet_parts(data).get(sheet)
    return hashlib.sha256(sheet_data(data, part)).hexdigest() if part else ""


def _plan_sheet(workbook: Workbook, copy: EmbeddedCopy) -> ReadOnlyWorksheet:
    # The plan sheet by the name it was written with; a person may have renamed it.
    name = copy.sheet if copy.sheet in workbook.sheetnames else workbook.sheetnames[0]
    sheet = workbook[name]
    assert isinstance(sheet, ReadOnlyWorksheet)  # noqa: S101 - workbooks are opened read-only
    sheet.reset_dimensions()  # read every row, whatever the stored dimension says
    return sheet


_Row = ReadRow


class _Sheet:
    """What both layouts' readers share: the embedded plan by id, notes, unplaced text."""

    def __init__(
        self, plan: Plan, sheet: ReadOnlyWorksheet, locale: str, on: dt.date, by: str
    ) -> None:
        self.plan = plan
        self.sheet = sheet
        self.name = sheet.title
        self.locale = locale
        self.on = on
        self.by = by
        self.notes: list[ImportNote] = []
        self.unplaced: list[tuple[Plan | Area | Measure | Activity, str, str]] = []
        self.areas = {area.id: area for area in plan.areas}
        self.measures: dict[str, Measure] = {}
        self.activities: dict[str, Activity] = {}
        self.area_of: dict[str, Area] = {}
        self.measure_of: dict[str, Measure] = {}
        for area in plan.areas:
            for measure in area.measures:
                self.measures[measure.id] = measure
                self.area_of[measure.id] = area
                for activity in measure.activities:
                    self.activities[activity.id] = activity
                    self.measure_of[activity.id] = measure

    def where(self, row: int, column: int) -> str:
        """Return a cell's location for a person: ``План!B14``."""
        return f"{self.name}!{get_column_letter(column + 1)}{row}"

    def keep(self, entity: Plan | Area | Measure | Activity, location: str, text: str) -> None:
        """Keep text that cannot be placed, in ``entity``'s extra once the edits are applied."""
        self.unplaced.append((entity, location, text))
        self.notes.append(
            ImportNote(location, "not placed: kept in extra", text, kept_in=f"{entity.id} extra")
        )

    def keep_unplaced(self, plan: Plan) -> None:
        """Put the text kept by :meth:`keep` into the entities of the final plan."""
        by_id: dict[str, Plan | Area | Measure | Activity] = {plan.id: plan}
        for area in plan.areas:
            by_id[area.id] = area
            for measure in area.measures:
                by_id[measure.id] = measure
                by_id.update((activity.id, activity) for activity in measure.activities)
        for entity, location, text in self.unplaced:
            by_id.get(entity.id, plan).extra[location] = text

    # -- reading cells ----------------------------------------------------------

    def text(self, value: object, before: str | None) -> str:
        """Return a text cell's text (the embedded text when the cell is as written)."""
        return read_cell_text(value, before)[0]

    def deadline(self, value: object, before: Deadline | None) -> Deadline | None:
        """Return a start or deadline cell's deadline (the embedded one when unchanged)."""
        if value is None or value == "":
            return before if before is None or not before.text else None
        if isinstance(value, dt.datetime | dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            return before if deadline_value(before) == day else Deadline.on(day)
        written = deadline_value(before)
        text, same = read_cell_text(value, written if isinstance(written, str) else None)
        if same:
            return before
        return parse_deadline(text, period=self.plan.period)

    def progress(
        self,
        entity: Activity | Measure,
        before: list[ProgressUpdate],
        cells: _ProgressCells,
        *,
        comment: str = "",
    ) -> None:
        """Set the entity's shown update from its status and percent cells.

        A note edited in the same row is also the comment of a new report
        (``comment``), so that it reaches the plan through a merge too.
        """
        shown = shown_update(before)
        status = shown.status if shown else None
        percent = shown.percent if shown else None
        written = label(status.value, self.locale) if status else ""
        text, same = read_cell_text(cells.status.value, written)
        if not same:
            status = match_status(text) if text.strip() else None
            if text.strip() and status is None:
                self.keep(entity, cells.status_at, text)
                status = shown.status if shown else None
        value = cells.percent.value
        if not _same_number(value, percent) or _is_percent_cell(cells.percent):
            percent = percent_value(value, cells.percent.number_format or "General")
            if value not in {None, ""} and percent is None:
                self.keep(entity, cells.percent_at, str(value))
                percent = shown.percent if shown else None
        if not comment and shown is not None and (shown.status, shown.percent) == (status, percent):
            entity.updates = [shown]
        elif status is None and percent is None and not comment:
            entity.updates = []
        else:
            entity.updates = [
                ProgressUpdate(self.on, status, percent, note=comment, reported_by=self.by)
            ]


def _same_number(value: object, percent: Decimal | None) -> bool:
    if percent is None:
        return value is None or value == ""
    return (
        isinstance(value, int | float | Decimal)
        and not isinstance(value, bool)
        and (Decimal(str(value)) == percent)
    )


def _is_percent_cell(cell: ReadOnlyCell | EmptyCell) -> bool:
    fmt = cell.number_format or ""
    return "%" in re.sub(r'"[^"]*"', "", fmt)


def _cell(row: _Row, index: int) -> ReadOnlyCell | EmptyCell:
    return row[index] if index < len(row) else EmptyCell()


def _value(row: _Row, index: int) -> Any:  # noqa: ANN401 - a cell holds any of several types
    return row[index].value if index < len(row) else None


class _LayoutReader:
    """Reads a plan sheet's rows into the visible plan; the layouts fill in the rows."""

    width: int

    def __init__(self, sheet: _Sheet) -> None:
        self.sheet = sheet
        embedded = sheet.plan
        self.visible = attrs.evolve(embedded, areas=[], import_notes=(), source_locations={})
        self.area: Area | None = None
        self.measure: Measure | None = None
        self.keyed = False

    def read(self) -> Plan | None:
        """Return the visible plan, or None when no row has a key."""
        for number, row in enumerate(read_rows(self.sheet.sheet), start=1):
            key = RowKey.parse(_value(row, self.width), _value(row, self.width + 1))
            if key.is_foreign:
                self.foreign_row(number, row)
                continue
            self.keyed = True
            if key.kind is RowKind.PLAN:
                self.plan_row(number, row, key.reference)
            elif key.kind is RowKind.AREA:
                self.area_row(number, row, key.reference)
            elif key.kind is not RowKind.LAYOUT:
                self.entity_row(number, row, key)
        self.finish()
        return self.visible if self.keyed else None

    def finish(self) -> None:
        """Complete what is pending at the end of the sheet."""

    def entity_row(self, number: int, row: _Row, key: RowKey) -> None:
        """Read a row of a measure, a card field or an activity."""
        raise NotImplementedError

    def foreign_row(self, number: int, row: _Row) -> None:
        """Read a row a person added: keep its text."""
        self.keep_row(number, row)

    def keep_row(self, number: int, row: _Row, skip: Iterable[int] = ()) -> None:
        """Keep every filled visible cell of a row in the nearest entity's extra."""
        owner: Plan | Area | Measure | Activity = self.measure or self.area or self.visible
        for index in range(min(len(row), self.width)):
            value = row[index].value
            if index not in skip and value is not None and str(value).strip():
                self.sheet.keep(owner, self.sheet.where(number, index), str(value))

    # -- plan and areas -------------------------------------------------------

    def plan_row(self, number: int, row: _Row, field: str) -> None:
        """Read a line of the title block."""
        if field not in _PLAN_FIELDS:
            return
        index = next((i for i in range(min(len(row), self.width)) if row[i].value is not None), 0)
        value = _value(row, index)
        self.visible.source_locations[self.visible.id] = self.sheet.where(number, index)
        embedded = self.sheet.plan
        if field.startswith("approval."):
            leaf = field.partition(".")[2]
            approval = self.visible.approval or Approval()
            before = getattr(embedded.approval, leaf) if embedded.approval else None
            if leaf == "date":
                day = value.date() if isinstance(value, dt.datetime) else value
                if value is not None and not isinstance(day, dt.date):
                    self.sheet.keep(self.visible, self.sheet.where(number, index), str(value))
                    day = embedded.approval.date if embedded.approval else None
                self.visible.approval = attrs.evolve(approval, date=day)
            else:
                text = self.sheet.text(value, before if isinstance(before, str) else None)
                if leaf == "heading":
                    self.visible.approval = attrs.evolve(approval, heading=text)
                elif leaf == "name":
                    self.visible.approval = attrs.evolve(approval, name=text)
                else:
                    self.visible.approval = attrs.evolve(approval, position=text)
        else:
            setattr(self.visible, field, self.sheet.text(value, getattr(embedded, field)))

    def area_row(self, number: int, row: _Row, area_id: str) -> None:
        """Read an area row."""
        self.close_measure()
        embedded = self.sheet.areas.get(area_id)
        area = attrs.evolve(embedded, measures=[]) if embedded else Area(id=area_id)
        before = area_text(embedded, self.sheet.locale) if embedded else None
        text, same = read_cell_text(_value(row, 0), before)
        if not same:
            area.number, area.title = split_area(text)
        self.visible.areas.append(area)
        self.visible.source_locations[area.id] = self.sheet.where(number, 0)
        self.area = area
        self.measure = None

    def current_area(self, measure_id: str) -> Area:
        """Return the area a measure row falls in, opening its embedded area if none is open."""
        if self.area is None:
            embedded = self.sheet.area_of.get(measure_id)
            self.area = attrs.evolve(embedded, measures=[]) if embedded else Area()
            self.visible.areas.append(self.area)
        return self.area

    def open_measure(self, number: int, measure_id: str) -> tuple[Measure, Measure | None]:
        """Start a visible measure; return it and its embedded counterpart."""
        self.close_measure()
        embedded = self.sheet.measures.get(measure_id)
        if embedded is not None:
            measure = attrs.evolve(embedded, activities=[], updates=list(embedded.updates))
        else:
            measure = Measure("", id=measure_id)
        self.current_area(measure_id).measures.append(measure)
        self.visible.source_locations[measure.id] = self.sheet.where(number, 0)
        self.measure = measure
        return measure, embedded

    def close_measure(self) -> None:
        """Complete the open measure (cards gather its status over two rows)."""

    def current_measure(self, number: int, activity_id: str) -> Measure:
        """Return the measure an activity row falls in, opening its embedded one if none is open."""
        if self.measure is None:
            embedded = self.sheet.measure_of.get(activity_id)
            measure_id = embedded.id if embedded else derived_id(self.visible.id, activity_id)
            self.open_measure(number, measure_id)
        assert self.measure is not None  # noqa: S101 - opened just above
        return self.measure

    # -- units of progress ------------------------------------------------------

    def unit(
        self,
        number: int,
        row: _Row,
        entity: Activity | Measure,
        embedded: Activity | Measure | None,
        columns: _UnitColumns,
    ) -> None:
        """Read the cells of an activity, or of a measure without activities."""
        sheet = self.sheet
        entity.start = sheet.deadline(
            _value(row, columns.start), embedded.start if embedded else None
        )
        entity.deadline = sheet.deadline(
            _value(row, columns.deadline), embedded.deadline if embedded else None
        )
        target_before = None
        if isinstance(embedded, Activity):
            target_before = embedded.target
        elif isinstance(embedded, Measure):
            target_before = embedded.expected_result
        target = sheet.text(_value(row, columns.target), target_before)
        if isinstance(entity, Activity):
            entity.target = target
        else:
            entity.expected_result = target
        before = (
            together(embedded.responsible, embedded.supporting, sheet.locale) if embedded else None
        )
        text, same = read_cell_text(_value(row, columns.responsible), before)
        if not same:
            entity.responsible, entity.supporting = split_responsible(text)
        note, same = read_cell_text(_value(row, columns.note), embedded.note if embedded else None)
        entity.note = note
        cells = _ProgressCells(
            _cell(row, columns.status),
            _cell(row, columns.percent),
            sheet.where(number, columns.status),
            sheet.where(number, columns.percent),
        )
        updates = embedded.updates if embedded else []
        sheet.progress(entity, updates, cells, comment="" if same or embedded is None else note)

    def activity(self, number: int, row: _Row, activity_id: str, columns: _UnitColumns) -> None:
        """Read an activity row."""
        measure = self.current_measure(number, activity_id)
        embedded = self.sheet.activities.get(activity_id)
        activity = attrs.evolve(embedded) if embedded else Activity("", id=activity_id)
        before = numbered(embedded.number, embedded.title) if embedded else None
        text, same = read_cell_text(_value(row, columns.title), before)
        if not same:
            activity.number, activity.title = split_numbered(text)
        self.unit(number, row, activity, embedded, columns)
        measure.activities.append(activity)
        self.visible.source_locations[activity.id] = self.sheet.where(number, columns.title)


class _MatrixReader(_LayoutReader):
    """Reads the matrix layout."""

    width = _MATRIX_WIDTH

    def entity_row(self, number: int, row: _Row, key: RowKey) -> None:
        if key.kind is RowKind.MEASURE:
            measure, embedded = self.open_measure(number, key.reference)
            self.measure_cells(number, row, measure, embedded)
            if not key.activity:
                self.unit(number, row, measure, embedded, _MATRIX_UNIT)
                return
        if key.activity:
            self.activity(number, row, key.activity, _MATRIX_UNIT)
        else:
            self.keep_row(number, row)

    def measure_cells(
        self, number: int, row: _Row, measure: Measure, embedded: Measure | None
    ) -> None:
        """Read the measure's own cells: its title and the two reference columns."""
        before = numbered(embedded.number, embedded.title) if embedded else None
        text, same = read_cell_text(_value(row, 0), before)
        if not same:
            measure.number, measure.title = split_numbered(text)
        written = ref_columns(embedded.kind, embedded.caf_refs) if embedded else (None, None)
        strategic, strategic_same = read_cell_text(_value(row, 2), written[0])
        quick_win, quick_win_same = read_cell_text(_value(row, 3), written[1])
        if strategic_same and quick_win_same:
            return
        if quick_win.strip():
            measure.kind, refs, index = MeasureKind.QUICK_WIN, quick_win, 3
        elif strategic.strip():
            measure.kind, refs, index = MeasureKind.STRATEGIC, strategic, 2
        else:
            measure.kind, measure.caf_refs = None, ()
            return
        measure.caf_refs = self.refs(number, index, refs, measure)

    def refs(self, number: int, index: int, text: str, measure: Measure) -> tuple[Any, ...]:
        """Return the CAF references a cell names (none for a mere mark)."""
        if is_mark(text):
            return ()
        try:
            return parse_caf_refs(text)
        except CafRefError:
            self.sheet.keep(measure, self.sheet.where(number, index), text)
            return measure.caf_refs

    def foreign_row(self, number: int, row: _Row) -> None:
        measure_text = _value(row, 0)
        activity_text = _value(row, 1)
        if isinstance(measure_text, str) and measure_text.strip():
            measure, _ = self.open_measure(number, derived_id(self.visible.id, f"row/{number}"))
            self.measure_cells(number, row, measure, None)
            if not (isinstance(activity_text, str) and activity_text.strip()):
                self.unit(number, row, measure, None, _MATRIX_UNIT)
                return
        if isinstance(activity_text, str) and activity_text.strip():
            activity_id = derived_id(self.visible.id, f"row/{number}/activity")
            self.current_measure(number, activity_id)
            self.activity(number, row, activity_id, _MATRIX_UNIT)
            return
        self.keep_row(number, row)


class _CardsReader(_LayoutReader):
    """Reads the cards layout."""

    width = _CARDS_WIDTH

    def __init__(self, sheet: _Sheet) -> None:
        super().__init__(sheet)
        self.embedded_measure: Measure | None = None
        self.status_cells: dict[str, tuple[ReadOnlyCell | EmptyCell, str]] = {}

    def entity_row(self, number: int, row: _Row, key: RowKey) -> None:
        if key.kind is RowKind.MEASURE:
            measure, embedded = self.open_measure(number, key.reference)
            self.embedded_measure = embedded
            self.heading(number, row, measure, embedded)
        elif key.kind is RowKind.FIELD and self.measure is not None:
            self.field(number, row, key.reference)
        elif key.activity:
            self.activity(number, row, key.activity, _CARD_ACTIVITY)
        else:
            self.keep_row(number, row)

    def heading(self, number: int, row: _Row, measure: Measure, embedded: Measure | None) -> None:
        """Read a card's heading: its number and whether it is a quick win."""
        before = card_heading(embedded, self.sheet.locale) if embedded else None
        text, same = read_cell_text(_value(row, 0), before)
        if same:
            return
        found = _CARD_HEADING.fullmatch(text)
        if found is None:
            self.sheet.keep(measure, self.sheet.where(number, 0), text)
            return
        measure.number = found["number"] or ""
        if found["quick_win"]:
            measure.kind = MeasureKind.QUICK_WIN
        elif measure.kind is MeasureKind.QUICK_WIN:
            measure.kind = MeasureKind.STRATEGIC

    def field(self, number: int, row: _Row, field: str) -> None:
        """Read a card's label/value row."""
        measure = self.measure
        embedded = self.embedded_measure
        assert measure is not None  # noqa: S101 - checked by the caller
        value = _value(row, 1)
        where = self.sheet.where(number, 1)
        if field in {"status", "percent"}:
            self.status_cells[field] = (_cell(row, 1), where)
        elif field in {"start", "deadline"}:
            before = getattr(embedded, field) if embedded else None
            setattr(measure, field, self.sheet.deadline(value, before))
        else:
            before = field_text(embedded, field) if embedded else None
            text, same = read_cell_text(value, before)
            if not same:
                self.set_field(number, measure, field, text)

    def set_field(self, number: int, measure: Measure, field: str, text: str) -> None:
        """Set a measure field a person edited, reading what its text means."""
        if field == "budget":
            measure.budget = parse_budget(text) if text.strip() else None
        elif field == "caf_refs":
            measure.caf_refs = self.refs(number, text, measure)
        elif field.startswith("roles."):
            measure.roles = attrs.evolve(measure.roles, **{field.partition(".")[2]: text})
        elif field in attrs.fields_dict(Measure):
            setattr(measure, field, text)

    def refs(self, number: int, text: str, measure: Measure) -> tuple[Any, ...]:
        """Return the CAF references of an edited card row."""
        try:
            return parse_caf_refs(text) if text.strip() else ()
        except CafRefError:
            self.sheet.keep(measure, self.sheet.where(number, 1), text)
            return measure.caf_refs

    def close_measure(self) -> None:
        measure = self.measure
        if measure is not None and self.status_cells:
            empty = (EmptyCell(), "")
            status, status_at = self.status_cells.get("status", empty)
            percent, percent_at = self.status_cells.get("percent", empty)
            embedded = self.embedded_measure
            before = embedded.updates if embedded else []
            cells = _ProgressCells(status, percent, status_at, percent_at)
            self.sheet.progress(measure, before, cells)
        self.status_cells = {}

    def finish(self) -> None:
        self.close_measure()

"""Placing one matrix cell's value in its measure or activity, or keeping it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from capcore.budget_parse import parse_budget
from capcore.model import Activity, Measure, MeasureKind, Plan
from capcore.progress_update import ProgressUpdate
from capcore.tables._cell_values import (
    read_caf_refs,
    read_deadline,
    read_kind,
    read_mark,
    read_percent,
    read_status,
)
from capcore.tables._keeper import Keeper, Keeping
from capcore.tables._matrix_rows import Slot
from capcore.tables.synonyms import MatrixColumn

__all__ = ["CellPlacer"]

_C = MatrixColumn
_REF_KINDS = {_C.STRATEGIC_REF: MeasureKind.STRATEGIC, _C.QUICK_WIN_REF: MeasureKind.QUICK_WIN}
_TEXT_FIELDS = {_C.RESPONSIBLE: "responsible", _C.SUPPORTING: "supporting", _C.NOTE: "note"}


class CellPlacer:
    """Puts cell values into empty fields; a value that would overwrite another is kept."""

    def __init__(self, keeper: Keeper, plan: Plan, locale: str, as_of: dt.date | None) -> None:
        """Place values in entities of ``plan``, reading words in ``locale``."""
        self._keeper = keeper
        self._plan = plan
        self._locale = locale
        self._as_of = as_of

    def measure_value(self, role: MatrixColumn, slot: Slot, measure: Measure) -> None:
        """Place a measure-level value: number, budget, kind, CAF references."""
        text = slot.text
        if role is _C.MEASURE_NUMBER:
            self.set_number(measure, slot)
        elif role is _C.BUDGET:
            if measure.budget is None:
                measure.budget = parse_budget(text, self._locale)
            elif measure.budget.text != text:
                self.keep(slot, measure, "a second budget for the measure")
        elif role is _C.KIND:
            kind = read_kind(text)
            if kind is None:
                self.keep(slot, measure, "not a kind of measure (quick win or strategic)")
            else:
                _set_kind(measure, kind)
        else:
            self._refs(slot, measure, _REF_KINDS.get(role))

    def _refs(self, slot: Slot, measure: Measure, kind: MeasureKind | None) -> None:
        mark = read_mark(slot.text)
        if mark is not None:
            if mark and kind is not None:
                _set_kind(measure, kind)
            return
        refs = read_caf_refs(slot.text)
        if refs is None:
            self.keep(slot, measure, "not CAF references")
        else:
            measure.caf_refs = (*measure.caf_refs, *(r for r in refs if r not in measure.caf_refs))
        if kind is not None:
            _set_kind(measure, kind)

    def row_value(self, role: MatrixColumn, slot: Slot, entity: Activity | Measure) -> None:
        """Place an activity-level value (or a measure's own): number, dates, texts."""
        if role is _C.ACTIVITY_NUMBER:
            self.set_number(entity, slot)
        elif role in {_C.START, _C.DEADLINE}:
            name = "start" if role is _C.START else "deadline"
            if getattr(entity, name) is None:
                period = self._plan.period
                day = slot.origin.date
                setattr(entity, name, read_deadline(slot.text, day, self._locale, period))
            elif getattr(entity, name).text != slot.text:
                self.keep(slot, entity, f"a second {name} for the same entry")
        else:
            name = _TEXT_FIELDS.get(role) or (
                "target" if isinstance(entity, Activity) else "expected_result"
            )
            current = getattr(entity, name)
            if not current:
                setattr(entity, name, slot.text)
            elif current != slot.text:
                self.keep(slot, entity, f"a second {name} for the same entry")

    def update(
        self, slots: Sequence[tuple[MatrixColumn, Slot]], entity: Activity | Measure
    ) -> None:
        """Record status and percent as a progress update on ``as_of``, or keep them."""
        if self._as_of is None:
            for _, slot in slots:
                self.keep(slot, entity, "a status or percent needs the date it speaks for (as_of)")
            return
        status = percent = None
        for role, slot in slots:
            if role is _C.STATUS:
                status = read_status(slot.text)
                if status is None:
                    self.keep(slot, entity, "not a status")
            else:
                percent = read_percent(slot.text)
                if percent is None:
                    self.keep(slot, entity, "not a percent (0-100)")
        if status is not None or percent is not None:
            entity.updates.append(ProgressUpdate(self._as_of, status, percent))

    def set_number(self, entity: Activity | Measure, slot: Slot) -> None:
        """Give ``entity`` the number in ``slot`` unless it has a different one."""
        number = slot.text.rstrip(".")
        if not entity.number:
            entity.number = number
        elif entity.number != number:
            self.keep(slot, entity, "a number that differs from the one in the title")

    def keep(self, slot: Slot, owner: Keeping, why: str) -> None:
        """Keep the cell's text in ``owner.extra`` and report it."""
        self._keeper.keep(owner, slot.cell.location, slot.text, why)


def _set_kind(measure: Measure, kind: MeasureKind) -> None:
    # A quick-win mark wins over a strategic one: the plan singles the measure out.
    if measure.kind is None or kind is MeasureKind.QUICK_WIN:
        measure.kind = kind

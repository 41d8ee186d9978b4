"""The prioritisation section of the monitoring report, for a plan drawn from proposals.

It renders :func:`capcore.prioritisation_of` and computes nothing: ranks,
scores, categories, whether a proposal is taken, the reasoning, the working
group's decisions and the reasons for leaving proposals out are the core's
result, and every word comes from :mod:`capcore.labels`. In order, under
the heading ``Приоритизация`` and the method's line:

- the classification: each category with its count and its proposals'
  numbers in rank order, the quick wins' row on the highlight fill;
- the ranked table: rank, number, CAF sub-criterion, text, impact,
  feasibility, score, category and whether it is taken, with the reasoning
  on a full-width row under each proposal;
- the working group's decisions, always listed, with who, why and when;
- the proposals not taken, each with its reason.
"""

from __future__ import annotations

from decimal import Decimal

from capcore import Category, Plan, PrioritisationResult, RankedProposal, prioritisation_of
from capcore.labels import format_date, label
from capcore_docx.document import TABLE_STYLE
from capcore_docx.ooxml import Cell, Element, add_paragraph, add_row, add_table, run

__all__ = ["NOT_TAKEN_MARK", "QUICK_WIN_FILL", "TAKEN_MARK", "prioritisation_body"]

QUICK_WIN_FILL = "C6EFCE"
"""The background of a quick win's category cell: the light green of "on track"."""

TAKEN_MARK = "✓"
"""What the "taken" column shows for a proposal taken into the plan."""

NOT_TAKEN_MARK = "✗"
"""What the "taken" column shows for a proposal left out (its reason is listed below)."""

_HEADER_FILL = "D9D9D9"
_REASONING_FILL = "F2F2F2"
_RANKED: tuple[str, ...] = ("rank", "number", "caf_refs", "proposal", "impact", "feasibility")
_RANKED += ("score", "category", "taken")
_RANKED_WIDTHS = (550, 550, 800, 2700, 1100, 1300, 650, 1200, 800)
_CLASS_WIDTHS = (2600, 900, 6150)
_OVERRIDE_WIDTHS = (700, 2200, 1900, 3650, 1200)
_NOT_TAKEN_WIDTHS = (700, 4475, 4475)


def prioritisation_body(plan: Plan, body: Element, locale: str) -> None:
    """Append the prioritisation section of ``plan`` to ``body``; nothing for a plan without one."""
    result = prioritisation_of(plan)
    if result is not None:
        _Section(result, body, locale).write()


class _Section:
    def __init__(self, result: PrioritisationResult, body: Element, locale: str) -> None:
        self.result = result
        self.body = body
        self.locale = locale

    def word(self, key: str) -> str:
        return label(key, self.locale)

    def heading(self, text: str, *, size: int = 24) -> None:
        # As the report's own headings: space above, kept with the table below.
        add_paragraph(self.body, run(text, bold=True, size=size), keep_next=True, space_before=240)

    def header_row(self, tbl: Element, keys: tuple[str, ...]) -> None:
        cells = [
            Cell(_capital(self.word(key)), bold=True, fill=_HEADER_FILL, align="center")
            for key in keys
        ]
        add_row(tbl, cells, header=True)

    def write(self) -> None:
        method = self.result.method
        self.heading(self.word("prioritisation"), size=28)
        line = self.word("prioritisation_method_line").format(
            name=method.preset_name or self.word("policy_custom"),
            low=_number(method.scale.low),
            high=_number(method.scale.high),
            grid=method.grid.value,
        )
        add_paragraph(self.body, run(line))
        self.classification()
        self.ranked()
        self.overrides()
        self.not_taken()
        add_paragraph(self.body)

    def category_cell(self, category: Category | None) -> Cell:
        if category is None:
            return Cell("")
        quick = category is Category.QUICK_WIN
        return Cell(self.word(category.value), bold=quick, fill=QUICK_WIN_FILL if quick else "")

    def classification(self) -> None:
        self.heading(self.word("prioritisation_matrix"))
        tbl = add_table(self.body, _CLASS_WIDTHS, TABLE_STYLE)
        self.header_row(tbl, ("category", "proposal_count", "proposals"))
        for category in Category:
            entries = self.result.in_category(category)
            numbers = ", ".join(_name(entry) for entry in entries)
            name = Cell(
                _capital(self.word(category.value)),
                bold=category is Category.QUICK_WIN,
                fill=QUICK_WIN_FILL if category is Category.QUICK_WIN else "",
            )
            add_row(tbl, [name, Cell(str(len(entries)), align="center"), Cell(numbers)])

    def ranked(self) -> None:
        self.heading(f"{self.word('proposals')} ({len(self.result.entries)})")
        tbl = add_table(self.body, _RANKED_WIDTHS, TABLE_STYLE)
        self.header_row(tbl, _RANKED)
        for entry in self.result.entries:
            self.ranked_rows(tbl, entry)

    def ranked_rows(self, tbl: Element, entry: RankedProposal) -> None:
        proposal = entry.proposal
        add_row(
            tbl,
            [
                Cell(_number(entry.rank), align="center"),
                Cell(proposal.number, align="center"),
                Cell("" if proposal.caf_ref is None else str(proposal.caf_ref), align="center"),
                Cell(proposal.text),
                Cell(_number(proposal.impact), align="center"),
                Cell(_number(proposal.feasibility), align="center"),
                Cell(_number(entry.score), align="center"),
                self.category_cell(entry.category),
                Cell(TAKEN_MARK if entry.taken else NOT_TAKEN_MARK, align="center"),
            ],
        )
        reasoning = f"{self.word('reasoning')}: {entry.reasoning_text(self.locale)}"
        add_row(tbl, [Cell(reasoning, span=len(_RANKED), fill=_REASONING_FILL)])

    def overrides(self) -> None:
        overrides = self.result.overrides
        self.heading(f"{self.word('override')} ({len(overrides)})")
        if not overrides:
            add_paragraph(self.body, run(self.word("none")))
            return
        tbl = add_table(self.body, _OVERRIDE_WIDTHS, TABLE_STYLE)
        self.header_row(tbl, ("number", "decided_by", "decision", "reason", "decision_date"))
        for override in overrides:
            changes = []
            if override.category is not None:
                changes.append(self.word(override.category.value))
            if override.rank is not None:
                changes.append(f"{self.word('rank')} {override.rank}")
            if override.decision is not None:
                changes.append(self.word(override.decision.value))
            when = "" if override.date is None else format_date(override.date, self.locale)
            number = self.result.entry(override.proposal_id).proposal.number
            add_row(
                tbl,
                [
                    Cell(number, align="center"),
                    Cell(override.by),
                    Cell("; ".join(changes)),
                    Cell(override.reason),
                    Cell(when, align="center"),
                ],
            )

    def not_taken(self) -> None:
        left_out = self.result.not_taken()
        self.heading(f"{self.word('not_taken')} ({len(left_out)})")
        if not left_out:
            add_paragraph(self.body, run(self.word("none")))
            return
        tbl = add_table(self.body, _NOT_TAKEN_WIDTHS, TABLE_STYLE)
        self.header_row(tbl, ("number", "proposal", "reason"))
        for entry in left_out:
            reason = entry.not_taken_reason.text(self.locale) if entry.not_taken_reason else ""
            add_row(
                tbl,
                [
                    Cell(entry.proposal.number, align="center"),
                    Cell(entry.proposal.text),
                    Cell(reason),
                ],
            )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)


def _name(entry: RankedProposal) -> str:
    """A proposal as the classification names it: its number, else its rank."""
    return entry.proposal.number or f"#{_number(entry.rank)}"

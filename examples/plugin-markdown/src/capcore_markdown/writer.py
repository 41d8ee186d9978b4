r"""The Markdown writer: a plan as a document people read.

The document holds the plan's title, organisation and period, the approval,
then a heading for each area and for each measure (number, title and a
quick-win mark), the measure's fields as a bullet list and its activities
as a table. Labels are Bulgarian by default, English with ``locale="en"``.

Plan text is any Unicode, so every piece is escaped: Markdown's punctuation
gets a backslash (``\|`` keeps a table's cells apart, ``\<`` keeps HTML
out), line breaks become ``<br>`` and control characters are dropped.

capcore calls :func:`write` with a stream it opened; the stream replaces
the target file only when the writer returns, so the writer streams its
output freely and simply raises on failure. Only the public ``capcore`` API
is imported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import BinaryIO

from capcore import Activity, Approval, Area, Measure, Period, Plan

__all__ = ["LABELS", "write"]

LABELS: dict[str, dict[str, str]] = {
    "bg": {
        "plan": "План за подобрение",
        "organisation": "Администрация",
        "period": "Период",
        "approval": "УТВЪРЖДАВАМ:",
        "quick_win": "бърза победа",
        "caf_refs": "Подкритерии на CAF",
        "sponsor": "Спонсор",
        "leader": "Ръководител",
        "team": "Екип",
        "contact": "Контакт",
        "scope": "Обхват",
        "stakeholders": "Заинтересовани страни",
        "strengths": "Силни страни",
        "improvement_areas": "Области на подобрение",
        "options": "Варианти за проучване",
        "constraints": "Ограничения",
        "human_resources": "Необходими човешки ресурси",
        "budget": "Бюджет",
        "expected_result": "Очакван резултат",
        "start": "Начало",
        "deadline": "Срок",
        "responsible": "Отговорник",
        "supporting": "Подпомагащи",
        "note": "Забележка",
        "number": "№",
        "title": "Дейност",
        "target": "Целеви стойности",
    },
    "en": {
        "plan": "Improvement plan",
        "organisation": "Organisation",
        "period": "Period",
        "approval": "Approved by:",
        "quick_win": "quick win",
        "caf_refs": "CAF sub-criteria",
        "sponsor": "Sponsor",
        "leader": "Leader",
        "team": "Team",
        "contact": "Contact",
        "scope": "Scope",
        "stakeholders": "Stakeholders",
        "strengths": "Strengths",
        "improvement_areas": "Areas for improvement",
        "options": "Options to explore",
        "constraints": "Constraints",
        "human_resources": "Human resources needed",
        "budget": "Budget",
        "expected_result": "Expected result",
        "start": "Start",
        "deadline": "Deadline",
        "responsible": "Responsible",
        "supporting": "Supporting",
        "note": "Note",
        "number": "No.",
        "title": "Activity",
        "target": "Target values",
    },
}
"""The document's words, by locale; the label of a field is its attribute's name."""

# The measure's fields listed under its heading, as attribute paths.
_MEASURE_FIELDS = (
    "caf_refs", "roles.sponsor", "roles.leader", "roles.team", "roles.contact", "scope",
    "stakeholders", "strengths", "improvement_areas", "options", "constraints",
    "human_resources", "budget", "expected_result", "start", "deadline", "responsible",
    "supporting", "note",
)  # fmt: skip
_ACTIVITY_COLUMNS = ("number", "title", "start", "deadline", "target", "responsible", "note")

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|~&])")


def write(plan: Plan, stream: BinaryIO, /, *, locale: str = "bg") -> None:
    """Write ``plan`` to ``stream`` as a UTF-8 Markdown document (the format's writer).

    Args:
        plan: The plan.
        stream: The binary stream capcore opened.
        locale: The labels' language, ``bg`` or ``en`` (checked by capcore).
    """
    labels = LABELS[locale]
    separator = b""
    for block in _document(plan, labels, locale):
        stream.write(separator + block.encode("utf-8"))
        separator = b"\n\n"
    stream.write(b"\n")


def _document(plan: Plan, labels: dict[str, str], locale: str) -> Iterator[str]:
    yield f"# {_line(plan.title) or labels['plan']}"
    if subtitle := _paragraph(plan.subtitle):
        yield subtitle
    period = _period(plan.period, locale)
    if facts := _bullets([(labels["organisation"], plan.organisation), (labels["period"], period)]):
        yield facts
    if plan.approval is not None:
        yield _approval(plan.approval, labels, locale)
    if introduction := _paragraph(plan.introduction):
        yield introduction
    for area in plan.areas:
        yield from _area(area, labels)


def _approval(approval: Approval, labels: dict[str, str], locale: str) -> str:
    date = _date(approval.date, locale) if approval.date else ""
    parts = [_text(approval.name), _text(approval.position), date]
    return " ".join([f"**{labels['approval']}**", ", ".join(part for part in parts if part)])


def _area(area: Area, labels: dict[str, str]) -> Iterator[str]:
    if heading := " ".join(part for part in (_line(area.number), _line(area.title)) if part):
        yield f"## {heading}"  # the untitled area of a plan without areas gets no heading
    if description := _paragraph(area.description):
        yield description
    for measure in area.measures:
        yield from _measure(measure, labels)


def _measure(measure: Measure, labels: dict[str, str]) -> Iterator[str]:
    heading = " ".join(part for part in (_line(measure.number), _line(measure.title)) if part)
    mark = f" *({labels['quick_win']})*" if measure.is_quick_win else ""
    yield f"### {heading}{mark}".rstrip()
    fields = [
        (labels[path.rpartition(".")[2]], _plain(attrgetter(path)(measure)))
        for path in _MEASURE_FIELDS
    ]
    if bullets := _bullets(fields):
        yield bullets
    if measure.activities:
        yield _table(measure.activities, labels)


def _table(activities: Iterable[Activity], labels: dict[str, str]) -> str:
    rows = [[labels[column] for column in _ACTIVITY_COLUMNS], ["---"] * len(_ACTIVITY_COLUMNS)]
    rows += [
        [_text(_plain(getattr(activity, column))) for column in _ACTIVITY_COLUMNS]
        for activity in activities
    ]
    return "\n".join(f"| {' | '.join(row)} |" for row in rows)


def _bullets(pairs: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"- **{label}:** {text}" for label, value in pairs if (text := _text(value)))


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):  # CAF references
        return ", ".join(str(item) for item in value)
    return str(value)  # deadlines and budgets: the words as written


def _text(value: str, line_break: str = "<br>") -> str:
    """Escape ``value`` for use inside a line: a bullet, a table cell, a heading."""
    text = _PUNCTUATION.sub(r"\\\1", _CONTROLS.sub("", value))
    return _BREAKS.sub(line_break, text).strip()


def _line(value: str) -> str:
    return _text(value, " ")


def _paragraph(value: str) -> str:
    # A paragraph's first characters must not start a list ("- ", "+ ", "1. ").
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", _text(value))
    return re.sub(r"^([-+])", r"\\\1", text)


def _period(period: Period | None, locale: str) -> str:
    return f"{_date(period.start, locale)} – {_date(period.end, locale)}" if period else ""


def _date(day: dt.date, locale: str) -> str:
    return day.isoformat() if locale == "en" else f"{day.day:02}.{day.month:02}.{day.year}"

r"""The Markdown writer: a plan as a document people read.

The document holds the plan's title, organisation and period, the approval,
then a heading for each area and for each measure (number, title and a
quick-win mark), the measure's fields as a bullet list and its activities
as a table. Labels (from :mod:`capcore.labels`, shared by every exporter) are Bulgarian
by default, English with ``locale="en"``.

Plan text is any Unicode, so every piece is escaped: Markdown's punctuation
gets a backslash (``\|`` keeps a table's cells apart, ``\<`` keeps HTML
out), line breaks become ``<br>`` and control characters are dropped.

capcore calls :func:`write` with a stream it opened; the stream replaces
the target file only when the writer returns, so the writer streams its
output freely and simply raises on failure. Only the public ``capcore`` API
is imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from operator import attrgetter
from typing import BinaryIO

from capcore import Activity, Approval, Area, Measure, Period, Plan
from capcore.labels import format_date, labels

__all__ = ["write"]

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
    words = labels(locale)
    separator = b""
    for block in _document(plan, words, locale):
        stream.write(separator + block.encode("utf-8"))
        separator = b"\n\n"
    stream.write(b"\n")


def _document(plan: Plan, labels: Mapping[str, str], locale: str) -> Iterator[str]:
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


def _approval(approval: Approval, labels: Mapping[str, str], locale: str) -> str:
    date = format_date(approval.date, locale) if approval.date else ""
    parts = [_text(approval.name), _text(approval.position), date]
    return " ".join([f"**{labels['approval']}**", ", ".join(part for part in parts if part)])


def _area(area: Area, labels: Mapping[str, str]) -> Iterator[str]:
    if heading := " ".join(part for part in (_line(area.number), _line(area.title)) if part):
        yield f"## {heading}"  # the untitled area of a plan without areas gets no heading
    if description := _paragraph(area.description):
        yield description
    for measure in area.measures:
        yield from _measure(measure, labels)


def _measure(measure: Measure, labels: Mapping[str, str]) -> Iterator[str]:
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


def _table(activities: Iterable[Activity], labels: Mapping[str, str]) -> str:
    # The title column is headed "Activity": the table lists the measure's activities.
    header = [labels["activity" if column == "title" else column] for column in _ACTIVITY_COLUMNS]
    rows = [header, ["---"] * len(_ACTIVITY_COLUMNS)]
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
    return (
        f"{format_date(period.start, locale)} – {format_date(period.end, locale)}" if period else ""
    )

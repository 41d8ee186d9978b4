r"""How a field is shown in a cell, and how a cell a person edited is read back.

The writer and the reader of capcore's own workbooks share these functions,
so that the reader can tell an untouched cell (it still shows what the
writer wrote for the embedded value) from an edited one:

- numbers go in front of titles as the seed plans write them (``1.1. ``);
- an area row says ``Област 1: <title>``;
- a CAF reference goes in the strategic or the quick-win column by the
  measure's kind, and a measure of that kind without references shows
  ``✓`` there;
- responsible and supporting share one cell, supporting on a line of its
  own after its label (``\nПодпомагащи: ...``);
- a deadline or start that is one exact date with a known year is a real
  date cell (shown ``d.m.yyyy`` in Bulgarian, ISO in English); anything
  else keeps its words in a text cell.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from capcore import (
    CafRef,
    Deadline,
    DeadlineKind,
    MeasureKind,
    ProgressUpdate,
    latest_update,
)
from capcore.labels import LABELS, label
from capcore.tables import YES_MARKS
from capcore_xlsx._cells import FIRST_EXCEL_DAY

__all__ = [
    "QUICK_WIN_MARK",
    "deadline_value",
    "is_mark",
    "percent_value",
    "ref_columns",
    "shown_update",
    "split_area",
    "split_numbered",
    "split_responsible",
    "together",
]

QUICK_WIN_MARK = "✓"
"""What the strategic or quick-win column shows for a measure of that kind without references."""

_NUMBERED = re.compile(r"\s*(?P<number>\d+(?:\.\d+)*)\.?(?:\s+|(?=\D)|$)(?P<title>.*)", re.DOTALL)
_AREA = re.compile(r"\s*\S+\s+(?P<number>[^\s:]*)\s*:\s*(?P<title>.*)", re.DOTALL)


def split_numbered(text: str) -> tuple[str, str]:
    """Return ``(number, title)`` of an edited ``1.1. Title`` cell; no number if none leads."""
    found = _NUMBERED.fullmatch(text)
    if found is None:
        return "", text
    return found["number"], found["title"]


def split_area(text: str) -> tuple[str, str]:
    """Return ``(number, title)`` of an edited area row (``Област 2: ...``, ``Area 2: ...``)."""
    found = _AREA.fullmatch(text)
    words = {words["area"].casefold() for words in LABELS.values()}
    if found is None or text.split(maxsplit=1)[0].casefold() not in words:
        return "", text
    return found["number"], found["title"]


def ref_columns(kind: MeasureKind | None, refs: tuple[CafRef, ...]) -> tuple[str, str]:
    """Return what the strategic and the quick-win columns show for a measure."""
    text = ", ".join(str(ref) for ref in refs)
    if kind is MeasureKind.QUICK_WIN:
        return "", text or QUICK_WIN_MARK
    if kind is MeasureKind.STRATEGIC:
        return text or QUICK_WIN_MARK, ""
    return text, ""


def is_mark(text: str) -> bool:
    """True for a cell that only says "yes" (``✓``, ``х``, ``да``)."""
    return text.strip().casefold() in YES_MARKS


def together(responsible: str, supporting: str, locale: str) -> str:
    """Return the responsible-and-supporting cell."""
    if not supporting:
        return responsible
    line = f"{label('supporting', locale)}: {supporting}"
    return f"{responsible}\n{line}" if responsible else line


def split_responsible(text: str) -> tuple[str, str]:
    """Return ``(responsible, supporting)`` of an edited responsible-and-supporting cell."""
    words = "|".join(re.escape(words["supporting"]) for words in LABELS.values())
    found = re.search(f"(?:^|\n)(?:{words}): ", text)
    if found is None:
        return text, ""
    return text[: found.start()], text[found.end() :]


def deadline_value(deadline: Deadline | None) -> dt.date | str:
    """Return what a deadline's cell holds: a date for one exact dated day, else its words.

    A day before 1 March 1900, which Excel's calendar cannot show, keeps its words.
    """
    if deadline is None:
        return ""
    if len(deadline.terms) == 1:
        term = deadline.terms[0]
        if term.kind is DeadlineKind.DATE and term.year and term.month and term.day:
            day = dt.date(term.year, term.month, term.day)
            if day >= FIRST_EXCEL_DAY:
                return day
    return deadline.text


def shown_update(updates: list[ProgressUpdate]) -> ProgressUpdate | None:
    """Return the update whose status and percent the sheet shows: the latest of all."""
    return latest_update(updates, dt.date.max)


def percent_value(value: object, number_format: str) -> Decimal | None:
    """Return the percent a cell holds (``60``; a cell formatted ``0%`` holding 0.6 is 60)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, int | float | Decimal):
            number = Decimal(str(value))
        elif isinstance(value, str):
            number = Decimal(value.strip().rstrip("%").strip().replace(",", "."))
        else:
            return None
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if _is_percent_format(number_format) and not isinstance(value, str):
        number *= 100
    return number.normalize() if number == number.to_integral() else number


def _is_percent_format(number_format: str) -> bool:
    # "0%" is a percent format; '0" %"' (a quoted sign) is not.
    return "%" in re.sub(r'"[^"]*"', "", number_format)

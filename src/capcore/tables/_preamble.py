"""What stands above a plan's measures: approval block, title, subtitle, period, introduction.

The lines above the table (or above the first card or list section) are read
in order:

- the approval block: a line starting with an approval word
  (``УТВЪРЖДАВАМ:``, ``Утвърждавам!``, ``Approved by:``), then the approver's
  name and position (a position line holds a word such as ``управител``
  or starts with ``на``), and a date line, if any;
- the title: the first line starting with a title word (``ПЛАН``,
  ``Програма``, ``Improvement plan``), else the first line after the
  approval block; a title line ending in a preposition (``... ДЕЙНОСТ В``)
  goes on to the next line;
- a period line (``за периода 2022-2024 г.``) gives the period; otherwise a
  year range in the title or subtitle does (``2017 – 2018``);
- short lines after the title are the subtitle, long ones the introduction;
- the organisation is read from the title, subtitle or introduction
  (``ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ`` gives ``Областна администрация Ловеч``),
  or is a letterhead line above the title;
- ``CAF 2020`` or ``CAF 2013`` anywhere gives the CAF version.

What is none of these is returned as unplaced, for the reader to keep.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import attrs

from capcore.caf import CafVersion
from capcore.model import Approval, Period
from capcore.tables._numbering import starts_with_word
from capcore.tables.matching import normalise_label
from capcore.tables.source import SourceBlock, SourceParagraph, SourceTable
from capcore.tables.synonyms import SHAPE_WORDS

__all__ = ["Line", "Preamble", "lines_of", "read_preamble"]

_SUBTITLE_LONGEST = 160
"""A line after the title longer than this is introduction, not subtitle."""
_APPROVAL_LINES = 5
"""At most this many lines follow an approval word when no title closes the block."""
_JOINING_WORDS = frozenset(
    {"в", "във", "на", "за", "и", "с", "със", "от", "по", "към", "при", "до", "чрез",
     "of", "for", "and", "in", "to", "at", "the", "on", "-", "–", "—", ","}
)  # fmt: skip
_YEAR = r"(?:19|20)\d\d"
_RANGE = re.compile(rf"(?<!\d)(?P<first>{_YEAR})\s*(?:г\.?\s*)?[-–—/]\s*(?P<last>{_YEAR})(?!\d)")
_ONLY_RANGE = re.compile(
    rf"\s*(?P<first>{_YEAR})\s*(?:г\.?\s*)?(?:[-–—/]|до|to)\s*(?P<last>{_YEAR})"
    r"\s*(?:г\.?|год\.?|година|години|years?)?\s*\.?\s*",
    re.IGNORECASE,
)
_ONLY_YEAR = re.compile(rf"\s*(?P<first>{_YEAR})\s*(?:г\.?|година|year)?\s*\.?\s*", re.IGNORECASE)
_CAF_VERSION = re.compile(r"\bCAF\s*(?P<year>2013|2020)\b", re.IGNORECASE)
_DATE = re.compile(r"(?P<day>\d{1,2})\.\s*(?P<month>\d{1,2})\.\s*(?P<year>\d{4})")
_APPROVAL_HEAD = re.compile(r"[\s:!.…_]*")
_ORGANISATION = re.compile(
    r"\b(?P<kind>областна|общинска|районна)\s+(?P<word>администрация)(?:\s*[-–—]\s*|\s+)"
    r"(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_MUNICIPALITY = re.compile(r"\b(?P<word>община)\s+(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
_ENGLISH_ORGANISATION = re.compile(
    r"\b(?:(?:Regional|District|Municipal) Administration(?: of)? [A-Z][\w-]+"
    r"|[A-Z][\w-]+ (?:Regional|District|Municipal) Administration)"
)
_PLACE_STOP = frozenset(_JOINING_WORDS | {"да", "е", "са", "за", "г"})
_PLACE_WORDS = 3


@attrs.frozen
class Line:
    """One line of text above (or around) the plan, with where it was."""

    text: str
    location: str


@attrs.define
class Preamble:
    """What the lines above the measures said.

    Attributes:
        title: The plan's title ("" if none was found).
        title_location: Where the title was.
        subtitle: Short lines under the title, joined by line breaks.
        introduction: Long lines under the title, joined by line breaks.
        organisation: The administration, if named.
        approval: The approval block, if any.
        period: The plan period, if written.
        caf_version: The CAF edition, if named.
        unplaced: Lines that are none of these.
    """

    title: str = ""
    title_location: str = ""
    subtitle: str = ""
    introduction: str = ""
    organisation: str = ""
    approval: Approval | None = None
    period: Period | None = None
    caf_version: CafVersion | None = None
    unplaced: list[Line] = attrs.field(factory=list)


def lines_of(blocks: Iterable[SourceBlock]) -> list[Line]:
    """Return the non-empty lines of paragraphs and of every cell of tables, in order.

    A paragraph (or cell) of several lines gives one :class:`Line` each, with
    ``, line N`` added to the location from the second on. Lines of nothing
    but dots, dashes or underscores (signature lines) carry no text and are
    left out.
    """
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, SourceParagraph):
            lines.extend(_split(block.text, block.location))
        elif isinstance(block, SourceTable):
            for row in block.rows:
                for cell in row:
                    if not cell.continues_above:
                        lines.extend(_split(cell.text, cell.location))
    return lines


def _split(text: str, location: str) -> list[Line]:
    parts = [part.strip() for part in text.splitlines()]
    return [
        Line(part, location if index == 0 else f"{location}, line {index + 1}")
        for index, part in enumerate(parts)
        if any(char.isalnum() for char in part)
    ]


def _words(key: str) -> tuple[str, ...]:
    words = SHAPE_WORDS[key]
    return words.bg + words.en


def _is_title(text: str) -> bool:
    folded = normalise_label(text)
    return any(folded == word or folded.startswith(word + " ") for word in _words("title"))


def _period_of_line(text: str) -> Period | None:
    rest = starts_with_word(text, _words("period"))
    body = text if rest is None else rest.lstrip(" :")
    match = _ONLY_RANGE.fullmatch(body)
    if match is not None:
        return _period(match["first"], match["last"])
    if rest is not None and (match := _ONLY_YEAR.fullmatch(body)) is not None:
        return _period(match["first"], match["first"])
    return None


def _period(first: str, last: str) -> Period | None:
    start, end = int(first), int(last)
    return Period.years(start, end) if start <= end else None


def read_preamble(lines: Sequence[Line]) -> Preamble:
    """Read the approval block, title, subtitle, period and organisation from ``lines``."""
    result = Preamble()
    used: set[int] = set()
    approval_at = next(
        (i for i, line in enumerate(lines) if starts_with_word(line.text, _words("approval"))),
        None,
    )
    title_at = next(
        (i for i, line in enumerate(lines) if i != approval_at and _is_title(line.text)), None
    )
    if approval_at is not None:
        end = title_at if title_at is not None and title_at > approval_at else len(lines)
        block = _approval_block(lines, approval_at, end)
        result.approval = _approval([lines[i] for i in block])
        used.update(block)
    if title_at is None:
        title_at = next(
            (i for i, line in enumerate(lines) if i not in used and not _period_of_line(line.text)),
            None,
        )
    if title_at is not None:
        _read_title(lines, title_at, used, result)
    _read_rest(lines, used, result, -1 if title_at is None else title_at)
    result.caf_version = _caf_version(lines)
    return result


def _approval_block(lines: Sequence[Line], start: int, stop: int) -> range:
    """Return the approval word's line and the name, position and date lines after it.

    One line that is no position and no date is the name; a second one ends
    the block (it is the title, or a letterhead).
    """
    rest = starts_with_word(lines[start].text, _words("approval")) or ""
    named = any(char.isalpha() for char in rest)  # ``УТВЪРЖДАВАМ: ИВАН ИВАНОВ``
    end = start + 1
    while end < min(stop, start + 1 + _APPROVAL_LINES):
        text = lines[end].text
        if not (_is_position(text) or _date_line(text) is not None):
            if named:
                break
            named = True
        end += 1
    return range(start, end)


def _date_line(text: str) -> dt.date | None:
    found = _DATE.search(text)
    return _date(found) if found is not None and _only_date(text, found) else None


def _read_title(lines: Sequence[Line], at: int, used: set[int], result: Preamble) -> None:
    title = lines[at].text
    used.add(at)
    result.title_location = lines[at].location
    following = at + 1
    while (
        following < len(lines)
        and following not in used
        and title.split()[-1].casefold() in _JOINING_WORDS
        and _period_of_line(lines[following].text) is None
    ):
        title = f"{title} {lines[following].text}"
        used.add(following)
        following += 1
    result.title = title


def _read_rest(lines: Sequence[Line], used: set[int], result: Preamble, title_index: int) -> None:
    subtitle: list[str] = []
    introduction: list[str] = []
    for index, line in enumerate(lines):
        if index in used:
            continue
        period = _period_of_line(line.text)
        if period is not None and result.period is None:
            result.period = period
        elif index < title_index or title_index < 0:
            if not result.organisation and (organisation := _organisation(line.text)):
                result.organisation = organisation
            else:
                result.unplaced.append(line)
        elif len(line.text) <= _SUBTITLE_LONGEST and not introduction:
            subtitle.append(line.text)
        else:
            introduction.append(line.text)
    result.subtitle = "\n".join(subtitle)
    result.introduction = "\n".join(introduction)
    if result.period is None:
        result.period = _period_in(result.title, result.subtitle)
    if not result.organisation:
        texts = (result.title, *subtitle, *introduction)
        result.organisation = next((org for text in texts if (org := _organisation(text))), "")


def _period_in(*texts: str) -> Period | None:
    for text in texts:
        match = _RANGE.search(text)
        if match is not None:
            return _period(match["first"], match["last"])
    return None


def _caf_version(lines: Sequence[Line]) -> CafVersion | None:
    for line in lines:
        match = _CAF_VERSION.search(line.text)
        if match is not None:
            return CafVersion(match["year"])
    return None


def _approval(block: Sequence[Line]) -> Approval:
    head = block[0].text
    rest = starts_with_word(head, _words("approval")) or ""
    separator = _APPROVAL_HEAD.match(rest)
    cut = separator.end() if separator is not None else 0
    heading = head[: len(head) - len(rest) + cut].rstrip()
    people = [rest[cut:].strip()] if rest[cut:].strip() else []
    day: dt.date | None = None
    for line in block[1:]:
        on = _date_line(line.text)
        if on is not None and day is None:
            day = on
        else:
            people.append(line.text)
    names = [text for text in people if not _is_position(text)]
    name = names[0] if names else ""
    position = "\n".join(text for text in people if text != name)
    return Approval(name, position, heading, day)


def _only_date(text: str, found: re.Match[str]) -> bool:
    rest = (text[: found.start()] + text[found.end() :]).casefold()
    return not any(char.isalpha() for char in rest.replace("дата", "").replace("г", ""))


def _date(found: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        return None


def _is_position(text: str) -> bool:
    folded = text.casefold()
    words = set(normalise_label(text).split())
    return folded.startswith(("на ", "of ")) or any(
        word.startswith(position) for word in words for position in _words("position")
    )


def _organisation(text: str) -> str:
    """Return the administration a text names, written the usual way, or ""."""
    english = _ENGLISH_ORGANISATION.search(text)
    if english is not None:
        return english.group()
    match = _ORGANISATION.search(text)
    kind = "" if match is None else match["kind"]
    if match is None:
        match = _MUNICIPALITY.search(text)
    if match is None:
        return ""
    place = _place(match["rest"])
    if not place:
        return ""
    found = f"{kind} {match['word']} {place}".strip()
    if found.isupper():  # a title in capitals: write the name as a sentence would
        head, *tail = f"{kind} {match['word']}".strip().split()
        return " ".join([head.capitalize(), *(word.lower() for word in tail), place.title()])
    return found


def _place(text: str) -> str:
    words: list[str] = []
    for word in text.split()[:_PLACE_WORDS]:
        bare = word.strip(".,;:()„“\"'")
        if not bare.isalpha() or not bare[0].isupper() or bare.casefold() in _PLACE_STOP:
            break
        words.append(bare)
        if bare != word:  # punctuation ends the name
            break
    return " ".join(words)

"""Reading deadlines and start dates as people write them: :func:`parse_deadline`.

The text is cut into clauses at full stops, semicolons, dashes, ``и``/``and``
and parenthesised labels (:func:`_segment`). Each clause is read from its end
backwards by a table of small recognisers (:func:`_recognisers`): the one
whose match starts leftmost explains the most words and wins. Words no
recogniser explains become labels: a parenthesised qualifier, the words before
a term (``До 5 изнесени приемни до края на 2017``), an unreadable clause
before a dash, or the words after a comma (``текущо, в процеса ...``).

Month names come from CLDR through babel, imported on first use and cached,
so ``import capcore`` stays cheap.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple, TypeVar

import attrs

from capcore import _deadline_words as words
from capcore._deadline_words import Vocabulary
from capcore.deadline import Deadline, DeadlineKind, DeadlineTerm, Recurrence
from capcore.locales import check_locale
from capcore.model import Period

__all__ = ["parse_deadline"]

_V = TypeVar("_V")
_DATED = frozenset(  # the kinds whose missing year a plan period can supply
    {DeadlineKind.DATE, DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.HALF_YEAR}
)
_JUNK = ".,;:!?"  # punctuation that never carries meaning at a clause's edge
_LABEL_JUNK = _JUNK + "–—-"  # what a label is trimmed of: "Награда „...“ –"
_LONGEST = 1000
"""Texts longer than this are not read: no plan cell is, and reading is quadratic."""


def parse_deadline(text: str, locale: str = "bg", *, period: Period | None = None) -> Deadline:
    """Read the meaning of a deadline or start date as written in a plan.

    Never raises for any text: words it cannot read give no term, and a text
    with no readable words is a ``TEXT`` deadline. The words are kept exactly.
    Texts longer than 1,000 characters are kept but not read.

    Args:
        text: The words as written (``ежегодно, декември``, ``14.3.2022``).
        locale: ``"bg"`` or ``"en"``: whose words win where the two languages
            disagree. Numeric dates and the other language's words are read too.
        period: The plan period; a day, month, quarter or half-year written
            without a year takes the first one that falls within it.

    Returns:
        The deadline: ``text`` unchanged, ``terms`` in the order written.

    Raises:
        ValueError: When ``locale`` is neither ``"bg"`` nor ``"en"``.

    Example:
        >>> [term.kind.value for term in parse_deadline("Постоянен. Награда – ежегодно").terms]
        ['continuous', 'recurring']
        >>> parse_deadline("ежегодно, декември").terms[0].recurrence.anchor_month
        12
    """
    check_locale(locale)
    if len(text) > _LONGEST:
        return Deadline(text)
    terms = (_finish(text, reading, period) for reading in _read_text(text, _grammar(locale)))
    return Deadline(text, tuple(term for term in terms if term is not None))


class _Recogniser(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str], Vocabulary], DeadlineTerm | None]


class _Grammar(NamedTuple):
    vocab: Vocabulary
    recognisers: tuple[_Recogniser, ...]


@functools.cache
def _grammar(locale: str) -> _Grammar:
    vocab = words.vocabulary(locale)
    return _Grammar(vocab, _recognisers(vocab))


# --- Recognisers -------------------------------------------------------------------------

# Each template is one form; <NAME> placeholders are filled by words.fragments(). A match
# must reach the end of the clause (only punctuation may follow), so a clause is
# explained from its end backwards and nothing is read out of the middle of prose.
_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("date_numeric",  # 14.3.2022, 18.05.2022, 14/3/2022
     r"<PREP>(?P<day>[0-9]{1,2})\s*(?P<sep>[./])\s*(?P<month>[0-9]{1,2})\s*(?P=sep)\s*<YEAR>"),
    ("date_iso",  # 2022-03-14
     r"<PREP>(?P<year>[1-9][0-9]{3})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})(?![0-9])<YEARWORD>"),
    ("date_named",  # 1 септември 2017, 14th of March 2022
     r"<PREP>(?P<day>[0-9]{1,2})(?:-?(?:<SUFFIX>))?\.?\s*(?:of\s+)?<MONTH><OPTYEAR>"),
    ("date_month_first",  # March 14, 2022
     r"<PREP><MONTH>\s+(?P<day>[0-9]{1,2})(?:<SUFFIX>)?(?![0-9])(?:\s*,?\s*<YEAR>)?"),
    ("period_code",  # Q2 2023, H1
     r"<PREP>(?P<code>[qh])\s*(?P<ordinal>[1-4])(?![0-9])(?:\s*[-/,]?\s*<YEAR>)?"),
    ("period_words",  # II тримесечие на 2023 г., второ полугодие, second quarter of 2023
     r"<PREP><ORDINAL>\s*-?\s*(?P<unit><PUNIT>)(?!\w)<OPTYEAR>"),
    ("month",  # м. март, м м.юни, март 2023
     r"<PREP><MONTH><OPTYEAR>"),
    ("year",  # до края на 2017, 2018 г., by 2024
     r"<PREP><YEAR>"),
    ("recurring_every",  # на всеки шест месеца, всяко тримесечие, every 2 weeks
     r"<PREP>(?:<LEAD>)\s+(?:(?P<count>[0-9]{1,3}|<NUMBER>)\s+)?(?P<unit><UNIT>)(?!\w)<ANCHOR>"),
    ("recurring_word",  # тримесечно, веднъж седмично, ежегодно, декември
     r"<PREP>(?:(?:<ONCE>)\s+)?(?P<freq><FREQ>)(?!\w)<ANCHOR>"),
    ("continuous",  # постоянен, текущо, ongoing
     r"<PREP>(?:<CONTINUOUS>)(?!\w)"),
    ("event",  # при актуализация, по план; only at a clause's start or after a comma
     r"(?:^|(?<=[,:]))\s*(?P<event>(?:<EVENT>)\s[^,]*?)"),
)  # fmt: skip
_END = r"(?=[\s.,;:!?]*\Z)"


def _recognisers(vocab: Vocabulary) -> tuple[_Recogniser, ...]:
    fragments = words.fragments(vocab)

    def compile_(template: str) -> re.Pattern[str]:
        for name, fragment in fragments.items():
            template = template.replace(f"<{name}>", fragment)
        return re.compile(f"(?<!\\w)(?:{template}){_END}", re.IGNORECASE)

    builders = {"date": _date, "period": _period, "month": _month, "year": _year,
                "recurring": _recurring, "continuous": _continuous, "event": _event}  # fmt: skip
    return tuple(
        _Recogniser(name, compile_(template), builders[name.split("_")[0]])
        for name, template in _TEMPLATES
    )


def _lookup(table: Mapping[str, _V], words_: str) -> _V | None:
    # .get, not []: IGNORECASE can match a letter whose casefold differs (dotless "ı").
    return table.get(" ".join(words_.casefold().split()))


def _number(text: str, table: Mapping[str, int]) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else _lookup(table, text)


def _month_of(match: re.Match[str], group: str, vocab: Vocabulary) -> int | None:
    number = _number(match[group].rstrip("."), vocab.months)
    return number if number is not None and 1 <= number <= 12 else None


def _day_exists(year: int | None, month: int, day: int) -> bool:
    # With no year, 29 February may still exist; 2000 is a leap year.
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def _year_of(match: re.Match[str]) -> int | None:
    return int(match["year"]) if match["year"] else None


def _date(match: re.Match[str], vocab: Vocabulary) -> DeadlineTerm | None:
    month, day, year = _month_of(match, "month", vocab), int(match["day"]), _year_of(match)
    if month is None or not _day_exists(year, month, day):
        return None  # 31.2.2022 is no day at all: read, but yields no term
    return DeadlineTerm(DeadlineKind.DATE, year=year, month=month, day=day)


def _period(match: re.Match[str], vocab: Vocabulary) -> DeadlineTerm | None:
    code = "code" in match.re.groupindex
    kind = (
        _lookup(words.PERIOD_CODES, match["code"])
        if code
        else _lookup(vocab.period_units, match["unit"])
    )
    ordinal = match["ordinal"].casefold().rstrip(".")
    stems = (value for stem, value in vocab.ordinals.items() if ordinal.startswith(stem))
    number = words.ROMAN.get(ordinal) or _number(ordinal, {}) or next(stems, None)
    if kind is DeadlineKind.QUARTER and number in {1, 2, 3, 4}:
        return DeadlineTerm(kind, year=_year_of(match), quarter=number)
    if kind is DeadlineKind.HALF_YEAR and number in {1, 2}:
        return DeadlineTerm(kind, year=_year_of(match), half=number)
    return None


def _month(match: re.Match[str], vocab: Vocabulary) -> DeadlineTerm | None:
    month = _month_of(match, "month", vocab)
    if month is None:
        return None
    return DeadlineTerm(DeadlineKind.MONTH, year=_year_of(match), month=month)


def _year(match: re.Match[str], _: Vocabulary) -> DeadlineTerm | None:
    return DeadlineTerm(DeadlineKind.YEAR, year=_year_of(match))


def _recurring(match: re.Match[str], vocab: Vocabulary) -> DeadlineTerm | None:
    count: int | None = 1
    if "freq" in match.re.groupindex:
        meaning = _lookup(vocab.frequencies, match["freq"])
    else:
        count = _number(match["count"], vocab.numbers) if match["count"] else 1
        meaning = _lookup(vocab.units, match["unit"])
    month = _month_of(match, "amonth", vocab) if match["amonth"] else None
    day = int(match["aday"]) if match["aday"] else None
    if not count or meaning is None or (match["amonth"] and month is None):
        return None
    if day is not None and (month is None or not _day_exists(None, month, day)):
        return None
    recurrence = Recurrence(count * meaning[0], meaning[1], anchor_month=month, anchor_day=day)
    return DeadlineTerm(DeadlineKind.RECURRING, recurrence=recurrence)


def _continuous(_match: re.Match[str], _vocab: Vocabulary) -> DeadlineTerm | None:
    return DeadlineTerm(DeadlineKind.CONTINUOUS)


def _event(match: re.Match[str], _: Vocabulary) -> DeadlineTerm | None:
    return DeadlineTerm(DeadlineKind.EVENT, event=match["event"].strip())


# --- Segmenting and reading ---------------------------------------------------------------

_SEPARATOR = re.compile(
    r"\([^()]*\)"  # a parenthesised label
    r"|(?P<stop>;|\.(?=\s|\Z))"  # a full stop ends a sentence, unless _ends_sentence says not
    r"|(?P<dash>\s*[–—]\s*|\s+-\s+)"  # en and em dashes always, a hyphen between spaces
    r"|(?<!\S)(?P<and>и|and)(?!\S)",
    re.IGNORECASE,
)


class _Token(NamedTuple):
    kind: str  # "words", "paren", "stop", "dash" or "and"
    start: int
    end: int


@attrs.define
class _Reading:
    """A term being read: its span in the text and the spans of its labels."""

    term: DeadlineTerm | None
    start: int
    end: int
    core_start: int  # where the recogniser's match began, after any leading label
    labels: list[tuple[int, int]] = attrs.Factory(list)


def _previous_word(text: str, end: int) -> str:
    start = end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return text[start:end].casefold()


def _ends_sentence(text: str, dot: int, vocab: Vocabulary) -> bool:
    word = _previous_word(text, dot)
    after = dot + 1
    while after < len(text) and text[after].isspace():
        after += 1
    # "м. март", "II. тримесечие", "14. март" and "септ. 2023" are one clause each.
    if word in vocab.no_break or word in words.ROMAN or (word.isdigit() and len(word) <= 2):
        return False
    return not (word in vocab.months and after < len(text) and text[after].isdigit())


def _segment(text: str, grammar: _Grammar) -> Iterator[_Token]:
    position = 0
    for match in _SEPARATOR.finditer(text):
        end = match.start()
        if match["stop"] == ".":
            if not _ends_sentence(text, end, grammar.vocab):
                continue
            if _previous_word(text, end) in grammar.vocab.abbreviations:
                end += 1  # the stop also ends "г." or "септ.", whose dot the words keep
        yield from _words(text, position, end)
        yield _Token(match.lastgroup or "paren", match.start(), match.end())
        position = match.end()
    yield from _words(text, position, len(text))


def _words(text: str, start: int, end: int) -> Iterator[_Token]:
    start, end = _trim(text, start, end, junk="")
    if any(char.isalnum() for char in text[start:end]):
        yield _Token("words", start, end)


def _trim(text: str, start: int, end: int, junk: str = _JUNK) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in junk):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in junk):
        end -= 1
    return start, end


def _read_text(text: str, grammar: _Grammar) -> list[_Reading]:
    readings: list[_Reading] = []
    latest: list[_Reading] = []  # the latest clause's readings, for a "(label)" after it
    pending: int | None = None  # where unread words begin that may label the next term
    separator, separator_start = "stop", 0  # the separator just before the current token
    for token in _segment(text, grammar):
        if token.kind == "words":
            found = _read_clause(text, token.start, token.end, grammar)
            if found and pending is not None and separator == "dash":
                _label(text, found[0], pending, separator_start)  # "Награда „...“ – ежегодно"
            if found:
                pending, latest = None, found
                readings += found
            elif separator != "and" or not _extend_event(text, latest, token.end):
                pending, latest = token.start if pending is None else pending, []
        elif token.kind == "paren" and latest:
            latest[-1].labels.append((token.start + 1, token.end - 1))
            latest[-1].end = token.end
        elif token.kind == "paren" and pending is None:
            pending = token.start
        elif token.kind == "stop":
            pending, latest = None, []
        separator, separator_start = token.kind, token.start
    return readings


def _read_clause(text: str, start: int, end: int, grammar: _Grammar) -> list[_Reading]:
    found = _read_backwards(text, start, end, grammar)
    comma = text.find(",", start, end)
    while not found and comma != -1:
        # Unreadable words after a comma label the terms before it: "текущо, в процеса ...".
        found = _read_backwards(text, start, comma, grammar)
        if found:
            _label(text, found[-1], comma + 1, end)
        comma = text.find(",", comma + 1, end)
    return found


def _read_backwards(text: str, start: int, end: int, grammar: _Grammar) -> list[_Reading]:
    readings: list[_Reading] = []
    while _trim(text, start, end)[1] > start:  # stop when only punctuation is left
        clause = text[start:end]
        hits = ((rec.pattern.search(clause), rec) for rec in grammar.recognisers)
        # The leftmost match explains the most words; on a tie the earlier recogniser wins.
        best = min(((m.start(), i, m, rec) for i, (m, rec) in enumerate(hits) if m), default=None)
        if best is None:
            break
        _, _, match, rec = best
        at = start + match.start()
        readings.append(_Reading(rec.build(match, grammar.vocab), at, start + match.end(), at))
        end = at
    readings.reverse()
    if readings:
        _label(text, readings[0], start, end)  # "До 5 изнесени приемни до края на 2017"
    return readings


def _label(text: str, reading: _Reading, start: int, end: int) -> None:
    start, end = _trim(text, start, end, _LABEL_JUNK)
    if start >= end:
        return
    if start < reading.start:
        reading.labels.insert(0, (start, end))
        reading.start = start
    else:
        reading.labels.append((start, end))
        reading.end = max(reading.end, end)


def _extend_event(text: str, readings: list[_Reading], end: int) -> bool:
    # "при промяна на закона и правилника": words after "и" that read as nothing
    # belong to the event before them. Returns whether the event took them.
    last = readings[-1] if readings else None
    if last is None or last.term is None or last.term.kind is not DeadlineKind.EVENT:
        return False
    if last.labels:
        return False
    last.term = attrs.evolve(last.term, event=text[last.core_start : end].strip())
    last.end = end
    return True


def _finish(text: str, reading: _Reading, period: Period | None) -> DeadlineTerm | None:
    if reading.term is None:
        return None
    label = "; ".join(text[start:end] for start, end in reading.labels) or None
    term = attrs.evolve(reading.term, text=text[reading.start : reading.end].strip(), label=label)
    return _with_context_year(term, period) if period is not None else term


def _with_context_year(term: DeadlineTerm, period: Period) -> DeadlineTerm:
    # The first day, month, quarter or half-year due within the period; else the start's year.
    if term.year is not None or term.kind not in _DATED:
        return term
    for year in range(period.start.year, period.end.year + 1):
        if not _exists(term, year):
            continue
        candidate = attrs.evolve(term, year=year, year_from_context=True)
        start, end = candidate.start, candidate.end
        if start is not None and end is not None and end >= period.start and start <= period.end:
            return candidate
    year = period.start.year
    return attrs.evolve(term, year=year, year_from_context=True) if _exists(term, year) else term


def _exists(term: DeadlineTerm, year: int) -> bool:
    # Only a day can fail to exist in a given year (29 February).
    return term.kind is not DeadlineKind.DATE or _day_exists(year, term.month or 1, term.day or 1)

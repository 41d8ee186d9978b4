"""The words plans use for deadlines, by language, for :mod:`capcore.deadline_parse`.

Month names come from CLDR through babel, imported on first use
(:func:`vocabulary`); the tables here hold what CLDR lacks (``септ``, the
mixed-script ``сept``, Bulgarian definite forms) and every other word the
recognisers read. Keys are lower case; the parser compares case-folded text.
Multi-word entries match any whitespace between their words.
:func:`fragments` turns the words into the regular-expression pieces the
recognisers' templates are built from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Final, TypeVar

import attrs

from capcore.deadline import DeadlineKind, RecurrenceUnit
from capcore.locales import LOCALES

__all__ = [
    "CONTINUOUS",
    "EVENT_OPENERS",
    "EXTRA_MONTHS",
    "FREQUENCIES",
    "LANGUAGES",
    "MONTH_MARKERS",
    "NO_BREAK",
    "NUMBERS",
    "ONCE",
    "ORDINAL_STEMS",
    "ORDINAL_SUFFIXES",
    "PERIOD_CODES",
    "PERIOD_JOINERS",
    "PERIOD_UNITS",
    "PREPOSITIONS",
    "RECURRENCE_LEADS",
    "ROMAN",
    "UNITS",
    "YEAR_WORDS",
    "Vocabulary",
    "both",
    "definite_forms",
    "fragments",
    "vocabulary",
]

_V = TypeVar("_V")
_DAY, _WEEK, _MONTH = RecurrenceUnit.DAY, RecurrenceUnit.WEEK, RecurrenceUnit.MONTH

LANGUAGES: Final = LOCALES
"""The languages whose words are read (every supported locale)."""

EXTRA_MONTHS: Final[dict[str, dict[str, int]]] = {
    # "сept" starts with a Cyrillic "с": a writer who switched keyboards mid-word.
    "bg": {"ян": 1, "февр": 2, "септ": 9, "сept": 9, "ноем": 11},
    "en": {"sept": 9},
}
"""Month abbreviations that people write but CLDR does not list."""

MONTH_MARKERS: Final = {"bg": ("месец", "мес", "м"), "en": ("month of",)}
"""Words written before a month name: ``м. март``, ``месец март``."""

NO_BREAK: Final = {"bg": ("м", "мес"), "en": ()}
"""Words whose full stop never ends a clause (``м. март`` is one clause)."""

YEAR_WORDS: Final = {"bg": ("г", "год", "година", "годината"), "en": ()}
"""Words written after a year: ``2017 г.``, ``2018 година``."""

PREPOSITIONS: Final = {
    "bg": ("до", "най-късно до", "не по-късно от", "в", "във", "през", "от", "към", "края на"),
    "en": (
        "by", "until", "till", "in", "on", "from", "during", "before", "no later than",
        "not later than", "at", "end of", "the",
    ),
}  # fmt: skip
"""Words before a date that do not change its meaning: ``до края на 2017``."""

NUMBERS: Final = {
    "bg": {
        "един": 1, "една": 1, "едно": 1, "два": 2, "две": 2, "три": 3, "четири": 4,
        "пет": 5, "шест": 6, "седем": 7, "осем": 8, "девет": 9, "десет": 10,
        "единадесет": 11, "единайсет": 11, "дванадесет": 12, "дванайсет": 12,
    },
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    },
}  # fmt: skip
"""Number words for intervals: ``на всеки шест месеца``."""

ORDINAL_STEMS: Final = {
    # Bulgarian ordinals inflect (второ, втори, второто), so stems are matched.
    "bg": {"първ": 1, "втор": 2, "трет": 3, "четвърт": 4},
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4},
}
"""Ordinal words for quarters and half-years: ``второ тримесечие``."""

ORDINAL_SUFFIXES: Final = ("во", "ви", "ро", "ри", "то", "ти", "st", "nd", "rd", "th")
"""Endings after an ordinal number: ``2-ро``, ``II-ро``, ``2nd``."""

ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
"""Roman numerals for quarters and half-years: ``II тримесечие``."""

PERIOD_UNITS: Final = {
    "bg": {
        "тримесечие": DeadlineKind.QUARTER,
        "тримесечието": DeadlineKind.QUARTER,
        "полугодие": DeadlineKind.HALF_YEAR,
        "полугодието": DeadlineKind.HALF_YEAR,
    },
    "en": {
        "quarter": DeadlineKind.QUARTER,
        "half": DeadlineKind.HALF_YEAR,
        "half-year": DeadlineKind.HALF_YEAR,
        "half year": DeadlineKind.HALF_YEAR,
    },
}
"""Nouns after an ordinal that name a quarter or half-year."""

PERIOD_CODES: Final = {"q": DeadlineKind.QUARTER, "h": DeadlineKind.HALF_YEAR}
"""Letters before a number that name a quarter or half-year: ``Q2``, ``H1``."""

PERIOD_JOINERS: Final = {"bg": ("на", "от"), "en": ("of",)}
"""Words between a quarter or half-year and its year."""

FREQUENCIES: Final = {
    "bg": {
        "ежедневно": (1, _DAY), "всекидневно": (1, _DAY), "дневно": (1, _DAY),
        "ежеседмично": (1, _WEEK), "седмично": (1, _WEEK),
        "ежемесечно": (1, _MONTH), "месечно": (1, _MONTH),
        "тримесечно": (3, _MONTH), "ежетримесечно": (3, _MONTH),
        "шестмесечно": (6, _MONTH), "полугодишно": (6, _MONTH), "ежеполугодишно": (6, _MONTH),
        "ежегодно": (12, _MONTH), "годишно": (12, _MONTH), "двугодишно": (24, _MONTH),
    },
    "en": {
        "daily": (1, _DAY), "weekly": (1, _WEEK), "fortnightly": (2, _WEEK),
        "monthly": (1, _MONTH), "quarterly": (3, _MONTH),
        "half-yearly": (6, _MONTH), "semi-annually": (6, _MONTH),
        "semiannually": (6, _MONTH), "biannually": (6, _MONTH),
        "annually": (12, _MONTH), "yearly": (12, _MONTH), "biennially": (24, _MONTH),
    },
}  # fmt: skip
"""Adverbs of frequency and the interval each means."""

UNITS: Final = {
    "bg": {
        "ден": (1, _DAY), "дни": (1, _DAY), "дена": (1, _DAY),
        "седмица": (1, _WEEK), "седмици": (1, _WEEK),
        "месец": (1, _MONTH), "месеца": (1, _MONTH), "месеци": (1, _MONTH),
        "тримесечие": (3, _MONTH), "тримесечия": (3, _MONTH),
        "полугодие": (6, _MONTH), "полугодия": (6, _MONTH),
        "година": (12, _MONTH), "години": (12, _MONTH),
    },
    "en": {
        "day": (1, _DAY), "days": (1, _DAY), "week": (1, _WEEK), "weeks": (1, _WEEK),
        "fortnight": (2, _WEEK), "month": (1, _MONTH), "months": (1, _MONTH),
        "quarter": (3, _MONTH), "quarters": (3, _MONTH),
        "half-year": (6, _MONTH), "half year": (6, _MONTH), "half-years": (6, _MONTH),
        "year": (12, _MONTH), "years": (12, _MONTH),
    },
}  # fmt: skip
"""Nouns counted by an interval (``на всеки шест месеца``) and the unit each means."""

RECURRENCE_LEADS: Final = {
    "bg": (
        "на всеки", "на всяка", "на всяко", "всеки", "всяка", "всяко",
        "веднъж на", "веднъж в", "веднъж всеки", "на",
    ),
    "en": ("every", "each", "once a", "once an", "once per", "once every", "per"),
}  # fmt: skip
"""Words before an interval that make it repeat: ``на всеки``, ``every``."""

ONCE: Final = {"bg": ("веднъж", "един път"), "en": ("once",)}
"""Words before a frequency that keep its meaning: ``веднъж седмично``."""

CONTINUOUS: Final = {
    "bg": (
        "постоянен", "постоянна", "постоянно", "постоянни", "текущ", "текуща", "текущо",
        "текущи", "целогодишно", "целогодишен", "непрекъснато", "перманентно",
        "през целия период",
    ),
    "en": (
        "ongoing", "on-going", "continuous", "continuously", "continual", "continually",
        "permanent", "permanently", "year-round", "all year round", "throughout",
    ),
}  # fmt: skip
"""Words meaning the work goes on for the whole plan."""

EVENT_OPENERS: Final = {
    "bg": (
        "при", "по", "след", "съгласно", "според", "когато", "в случай на",
        "в зависимост от", "веднага след",
    ),
    "en": (
        "on", "upon", "as", "when", "whenever", "after", "if", "following", "once", "per",
        "according to", "in case of", "subject to",
    ),
}  # fmt: skip
"""Words that open an event-driven deadline: ``при актуализация``, ``по план``."""


def definite_forms(name: str) -> tuple[str, ...]:
    """Return the Bulgarian definite forms of a month name.

    Month names do not decline, but they take the article: ``март`` gives
    ``марта`` and ``мартът``, ``май`` gives ``мая`` and ``маят``, ``юни``
    gives ``юния`` and ``юният``.

    Args:
        name: The month name in lower case.
    """
    if name.endswith("й"):
        return (name[:-1] + "я", name[:-1] + "ят")
    if name.endswith("и"):
        return (name + "я", name + "ят")
    return (name + "а", name + "ът")


def both(table: Mapping[str, Iterable[str]]) -> list[str]:
    """Return the words of a per-language table, Bulgarian and English together."""
    return [word for language in LANGUAGES for word in table[language]]


@functools.cache
def _cldr_months(language: str, width: str) -> dict[str, int]:
    # babel loads CLDR data on import, which `import capcore` must not pay for.
    import babel  # noqa: PLC0415

    months = babel.Locale(language).months
    return {
        str(name).casefold().rstrip("."): int(number)
        for context in ("format", "stand-alone")
        for number, name in months[context][width].items()
    }


def _month_names(language: str) -> dict[str, int]:
    wide = _cldr_months(language, "wide")
    names = wide | _cldr_months(language, "abbreviated") | EXTRA_MONTHS[language]
    if language == "bg":
        names |= {form: wide[name] for name in wide for form in definite_forms(name)}
    return names


def _merged(table: Mapping[str, Mapping[str, _V]], locale: str) -> dict[str, _V]:
    # The locale's own language is merged last, so its meaning wins a clash.
    order = sorted(LANGUAGES, key=lambda language: language == locale)
    return {key: value for language in order for key, value in table[language].items()}


@attrs.frozen
class Vocabulary:
    """The words of both languages, keyed by their case-folded form.

    Attributes:
        months: Month names and abbreviations (CLDR and :data:`EXTRA_MONTHS`).
        numbers: Number words.
        ordinals: Ordinal stems.
        frequencies: Adverbs of frequency.
        units: Nouns counted by an interval.
        period_units: Nouns for quarters and half-years.
        no_break: Words whose full stop never ends a clause.
        abbreviations: Words whose full stop belongs to them (``г.``, ``септ.``).
    """

    months: Mapping[str, int]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    frequencies: Mapping[str, tuple[int, RecurrenceUnit]]
    units: Mapping[str, tuple[int, RecurrenceUnit]]
    period_units: Mapping[str, DeadlineKind]
    no_break: frozenset[str]
    abbreviations: frozenset[str]


@functools.cache
def vocabulary(locale: str) -> Vocabulary:
    """Return the vocabulary in which ``locale``'s words win a clash; built once.

    Args:
        locale: ``"bg"`` or ``"en"``.
    """
    # Only true abbreviations keep their dot ("септ."); after "март" it is a full stop.
    abbreviated = [
        name
        for lang in LANGUAGES
        for name in _cldr_months(lang, "abbreviated")
        if name not in _cldr_months(lang, "wide")
    ]
    return Vocabulary(
        months=_merged({language: _month_names(language) for language in LANGUAGES}, locale),
        numbers=_merged(NUMBERS, locale),
        ordinals=_merged(ORDINAL_STEMS, locale),
        frequencies=_merged(FREQUENCIES, locale),
        units=_merged(UNITS, locale),
        period_units=_merged(PERIOD_UNITS, locale),
        no_break=frozenset(both(NO_BREAK)),
        abbreviations=frozenset(
            [*both(NO_BREAK), *both(YEAR_WORDS), *both(EXTRA_MONTHS), *abbreviated]
        ),
    )


def _alt(options: Iterable[str]) -> str:
    # Longest first, so "ежемесечно" is tried before "месечно"; spaces match any whitespace.
    ordered = sorted(set(options), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, option.split())) for option in ordered)


def fragments(vocab: Vocabulary) -> dict[str, str]:
    """Return the regular-expression pieces the recognisers' templates are made of.

    Each value fills a ``<NAME>`` placeholder in a template of
    :mod:`capcore.deadline_parse`; the named groups (``year``, ``month``,
    ``ordinal`` ...) are what the recognisers read.

    Args:
        vocab: The vocabulary whose words the pieces match.
    """
    months = _alt(vocab.months)
    marker = rf"(?:(?:{_alt(both(MONTH_MARKERS))})(?:\s*\.\s*|\s+))*"
    yearword = rf"(?:\s*(?:{_alt(both(YEAR_WORDS))})(?!\w)\.?)?"
    year = rf"(?P<year>[1-9][0-9]{{3}})(?![0-9]){yearword}"
    joiner = _alt(both(PERIOD_JOINERS))
    return {
        "PREP": rf"(?<!\w)(?:(?:{_alt(both(PREPOSITIONS))})\s+){{0,4}}",
        "YEAR": year,
        "YEARWORD": yearword,
        "OPTYEAR": rf"(?:\s*(?:,|(?:{joiner})(?!\w))?\s*{year})?",
        "MONTH": rf"{marker}(?P<month>{months})(?!\w)\.?",
        "ANCHOR": rf"(?:\s*,?\s*(?:(?:{_alt(both(PREPOSITIONS))})\s+)?"
        rf"(?:(?P<aday>[0-9]{{1,2}})\s*)?{marker}(?P<amonth>{months})(?!\w)\.?)?",
        "SUFFIX": _alt(ORDINAL_SUFFIXES),
        "ORDINAL": rf"(?P<ordinal>[0-9]{{1,2}}|[ivx]{{1,4}}|(?:{_alt(vocab.ordinals)})\w*)"
        rf"(?:-?(?:{_alt(ORDINAL_SUFFIXES)})(?!\w)|\.)?",
        "PUNIT": _alt(vocab.period_units),
        "LEAD": _alt(both(RECURRENCE_LEADS)),
        "NUMBER": _alt(vocab.numbers),
        "UNIT": _alt(vocab.units),
        "ONCE": _alt(both(ONCE)),
        "FREQ": _alt(vocab.frequencies),
        "CONTINUOUS": _alt(both(CONTINUOUS)),
        "EVENT": _alt(both(EVENT_OPENERS)),
    }

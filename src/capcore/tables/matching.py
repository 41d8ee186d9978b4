"""Looking words up in the synonym tables: normalising, matching headers and labels.

See :mod:`capcore.tables.synonyms` for the tables themselves.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

from capcore.model import MeasureKind
from capcore.progress_update import Status
from capcore.tables.synonyms import (
    CARD_LABEL_SYNONYMS,
    HEADER_SYNONYMS,
    KIND_SYNONYMS,
    LIST_LABEL_SYNONYMS,
    PROPOSAL_HEADER_SYNONYMS,
    STATUS_SYNONYMS,
    CardField,
    ListField,
    MatrixColumn,
    ProposalColumn,
    Words,
)

__all__ = [
    "list_label_words",
    "lookup",
    "match_card_label",
    "match_header",
    "match_kind",
    "match_list_label",
    "match_proposal_header",
    "match_status",
    "normalise_label",
    "synonym_index",
]

_KEEP = re.compile(r"[^\w№#%]+")
_PARENTHESISED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def normalise_label(text: str) -> str:
    r"""Return ``text`` as labels are compared: lower case, words separated by one space.

    Punctuation and line breaks become spaces; ``№``, ``#`` and ``%`` are kept.
    ``"Начало\n(дата)"`` gives ``"начало дата"``.
    """
    return " ".join(_KEEP.sub(" ", text.casefold()).replace("_", " ").split())


_E = TypeVar("_E", bound=enum.Enum)


def synonym_index(table: Mapping[_E, Words]) -> Mapping[str, tuple[_E, str]]:
    """Return normalised word -> (what it names, locale) for one of the tables above.

    Raises:
        ValueError: If one word names two things (a mistake in the table).
    """
    index: dict[str, tuple[_E, str]] = {}
    for key, words in table.items():
        for locale, texts in words.by_locale():
            for text in texts:
                word = normalise_label(text)
                if word in index and index[word][0] != key:
                    raise ValueError(f"{text!r} names both {index[word][0]} and {key}")
                index.setdefault(word, (key, locale))
    return MappingProxyType(index)


def lookup(index: Mapping[str, tuple[_E, str]], text: str) -> tuple[_E, str] | None:
    """Return what ``text`` names by ``index`` and the locale of its word, or None.

    The whole text is tried first, then the text without its parenthesised
    parts (``Начало (дата)``, ``НЕОБХОДИМИ ЧР (ДНИ/ХОРА)``).
    """
    found = index.get(normalise_label(text))
    if found is None and ("(" in text or "[" in text):
        found = index.get(normalise_label(_PARENTHESISED.sub(" ", text)))
    return found


@functools.cache
def _header_index() -> Mapping[str, tuple[MatrixColumn, str]]:
    return synonym_index(HEADER_SYNONYMS)


@functools.cache
def _card_index() -> Mapping[str, tuple[CardField, str]]:
    return synonym_index(CARD_LABEL_SYNONYMS)


@functools.cache
def _list_index() -> Mapping[str, tuple[ListField, str]]:
    return synonym_index(LIST_LABEL_SYNONYMS)


@functools.cache
def _status_index() -> Mapping[str, tuple[Status, str]]:
    return synonym_index(STATUS_SYNONYMS)


@functools.cache
def _kind_index() -> Mapping[str, tuple[MeasureKind, str]]:
    return synonym_index(KIND_SYNONYMS)


def match_header(text: str) -> tuple[MatrixColumn, str] | None:
    r"""Return the column a header names (and the locale of its word), or None.

    Example:
        >>> match_header("Начало\n(дата)")
        (<MatrixColumn.START: 'start'>, 'bg')
    """
    return lookup(_header_index(), text)


@functools.cache
def _proposal_index() -> Mapping[str, tuple[ProposalColumn, str]]:
    return synonym_index(PROPOSAL_HEADER_SYNONYMS)


def match_proposal_header(text: str) -> tuple[ProposalColumn, str] | None:
    """Return the column a proposals table's header names (and its word's locale), or None.

    Example:
        >>> match_proposal_header("Осъществимост/Лекота")
        (<ProposalColumn.FEASIBILITY: 'feasibility'>, 'bg')
    """
    return lookup(_proposal_index(), text)


def match_card_label(text: str) -> tuple[CardField, str] | None:
    """Return the field a card label names (and the locale of its word), or None."""
    return lookup(_card_index(), text)


def match_list_label(text: str) -> tuple[ListField, str] | None:
    """Return the field a list line's label names (and the locale of its word), or None."""
    return lookup(_list_index(), text)


def list_label_words() -> tuple[str, ...]:
    """Return every list label word (normalised), longest first."""
    return tuple(sorted(_list_index(), key=len, reverse=True))


def match_status(text: str) -> Status | None:
    """Return the status a cell names (``В изпълнение``, ``done``), or None."""
    found = _status_index().get(normalise_label(text))
    return None if found is None else found[0]


def match_kind(text: str) -> MeasureKind | None:
    """Return the kind of measure a cell names (``бърза победа``, ``strategic``), or None."""
    found = _kind_index().get(normalise_label(text))
    return None if found is None else found[0]

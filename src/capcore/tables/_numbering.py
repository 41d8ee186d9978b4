"""Numbers written in front of titles: ``1.1. Текст``, ``3.1.1.Сформиране``, ``Област 1: ...``.

Numbers are kept as text without their trailing dot (see docs/decisions.md).
A single number needs a dot or a bracket after it (``1. Текст``), so that a
title such as ``5 души обучени`` keeps its first word; a number of several
parts (``2.9.1 Текст``) needs none.
"""

from __future__ import annotations

import re

from capcore.tables.synonyms import SHAPE_WORDS

__all__ = ["split_area_heading", "split_card_heading", "split_number", "starts_with_word"]

# A number of several parts, then an optional dot, then neither a digit nor a dot
# (so a date such as 1.2.2022 is not read as a number).
_MULTI = re.compile(r"\s*(?P<number>\d{1,3}(?:\.\d{1,3})+)\.?(?![\d.])\s*(?P<title>.*)", re.DOTALL)
_SINGLE = re.compile(r"\s*(?P<number>\d{1,3})[.)](?![\d.])\s*(?P<title>.*)", re.DOTALL)
_ROMAN = re.compile(r"\s*(?P<number>[IVXLC]{1,6})\.\s+(?P<title>.*)", re.DOTALL)
_AFTER_WORD = re.compile(
    r"\s*(?:№|no\.?|nr\.?|#)?\s*(?P<number>\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?![\w]))?\.?"
    r"\s*[:.)–—-]?\s*(?P<title>.*)",
    re.DOTALL | re.IGNORECASE,
)


def split_number(text: str) -> tuple[str, str]:
    """Return (number, title) of ``1.1. Текст``; ``("", text)`` when no number leads it.

    The title keeps everything after the number and its separating spaces.
    """
    match = _MULTI.fullmatch(text) or _SINGLE.fullmatch(text)
    if match is None:
        return "", text.strip()
    return match["number"], match["title"].strip()


def starts_with_word(text: str, words: tuple[str, ...]) -> str | None:
    """Return the rest of ``text`` after the first of ``words`` that starts it (any case).

    A word matches only whole (``Област 1`` starts with ``област``,
    ``Областна`` does not). Returns None when none does.
    """
    stripped = text.lstrip()
    folded = stripped.casefold()
    for word in sorted(words, key=len, reverse=True):
        if folded.startswith(word) and not folded[len(word) : len(word) + 1].isalpha():
            return stripped[len(word) :]
    return None


def _all_words(key: str) -> tuple[str, ...]:
    words = SHAPE_WORDS[key]
    return words.bg + words.en


def split_area_heading(text: str) -> tuple[str, str] | None:
    """Return (number, title) of an area heading (``Област 1: Текст``), or None.

    The text must start with an area word (:data:`SHAPE_WORDS` ``area_row``)
    followed by a number, a colon or a dash; or be numbered with a Roman
    numeral (``II. Текст``).
    """
    rest = starts_with_word(text, _all_words("area_row"))
    if rest is not None:
        match = _AFTER_WORD.fullmatch(rest)
        if match is not None and (match["number"] or rest.lstrip()[:1] in {":", "–", "—", "-"}):
            return match["number"] or "", match["title"].strip()
        return None
    roman = _ROMAN.fullmatch(text)
    if roman is not None:
        return roman["number"], roman["title"].strip()
    return None


def split_card_heading(text: str) -> tuple[str, str] | None:
    """Return (number, rest) of a card heading (``МЯРКА 3 – QW``), or None.

    The rest is what follows the number without its leading dash or colon
    (``QW``). The number is required, so the title label ``Мярка`` alone is
    not a heading.
    """
    rest = starts_with_word(text, _all_words("card_heading"))
    if rest is None:
        return None
    match = _AFTER_WORD.fullmatch(rest)
    if match is None or not match["number"]:
        return None
    return match["number"], match["title"].strip()

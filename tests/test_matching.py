"""Looking up header and label words: case, punctuation, line breaks and units do not count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore import CardField, MatrixColumn
from capcore.tables.matching import match_card_label, match_header
from capcore.tables.synonyms import HEADER_SYNONYMS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Начало\n(дата)", MatrixColumn.START),
        ("  КРАЙ (ДАТА)  ", MatrixColumn.DEADLINE),
        ("Отговорници и\nподпомагачи:", MatrixColumn.RESPONSIBLE),
        ("№ по ред", MatrixColumn.NUMBER),
        ("Изпълнение (%)", MatrixColumn.PERCENT),
        ("CAF sub-criteria", MatrixColumn.CAF_REFS),
        ("Телефон", None),
    ],
)
def test_headers_match_despite_case_punctuation_and_breaks(
    text: str, expected: MatrixColumn | None
) -> None:
    """Case, line breaks, colons and a parenthesised unit do not stop a match."""
    found = match_header(text)
    assert (found[0] if found else None) is expected


def test_parenthesised_part_is_dropped_only_when_needed() -> None:
    """``Изпълнение (%)`` is a percent column, not a status one: the whole text wins first."""
    assert match_header("Изпълнение (%)") == (MatrixColumn.PERCENT, "bg")
    assert match_card_label("НЕОБХОДИМИ ЧР (ДНИ/ХОРА)") == (CardField.HUMAN_RESOURCES, "bg")
    assert match_card_label("НЕОБХОДИМИ ЧР (ОБУЧЕНИЕ)") == (CardField.HUMAN_RESOURCES, "bg")


_HEADER_WORDS = [
    (column, word) for column, words in HEADER_SYNONYMS.items() for word in words.bg + words.en
]


@st.composite
def _written(draw: st.DrawFn) -> tuple[MatrixColumn, str]:
    """A header word as a person might type it: any case, extra spaces, breaks, a colon."""
    column, word = draw(st.sampled_from(_HEADER_WORDS))
    chars = [ch.upper() if draw(st.booleans()) else ch for ch in word]
    text = "".join(
        draw(st.sampled_from([" ", "  ", "\n", " \r\n "])) if c == " " else c for c in chars
    )
    return column, draw(st.sampled_from(["", " ", "\n"])) + text + draw(
        st.sampled_from(["", ":", " .", "\n"])
    )


@given(_written())
def test_any_writing_of_a_header_word_matches(case: tuple[MatrixColumn, str]) -> None:
    """However a synonym is cased and spaced, it names its column."""
    column, text = case
    found = match_header(text)
    assert found is not None
    assert found[0] is column

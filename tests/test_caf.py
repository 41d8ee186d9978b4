"""Tests of CAF references: CafRef.parse, parse_caf_refs, CafRefError."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capcore.caf import CYRILLIC_EXAMPLE_LETTERS, CafRef, CafRefError, parse_caf_refs
from capcore.errors import CapcoreError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.5", CafRef(4, 5)),
        ("4.5 b", CafRef(4, 5, "b")),
        ("4.5.b", CafRef(4, 5, "b")),
        ("4.5b", CafRef(4, 5, "b")),
        ("4.5 (b)", CafRef(4, 5, "b")),
        ("4.5 b)", CafRef(4, 5, "b")),
        ("4", CafRef(4)),
        ("критерий 4", CafRef(4)),
        ("Критерий 4", CafRef(4)),
        ("подкритерий 4.5", CafRef(4, 5)),
        ("Подкритерий 4.5 б", CafRef(4, 5, "b")),
        ("criterion 4", CafRef(4)),
        ("Criterion 4", CafRef(4)),
        ("sub-criterion 4.5", CafRef(4, 5)),
        ("subcriterion 4.5", CafRef(4, 5)),
        ("4.5.", CafRef(4, 5)),
        ("  4.5\u00a0b  ", CafRef(4, 5, "b")),
        ("3.4", CafRef(3, 4)),
        ("1.12", CafRef(1, 12)),
    ],
)
def test_parse_accepts_the_written_forms(text: str, expected: CafRef) -> None:
    """Each form plans use reads as the same reference."""
    assert CafRef.parse(text) == expected


def test_parse_stores_latin_examples_in_lower_case() -> None:
    """An upper-case Latin example letter is stored lower case."""
    assert CafRef.parse("4.5 B").example == "b"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("а", "a"),
        ("б", "b"),
        ("в", "c"),
        ("г", "d"),
        ("д", "e"),
        ("е", "f"),
        ("ж", "g"),
        ("з", "h"),
        ("и", "i"),
    ],
)
def test_parse_maps_cyrillic_examples_by_alphabet_place(cyrillic: str, latin: str) -> None:
    """A Cyrillic example letter becomes the Latin letter at the same place."""
    assert CafRef.parse(f"4.5 {cyrillic}").example == latin


def test_parse_maps_upper_case_cyrillic_examples() -> None:
    """An upper-case Cyrillic example letter maps like its lower case."""
    assert CafRef.parse("4.5 (В)").example == "c"


def test_cyrillic_mapping_follows_the_alphabet() -> None:
    """The documented mapping is а-и onto a-i in order."""
    assert "".join(CYRILLIC_EXAMPLE_LETTERS) == "абвгдежзи"
    assert "".join(CYRILLIC_EXAMPLE_LETTERS.values()) == "abcdefghi"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x",
        "10",
        "0",
        "0.1",
        "4.0",
        "4.05",
        "1.2.3",
        "4.5 bc",
        "4 b",
        "4.b",
        "4.5 к",
        "4.5 (b",
        "подкритерий 4",
        "1.2, 2.3",
        "4,5",
        "критерий",
    ],
)
def test_parse_rejects_non_references(text: str) -> None:
    """Text that is not exactly one reference raises CafRefError."""
    with pytest.raises(CafRefError):
        CafRef.parse(text)


def test_caf_ref_error_is_a_capcore_error() -> None:
    """CafRefError belongs to the capcore error family."""
    assert issubclass(CafRefError, CapcoreError)


def test_caf_ref_error_message_names_text_and_expectation() -> None:
    """The message quotes the offending text and says what was expected."""
    with pytest.raises(CafRefError) as caught:
        CafRef.parse("see annex")
    assert "'see annex'" in str(caught.value)
    assert "expected" in str(caught.value)
    assert caught.value.text == "see annex"


def test_caf_ref_error_message_names_criterion_range() -> None:
    """A criterion outside 1-9 is named with the allowed range."""
    with pytest.raises(CafRefError, match="criteria 1-9, not 10"):
        CafRef.parse("10.1")


def test_caf_ref_error_message_explains_example_on_criterion() -> None:
    """An example letter on a whole criterion is explained."""
    with pytest.raises(CafRefError, match="belongs to a sub-criterion"):
        CafRef.parse("4 b")


def test_caf_ref_error_message_explains_unmapped_cyrillic_letter() -> None:
    """A Cyrillic letter beyond и is rejected with the mapped range named."""
    with pytest.raises(CafRefError, match="а-и"):
        CafRef.parse("4.5 к")


@pytest.mark.parametrize(
    ("ref", "text"),
    [(CafRef(4), "4"), (CafRef(4, 5), "4.5"), (CafRef(4, 5, "b"), "4.5 b")],
)
def test_str_writes_the_reference(ref: CafRef, text: str) -> None:
    """str() writes the reference as plans do."""
    assert str(ref) == text


def test_code_leaves_out_the_example() -> None:
    """The code is the number without the example letter."""
    assert CafRef.parse("4.5 b").code == "4.5"


@pytest.mark.parametrize("text", ["4", "4.5", "4.5 b", "9.2 a"])
def test_str_round_trips_through_parse(text: str) -> None:
    """Parsing the written form and writing it again gives the same text."""
    assert str(CafRef.parse(text)) == text


@pytest.mark.parametrize("code", ["4", "4.5", "1.12"])
def test_code_round_trips_through_parse(code: str) -> None:
    """Parsing a code gives a reference with that code."""
    assert CafRef.parse(code).code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.2, 2.3", (CafRef(1, 2), CafRef(2, 3))),
        ("1.2/2.4", (CafRef(1, 2), CafRef(2, 4))),
        ("1.2; 2.3", (CafRef(1, 2), CafRef(2, 3))),
        ("1.2 и 2.3", (CafRef(1, 2), CafRef(2, 3))),
        ("1.2 and 2.3", (CafRef(1, 2), CafRef(2, 3))),
        ("1.2\n2.3", (CafRef(1, 2), CafRef(2, 3))),
        ("1.2\r\n2.3", (CafRef(1, 2), CafRef(2, 3))),
        ("4.5 b, критерий 6", (CafRef(4, 5, "b"), CafRef(6))),
        ("4.5", (CafRef(4, 5),)),
    ],
)
def test_parse_caf_refs_splits_on_separators(text: str, expected: tuple[CafRef, ...]) -> None:
    """Each separator plans use splits a cell into its references."""
    assert parse_caf_refs(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "\n\t"])
def test_parse_caf_refs_reads_blank_as_none(text: str) -> None:
    """Empty or blank text holds no references."""
    assert parse_caf_refs(text) == ()


def test_parse_caf_refs_keeps_order() -> None:
    """References come back in the order written."""
    assert parse_caf_refs("5.1, 1.2, 3.3") == (CafRef(5, 1), CafRef(1, 2), CafRef(3, 3))


def test_parse_caf_refs_keeps_duplicates_once() -> None:
    """A reference written twice comes back once, at its first place."""
    assert parse_caf_refs("1.2, 2.3, 1.2") == (CafRef(1, 2), CafRef(2, 3))


def test_parse_caf_refs_keeps_example_and_sub_criterion_apart() -> None:
    """A sub-criterion and one of its examples are different references."""
    assert parse_caf_refs("4.5, 4.5 b") == (CafRef(4, 5), CafRef(4, 5, "b"))


def test_parse_caf_refs_skips_empty_parts() -> None:
    """A trailing or doubled separator adds nothing."""
    assert parse_caf_refs("1.2;; 2.3;") == (CafRef(1, 2), CafRef(2, 3))


@pytest.mark.parametrize("text", ["1.2, x", "1.2, 10", "виж доклада", "4.5 а, б"])
def test_parse_caf_refs_rejects_any_bad_part(text: str) -> None:
    """One part that is not a reference makes the whole cell an error."""
    with pytest.raises(CafRefError):
        parse_caf_refs(text)


def test_parse_caf_refs_error_names_part_and_cell() -> None:
    """The message names both the bad part and the whole cell."""
    with pytest.raises(CafRefError) as caught:
        parse_caf_refs("1.2, see annex")
    assert "'see annex'" in str(caught.value)
    assert "'1.2, see annex'" in str(caught.value)
    assert caught.value.text == "1.2, see annex"


_refs = st.builds(
    CafRef,
    criterion=st.integers(1, 9),
    sub=st.none() | st.integers(1, 10_000),
).flatmap(
    lambda ref: (
        st.just(ref)
        if ref.sub is None
        else st.builds(
            CafRef,
            st.just(ref.criterion),
            st.just(ref.sub),
            st.none() | st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
        )
    )
)


@given(_refs)
def test_parse_reads_back_what_str_writes(ref: CafRef) -> None:
    """Any well-formed reference survives str() and parse()."""
    assert CafRef.parse(str(ref)) == ref

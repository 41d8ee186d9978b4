import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from capcore.xml_text import escape_xml_text, needs_xml_escape, unescape_xml_text


def _storable(text: str) -> bool:
    # XML 1.0's Char production.
    return all(
        ch in "\t\n" or 0x20 <= ord(ch) < 0xD800 or 0xE000 <= ord(ch) <= 0xFFFD or ord(ch) > 0xFFFF
        for ch in text
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain", "plain"),
        ("a\x01b", "a_x0001_b"),
        ("line\rbreak", "line_x000D_break"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("_x0041_", "_x005F_x0041_"),
        ("_x0041\x01", "_x005F_x0041_x0001_"),
        ("\ufffe\uffff", "_xFFFE__xFFFF_"),
        ("\ud800", "_xD800_"),
        ("snake_case_x", "snake_case_x"),
    ],
)
def test_escapes_as_office_does(text: str, escaped: str) -> None:
    assert escape_xml_text(text) == escaped
    assert unescape_xml_text(escaped) == text
    assert needs_xml_escape(text) is (text != escaped)


@given(st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)))
@example("_x005F_x0041_\x00_")
@example("__x0001_")
def test_escape_is_reversible_and_storable(text: str) -> None:
    escaped = escape_xml_text(text)
    assert unescape_xml_text(escaped) == text
    assert _storable(escaped)


@given(st.text(alphabet="_x0123456789AaFf\x01\r"))
def test_escape_is_reversible_on_escape_shaped_text(text: str) -> None:
    assert unescape_xml_text(escape_xml_text(text)) == text


def test_unescape_reads_what_office_writes() -> None:
    # Excel writes a carriage return in a shared string as _x000D_.
    assert unescape_xml_text("first_x000D_\nsecond") == "first\r\nsecond"
    assert unescape_xml_text("lower _x000d_ too") == "lower \r too"

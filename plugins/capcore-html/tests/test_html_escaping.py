"""Plan text never becomes markup, code or a dangerous link in the page."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from capcore_html.escaping import (
    csp_source_hash,
    escaped,
    safe_href,
    script_json,
    visible_text,
    visible_texts,
)
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from capcore.testing import strategies


@given(strategies.texts(max_size=60))
def test_escaped_is_what_autoescaping_writes(text: str) -> None:
    """The rows' escaping gives the same entities as jinja2's (markupsafe's) escaping."""
    assert escaped(text) == str(escape(text))


def test_escaped_turns_markup_into_text() -> None:
    """Each of the five characters becomes its entity, ampersand first."""
    assert escaped("<a href=\"x\">'&amp;'</a>") == (
        "&lt;a href=&#34;x&#34;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;"
    )


@given(st.lists(strategies.texts(max_size=20), max_size=8))
def test_visible_texts_is_visible_text_of_each(texts: list[str]) -> None:
    """Checking a row's texts in one pass gives what cleaning each one gives."""
    assert visible_texts(*texts) == tuple(visible_text(text) for text in texts)


@given(strategies.texts(max_size=60))
def test_script_json_keeps_the_value(text: str) -> None:
    """The escaped JSON parses to the same value."""
    data = {"title": text, "list": [text, "x"]}
    assert json.loads(str(script_json(json.dumps(data, ensure_ascii=False)))) == data


@given(strategies.texts(max_size=60))
def test_script_json_cannot_end_the_script_block(text: str) -> None:
    """No <, >, &, ' or character HTML forbids is left in the block."""
    escaped = str(script_json(json.dumps({"t": text}, ensure_ascii=False)))
    assert not set(escaped) & set("<>&'\u2028\u2029")
    assert all(ord(c) >= 0x20 or c in "\n\r" for c in escaped)
    assert not any(0x7F <= ord(c) <= 0x9F for c in escaped)


def test_script_json_of_a_closing_script_tag() -> None:
    """The classic payload is written as escapes."""
    escaped = str(script_json(json.dumps("</script><script>alert(1)</script>")))
    assert "</script" not in escaped.lower()
    assert "\\u003c/script\\u003e" in escaped


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("https://www.lovech.bg/plan", "https://www.lovech.bg/plan"),
        ("http://example.bg", "http://example.bg"),
        ("HTTPS://EXAMPLE.BG", "HTTPS://EXAMPLE.BG"),
        ("mailto:oa@lovech.bg", "mailto:oa@lovech.bg"),
        ("oa@lovech.bg", "mailto:oa@lovech.bg"),
        ("  https://example.bg  ", "https://example.bg"),
    ],
)
def test_safe_links(text: str, href: str) -> None:
    """http, https and mailto URLs and bare e-mail addresses are links."""
    assert safe_href(text) == href


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " JaVa\tScRiPt:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "www.lovech.bg",
        "Главен секретар",
        "https://example.bg/\x00x",
        "",
    ],
)
def test_unsafe_or_plain_text_is_no_link(text: str) -> None:
    """Any other scheme, however spelt, and plain text give no link."""
    assert safe_href(text) is None


def test_visible_text_drops_what_html_cannot_show() -> None:
    """Controls and noncharacters go; line breaks, tabs and any script stay."""
    assert visible_text("контрол\x00\x01\x0b\x0c\x1f\x7f\x85\ufffe\uffff") == "контрол"
    assert visible_text("ред\nнов\tред „€“ 🚀") == "ред\nнов\tред „€“ 🚀"


def test_csp_source_hash_is_the_sha256_of_the_utf8_text() -> None:
    """The hash is CSP's form: 'sha256-' and the base64 digest of the UTF-8 bytes."""
    source = "body { content: 'Ловеч'; }"
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
    assert csp_source_hash(source) == f"'sha256-{digest}'"

r"""What keeps plan text from becoming markup or code in the page.

jinja2's autoescaping covers text in elements and attributes. Three places
need more than that, and each has one function here:

- :func:`script_json`: the plan's JSON inside ``<script type="application/json">``,
  where HTML escaping does not apply: ``<``, ``>``, ``&`` and ``'`` become
  ``\u003c``-style escapes (what jinja2's ``|tojson`` does), so no
  ``</script>`` or ``<!--`` can end or bend the block, and characters HTML
  forbids in a document (C0 and C1 controls, noncharacters, the line and
  paragraph separators) are escaped too, so the block holds only characters
  an HTML parser passes through unchanged;
- :func:`safe_href`: links only for ``http``, ``https`` and ``mailto``; every
  other scheme (``javascript:``, however it is spelt) gives no link;
- :func:`visible_text`: text shown in the page loses the control characters
  HTML cannot display (they stay in the embedded JSON, which is lossless).

:func:`escaped` escapes text exactly as the templates' autoescaping does,
for the plan table's rows, which are written in Python
(:mod:`capcore_html.plan_rows`) because a template loop escaping cell by
cell cost many times the table itself.

:func:`csp_source_hash` gives the ``'sha256-...'`` source of the page's own
inline script and style for its Content-Security-Policy.
"""

from __future__ import annotations

import base64
import hashlib
import re

from markupsafe import Markup

__all__ = [
    "csp_source_hash",
    "escaped",
    "safe_href",
    "script_json",
    "visible_text",
    "visible_texts",
]

# In JSON text these characters occur only inside strings, where a \uXXXX
# escape means the same character; so escaping them keeps the JSON equal.
_SCRIPT_UNSAFE = re.compile(
    "[<>&'\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]"
)
# What HTML cannot show in text: C0 controls but tab and line breaks, DEL,
# C1 controls and the noncharacters.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_LINK_SCHEMES = ("http", "https", "mailto")
# A URL scheme as a browser reads it: leading spaces and controls are
# skipped, and tabs and line breaks anywhere are removed ("JaVa\tScRiPt:").
_STRIPPED_BY_BROWSERS = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_EMAIL = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+\.[^\s@<>\"']+")


def script_json(json_text: str) -> Markup:
    r"""Return JSON text made safe to stand inside ``<script type="application/json">``.

    Args:
        json_text: Valid JSON text (for example :func:`capcore.dumps` output).

    Returns:
        The same JSON value, with every character that could end the script
        block or that HTML forbids written as a ``\uXXXX`` escape.
    """
    return Markup(_SCRIPT_UNSAFE.sub(_unicode_escape, json_text))  # noqa: S704 - escaped above


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escaped(text: str) -> str:
    """Return ``text`` escaped for an HTML element or attribute, as jinja2's autoescaping does.

    ``&``, ``<``, ``>``, ``"`` and ``'`` become ``&amp;``, ``&lt;``, ``&gt;``,
    ``&#34;`` and ``&#39;``: the same characters and entities as
    ``markupsafe.escape``, as a plain string (no ``Markup`` made per cell).

    Args:
        text: The text to show.
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def visible_text(text: str) -> str:
    """Return ``text`` without the characters HTML cannot display (controls, noncharacters)."""
    return _INVISIBLE.sub("", text)


def visible_texts(*texts: str) -> tuple[str, ...]:
    """Return each text as :func:`visible_text` does, checking them all in one pass.

    Nearly every text a plan holds is already visible, so one search over
    all of them usually settles a whole row; only a row that holds an
    invisible character has each text cleaned.

    Args:
        texts: The texts of one row (an activity's fields).
    """
    if _INVISIBLE.search("".join(texts)) is None:
        return texts
    return tuple(_INVISIBLE.sub("", text) for text in texts)


def safe_href(value: str) -> str | None:
    """Return a link target for ``value`` when it is a safe link, else None.

    ``http``, ``https`` and ``mailto`` URLs are links; a bare e-mail address
    becomes a ``mailto:`` link. Anything else, ``javascript:`` and
    ``data:`` in any spelling included, is not a link (the page shows it as
    text).

    Args:
        value: The text a plan holds (a contact, a metadata value).
    """
    text = value.strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f")
    if not text or _INVISIBLE.search(text) or any(character.isspace() for character in text):
        return None
    if _EMAIL.fullmatch(text) and ":" not in text:
        return f"mailto:{text}"
    scheme = _SCHEME.match(_STRIPPED_BY_BROWSERS.sub("", text))
    if scheme is None or scheme.group(1).lower() not in _LINK_SCHEMES:
        return None
    return text


def csp_source_hash(source: str) -> str:
    """Return the Content-Security-Policy source (``'sha256-...'``) of an inline script or style.

    Args:
        source: The exact text between the ``<script>`` (or ``<style>``) tags.
    """
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"

"""Text that XML cannot hold, escaped reversibly the way Office does it.

XML 1.0 cannot store most C0 control characters, the non-characters
U+FFFE and U+FFFF, or lone surrogates; openpyxl and python-docx raise (or
write a file that does not open) when given them, and Word reads a
carriage return back as a line feed. A person can still paste such
characters into a plan, so the Office writers escape them with the
convention of the Office Open XML standard (ECMA-376, ``ST_Xstring``): a
character becomes ``_xHHHH_``, and an underscore that would otherwise start
such a sequence becomes ``_x005F_``. Excel and LibreOffice understand the
same escape, so the text a person sees in them is the original one.

:func:`unescape_xml_text` inverts :func:`escape_xml_text` exactly, for every
string: ``unescape_xml_text(escape_xml_text(s)) == s``.
"""

from __future__ import annotations

import re

__all__ = ["escape_xml_text", "needs_xml_escape", "unescape_xml_text"]

# C0 controls except tab and line feed (carriage return too: Word turns it
# into a line feed), lone surrogates, U+FFFE and U+FFFF.
_UNSTORABLE = "[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]"
# Those, and an underscore that begins something shaped like an escape, so
# that literal text such as "_x0041_" survives; "shaped like" includes an
# unstorable character right after, since its own escape starts with "_".
_NEEDS_ESCAPE = re.compile(f"{_UNSTORABLE}|_(?=x[0-9A-Fa-f]{{4}}(?:_|{_UNSTORABLE}))")
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def needs_xml_escape(text: str) -> bool:
    """Return True when :func:`escape_xml_text` would change ``text``."""
    return _NEEDS_ESCAPE.search(text) is not None


def escape_xml_text(text: str) -> str:
    """Return ``text`` with every character XML cannot hold written as ``_xHHHH_``.

    Text without such characters (nearly all text) comes back unchanged and
    the same object, so writers can call this on every cell cheaply.
    """
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    return _NEEDS_ESCAPE.sub(lambda found: f"_x{ord(found.group()):04X}_", text)


def unescape_xml_text(text: str) -> str:
    """Return the text that :func:`escape_xml_text` escaped into ``text``.

    Every ``_xHHHH_`` sequence becomes its character, as Excel and Word read
    them, so text that a person typed in Office comes back as they see it.
    """
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)

r"""The hidden sheet: the whole plan, so that a round trip loses nothing.

A workbook capcore writes ends with a very hidden sheet named ``capcore``
(Excel shows it in no menu; LibreOffice keeps it hidden). Its first row is
``capcore-xlsx``, the version of this layout (``1``), the plan sheet's
layout, the plan sheet's name, the locale of its labels and the plan
sheet's fingerprint (the SHA-256 of its rows as written: a reader that finds
the same rows knows that nobody edited them and need not read them). The
rows below hold the plan's canonical JSON form (:func:`capcore.to_dict`,
the same data as ``capcore.dumps``), split into cells of 32,000 characters,
well under Excel's cell limit.

The JSON is written compact, in UTF-8, with every underscore and every
character XML cannot hold (U+FFFE, U+FFFF, lone surrogates; JSON already
escapes the controls) written as a JSON escape (``\u005f``), which any JSON
reader reads as the same character. The cells then hold nothing that needs
the ``_xHHHH_`` escape, and openpyxl's reader, which drops every ``x005F_``
from the shared strings of files saved by Excel or LibreOffice, cannot
change a byte.
"""

from __future__ import annotations

import json
import re

import attrs
from openpyxl.workbook.workbook import Workbook

from capcore import PlanFormatError, from_dict, to_dict, unescape_xml_text
from capcore.model import Plan
from capcore_xlsx._cells import SheetCells
from capcore_xlsx._styles import Look, Styles

__all__ = [
    "CHUNK",
    "FORMAT_VERSION",
    "MARKER",
    "SHEET_NAME",
    "EmbeddedCopy",
    "embedded_text",
    "read_embedded",
    "write_embedded",
]

SHEET_NAME = "capcore"
"""The name of the hidden sheet."""

MARKER = "capcore-xlsx"
"""The first cell of the hidden sheet."""

FORMAT_VERSION = 1
"""The version of this hidden sheet's layout."""

CHUNK = 32_000
"""How many characters of the JSON one cell holds."""


@attrs.frozen
class EmbeddedCopy:
    """What the hidden sheet says, before the plan is read from it.

    Attributes:
        layout: The layout of the plan sheet (``matrix`` or ``cards``).
        sheet: The name the plan sheet was written with.
        locale: The language of the plan sheet's labels.
        text: The plan's JSON text.
        fingerprint: The SHA-256 (hex) of the plan sheet's ``sheetData`` as
            written; empty if unknown.
    """

    layout: str
    sheet: str
    locale: str
    text: str
    fingerprint: str = ""

    def plan(self, source: str) -> Plan:
        """Return the plan of the JSON text.

        Raises:
            PlanFormatError: The hidden copy is damaged.
        """
        where = f"{SHEET_NAME}!A2"
        try:
            data = json.loads(unescape_xml_text(self.text))
        except json.JSONDecodeError as error:
            raise PlanFormatError(
                source,
                where,
                f"the hidden copy of the plan is damaged ({error.msg}, character {error.pos}); "
                "read the visible table alone with the read option embedded=false",
            ) from None
        return from_dict(data, source=f"{source}: hidden sheet {SHEET_NAME}")


_XML_UNSAFE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def embedded_text(plan: Plan) -> str:
    """Return the JSON text the hidden sheet holds for ``plan``."""
    text = json.dumps(to_dict(plan), ensure_ascii=False, separators=(",", ":"))
    # Only string contents hold these characters; \uXXXX is the same character in JSON.
    text = text.replace("_", "\\u005f")
    # Scanning megabytes with a regular expression is slow, and these
    # characters are rare: look for them in C first (UTF-8 refuses lone surrogates).
    if "\ufffe" in text or "\uffff" in text or not _utf8(text):
        text = _XML_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
    return text


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def write_embedded(workbook: Workbook, styles: Styles, copy: EmbeddedCopy) -> SheetCells:
    """Add the very hidden sheet holding ``copy`` to ``workbook``; return its cells."""
    hidden = workbook.create_sheet(SHEET_NAME)
    hidden.sheet_state = "veryHidden"
    cells = SheetCells(hidden, styles, "bg")
    head = [MARKER, str(FORMAT_VERSION), copy.layout, copy.sheet, copy.locale, copy.fingerprint]
    cells.append([cells.text(text, Look.KEY) for text in head])
    text = copy.text
    for start in range(0, len(text), CHUNK):
        cells.append([cells.text(text[start : start + CHUNK], Look.KEY)])
    return cells


def read_embedded(workbook: Workbook, source: str) -> EmbeddedCopy | None:
    """Return what the hidden sheet of a workbook capcore wrote holds; None for another workbook.

    Raises:
        PlanFormatError: The hidden sheet is of a newer layout than this reader knows.
    """
    if SHEET_NAME not in workbook.sheetnames:
        return None
    rows = workbook[SHEET_NAME].iter_rows(values_only=True)
    head = [value if isinstance(value, str) else "" for value in next(rows, ())]
    head += [""] * (6 - len(head))
    if head[0] != MARKER:
        return None
    if head[1] != str(FORMAT_VERSION):
        raise PlanFormatError(
            source,
            f"{SHEET_NAME}!B1",
            f"the hidden sheet has layout version {head[1]!r}; this capcore-xlsx reads "
            f"version {FORMAT_VERSION} (install a newer capcore-xlsx)",
        )
    text = "".join(row[0] for row in rows if row and isinstance(row[0], str))
    return EmbeddedCopy(head[2], head[3], head[4] or "bg", text, head[5])

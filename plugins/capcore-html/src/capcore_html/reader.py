"""The HTML reader: capcore's own pages losslessly, plan tables from any other page.

A page this plugin wrote says so in its ``<meta name="generator">`` and
carries the plan's canonical JSON in ``<script type="application/json"
id="capcore-plan">``; that block is the plan, read exactly. Finding it
needs no HTML parser: the writer escapes every ``<`` inside the block, so
the block ends at the first ``</script`` after its start tag.

Any other page (a plan saved from Word or a web portal as HTML) is parsed
into capcore's source blocks (:mod:`capcore_html.source_blocks`) and read
by the core's table readers, the same as the Word and Excel readers.

Pages larger than ``max_bytes`` are refused before anything is parsed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import BinaryIO

import capcore
from capcore import Plan, PlanFormatError
from capcore_html import DEFAULT_MAX_BYTES
from capcore_html.writer import GENERATOR

__all__ = ["EMBEDDED_PLAN_ID", "embedded_plan_json", "read"]

EMBEDDED_PLAN_ID = "capcore-plan"
"""The id of the ``<script type="application/json">`` element that holds the plan."""

_GENERATOR_META = re.compile(
    rb"<meta\s[^>]*name\s*=\s*[\"']?generator[\"']?[^>]*content\s*=\s*[\"']?"
    + re.escape(GENERATOR.encode()),
    re.IGNORECASE,
)
_EMBEDDED_START = re.compile(
    rb"<script\s[^>]*\bid\s*=\s*[\"']?" + re.escape(EMBEDDED_PLAN_ID.encode()) + rb"[\"'\s>]",
    re.IGNORECASE,
)
_SCRIPT_END = re.compile(rb"</script", re.IGNORECASE)
# The generator meta of a capcore page is within its first lines.
_HEAD_BYTES = 4096
_WHERE = f'<script id="{EMBEDDED_PLAN_ID}">'


def read(  # noqa: PLR0913 - the reader's keyword options
    stream: BinaryIO,
    /,
    *,
    name: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    layout: str | None = None,
    locale: str | None = None,
    as_of: dt.date | None = None,
) -> Plan:
    """Read a plan from an HTML page (the format's reader).

    Args:
        stream: The binary stream capcore opened.
        name: The file name, for messages.
        max_bytes: The largest page read; larger ones are refused.
        layout: For a page not written by capcore: the shape of its plan
            (``matrix``, ``cards``, ``list``); by default detected.
        locale: For such a page: the language of its headers; by default detected.
        as_of: For such a page: the date its status and percent columns speak for.

    Raises:
        PlanFormatError: The page is too large, a capcore page whose embedded
            plan is missing or damaged, or a page without a plan table.
    """
    data = capcore.read_limited(stream, source=name, limit=max_bytes)
    embedded = embedded_plan_json(data, source=name)
    if embedded is not None:
        try:
            return capcore.loads(embedded, source=name)
        except PlanFormatError as error:
            where = f"{_WHERE}, {error.location}" if error.location else _WHERE
            raise PlanFormatError(name, where, error.problem) from None
    from capcore_html.html_plan import read_plan_tables  # noqa: PLC0415 - lxml only when needed

    return read_plan_tables(data, source=name, layout=layout, locale=locale, as_of=as_of)


def embedded_plan_json(data: bytes, *, source: str) -> bytes | None:
    """Return the JSON text of the plan a capcore page embeds, or None for any other page.

    Args:
        data: The page's bytes.
        source: The file name, for messages.

    Raises:
        PlanFormatError: The page says capcore wrote it but its plan block is
            missing or cut off (a damaged or truncated file).
    """
    start = _EMBEDDED_START.search(data)
    ours = _GENERATOR_META.search(data[:_HEAD_BYTES]) is not None
    if start is None:
        if ours:
            raise PlanFormatError(
                source,
                _WHERE,
                "a page written by capcore-html, but its embedded plan data is missing "
                "(the file is damaged or cut off)",
            )
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # capcore writes its pages in UTF-8: anything else is damage, even
        # where the plan data itself survived.
        raise PlanFormatError(
            source, f"byte {error.start}", "not UTF-8 text: the page is damaged"
        ) from None
    body_start = data.find(b">", start.end() - 1) + 1
    end = _SCRIPT_END.search(data, body_start)
    if end is None:
        raise PlanFormatError(
            source, _WHERE, "the embedded plan data has no end (the file is cut off)"
        )
    return data[body_start : end.start()]

"""capcore-html: a self-contained HTML page of a plan and its progress.

The page works offline (from a file share or an e-mail attachment), needs
nothing from elsewhere, and embeds the plan's canonical JSON, so it is also
a lossless exchange file. The reader reads those pages back, and reads plan
tables from any other HTML page (a plan saved from Word or a web portal).

The hooks only declare the format; the reader and writer modules are named
as ``"module:function"`` strings and imported on first use.
"""

from __future__ import annotations

import capcore
from capcore import FormatSpec, Layout, OptionKind, OptionSpec, Sample

__all__ = ["DEFAULT_MAX_BYTES", "capcore_formats", "sniff_html"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""The largest page the reader reads unless told otherwise (a 10,000-activity page is ~15 MB)."""

_HTML_STARTS = (b"<!doctype html", b"<html")


def sniff_html(sample: Sample) -> bool:
    """Return True when a sample looks like an HTML page (a capcore page or any other).

    Args:
        sample: The file's first bytes.
    """
    head = sample.head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_STARTS):
        return True
    # Word's "Web page" output and some portals start with a comment or an
    # XML declaration; the <html> element still comes within the first bytes.
    return head.startswith((b"<!--", b"<?xml")) and b"<html" in head[:2048]


@capcore.hookimpl
def capcore_formats() -> list[FormatSpec]:
    """Provide the ``html`` format: the plan page, and plan tables in any HTML page."""
    return [
        FormatSpec(
            "html",
            (".html", ".htm"),
            media_type="text/html",
            description="self-contained HTML page of the plan and its progress "
            "(reads its own pages losslessly, and plan tables in any HTML page)",
            reader="capcore_html.reader:read",
            writer="capcore_html.writer:write",
            read_options=(
                OptionSpec(
                    "max_bytes",
                    OptionKind.INTEGER,
                    default=DEFAULT_MAX_BYTES,
                    help="refuse pages larger than this many bytes",
                ),
                OptionSpec(
                    "layout",
                    OptionKind.CHOICE,
                    choices=tuple(layout.value for layout in Layout),
                    help="a page not written by capcore: the shape of its plan (default: detected)",
                ),
                OptionSpec(
                    "locale",
                    OptionKind.CHOICE,
                    choices=capcore.LOCALES,
                    help="a page not written by capcore: the language of its headers "
                    "(default: detected)",
                ),
                OptionSpec(
                    "as_of",
                    OptionKind.DATE,
                    help="a page not written by capcore: the date its status and percent "
                    "columns speak for",
                ),
            ),
            write_options=(
                OptionSpec(
                    "locale",
                    OptionKind.CHOICE,
                    choices=capcore.LOCALES,
                    default="bg",
                    help="the language of the page: bg (Bulgarian) or en (English)",
                ),
                OptionSpec(
                    "as_of",
                    OptionKind.DATE,
                    help="the date progress is shown for (YYYY-MM-DD; default: today)",
                ),
            ),
            sniff=sniff_html,
            lossless=True,
        )
    ]

"""capcore-docx: the Word format of capcore improvement plans.

The hooks only declare the format; the reader and writer modules are named
as ``"module:function"`` strings and imported on first use, so listing the
installed formats never imports python-docx.

- Writing: the matrix (Lovech), cards (Pazardzhik) and list (Smolyan)
  layouts and a monitoring report, in Bulgarian or English, optionally on a
  user's own template (:mod:`capcore_docx.writer`).
- Reading: capcore's own documents losslessly, and the documents
  administrations already have in the three shapes
  (:mod:`capcore_docx.reader`).
"""

from __future__ import annotations

import capcore
from capcore import PACKAGE_LIMIT_OPTIONS, FormatSpec, OptionKind, OptionSpec, Sample

__all__ = ["DOCX_LAYOUTS", "capcore_formats", "sniff"]

DOCX_LAYOUTS = ("matrix", "cards", "list", "monitoring")
"""The layouts the docx writer offers."""

_DOCUMENT_PART = "word/document.xml"


def sniff(sample: Sample) -> bool:
    """Return True for a Word document: a zip package with ``word/document.xml``."""
    return sample.zip_names is not None and _DOCUMENT_PART in sample.zip_names


@capcore.hookimpl
def capcore_formats() -> list[FormatSpec]:
    """Provide the ``docx`` format (read and write)."""
    return [
        FormatSpec(
            "docx",
            (".docx",),
            media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            description="Word document in the matrix, cards or list layout, or a progress report",
            reader="capcore_docx.reader:read",
            writer="capcore_docx.writer:write",
            write_options=(
                OptionSpec(
                    "layout",
                    OptionKind.CHOICE,
                    choices=DOCX_LAYOUTS,
                    help="matrix (one table), cards (a table per measure), list (numbered "
                    "items), monitoring (a progress report as of a date); default: the "
                    "plan's own layout, else matrix",
                ),
                OptionSpec(
                    "locale",
                    OptionKind.CHOICE,
                    choices=capcore.LOCALES,
                    default="bg",
                    help="the language of the labels: bg (Bulgarian) or en (English)",
                ),
                OptionSpec(
                    "template",
                    OptionKind.TEXT,
                    help="a .docx whose styles, page setup, headers and footers to use",
                ),
                OptionSpec(
                    "as_of",
                    OptionKind.DATE,
                    help="the date of a monitoring report (default: today)",
                ),
            ),
            read_options=(
                OptionSpec(
                    "layout",
                    OptionKind.CHOICE,
                    choices=DOCX_LAYOUTS[:3],
                    help="for a document capcore did not write: its shape (default: detected)",
                ),
                OptionSpec(
                    "locale",
                    OptionKind.CHOICE,
                    choices=capcore.LOCALES,
                    help="for a document capcore did not write: the language of its headers",
                ),
                OptionSpec(
                    "as_of",
                    OptionKind.DATE,
                    help="for a document capcore did not write: the date its status and "
                    "percent columns speak for",
                ),
                *PACKAGE_LIMIT_OPTIONS,
            ),
            sniff=sniff,
            lossless=True,
        )
    ]

"""capcore-xlsx: the Excel format of capcore improvement plans.

The hook only declares the format; the reader and writer modules are named
as ``"module:function"`` strings and imported on first use, so listing
plugins never imports openpyxl.

- Writing (:mod:`capcore_xlsx.writer`): the plan sheet in the matrix shape
  of the Lovech plan or as cards, a timeline and a progress sheet, and a
  hidden copy of the whole plan.
- Reading (:mod:`capcore_xlsx.reader`): capcore's own workbooks losslessly,
  with what a person edited in the visible cells; and workbooks that
  administrations already have, through the core's table readers.
"""

from __future__ import annotations

import capcore
from capcore import PACKAGE_LIMIT_OPTIONS, FormatSpec, OptionKind, OptionSpec, Sample

__all__ = ["DEFAULT_MAX_CELLS", "MEDIA_TYPE", "capcore_formats", "is_workbook"]

DEFAULT_MAX_CELLS = 2_000_000
"""The most cells the plan sheet of a workbook capcore did not write may hold.

The ``max_cells`` read option's default. A plan of 100,000 activities in 13
columns has 1.3 million cells; reading two million takes about a minute and
a gigabyte, so a sheet with more is refused before openpyxl builds a cell.
"""

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
"""The MIME type of .xlsx workbooks."""


def is_workbook(sample: Sample) -> bool:
    """Return True for a zip package holding an Excel workbook part (the format's sniff)."""
    return sample.zip_names is not None and "xl/workbook.xml" in sample.zip_names


@capcore.hookimpl
def capcore_formats() -> list[FormatSpec]:
    """Provide the ``xlsx`` format."""
    return [
        FormatSpec(
            "xlsx",
            # Not .xlsm: a macro-enabled workbook needs another content type,
            # and Excel refuses an .xlsm that has none; such files are sniffed.
            (".xlsx",),
            media_type=MEDIA_TYPE,
            description="Excel workbook: plan matrix or cards, timeline, progress sheet",
            reader="capcore_xlsx.reader:read",
            writer="capcore_xlsx.writer:write",
            read_options=(
                OptionSpec(
                    "sheet",
                    OptionKind.TEXT,
                    help="the sheet holding the plan, in a workbook capcore did not write "
                    "(default: the first)",
                ),
                OptionSpec(
                    "embedded",
                    OptionKind.BOOLEAN,
                    default=True,
                    help="use the hidden copy of a workbook capcore wrote; false reads the "
                    "visible table alone",
                ),
                OptionSpec(
                    "max_cells",
                    OptionKind.INTEGER,
                    default=DEFAULT_MAX_CELLS,
                    help="refuse a plan sheet (of a workbook capcore did not write) holding "
                    "more cells than this",
                ),
                OptionSpec(
                    "edited_on",
                    OptionKind.DATE,
                    help="the date of status and percent edits read from the cells "
                    "(default: when the workbook was last saved)",
                ),
                *PACKAGE_LIMIT_OPTIONS,
            ),
            write_options=(
                OptionSpec(
                    "layout",
                    OptionKind.CHOICE,
                    choices=("matrix", "cards"),
                    default="matrix",
                    help="matrix (the Lovech table) or cards (a block per measure); "
                    "by default cards for a plan written as cards",
                ),
                OptionSpec(
                    "locale",
                    OptionKind.CHOICE,
                    choices=capcore.LOCALES,
                    default="bg",
                    help="the language of the labels: bg (Bulgarian) or en (English)",
                ),
                OptionSpec(
                    "as_of",
                    OptionKind.DATE,
                    help="the date of the progress sheet and the timeline's marker "
                    "(default: today)",
                ),
            ),
            sniff=is_workbook,
            lossless=True,
            lossless_layouts=("matrix", "cards"),
            table_reader="capcore_xlsx.tables:read_source_tables",
        )
    ]

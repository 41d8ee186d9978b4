"""The looks of the cells capcore writes, registered once per workbook.

Every look is set once on a template cell, which registers its font,
border, fill, alignment and number format in the workbook's style tables;
the cell's ``style_id`` is then what every cell of that look carries
(:mod:`capcore_xlsx._cells` writes the rows). Setting the style objects on
each of 100,000 cells, as openpyxl is usually driven, would register them
100,000 times.

Each look has a twin with ``quotePrefix`` set, used for text that starts
with ``=``, ``+``, ``-`` or ``@``: Excel and LibreOffice then keep it as text
when a person edits the cell, instead of reading a formula.
"""

from __future__ import annotations

import enum

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

__all__ = ["FONT_NAME", "Look", "Styles"]

FONT_NAME = "Times New Roman"
"""The font of every cell, as in the administrations' own documents."""

_GREY = "D9D9D9"
_LIGHT_GREY = "F2F2F2"
_AREA_BLUE = "DDEBF7"
_BAR_BLUE = "9BC2E6"
_OCCURRENCE = "F4B084"
_AS_OF = "C00000"
_AS_OF_PALE = "F8CBAD"
_QUICK_WIN = "C6EFCE"  # the green of a quick win, as the gauge "on track"


class Look(enum.Enum):
    """What a cell is, which decides how it looks."""

    TITLE = "title"
    TITLE_LINE = "title_line"
    APPROVAL = "approval"
    APPROVAL_DATE = "approval_date"
    HEADER = "header"
    COLUMN_NUMBER = "column_number"
    AREA = "area"
    TEXT = "text"
    CENTRED = "centred"
    DATE = "date"
    PERCENT = "percent"
    KEY = "key"
    CARD_HEADING = "card_heading"
    CARD_LABEL = "card_label"
    GANTT_LABEL = "gantt_label"
    GANTT_MEASURE = "gantt_measure"
    GANTT_AS_OF = "gantt_as_of"
    GANTT_MONTH = "gantt_month"
    GANTT_AS_OF_MONTH = "gantt_as_of_month"
    GANTT_BAR = "gantt_bar"
    GANTT_OCCURRENCE = "gantt_occurrence"
    NUMBER = "number"
    NOTE = "note"
    GAUGE_GREEN = "gauge_green"
    GAUGE_AMBER = "gauge_amber"
    GAUGE_RED = "gauge_red"
    GAUGE_GREY = "gauge_grey"
    PARAGRAPH = "paragraph"
    QUICK_WIN = "quick_win"
    """A quick win in the prioritisation sheet: bold on the highlight fill."""

    # Members are singletons compared by identity, so hashing by identity is
    # exact, and done in C: Enum's own hash of the name is a Python call, and
    # every cell of a workbook looks its look up (250,000 times for 10,000
    # activities).
    __hash__ = object.__hash__


def _fill(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE_WRAP = Alignment(wrap_text=True, vertical="top", horizontal="center")
_MIDDLE = Alignment(wrap_text=True, vertical="center", horizontal="center")
_PLAIN = Font(name=FONT_NAME, size=11)
_BOLD = Font(name=FONT_NAME, size=11, bold=True)


def _looks(date_format: str) -> dict[Look, dict[str, object]]:
    boxed_text: dict[str, object] = {"font": _PLAIN, "border": _BOX, "alignment": _TOP_WRAP}
    return {
        Look.TITLE: {
            "font": Font(name=FONT_NAME, size=14, bold=True),
            "alignment": Alignment(wrap_text=True, horizontal="center", vertical="center"),
        },
        Look.TITLE_LINE: {"font": _BOLD, "alignment": _MIDDLE},
        Look.APPROVAL: {"font": _BOLD, "alignment": Alignment(wrap_text=True, vertical="top")},
        Look.APPROVAL_DATE: {
            "font": _BOLD,
            "alignment": Alignment(horizontal="left"),
            "number_format": date_format,
        },
        Look.HEADER: {"font": _BOLD, "border": _BOX, "alignment": _MIDDLE, "fill": _fill(_GREY)},
        Look.COLUMN_NUMBER: {
            "font": Font(name=FONT_NAME, size=9, italic=True),
            "border": _BOX,
            "alignment": _MIDDLE,
            "fill": _fill(_LIGHT_GREY),
        },
        Look.AREA: {
            "font": _BOLD,
            "border": _BOX,
            "alignment": _TOP_WRAP,
            "fill": _fill(_AREA_BLUE),
        },
        Look.TEXT: boxed_text,
        Look.CENTRED: {**boxed_text, "alignment": _CENTRE_WRAP},
        Look.DATE: {**boxed_text, "alignment": _CENTRE_WRAP, "number_format": date_format},
        Look.PERCENT: {**boxed_text, "alignment": _CENTRE_WRAP, "number_format": "0.##"},
        Look.NUMBER: {**boxed_text, "alignment": _CENTRE_WRAP, "number_format": "0.#"},
        Look.KEY: {"font": Font(name=FONT_NAME, size=8, color="808080")},
        Look.CARD_HEADING: {
            "font": _BOLD,
            "border": _BOX,
            "alignment": _TOP_WRAP,
            "fill": _fill(_GREY),
        },
        Look.CARD_LABEL: {
            "font": _BOLD,
            "border": _BOX,
            "alignment": _TOP_WRAP,
            "fill": _fill(_LIGHT_GREY),
        },
        Look.GANTT_LABEL: {
            "font": Font(name=FONT_NAME, size=9),
            "border": _BOX,
            "alignment": _TOP_WRAP,
        },
        Look.GANTT_MEASURE: {
            "font": Font(name=FONT_NAME, size=9, bold=True),
            "border": _BOX,
            "alignment": _TOP_WRAP,
        },
        Look.GANTT_AS_OF: {"fill": _fill(_AS_OF_PALE)},
        Look.GANTT_MONTH: {
            "font": Font(name=FONT_NAME, size=8, bold=True),
            "border": _BOX,
            "alignment": Alignment(horizontal="center", vertical="center", text_rotation=90),
            "fill": _fill(_GREY),
        },
        Look.GANTT_AS_OF_MONTH: {
            "font": Font(name=FONT_NAME, size=8, bold=True, color="FFFFFF"),
            "border": _BOX,
            "alignment": Alignment(horizontal="center", vertical="center", text_rotation=90),
            "fill": _fill(_AS_OF),
        },
        Look.GANTT_BAR: {"border": _BOX, "fill": _fill(_BAR_BLUE)},
        Look.GANTT_OCCURRENCE: {
            "font": Font(name=FONT_NAME, size=8, bold=True),
            "border": _BOX,
            "alignment": Alignment(horizontal="center", vertical="center"),
            "fill": _fill(_OCCURRENCE),
        },
        Look.NOTE: {"font": Font(name=FONT_NAME, size=9, italic=True), "alignment": _TOP_WRAP},
        Look.PARAGRAPH: {"font": _PLAIN, "alignment": _TOP_WRAP},
        Look.QUICK_WIN: {**boxed_text, "font": _BOLD, "fill": _fill(_QUICK_WIN)},
        **{
            look: {**boxed_text, "alignment": _CENTRE_WRAP, "fill": _fill(colour)}
            for look, colour in (
                (Look.GAUGE_GREEN, "C6EFCE"),
                (Look.GAUGE_AMBER, "FFEB9C"),
                (Look.GAUGE_RED, "FFC7CE"),
                (Look.GAUGE_GREY, "E7E6E6"),
            )
        },
    }


class Styles:
    """The style ids of every :class:`Look` in one workbook, plain and quote-prefixed."""

    def __init__(self, sheet: WriteOnlyWorksheet, *, date_format: str) -> None:
        """Register every look in ``sheet``'s workbook.

        Args:
            sheet: Any sheet of the workbook (styles are the workbook's).
            date_format: The number format of date cells (``d.m.yyyy``).
        """
        self.date_format = date_format
        self._plain: dict[Look, int] = {}
        self._quoted: dict[Look, int] = {}
        for look, settings in _looks(date_format).items():
            for quoted, into in ((False, self._plain), (True, self._quoted)):
                template = Cell(sheet, 1, 1)
                for name, value in settings.items():
                    setattr(template, name, value)
                if quoted:
                    template.quotePrefix = True
                # The registered ids of the look: what every cell of it shares.
                into[look] = template.style_id

    def id(self, look: Look, *, quoted: bool = False) -> int:
        """Return the style id of ``look``; ``quoted`` for text that must not be a formula."""
        return (self._quoted if quoted else self._plain)[look]

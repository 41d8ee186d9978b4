"""WordprocessingML built and read directly with lxml: paragraphs, runs, tables.

python-docx spends about 50 µs in every ``cell.text`` assignment and its
``table.cell(i, j)`` is quadratic (see FORMAT-FACTS), so the layouts build
their tables as ``w:tbl`` elements here and append them to the body that
python-docx opened; reading walks the same elements. Every text goes
through :func:`capcore.escape_xml_text` on the way in and
:func:`capcore.unescape_xml_text` on the way out, so characters XML cannot
hold survive as ``_xHHHH_``; line feeds become ``w:br`` and tabs ``w:tab``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, TypeAlias

from lxml import etree

from capcore import escape_xml_text, unescape_xml_text

__all__ = [
    "Cell",
    "Element",
    "Run",
    "W",
    "add_paragraph",
    "add_row",
    "add_table",
    "append_rows",
    "cell_text",
    "grid_span",
    "paragraph_text",
    "paragraph_xml",
    "row_xml",
    "run",
    "vertical_merge",
    "w",
]

Element: TypeAlias = etree._Element  # noqa: SLF001 - lxml names its element type only privately
"""An lxml element (what the layouts build and the readers walk)."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace."""

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")


def w(name: str) -> str:
    """Return the Clark name of a WordprocessingML element or attribute (``w:p``)."""
    return f"{{{W}}}{name}"


_P, _R, _T, _BR, _TAB, _TC, _TR = (w(n) for n in ("p", "r", "t", "br", "tab", "tc", "tr"))
_PPR, _PSTYLE, _TCPR, _VMERGE, _TRPR, _TBLHEADER = (
    w(n) for n in ("pPr", "pStyle", "tcPr", "vMerge", "trPr", "tblHeader")
)
_CR = w("cr")
_sub = etree.SubElement
_VAL = w("val")


class Run(NamedTuple):
    """A run of text to build, with its direct formatting (see :func:`run`)."""

    text: str
    bold: bool = False
    size: int | None = None
    color: str | None = None


def run(text: str, *, bold: bool = False, size: int | None = None, color: str | None = None) -> Run:
    """Return a run to build: ``text`` with bold type, a size in half-points, a hex colour."""
    return Run(text, bold, size, color)


def _add_run(p: Element, spec: Run) -> None:
    r = etree.SubElement(p, _R)
    if spec.bold or spec.size or spec.color:
        properties = etree.SubElement(r, w("rPr"))
        if spec.bold:
            etree.SubElement(properties, w("b"))
        if spec.color:
            etree.SubElement(properties, w("color"), {_VAL: spec.color})
        if spec.size:
            etree.SubElement(properties, w("sz"), {_VAL: str(spec.size)})
            etree.SubElement(properties, w("szCs"), {_VAL: str(spec.size)})
    _add_text_runs(r, escape_xml_text(spec.text))


def _add_text_runs(r: Element, text: str) -> None:
    """Fill the run ``r`` with escaped ``text``: ``w:t``, with ``w:br`` and ``w:tab`` between."""
    if "\n" not in text and "\t" not in text:
        _add_text(r, text)
        return
    for index, line in enumerate(text.split("\n")):
        if index:
            _sub(r, _BR)
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                _sub(r, _TAB)
            _add_text(r, part)


def _add_text(r: Element, text: str) -> None:
    if text:
        t = _sub(r, _T)
        t.text = text
        if text[0].isspace() or text[-1].isspace():
            t.set(_XML_SPACE, "preserve")


def add_paragraph(  # noqa: PLR0913 - the paragraph properties capcore uses, by keyword
    parent: Element,
    *runs: Run,
    style: str | None = None,
    align: str | None = None,
    keep_next: bool = False,
    space_after: int | None = None,
    space_before: int | None = None,
) -> Element:
    """Append a ``w:p`` holding ``runs`` to ``parent`` (the body or a cell) and return it.

    Text is escaped with :func:`capcore.escape_xml_text`; line feeds become
    ``w:br`` and tabs ``w:tab``.

    Args:
        parent: The body, a cell, or any element that holds paragraphs.
        *runs: The runs (from :func:`run`), in order.
        style: A paragraph style id the document has.
        align: ``left``, ``center``, ``right`` or ``both``.
        keep_next: Keep with the next paragraph (headings above tables).
        space_after: Space after, in twentieths of a point.
        space_before: Space before, in twentieths of a point.
    """
    p = etree.SubElement(parent, _P)
    if style or align or keep_next or space_after is not None or space_before is not None:
        properties = etree.SubElement(p, w("pPr"))
        if style:
            etree.SubElement(properties, w("pStyle"), {_VAL: style})
        if keep_next:
            etree.SubElement(properties, w("keepNext"))
        if space_after is not None or space_before is not None:
            spacing = etree.SubElement(properties, w("spacing"))
            if space_before is not None:
                spacing.set(w("before"), str(space_before))
            if space_after is not None:
                spacing.set(w("after"), str(space_after))
        if align:
            etree.SubElement(properties, w("jc"), {_VAL: align})
    for spec in runs:
        _add_run(p, spec)
    return p


class Cell(NamedTuple):
    """One cell of a table row to build; a plain string is a cell with no formatting.

    Attributes:
        text: The text.
        bold: Bold type.
        span: How many grid columns it spans.
        merge: ``"restart"`` for the first cell of a vertical merge, ``"continue"``
            for the cells it covers below, ``""`` for none.
        fill: A background colour (hex), or none.
        align: The paragraph alignment, or the style's.
        color: The text colour (hex), or the style's.
    """

    text: str = ""
    bold: bool = False
    span: int = 1
    merge: str = ""
    fill: str = ""
    align: str = ""
    color: str = ""


def add_row(
    tbl: Element, cells: Iterable[Cell | str], *, header: bool = False, style: str | None = None
) -> list[Element]:
    """Append a ``w:tr`` to ``tbl`` and return the first paragraph of each of its cells.

    Args:
        tbl: The table (from :func:`add_table`).
        cells: The cells, left to right: :class:`Cell` values, or strings
            for cells of plain text.
        header: Repeat the row at the top of every page (``w:tblHeader``).
        style: The paragraph style id of the cells' text.
    """
    tr = _sub(tbl, _TR)
    if header:
        _sub(_sub(tr, _TRPR), _TBLHEADER)
    paragraphs = []
    for cell in cells:
        tc = _sub(tr, _TC)
        if isinstance(cell, str):
            # The common case, kept short: a big table is mostly plain cells.
            p = _sub(tc, _P)
            if style:
                _sub(_sub(p, _PPR), _PSTYLE, {_VAL: style})
            if cell:
                _add_text_runs(_sub(p, _R), escape_xml_text(cell))
            paragraphs.append(p)
            continue
        if cell.span > 1 or cell.merge or cell.fill:
            _cell_properties(tc, cell)
        if not cell.text and not style:
            paragraphs.append(_sub(tc, _P))  # a merged cell's continuation, mostly
            continue
        runs = (Run(cell.text, cell.bold, None, cell.color or None),) if cell.text else ()
        paragraphs.append(add_paragraph(tc, *runs, style=style, align=cell.align or None))
    return paragraphs


def _cell_properties(tc: Element, cell: Cell) -> None:
    properties = _sub(tc, _TCPR)
    if cell.span > 1:
        _sub(properties, w("gridSpan"), {_VAL: str(cell.span)})
    if cell.merge == "restart":
        _sub(properties, _VMERGE, {_VAL: "restart"})
    elif cell.merge == "continue":
        _sub(properties, _VMERGE)
    if cell.fill:
        _sub(properties, w("shd"), {_VAL: "clear", w("color"): "auto", w("fill"): cell.fill})


# Rows as markup. A large table is written as text and parsed once
# (append_rows): lxml parses a row far faster than Python can make its
# elements one SubElement call at a time. The markup is exactly the elements
# add_row makes, so the saved document is the same either way.

_W_NS = f' xmlns:w="{W}"'


def _text_xml(text: str) -> str:
    if not text:
        return ""
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    if "&" in text or "<" in text or ">" in text:
        # str.replace, not str.translate: translate is slow on non-ASCII text.
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<w:t{space}>{text}</w:t>"


def _text_runs_xml(text: str) -> str:
    """Return the content of a run holding escaped ``text`` (as :func:`_add_text_runs`)."""
    if "\n" not in text and "\t" not in text:
        return _text_xml(text)
    return "<w:br/>".join(
        "<w:tab/>".join(_text_xml(part) for part in line.split("\t")) for line in text.split("\n")
    )


def _run_xml(spec: Run) -> str:
    properties = ""
    if spec.bold or spec.size or spec.color:
        bold = "<w:b/>" if spec.bold else ""
        color = f'<w:color w:val="{spec.color}"/>' if spec.color else ""
        size = f'<w:sz w:val="{spec.size}"/><w:szCs w:val="{spec.size}"/>' if spec.size else ""
        properties = f"<w:rPr>{bold}{color}{size}</w:rPr>"
    content = _text_runs_xml(escape_xml_text(spec.text))
    return f"<w:r>{properties}{content}</w:r>" if properties or content else "<w:r/>"


def paragraph_xml(*runs: Run, bookmark: str = "") -> str:
    """Return the markup of a ``w:p`` of ``runs`` with no properties (see :func:`row_xml`).

    Args:
        *runs: The runs (from :func:`run`), in order.
        bookmark: Markup to put first in the paragraph (a bookmark).
    """
    content = bookmark + "".join(_run_xml(spec) for spec in runs)
    return f"<w:p>{content}</w:p>" if content else "<w:p/>"


def _cell_xml(cell: Cell, style: str | None, bookmark: str, extra: str) -> str:
    # A Cell with its formatting; plain strings are handled in row_xml.
    properties = (
        _cell_properties_xml(cell.span, cell.merge, cell.fill)
        if cell.span > 1 or cell.merge or cell.fill
        else ""
    )
    if not cell.text and not style:
        return f"<w:tc>{properties}<w:p>{bookmark}</w:p>{extra}</w:tc>"
    align = f'<w:jc w:val="{cell.align}"/>' if cell.align else ""
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    paragraph_properties = f"<w:pPr>{pstyle}{align}</w:pPr>" if style or align else ""
    runs = _run_xml(Run(cell.text, cell.bold, None, cell.color or None)) if cell.text else ""
    return f"<w:tc>{properties}<w:p>{paragraph_properties}{bookmark}{runs}</w:p>{extra}</w:tc>"


@functools.lru_cache(maxsize=64)
def _cell_properties_xml(span: int, merge: str, fill: str) -> str:
    # Cached: a table has a handful of kinds of cell (merged, filled) in many rows.
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge_xml = {"restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}.get(merge, "")
    fill_xml = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return f"<w:tcPr>{span_xml}{merge_xml}{fill_xml}</w:tcPr>"


def row_xml(
    cells: Iterable[Cell | str],
    *,
    header: bool = False,
    style: str | None = None,
    bookmark: str = "",
    extra: Mapping[int, str] | None = None,
) -> str:
    """Return the markup of the ``w:tr`` that :func:`add_row` would append, for :func:`append_rows`.

    Args:
        cells: The cells, left to right, as for :func:`add_row`.
        header: Repeat the row at the top of every page.
        style: The paragraph style id of the cells' text.
        bookmark: Markup to put first in the first cell's paragraph (after
            its properties): the row's bookmark.
        extra: Markup of further paragraphs to end a cell with, by the
            cell's index (from :func:`paragraph_xml`).
    """
    plain_style = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    parts = ["<w:tr><w:trPr><w:tblHeader/></w:trPr>" if header else "<w:tr>"]
    mark = bookmark
    for index, cell in enumerate(cells):
        more = extra.get(index, "") if extra else ""
        if isinstance(cell, str):
            # The common case, inline: a big table is mostly plain cells.
            runs = f"<w:r>{_text_runs_xml(escape_xml_text(cell))}</w:r>" if cell else ""
            parts.append(f"<w:tc><w:p>{plain_style}{mark}{runs}</w:p>{more}</w:tc>")
        else:
            parts.append(_cell_xml(cell, style, mark, more))
        mark = ""
    parts.append("</w:tr>")
    return "".join(parts)


def append_rows(tbl: Element, rows: Iterable[str]) -> None:
    """Append rows given as markup (from :func:`row_xml`) to ``tbl``, parsing them once."""
    parsed = etree.fromstring(f"<w:tbl{_W_NS}>{''.join(rows)}</w:tbl>")
    tbl.extend(parsed)


def add_table(parent: Element, widths: Sequence[int], style: str | None = None) -> Element:
    """Append a bordered ``w:tbl`` of fixed column ``widths`` (twentieths of a point).

    Borders and widths are also direct formatting, so the table has them
    whatever the style says. Add rows with :func:`add_row`.

    Args:
        parent: The body (or a cell).
        widths: The columns' widths.
        style: The id of a table style the document has (text size, spacing).
    """
    tbl = etree.SubElement(parent, w("tbl"))
    properties = etree.SubElement(tbl, w("tblPr"))
    if style:
        etree.SubElement(properties, w("tblStyle"), {_VAL: style})
    etree.SubElement(properties, w("tblW"), {w("w"): str(sum(widths)), w("type"): "dxa"})
    borders = etree.SubElement(properties, w("tblBorders"))
    for side in _BORDERS:
        etree.SubElement(
            borders, w(side), {_VAL: "single", w("sz"): "4", w("space"): "0", w("color"): "auto"}
        )
    etree.SubElement(properties, w("tblLayout"), {w("type"): "fixed"})
    margins = etree.SubElement(properties, w("tblCellMar"))
    for side in ("left", "right"):
        etree.SubElement(margins, w(side), {w("w"): "70", w("type"): "dxa"})
    etree.SubElement(properties, w("tblLook"), {_VAL: "04A0"})
    grid = etree.SubElement(tbl, w("tblGrid"))
    for width in widths:
        etree.SubElement(grid, w("gridCol"), {w("w"): str(width)})
    return tbl


def paragraph_text(p: etree._Element) -> str:
    r"""Return the text of a ``w:p``: runs joined, ``w:br`` as ``\n``, ``w:tab`` as ``\t``.

    Deleted text of tracked changes (``w:delText``) is not text; inserted
    text (``w:ins``) is. ``_xHHHH_`` escapes are undone.
    """
    parts = []
    for node in p.iter(_T, _BR, _TAB, _CR):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag != _TAB:
            parts.append("\n")
        elif (parent := node.getparent()) is not None and parent.tag == _R:
            parts.append("\t")  # a w:tab in w:pPr/w:tabs is a tab stop, not a character
    return unescape_xml_text("".join(parts))


def cell_text(tc: etree._Element) -> str:
    r"""Return the text of a ``w:tc``: its paragraphs joined by ``\n``."""
    return "\n".join(paragraph_text(p) for p in tc.iter(_P))


def grid_span(tc: etree._Element) -> int:
    """Return how many grid columns a ``w:tc`` spans."""
    span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    value = span.get(_VAL) if span is not None else None
    return int(value) if value and value.isdigit() else 1


def vertical_merge(tc: etree._Element) -> str:
    """Return ``restart``, ``continue`` or ``""`` for a ``w:tc``'s vertical merge."""
    merge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    if merge is None:
        return ""
    return "restart" if merge.get(_VAL) == "restart" else "continue"

"""Rows built as markup are the very rows built element by element."""

from __future__ import annotations

from capcore_docx.ooxml import (
    Cell,
    add_paragraph,
    add_row,
    add_table,
    append_rows,
    paragraph_xml,
    row_xml,
    run,
    w,
)
from capcore_docx.shown import Anchors
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from capcore.testing.strategies import texts

# Text with what needs care in markup: XML's own characters, line feeds and
# tabs (w:br, w:tab), edge spaces (xml:space), characters escaped as _xHHHH_.
_TEXTS = st.one_of(
    texts(),
    st.text(alphabet="&<>\n\t _x0041\x00\ufffeМярка„“", max_size=12),
)
_CELLS = st.one_of(
    _TEXTS,
    st.builds(
        Cell,
        _TEXTS,
        bold=st.booleans(),
        span=st.integers(1, 3),
        merge=st.sampled_from(["", "restart", "continue"]),
        fill=st.sampled_from(["", "D9D9D9"]),
        align=st.sampled_from(["", "center"]),
        color=st.sampled_from(["", "C00000"]),
    ),
)


def _table() -> etree._Element:
    body = etree.Element(w("body"), nsmap={"w": w("")[1:-1]})
    return add_table(body, [1000, 1000, 1000])


@given(
    rows=st.lists(st.lists(_CELLS, min_size=1, max_size=4), min_size=1, max_size=3),
    header=st.booleans(),
    style=st.sampled_from([None, "CapcoreTable"]),
)
def test_row_markup_equals_rows_built_by_elements(
    rows: list[list[Cell | str]], header: bool, style: str | None
) -> None:
    """row_xml parsed by append_rows serialises exactly as add_row's elements."""
    by_elements, by_markup = _table(), _table()
    for cells in rows:
        add_row(by_elements, cells, header=header, style=style)
    append_rows(by_markup, [row_xml(cells, header=header, style=style) for cells in rows])
    assert etree.tostring(by_markup) == etree.tostring(by_elements)


@given(cells=st.lists(_CELLS, min_size=2, max_size=4), supporting=_TEXTS.filter(bool))
def test_marked_row_markup_equals_marked_elements(cells: list[Cell | str], supporting: str) -> None:
    """A bookmarked row with an extra paragraph: same elements, same map of what it shows."""
    by_elements, by_markup = _table(), _table()
    anchors_elements, anchors_markup = Anchors(), Anchors()
    fields = [(0, "id-1", "title", "Заглавие", "1. ")]

    paragraphs = add_row(by_elements, cells)
    anchors_elements.mark_row(paragraphs, fields)
    tc = paragraphs[1].getparent()
    assert tc is not None
    p = add_paragraph(tc, run(supporting))
    anchors_elements.mark(p, "id-1", "supporting", supporting)

    bookmark = anchors_markup.mark_row_xml(len(cells), fields)
    marked = anchors_markup.mark_xml("id-1", "supporting", supporting)
    extra = {1: paragraph_xml(run(supporting), bookmark=marked)}
    append_rows(by_markup, [row_xml(cells, bookmark=bookmark, extra=extra)])

    assert etree.tostring(by_markup) == etree.tostring(by_elements)
    assert anchors_markup.as_data() == anchors_elements.as_data()

"""Any HTML page as source blocks: paragraphs, tables, spans and text as a browser shows it."""

from __future__ import annotations

import pytest
from capcore_html.source_blocks import page_blocks

from capcore import SourceCell, SourceParagraph, SourceTable


def _blocks(body: str, charset: str = "utf-8") -> list:
    page = f"<html><head><meta charset={charset}></head><body>{body}</body></html>"
    return page_blocks(page.encode(charset, "xmlcharrefreplace"), source="p.html")


def test_paragraphs_headings_and_list_items_in_order() -> None:
    """p, h1-h6 and li are paragraphs in document order, with levels."""
    blocks = _blocks("<h1>План</h1><p>Въведение</p><ul><li>едно<ul><li>две</li></ul></li></ul>")
    assert [(b.text, b.level, b.location) for b in blocks] == [
        ("План", 0, "paragraph 1"),
        ("Въведение", None, "paragraph 2"),
        ("едно\nдве", 0, "paragraph 3"),
    ]


def test_colspan_is_span_and_rowspan_continues_below() -> None:
    """A rowspan over three rows gives two continuation cells at its place."""
    table = _blocks(
        "<table><tr><td colspan=2>Област 1</td></tr>"
        "<tr><td rowspan=3>1.1 Мярка</td><td>1.1.1</td></tr>"
        "<tr><td>1.1.2</td></tr><tr><td>1.1.3</td></tr></table>"
    )[0]
    assert isinstance(table, SourceTable)
    assert table.rows[0] == (SourceCell("Област 1", "table 1, row 1, cell 1", span=2),)
    assert [cell.text for cell in table.rows[1]] == ["1.1 Мярка", "1.1.1"]
    for row in table.rows[2:]:
        assert row[0].continues_above
        assert row[0].text == ""
        assert row[1].text.startswith("1.1.")


def test_rowspan_at_the_end_of_a_short_row_keeps_its_column() -> None:
    """A span in the last column continues there even when the row below is shorter."""
    table = _blocks(
        "<table><tr><td>a</td><td>b</td><td rowspan=2>c</td></tr><tr><td>d</td></tr></table>"
    )[0]
    assert [(cell.text, cell.continues_above) for cell in table.rows[1]] == [
        ("d", False),
        ("", False),
        ("", True),
    ]


def test_cell_text_as_a_browser_shows_it() -> None:
    """Source line breaks are spaces; br and paragraphs break lines; entities decode; nbsp is a space."""
    cell = _blocks(
        "<table><tr><td><p>Главен\n   секретар,</p><p>директори&nbsp;на&nbsp;дирекции<br>ОА &amp; ОбА</p>"
        "<script>alert(1)</script><style>p{}</style></td></tr></table>"
    )[0].rows[0][0]
    assert cell.text == "Главен секретар,\nдиректори на дирекции\nОА & ОбА"


def test_a_table_inside_a_cell_is_part_of_the_cell() -> None:
    """Only outermost tables are blocks; an inner table's text belongs to its cell."""
    blocks = _blocks(
        "<table><tr><td>вън<table><tr><td>вътре</td></tr></table></td></tr></table><p>след</p>"
    )
    assert [type(b).__name__ for b in blocks] == ["SourceTable", "SourceParagraph"]
    assert blocks[0].rows[0][0].text == "вън\nвътре"


@pytest.mark.parametrize("declared", [True, False])
def test_windows_1251_pages_are_read(declared: bool) -> None:
    """A windows-1251 page reads right, declared or not."""
    meta = (
        '<meta http-equiv=Content-Type content="text/html; charset=windows-1251">'
        if declared
        else ""
    )
    data = (
        f"<html><head>{meta}</head><body><p>Областна администрация Ловеч</p></body></html>".encode(
            "cp1251"
        )
    )
    assert page_blocks(data, source="p.htm") == [
        SourceParagraph("Областна администрация Ловеч", "paragraph 1", style="p")
    ]


def test_broken_markup_is_read_as_browsers_read_it() -> None:
    """Unclosed cells, rows and paragraphs still give their text."""
    table = _blocks("<table><tr><td>a<td>b<tr><td>c</table><p>x<p>y")[0]
    assert [[cell.text for cell in row] for row in table.rows] == [["a", "b"], ["c"]]


@pytest.mark.slow
def test_tens_of_megabytes_are_parsed() -> None:
    """A 12 MB page of 100,000 rows, with markup nested 200 deep after it, is read to its end."""
    row = "<tr><td>1.1.1 Създаване на работна група</td><td>14.3.2022</td><td><p>Главен<br>секретар</p></td></tr>"
    body = "<table>" + row * 100_000 + "</table>" + "<div>" * 200 + "<p>край</p>"
    blocks = _blocks(body)
    assert len(blocks[0].rows) == 100_000
    assert blocks[0].rows[-1][2].text == "Главен\nсекретар"
    assert blocks[-1].text == "край"

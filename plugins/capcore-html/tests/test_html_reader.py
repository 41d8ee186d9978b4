"""Reading pages: capcore's own exactly, and plans as administrations publish them in HTML."""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path

import pytest
from html_pages import page_bytes

import capcore
from capcore import Layout, Plan, PlanFormatError
from capcore.examples import lovech
from capcore.testing.seed_tables import MatrixTable, lovech_matrix, pazardzhik_cards, smolyan_list

AS_OF = dt.date(2022, 9, 1)


def _read(data: bytes, name: str = "plan.html", **options: object) -> Plan:
    stream = io.BytesIO(data)
    stream.name = name
    return capcore.read(stream, "html", **options)


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>\n")


def _word_page(body: str, *, charset: str = "windows-1251") -> bytes:
    """A page as Word's "Save as Web Page" writes it: Office namespaces, MsoNormal, a charset."""
    head = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word">\n<head>\n'
        f'<meta http-equiv=Content-Type content="text/html; charset={charset}">\n'
        '<meta name=Generator content="Microsoft Word 15">\n'
        "<style><!-- p.MsoNormal {margin:0cm;} --></style>\n</head>\n"
        "<body lang=BG style='tab-interval:35.4pt'>\n<div class=WordSection1>\n"
    )
    # Word writes characters its code page lacks (ѝ) as character references.
    return (head + body + "\n</div>\n</body>\n</html>\n").encode(charset, "xmlcharrefreplace")


def _matrix_html(table: MatrixTable) -> str:
    """The Lovech table as Word writes it: area rows spanning, measure cells merged down."""
    parts = [
        f"<p class=MsoNormal><b><span lang=BG>{_e(line)}</span></b></p>" for line in table.preamble
    ]
    parts.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>")
    parts.extend(
        "<tr>" + "".join(f"<td><p class=MsoNormal><b>{_e(c)}</b></p></td>" for c in row) + "</tr>"
        for row in table.head_rows()
    )
    rows = table.rows
    for index, row in enumerate(rows):
        if row.is_area:
            parts.append(
                f"<tr><td colspan={len(table.header)}><p class=MsoNormal><b>{_e(row.cells[0])}</b></p></td></tr>"
            )
            continue
        cells = []
        for column, text in enumerate(row.cells):
            if column == table.measure_column:
                if row.continues_measure:
                    continue  # covered by the rowspan above
                below = 1
                while index + below < len(rows) and rows[index + below].continues_measure:
                    below += 1
                span = f" rowspan={below}" if below > 1 else ""
                cells.append(f"<td{span} valign=top><p class=MsoNormal>{_e(text)}</p></td>")
            else:
                cells.append(f"<td valign=top><p class=MsoNormal>{_e(text) or '&nbsp;'}</p></td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    return "\n".join(parts)


def test_own_page_reads_back_equal_and_is_chosen_by_content() -> None:
    """A page capcore wrote reads back as the same plan, with no format or extension given."""
    plan = lovech()
    data = page_bytes(plan, as_of=AS_OF)
    assert capcore.read(io.BytesIO(data)) == plan


def test_own_page_without_its_plan_data_is_an_error(tmp_path: Path) -> None:
    """A capcore page whose JSON block was removed is refused, saying so."""
    data = page_bytes(lovech(), as_of=AS_OF)
    start = data.index(b'<script type="application/json"')
    end = data.index(b"</script>", start) + len(b"</script>")
    path = tmp_path / "stripped.html"
    path.write_bytes(data[:start] + data[end:])
    with pytest.raises(PlanFormatError, match=r"stripped\.html.*embedded plan data is missing"):
        capcore.read(path)


def test_damaged_embedded_json_names_the_block_and_the_place() -> None:
    """Broken JSON in the block is an error naming the file, the block and the line."""
    data = page_bytes(lovech(), as_of=AS_OF).replace(
        b'"schema_version":1', b'"schema_version":1,,', 1
    )
    with pytest.raises(
        PlanFormatError, match=r'plan\.html: <script id="capcore-plan">, line 1, column \d+'
    ):
        _read(data)


def test_a_page_over_the_size_limit_is_refused() -> None:
    """max_bytes bounds what is read; a larger page is an error before any parsing."""
    data = page_bytes(lovech(), as_of=AS_OF)
    with pytest.raises(PlanFormatError, match="larger than the limit of 1,000 bytes"):
        _read(data, max_bytes=1000)


def test_a_page_without_a_plan_says_what_it_looked_for() -> None:
    """An HTML page with no plan table is a PlanFormatError, not a traceback."""
    with pytest.raises(PlanFormatError, match=r"plan\.html"):
        _read(b"<!DOCTYPE html><html><body><p>Nothing to see.</p></body></html>")


def test_word_page_of_the_lovech_matrix_reads_as_the_blocks_would() -> None:
    """The Lovech table saved from Word (windows-1251, merged cells) gives the plan its blocks give."""
    table = lovech_matrix()
    plan = _read(_word_page(_matrix_html(table)), "lovech.htm")
    expected = capcore.read_tables(table.blocks(merged=True), source="lovech.htm")
    assert plan == expected
    assert plan.layout is Layout.MATRIX
    assert [m.title for m in plan.measures()] == [m.title for m in lovech().measures()]
    assert len(list(plan.activities())) == len(list(lovech().activities()))


def test_word_page_in_english_with_columns_in_another_order() -> None:
    """English headers in any column order read the same measures."""
    table = lovech_matrix(english=True).reordered([1, 0, 3, 2, 5, 4, 6, 8, 7])
    plan = _read(_word_page(_matrix_html(table), charset="utf-8"))
    assert [a.title for a in plan.activities()] == [a.title for a in lovech().activities()]


def test_portal_page_of_pazardzhik_cards() -> None:
    """Cards as a portal publishes them: a heading and a two-column table per measure."""
    document = pazardzhik_cards()
    parts = [f"<p>{_e(line)}</p>" for line in document.preamble]
    for card in document.cards:
        parts.append(f"<h2>{_e(card.heading)}</h2><table><tbody>")
        parts += [
            f"<tr><th>{_e(label)}</th><td>{_e(value)}</td></tr>" for label, value in card.fields
        ]
        parts.append("</tbody></table>")
    data = (
        "<!DOCTYPE html><html lang=bg><meta charset=utf-8><body><main>"
        + "".join(parts)
        + "</main></body></html>"
    ).encode()
    plan = _read(data)
    expected = capcore.read_tables(document.blocks(), source="plan.html")
    assert [m.title for m in plan.measures()] == [m.title for m in expected.measures()]
    assert [m.kind for m in plan.measures()] == [m.kind for m in expected.measures()]
    assert [m.budget for m in plan.measures()] == [m.budget for m in expected.measures()]


def test_page_of_the_smolyan_list() -> None:
    """A numbered list written as paragraphs reads as the list shape."""
    document = smolyan_list()
    body = "".join(f"<p>{_e(line)}</p>\n" for line in document.paragraphs)
    plan = _read(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode())
    expected = capcore.read_tables(document.blocks(), source="plan.html")
    assert plan == expected
    assert plan.layout is Layout.LIST

"""Hostile files that readers must refuse or read in bounded time and memory.

Each function returns the bytes of one kind of attack on a reader, built
from a good file where the attack needs one (``xlsx``: a workbook,
``docx``: a Word document, both zip packages):

- :func:`zip_bomb`: a tiny package with one part that inflates enormously;
- :func:`entity_expansion` and :func:`external_entity`: XML that declares
  entities ("billion laughs") or reads a local file (XXE);
- :func:`claimed_dimension`: a sheet whose ``<dimension>`` claims every
  cell Excel allows (1,048,576 rows x 16,384 columns);
- :func:`many_cells_workbook`: a workbook that really holds a huge number of cells;
- :func:`many_merges`: a sheet with thousands of merged ranges;
- :func:`nested_tables_docx` and :func:`nested_tables_html`: tables nested
  inside tables, many levels deep;
- :func:`huge_html_page`: an HTML page of tens of megabytes;
- :data:`IMPOSTORS`: files that are something else, to be named with a
  plan format's extension.
"""

from __future__ import annotations

import re

from capcore.testing.mutations import package_parts, zip_parts

__all__ = [
    "IMPOSTORS",
    "claimed_dimension",
    "entity_expansion",
    "external_entity",
    "html_entity_attack",
    "huge_html_page",
    "many_cells_workbook",
    "many_merges",
    "nested_tables_docx",
    "nested_tables_html",
    "zip_bomb",
]

_MAIN_PART = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml"}
_FIRST_SHEET = "xl/worksheets/sheet1.xml"
_OOXML = b"application/vnd.openxmlformats-"
_SPREADSHEET = _OOXML + b"officedocument.spreadsheetml."
_BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{level} "{(f"&lol{level - 1};" if level > 1 else "&lol;") * 10}">\n'.encode()
        for level in range(1, 10)
    )
    + b"]>\n"
)


def zip_bomb(good: bytes, *, inflated_bytes: int = 64 * 1024 * 1024) -> bytes:
    """Return ``good`` with one more part of ``inflated_bytes`` zeros (a few KB stored)."""
    parts = package_parts(good)
    parts["customXml/bomb.xml"] = b"\0" * inflated_bytes
    return zip_parts(parts)


def entity_expansion(good: bytes, kind: str) -> bytes:
    """Return ``good`` whose main part starts with a billion-laughs entity declaration.

    Args:
        good: A good package.
        kind: ``xlsx`` or ``docx`` (which part is the main one).
    """
    parts = package_parts(good)
    name = _MAIN_PART[kind]
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", parts[name])
    parts[name] = _BILLION_LAUGHS + body.replace(b">", b">&lol9;", 1)
    return zip_parts(parts)


def external_entity(good: bytes, kind: str) -> bytes:
    """Return ``good`` whose main part declares an entity reading ``/etc/passwd`` (XXE)."""
    parts = package_parts(good)
    name = _MAIN_PART[kind]
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", parts[name])
    declaration = (
        b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    )
    parts[name] = declaration + body.replace(b">", b">&xxe;", 1)
    return zip_parts(parts)


def claimed_dimension(good_workbook: bytes) -> bytes:
    """Return the workbook with its first sheet claiming all 1,048,576 x 16,384 cells."""
    parts = package_parts(good_workbook)
    sheet = parts[_FIRST_SHEET]
    claim = b'<dimension ref="A1:XFD1048576"/>'
    if b"<dimension" in sheet:
        sheet = re.sub(rb"<dimension [^>]*/>", claim, sheet, count=1)
    else:
        sheet = re.sub(rb"(<worksheet\b[^>]*>)", rb"\1" + claim, sheet, count=1)
    parts[_FIRST_SHEET] = sheet
    return zip_parts(parts)


def many_merges(good_workbook: bytes, *, count: int = 20_000) -> bytes:
    """Return the workbook with ``count`` more merged ranges on its first sheet."""
    parts = package_parts(good_workbook)
    sheet = parts[_FIRST_SHEET]
    merges = b"".join(
        f'<mergeCell ref="{_column(2 * (i % 5000) + 20)}{1 + i // 5000}:'
        f'{_column(2 * (i % 5000) + 21)}{1 + i // 5000}"/>'.encode()
        for i in range(count)
    )
    if b"<mergeCells" in sheet:
        sheet = re.sub(rb"<mergeCells[^>]*>", b"<mergeCells>" + merges, sheet, count=1)
    else:
        sheet = sheet.replace(
            b"</sheetData>", b"</sheetData><mergeCells>" + merges + b"</mergeCells>"
        )
    parts[_FIRST_SHEET] = sheet
    return zip_parts(parts)


def _column(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def many_cells_workbook(*, rows: int, columns: int) -> bytes:
    """Return a minimal workbook whose one sheet really holds ``rows x columns`` number cells.

    Distinct numbers, so the sheet compresses only as a real one does (no zip-bomb ratio).
    """
    letters = [_column(c) for c in range(1, columns + 1)]
    row_xml = (
        f'<row r="{r}">'
        + "".join(
            f'<c r="{letter}{r}"><v>{r * columns + c}</v></c>' for c, letter in enumerate(letters)
        )
        + "</row>"
        for r in range(1, rows + 1)
    )
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + "".join(row_xml)
        + "</sheetData></worksheet>"
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="rels" ContentType="' + _OOXML + b'package.relationships+xml"/>'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" ContentType="'
            + _SPREADSHEET
            + b'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
            + _SPREADSHEET
            + b'worksheet+xml"/>'
            b"</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Target="xl/workbook.xml" '
            f'Type="{rel}/officeDocument"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Target="worksheets/sheet1.xml" '
            f'Type="{rel}/worksheet"/></Relationships>'
        ).encode(),
        _FIRST_SHEET: sheet.encode(),
    }
    return zip_parts(parts)


def nested_tables_docx(good_document: bytes, *, depth: int) -> bytes:
    """Return the Word document with a table nested ``depth`` levels deep appended to its body."""
    parts = package_parts(good_document)
    opening = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ниво</w:t></w:r></w:p>" * depth
    closing = "<w:p/></w:tc></w:tr></w:tbl>" * depth
    nested = (opening + closing).encode()
    document = parts[_MAIN_PART["docx"]]
    cut = document.rfind(b"<w:sectPr")
    cut = cut if cut >= 0 else document.rfind(b"</w:body>")
    parts[_MAIN_PART["docx"]] = document[:cut] + nested + document[cut:]
    return zip_parts(parts)


def nested_tables_html(*, depth: int) -> bytes:
    """Return an HTML page with a table nested ``depth`` levels deep."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>x</title></head><body>"
        + "<table><tr><td>ниво" * depth
        + "</td></tr></table>" * depth
        + "</body></html>"
    ).encode()


def huge_html_page(*, megabytes: int) -> bytes:
    """Return an HTML page of about ``megabytes`` MB: one table of many Cyrillic rows."""
    row = (
        "<tr><td>1.1.</td><td>Обучение на служителите за работа с новата система</td>"
        "<td>2022</td></tr>"
    )
    rows = megabytes * 1024 * 1024 // len(row.encode())
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>План</title></head><body><table>"
        + row * rows
        + "</table></body></html>"
    ).encode()


def html_entity_attack() -> bytes:
    """Return an HTML page that declares a billion-laughs entity and an external entity."""
    return (
        _BILLION_LAUGHS.replace(b"]>", b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
        + b"<html><body><table><tr><td>&lol9;</td><td>&xxe;</td></tr></table></body></html>"
    )


IMPOSTORS: dict[str, bytes] = {
    "empty": b"",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    + b"\x00\x00\x00\x01" * 2
    + b"\x08\x06\x00\x00\x00",
    "pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    "old binary office": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
    "plain text": "План за подобрение\tмярка\n".encode(),
    "json list": b"[1, 2, 3]",
    "empty zip": b"PK\x05\x06" + b"\0" * 18,
}
"""Files that are something else, by what they are; name them ``plan.xlsx`` and so on."""

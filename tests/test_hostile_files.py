"""capcore.testing.hostile_files builds the attacks it names."""

from __future__ import annotations

import io
import zipfile

import capcore
from capcore.examples import lovech
from capcore.testing import hostile_files

from .conftest import needs_formats


def _xlsx() -> bytes:
    out = io.BytesIO()
    capcore.write(lovech(), out, "xlsx")
    return out.getvalue()


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


@needs_formats("xlsx")
def test_zip_bomb_is_small_stored_and_huge_inflated() -> None:
    """The bomb's part declares 64 MB inflated in a file of well under 1 MB."""
    data = hostile_files.zip_bomb(_xlsx())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo("customXml/bomb.xml")
    assert info.file_size == 64 * 1024 * 1024
    assert len(data) < 1024 * 1024


@needs_formats("xlsx")
def test_entity_attacks_declare_a_document_type() -> None:
    """Billion laughs and XXE put a DOCTYPE with entities in the main part."""
    laughs = _part(hostile_files.entity_expansion(_xlsx(), "xlsx"), "xl/workbook.xml")
    assert b"<!DOCTYPE" in laughs
    assert b"&lol9;" in laughs
    xxe = _part(hostile_files.external_entity(_xlsx(), "xlsx"), "xl/workbook.xml")
    assert b'SYSTEM "file:///etc/passwd"' in xxe


@needs_formats("xlsx")
def test_claimed_dimension_and_merges() -> None:
    """The claim is Excel's whole grid; the merges are as many as asked."""
    claimed = _part(hostile_files.claimed_dimension(_xlsx()), "xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:XFD1048576"/>' in claimed
    merged = _part(hostile_files.many_merges(_xlsx(), count=300), "xl/worksheets/sheet1.xml")
    assert merged.count(b"<mergeCell ") >= 300


def test_many_cells_workbook_holds_that_many_cells() -> None:
    """The workbook really holds rows x columns cells."""
    sheet = _part(hostile_files.many_cells_workbook(rows=7, columns=30), "xl/worksheets/sheet1.xml")
    assert sheet.count(b"<c ") == 7 * 30


def test_nesting_depth() -> None:
    """The nested tables are as deep as asked."""
    page = hostile_files.nested_tables_html(depth=12)
    assert page.count(b"<table>") == 12
    assert hostile_files.huge_html_page(megabytes=1).__len__() > 1000 * 1000

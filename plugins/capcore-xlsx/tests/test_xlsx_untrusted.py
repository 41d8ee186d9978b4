"""Untrusted files are refused with a clear error naming the file, before openpyxl parses them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from xlsx_helpers import open_xlsx, save, xlsx_bytes

import capcore
from capcore import PlanBuilder, PlanFormatError
from capcore.examples import lovech


def rebuilt(data: bytes, replace: dict[str, bytes]) -> bytes:
    """The package with some parts replaced (or added)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, replace.pop(info.filename, source.read(info)))
        for name, content in replace.items():
            target.writestr(name, content)
    return out.getvalue()


def read_path(tmp_path: Path, data: bytes, name: str = "untrusted.xlsx") -> capcore.Plan:
    path = tmp_path / name
    path.write_bytes(data)
    return capcore.read(path)


def small_plan_bytes() -> bytes:
    builder = PlanBuilder("План")
    builder.area("А").measure("М").activity("Д")
    return xlsx_bytes(builder.build())


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    """A sheet part inflating far beyond its stored size is refused from the zip directory."""
    bomb = b"<worksheet>" + b" " * (64 * 1024 * 1024) + b"</worksheet>"
    data = rebuilt(small_plan_bytes(), {"xl/worksheets/sheet1.xml": bomb})
    with pytest.raises(PlanFormatError, match=r"untrusted\.xlsx.*zip bomb"):
        read_path(tmp_path, data)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    """XML with a document type (billion laughs, external entities) is refused."""
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheets/></workbook>"
    )
    data = rebuilt(small_plan_bytes(), {"xl/workbook.xml": laughs})
    with pytest.raises(PlanFormatError, match=r"untrusted\.xlsx: xl/workbook\.xml.*DOCTYPE"):
        read_path(tmp_path, data)


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    """Text named .xlsx is not a workbook."""
    with pytest.raises(PlanFormatError, match=r"untrusted\.xlsx.*not a zip package"):
        read_path(tmp_path, "Мярка;Дейност\n1;2\n".encode())


def test_a_zip_without_a_workbook(tmp_path: Path) -> None:
    """A zip that holds no workbook part says so."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(PlanFormatError, match=r"no xl/workbook\.xml"):
        read_path(tmp_path, out.getvalue())


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    """An encrypted workbook (a compound file) is refused with what to do."""
    encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    with pytest.raises(PlanFormatError, match="password-protected"):
        read_path(tmp_path, encrypted)


def test_broken_xml_is_a_plan_format_error(tmp_path: Path) -> None:
    """A sheet part that is not XML is an error naming the file, not a parser traceback."""
    data = rebuilt(small_plan_bytes(), {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData>"})
    with pytest.raises(PlanFormatError, match=r"untrusted\.xlsx"):
        read_path(tmp_path, data)


def test_a_damaged_hidden_copy_says_how_to_read_the_rest(tmp_path: Path) -> None:
    """A hidden copy that is no longer JSON is reported, with the option that reads the table."""
    workbook = open_xlsx(xlsx_bytes(lovech()))
    workbook["capcore"]["A2"].value = "{not json"
    data = save(workbook)
    with pytest.raises(PlanFormatError, match=r"capcore!A2.*embedded=false"):
        read_path(tmp_path, data)
    plan = capcore.read(io.BytesIO(data), "xlsx", embedded=False)
    assert len(list(plan.activities())) == len(list(lovech().activities()))


def test_a_newer_hidden_copy_asks_for_a_newer_plugin(tmp_path: Path) -> None:
    """A hidden sheet of a later layout version says to install a newer capcore-xlsx."""
    workbook = open_xlsx(xlsx_bytes(lovech()))
    workbook["capcore"]["B1"].value = "99"
    with pytest.raises(PlanFormatError, match="newer capcore-xlsx"):
        read_path(tmp_path, save(workbook))

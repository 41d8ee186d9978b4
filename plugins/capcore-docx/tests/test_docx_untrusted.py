"""Untrusted files: a clear PlanFormatError naming the file, in bounded time and memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx_helpers import docx_bytes

import capcore
from capcore.examples import smolyan


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def _read(tmp_path: Path, data: bytes, name: str = "план.docx") -> None:
    path = tmp_path / name
    path.write_bytes(data)
    capcore.read(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    """A part that inflates to hundreds of megabytes is refused from the zip directory alone."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        package.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024))
    with pytest.raises(capcore.PlanFormatError, match=r"план\.docx.*zip bomb"):
        _read(tmp_path, out.getvalue())


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    """A document part with a DOCTYPE (billion laughs, external entities) is refused."""
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _rezip(docx_bytes(smolyan()), {"word/document.xml": bomb})
    with pytest.raises(capcore.PlanFormatError, match=r"план\.docx: word/document\.xml.*DOCTYPE"):
        _read(tmp_path, data)


def test_not_a_docx_is_refused(tmp_path: Path) -> None:
    """Plain bytes, and a zip without word/document.xml, are not Word documents."""
    with pytest.raises(capcore.PlanFormatError, match=r"план\.docx.*not a zip"):
        _read(tmp_path, b"this is plain text, not a document")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("xl/workbook.xml", b"<workbook/>")
    with pytest.raises(capcore.PlanFormatError, match=r"word/document\.xml"):
        _read(tmp_path, out.getvalue())


def test_password_protected_document_is_refused(tmp_path: Path) -> None:
    """An encrypted Word file (a compound file, not a zip) is refused with a hint."""
    encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096
    with pytest.raises(capcore.PlanFormatError, match=r"план\.docx.*password-protected"):
        _read(tmp_path, encrypted)


def test_broken_document_part_is_a_format_error(tmp_path: Path) -> None:
    """A document part that is not XML is a PlanFormatError naming the file, not an lxml error."""
    data = _rezip(docx_bytes(smolyan()), {"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(capcore.PlanFormatError, match=r"план\.docx"):
        _read(tmp_path, data)


def test_damaged_embedded_plan_is_a_format_error(tmp_path: Path) -> None:
    """capcore's custom XML part holding broken JSON is a PlanFormatError saying where."""
    data = docx_bytes(smolyan())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        name = next(
            n for n in package.namelist()
            if n.startswith("customXml/item") and b"urn:capcore:docx:1" in package.read(n)
            and b"capcore:plan" in package.read(n)
        )  # fmt: skip
    broken = (
        b'<capcore:document xmlns:capcore="urn:capcore:docx:1" layout="list" locale="bg">'
        b"<capcore:plan>{not json</capcore:plan></capcore:document>"
    )
    with pytest.raises(capcore.PlanFormatError, match=r"план\.docx.*custom XML part.*JSON"):
        _read(tmp_path, _rezip(data, {name: broken}))

import io
import zipfile
from pathlib import Path

import pytest

from capcore.errors import PlanFormatError
from capcore.package_guard import (
    DEFAULT_PACKAGE_LIMITS,
    PACKAGE_LIMIT_OPTIONS,
    PackageLimits,
    check_package,
    package_limits,
    read_limited,
)

from .conftest import SHARED

CORPUS = SHARED / "corpus"
_WORKBOOK = "xl/workbook.xml"


def _package(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


_MINIMAL = {"[Content_Types].xml": b"<Types/>", _WORKBOOK: b'<?xml version="1.0"?><workbook/>'}


def _check(data: bytes, **options: object) -> None:
    check_package(
        data, source="plan.xlsx", kind="an Excel workbook", required=[_WORKBOOK], **options
    )


def test_a_sane_package_passes() -> None:
    _check(_package(_MINIMAL))


def test_not_a_zip_is_named() -> None:
    with pytest.raises(
        PlanFormatError, match=r"plan\.xlsx: this is not an Excel workbook: not a zip"
    ):
        _check(b"just some text, saved with the wrong extension")


def test_empty_file_is_not_a_zip() -> None:
    with pytest.raises(PlanFormatError, match="not a zip package"):
        _check(b"")


def test_encrypted_office_file_says_password() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(PlanFormatError, match="password-protected"):
        _check(ole)


def test_missing_required_part() -> None:
    with pytest.raises(PlanFormatError, match=r"has no xl/workbook\.xml"):
        _check(_package({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}))


def test_zip_bomb_by_ratio_with_default_limits() -> None:
    # 4 MiB of zeros deflate to about 4 KB: a ratio near 1000.
    bomb = _package({**_MINIMAL, "xl/sharedStrings.xml": bytes(4 * 1024 * 1024)})
    assert len(bomb) < 20_000
    with pytest.raises(PlanFormatError, match=r"xl/sharedStrings\.xml: the part inflates .* times"):
        _check(bomb)


def test_part_size_limit() -> None:
    part = bytes(range(256)) * 8192  # 2 MiB that barely compress
    with pytest.raises(PlanFormatError, match="more than the limit of 1,000,000"):
        _check(
            _package({**_MINIMAL, "xl/big.bin": part}),
            limits=PackageLimits(max_part_bytes=1_000_000),
        )


def test_total_size_limit() -> None:
    parts = {f"xl/part{i}.bin": bytes(range(256)) * 100 for i in range(5)}
    with pytest.raises(PlanFormatError, match="in all"):
        _check(_package({**_MINIMAL, **parts}), limits=PackageLimits(max_total_bytes=100_000))


def test_part_count_limit() -> None:
    parts = {f"xl/p{i}.xml": b"<a/>" for i in range(20)}
    with pytest.raises(PlanFormatError, match="parts, more than 10"):
        _check(_package({**_MINIMAL, **parts}), limits=PackageLimits(max_parts=10))


def test_file_size_limit() -> None:
    with pytest.raises(PlanFormatError, match="bytes, more than the limit"):
        _check(_package(_MINIMAL), limits=PackageLimits(max_file_bytes=10))


_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<workbook>&lol2;</workbook>"""
_EXTERNAL = (
    b"""<?xml version="1.0"?><!doctype r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"""
)


@pytest.mark.parametrize("xml", [_LAUGHS, _EXTERNAL, "\ufeff<!DOCTYPE x><x/>".encode("utf-16")])
def test_document_type_declarations_are_refused(xml: bytes) -> None:
    with pytest.raises(
        PlanFormatError, match=r"xl/workbook\.xml: the XML declares a document type"
    ):
        _check(_package({"[Content_Types].xml": b"<Types/>", _WORKBOOK: xml}))


def test_read_limited() -> None:
    assert read_limited(io.BytesIO(b"12345"), source="p.html", limit=5) == b"12345"
    with pytest.raises(
        PlanFormatError, match=r"p\.html: the file is larger than the limit of 4 bytes"
    ):
        read_limited(io.BytesIO(b"12345"), source="p.html", limit=4)


def _corpus(kind: str) -> list[Path]:
    return sorted((CORPUS / kind).glob("*.xls[xm]" if kind == "xlsx" else "*.docx"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_office_made_files_pass() -> None:
    broken = {"reader_tests_data_null_file.xlsx", "tests_data_reader_null_archive.xlsx"}
    checked = 0
    for path in _corpus("xlsx"):
        data = path.read_bytes()
        if path.name in broken:
            with pytest.raises(PlanFormatError):
                _check(data)
            continue
        _check(data)
        checked += 1
    for path in _corpus("docx"):
        check_package(
            path.read_bytes(),
            source=path.name,
            kind="a Word document",
            required=["word/document.xml"],
        )
        checked += 1
    assert checked > 40


def test_damaged_deflate_data_is_a_format_error() -> None:
    """A part whose compressed bytes are garbage (zlib.error) is named, not raised raw."""
    xml = b'<?xml version="1.0"?><workbook>' + b"<sheet/>" * 200 + b"</workbook>"
    data = _package({**_MINIMAL, _WORKBOOK: xml})
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(_WORKBOOK)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = data[:start] + b"\xff" * 16 + data[start + 16 :]
    with pytest.raises(
        PlanFormatError, match=r"plan\.xlsx: xl/workbook\.xml: the part cannot be read"
    ):
        _check(damaged)


def test_a_zip_version_zipfile_cannot_read_is_a_format_error() -> None:
    """A directory asking for zip version 8.5 (NotImplementedError) is not a zip package to us."""
    data = bytearray(_package(_MINIMAL))
    directory = data.find(b"PK\x01\x02")
    data[directory + 6 : directory + 8] = (85).to_bytes(2, "little")
    with pytest.raises(PlanFormatError, match="not a zip package"):
        _check(bytes(data))


def test_package_limits_change_only_what_is_given() -> None:
    limits = package_limits(max_total_bytes=2048, max_file_bytes=None)
    assert limits.max_total_bytes == 2048
    assert limits.max_file_bytes == DEFAULT_PACKAGE_LIMITS.max_file_bytes
    assert package_limits() == DEFAULT_PACKAGE_LIMITS
    with pytest.raises(ValueError, match="max_part_bytes must be a positive number"):
        package_limits(max_part_bytes=0)


def test_limit_options_are_the_keywords_of_package_limits() -> None:
    """Every option a plugin offers is a keyword package_limits takes, with its default."""
    for option in PACKAGE_LIMIT_OPTIONS:
        assert getattr(DEFAULT_PACKAGE_LIMITS, option.name) == option.default
        package_limits(**{option.name: 1})

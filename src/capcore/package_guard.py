"""Checks on an Office file (a zip package) before any library parses it.

Neither openpyxl nor python-docx limits what a file may inflate to: a
workbook of a few hundred kilobytes can hold millions of cells and run for
minutes in gigabytes of memory. And python-docx silently drops the text of
XML entities, while the Office Open XML packaging rules forbid document
type declarations altogether. So the Excel and Word readers call
:func:`check_package` first; it reads only the zip directory and the first
bytes of each XML part, and refuses, with a :class:`~capcore.PlanFormatError`
that names the file and what is wrong:

- a file that is not a zip package (with a hint when it is an encrypted,
  password-protected Office file or an old binary ``.xls``/``.doc``);
- a package missing the part its format needs;
- too many parts, a part or a total that inflates beyond the limits, or a
  part that inflates more than :attr:`PackageLimits.max_ratio` times its
  compressed size once it is large (zip bombs);
- an XML part that declares a document type (entity expansion, external
  entities).

Python's :mod:`zipfile` never inflates more than the size the zip
directory declares (a forged size fails its CRC check), so checking the
directory is enough to bound what the format library will inflate.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable
from typing import IO

import attrs

from capcore.errors import PlanFormatError
from capcore.formats import OptionKind, OptionSpec

__all__ = [
    "DEFAULT_PACKAGE_LIMITS",
    "PACKAGE_LIMIT_OPTIONS",
    "PackageLimits",
    "check_package",
    "package_limits",
    "read_limited",
]

_MIB = 1024 * 1024
# The compound-file signature: Office writes encrypted OOXML and the old
# binary formats in this container, never in a zip.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A document type declaration sits in the prolog, before the root element;
# the prolog of a real part is far shorter than this.
_PROLOG_BYTES = 4096


@attrs.frozen
class PackageLimits:
    """How large an Office package may be before a reader refuses it.

    The defaults are far above any real improvement plan (a 10,000-activity
    workbook inflates to about 20 MB) and far below what exhausts a machine.

    Attributes:
        max_file_bytes: The largest file, as stored.
        max_parts: The most parts (zip entries).
        max_part_bytes: The largest inflated part.
        max_total_bytes: The largest sum of inflated parts.
        max_ratio: The largest inflate ratio of a part ...
        ratio_applies_from: ... once it inflates to more than this many bytes
            (small parts such as styles compress far better than 100:1).
    """

    max_file_bytes: int = 100 * _MIB
    max_parts: int = 10_000
    max_part_bytes: int = 256 * _MIB
    max_total_bytes: int = 512 * _MIB
    max_ratio: int = 100
    ratio_applies_from: int = _MIB


DEFAULT_PACKAGE_LIMITS = PackageLimits()
"""The limits readers use unless a caller passes others."""

PACKAGE_LIMIT_OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec(
        "max_file_bytes",
        OptionKind.INTEGER,
        default=DEFAULT_PACKAGE_LIMITS.max_file_bytes,
        help="refuse a file larger than this many bytes as stored",
    ),
    OptionSpec(
        "max_part_bytes",
        OptionKind.INTEGER,
        default=DEFAULT_PACKAGE_LIMITS.max_part_bytes,
        help="refuse a package with a part that inflates to more bytes than this",
    ),
    OptionSpec(
        "max_total_bytes",
        OptionKind.INTEGER,
        default=DEFAULT_PACKAGE_LIMITS.max_total_bytes,
        help="refuse a package whose parts inflate to more bytes than this together",
    ),
)
"""The read options an Office-package reader offers to change its :class:`PackageLimits`.

A plugin adds them to its ``read_options`` and passes what it receives to
:func:`package_limits`, so that a caller can write
``capcore.read(path, max_total_bytes=2 * 1024**3)`` (or ``--option`` on the
command line) for an unusually large file, or lower the limits for a service
that reads untrusted uploads.
"""


def package_limits(
    *,
    max_file_bytes: int | None = None,
    max_part_bytes: int | None = None,
    max_total_bytes: int | None = None,
) -> PackageLimits:
    """Return :data:`DEFAULT_PACKAGE_LIMITS` with the limits a caller gave (None keeps a default).

    Raises:
        ValueError: A limit is not a positive number.
    """
    given = {
        "max_file_bytes": max_file_bytes,
        "max_part_bytes": max_part_bytes,
        "max_total_bytes": max_total_bytes,
    }
    changed = {name: value for name, value in given.items() if value is not None}
    for name, value in changed.items():
        if value < 1:
            message = f"{name} must be a positive number of bytes, got {value}"
            raise ValueError(message)
    return attrs.evolve(DEFAULT_PACKAGE_LIMITS, **changed)


def check_package(
    data: bytes,
    *,
    source: str,
    kind: str,
    required: Iterable[str] = (),
    limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
) -> None:
    """Refuse ``data`` unless it is a sane zip package holding ``required``.

    Args:
        data: The whole file.
        source: The file's name, for messages.
        kind: What the file should be, for messages (``an Excel workbook``).
        required: Part names the format needs (``xl/workbook.xml``).
        limits: The size limits.

    Raises:
        PlanFormatError: The file is not such a package or breaks a limit.
    """
    if len(data) > limits.max_file_bytes:
        raise PlanFormatError(
            source,
            "",
            f"the file has {len(data):,} bytes, more than the limit of "
            f"{limits.max_file_bytes:,} for {kind}",
        )
    if data.startswith(_OLE_SIGNATURE):
        raise PlanFormatError(
            source,
            "",
            f"this is not {kind} in Office Open XML form: it is password-protected "
            "(encrypted) or an old binary Office file; remove the password or save "
            "it as .xlsx/.docx and try again",
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as error:
        # NotImplementedError: a directory asking for a zip version or feature zipfile lacks.
        raise PlanFormatError(
            source, "", f"this is not {kind}: not a zip package ({error})"
        ) from error
    with package:
        _check_directory(package, source=source, kind=kind, required=required, limits=limits)
        for info in package.infolist():
            if info.filename.endswith((".xml", ".rels", ".vml")):
                _check_prolog(package, info, source=source)


def _check_directory(
    package: zipfile.ZipFile,
    *,
    source: str,
    kind: str,
    required: Iterable[str],
    limits: PackageLimits,
) -> None:
    infos = package.infolist()
    if len(infos) > limits.max_parts:
        raise PlanFormatError(
            source, "", f"the package has {len(infos):,} parts, more than {limits.max_parts:,}"
        )
    names = {info.filename for info in infos}
    missing = [name for name in required if name not in names]
    if missing:
        raise PlanFormatError(
            source, "", f"this is not {kind}: the package has no {', '.join(missing)}"
        )
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > limits.max_part_bytes:
            raise PlanFormatError(
                source,
                info.filename,
                f"the part inflates to {size:,} bytes, more than the limit of "
                f"{limits.max_part_bytes:,} (a zip bomb?)",
            )
        ratio = size / max(info.compress_size, 1)
        if size > limits.ratio_applies_from and ratio > limits.max_ratio:
            raise PlanFormatError(
                source,
                info.filename,
                f"the part inflates {ratio:,.0f} times its stored size, more than "
                f"{limits.max_ratio} (a zip bomb?)",
            )
    if total > limits.max_total_bytes:
        raise PlanFormatError(
            source,
            "",
            f"the parts inflate to {total:,} bytes in all, more than the limit of "
            f"{limits.max_total_bytes:,} (a zip bomb?)",
        )


def _check_prolog(package: zipfile.ZipFile, info: zipfile.ZipInfo, *, source: str) -> None:
    try:
        with package.open(info) as part:
            head = part.read(_PROLOG_BYTES)
    except (
        zipfile.BadZipFile,
        zlib.error,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        # RuntimeError: an encrypted entry; NotImplementedError: an unknown compression;
        # zlib.error: damaged deflate data; ValueError: an entry's offset outside the file.
        raise PlanFormatError(
            source, info.filename, f"the part cannot be read ({error})"
        ) from error
    if _declares_doctype(head):
        raise PlanFormatError(
            source,
            info.filename,
            "the XML declares a document type (<!DOCTYPE>), which Office files never "
            "do; refused, since its entities could expand without bound or read other files",
        )


def _declares_doctype(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore")
    return "<!DOCTYPE" in text.upper()


def read_limited(stream: IO[bytes], *, source: str, limit: int) -> bytes:
    """Return all of ``stream``, refusing a stream longer than ``limit`` bytes.

    Raises:
        PlanFormatError: The stream holds more than ``limit`` bytes.
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise PlanFormatError(source, "", f"the file is larger than the limit of {limit:,} bytes")
    return data

"""The docx reader: capcore's own documents, and the ones administrations have.

The file is untrusted until proven otherwise: :func:`capcore.check_package`
sees every byte before any XML parser does (zip bombs, entity declarations,
password-protected or old binary files, not a zip at all), and whatever
zipfile or lxml raise on a damaged file becomes a
:class:`capcore.PlanFormatError` naming the file.

A document with capcore's custom XML part is read from it, with what a
person edited in the visible text applied (:mod:`capcore_docx.own`); any
other Word document is read by the table readers of the core from its
paragraphs and tables (:mod:`capcore_docx.foreign`). Reading opens the zip
and parses the parts it needs with lxml (:mod:`capcore_docx.package`);
python-docx, which parses every part of a package, is used for writing.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from typing import BinaryIO

from lxml import etree

from capcore import Plan, PlanFormatError, check_package, package_limits, read_limited
from capcore_docx.embedded import document_digest, find_embedded
from capcore_docx.foreign import read_foreign
from capcore_docx.own import read_own
from capcore_docx.package import WordPackage

__all__ = ["read"]

_KIND = "a Word document (.docx)"
_DOCUMENT_PART = "word/document.xml"
# What zipfile and lxml raise on a package that passed the checks but is
# damaged inside (a part that is not XML, a missing relationship target, a
# member whose data fails its CRC).
_LIBRARY_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    etree.LxmlError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    EOFError,
    OSError,
    NotImplementedError,
)


def read(  # noqa: PLR0913 - the reader's keyword options
    stream: BinaryIO,
    /,
    *,
    name: str,
    layout: str | None = None,
    locale: str | None = None,
    as_of: dt.date | None = None,
    max_file_bytes: int | None = None,
    max_part_bytes: int | None = None,
    max_total_bytes: int | None = None,
) -> Plan:
    """Read a plan from a .docx stream (the format's reader).

    Args:
        stream: The binary stream capcore opened.
        name: The file name, for messages.
        layout: For a document capcore did not write: the shape to read
            (``matrix``, ``cards``, ``list``); by default it is detected.
        locale: For such a document: ``bg`` or ``en``; by default the
            language of its headers and labels.
        as_of: For such a document: the date its status and percent
            columns speak for; without it they are kept and reported.
        max_file_bytes: The package limits (:func:`capcore.package_limits`);
            None keeps :data:`capcore.DEFAULT_PACKAGE_LIMITS`.
        max_part_bytes: See ``max_file_bytes``.
        max_total_bytes: See ``max_file_bytes``.

    Returns:
        The plan, with :attr:`capcore.Plan.import_notes` saying what could
        not be placed (kept in ``extra``) or what a person edited.

    Raises:
        PlanFormatError: The file is not a readable Word document, breaks a
            size limit, or is damaged; the message names the file.
    """
    limits = package_limits(
        max_file_bytes=max_file_bytes,
        max_part_bytes=max_part_bytes,
        max_total_bytes=max_total_bytes,
    )
    data = read_limited(stream, source=name, limit=limits.max_file_bytes)
    check_package(data, source=name, kind=_KIND, required=[_DOCUMENT_PART], limits=limits)
    package = _open(data, name)
    try:
        embedded = find_embedded(package, name)
        unchanged = embedded is not None and embedded.document_digest == document_digest(
            package.document_xml
        )
        if not unchanged:
            # Parsed here, not on first use, so that a part that is not XML
            # is reported as an unreadable document, as it always was.
            _parse_document(package, name)
        if embedded is not None:
            return read_own(package, embedded, name, unchanged=unchanged)
        return read_foreign(package, name, layout=layout, locale=locale, as_of=as_of)
    except PlanFormatError:
        raise
    except _LIBRARY_ERRORS as error:
        raise PlanFormatError(
            name, "", f"the document is damaged ({type(error).__name__}: {error})"
        ) from error


def _parse_document(package: WordPackage, name: str) -> None:
    try:
        package.body  # noqa: B018 - parses the main document part
    except _LIBRARY_ERRORS as error:
        raise PlanFormatError(
            name, "", f"not a readable {_KIND} ({type(error).__name__}: {error})"
        ) from error


def _open(data: bytes, name: str) -> WordPackage:
    try:
        return WordPackage(data)
    except _LIBRARY_ERRORS as error:
        raise PlanFormatError(
            name, "", f"not a readable {_KIND} ({type(error).__name__}: {error})"
        ) from error

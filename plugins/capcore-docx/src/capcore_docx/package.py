"""A Word package opened for reading: the parts a reader needs, parsed with lxml.

python-docx parses every part of a package when it opens one (styles,
theme, settings), which costs as much as reading a 2,000-row table. Reading
needs only the main document, its numbering and styles (for automatic list
numbers) and its custom XML parts, so this opens the zip, follows the
relationships to those parts, and parses each with a parser that resolves
no entities and fetches nothing (:func:`capcore.check_package` has already
refused document type declarations and zip bombs). The main document part
is parsed when first asked for: a document capcore wrote and nobody edited
is read from its embedded plan without it (:mod:`capcore_docx.own`).
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from capcore_docx.ooxml import Element, w

__all__ = ["WordPackage"]

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NUMBERING, _STYLES, _CUSTOM_XML = (_TYPES + t for t in ("numbering", "styles", "customXml"))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class WordPackage:
    """The parts of a .docx that the readers use.

    Raises (from the constructor): ``zipfile.BadZipFile``, ``KeyError``,
    ``lxml.etree.XMLSyntaxError`` and the like on a damaged package; the
    reader turns them into a :class:`capcore.PlanFormatError`.
    """

    def __init__(self, data: bytes) -> None:
        """Open the package and read its main document part (parsed on first use)."""
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self.document_part = self._main_part()
        self.document_xml: bytes = self._zip.read(self.document_part)
        """The main document part's bytes, as stored."""
        self._document_rels = list(self._relationships(self.document_part))

    @functools.cached_property
    def document(self) -> Element:
        """The main document part (``w:document``), parsed on first use.

        Raises:
            lxml.etree.XMLSyntaxError: The part is not well-formed XML.
        """
        return etree.fromstring(self.document_xml, _parser())

    @functools.cached_property
    def body(self) -> Element:
        """The main document's ``w:body`` (an empty one if it has none)."""
        body = self.document.find(w("body"))
        return body if body is not None else etree.SubElement(self.document, w("body"))

    def _main_part(self) -> str:
        for kind, target in self._relationships(""):
            if kind == _OFFICE_DOCUMENT:
                return target
        return "word/document.xml"

    def _parse(self, name: str) -> Element:
        return etree.fromstring(self._zip.read(name), _parser())

    def _relationships(self, part: str) -> Iterator[tuple[str, str]]:
        folder, file = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{file}.rels")
        if rels not in self._zip.namelist():
            return
        for rel in self._parse(rels).iterchildren(f"{{{_RELS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            yield rel.get("Type", ""), posixpath.normpath(path)

    def _related(self, kind: str) -> Iterator[str]:
        return (target for rel_kind, target in self._document_rels if rel_kind == kind)

    def part(self, kind: str) -> Element | None:
        """Return the first part of the main document with relationship ``kind`` (a URI), parsed."""
        for target in self._related(kind):
            if target in self._zip.namelist():
                return self._parse(target)
        return None

    @property
    def numbering(self) -> Element | None:
        """The numbering definitions part (``w:numbering``), if any."""
        return self.part(_NUMBERING)

    @property
    def styles(self) -> Element | None:
        """The styles part (``w:styles``), if any."""
        return self.part(_STYLES)

    def custom_xml(self) -> Iterator[bytes]:
        """Yield the bytes of each custom XML part of the main document."""
        names = set(self._zip.namelist())
        for target in self._related(_CUSTOM_XML):
            if target in names:
                yield self._zip.read(target)

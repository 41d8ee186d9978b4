"""The plan inside its Word document: a custom XML part with the canonical JSON.

Every document capcore writes carries one custom XML part (the place
Office keeps an application's data, preserved by Word and LibreOffice when
they save) whose root is ``<capcore:document>`` in capcore's namespace::

    <capcore:document xmlns:capcore="urn:capcore:docx:1" layout="matrix" locale="bg"
                      document-digest="<digest of word/document.xml>">
      <capcore:plan>{"schema_version":1,"title":"...", ...}</capcore:plan>
      <capcore:shown>[[0,[[-1,"<plan id>","title","","<digest>"]]],
                      [9,[[0,"<measure id>","title","1.1. ","<digest>"], ...]], ...]</capcore:shown>
    </capcore:document>

The plan is capcore's canonical JSON form (:func:`capcore.to_dict`, the
data :func:`capcore.dumps` writes) without the indentation, which only
people read and which makes Python's JSON encoder several times slower. It
keeps everything the layout does not show (ids, progress history,
indicators, budgets' readings, extra data). ``shown`` is a JSON list whose
item ``n`` says what bookmark ``_capcore_n`` in the body marks: the number
of cells of its table row (0 for a paragraph), then for each field shown
there the cell (-1 for the paragraph itself), the entity's id, the field,
the words in front of the value, and the value's hash
(:mod:`capcore_docx.shown`). JSON may hold characters XML cannot
(U+FFFE), so both texts are escaped with :func:`capcore.escape_xml_text`.

``document-digest`` is :func:`document_digest` of the main document part's
bytes as written. A reader whose document part still has exactly those
bytes knows no visible text was edited and takes the plan as embedded,
without reading the shown fields one by one; any edit (Word and
LibreOffice rewrite the whole part when they save) gives other bytes and
the full check. Documents written before it have no digest and always get
the full check.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid

import attrs
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from capcore import Plan, PlanFormatError, escape_xml_text, to_dict, unescape_xml_text
from capcore_docx.package import WordPackage
from capcore_docx.shown import Shown

__all__ = ["NAMESPACE", "Embedded", "document_digest", "embed", "find_embedded", "plan_json"]

NAMESPACE = "urn:capcore:docx:1"
"""The namespace of capcore's custom XML part."""

_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_ITEM_CONTENT_TYPE = "application/xml"
_PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"


_ENTRY_LENGTH = 5


def _c(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


@attrs.frozen
class Embedded:
    """What capcore's custom XML part holds.

    Attributes:
        plan_json: The plan's canonical JSON form, as text.
        layout: The layout the document was written in.
        locale: The labels' language.
        shown_json: The map of which bookmark shows which field, as stored
            (JSON text); :attr:`shown` reads it.
        source: The file's name, for messages.
        document_digest: :func:`document_digest` of the main document part
            as written; empty for documents written without it.
    """

    plan_json: str
    layout: str
    locale: str
    shown_json: str
    source: str
    document_digest: str = ""

    @functools.cached_property
    def shown(self) -> tuple[Shown, ...]:
        """Which bookmark shows which field, read on first use.

        A document nobody edited is read without it, and it holds an entry
        per shown field (tens of thousands in a large plan).

        Raises:
            PlanFormatError: The map is not of the stored form.
        """
        return _shown(self.shown_json, self.source)


def document_digest(document_xml: bytes) -> str:
    """Return the digest by which a main document part is recognised as unchanged."""
    return hashlib.blake2b(document_xml, digest_size=16).hexdigest()


def plan_json(plan: Plan) -> str:
    """Return the plan's canonical JSON form as compact text."""
    return json.dumps(to_dict(plan), ensure_ascii=False, separators=(",", ":"))


def embed(
    document: Document, plan_json: str, layout: str, locale: str, shown: list[list[object]]
) -> None:
    """Add capcore's custom XML part (and its properties part) to a document being written.

    Call it when the body is complete: the part records the digest of the
    main document part as it is then (:func:`document_digest`).

    Args:
        document: The document.
        plan_json: The plan's JSON form (:func:`plan_json`).
        layout: The layout written.
        locale: The labels' language.
        shown: What each bookmark shows (:meth:`capcore_docx.shown.Anchors.as_data`).
    """
    # document.part.blob is the main part's XML exactly as python-docx saves it.
    digest = document_digest(document.part.blob)
    root = etree.Element(
        _c("document"),
        {"layout": layout, "locale": locale, "document-digest": digest},
        nsmap={"capcore": NAMESPACE},
    )
    etree.SubElement(root, _c("plan")).text = escape_xml_text(plan_json)
    text = json.dumps(shown, ensure_ascii=False, separators=(",", ":"))
    etree.SubElement(root, _c("shown")).text = escape_xml_text(text)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    part = Part(PackURI(package.next_partname("/customXml/item%d.xml")), _ITEM_CONTENT_TYPE, blob)
    document.part.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_XML)
    part.relate_to(_properties_part(package.next_partname), RELATIONSHIP_TYPE.CUSTOM_XML_PROPS)


def _properties_part(next_partname: object) -> Part:
    # Word identifies a custom XML part by the GUID in its properties part.
    root = etree.Element(
        f"{{{_DS}}}datastoreItem", {f"{{{_DS}}}itemID": f"{{{uuid.uuid4()}}}".upper()}
    )
    refs = etree.SubElement(root, f"{{{_DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DS}}}schemaRef", {f"{{{_DS}}}uri": NAMESPACE})
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=False)
    partname = next_partname("/customXml/itemProps%d.xml")  # type: ignore[operator]
    return Part(PackURI(partname), _PROPS_CONTENT_TYPE, blob)


def find_embedded(package: WordPackage, source: str) -> Embedded | None:
    """Return capcore's custom XML part of ``package``, or None for any other document.

    Raises:
        PlanFormatError: The part is there but damaged.
    """
    for blob in package.custom_xml():
        if NAMESPACE.encode() in blob:
            return _parse(blob, source)
    return None


def _parse(blob: bytes, source: str) -> Embedded:
    where = "capcore's custom XML part"
    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise PlanFormatError(source, where, f"not well-formed XML ({error})") from error
    plan = root.find(_c("plan"))
    if root.tag != _c("document") or plan is None:
        raise PlanFormatError(source, where, "expected <capcore:document> with <capcore:plan>")
    shown = root.find(_c("shown"))
    return Embedded(
        unescape_xml_text(plan.text or ""),
        root.get("layout", ""),
        root.get("locale", "bg"),
        unescape_xml_text(shown.text or "[]") if shown is not None else "[]",
        source,
        root.get("document-digest", ""),
    )


def _shown(text: str, source: str) -> tuple[Shown, ...]:
    where = "capcore's custom XML part, <capcore:shown>"
    try:
        anchors = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFormatError(source, where, f"not valid JSON: {error.msg}") from None
    if not isinstance(anchors, list):
        raise PlanFormatError(source, where, "expected a JSON list")
    shown: list[Shown] = []
    for anchor, item in enumerate(anchors):
        fields = _anchor_fields(anchor, item)
        if fields is None:
            raise PlanFormatError(
                source,
                f"{where}, item {anchor}",
                "expected [cells, [[cell, entity, field, prefix, digest], ...]]",
            )
        shown += fields
    return tuple(shown)


def _anchor_fields(anchor: int, item: object) -> list[Shown] | None:
    """Return the fields one bookmark shows, or None when ``item`` is not of the stored form."""
    if not (isinstance(item, list) and len(item) == 2):  # [cells, entries]
        return None
    cells, entries = item
    if type(cells) is not int or not isinstance(entries, list):
        return None
    fields = []
    for entry in entries:
        # Checked inline, not with all() over a generator: a large plan has
        # tens of thousands of entries, and this was a third of reading it.
        if type(entry) is not list or len(entry) != _ENTRY_LENGTH:
            return None
        cell, entity, field, prefix, digest = entry
        if not (
            type(cell) is int
            and type(entity) is str
            and type(field) is str
            and type(prefix) is str
            and type(digest) is str
        ):
            return None
        fields.append(Shown(anchor, cell, cells, entity, field, prefix, digest))
    return fields

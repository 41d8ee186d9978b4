"""Helpers shared by the docx tests: write a plan, open the result, read table text."""

from __future__ import annotations

import io

import docx
from docx.document import Document
from lxml import etree

import capcore
from capcore import Plan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def docx_bytes(plan: Plan, **options: object) -> bytes:
    out = io.BytesIO()
    capcore.write(plan, out, format="docx", **options)
    return out.getvalue()


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def read_docx(data: bytes) -> Plan:
    return capcore.read(io.BytesIO(data), "docx")


def save(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def text_of(element: etree._Element) -> str:
    """The text of a paragraph or cell as Word shows it (breaks as newlines)."""
    parts = []
    for node in element.iter(w("t"), w("br"), w("p")):
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag == w("br") or parts:
            parts.append("\n")
    return "".join(parts).strip("\n")


def table_rows(document: Document, index: int = 0) -> list[list[etree._Element]]:
    """The w:tc elements of each row of a body table."""
    tables = document.element.body.findall(w("tbl"))
    return [tr.findall(w("tc")) for tr in tables[index].findall(w("tr"))]


def body_paragraph_texts(document: Document) -> list[str]:
    return [text_of(p) for p in document.element.body.findall(w("p"))]


def set_text(element: etree._Element, text: str) -> None:
    """Replace the text of a paragraph or cell the way a person retyping it does."""
    texts = list(element.iter(w("t")))
    for node in texts[1:]:
        node.getparent().remove(node)
    for node in list(element.iter(w("br"))):
        node.getparent().remove(node)
    if texts:
        texts[0].text = text
    else:
        p = element if element.tag == w("p") else element.find(w("p"))
        run = etree.SubElement(p, w("r"))
        etree.SubElement(run, w("t")).text = text

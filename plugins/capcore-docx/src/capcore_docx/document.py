"""The document a layout writes into: capcore's defaults, or a user's own template.

Without a template the document is A4 with 2 cm margins (1.5 cm in
landscape) in Times New Roman 11 pt, as Bulgarian administrations write.
With a template (``template="our-letterhead.docx"``) the document is that
file with its body emptied: its styles, fonts, page size and margins,
headers and footers (and the logo in them) stay, and the layouts use only
direct formatting, so they need none of its styles. The matrix layout turns
the page to landscape in either case.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from lxml import etree

from capcore import CapcoreError, PlanFormatError, check_package
from capcore_docx.ooxml import W, w

__all__ = ["TABLE_STYLE", "TemplateError", "body_of", "new_document"]

TABLE_STYLE = "CapcoreTable"
"""The id of the table style every document gets: 9 pt text, no spacing, thin borders."""

_TABLE_STYLE_XML = f"""<w:style xmlns:w="{W}" w:type="table" w:customStyle="1"
 w:styleId="{TABLE_STYLE}"><w:name w:val="Capcore Table"/><w:uiPriority w:val="59"/><w:qFormat/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
<w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
</w:tblBorders><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/>
</w:tblCellMar></w:tblPr></w:style>"""

_A4 = (Cm(21), Cm(29.7))
_LIBRARY_ERRORS = (KeyError, ValueError, TypeError, AttributeError, etree.LxmlError)


class TemplateError(CapcoreError):
    """A style template that cannot be used: missing, not a Word document, or damaged."""


def new_document(template: str | None, *, landscape: bool) -> Document:
    """Return a document with an empty body, ready for a layout.

    Args:
        template: The path of a .docx whose styles, page setup, headers and
            footers to take; None for capcore's defaults.
        landscape: Turn the page to landscape (the matrix layout).

    Raises:
        TemplateError: The template cannot be read or is not a Word document.
    """
    if template is None:
        document = docx.Document()
        _default_look(document)
    else:
        document = _open_template(template)
    body = document.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    _add_table_style(document)
    section = document.sections[-1]
    width, height = section.page_width, section.page_height
    if landscape and width is not None and height is not None and width < height:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
        if template is None:
            section.left_margin = section.right_margin = Cm(1.5)
    return document


def _default_look(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = _A4
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    _default_font(document)


def _open_template(template: str) -> Document:
    path = Path(template)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TemplateError(f"template {template}: cannot read: {error.strerror}") from None
    try:
        check_package(data, source=template, kind="a Word document", required=["word/document.xml"])
        return docx.Document(io.BytesIO(data))
    except PlanFormatError as error:
        raise TemplateError(f"template {error}") from None
    except _LIBRARY_ERRORS as error:
        raise TemplateError(
            f"template {template}: not a usable Word document ({type(error).__name__}: {error})"
        ) from None


def _add_table_style(document: Document) -> None:
    # One table style for every table's text (9 pt, no spacing), instead of a
    # size and spacing on every cell's paragraph: half the elements in a big
    # table, and a person can restyle every table at once.
    styles = document.styles.element
    if any(style.get(w("styleId")) == TABLE_STYLE for style in styles.iterchildren(w("style"))):
        return
    styles.append(etree.fromstring(_TABLE_STYLE_XML))


def _default_font(document: Document) -> None:
    # Times New Roman 11 pt as the document default, not in "Normal": a
    # table style's size then applies in tables (Word lets a paragraph
    # style's size override a table style's).
    styles = document.styles.element
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.SubElement(styles, w("docDefaults"))
        styles.insert(0, defaults)
    run_default = defaults.find(w("rPrDefault"))
    if run_default is None:
        run_default = etree.SubElement(defaults, w("rPrDefault"))
        defaults.insert(0, run_default)
    properties = run_default.find(w("rPr"))
    if properties is None:
        properties = etree.SubElement(run_default, w("rPr"))
    for name in ("rFonts", "sz", "szCs"):
        for old in properties.findall(w(name)):
            properties.remove(old)
    fonts = {w(side): "Times New Roman" for side in ("ascii", "hAnsi", "cs", "eastAsia")}
    properties.insert(0, etree.Element(w("rFonts"), fonts))
    etree.SubElement(properties, w("sz"), {w("val"): "22"})
    etree.SubElement(properties, w("szCs"), {w("val"): "22"})
    normal = document.styles["Normal"].element
    normal_run = normal.find(w("rPr"))
    if normal_run is not None:
        normal.remove(normal_run)


def body_of(document: Document) -> tuple[etree._Element, etree._Element | None]:
    """Return the document's body and its final section properties, taken out of it.

    Layouts append to the body; put the section properties back at the end
    with ``body.append(section)`` when they are done.
    """
    body = document.element.body
    last = body[-1] if len(body) else None
    if last is not None and last.tag == w("sectPr"):
        body.remove(last)
        return body, last
    return body, None

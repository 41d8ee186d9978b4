"""What the html tests share: pages of plans, a plan full of script injections."""

from __future__ import annotations

import io

from lxml import etree, html

import capcore
from capcore import Plan
from capcore.testing.payloads import payload_plan

XSS_PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "javascript:alert(1)",
    " JaVa\tScRiPt:alert(1)",
    "<!--<script>alert(1)//-->",
    "</style><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    "]]></title><script>alert(1)</script>",
)
"""Script injections, each of which must show as text and never run."""


def page_bytes(plan: Plan, **options: object) -> bytes:
    """Return the page capcore-html writes for ``plan``."""
    out = io.BytesIO()
    capcore.write(plan, out, format="html", **options)
    return out.getvalue()


def parse_page(data: bytes) -> html.HtmlElement:
    """Return the page parsed by a real HTML parser (lxml)."""
    return html.document_fromstring(data, parser=html.HTMLParser(encoding="utf-8"))


def xss_plan() -> Plan:
    """Return a plan with a script injection in every text field a page can show."""
    return payload_plan(XSS_PAYLOADS, links=("javascript:alert(1)",))


def element_text(element: etree._Element) -> str:
    """Return the text an element shows, white space as one space."""
    return " ".join("".join(element.itertext()).split())

"""No code runs from data: no formula, no script, no macro, no external link, no unsafe link.

A plan with an attack in every text field (:mod:`capcore.testing.payloads`)
is written in every format and layout, and each file is checked:

- Excel: no cell of any sheet is a formula (openpyxl's ``data_type``, and no
  ``<f>`` element in any sheet's XML: reading values back cannot tell);
- Word and Excel: no macros (no ``vbaProject`` part, no macro-enabled
  content type) and no external relationship other than an http, https or
  mailto hyperlink; the writers make no links at all, so a ``javascript:``
  URL is plain text;
- HTML: every link is http, https, mailto or a fragment of the page; in a
  real Chromium no script from the data runs (a dialog fails the test).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from capcore.plugin_host import default_host
from capcore.testing.clients import CHROMIUM_ARGS, chromium_path
from capcore.testing.format_writes import FormatWrite, every_write, written
from capcore.testing.payloads import (
    FORMULA_PAYLOADS,
    FORMULA_TRIGGERS,
    LINK_PAYLOADS,
    SAFE_LINK_SCHEMES,
    SCRIPT_PAYLOADS,
    payload_plan,
)

# The files are the plugins' and so are the libraries that look inside them: with the
# core installed alone (the release check), there is nothing here to check.
_ALONE = "needs capcore-xlsx, capcore-docx, capcore-html installed beside the core"
etree = pytest.importorskip("lxml.etree", reason=_ALONE)
html = pytest.importorskip("lxml.html", reason=_ALONE)
load_workbook = pytest.importorskip("openpyxl", reason=_ALONE).load_workbook

ALL_PAYLOADS = (*FORMULA_PAYLOADS, *SCRIPT_PAYLOADS, *LINK_PAYLOADS)
WRITES = every_write(default_host())
OFFICE_WRITES = [write for write in WRITES if write.format in {"xlsx", "docx"}]
XLSX_WRITES = [write for write in WRITES if write.format == "xlsx"]
FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _payload_file(write: FormatWrite) -> bytes:
    return written(payload_plan(ALL_PAYLOADS), write, default_host())


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


@pytest.mark.parametrize("write", XLSX_WRITES, ids=lambda write: write.label)
def test_no_cell_becomes_a_formula(write: FormatWrite) -> None:
    """Every cell holding a text that starts with = + - @ is a text cell, and no sheet has a formula."""
    data = _payload_file(write)
    workbook = load_workbook(io.BytesIO(data))
    triggered = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                    triggered += 1
                    assert cell.data_type == "s", f"{sheet.title}!{cell.coordinate}"
    assert triggered >= len(FORMULA_PAYLOADS), "the payloads did not reach the cells"
    sheets = {name: xml for name, xml in _parts(data).items() if name.startswith("xl/worksheets/")}
    assert sheets
    for name, xml in sheets.items():
        assert FORMULA_ELEMENT.search(xml) is None, f"{name} holds a formula element"


@pytest.mark.parametrize("write", OFFICE_WRITES, ids=lambda write: write.label)
def test_no_macros_and_no_external_relationships(write: FormatWrite) -> None:
    """No vbaProject, no macro-enabled content type, no external target but safe hyperlinks."""
    parts = _parts(_payload_file(write))
    assert not [name for name in parts if "vba" in name.lower()], "a macro part"
    content_types = parts["[Content_Types].xml"].decode("utf-8").lower()
    assert "macroenabled" not in content_types
    assert "vbaproject" not in content_types
    for name, xml in parts.items():
        if not name.endswith(".rels"):
            continue
        for relationship in etree.fromstring(xml).iter(RELATIONSHIP):
            if relationship.get("TargetMode") != "External":
                continue
            target = relationship.get("Target", "")
            assert relationship.get("Type") == HYPERLINK_TYPE, f"{name}: external {target}"
            assert urlsplit(target).scheme in SAFE_LINK_SCHEMES, f"{name}: link to {target}"


@pytest.mark.parametrize("write", OFFICE_WRITES, ids=lambda write: write.label)
def test_a_javascript_url_is_plain_text_in_office_files(write: FormatWrite) -> None:
    """The writers make no links: a javascript: URL in the data is text, and no hyperlink exists."""
    parts = _parts(_payload_file(write))
    visible = b"".join(xml for name, xml in parts.items() if name.endswith(".xml"))
    assert b"javascript:alert(9)" in visible
    assert re.search(rb"<(?:\w+:)?hyperlink\b", visible) is None


def _page_links(data: bytes) -> Iterator[str]:
    page = html.document_fromstring(data, parser=html.HTMLParser(encoding="utf-8"))
    for element in page.iter():
        for attribute in ("href", "src", "action", "formaction", "xlink:href"):
            value = element.get(attribute)
            if value is not None:
                yield value


def test_html_links_are_only_http_https_mailto_or_the_page_itself() -> None:
    """Every href or src on the page is a fragment or an http, https or mailto URL."""
    data = _payload_file(FormatWrite("html", None, ".html"))
    links = list(_page_links(data))
    unsafe = [
        link
        for link in links
        if not link.startswith("#") and urlsplit(link).scheme not in SAFE_LINK_SCHEMES
    ]
    assert unsafe == []
    assert "https://example.org/plan" in links, "a safe link in the data became no link"


@pytest.mark.slow
def test_no_field_runs_in_a_real_browser(tmp_path: Path) -> None:
    """Chromium shows the payload page with no dialog, no script error and no request."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    executable = chromium_path()
    path = tmp_path / "payloads.html"
    path.write_bytes(_payload_file(FormatWrite("html", None, ".html")))
    problems: list[str] = []
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page()

            def dialog(opened: object) -> None:
                problems.append(f"dialog: {opened.message}")  # type: ignore[attr-defined]
                opened.dismiss()  # type: ignore[attr-defined]

            page.on("dialog", dialog)
            page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
            page.on(
                "request",
                lambda request: (
                    problems.append(f"request: {request.url}")
                    if not request.url.startswith(path.as_uri())
                    else None
                ),
            )
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            protocols = page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)")
            shown = page.inner_text("body")
        finally:
            browser.close()
    assert problems == []
    assert set(protocols) <= {"http:", "https:", "mailto:", "file:"}
    assert "<script>alert(1)</script>" in shown, "a script payload is not shown as text"

"""Real LibreOffice: every layout of every example plan converts to PDF and shows its content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import png
import pytest

import capcore
from capcore.examples import lovech, seed_plans
from capcore.testing.clients import convert_with_libreoffice, pdf_page_to_png

pytestmark = pytest.mark.slow

_LAYOUTS = ("matrix", "cards", "list", "monitoring")


def _ink(image: Path) -> float:
    """Return the share of pixels that are not (nearly) white."""
    width, height, rows, _ = png.Reader(bytes=image.read_bytes()).asRGB8()
    dark = 0
    for row in rows:
        dark += sum(1 for i in range(0, len(row), 3) if min(row[i : i + 3]) < 160)
    return dark / (width * height)


@pytest.mark.parametrize("layout", _LAYOUTS)
@pytest.mark.parametrize("name", ["lovech", "pazardzhik", "smolyan"])
def test_example_plan_converts_to_pdf_with_a_non_blank_first_page(
    tmp_path: Path, name: str, layout: str
) -> None:
    """LibreOffice opens the document, and its first page holds text and lines."""
    source = tmp_path / f"{name}-{layout}.docx"
    options: dict[str, object] = {"as_of": dt.date(2022, 9, 1)} if layout == "monitoring" else {}
    capcore.write(seed_plans()[name], source, layout=layout, **options)
    pdf = convert_with_libreoffice(source, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    image = pdf_page_to_png(pdf, tmp_path)
    # A blank page is 0; a page of text is a few percent. The bound is far below
    # the emptiest first page (the Smolyan list) and far above a blank one.
    assert _ink(image) > 0.005, f"the first page of {source.name} looks blank"


def test_a_document_saved_again_by_libreoffice_reads_back_equal(tmp_path: Path) -> None:
    """LibreOffice keeps capcore's custom XML part and bookmarks: the plan survives a re-save."""
    plan = lovech()
    source = tmp_path / "план.docx"
    capcore.write(plan, source, layout="matrix")
    out = tmp_path / "resaved"
    out.mkdir()
    resaved = convert_with_libreoffice(source, "docx:MS Word 2007 XML", out)
    back = capcore.read(resaved)
    assert back == plan
    assert back.import_notes == ()

from pathlib import Path

import pytest

from capcore.testing.clients import convert_with_libreoffice, pdf_page_to_png, require_program


def test_a_missing_program_skips_with_install_hint() -> None:
    with pytest.raises(pytest.skip.Exception, match="no-such-program is not installed"):
        require_program("no-such-program")


@pytest.mark.slow
def test_libreoffice_converts_and_pdftoppm_renders(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("План за подобрение\n", encoding="utf-8")
    pdf = convert_with_libreoffice(source, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    png = pdf_page_to_png(pdf, tmp_path)
    assert png.read_bytes().startswith(b"\x89PNG")

"""LibreOffice opens what capcore writes: `capcore convert` to .xlsx, then to PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from xlsx_helpers import xlsx_bytes

from capcore.cli import main
from capcore.examples import lovech, pazardzhik
from capcore.jsonio import save_json
from capcore.testing.clients import convert_with_libreoffice, require_program


def pdf_text(pdf: Path) -> str:
    pdftotext = require_program("pdftotext")
    done = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def page_count(pdf: Path) -> int:
    return pdf_text(pdf).count("\f")


@pytest.mark.slow
def test_converted_lovech_workbook_prints_with_libreoffice(tmp_path: Path) -> None:
    """`capcore convert lovech.json lovech.xlsx` gives a workbook LibreOffice prints to PDF."""
    # examples/plans/lovech.json, made here so the test runs from the plugin's sdist too.
    plan_file = tmp_path / "lovech.json"
    save_json(lovech(), plan_file)
    workbook = tmp_path / "lovech.xlsx"
    assert main(["convert", str(plan_file), str(workbook)]) == 0
    pdf = convert_with_libreoffice(workbook, "pdf", tmp_path)
    text = pdf_text(pdf)
    for words in (
        "ПЛАН ЗА ПОДОБРИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ ЛОВЕЧ",
        "Наименование на дейността",
        "Област 1: Стратегическо планиране",
        "1.1.1. Създаване на работна група",
        "График на плана",
        "Напредък към",
    ):
        assert words in " ".join(text.split()), f"{words!r} is not in the PDF"
    assert page_count(pdf) >= 3


@pytest.mark.slow
def test_cards_in_english_print_with_libreoffice(tmp_path: Path) -> None:
    """The cards layout with English labels prints too."""
    workbook = tmp_path / "pazardzhik.xlsx"
    workbook.write_bytes(xlsx_bytes(pazardzhik(), layout="cards", locale="en"))
    text = " ".join(pdf_text(convert_with_libreoffice(workbook, "pdf", tmp_path)).split())
    for words in ("MEASURE 1 – QW", "ACTION", "SPONSOR", "PLANNED DEADLINE", "Progress as of"):
        assert words in text, f"{words!r} is not in the PDF"

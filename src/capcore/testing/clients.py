"""Real clients for format tests: LibreOffice, pdftoppm and Chromium.

Tests of the Excel, Word and HTML plugins check their files with real
programs, never mocks. Where a program is not installed the test skips and
says what to install (``.ci/run`` installs them all). LibreOffice runs with
a fresh user profile per call, so parallel runs never share one.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

__all__ = [
    "CHROMIUM_ARGS",
    "chromium_path",
    "convert_with_libreoffice",
    "pdf_page_to_png",
    "require_program",
]

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
"""Chromium flags for a closed network: no background requests at start."""

_INSTALL_HINTS = {
    "soffice": "apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui",
    "pdftoppm": "apt-get install -y poppler-utils",
    "chromium": "apt-get install -y chromium, and pip install playwright (no playwright install)",
}


def require_program(name: str) -> str:
    """Return the program's path, or skip the calling test saying how to install it."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed: {_INSTALL_HINTS.get(name, name)}")
    return found


def chromium_path() -> str:
    """Return Debian's Chromium, or skip the calling test saying how to install it."""
    return require_program("chromium")


def convert_with_libreoffice(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert ``source`` with LibreOffice headless and return the converted file.

    Raises:
        AssertionError: LibreOffice failed or wrote nothing (the test fails).
    """
    soffice = require_program("soffice")
    with tempfile.TemporaryDirectory(prefix="capcore-lo-") as profile:
        done = subprocess.run(  # noqa: S603 - a fixed program on the test's own file
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target_format,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    converted = out_dir / f"{source.stem}.{target_format.split(':', maxsplit=1)[0]}"
    assert done.returncode == 0, f"LibreOffice failed: {done.stdout}{done.stderr}"
    assert converted.is_file(), f"LibreOffice wrote no {converted.name}: {done.stdout}{done.stderr}"
    return converted


def pdf_page_to_png(pdf: Path, out_dir: Path, *, page: int = 1, dpi: int = 50) -> Path:
    """Render one page of ``pdf`` to PNG with pdftoppm and return the image's path."""
    pdftoppm = require_program("pdftoppm")
    prefix = out_dir / f"{pdf.stem}-page{page}"
    subprocess.run(  # noqa: S603 - a fixed program on the test's own file
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return prefix.with_suffix(".png")

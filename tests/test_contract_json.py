"""The core's own JSON format keeps the format plugin contract."""

from __future__ import annotations

from capcore.testing import FormatContract


class TestJsonContract(FormatContract):
    """capcore JSON: lossless, sniffed, atomic, strict about damage and options."""

    format_name = "json"

"""The docx format keeps capcore's plugin contract, in both languages and every layout."""

from __future__ import annotations

from typing import ClassVar

from capcore.testing import FormatContract


class TestDocxContract(FormatContract):
    """The contract with the default (Bulgarian) labels, every layout."""

    format_name = "docx"


class TestDocxContractInEnglish(FormatContract):
    """The contract with English labels, in the cards layout (the labels differ, not the rest)."""

    format_name = "docx"
    write_options: ClassVar[dict[str, object]] = {"locale": "en", "layout": "cards"}

"""The format contract of capcore's test kit, for the xlsx format, in both locales and layouts."""

from __future__ import annotations

from typing import ClassVar

from capcore.testing import FormatContract


class TestXlsxContract(FormatContract):
    format_name = "xlsx"


class TestXlsxContractInEnglish(FormatContract):
    format_name = "xlsx"
    write_options: ClassVar[dict[str, object]] = {"locale": "en"}

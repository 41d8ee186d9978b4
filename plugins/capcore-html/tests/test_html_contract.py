"""The html format keeps capcore's plugin contract, in both languages."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from capcore.testing import FormatContract


class TestHtmlContract(FormatContract):
    """The contract with the default (Bulgarian) page."""

    format_name = "html"
    write_options: ClassVar[dict[str, object]] = {"as_of": dt.date(2022, 9, 1)}


class TestHtmlContractInEnglish(FormatContract):
    """The contract with the English page."""

    format_name = "html"
    write_options: ClassVar[dict[str, object]] = {"locale": "en", "as_of": dt.date(2023, 1, 31)}

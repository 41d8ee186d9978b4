"""The markdown format: capcore's plugin contract, and what the document says."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from typing import ClassVar

import capcore
from capcore import Activity, Area, Measure, MeasureKind, Plan
from capcore.examples import seed_plans
from capcore.testing import FormatContract


class TestMarkdownContract(FormatContract):
    """The contract, with the default (Bulgarian) labels."""

    format_name = "markdown"


class TestMarkdownContractInEnglish(FormatContract):
    """The contract, with English labels."""

    format_name = "markdown"
    write_options: ClassVar[dict[str, object]] = {"locale": "en"}


def _markdown(plan: Plan, **options: object) -> str:
    out = io.BytesIO()
    capcore.write(plan, out, format="markdown", **options)
    return out.getvalue().decode("utf-8")


def _plan(*measures: Measure) -> Plan:
    return Plan(
        "План", organisation="ОА Ловеч", areas=[Area("Област", "1", measures=list(measures))]
    )


def _cells(row: str) -> list[str]:
    # A table row's cells: split at the pipes that are not escaped.
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_quick_wins_are_marked_in_their_heading() -> None:
    """A quick win's heading carries the mark; other measures' headings do not."""
    text = _markdown(
        _plan(
            Measure("Бърза", number="1.1", kind=MeasureKind.QUICK_WIN),
            Measure("Стратегическа", number="1.2", kind=MeasureKind.STRATEGIC),
        )
    )
    assert "### 1.1 Бърза *(бърза победа)*" in text.splitlines()
    assert "### 1.2 Стратегическа" in text.splitlines()


def test_pipes_in_text_do_not_break_the_table() -> None:
    """Every activity row has as many cells as the header, whatever its text holds."""
    activity = Activity("а | б", number="1.1.1", responsible="x|y", note="ред\nнов | ред")
    text = _markdown(_plan(Measure("Мярка", number="1.1", activities=[activity])))
    rows = [line for line in text.splitlines() if line.startswith("|")]
    header, _, row = rows
    assert len(_cells(row)) == len(_cells(header)) == 7
    assert _cells(row)[1] == r"а \| б"
    assert _cells(row)[6] == r"ред<br>нов \| ред"


def test_english_labels_with_locale_en() -> None:
    """locale="en" writes the labels in English; the default is Bulgarian."""
    plan = _plan(
        Measure("M", number="1.1", responsible="Главен секретар", activities=[Activity("A")])
    )
    english = _markdown(plan, locale="en")
    assert "- **Organisation:** ОА Ловеч" in english
    assert "- **Responsible:** Главен секретар" in english
    assert "| No. | Activity | Start | Deadline |" in english
    assert "- **Администрация:** ОА Ловеч" in _markdown(plan)


def test_html_and_markdown_in_text_are_escaped() -> None:
    """Text cannot inject HTML, emphasis or a heading into the document."""
    text = _markdown(Plan("<script>alert(1)</script> *x* # y"))
    assert text.splitlines()[0] == r"# \<script\>alert(1)\</script\> \*x\* \# y"


def test_every_measure_of_the_seed_plans_has_a_heading() -> None:
    """Each seed plan's document has one measure heading per measure."""
    for plan in seed_plans().values():
        headings = [line for line in _markdown(plan).splitlines() if line.startswith("### ")]
        assert len(headings) == len(list(plan.measures()))


def test_the_writer_is_imported_only_when_a_plan_is_written() -> None:
    """Listing the formats does not import the writer module; writing does."""
    script = """
import io, json, sys
import capcore
host = capcore.make_plugin_host()
listed = "markdown" in [f.name for f in host.formats()]
before = "capcore_markdown.writer" in sys.modules
capcore.write(capcore.Plan("x"), io.BytesIO(), format="markdown", host=host)
after = "capcore_markdown.writer" in sys.modules
print(json.dumps([listed, before, after]))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [True, False, True]

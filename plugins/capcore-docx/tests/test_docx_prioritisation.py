"""The monitoring report's prioritisation section renders capcore.prioritisation_of."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from capcore_docx.layout_prioritisation import QUICK_WIN_FILL
from docx_helpers import docx_bytes, open_docx, read_docx, text_of, w
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import capcore
from capcore import Category, Plan, PrioritisationResult, Proposal
from capcore.examples import draft_plans, lovech
from capcore.labels import format_date, label
from capcore.testing.clients import convert_with_libreoffice, require_program
from capcore.testing.strategies import texts

AS_OF = dt.date(2022, 9, 1)
HEADING = label("prioritisation")


def example_plan() -> Plan:
    """The worked example's draft plan: twelve proposals, ties, a decision, one not scored."""
    return draft_plans()["draft-from-proposals"]


def _result(plan: Plan) -> PrioritisationResult:
    result = capcore.prioritisation_of(plan)
    assert result is not None
    return result


def _report(plan: Plan, **options: object) -> bytes:
    return docx_bytes(plan, layout="monitoring", as_of=AS_OF, **options)


def _section_tables(data: bytes, heading: str = HEADING) -> list[list[list[str]]]:
    """The tables after the section's heading, each as rows of cell texts."""
    body = open_docx(data).element.body
    children = list(body)
    start = next(
        i for i, child in enumerate(children) if child.tag == w("p") and text_of(child) == heading
    )
    return [
        [[text_of(tc) for tc in tr.findall(w("tc"))] for tr in child.findall(w("tr"))]
        for child in children[start:]
        if child.tag == w("tbl")
    ]


def _fills(tc: etree._Element) -> set[str]:
    return {shd.get(w("fill")) for shd in tc.iter(w("shd"))}


def test_only_a_plan_drawn_from_proposals_has_the_section() -> None:
    """The Lovech report has no prioritisation heading; other layouts of a draft have none."""
    texts_ = [text_of(p) for p in open_docx(_report(lovech())).element.body.iter(w("p"))]
    assert HEADING not in texts_
    matrix = open_docx(docx_bytes(example_plan())).element.body
    assert HEADING not in [text_of(p) for p in matrix.iter(w("p"))]


def test_classification_lists_each_category_in_rank_order() -> None:
    """A row per category: its name, its count, its proposals' numbers in rank order."""
    plan = example_plan()
    result = _result(plan)
    classification = _section_tables(_report(plan))[0]
    assert classification[0] == ["Категория", "Брой", "Предложения за подобрение"]
    for row, category in zip(classification[1:], Category, strict=True):
        entries = result.in_category(category)
        assert row == [
            label(category.value).capitalize(),
            str(len(entries)),
            ", ".join(entry.proposal.number for entry in entries),
        ]


def test_ranked_table_has_each_proposal_and_its_reasoning() -> None:
    """Each proposal's row in rank order, followed by its reasoning across the table."""
    plan = example_plan()
    result = _result(plan)
    ranked = _section_tables(_report(plan))[1]
    body = ranked[1:]
    assert len(body) == 2 * len(result.entries)
    for (row, reasoning), entry in zip(zip(body[::2], body[1::2], strict=True), result.entries, strict=True):  # fmt: skip
        category = "" if entry.category is None else label(entry.category.value)
        assert row[0] == ("" if entry.rank is None else str(entry.rank))
        assert row[1] == entry.proposal.number
        assert row[3] == entry.proposal.text
        assert row[7] == category
        assert row[8] == ("✓" if entry.taken else "✗")
        assert reasoning == [f"Обосновка: {entry.reasoning_text('bg')}"]


def test_quick_wins_are_on_the_highlight_fill() -> None:
    """Quick wins' category cells are green; no other category cell is."""
    plan = example_plan()
    body = open_docx(_report(plan)).element.body
    quick = label(Category.QUICK_WIN.value)
    highlighted = [text_of(tc) for tc in body.iter(w("tc")) if QUICK_WIN_FILL in _fills(tc)]
    assert highlighted.count(quick) == len(_result(plan).in_category(Category.QUICK_WIN))
    assert set(highlighted) <= {quick, quick.capitalize()}


def test_decisions_and_proposals_not_taken_say_who_and_why() -> None:
    """The working group's decision with who, why, when; each proposal left out with why."""
    plan = example_plan()
    result = _result(plan)
    tables = _section_tables(_report(plan))
    override = result.overrides[0]
    decisions = tables[2]
    assert decisions[1][1:] == [
        override.by,
        label("take"),
        override.reason,
        format_date(override.date) if override.date else "",
    ]
    left_out = tables[3][1:]
    assert [row[2] for row in left_out] == [
        e.not_taken_reason.text("bg") if e.not_taken_reason else "" for e in result.not_taken()
    ]


def test_english_report() -> None:
    """With locale="en" the section speaks English."""
    plan = example_plan()
    tables = _section_tables(_report(plan, locale="en"), "Prioritisation")
    assert tables[0][0] == ["Category", "Count", "Improvement proposals"]
    assert tables[1][2] == [f"Reasoning: {_result(plan).entries[0].reasoning_text('en')}"]


def test_the_report_still_reads_back_as_the_plan() -> None:
    """The monitoring report of a draft plan reads back equal to it (the embedded copy)."""
    plan = example_plan()
    assert read_docx(_report(plan)) == plan


@given(
    st.lists(st.tuples(texts(), st.integers(1, 5) | st.none(), st.integers(1, 5)), max_size=8),
    st.sampled_from(["impact-feasibility", "matrix-3x3", "weighted"]),
)
def test_counts_in_the_report_match_the_result(
    rows: list[tuple[str, int | None, int]], method: str
) -> None:
    """Classification counts, ranked rows and the not-taken list follow the core's result."""
    proposals = [
        Proposal(
            text,
            id=f"p{n}",
            number=str(n),
            impact=None if impact is None else Decimal(impact),
            feasibility=Decimal(feasibility),
        )
        for n, (text, impact, feasibility) in enumerate(rows, 1)
    ]
    plan = capcore.draft_plan(capcore.prioritise(proposals, method), plan_id="d").plan
    result = _result(plan)
    tables = _section_tables(_report(plan))
    assert [int(row[1]) for row in tables[0][1:]] == [
        len(result.in_category(category)) for category in Category
    ]
    assert len(tables[1]) - 1 == 2 * len(result.entries)
    not_taken = tables[-1][1:] if result.not_taken() else []
    assert len(not_taken) == len(result.not_taken())


@pytest.mark.slow
def test_libreoffice_prints_the_section(tmp_path: Path) -> None:
    """LibreOffice converts the report; the section's heading and a reasoning are in the PDF."""
    document = tmp_path / "draft.docx"
    document.write_bytes(_report(example_plan()))
    pdf = convert_with_libreoffice(document, "pdf", tmp_path)
    done = subprocess.run(
        [require_program("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    )
    text = " ".join(done.stdout.split())
    for words in (HEADING, "Матрица за приоритизиране", "Обосновка: оценки: въздействие"):
        assert words in text, f"{words!r} is not in the PDF"

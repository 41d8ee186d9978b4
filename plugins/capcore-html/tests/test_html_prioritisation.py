"""The prioritisation section renders capcore.prioritisation_of: matrix SVG, ranking, decisions."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from html_pages import XSS_PAYLOADS, page_bytes, parse_page
from hypothesis import given
from hypothesis import strategies as st
from lxml import html

import capcore
from capcore import Category, Decision, Override, Plan, PrioritisationResult, Proposal
from capcore.examples import draft_plans, lovech
from capcore.labels import label
from capcore.testing.clients import CHROMIUM_ARGS, chromium_path
from capcore.testing.strategies import texts

AS_OF = dt.date(2022, 9, 1)
POINTS = "svg.matrix g.point:not(.legend)"


def example_plan() -> Plan:
    """The worked example's draft plan: twelve proposals, ties, a decision, one not scored."""
    return draft_plans()["draft-from-proposals"]


def _result(plan: Plan) -> PrioritisationResult:
    result = capcore.prioritisation_of(plan)
    assert result is not None
    return result


def _section(plan: Plan, **options: object) -> html.HtmlElement:
    sections = parse_page(page_bytes(plan, as_of=AS_OF, **options)).cssselect("#prioritisation")
    assert len(sections) == 1
    return sections[0]


def _text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _placed(result: PrioritisationResult) -> list[capcore.RankedProposal]:
    return [e for e in result.entries if e.proposal.impact is not None]


def test_a_plan_not_drawn_from_proposals_has_no_section() -> None:
    """The Lovech plan's page has no prioritisation section."""
    assert parse_page(page_bytes(lovech(), as_of=AS_OF)).cssselect("#prioritisation") == []


def test_the_ranked_table_is_the_cores_result() -> None:
    """One row per proposal in rank order: rank, number, category, taken and the reasoning."""
    plan = example_plan()
    result = _result(plan)
    rows = _section(plan).cssselect("table.ranked tbody tr")
    assert len(rows) == len(result.entries)
    for row, entry in zip(rows, result.entries, strict=True):
        cells = [_text(cell) for cell in row]
        category = "" if entry.category is None else label(entry.category.value)
        assert cells[0] == ("" if entry.rank is None else str(entry.rank))
        assert cells[1] == entry.proposal.number
        assert cells[3] == entry.proposal.text
        assert cells[7] == category
        assert cells[8] == label("take" if entry.taken else "leave")
        assert cells[9] == " ".join(entry.reasoning_text("bg").split())


def test_every_scored_proposal_has_one_point_and_quick_wins_stand_out() -> None:
    """A mark per proposal scored on both axes; the quick wins' marks are diamonds."""
    plan = example_plan()
    result = _result(plan)
    points = _section(plan).cssselect(POINTS)
    assert len(points) == len(_placed(result)) == 11
    quick = [p for p in points if "quick-win" in p.get("class", "").split()]
    assert len(quick) == len(result.in_category(Category.QUICK_WIN)) == 3
    assert all(p.cssselect("rect.mark") and not p.cssselect("circle") for p in quick)
    labels = sorted(_text(p.cssselect("text.point-label")[0]) for p in points)
    assert labels == sorted(e.proposal.number for e in _placed(result))


def test_points_sit_where_their_scores_put_them() -> None:
    """Higher feasibility is further right, higher impact further up, on the scale's ticks."""
    plan = example_plan()
    section = _section(plan)
    ticks = {_text(t): float(t.get("x")) for t in section.cssselect("svg.matrix > text[text-anchor=middle]") if _text(t).isdigit()}  # fmt: skip
    assert sorted(ticks) == ["1", "2", "3", "4", "5"]
    for point in section.cssselect(POINTS):
        title = _text(point.cssselect("title")[0])
        feasibility = re.search(r"Осъществимост (\d)", title)
        assert feasibility is not None
        mark = point.cssselect(".mark")[0]
        x = float(mark.get("cx") or re.findall(r"[\d.]+", mark.get("transform"))[0])
        # Marks sharing a spot sit side by side within half a step of it.
        assert abs(x - ticks[feasibility.group(1)]) < (ticks["2"] - ticks["1"]) / 2


def test_matrix_is_an_image_with_a_title_and_a_description() -> None:
    """role="img" named by its <title> and described by its <desc>; the table is the text form."""
    svg = _section(example_plan()).cssselect("svg.matrix")[0]
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "matrix-title matrix-desc"
    assert _text(svg.cssselect("title#matrix-title")[0]) == label("prioritisation_matrix")
    assert "11" in _text(svg.cssselect("desc#matrix-desc")[0])


def test_a_matrix_draws_the_limits_of_its_grid() -> None:
    """A 2x2 grid splits both axes at the scale's middle, a 3x3 grid at its thirds."""
    assert len(_section(example_plan()).cssselect("svg.matrix line.split")) == 2
    proposals = [_proposal("1", "a", 5, 5), _proposal("2", "b", 1, 2)]
    plan = capcore.draft_plan(capcore.prioritise(proposals, "matrix-3x3"), plan_id="d").plan
    assert len(_section(plan).cssselect("svg.matrix line.split")) == 4


def test_decisions_and_proposals_not_taken_say_who_and_why() -> None:
    """The working group's decision with who, why and when; each proposal left out with why."""
    plan = example_plan()
    result = _result(plan)
    section = _section(plan)
    decisions = [[_text(c) for c in row] for row in section.cssselect("table.overrides tbody tr")]
    assert len(decisions) == len(result.overrides) == 1
    override = result.overrides[0]
    assert decisions[0][1:] == [override.by, label("take"), override.reason, "15.09.2021"]
    left_out = [[_text(c) for c in row] for row in section.cssselect("table.not-taken tbody tr")]
    assert [row[2] for row in left_out] == [
        " ".join(e.not_taken_reason.text("bg").split())  # type: ignore[union-attr]
        for e in result.not_taken()
    ]


def test_english_page() -> None:
    """With locale="en" the section speaks English."""
    plan = example_plan()
    section = _section(plan, locale="en")
    assert _text(section.cssselect("h2")[0]) == "Prioritisation"
    assert "Method: impact-feasibility; scale 1-5; 2x2 matrix" in _text(section)
    assert _result(plan).entries[0].reasoning_text("en") in _text(section)


def _proposal(number: str, text: str, impact: int | None, feasibility: int) -> Proposal:
    return Proposal(
        text,
        id=f"p{number}",
        number=number,
        impact=None if impact is None else Decimal(impact),
        feasibility=Decimal(feasibility),
    )


def test_script_injections_in_proposals_stay_text() -> None:
    """Proposal texts, decisions and reasons full of markup add no element and no attribute."""
    payload = itertools.cycle(XSS_PAYLOADS).__next__
    proposals = [_proposal(payload(), payload(), 5 - n % 5, 1 + n % 5) for n in range(10)]
    proposals = [Proposal(p.text, id=f"p{n}", number=p.number, impact=p.impact,
                          feasibility=p.feasibility) for n, p in enumerate(proposals)]  # fmt: skip
    overrides = [Override("p0", by=payload(), reason=payload(), decision=Decision.LEAVE)]
    plan = capcore.draft_plan(capcore.prioritise(proposals, overrides=overrides), plan_id="x").plan
    page = parse_page(page_bytes(plan, as_of=AS_OF))
    assert len(page.cssselect("script")) == 2  # the data block and the page's own script
    section = page.cssselect("#prioritisation")[0]
    assert section.cssselect("img, iframe, [onerror], [onload], [onmouseover], [style]") == []
    assert "<img src=x onerror=alert(1)>" in section.text_content()


@given(
    st.lists(st.tuples(texts(), st.integers(1, 5) | st.none(), st.integers(1, 5)), max_size=8),
    st.sampled_from(["impact-feasibility", "matrix-3x3", "weighted"]),
)
def test_counts_on_the_page_match_the_result(
    rows: list[tuple[str, int | None, int]], method: str
) -> None:
    """A ranked row per proposal, a point per proposal scored on both axes, a row per left out."""
    proposals = [_proposal(str(n), text, i, f) for n, (text, i, f) in enumerate(rows, 1)]
    plan = capcore.draft_plan(capcore.prioritise(proposals, method), plan_id="d").plan
    result = _result(plan)
    section = _section(plan)
    assert len(section.cssselect("table.ranked tbody tr")) == len(result.entries)
    assert len(section.cssselect(POINTS)) == len(_placed(result))
    assert len(section.cssselect("table.not-taken tbody tr")) == len(result.not_taken())
    assert plan == capcore.read(page_bytes_stream(plan), "html")


def page_bytes_stream(plan: Plan) -> object:
    """The page of ``plan`` as a stream capcore reads."""
    import io  # noqa: PLC0415 - only the round trip needs it

    return io.BytesIO(page_bytes(plan, as_of=AS_OF))


@attrs.frozen
class OpenPage:
    """The example's page in headless Chromium with scripts off, what it complained of, its path."""

    page: Any
    problems: list[str]
    browser: Any
    path: Path


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenPage]:
    """The example's page open in Chromium without scripts (the section needs none)."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    path: Path = tmp_path_factory.mktemp("prioritisation") / "draft.html"
    path.write_bytes(page_bytes(example_plan(), as_of=AS_OF))
    problems: list[str] = []
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=list(CHROMIUM_ARGS)
        )
        page = browser.new_context(java_script_enabled=False).new_page()
        page.on("console", lambda message: problems.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.goto(path.as_uri())
        yield OpenPage(page, problems, browser, path)
        browser.close()


@pytest.mark.slow
def test_chromium_draws_a_visible_point_per_proposal(opened: OpenPage) -> None:
    """Without scripts, every scored proposal's mark is drawn inside the plot; no console error."""
    page = opened.page
    plot = page.locator("svg.matrix rect.plot").bounding_box()
    boxes = page.eval_on_selector_all(
        POINTS + " .mark", "marks => marks.map(m => m.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) == len(_placed(_result(example_plan())))
    for box in boxes:
        assert box["width"] > 0
        centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        # Marks sharing a spot sit up to a step's third beside it, still in the plot.
        assert plot["x"] - 1 <= centre_x <= plot["x"] + plot["width"] + 15
        assert plot["y"] - 1 <= centre_y <= plot["y"] + plot["height"] + 1
    assert opened.problems == []


@pytest.mark.slow
def test_the_section_prints_on_its_own_page(opened: OpenPage) -> None:
    """Printed, the section starts a page and the matrix keeps every mark (print media)."""
    page = opened.page
    page.emulate_media(media="print")
    try:
        assert page.eval_on_selector("#prioritisation", "s => getComputedStyle(s).breakBefore") == (
            "page"
        )
        visible = page.eval_on_selector_all(
            POINTS, "ps => ps.filter(p => p.getBoundingClientRect().width > 0).length"
        )
        assert visible == len(_placed(_result(example_plan())))
    finally:
        page.emulate_media(media="screen")


@pytest.mark.slow
def test_axe_finds_no_violation_in_the_section(opened: OpenPage) -> None:
    """axe-core reports no WCAG 2 A/AA violation in the prioritisation section."""
    axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = opened.browser.new_page()  # axe runs as a script: this page allows scripts
    page.goto(opened.path.as_uri())
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
    results = axe_sync.Axe().run(page, context="#prioritisation", options=options)
    page.close()
    assert results.violations_count == 0, results.generate_report()

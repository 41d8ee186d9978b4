"""The page in a real headless Chromium: filters, search, the URL fragment, safety, screenshots.

Every test fails on a console error, an uncaught script error, a request
for anything but the page itself, and any dialog (an injected ``alert``
would open one). Chromium is Debian's, driven by Playwright's sync API with
``executable_path``; ``playwright install`` is never run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from html_pages import XSS_PAYLOADS, page_bytes, xss_plan

from capcore import Plan, ProgressUpdate, Status
from capcore.examples import lovech, seed_plans
from capcore.testing.clients import CHROMIUM_ARGS, chromium_path

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.slow

AS_OF = dt.date(2022, 9, 1)
ARTIFACTS = Path(__file__).resolve().parents[3] / "out" / "test-artifacts" / "html"
UNIT_ROWS = "#plan-table tr.unit"


class PageWatch:
    """A browser page, and everything it did that a safe offline page must not do."""

    def __init__(self, page: object, url: str) -> None:
        self.page = page
        self.url = url
        self.problems: list[str] = []

    def visible_row_titles(self) -> list[str]:
        """Return the row-header text of every shown unit row."""
        return self.page.eval_on_selector_all(  # type: ignore[attr-defined]
            UNIT_ROWS,
            "rows => rows.filter(r => !r.hidden && !r.closest('tbody').hidden)"
            ".map(r => r.querySelector('th[scope=row]').textContent.trim())",
        )


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for the module."""
    executable = chromium_path()
    with playwright_sync.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: object, tmp_path: Path) -> Iterator[object]:
    """Return a function that writes a page, opens it (with a fragment) and watches it."""
    watches: list[PageWatch] = []
    contexts = []

    def open_(
        plan: Plan, *, fragment: str = "", javascript: bool = True, **options: object
    ) -> PageWatch:
        path = tmp_path / f"page{len(watches)}.html"
        path.write_bytes(page_bytes(plan, **{"as_of": AS_OF, **options}))
        context = browser.new_context(  # type: ignore[attr-defined]
            java_script_enabled=javascript, viewport={"width": 1400, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(page, path.as_uri())
        page.on(
            "console",
            lambda message: (
                watch.problems.append(f"console {message.type}: {message.text}")
                if message.type in {"error", "warning"}
                else None
            ),
        )
        page.on("pageerror", lambda error: watch.problems.append(f"script error: {error}"))
        page.on(
            "request",
            lambda request: (
                watch.problems.append(f"request: {request.url}")
                if request.url.split("#")[0] != watch.url
                else None
            ),
        )

        def dialog(opened: object) -> None:
            watch.problems.append(f"dialog: {opened.message}")  # type: ignore[attr-defined]
            opened.dismiss()  # type: ignore[attr-defined]

        page.on("dialog", dialog)
        page.goto(watch.url + fragment)
        watches.append(watch)
        return watch

    yield open_
    for context in contexts:
        context.close()
    problems = [problem for watch in watches for problem in watch.problems]
    assert problems == [], "the page did what an offline page must not"


def _titles(units: object) -> list[str]:
    return [" ".join(filter(None, (unit.number, unit.title))) for unit in units]  # type: ignore[attr-defined]


def _monitored_lovech() -> Plan:
    """Lovech with reports: the first activity of each measure done, 2.x.1 delayed."""
    plan = lovech()
    for measure in plan.measures():
        first = measure.activities[0]
        status = Status.DELAYED if first.number.startswith("2.") else Status.DONE
        first.updates.append(
            ProgressUpdate(
                dt.date(2022, 6, 30), status, Decimal(100 if status is Status.DONE else 20)
            )
        )
    return plan


def test_area_filter_shows_exactly_that_areas_rows(open_page) -> None:
    """Choosing an area shows its units and no others."""
    plan = lovech()
    watch = open_page(plan)
    watch.page.select_option("#f-area", "2")
    assert watch.visible_row_titles() == _titles(
        unit for measure in plan.areas[1].measures for unit in measure.activities
    )


def test_quick_win_filter_shows_exactly_the_quick_wins(open_page) -> None:
    """ "Quick wins only" shows the units of quick-win measures."""
    plan = lovech()
    watch = open_page(plan)
    watch.page.check("#f-qw")
    expected = _titles(
        unit for measure in plan.measures() if measure.is_quick_win for unit in measure.activities
    )
    assert watch.visible_row_titles() == expected
    assert 0 < len(expected) < len(list(plan.activities()))


def test_status_filter_shows_exactly_the_units_with_that_status(open_page) -> None:
    """Choosing "done" shows the units reported done."""
    plan = _monitored_lovech()
    watch = open_page(plan)
    watch.page.select_option("#f-status", Status.DONE.value)
    done = [
        unit
        for unit in plan.activities()
        if unit.updates and unit.updates[-1].status is Status.DONE
    ]
    assert watch.visible_row_titles() == _titles(done)


def _names(responsible: str) -> list[str]:
    # The report's rule: one name each, split at commas, semicolons and line breaks.
    return [name.strip() for name in re.split(r"[,;\n]", responsible) if name.strip()]


def test_responsible_unit_filter_shows_the_units_it_is_responsible_for(open_page) -> None:
    """Choosing a responsible unit shows the units naming it, and only those."""
    plan = lovech()
    watch = open_page(plan)
    watch.page.select_option("#f-unit", "експерт ИТ")
    expected = _titles(
        activity for activity in plan.activities() if "експерт ИТ" in _names(activity.responsible)
    )
    assert watch.visible_row_titles() == expected
    assert 0 < len(expected) < len(list(plan.activities()))


def test_search_finds_words_in_any_case_and_order(open_page) -> None:
    """Searching "РИСКА стратегията" shows the rows holding both words, in any case."""
    plan = lovech()
    watch = open_page(plan)
    watch.page.fill("#f-q", "РИСКА стратегията")
    expected = []
    for measure in plan.measures():
        for activity in measure.activities:
            fields = (measure.title, activity.title, activity.target, activity.responsible)
            text = " ".join(fields).lower()
            if "риска" in text and "стратегията" in text:
                expected.append(activity)
    assert expected
    assert watch.visible_row_titles() == _titles(expected)


def test_filters_combine(open_page) -> None:
    """An area and "quick wins only" together show the quick wins of that area."""
    plan = lovech()
    watch = open_page(plan)
    watch.page.select_option("#f-area", "3")
    watch.page.check("#f-qw")
    expected = _titles(
        activity
        for measure in plan.areas[2].measures
        if measure.is_quick_win
        for activity in measure.activities
    )
    assert watch.visible_row_titles() == expected


def test_the_url_fragment_keeps_and_restores_the_view(open_page) -> None:
    """The filters are written to the fragment, and a page opened with it shows the same view."""
    plan = lovech()
    first = open_page(plan)
    first.page.select_option("#f-area", "2")
    first.page.check("#f-qw")
    first.page.fill("#f-q", "обучение")
    fragment = first.page.evaluate("location.hash")
    view = first.visible_row_titles()
    assert "area=2" in fragment
    assert "qw=1" in fragment
    second = open_page(plan, fragment=fragment)
    assert second.page.input_value("#f-area") == "2"
    assert second.page.is_checked("#f-qw")
    assert second.page.input_value("#f-q") == "обучение"
    assert second.visible_row_titles() == view


def test_clearing_the_filters_shows_every_row(open_page) -> None:
    """The reset button brings back every row and empties the fragment."""
    plan = lovech()
    watch = open_page(plan, fragment="#area=1&qw=1")
    watch.page.click("button[type=reset]")
    watch.page.wait_for_function("location.hash === ''")
    assert len(watch.visible_row_titles()) == len(list(plan.progress_units()))


def test_without_javascript_everything_is_shown_and_the_filters_are_hidden(open_page) -> None:
    """With JavaScript off, every row shows and no control does."""
    plan = lovech()
    watch = open_page(plan, javascript=False)
    assert not watch.page.is_visible("#filters")
    assert len(watch.visible_row_titles()) == len(list(plan.progress_units()))


def test_print_hides_the_controls_and_breaks_pages_between_areas(open_page) -> None:
    """In print, the filters are gone and each area after the first starts a new page."""
    watch = open_page(lovech())
    watch.page.emulate_media(media="print")
    assert not watch.page.is_visible("#filters")
    breaks = watch.page.eval_on_selector_all(
        "#plan-table tbody.area", "groups => groups.map(g => getComputedStyle(g).breakBefore)"
    )
    assert breaks == ["auto", "page", "page"]


def test_script_injections_never_run(open_page) -> None:
    """A page with payloads in every field runs none, also when they are typed and linked."""
    watch = open_page(xss_plan())
    for payload in XSS_PAYLOADS:
        watch.page.fill("#f-q", payload)
    assert "<img src=x onerror=alert(1)>" in watch.page.inner_text("h1")
    fragment = "#q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&unit=%3Cscript%3Ealert(1)%3C/script%3E"
    again = open_page(xss_plan(), fragment=fragment)
    assert again.page.input_value("#f-q") == "<img src=x onerror=alert(1)>"
    assert again.page.evaluate("document.querySelectorAll('img, iframe').length") == 0


@pytest.mark.parametrize("key", ["lovech", "pazardzhik", "smolyan"])
def test_full_page_screenshot_of_each_example_plan(open_page, key: str) -> None:
    """A full-page screenshot of each example plan is saved as a test artifact."""
    watch = open_page(seed_plans()[key])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{key}.png"
    watch.page.screenshot(path=str(target), full_page=True)
    assert target.read_bytes().startswith(b"\x89PNG")
    height = watch.page.evaluate("document.documentElement.scrollHeight")
    assert height > 900, "the full page is taller than one screen"

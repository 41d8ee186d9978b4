"""The page is accessible: landmarks, table headers, labelled controls, readable gauge colours.

axe-core (bundled offline in axe-playwright-python) checks the page against
WCAG 2 A and AA in real Chromium; the explicit checks below say what the
page promises in its own terms, with WCAG contrast ratios computed here
from the colours Chromium actually uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from html_pages import page_bytes

from capcore import Plan, ProgressUpdate, Status
from capcore.examples import lovech
from capcore.testing.clients import CHROMIUM_ARGS, chromium_path

playwright_sync = pytest.importorskip("playwright.sync_api")
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.slow

AS_OF = dt.date(2022, 9, 1)


def _reported_lovech() -> Plan:
    """Lovech with every kind of gauge: done, delayed, behind, no report."""
    plan = lovech()
    statuses = [Status.DONE, Status.DELAYED, Status.IN_PROGRESS, Status.ON_HOLD]
    for index, activity in enumerate(plan.activities()):
        if index % 5 < len(statuses):
            status = statuses[index % 5]
            percent = Decimal(100) if status is Status.DONE else Decimal(10 * (index % 7))
            activity.updates.append(ProgressUpdate(dt.date(2022, 6, 30), status, percent))
    return plan


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The Lovech page with reports, open in headless Chromium."""
    executable = chromium_path()
    path: Path = tmp_path_factory.mktemp("a11y") / "lovech.html"
    path.write_bytes(page_bytes(_reported_lovech(), as_of=AS_OF))
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        opened = browser.new_page()
        opened.goto(path.as_uri())
        yield opened
        browser.close()


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgb(css: str) -> tuple[float, float, float]:
    found = re.match(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)", css)
    assert found, f"not an rgb colour: {css}"
    return (float(found[1]), float(found[2]), float(found[3]))


def test_axe_finds_no_wcag_a_or_aa_violation(page) -> None:
    """axe-core reports no violation of WCAG 2.0/2.1/2.2 A and AA rules."""
    options = {
        "runOnly": {
            "type": "tag",
            "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        }
    }
    results = axe_sync.Axe().run(page, options=options)
    assert results.violations_count == 0, results.generate_report()


def test_landmarks(page) -> None:
    """The page has a banner, a main region, a search form and a content-info footer."""
    roles = page.evaluate(
        """() => ({
            banner: document.querySelectorAll('body > header').length,
            main: document.querySelectorAll('main').length,
            search: document.querySelectorAll('form[role=search]').length,
            contentinfo: document.querySelectorAll('body > footer').length,
            regions: [...document.querySelectorAll('main > section')].map(s => !!s.getAttribute('aria-labelledby')),
        })"""
    )
    assert roles["banner"] == roles["main"] == roles["search"] == roles["contentinfo"] == 1
    assert roles["regions"]
    assert all(roles["regions"])


def test_every_table_header_has_a_scope(page) -> None:
    """Every th says whether it heads a column, a row or a group of rows."""
    scopes = page.eval_on_selector_all("th", "cells => cells.map(c => c.getAttribute('scope'))")
    assert scopes
    assert set(scopes) <= {"col", "row", "rowgroup"}


def test_every_control_has_a_label(page) -> None:
    """Every select, input and button has a visible label (or its own text)."""
    unlabelled = page.eval_on_selector_all(
        "select, input, button",
        """controls => controls.filter(c => {
            if (c.tagName === 'BUTTON') return !c.textContent.trim();
            const label = c.id && document.querySelector('label[for="' + c.id + '"]');
            return !(label && label.textContent.trim());
        }).map(c => c.outerHTML)""",
    )
    assert unlabelled == []


def test_gauge_badges_have_readable_text(page) -> None:
    """Text on each gauge colour has a contrast of at least 4.5:1 (WCAG AA)."""
    pairs = page.eval_on_selector_all(
        ".gauge",
        "badges => badges.map(b => [b.className, getComputedStyle(b).color, getComputedStyle(b).backgroundColor])",
    )
    kinds = {name.split()[-1] for name, _, _ in pairs}
    assert {"gauge-green", "gauge-amber", "gauge-red"} <= kinds
    for name, colour, background in pairs:
        # A transparent badge (grey) stands on the white page.
        ground = "rgb(255, 255, 255)" if background.startswith("rgba(0, 0, 0, 0)") else background
        assert _contrast(_rgb(colour), _rgb(ground)) >= 4.5, name


def test_gauge_colours_in_charts_stand_out_from_the_page(page) -> None:
    """Chart marks in each gauge colour and the percent bars contrast 3:1 with white (WCAG 1.4.11)."""
    fills = page.eval_on_selector_all(
        "svg .g-green, svg .g-amber, svg .g-red, svg.bar .fill",
        "marks => [...new Set(marks.map(m => getComputedStyle(m).fill))]",
    )
    assert len(fills) >= 2
    for fill in fills:
        assert _contrast(_rgb(fill), (255, 255, 255)) >= 3, fill

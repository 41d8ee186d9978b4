"""What the page holds: header, labels, the plan table, the embedded plan, its defences."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re

import pytest
from html_pages import element_text, page_bytes, parse_page, xss_plan
from hypothesis import given

import capcore
from capcore import Activity, Area, Measure, MeasureKind, Plan
from capcore.examples import lovech, pazardzhik, seed_plans, smolyan
from capcore.labels import labels
from capcore.testing import strategies

AS_OF = dt.date(2022, 9, 1)


def _page(plan: Plan, **options: object):
    return parse_page(page_bytes(plan, as_of=AS_OF, **options))


def _sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_header_shows_title_organisation_period_approval_and_as_of() -> None:
    """The header holds what the Lovech plan's first page says, dates as Bulgarians write them."""
    page = _page(lovech())
    header = element_text(page.find(".//header"))
    plan = lovech()
    assert page.findtext(".//h1") == plan.title
    assert plan.organisation in header
    assert "01.01.2022 – 31.12.2024" in header
    assert "01.09.2022" in header
    assert plan.approval is not None
    assert plan.approval.name in header
    assert page.findtext(".//title") == plan.title


def test_english_page_uses_english_labels_and_iso_dates() -> None:
    """locale="en" gives English labels and ISO dates; the default is Bulgarian."""
    english = _page(lovech(), locale="en")
    bulgarian = _page(lovech())
    headings = [
        element_text(th) for th in english.findall(".//table[@id='plan-table']/thead/tr/th")
    ]
    words = labels("en")
    assert headings[:3] == [words["measure"], words["activity"], words["caf_refs"]]
    assert english.get("lang") == "en"
    assert "2022-01-01 – 2024-12-31" in element_text(english.find(".//header"))
    bg_headings = [
        element_text(th) for th in bulgarian.findall(".//table[@id='plan-table']/thead/tr/th")
    ]
    assert bg_headings[:3] == [
        labels("bg")["measure"],
        labels("bg")["activity"],
        labels("bg")["caf_refs"],
    ]
    assert bulgarian.get("lang") == "bg"


@pytest.mark.parametrize("key", ["lovech", "pazardzhik", "smolyan"])
def test_one_row_per_unit_of_progress_and_one_group_per_area(key: str) -> None:
    """Every activity, and every measure without activities, has one row; areas are row groups."""
    plan = seed_plans()[key]
    page = _page(plan)
    groups = page.findall(".//table[@id='plan-table']/tbody")
    assert len(groups) == len(plan.areas)
    rows = page.xpath("//table[@id='plan-table']/tbody/tr[contains(@class, 'unit')]")
    assert len(rows) == len(list(plan.progress_units()))
    titles = [element_text(row.xpath("th[@scope='row']")[0]) for row in rows]
    for unit, title in zip(plan.progress_units(), titles, strict=True):
        assert unit.title.split()[0] in title


def test_area_rows_head_their_group_and_an_untitled_area_has_none() -> None:
    """Lovech's area rows read "Област N: title"; Pazardzhik (one untitled area) has no area row."""
    page = _page(lovech())
    heads = page.xpath("//tbody/tr[@class='area-row']/th[@scope='rowgroup']")
    assert [element_text(th) for th in heads] == [
        f"Област {area.number}: {area.title}" for area in lovech().areas
    ]
    assert _page(pazardzhik()).xpath("//tr[@class='area-row']") == []


def test_quick_wins_are_marked_and_flagged_for_the_filter() -> None:
    """Rows of quick-win measures carry data-qw="1" and the QW mark; others do not."""
    plan = lovech()
    page = _page(plan)
    rows = page.xpath("//tr[contains(@class, 'unit')]")
    expected = [
        measure.is_quick_win for measure in plan.measures() for _ in measure.activities or [measure]
    ]
    assert [row.get("data-qw") == "1" for row in rows] == expected
    assert [bool(row.xpath(".//span[@class='qw']")) for row in rows] == expected


def test_a_measure_shows_its_text_on_its_first_row_only() -> None:
    """Continuation rows of a measure are marked, as the originals leave the cell blank."""
    plan = Plan(
        "P", areas=[Area(measures=[Measure("M", activities=[Activity("a"), Activity("b")])])]
    )
    rows = _page(plan).xpath("//tr[contains(@class, 'unit')]")
    assert [row.get("class") for row in rows] == ["unit", "unit cont"]


def test_measure_details_hold_its_card_fields() -> None:
    """A Pazardzhik measure's project-sheet fields are in its details."""
    plan = pazardzhik()
    measure = next(plan.measures())
    first = _page(plan).xpath("//tr[contains(@class, 'unit')]")[0]
    details = element_text(first.find(".//details"))
    assert measure.roles.sponsor in details
    assert measure.budget is not None
    assert str(measure.budget) in details


def test_embedded_json_is_the_canonical_json() -> None:
    """The JSON block parses to exactly capcore's JSON form of the plan."""
    for plan in seed_plans().values():
        page = _page(plan)
        block = page.xpath("//script[@type='application/json' and @id='capcore-plan']")
        assert len(block) == 1
        assert json.loads(block[0].text) == json.loads(capcore.dumps(plan))


def test_content_security_policy_allows_exactly_the_inline_script_and_style() -> None:
    """The CSP names the hashes of the page's own script and style, and nothing else loads."""
    page = _page(smolyan())
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    scripts = page.xpath("//script[not(@type)]")
    styles = page.xpath("//style")
    assert len(scripts) == 1
    assert len(styles) == 1
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == _sha256_source(scripts[0].text)
    assert directives["style-src"] == _sha256_source(styles[0].text)


def test_nothing_is_loaded_from_elsewhere() -> None:
    """No element loads a resource, and the stylesheet imports nothing."""
    data = page_bytes(lovech(), as_of=AS_OF)
    page = parse_page(data)
    assert page.xpath("//*[@src]") == []
    assert page.xpath("//link") == []
    style = page.find(".//style").text
    assert "url(" not in style
    assert "@import" not in style


def test_script_injections_stay_text() -> None:
    """Every payload in every field is text: no injected element, attribute, script or link."""
    page = parse_page(page_bytes(xss_plan(), as_of=AS_OF))
    assert page.xpath("//img | //iframe | //svg[@onload] | //body//style") == []
    assert len(page.xpath("//script")) == 2
    handlers = [
        name for element in page.iter() for name in element.attrib if name.lower().startswith("on")
    ]
    assert handlers == []
    assert all(
        re.match(r"(https?|mailto):", href)
        for href in page.xpath("//a/@href[not(starts-with(., '#'))]")
    )
    assert "<img src=x onerror=alert(1)>" in element_text(page.find(".//h1"))


@given(strategies.plans())
def test_any_plan_gives_a_page_with_only_its_own_scripts(plan: Plan) -> None:
    """Whatever a plan holds, the page has its two scripts and no handler attributes."""
    page = parse_page(page_bytes(plan, as_of=AS_OF))
    assert len(page.xpath("//script")) == 2
    assert not any(
        name.lower().startswith("on") for element in page.iter() for name in element.attrib
    )
    block = page.xpath("//script[@id='capcore-plan']")[0].text
    assert capcore.from_dict(json.loads(block)) == plan


def test_text_html_cannot_show_is_left_out_of_the_page_but_kept_in_the_data() -> None:
    """Control characters are dropped from what is shown and kept in the embedded JSON."""
    plan = Plan("Контрол\x00\x0b\ufffe край")
    data = page_bytes(plan, as_of=AS_OF)
    page = parse_page(data)
    assert page.findtext(".//h1") == "Контрол край"
    assert capcore.read(__import__("io").BytesIO(data), "html") == plan


def test_percent_and_status_columns_without_progress_show_no_data() -> None:
    """A unit nobody reported on shows no percent (a dash), never a fake 0."""
    plan = Plan("P", areas=[Area(measures=[Measure("M", kind=MeasureKind.STRATEGIC)])])
    row = _page(plan).xpath("//tr[contains(@class, 'unit')]")[0]
    assert element_text(row.xpath("td[@class='percent']")[0]).startswith("—")

"""The HTML writer: one self-contained page of a plan and its progress.

The page is rendered by jinja2 with autoescaping from templates shipped in
this package (``templates/``): the plan's header, a summary of its progress,
the plan as a table with filters and a search (its rows written by
:mod:`capcore_html.plan_rows`), a timeline and charts as
inline SVG, for a draft plan drawn from improvement proposals their
prioritisation matrix and ranking (:mod:`capcore_html.prioritisation_view`),
and the plan's canonical JSON in a
``<script type="application/json">`` block, so that the page is also a
lossless exchange file (:mod:`capcore_html.reader` reads it back).

Nothing is loaded from elsewhere: the stylesheet and the script are inline,
and a Content-Security-Policy allows exactly those two (by their SHA-256
hashes) and nothing else, so text that slipped through as markup still
could not run or fetch anything.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from functools import cache
from importlib import metadata, resources
from typing import BinaryIO

import attrs
import jinja2
from markupsafe import Markup

import capcore
from capcore import Plan
from capcore_html.escaping import csp_source_hash, script_json
from capcore_html.page import plan_page
from capcore_html.plan_rows import table_bodies
from capcore_html.prioritisation_view import PrioritisationView, prioritisation_view
from capcore_html.progress_view import progress_views
from capcore_html.words import page_words

__all__ = ["GENERATOR", "page_assets", "write"]

GENERATOR = "capcore-html"
"""The start of the page's ``<meta name="generator">`` value: how a page says it is ours."""

_TEMPLATES = "templates"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("capcore_html", _TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # the package's templates do not change while it runs
    )


@cache
def page_assets() -> tuple[str, str]:
    """Return the page's inline stylesheet and script, exactly as the page holds them.

    Raises:
        RuntimeError: A file would end its own ``<style>`` or ``<script>``
            element early (a packaging mistake, caught before any page is written).
    """
    folder = resources.files("capcore_html").joinpath(_TEMPLATES)
    css = folder.joinpath("page.css").read_text(encoding="utf-8")
    js = folder.joinpath("page.js").read_text(encoding="utf-8")
    if "</style" in css.lower() or "</script" in js.lower() or "<!--" in js:
        msg = "the page's stylesheet or script contains its own end tag"
        raise RuntimeError(msg)
    return css, js


@cache
def _content_security_policy() -> str:
    css, js = page_assets()
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {csp_source_hash(js)}",
            f"style-src {csp_source_hash(css)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


@cache
def _generator() -> str:
    try:
        return f"{GENERATOR} {metadata.version('capcore-html')}"
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return GENERATOR


def _compact_json(plan: Plan) -> str:
    # capcore's JSON form without the indentation: the same data and key
    # order as capcore.dumps, written by json's C encoder (indentation makes
    # json fall back to its pure-Python encoder, several times slower).
    return json.dumps(capcore.to_dict(plan), ensure_ascii=False, separators=(",", ":"))


def _prioritisation(plan: Plan, words: Mapping[str, str], locale: str) -> PrioritisationView | None:
    # A draft plan drawn from proposals also shows their matrix and ranking.
    result = capcore.prioritisation_of(plan)
    return None if result is None else prioritisation_view(result, words, locale)


def write(
    plan: Plan,
    stream: BinaryIO,
    /,
    *,
    locale: str = "bg",
    as_of: dt.date | None = None,
) -> None:
    """Write ``plan`` to ``stream`` as a UTF-8 HTML page (the format's writer).

    Args:
        plan: The plan.
        stream: The binary stream capcore opened.
        locale: The page's language, ``bg`` or ``en`` (checked by capcore).
        as_of: The date progress is shown for; today when not given.
    """
    day = as_of if as_of is not None else dt.date.today()  # noqa: DTZ011 - the reader's own day
    words = page_words(locale)
    css, js = page_assets()
    report = capcore.progress(plan, as_of=day)
    views = progress_views(report, capcore.timeline(plan, as_of=day), words, locale)
    page = attrs.evolve(
        plan_page(
            plan,
            words,
            locale=locale,
            as_of=day,
            units=views.statuses,
            unit_names=views.unit_names,
            percents=views.percents,
        ),
        summary=views.summary,
        charts=views.charts,
        timeline=views.timeline,
        prioritisation=_prioritisation(plan, words, locale),
    )
    template = _environment().get_template("page.html.j2")
    # One string, encoded once: streaming the template's ~50 chunks per row
    # through a generator and encoding each costs more than the page's memory.
    text = template.render(
        page=page,
        table_bodies=table_bodies(page.areas, words, len(page.columns)),
        words=words,
        css=Markup(css),  # noqa: S704 - the package's own stylesheet, checked above
        js=Markup(js),  # noqa: S704 - the package's own script, checked above
        csp=_content_security_policy(),
        generator=_generator(),
        plan_json=script_json(_compact_json(plan)),
    )
    stream.write(text.encode("utf-8", "surrogatepass"))

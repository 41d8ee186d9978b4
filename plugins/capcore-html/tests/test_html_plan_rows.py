"""The plan table's rows written in Python are the markup the template loop wrote.

The reference is the jinja2 loop (with autoescaping) that wrote the rows
before :mod:`capcore_html.plan_rows` replaced it, kept here verbatim; both
render the same page view of arbitrary plans and must agree to the character.
"""

from __future__ import annotations

import datetime as dt

import jinja2
from capcore_html.page import PageView, plan_page
from capcore_html.plan_rows import table_bodies
from capcore_html.progress_view import progress_views
from capcore_html.words import page_words
from hypothesis import given, settings
from hypothesis import strategies as st

import capcore
from capcore import Plan
from capcore.testing import payloads, strategies

_TEMPLATE_LOOP = """\
{% macro details(fields) -%}
<details><summary>{{ words.details }}</summary><dl>
{%- for field in fields %}<dt>{{ field.label }}</dt><dd>{% if field.href %}<a href="{{ field.href }}" \
rel="noopener noreferrer">{{ field.value }}</a>{% else %}{{ field.value }}{% endif %}</dd>{% endfor -%}
</dl></details>
{%- endmacro -%}
{%- for area in page.areas %}
<tbody class="area" data-area="{{ area.key }}">
{%- if area.heading %}
<tr class="area-row"><th scope="rowgroup" colspan="{{ page.columns|length }}" \
id="area-{{ area.key }}">{{ area.heading }}</th></tr>
{%- endif %}
{%- for row in area.rows %}
<tr class="unit{% if not row.first %} cont{% endif %}" data-measure="{{ row.measure_key }}" \
data-status="{{ row.status.key }}" data-units="{{ row.units_json }}" \
data-qw="{{ '1' if row.quick_win else '0' }}">
{%- if row.activity %}
<td class="measure"><span class="measure-text">{% if row.measure_number %}<span class="num">\
{{ row.measure_number }}</span> {% endif %}{{ row.measure_title }}{% if row.quick_win %}\
<span class="qw">{{ words.quick_win_mark }}</span>{% endif %}</span>\
{% if row.first and row.details %}{{ details(row.details) }}{% endif %}</td>
<th scope="row">{% if row.activity_number %}<span class="num">{{ row.activity_number }}</span> \
{% endif %}{{ row.activity_title }}</th>
{%- else %}
<th scope="row" colspan="2" class="measure">{% if row.measure_number %}<span class="num">\
{{ row.measure_number }}</span> {% endif %}{{ row.measure_title }}{% if row.quick_win %}\
<span class="qw">{{ words.quick_win_mark }}</span>{% endif %}\
{% if row.details %}{{ details(row.details) }}{% endif %}</th>
{%- endif %}
<td class="nowrap">{{ row.caf }}</td>
<td>{{ row.start }}</td>
<td>{{ row.deadline }}</td>
<td>{{ row.responsible }}</td>
<td>{% if row.status.key %}<span class="gauge gauge-{{ row.status.gauge }}">{{ row.status.label }}\
</span>{% if row.status.reason %} <span class="reason">{{ row.status.reason }}</span>{% endif %}\
{% endif %}</td>
<td class="percent">
{%- if row.percent is none -%}
<span class="none">—<span class="sr-only"> {{ words.no_percent }}</span></span>
{%- else -%}
<svg class="bar" width="80" height="10" viewBox="0 0 100 10" aria-hidden="true" focusable="false">\
<rect class="track" width="100" height="10"/><rect class="fill" width="{{ row.percent.width }}" \
height="10"/></svg>{{ row.percent.text }}
{%- endif -%}
</td>
</tr>
{%- endfor %}
</tbody>
{%- endfor %}"""

_AS_OF = dt.date(2022, 9, 1)


def _page(plan: Plan, locale: str) -> PageView:
    words = page_words(locale)
    views = progress_views(
        capcore.progress(plan, as_of=_AS_OF), capcore.timeline(plan, as_of=_AS_OF), words, locale
    )
    return plan_page(
        plan,
        words,
        locale=locale,
        as_of=_AS_OF,
        units=views.statuses,
        unit_names=views.unit_names,
        percents=views.percents,
    )


def _both(plan: Plan, locale: str) -> tuple[str, str]:
    page = _page(plan, locale)
    words = page_words(locale)
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    expected = environment.from_string(_TEMPLATE_LOOP).render(page=page, words=words)
    return str(table_bodies(page.areas, words, len(page.columns))), expected


@settings(max_examples=40)
@given(strategies.plans(), st.sampled_from(["bg", "en"]))
def test_rows_are_the_template_loops_markup(plan: Plan, locale: str) -> None:
    """Any plan's rows: the same characters as the autoescaping template wrote."""
    ours, expected = _both(plan, locale)
    assert ours == expected


def test_hostile_texts_are_escaped_as_the_template_escaped_them() -> None:
    """Markup, quotes and formula payloads in every field come out as the template's entities."""
    plan = payloads.payload_plan([*payloads.SCRIPT_PAYLOADS, *payloads.FORMULA_PAYLOADS])
    ours, expected = _both(plan, "bg")
    assert ours == expected
    assert "<script" not in ours
    assert "&lt;script&gt;" in ours


def test_invisible_characters_are_dropped_from_every_shown_text() -> None:
    """A control character in an activity's fields is not shown, the rest of the text is."""
    builder = capcore.PlanBuilder("План")
    builder.area("Област").measure("Мярка", number="1.1").activity(
        "Обу\x07чение", number="1.1.\x0b1", responsible="Дирек\x85ция", target="Цел\x00"
    )
    plan = builder.build()
    ours, expected = _both(plan, "bg")
    assert ours == expected
    assert "Обучение" in ours
    assert "Дирекция" in ours
    assert "Цел</dd>" in ours
    assert not any(character in ours for character in "\x07\x0b\x85\x00")

"""The hidden sheet's JSON text: every character XML or openpyxl could change is a JSON escape."""

from __future__ import annotations

import json
import re

import attrs
from capcore_xlsx._embedded import embedded_text
from hypothesis import given

from capcore import Plan, PlanBuilder, to_dict
from capcore.testing import strategies

# What the hidden sheet's cells must never hold as such.
_UNSAFE = re.compile("[_\ud800-\udfff\ufffe\uffff]")


def _plan_titled(title: str) -> Plan:
    return attrs.evolve(PlanBuilder("План").build(), title=title)


def test_unsafe_characters_are_json_escapes() -> None:
    """An underscore, a lone surrogate, U+FFFE and U+FFFF are written as \\uXXXX escapes."""
    text = embedded_text(_plan_titled("a_b \ud800 \ufffe\uffff"))
    assert _UNSAFE.search(text) is None
    assert '"a\\u005fb \\ud800 \\ufffe\\uffff"' in text


@given(strategies.plans())
def test_text_is_the_plans_json_and_safe(plan: Plan) -> None:
    """Any plan's hidden text reads back as its JSON form and holds no unsafe character."""
    text = embedded_text(plan)
    assert _UNSAFE.search(text) is None
    assert json.loads(text) == json.loads(json.dumps(to_dict(plan)))

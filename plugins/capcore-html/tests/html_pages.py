"""What the html tests share: pages of plans, a plan full of script injections."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from decimal import Decimal

from lxml import etree, html

import capcore
from capcore import (
    Activity,
    Approval,
    Area,
    Indicator,
    Measure,
    MeasureKind,
    Period,
    Plan,
    ProgressUpdate,
    Roles,
    SelfAssessment,
    Status,
    parse_budget,
    parse_deadline,
)

XSS_PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "javascript:alert(1)",
    " JaVa\tScRiPt:alert(1)",
    "<!--<script>alert(1)//-->",
    "</style><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    "]]></title><script>alert(1)</script>",
)
"""Script injections, each of which must show as text and never run."""


def page_bytes(plan: Plan, **options: object) -> bytes:
    """Return the page capcore-html writes for ``plan``."""
    out = io.BytesIO()
    capcore.write(plan, out, format="html", **options)
    return out.getvalue()


def parse_page(data: bytes) -> html.HtmlElement:
    """Return the page parsed by a real HTML parser (lxml)."""
    return html.document_fromstring(data, parser=html.HTMLParser(encoding="utf-8"))


def xss_plan() -> Plan:
    """Return a plan with a script injection in every text field a page can show."""
    payload = itertools.cycle(XSS_PAYLOADS).__next__

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
            updates=[
                ProgressUpdate(dt.date(2022, 3, 1), Status.IN_PROGRESS, Decimal(40), payload())
            ],
            extra={payload(): payload()},
        )

    def measure(number: str, *, activities: bool) -> Measure:
        return Measure(
            payload(),
            number=number,
            kind=MeasureKind.QUICK_WIN,
            roles=Roles(payload(), payload(), payload(), "javascript:alert(1)"),
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
            activities=[activity(payload()), activity(payload())] if activities else [],
            indicators=[Indicator(payload(), unit=payload(), text=payload())],
            updates=[ProgressUpdate(dt.date(2022, 3, 1), Status.DELAYED, None, payload())],
            extra={payload(): payload()},
        )

    return Plan(
        payload(),
        organisation=payload(),
        subtitle=payload(),
        introduction=payload(),
        period=Period.years(2022, 2024),
        approval=Approval(payload(), payload(), payload(), dt.date(2022, 3, 1)),
        self_assessment=SelfAssessment(payload(), note=payload()),
        areas=[
            Area(
                payload(),
                payload(),
                description=payload(),
                measures=[measure(payload(), activities=True)],
            ),
            Area(payload(), payload(), measures=[measure(payload(), activities=False)]),
        ],
        indicators=[Indicator(payload(), unit=payload(), text=payload())],
        metadata={payload(): payload(), "portal": "javascript:alert(1)"},
        extra={payload(): payload()},
    )


def element_text(element: etree._Element) -> str:
    """Return the text an element shows, white space as one space."""
    return " ".join("".join(element.itertext()).split())

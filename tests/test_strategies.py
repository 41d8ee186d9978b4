"""The Hypothesis strategies of capcore.testing.strategies produce what they promise."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import capcore
from capcore.model import Plan
from capcore.testing import strategies


@given(strategies.long_texts())
def test_long_texts_are_over_the_excel_cell_limit(text: str) -> None:
    """Every long text is longer than the 32,767 characters an Excel cell holds."""
    assert len(text) > strategies.EXCEL_CELL_LIMIT


def test_calendar_edge_dates_include_the_ends_of_the_calendar() -> None:
    """The edge dates hold the first and last representable days and Excel's day 0."""
    edges = strategies.CALENDAR_EDGE_DATES
    assert dt.date.min in edges
    assert dt.date.max in edges
    assert dt.date(1899, 12, 30) in edges


@given(st.data())
def test_calendar_edge_dates_are_dates(data: st.DataObject) -> None:
    """The edge-date strategy draws dates."""
    assert isinstance(data.draw(strategies.calendar_edge_dates()), dt.date)


@settings(max_examples=10)
@given(strategies.extreme_plans())
def test_extreme_plans_carry_long_texts_and_survive_json(plan: Plan) -> None:
    """An extreme plan has a long introduction and a measure with a long title, and JSON keeps it."""
    assert len(plan.introduction) > strategies.EXCEL_CELL_LIMIT
    last = plan.areas[-1].measures[0]
    assert len(last.title) > strategies.EXCEL_CELL_LIMIT
    assert len(last.activities[0].note) > strategies.EXCEL_CELL_LIMIT
    assert capcore.loads(capcore.dumps(plan)) == plan

"""Hypothesis strategies for arbitrary plans and their parts.

Text is any Unicode a person can paste into a plan (every code point but
lone surrogates, which no file format can store), weighted towards what
breaks exporters: Cyrillic, „quotes“, emoji, combining marks, right-to-left
text, line breaks and tabs, leading and trailing spaces, control characters,
strings that start with ``=``, ``+``, ``-``, ``@`` and HTML or script
fragments. Deadlines and budgets are made by the real parsers from the words
plans use, so a format that keeps only the words reads the same meaning back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from capcore.budget import Budget
from capcore.budget_parse import parse_budget
from capcore.caf import CafRef, CafVersion
from capcore.deadline import Deadline
from capcore.deadline_parse import parse_deadline
from capcore.indicator import Comparison, Indicator, IndicatorValue
from capcore.model import (
    Activity,
    Approval,
    Area,
    Layout,
    Measure,
    MeasureKind,
    Period,
    Plan,
    Priority,
    Roles,
    SelfAssessment,
)
from capcore.prioritisation_method import (
    PRIORITISATION_METHODS,
    Category,
    Decision,
    Grid,
    Override,
    Prioritisation,
    PrioritisationMethod,
    Rule,
    Scale,
    Weights,
)
from capcore.progress_policy import (
    POLICY_PRESETS,
    PercentSource,
    ProgressPolicy,
    StatusPercents,
    Weighting,
)
from capcore.progress_update import ProgressUpdate, Status
from capcore.proposals import Proposal

__all__ = [
    "BUDGET_WORDS",
    "CALENDAR_EDGE_DATES",
    "DEADLINE_WORDS",
    "EXCEL_CELL_LIMIT",
    "TRICKY_TEXTS",
    "activities",
    "areas",
    "budgets",
    "caf_refs",
    "calendar_edge_dates",
    "dates_in",
    "deadlines",
    "decimals",
    "extreme_plans",
    "indicators",
    "long_texts",
    "measures",
    "periods",
    "plans",
    "prioritisation_methods",
    "prioritisations",
    "progress_policies",
    "progress_updates",
    "proposals",
    "scores",
    "texts",
    "weights",
]

TRICKY_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "Главен секретар, директори на дирекции",
    "„Ефективна комуникация“ – обучение",
    '=HYPERLINK("http://example.invalid","x")',
    "=1+2",
    "+359 888 123 456",
    "-5 %",
    "@SUM(A1:A3)",
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt; &#1052;",
    "Стратегия 🚀 за 2022 г. 👍🏽",
    "  водещи и крайни интервали  ",
    "ред\nнов ред",
    "Windows\r\nредове",
    "табулация\tтук",
    "Cafe\u0301 и́",
    "שלום עולם مرحبا",
    "\u200b\u200d\ufeff",
    "контрол\x00\x01\x0b\x0c\x1f\x7f",
    "\ufffe\uffff",
    "1.1.",
    "3.1.1.Сформиране",
)
"""Strings that have broken exporters somewhere; mixed into every text field."""

DEADLINE_WORDS: tuple[str, ...] = (
    "14.3.2022",
    "18.05.2022",
    "1 септември 2017",
    "30 юни 2023 г.",
    "2022-03-14",
    "м. март",
    "м.юни",
    "януари",
    "II тримесечие на 2023 г.",
    "второ полугодие",
    "до края на 2017",
    "постоянен",
    "текущо, в процеса на изпълнение на Плана за подобрене",
    "тримесечно",
    "ежегодно, декември",
    "на всеки шест месеца",
    "при актуализация",
    "по план",
    "Постоянен – на всеки шест месеца (съкратена) и ежегодно (разширена)",
    "1 декември 2017 (стратегическо планиране) Постоянен (изпълнение)",
)
"""Deadlines as the seed plans write them."""

BUDGET_WORDS: tuple[str, ...] = (
    "3500 лева",
    "N/A",
    "Неприложимо",
    "Според утвърдения бюджет, но не по-малко от 5000 лева годишно",
    "Според възможностите на бюджета, но не по-малко от 12 приемни годишно - 60 човекодни",
    "Минимум 10% увеличение на средствата за персонал през 2018 година",
    "85% от Европейския социален фонд и 15% национално съфинансиране",
    "2000 EUR",
)
"""Budgets as the seed plans write them."""


EXCEL_CELL_LIMIT = 32_767
"""The most characters an Excel cell holds; :func:`long_texts` are longer."""

CALENDAR_EDGE_DATES: tuple[dt.date, ...] = (
    dt.date.min,
    dt.date.max,
    dt.date(1899, 12, 30),  # Excel's day 0 in the 1900 date system
    dt.date(1900, 1, 1),
    dt.date(1900, 2, 28),  # the day before Excel's phantom 29 February 1900
    dt.date(1900, 3, 1),
    dt.date(1904, 1, 1),  # day 0 of Excel's 1904 date system
    dt.date(1970, 1, 1),
    dt.date(2000, 2, 29),
    dt.date(2024, 2, 29),
    dt.date(2038, 1, 19),  # the end of 32-bit Unix time
    dt.date(2025, 12, 31),  # the last day before the euro in Bulgaria
    dt.date(2026, 1, 1),
)
"""Dates where calendars, spreadsheets and clocks have edges."""


def texts(*, max_size: int = 30) -> st.SearchStrategy[str]:
    """Any text a person can put in a plan, weighted towards the tricky cases."""
    anything = st.text(st.characters(exclude_categories=["Cs"]), max_size=max_size)
    cyrillic = st.text(
        st.characters(min_codepoint=0x400, max_codepoint=0x4FF) | st.sampled_from(" .,-„“\n"),
        max_size=max_size,
    )
    return st.one_of(anything, cyrillic, st.sampled_from(TRICKY_TEXTS))


def long_texts() -> st.SearchStrategy[str]:
    """Texts longer than Excel's cell limit (:data:`EXCEL_CELL_LIMIT`), made of tricky pieces.

    A short text is repeated to the length, so generating one stays cheap.
    """
    pieces = st.one_of(st.sampled_from(TRICKY_TEXTS), texts(max_size=12)).filter(bool)
    lengths = st.integers(EXCEL_CELL_LIMIT + 1, EXCEL_CELL_LIMIT + 5_000)
    return st.builds(
        lambda piece, length: (piece * (length // len(piece) + 1))[:length], pieces, lengths
    )


def calendar_edge_dates() -> st.SearchStrategy[dt.date]:
    """Any date, weighted towards :data:`CALENDAR_EDGE_DATES`."""
    return st.sampled_from(CALENDAR_EDGE_DATES) | st.dates()


def decimals() -> st.SearchStrategy[Decimal]:
    """Finite decimals as amounts and values are written (up to two places)."""
    return st.decimals(
        min_value=Decimal(-(10**9)),
        max_value=Decimal(10**12),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )


def periods() -> st.SearchStrategy[Period]:
    """Plan periods of one to five whole years, or from one day to another."""
    whole_years = st.builds(
        lambda first, length: Period.years(first, first + length),
        st.integers(2000, 2040),
        st.integers(0, 4),
    )
    days = st.tuples(st.dates(), st.dates()).map(lambda pair: Period(*sorted(pair)))
    return whole_years | days


def deadlines(period: Period | None = None) -> st.SearchStrategy[Deadline]:
    """Deadlines made by :func:`capcore.parse_deadline` or :meth:`Deadline.on`."""
    words = st.one_of(st.sampled_from(DEADLINE_WORDS), texts())
    return st.one_of(
        st.dates().map(Deadline.on),
        words.map(lambda text: parse_deadline(text, period=period)),
    )


def budgets() -> st.SearchStrategy[Budget]:
    """Budgets made by :func:`capcore.parse_budget` from seed-like or arbitrary words."""
    return st.one_of(st.sampled_from(BUDGET_WORDS), texts()).map(parse_budget)


def caf_refs() -> st.SearchStrategy[CafRef]:
    """CAF references, existing or not (validation, not the model, checks them)."""
    return st.builds(
        CafRef,
        st.integers(1, 9),
        st.none() | st.integers(1, 6),
        st.none() | st.sampled_from("abcdefgh"),
    ).filter(lambda ref: ref.sub is not None or ref.example is None)


def progress_updates() -> st.SearchStrategy[ProgressUpdate]:
    """Dated progress reports."""
    percent = st.none() | st.decimals(min_value=0, max_value=100, places=1)
    return st.builds(
        ProgressUpdate,
        st.dates(),
        st.none() | st.sampled_from(Status),
        percent,
        actual_start=st.none() | st.dates(),
        actual_end=st.none() | st.dates(),
        note=texts(),
        reported_by=texts(),
    )


def weights() -> st.SearchStrategy[Decimal | None]:
    """Explicit progress weights: none, or 0 or more."""
    return st.none() | st.decimals(min_value=0, max_value=1000, places=2)


def progress_policies() -> st.SearchStrategy[ProgressPolicy]:
    """Progress policies: the named presets, and any valid combination of settings."""
    percent = st.decimals(min_value=0, max_value=100, places=1)
    status_percents = st.builds(StatusPercents, percent, percent, percent, percent, percent)
    custom = (
        st.tuples(st.decimals(min_value=0, max_value=50, places=1), percent)
        .map(sorted)
        .flatmap(
            lambda pair: st.builds(
                ProgressPolicy,
                st.sampled_from(PercentSource),
                st.sampled_from(Weighting),
                st.booleans(),
                st.booleans(),
                status_percents,
                st.just(pair[0]),
                st.just(pair[1]),
            )
        )
    )
    return st.sampled_from(list(POLICY_PRESETS.values())) | custom


def indicators() -> st.SearchStrategy[Indicator]:
    """Indicators with a few actual values."""
    values = st.lists(st.builds(IndicatorValue, st.dates(), decimals(), texts()), max_size=2)
    return st.builds(
        Indicator,
        texts(),
        id=st.uuids().map(str),
        unit=texts(max_size=8),
        baseline=st.none() | decimals(),
        target=st.none() | decimals(),
        comparison=st.sampled_from(Comparison),
        per_year=st.booleans(),
        text=texts(),
        values=values,
    )


def _extra() -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(texts(max_size=10), texts(), max_size=2)


def activities(period: Period | None = None) -> st.SearchStrategy[Activity]:
    """Activities with any text, deadlines and updates."""
    maybe_deadline = st.none() | deadlines(period)
    return st.builds(
        Activity,
        texts(),
        number=texts(max_size=8),
        id=st.uuids().map(str),
        start=maybe_deadline,
        deadline=maybe_deadline,
        weight=weights(),
        target=texts(),
        responsible=texts(),
        supporting=texts(),
        note=texts(),
        updates=st.lists(progress_updates(), max_size=2),
        extra=_extra(),
    )


def measures(period: Period | None = None) -> st.SearchStrategy[Measure]:
    """Measures with every field, with or without activities."""
    maybe_deadline = st.none() | deadlines(period)
    priority = st.builds(
        Priority,
        st.none() | decimals(),
        st.none() | decimals(),
        st.none() | decimals(),
        st.none() | st.integers(1, 100),
        texts(),
    )
    return st.builds(
        Measure,
        texts(),
        number=texts(max_size=8),
        id=st.uuids().map(str),
        kind=st.none() | st.sampled_from(MeasureKind),
        caf_refs=st.lists(caf_refs(), max_size=3).map(tuple),
        priority=st.none() | priority,
        roles=st.builds(Roles, texts(), texts(), texts(), texts()),
        scope=texts(),
        stakeholders=texts(),
        strengths=texts(),
        improvement_areas=texts(),
        options=texts(),
        constraints=texts(),
        human_resources=texts(),
        budget=st.none() | budgets(),
        expected_result=texts(),
        start=maybe_deadline,
        deadline=maybe_deadline,
        weight=weights(),
        responsible=texts(),
        supporting=texts(),
        note=texts(),
        activities=st.lists(activities(period), max_size=3),
        indicators=st.lists(indicators(), max_size=1),
        updates=st.lists(progress_updates(), max_size=2),
        extra=_extra(),
        proposal_ids=st.lists(st.uuids().map(str), max_size=2).map(tuple),
    )


def scores(scale: Scale | None = None) -> st.SearchStrategy[Decimal]:
    """Whole-number scores on ``scale`` (1-5 by default), as working groups give them."""
    chosen = scale or Scale()
    return st.integers(int(chosen.low), int(chosen.high)).map(Decimal)


def proposals(scale: Scale | None = None) -> st.SearchStrategy[Proposal]:
    """Improvement proposals with every field set or not; scores on ``scale``."""
    maybe_score = st.none() | scores(scale)
    return st.builds(
        Proposal,
        texts(),
        id=st.uuids().map(str),
        number=texts(max_size=6),
        caf_ref=st.none() | caf_refs(),
        improvement_area=texts(),
        strengths=texts(),
        self_assessment_score=st.none() | st.integers(0, 100).map(Decimal),
        impact=maybe_score,
        feasibility=maybe_score,
        urgency=maybe_score,
        cost=maybe_score,
        months=st.none() | st.integers(1, 36),
        area=texts(),
        note=texts(),
        extra=_extra(),
    )


def prioritisation_methods() -> st.SearchStrategy[PrioritisationMethod]:
    """The named prioritisation methods, and custom ones on the default scale."""
    weight = st.integers(0, 10).map(lambda tenths: Decimal(tenths) / 10)
    custom = st.builds(
        PrioritisationMethod,
        rule=st.sampled_from(Rule),
        grid=st.sampled_from(Grid),
        count_urgency=st.booleans(),
        count_cost=st.booleans(),
        weights=st.builds(Weights, weight, weight, weight, weight),
        quick_win_months=st.integers(1, 12),
    )
    return st.sampled_from(list(PRIORITISATION_METHODS.values())) | custom


@st.composite
def prioritisations(draw: st.DrawFn, max_proposals: int = 4) -> Prioritisation:
    """What a working group prioritised: proposals, a method, and overrides of some of them."""
    method = draw(prioritisation_methods())
    found = draw(
        st.lists(proposals(method.scale), max_size=max_proposals, unique_by=lambda p: p.id)
    )
    overrides = []
    for proposal in found:
        if not draw(st.booleans()):
            continue
        category = draw(st.none() | st.sampled_from(Category))
        rank = draw(st.none() | st.integers(1, max_proposals + 1))
        decision = draw(st.none() | st.sampled_from(Decision))
        if category is None and rank is None and decision is None:
            decision = Decision.TAKE
        overrides.append(
            Override(
                proposal.id,
                draw(texts().filter(str.strip)),
                draw(texts().filter(str.strip)),
                category=category,
                rank=rank,
                decision=decision,
                date=draw(st.none() | st.dates()),
            )
        )
    return Prioritisation(tuple(found), method, tuple(overrides))


def areas(period: Period | None = None) -> st.SearchStrategy[Area]:
    """Areas with a few measures."""
    return st.builds(
        Area,
        texts(),
        texts(max_size=4),
        id=st.uuids().map(str),
        description=texts(),
        weight=weights(),
        measures=st.lists(measures(period), max_size=3),
        extra=_extra(),
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Arbitrary plans: every field set or not, any text, a few areas deep."""
    period = draw(st.none() | periods())
    approval = st.builds(Approval, texts(), texts(), texts(max_size=15), st.none() | st.dates())
    assessment = st.builds(
        SelfAssessment, texts(), st.none() | st.dates(), st.none() | periods(), texts()
    )
    return Plan(
        draw(texts()),
        id=draw(st.uuids().map(str)),
        organisation=draw(texts()),
        subtitle=draw(texts()),
        introduction=draw(texts()),
        period=period,
        approval=draw(st.none() | approval),
        caf_version=draw(st.none() | st.sampled_from(CafVersion)),
        self_assessment=draw(st.none() | assessment),
        language=draw(st.sampled_from(["bg", "en"])),
        layout=draw(st.none() | st.sampled_from(Layout)),
        areas=draw(st.lists(areas(period), max_size=3)),
        indicators=draw(st.lists(indicators(), max_size=2)),
        metadata=draw(_extra()),
        progress_policy=draw(st.none() | progress_policies()),
        prioritisation=draw(st.none() | prioritisations(max_proposals=2)),
        extra=draw(_extra()),
    )


def dates_in(period: Period) -> st.SearchStrategy[dt.date]:
    """Dates within ``period``."""
    return st.dates(min_value=period.start, max_value=period.end)


@st.composite
def extreme_plans(draw: st.DrawFn) -> Plan:
    """Arbitrary plans (:func:`plans`) with texts over Excel's cell limit and edge dates.

    The plan's introduction is a long text, and a last area holds a measure
    with a long title, an activity with a long note, and deadlines, updates
    and an approval on calendar-edge dates.
    """
    plan = draw(plans())
    day, other = draw(calendar_edge_dates()), draw(calendar_edge_dates())
    plan.introduction = draw(long_texts())
    activity = Activity(
        draw(texts()),
        number="1.1.1",
        id=draw(st.uuids().map(str)),
        start=Deadline.on(min(day, other)),
        deadline=Deadline.on(max(day, other)),
        note=draw(long_texts()),
        updates=[ProgressUpdate(day, draw(st.none() | st.sampled_from(Status)), None)],
    )
    measure = Measure(
        draw(long_texts()),
        number="1.1",
        id=draw(st.uuids().map(str)),
        deadline=Deadline.on(other),
        activities=[activity],
    )
    plan.areas.append(Area(draw(texts()), "1", id=draw(st.uuids().map(str)), measures=[measure]))
    if plan.approval is not None:
        plan.approval = attrs.evolve(plan.approval, date=day)
    return plan

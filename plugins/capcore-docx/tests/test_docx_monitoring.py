"""The monitoring report renders capcore.progress as of a date, and computes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from docx_helpers import body_paragraph_texts, docx_bytes, open_docx, read_docx, text_of, w

import capcore
from capcore import Gauge, Plan, ProgressUpdate, Status
from capcore.examples import lovech, pazardzhik
from capcore.labels import format_date, format_percent

AS_OF = dt.date(2022, 9, 1)


def _monitored() -> Plan:
    """The Lovech plan with a few reports: done, half way, delayed."""
    plan = lovech()
    activities = list(plan.activities())
    activities[0].updates.append(ProgressUpdate(dt.date(2022, 3, 18), Status.DONE, Decimal(100)))
    activities[1].updates.append(
        ProgressUpdate(dt.date(2022, 6, 30), Status.IN_PROGRESS, Decimal(50))
    )
    activities[2].updates.append(ProgressUpdate(dt.date(2022, 5, 20), Status.DELAYED))
    return plan


def _tables(data: bytes) -> list[list[list[str]]]:
    document = open_docx(data)
    return [
        [[text_of(tc) for tc in tr.findall(w("tc"))] for tr in tbl.findall(w("tr"))]
        for tbl in document.element.body.findall(w("tbl"))
    ]


def test_report_heading_names_the_date_and_the_policy() -> None:
    """Title, "Напредък към 01.09.2022" and the policy's name head the report."""
    texts = body_paragraph_texts(
        open_docx(docx_bytes(_monitored(), layout="monitoring", as_of=AS_OF))
    )
    assert texts[0] == lovech().title
    assert f"Напредък към {format_date(AS_OF)}" in texts
    assert "Правило за изчисляване: default" in texts


def test_summary_figures_are_the_progress_reports() -> None:
    """Actual, expected, variance, gauge and counts are capcore.progress's, formatted once."""
    plan = _monitored()
    report = capcore.progress(plan, as_of=AS_OF)
    summary = dict(
        row[:2] for row in _tables(docx_bytes(plan, layout="monitoring", as_of=AS_OF))[0]
    )
    assert summary["Изпълнение"] == format_percent(report.plan.actual)
    assert summary["Очаквано"] == format_percent(report.plan.expected)
    assert summary["Отклонение"] == format_percent(report.plan.variance, sign=True, unit=False)
    assert summary["Оценка"] == report.plan.gauge.words("bg")
    assert summary["Причина"] == report.plan.reason_text("bg")
    assert summary["Изпълнена"] == str(report.status_counts()["done"])


def test_progress_by_area_has_each_gauge_and_its_reason() -> None:
    """One row per area and measure: its percents, its gauge in a coloured cell, its reason."""
    plan = _monitored()
    report = capcore.progress(plan, as_of=AS_OF)
    data = docx_bytes(plan, layout="monitoring", as_of=AS_OF)
    rows = _tables(data)[1][1:]
    items = [
        i for i in report.items if i.level in (capcore.ItemLevel.AREA, capcore.ItemLevel.MEASURE)
    ]
    assert [row[0] for row in rows] == [item.number for item in items]
    assert [row[5] for row in rows] == [item.gauge.words("bg") for item in items]
    assert [row[6] for row in rows] == [item.reason_text("bg") for item in items]
    assert [row[2] for row in rows] == [format_percent(item.actual) for item in items]
    fills = {
        text_of(tc): tc.find(f"{w('tcPr')}/{w('shd')}").get(w("fill"))
        for tbl in open_docx(data).element.body.findall(w("tbl"))[1:2]
        for tr in tbl.findall(w("tr"))[1:]
        for tc in tr.findall(w("tc"))[5:6]
    }
    assert fills[Gauge.RED.words("bg")] == "FFC7CE"


def test_overdue_and_late_lists_follow_the_report() -> None:
    """The overdue and late-to-start sections list exactly the report's items."""
    plan = _monitored()
    report = capcore.progress(plan, as_of=AS_OF)
    texts = body_paragraph_texts(open_docx(docx_bytes(plan, layout="monitoring", as_of=AS_OF)))
    assert f"Просрочени ({len(report.overdue)})" in texts
    assert f"Трябваше да са започнали ({len(report.late_to_start)})" in texts
    tables = _tables(docx_bytes(plan, layout="monitoring", as_of=AS_OF))
    overdue = next(t for t in tables if t[0][-1] == "Срок")
    assert [row[0] for row in overdue[1:]] == [item.number for item in report.overdue]


def test_quick_wins_and_indicators_sections() -> None:
    """The quick-win section counts the report's quick wins and lists each of them."""
    plan = _monitored()
    report = capcore.progress(plan, as_of=AS_OF)
    texts = body_paragraph_texts(open_docx(docx_bytes(plan, layout="monitoring", as_of=AS_OF)))
    assert f"Бързи победи ({report.quick_wins.total})" in texts
    assert report.quick_wins.total == 15
    assert "Индикатори (0)" in texts


def test_report_in_english() -> None:
    """locale="en": "Progress as of 2022-09-01" and English gauges."""
    texts = body_paragraph_texts(
        open_docx(docx_bytes(_monitored(), layout="monitoring", as_of=AS_OF, locale="en"))
    )
    assert "Progress as of 2022-09-01" in texts
    assert "Plan progress report" in texts


@pytest.mark.parametrize("plan", [_monitored(), pazardzhik()], ids=["lovech", "pazardzhik"])
def test_a_report_reads_back_as_its_plan(plan: Plan) -> None:
    """A monitoring report carries its plan: reading it gives the plan back."""
    assert read_docx(docx_bytes(plan, layout="monitoring", as_of=AS_OF)) == plan

"""The progress report as text: what each part says, in Bulgarian and English."""

from __future__ import annotations

import datetime as dt

import pytest

from capcore import PlanBuilder, Status, UnknownLocaleError, progress
from capcore.progress_text import render_progress

D = dt.date


def _report(**area: str) -> object:
    builder = PlanBuilder(
        "План", id="p", organisation="Областна администрация", period=(2024, 2024)
    )
    target = builder.area(area["title"]) if "title" in area else builder
    measure = target.measure("Мярка", quick_win=True, deadline=D(2024, 1, 31))
    measure.update(D(2024, 1, 10), status=Status.IN_PROGRESS, percent=30)
    return progress(builder.build(), as_of=D(2024, 2, 15))


def test_heading_summary_and_item_lines() -> None:
    """Title, organisation, date, policy; the plan's line; each area and measure line."""
    lines = render_progress(_report(title="Хора"), "bg").splitlines()  # type: ignore[arg-type]
    assert lines[:4] == [
        "План",
        "Областна администрация",
        "Напредък към 15.02.2024",
        "Правило за изчисляване: default",
    ]
    assert "Целият план: изпълнение 30,0 %, очаквано 100,0 %, отклонение -70,0" in lines
    assert any(line.startswith("  [червено] Област 1: Хора — 30,0 % / 100,0 %") for line in lines)
    assert (
        "    [червено] 1.1 Мярка — 30,0 % / 100,0 % — просрочена: срокът беше 31.01.2024 (преди 15 дни); изостава от графика с 70,0 процентни пункта"
        in lines
    )


def test_an_untitled_area_has_no_line() -> None:
    """A plan without areas (one untitled area) shows its measures only."""
    text = render_progress(_report(), "en")  # type: ignore[arg-type]
    section = text.split("Areas, measures and activities:\n")[1].split("\n\n")[0]
    assert [line.split(" — ")[0] for line in section.splitlines()] == ["    [red  ] 1 Мярка"]


def test_lists_and_empty_sections_in_english() -> None:
    """Overdue lists the measure; empty sections say "none"."""
    text = render_progress(_report(), "en")  # type: ignore[arg-type]
    assert "Overdue (1):\n  1 Мярка — due 2024-01-31, 15 days overdue" in text
    assert "Indicators (0):\n  none" in text
    assert "Quick wins (1):\n  0 of 1 done (0.0%)" in text


def test_unknown_locale() -> None:
    """An unsupported locale is a clear error."""
    with pytest.raises(UnknownLocaleError):
        render_progress(_report(), "de")  # type: ignore[arg-type]

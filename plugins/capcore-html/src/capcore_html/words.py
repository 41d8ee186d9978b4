"""The words of the page's own controls and sections, in Bulgarian and English.

The names of the plan's fields, statuses and progress terms come from
:mod:`capcore.labels`, shared by every exporter. What is here belongs to
this page alone: a skip link, the filter form, the count of rows shown,
section headings of the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from capcore.labels import labels

__all__ = ["page_words"]

_BG = {
    "skip_to_plan": "Към плана",
    "no_report": "Няма отчет",
    "overall_progress": "Общо изпълнение",
    "expected_progress": "очаквано",
    "expected_short": "очаквано",
    "gauge": "Оценка",
    "on_track": "По график",
    "at_risk": "Под риск",
    "behind": "Изоставащи и просрочени",
    "quick_win_completion": "Изпълнени бързи победи",
    "quick_wins_detail": "{done} от {total} изпълнени; {overdue} с просрочие",
    "no_quick_wins": "планът няма бързи победи",
    "overdue_list": "Просрочени",
    "late_to_start_list": "Със закъснение за започване",
    "upcoming_list": "Предстоящи срокове",
    "indicators": "Индикатори",
    "actual_value": "Постигнато",
    "attainment": "Постигане на целта",
    "by_criterion": "Изпълнение по критерии на CAF",
    "by_unit": "Изпълнение по отговорни звена",
    "nobody": "(без посочен отговорник)",
    "as_of": "Към дата",
    "caf_version": "Версия на CAF",
    "self_assessment": "Доклад за самооценка",
    "responsible_unit": "Отговорно звено",
    "plan_table": "Мерки и дейности",
    "filters": "Филтри на плана",
    "all": "Всички",
    "quick_wins_only": "Само бързи победи",
    "search": "Търсене",
    "clear_filters": "Изчисти филтрите",
    "shown_rows": "Показани {shown} от {total} реда",
    "details": "Подробности",
    "no_percent": "няма данни за изпълнение",
    "quick_win_mark": "QW",
    "caption": "{measures} мерки, {units} реда за отчитане",
    "summary": "Обобщение",
    "timeline": "График на изпълнението",
    "charts": "Изпълнение по критерии на CAF и по звена",
    "embedded_data": (
        "Страницата съдържа пълните данни на плана (JSON) и може да се отвори отново с capcore."
    ),
}

_EN = {
    "skip_to_plan": "Skip to the plan",
    "no_report": "No report",
    "overall_progress": "Overall progress",
    "expected_progress": "expected",
    "expected_short": "expected",
    "gauge": "Assessment",
    "on_track": "On track",
    "at_risk": "At risk",
    "behind": "Behind or overdue",
    "quick_win_completion": "Quick wins done",
    "quick_wins_detail": "{done} of {total} done; {overdue} overdue",
    "no_quick_wins": "the plan has no quick wins",
    "overdue_list": "Overdue",
    "late_to_start_list": "Late to start",
    "upcoming_list": "Upcoming deadlines",
    "indicators": "Indicators",
    "actual_value": "Actual",
    "attainment": "Attainment",
    "by_criterion": "Progress by CAF criterion",
    "by_unit": "Progress by responsible unit",
    "nobody": "(nobody named)",
    "as_of": "As of",
    "caf_version": "CAF version",
    "self_assessment": "Self-assessment report",
    "responsible_unit": "Responsible unit",
    "plan_table": "Measures and activities",
    "filters": "Plan filters",
    "all": "All",
    "quick_wins_only": "Quick wins only",
    "search": "Search",
    "clear_filters": "Clear filters",
    "shown_rows": "Showing {shown} of {total} rows",
    "details": "Details",
    "no_percent": "no progress reported",
    "quick_win_mark": "QW",
    "caption": "{measures} measures, {units} rows reported on",
    "summary": "Summary",
    "timeline": "Timeline",
    "charts": "Progress by CAF criterion and by unit",
    "embedded_data": (
        "This page holds the plan's complete data (JSON) and can be read again with capcore."
    ),
}

_PAGE_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"bg": MappingProxyType(_BG), "en": MappingProxyType(_EN)}
)


def page_words(locale: str) -> dict[str, str]:
    """Return every word the page uses in ``locale``: capcore's labels, then the page's own.

    Raises:
        capcore.UnknownLocaleError: The locale is not supported.
    """
    return {**labels(locale), **_PAGE_WORDS[locale]}

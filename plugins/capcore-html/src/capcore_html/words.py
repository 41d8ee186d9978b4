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
    "prioritisation_matrix_description": (
        "{count} предложения според осъществимостта (хоризонтално) и въздействието "
        "(вертикално); бързите победи са по-големи ромбове. Същите данни са в таблицата."
    ),
    "embedded_data": (
        "Страницата съдържа пълните данни на плана (JSON) и може да се отвори отново с capcore."
    ),
}

_EN = {
    "skip_to_plan": "Skip to the plan",
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
    "prioritisation_matrix_description": (
        "{count} proposals by feasibility (across) and impact (up); quick wins are the "
        "larger diamonds. The table holds the same data."
    ),
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

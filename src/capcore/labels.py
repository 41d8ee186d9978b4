"""The words documents use for the model's fields and values, in Bulgarian and English.

Every exporter takes its labels from here, so Excel, Word, HTML and any
plugin call a field by the same name. Keys are the model's attribute names
(``improvement_areas``, ``deadline``) plus a few document words (``plan``,
``approval``, ``quick_win``); statuses and measure kinds by their values.
A layout that mimics a particular source document (the Lovech matrix
headers, the Pazardzhik card labels) may use that document's own words for
its headings; everything else comes from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from capcore.errors import CapcoreError
from capcore.locales import check_locale
from capcore.model import MeasureKind
from capcore.progress_update import Status

__all__ = ["LABELS", "format_date", "label", "labels"]

_BG = {
    "plan": "План за подобрение",
    "organisation": "Администрация",
    "period": "Период",
    "approval": "УТВЪРЖДАВАМ:",
    "area": "Област",
    "measure": "Мярка",
    "activity": "Дейност",
    "quick_win": "бърза победа",
    "caf_refs": "Подкритерии на CAF",
    "priority": "Приоритет",
    "sponsor": "Спонсор",
    "leader": "Ръководител",
    "team": "Екип",
    "contact": "Контакт",
    "scope": "Обхват",
    "stakeholders": "Заинтересовани страни",
    "strengths": "Силни страни",
    "improvement_areas": "Области на подобрение",
    "options": "Варианти за проучване",
    "constraints": "Ограничения",
    "human_resources": "Необходими човешки ресурси",
    "budget": "Бюджет",
    "expected_result": "Очакван резултат",
    "start": "Начало",
    "deadline": "Срок",
    "responsible": "Отговорник",
    "supporting": "Подпомагащи",
    "note": "Забележка",
    "number": "№",
    "title": "Наименование",
    "target": "Целеви стойности",
    "status": "Статус",
    "percent": "Изпълнение (%)",
    "indicator": "Индикатор",
    "baseline": "Базова стойност",
    "unit": "Мерна единица",
    Status.NOT_STARTED.value: "Не е започнала",
    Status.IN_PROGRESS.value: "В изпълнение",
    Status.DONE.value: "Изпълнена",
    Status.DELAYED.value: "Забавена",
    Status.ON_HOLD.value: "Спряна",
    Status.CANCELLED.value: "Отменена",
    MeasureKind.STRATEGIC.value: "стратегическа мярка",
}

_EN = {
    "plan": "Improvement plan",
    "organisation": "Organisation",
    "period": "Period",
    "approval": "Approved by:",
    "area": "Area",
    "measure": "Measure",
    "activity": "Activity",
    "quick_win": "quick win",
    "caf_refs": "CAF sub-criteria",
    "priority": "Priority",
    "sponsor": "Sponsor",
    "leader": "Leader",
    "team": "Team",
    "contact": "Contact",
    "scope": "Scope",
    "stakeholders": "Stakeholders",
    "strengths": "Strengths",
    "improvement_areas": "Areas for improvement",
    "options": "Options to explore",
    "constraints": "Constraints",
    "human_resources": "Human resources needed",
    "budget": "Budget",
    "expected_result": "Expected result",
    "start": "Start",
    "deadline": "Deadline",
    "responsible": "Responsible",
    "supporting": "Supporting",
    "note": "Note",
    "number": "No.",
    "title": "Title",
    "target": "Target values",
    "status": "Status",
    "percent": "Progress (%)",
    "indicator": "Indicator",
    "baseline": "Baseline",
    "unit": "Unit",
    Status.NOT_STARTED.value: "Not started",
    Status.IN_PROGRESS.value: "In progress",
    Status.DONE.value: "Done",
    Status.DELAYED.value: "Delayed",
    Status.ON_HOLD.value: "On hold",
    Status.CANCELLED.value: "Cancelled",
    MeasureKind.STRATEGIC.value: "strategic measure",
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"bg": MappingProxyType(_BG), "en": MappingProxyType(_EN)}
)
"""Every label, by locale, then by key (read-only)."""


def labels(locale: str = "bg") -> Mapping[str, str]:
    """Return the labels of ``locale`` (``bg`` or ``en``), for every supported locale.

    Raises:
        UnknownLocaleError: The locale is not one of :data:`capcore.locales.LOCALES`.
    """
    return LABELS[check_locale(locale)]


def label(key: str, locale: str = "bg") -> str:
    """Return the label of one field or value (``label("deadline", "bg") == "Срок"``).

    Raises:
        CapcoreError: The locale or the key is unknown.
    """
    words = labels(locale)
    try:
        return words[key]
    except KeyError:
        raise CapcoreError(f"no {locale} label for {key!r}") from None


def format_date(day: dt.date, locale: str = "bg") -> str:
    """Return a date as documents in ``locale`` write it: ``14.03.2022``, ``2022-03-14``.

    Bulgarian documents write day, month, year with dots; English ones get the
    ISO form, which no reader misreads as month-first.
    """
    if check_locale(locale) == "en":
        return day.isoformat()
    return f"{day.day:02}.{day.month:02}.{day.year:04}"

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
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from capcore.errors import CapcoreError
from capcore.locales import check_locale
from capcore.model import MeasureKind
from capcore.progress_update import Status

__all__ = ["LABELS", "format_date", "format_percent", "label", "labels"]

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
    "weight": "Тежест",
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
    # The words of the three document shapes (the Lovech matrix headers, the
    # Pazardzhik card labels) and the lines around them; "{...}" are filled in.
    "matrix_activity": "Наименование на дейността",
    "matrix_strategic": "Стратегически мерки",
    "matrix_quick_win": "Бързи победи",
    "matrix_start": "Начало (дата)",
    "matrix_end": "Край (дата)",
    "matrix_target": "Целеви стойности на резултата",
    "matrix_responsible": "Отговорници и подпомагачи",
    "card_action": "Действие",
    "card_result": "Резултат",
    "card_start": "Дата на започване",
    "card_deadline": "Предвиден срок",
    "period_years": "за периода {first}-{last} г.",
    "period_days": "за периода {start} – {end}",
    "monitoring_title": "Отчет за изпълнението на плана",
    "gauge": "Оценка",
    "reason": "Причина",
    # Workbook words: sheet names, the mark of a text cut at Excel's cell limit.
    "sheet_plan": "План",
    "sheet_timeline": "График",
    "sheet_progress": "Напредък",
    "card_activities": "Дейности",
    "text_cut": "… [съкратено: още {count} знака]",
    "as_of_date": "към {date}",
    "timeline_too_long": "Периодът на плана ({start} – {end}) е твърде дълъг за график по месеци.",
    "legend_bar": "период на изпълнение",
    "legend_occurrence": "периодичен срок",
    "legend_milestone": "краен срок",
    "legend_as_of": "месецът, към който е отчетът",
    "report_by_area": "По области",
    "column_units": "Брой",
    "column_reported": "Отчетени",
    "column_done": "Изпълнени",
    "column_overdue": "Просрочени",
    "column_late": "Закъснели",
    "column_gauge": "Оценка",
    "column_due": "Срок",
    "column_days": "Дни",
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
    "weight": "Weight",
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
    "matrix_activity": "Activity",
    "matrix_strategic": "Strategic measures",
    "matrix_quick_win": "Quick wins",
    "matrix_start": "Start (date)",
    "matrix_end": "End (date)",
    "matrix_target": "Target result values",
    "matrix_responsible": "Responsible and supporting",
    "card_action": "Action",
    "card_result": "Result",
    "card_start": "Start date",
    "card_deadline": "Planned deadline",
    "period_years": "for the period {first}-{last}",
    "period_days": "for the period {start} – {end}",
    "monitoring_title": "Plan progress report",
    "gauge": "Rating",
    "reason": "Reason",
    "sheet_plan": "Plan",
    "sheet_timeline": "Timeline",
    "sheet_progress": "Progress",
    "card_activities": "Activities",
    "text_cut": "… [cut: {count} more characters]",
    "as_of_date": "as of {date}",
    "timeline_too_long": "The plan period ({start} – {end}) is too long for a monthly chart.",
    "legend_bar": "work period",
    "legend_occurrence": "recurring due date",
    "legend_milestone": "deadline",
    "legend_as_of": "the month the report speaks for",
    "report_by_area": "By area",
    "column_units": "Units",
    "column_reported": "Reported",
    "column_done": "Done",
    "column_overdue": "Overdue",
    "column_late": "Late",
    "column_gauge": "Gauge",
    "column_due": "Due",
    "column_days": "Days",
}

# The words of progress reports, timelines and merge reports (capcore.progress_*,
# capcore.plan_timeline, capcore.monitoring_merge); "{...}" are filled in.
_BG_PROGRESS = {
    # gauges
    "gauge_green": "зелено",
    "gauge_amber": "жълто",
    "gauge_red": "червено",
    "gauge_grey": "сиво",
    # reasons for a gauge
    "reason_done": "изпълнена",
    "reason_cancelled": "отменена",
    "reason_overdue": "просрочена: срокът беше {date} (преди {days})",
    "reason_no_report": "няма отчет, а трябваше да започне на {date}",
    "reason_not_started": "не е започнала, а трябваше да започне на {date}",
    "reason_behind": "изостава от графика с {points} процентни пункта",
    "reason_delayed": "отчетена като забавена",
    "reason_on_hold": "отчетена като спряна",
    "reason_missed_occurrences": "отчетени {count} от {total} настъпили периодични срока",
    "reason_on_schedule": "по график (отклонение {points} процентни пункта)",
    "reason_starts_later": "предстои: начало {date}",
    "reason_under_way": "в изпълнение; няма датиран график за сравнение",
    "reason_not_judged": "няма отчет и няма дати, по които да се прецени",
    "reason_empty": "няма какво да се измери",
    "reason_children_red": "в червено: {count} от {total}",
    "reason_children_amber": "в жълто: {count} от {total}",
    "reason_children_green": "в зелено: {count} от {total}",
    "days_one": "{n} ден",
    "days_other": "{n} дни",
    "not_named": "(не е посочен отговорник)",
    "no_criterion": "(без критерий на CAF)",
    # the progress report as text
    "report_heading": "Напредък към {date}",
    "report_policy": "Правило за изчисляване: {name}",
    "policy_custom": "собствено правило на плана",
    "report_plan": "Целият план",
    "actual": "изпълнение",
    "expected": "очаквано",
    "variance": "отклонение",
    "report_counts": "отчетени {reported} от {units}; изпълнени {done}; отменени {cancelled}",
    "report_statuses": "По статус",
    "no_report": "Няма отчет",
    "report_items": "Области, мерки и дейности",
    "report_overdue": "Просрочени",
    "report_late": "Трябваше да са започнали",
    "report_upcoming": "Срокове през следващите {days}",
    "report_quick_wins": "Бързи победи",
    "report_quick_wins_line": (
        "изпълнени {done} от {total} ({share}), в срок {on_time}; с просрочие {overdue}; "
        "отменени {cancelled}; изпълнение {actual}"
    ),
    "report_recurring": "Периодични срокове",
    "report_recurring_line": ("настъпили {due} от {planned}, отчетени {reported}; следващ: {next}"),
    "report_indicators": "Индикатори",
    "report_indicator_line": (
        "база {baseline}, цел {target}, последна стойност {actual}; постигнато {attainment}"
    ),
    "report_by_responsible": "По отговорник",
    "report_by_criterion": "По критерий на CAF",
    "report_group_line": (
        "{units} ед.: отчетени {reported}, изпълнени {done}, просрочени {overdue}, "
        "закъснели {late}; изпълнение {actual}, очаквано {expected}"
    ),
    "none": "няма",
    "due_overdue": "срок {date}, просрочие {days}",
    "due_late": "начало {date}, закъснение {days}",
    "due_upcoming": "срок {date}, след {days}",
    "reached": "достигната",
    "not_reached": "недостигната",
    # the timeline as text
    "timeline_heading": "График на плана",
    "timeline_calendar": "Срокове по месеци",
    "quarter_title": "{roman} тримесечие {year}",
    "row_milestone": "срок",
    "row_ongoing": "постоянно",
    "row_event": "при събитие",
    "row_undated": "без дата",
    # a progress summary as pages and dashboards show it
    "progress_summary": "Обобщение",
    "overall_progress": "Общо изпълнение",
    "as_of": "Към дата",
    "on_track": "По график",
    "at_risk": "Под риск",
    "behind_or_overdue": "Изоставащи и просрочени",
    "quick_win_completion": "Изпълнени бързи победи",
    "quick_wins_detail": "{done} от {total} изпълнени; {overdue} с просрочие",
    "no_quick_wins": "планът няма бързи победи",
    "upcoming_deadlines": "Предстоящи срокове",
    "actual_value": "Постигнато",
    "attainment": "Постигане на целта",
    "progress_charts": "Изпълнение по критерии на CAF и по звена",
    "caf_version": "Версия на CAF",
    "self_assessment": "Доклад за самооценка",
    "responsible_unit": "Отговорно звено",
    # the merge of returned monitoring files
    "merge_heading": "Обединяване на върнати файлове: {count}",
    "merge_taken": "Взети отчети",
    "merge_added": "добавен",
    "merge_replaced": "заменен",
    "merge_conflicts": "Противоречия между върнатите файлове (не са взети)",
    "merge_differences": "Разлики, които не са взети",
    "merge_changed": (
        "{entity} {number}: „{field}“ е „{original}“ в плана, а „{returned}“ във файла"
    ),
    "merge_new": "{entity} {number} „{title}“ е само във файла ({returned})",
    "merge_missing": "{entity} {number} „{title}“ липсва във файла",
    "merge_moved": "{entity} {number} „{title}“ е преместена от {original} в {returned}",
    "merge_other_plan": "файлът е на друг план: id {returned} вместо {original}",
}

_EN_PROGRESS = {
    "gauge_green": "green",
    "gauge_amber": "amber",
    "gauge_red": "red",
    "gauge_grey": "grey",
    "reason_done": "done",
    "reason_cancelled": "cancelled",
    "reason_overdue": "overdue: due {date} ({days} ago)",
    "reason_no_report": "no report, though due to start on {date}",
    "reason_not_started": "not started, though due to start on {date}",
    "reason_behind": "{points} percentage points behind schedule",
    "reason_delayed": "reported as delayed",
    "reason_on_hold": "reported as on hold",
    "reason_missed_occurrences": "{count} of {total} recurring deadlines so far reported",
    "reason_on_schedule": "on schedule (variance {points} percentage points)",
    "reason_starts_later": "not due to start until {date}",
    "reason_under_way": "under way; no dated schedule to compare with",
    "reason_not_judged": "no report and no dates to judge by",
    "reason_empty": "nothing to measure",
    "reason_children_red": "{count} of {total} red",
    "reason_children_amber": "{count} of {total} amber",
    "reason_children_green": "{count} of {total} green",
    "days_one": "{n} day",
    "days_other": "{n} days",
    "not_named": "(nobody named)",
    "no_criterion": "(no CAF criterion)",
    "report_heading": "Progress as of {date}",
    "report_policy": "Policy: {name}",
    "policy_custom": "the plan's own policy",
    "report_plan": "Whole plan",
    "actual": "actual",
    "expected": "expected",
    "variance": "variance",
    "report_counts": "reported {reported} of {units}; done {done}; cancelled {cancelled}",
    "report_statuses": "By status",
    "no_report": "No report",
    "report_items": "Areas, measures and activities",
    "report_overdue": "Overdue",
    "report_late": "Should have started",
    "report_upcoming": "Due in the next {days}",
    "report_quick_wins": "Quick wins",
    "report_quick_wins_line": (
        "{done} of {total} done ({share}), {on_time} on time; {overdue} with overdue work; "
        "{cancelled} cancelled; actual {actual}"
    ),
    "report_recurring": "Recurring deadlines",
    "report_recurring_line": "{due} of {planned} due so far, {reported} reported; next: {next}",
    "report_indicators": "Indicators",
    "report_indicator_line": (
        "baseline {baseline}, target {target}, latest value {actual}; attained {attainment}"
    ),
    "report_by_responsible": "By responsible",
    "report_by_criterion": "By CAF criterion",
    "report_group_line": (
        "{units} units: {reported} reported, {done} done, {overdue} overdue, "
        "{late} late to start; actual {actual}, expected {expected}"
    ),
    "none": "none",
    "due_overdue": "due {date}, {days} overdue",
    "due_late": "start {date}, {days} late",
    "due_upcoming": "due {date}, in {days}",
    "reached": "reached",
    "not_reached": "not reached",
    "timeline_heading": "The plan's schedule",
    "timeline_calendar": "Due dates by month",
    "quarter_title": "Q{n} {year}",
    "row_milestone": "due",
    "row_ongoing": "ongoing",
    "row_event": "on an event",
    "row_undated": "undated",
    "progress_summary": "Summary",
    "overall_progress": "Overall progress",
    "as_of": "As of",
    "on_track": "On track",
    "at_risk": "At risk",
    "behind_or_overdue": "Behind or overdue",
    "quick_win_completion": "Quick wins done",
    "quick_wins_detail": "{done} of {total} done; {overdue} overdue",
    "no_quick_wins": "the plan has no quick wins",
    "upcoming_deadlines": "Upcoming deadlines",
    "actual_value": "Actual",
    "attainment": "Attainment",
    "progress_charts": "Progress by CAF criterion and by unit",
    "caf_version": "CAF version",
    "self_assessment": "Self-assessment report",
    "responsible_unit": "Responsible unit",
    "merge_heading": "Merging returned files: {count}",
    "merge_taken": "Reports taken",
    "merge_added": "added",
    "merge_replaced": "replaced",
    "merge_conflicts": "Conflicts between returned files (not taken)",
    "merge_differences": "Differences not taken",
    "merge_changed": (
        "{entity} {number}: “{field}” is “{original}” in the plan, “{returned}” in the file"
    ),
    "merge_new": "{entity} {number} “{title}” is only in the file ({returned})",
    "merge_missing": "{entity} {number} “{title}” is missing from the file",
    "merge_moved": "{entity} {number} “{title}” moved from {original} to {returned}",
    "merge_other_plan": "the file is another plan's: id {returned} instead of {original}",
}

# The words of improvement proposals and their prioritisation (docs/prioritisation.md).
_BG_PRIORITISATION = {
    "proposal": "Предложение за подобрение",
    "proposals": "Предложения за подобрение",
    "proposal_ids": "Отговаря на предложения",
    "self_assessment_score": "Оценка от самооценката",
    "impact": "Въздействие",
    "feasibility": "Осъществимост",
    "urgency": "Спешност",
    "cost": "Разходи",
    "months": "Срок (месеци)",
    "score": "Точки",
    "rank": "Ранг",
    "category": "Категория",
    "prioritisation": "Приоритизация",
    "prioritisation_matrix": "Матрица за приоритизиране",
    "key_action": "ключово действие",
    "long_term": "дългосрочна",
    "reconsider": "за преразглеждане",
    "taken": "Включено в плана",
    "not_taken": "Невключени предложения",
    "override": "Решение на работната група",
    "reasoning": "Обосновка",
    # What the Excel, Word and HTML renderings of a prioritisation add (by
    # Decision value: "take", "leave").
    "take": "включва се в плана",
    "leave": "не се включва в плана",
    "decided_by": "Решение на",
    "decision": "Решение",
    "decision_date": "Дата на решението",
    "proposal_count": "Брой",
    "prioritisation_method_line": "Метод: {name}; скала {low}–{high}; матрица {grid}",
    "not_on_chart": "Без оценка на въздействие и осъществимост (не са на матрицата)",
}
_EN_PRIORITISATION = {
    "proposal": "Improvement proposal",
    "proposals": "Improvement proposals",
    "proposal_ids": "Answers proposals",
    "self_assessment_score": "Self-assessment score",
    "impact": "Impact",
    "feasibility": "Feasibility",
    "urgency": "Urgency",
    "cost": "Cost",
    "months": "Duration (months)",
    "score": "Score",
    "rank": "Rank",
    "category": "Category",
    "prioritisation": "Prioritisation",
    "prioritisation_matrix": "Prioritisation matrix",
    "key_action": "key action",
    "long_term": "long-term",
    "reconsider": "reconsider",
    "taken": "Taken into the plan",
    "not_taken": "Proposals not taken",
    "override": "Working group's decision",
    "reasoning": "Reasoning",
    # What the Excel, Word and HTML renderings of a prioritisation add (by
    # Decision value: "take", "leave").
    "take": "taken into the plan",
    "leave": "left out of the plan",
    "decided_by": "Decided by",
    "decision": "Decision",
    "decision_date": "Date decided",
    "proposal_count": "Count",
    "prioritisation_method_line": "Method: {name}; scale {low}-{high}; {grid} matrix",
    "not_on_chart": "Without impact and feasibility scores (not on the matrix)",
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "bg": MappingProxyType(_BG | _BG_PROGRESS | _BG_PRIORITISATION),
        "en": MappingProxyType(_EN | _EN_PROGRESS | _EN_PRIORITISATION),
    }
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


def format_percent(
    value: Decimal | None,
    locale: str = "bg",
    *,
    places: int = 1,
    sign: bool = False,
    unit: bool = True,
) -> str:
    """Return a percent for display: ``45,5 %`` (bg), ``45.5%`` (en); ``—`` for None.

    The one place where percents are rounded: half up, to ``places``
    decimals. Everything capcore computes stays exact until shown here.

    Args:
        value: The exact percent, or None for "no percent".
        locale: ``bg`` (decimal comma, a space before ``%``) or ``en``.
        places: Decimals to show.
        sign: Show ``+`` before a positive value (for variances).
        unit: Append the percent sign; False for percentage points.
    """
    english = check_locale(locale) == "en"
    if value is None:
        return "—"
    rounded = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = abs(rounded)  # no "-0.0"
    text = f"{rounded:f}"
    if sign and rounded > 0:
        text = "+" + text
    if not english:
        text = text.replace(".", ",")
    if unit:
        text += "%" if english else " %"
    return text


def format_date(day: dt.date, locale: str = "bg") -> str:
    """Return a date as documents in ``locale`` write it: ``14.03.2022``, ``2022-03-14``.

    Bulgarian documents write day, month, year with dots; English ones get the
    ISO form, which no reader misreads as month-first.
    """
    if check_locale(locale) == "en":
        return day.isoformat()
    return f"{day.day:02}.{day.month:02}.{day.year:04}"

"""How a proposal's score, category and reasoning are worked out and worded.

The arithmetic of each rule (:class:`~capcore.prioritisation_method.Rule`),
the matrix classification (:class:`~capcore.prioritisation_method.Grid`)
and the bilingual sentences that keep every step of the reasoning, for
:mod:`capcore.prioritisation`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from capcore.findings import Message
from capcore.labels import label
from capcore.prioritisation_method import (
    Band,
    Category,
    Decision,
    Grid,
    Override,
    PrioritisationMethod,
    Rule,
    TieKey,
)
from capcore.proposals import Proposal

__all__ = [
    "both",
    "category_words",
    "classify",
    "compute_score",
    "decision_messages",
    "format_number",
    "or_middle",
    "override_text",
    "rank_message",
    "scores_message",
    "tie_message",
]


def format_number(value: Decimal, locale: str) -> str:
    """Return ``value`` without trailing zeros, with a decimal comma in Bulgarian."""
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if locale == "bg" else text


def both(value: Decimal) -> tuple[str, str]:
    """Return ``value`` as English and Bulgarian text write it."""
    return format_number(value, "en"), format_number(value, "bg")


def category_words(category: Category) -> tuple[str, str]:
    """Return the category's English and Bulgarian words (:mod:`capcore.labels`)."""
    return label(category.value, "en"), label(category.value, "bg")


def override_text(override: Override, locale: str) -> str:
    """Return one line saying who changed what and why, in ``locale``."""
    changes = []
    if override.category is not None:
        changes.append(label(override.category.value, locale))
    if override.rank is not None:
        changes.append(f"{label('rank', locale).lower()} {override.rank}")
    if override.decision is not None:
        changes.append(label(override.decision.value, locale))
    return f"{override.by}: {', '.join(changes)} ({override.reason})"


def or_middle(value: Decimal | None, method: PrioritisationMethod) -> Decimal:
    """Return ``value``, or the middle of the scale for an unscored urgency or cost."""
    return method.scale.middle if value is None else value


def scores_message(proposal: Proposal, method: PrioritisationMethod) -> Message:
    """Return the sentence listing the proposal's scores and the scale."""
    low_en, low_bg = both(method.scale.low)
    high_en, high_bg = both(method.scale.high)
    parts_en = [f"impact {format_number(proposal.impact or Decimal(0), 'en')}"]
    parts_bg = [f"въздействие {format_number(proposal.impact or Decimal(0), 'bg')}"]
    parts_en.append(f"feasibility {format_number(proposal.feasibility or Decimal(0), 'en')}")
    parts_bg.append(f"осъществимост {format_number(proposal.feasibility or Decimal(0), 'bg')}")
    for value, en, bg in (
        (proposal.urgency, "urgency", "спешност"),
        (proposal.cost, "cost", "разходи"),
    ):
        if value is not None:
            parts_en.append(f"{en} {format_number(value, 'en')}")
            parts_bg.append(f"{bg} {format_number(value, 'bg')}")
    return Message(
        f"scores {', '.join(parts_en)} (scale {low_en}-{high_en})",
        f"оценки: {', '.join(parts_bg)} (скала {low_bg}–{high_bg})",
    )


def compute_score(proposal: Proposal, method: PrioritisationMethod) -> tuple[Decimal, Message]:
    """Return the score and the arithmetic that gave it."""
    impact = proposal.impact or Decimal(0)
    feasibility = proposal.feasibility or Decimal(0)
    scale = method.scale
    urgency = or_middle(proposal.urgency, method)
    cheapness = scale.inverted(or_middle(proposal.cost, method))
    notes_en: list[str] = []
    notes_bg: list[str] = []
    counts_urgency = method.rule is Rule.WEIGHTED or method.count_urgency
    counts_cost = method.rule is Rule.WEIGHTED or method.count_cost
    middle_en, middle_bg = both(scale.middle)
    if counts_urgency and proposal.urgency is None:
        notes_en.append(f"urgency not scored, counted as {middle_en}")
        notes_bg.append(f"спешността не е оценена, брои се {middle_bg}")
    if counts_cost and proposal.cost is None:
        notes_en.append(f"cost not scored, counted as {middle_en}")
        notes_bg.append(f"разходите не са оценени, броят се {middle_bg}")
    top_en, top_bg = both(scale.low + scale.high)
    cost_en, cost_bg = both(or_middle(proposal.cost, method))
    inverse_en = f"({top_en} - cost {cost_en})"
    inverse_bg = f"({top_bg} − разходи {cost_bg})"
    if method.rule is Rule.WEIGHTED:
        w = method.weights
        score = (
            w.impact * impact
            + w.feasibility * feasibility
            + w.urgency * urgency
            + w.cost * cheapness
        )
        terms = ((w.impact, impact), (w.feasibility, feasibility), (w.urgency, urgency))
        formula_en = " + ".join(
            f"{format_number(a, 'en')} x {format_number(b, 'en')}" for a, b in terms
        )
        formula_bg = " + ".join(
            f"{format_number(a, 'bg')} × {format_number(b, 'bg')}" for a, b in terms
        )
        formula_en += f" + {format_number(w.cost, 'en')} x {inverse_en}"
        formula_bg += f" + {format_number(w.cost, 'bg')} × {inverse_bg}"
        rule_en, rule_bg = "weighted score", "претеглена оценка"
    else:
        score = impact * feasibility
        impact_en, impact_bg = both(impact)
        feasible_en, feasible_bg = both(feasibility)
        formula_en = f"impact {impact_en} x feasibility {feasible_en}"
        formula_bg = f"въздействие {impact_bg} × осъществимост {feasible_bg}"
        if method.count_urgency:
            score *= urgency
            formula_en += f" x urgency {format_number(urgency, 'en')}"
            formula_bg += f" × спешност {format_number(urgency, 'bg')}"
        if method.count_cost:
            score *= cheapness
            formula_en += f" x {inverse_en}"
            formula_bg += f" × {inverse_bg}"
        rule_en, rule_bg = "score", "точки"
    score_en, score_bg = both(score)
    extra_en = f" ({'; '.join(notes_en)})" if notes_en else ""
    extra_bg = f" ({'; '.join(notes_bg)})" if notes_bg else ""
    return score, Message(
        f"{rule_en} {formula_en} = {score_en}{extra_en}",
        f"{rule_bg}: {formula_bg} = {score_bg}{extra_bg}",
    )


_BAND_WORDS = {
    Band.LOW: ("low", "ниско"),
    Band.MEDIUM: ("medium", "средно"),
    Band.HIGH: ("high", "високо"),
}

# The 3x3 matrix, by (impact band, feasibility band); see docs/prioritisation.md.
_THREE_BY_THREE = {
    (Band.HIGH, Band.HIGH): Category.QUICK_WIN,
    (Band.HIGH, Band.MEDIUM): Category.KEY_ACTION,
    (Band.HIGH, Band.LOW): Category.KEY_ACTION,
    (Band.MEDIUM, Band.HIGH): Category.LONG_TERM,
    (Band.MEDIUM, Band.MEDIUM): Category.LONG_TERM,
    (Band.MEDIUM, Band.LOW): Category.RECONSIDER,
    (Band.LOW, Band.HIGH): Category.LONG_TERM,
    (Band.LOW, Band.MEDIUM): Category.RECONSIDER,
    (Band.LOW, Band.LOW): Category.RECONSIDER,
}
_TWO_BY_TWO = {
    (Band.HIGH, Band.HIGH): Category.QUICK_WIN,
    (Band.HIGH, Band.LOW): Category.KEY_ACTION,
    (Band.LOW, Band.HIGH): Category.LONG_TERM,
    (Band.LOW, Band.LOW): Category.RECONSIDER,
}


def classify(
    proposal: Proposal, impact: Band, feasibility: Band, method: PrioritisationMethod
) -> tuple[Category, list[Message]]:
    """Return the matrix's category (the quick-win limit applied) and why."""
    table = _TWO_BY_TWO if method.grid is Grid.TWO_BY_TWO else _THREE_BY_THREE
    category = table[(impact, feasibility)]
    grid = method.grid.value
    impact_en, impact_bg = _BAND_WORDS[impact]
    feasible_en, feasible_bg = _BAND_WORDS[feasibility]
    category_en, category_bg = category_words(category)
    messages = [
        Message(
            f"{grid} matrix: impact {impact_en}, feasibility {feasible_en} -> {category_en}",
            f"матрица {grid}: въздействие {impact_bg}, осъществимост {feasible_bg} → {category_bg}",
        )
    ]
    limit = method.quick_win_months
    if category is Category.QUICK_WIN:
        if proposal.months is not None and proposal.months > limit:
            category = Category.KEY_ACTION
            messages.append(
                Message(
                    f"expected to take {proposal.months} months, more than the quick-win "
                    f"limit of {limit} -> key action",
                    f"очаква се да отнеме {proposal.months} месеца, повече от {limit} за "
                    "бърза победа → ключово действие",
                )
            )
        elif proposal.months is None:
            messages.append(
                Message(
                    f"duration not estimated: check that it can be done within {limit} months",
                    f"срокът не е оценен: проверете дали може да се изпълни до {limit} месеца",
                )
            )
    return category, messages


def rank_message(rank: int, ranked: int, method: PrioritisationMethod) -> Message:
    """Return the sentence saying which rule gave the rank."""
    if method.rule is Rule.MATRIX:
        return Message(
            f"rank {rank} of {ranked}: by category (quick wins, key actions, long-term, "
            "reconsider), then by score",
            f"ранг {rank} от {ranked}: по категория (бързи победи, ключови действия, "
            "дългосрочни, за преразглеждане), след това по точки",
        )
    return Message(f"rank {rank} of {ranked} by score", f"ранг {rank} от {ranked} по точки")


_TIE_WORDS = {
    TieKey.CATEGORY: ("its category", "категорията"),
    TieKey.SCORE: ("its score", "точките"),
    TieKey.IMPACT: ("the higher impact of the other", "по-високото въздействие на другото"),
    TieKey.FEASIBILITY: (
        "the higher feasibility of the other",
        "по-високата осъществимост на другото",
    ),
    TieKey.URGENCY: ("the higher urgency of the other", "по-високата спешност на другото"),
    TieKey.COST: ("the lower cost of the other", "по-ниските разходи на другото"),
    TieKey.ORDER: (
        "the other's earlier place in the table",
        "по-ранното място на другото в таблицата",
    ),
}


def tie_message(key: TieKey, tied_with: str) -> Message:
    """Return the sentence saying which key put the proposal below the one it tied with."""
    en, bg = _TIE_WORDS[key]
    return Message(
        f"tied on score with proposal {tied_with}; placed below it by {en}",
        f"равен брой точки с предложение {tied_with}; класирано след него заради {bg}",
    )


def decision_messages(overrides: Iterable[Override]) -> Iterator[Message]:
    """Yield a sentence for each take or leave decision, with who and why."""
    for override in overrides:
        if override.decision is Decision.TAKE:
            yield Message(
                f"taken into the plan by {override.by}: {override.reason}",
                f"включено в плана по решение на {override.by}: {override.reason}",
            )
        elif override.decision is Decision.LEAVE:
            yield Message(
                f"left out of the plan by {override.by}: {override.reason}",
                f"не е включено в плана по решение на {override.by}: {override.reason}",
            )

"""Money rules: amounts without a currency, mixed currencies, funding shares.

| code | severity | what |
|---|---|---|
| B101 | warning | a budget that writes a number but no currency (``5000``) |
| B102 | info | a plan whose budgets mix leva and euro (with the euro totals) |
| B103 | warning | funding shares that do not add up to 100 % |
| B104 | warning | a measure drawn from improvement proposals that has no budget yet |

Bulgaria adopted the euro on 1 January 2026 at 1.95583 BGN per EUR; since
then a bare number is read as euro by some and as leva by others, and a plan
mixing both needs its euro view (:meth:`capcore.Money.in_eur`) to be summed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from capcore._rule_support import measures_with_areas, quoted
from capcore.budget import Budget
from capcore.findings import Finding, Location, Message, Severity
from capcore.model import Plan
from capcore.money import BGN_PER_EUR, Currency, Money
from capcore.rules import RuleSpec

__all__ = ["MONEY_RULES"]

# A number as budgets write it: 5000, 5 000, 1500,50. The look-behind keeps
# it from starting inside a longer number or a word.
_NUMBER = re.compile(r"(?<![\w.,])(?:[0-9]{1,3}(?:[ \u00a0][0-9]{3})+|[0-9]+(?:[.,][0-9]+)?)")


def _numbers(text: str) -> list[Decimal]:
    return [
        Decimal(re.sub(r"[ \u00a0]", "", m[0]).replace(",", ".")) for m in _NUMBER.finditer(text)
    ]


def _read_numbers(budget: Budget) -> set[Decimal]:
    """The numbers the budget reader understood: percentages, person-days, counts, shares."""
    found = {budget.percent, budget.person_days}
    found.update(quantity.value for quantity in budget.quantities)
    found.update(share.percent for share in budget.funding)
    return {number for number in found if number is not None}


def _is_year(number: Decimal) -> bool:
    return number == number.to_integral_value() and 1900 <= number <= 2100


def _bare_amounts(plan: Plan) -> Iterator[Finding]:
    for area, measure in measures_with_areas(plan):
        budget = measure.budget
        # A budget with an amount has its currency; a number next to it is
        # more often a scale or a count than a second sum.
        if budget is None or budget.amount is not None or budget.not_applicable:
            continue
        understood = _read_numbers(budget)
        bare = [n for n in _numbers(budget.text) if n not in understood and not _is_year(n)]
        if not bare:
            continue
        text_en, text_bg = quoted(budget.text)
        amounts = ", ".join(str(number) for number in bare)
        yield Finding(
            "B101",
            Severity.WARNING,
            Location.of(area, measure, field="budget"),
            Message(
                f"the budget {text_en} gives {amounts} without a currency",
                f"бюджетът {text_bg} посочва {amounts} без валута",
            ),
            Message(
                'write the currency ("5000 лв." or "2556 EUR"): since 2026 a bare number '
                "is read as euro by some and as leva by others",
                "впишете валутата („5000 лв.“ или „2556 евро“): от 2026 г. число без валута "
                "едни четат в евро, други в левове",
            ),
        )


def _budget_amounts(budget: Budget) -> list[Money]:
    """The money a budget names: its amount, else its shares' amounts."""
    if budget.amount is not None:
        return [budget.amount]
    return [share.amount for share in budget.funding if share.amount is not None]


def _mixed_currencies(plan: Plan) -> Iterator[Finding]:
    totals: dict[Currency, Decimal] = {}
    counts: dict[Currency, int] = {}
    for measure in plan.measures():
        if measure.budget is None:
            continue
        for money in _budget_amounts(measure.budget):
            totals[money.currency] = totals.get(money.currency, Decimal(0)) + money.amount
            counts[money.currency] = counts.get(money.currency, 0) + 1
    if len(totals) < 2:
        return
    in_eur = {currency: Money(total, currency).in_eur() for currency, total in totals.items()}
    overall = sum((money.amount for money in in_eur.values()), Decimal(0))
    parts_en, parts_bg = [], []
    for currency in Currency:
        if currency not in totals:
            continue
        view = "" if currency is Currency.EUR else f" ({in_eur[currency].amount} EUR)"
        written = f"{totals[currency]} {currency.value}{view}"
        parts_en.append(f"{counts[currency]} in {currency.value} totalling {written}")
        parts_bg.append(f"{counts[currency]} в {currency.value}, общо {written}")
    yield Finding(
        "B102",
        Severity.INFO,
        Location(field="budget"),
        Message(
            f"the budgets mix currencies: {', '.join(parts_en)}; {overall} EUR in all at "
            f"{BGN_PER_EUR} BGN per EUR (amounts summed as written, yearly ones once)",
            f"бюджетите са в различни валути: {', '.join(parts_bg)}; всичко {overall} EUR по "
            f"курс {BGN_PER_EUR} лв. за 1 евро (сумите са събрани както са записани, "
            "годишните – веднъж)",
        ),
        Message(
            "write the amounts in one currency, or keep them as written and report the euro view",
            "запишете сумите в една валута или ги оставете както са и отчитайте и в евро",
        ),
    )


def _unbalanced_shares(plan: Plan) -> Iterator[Finding]:
    for area, measure in measures_with_areas(plan):
        budget = measure.budget
        if budget is None or not budget.funding:
            continue
        percents = [share.percent for share in budget.funding]
        known = [percent for percent in percents if percent is not None]
        # With a share of unknown size the sum says nothing.
        if len(known) < len(percents):
            continue
        total = sum(known, Decimal(0))
        if total == 100:
            continue
        text_en, text_bg = quoted(budget.text)
        yield Finding(
            "B103",
            Severity.WARNING,
            Location.of(area, measure, field="budget"),
            Message(
                f"the funding shares in {text_en} add up to {total} %, not 100 %",
                f"дяловете на финансирането в {text_bg} са общо {total} %, а не 100 %",
            ),
            Message(
                "correct the shares, or add the missing source of money",
                "поправете дяловете или добавете липсващия източник на средства",
            ),
        )


def _draft_without_budget(plan: Plan) -> Iterator[Finding]:
    # Only measures drawn from proposals (a draft plan) are asked: many approved
    # plans (Lovech, Smolyan) give no budgets at all, on purpose.
    for area, measure in measures_with_areas(plan):
        if measure.budget is not None or not measure.proposal_ids:
            continue
        yield Finding(
            "B104",
            Severity.WARNING,
            Location.of(area, measure, field="budget"),
            Message(
                "the measure drawn from an improvement proposal has no budget yet",
                "мярката, изготвена по предложение за подобрение, още няма бюджет",
            ),
            Message(
                'write the budget with its currency, or "N/A" when it needs no money',
                "впишете бюджета с валутата или „N/A“, ако не са нужни средства",
            ),
        )


MONEY_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "B101",
        Message("an amount without a currency", "сума без валута"),
        Severity.WARNING,
        _bare_amounts,
    ),
    RuleSpec(
        "B102",
        Message("leva and euro mixed in one plan", "левове и евро в един план"),
        Severity.INFO,
        _mixed_currencies,
    ),
    RuleSpec(
        "B103",
        Message(
            "funding shares that do not add up to 100 %",
            "дялове на финансирането, които не са общо 100 %",
        ),
        Severity.WARNING,
        _unbalanced_shares,
    ),
    RuleSpec(
        "B104",
        Message(
            "a measure drawn from a proposal without a budget",
            "мярка по предложение за подобрение без бюджет",
        ),
        Severity.WARNING,
        _draft_without_budget,
    ),
)
"""The money rules, in the order they run."""

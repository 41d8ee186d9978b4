"""Money rules B101-B104: bare amounts, leva and euro together, funding shares, draft budgets."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from capcore import BGN_PER_EUR, Finding, Plan, PlanBuilder, Severity, validate
from capcore.money_rules import MONEY_RULES


def found(plan: Plan, code: str) -> tuple[Finding, ...]:
    return validate(plan, rules=MONEY_RULES, select=[code]).findings


def budgets(*texts: str) -> Plan:
    builder = PlanBuilder("План")
    for text in texts:
        builder.measure("М", budget=text, deadline="м. март")
    return builder.build()


@pytest.mark.parametrize("text", ["5000", "около 5 000 за обучения", "5000 годишно"])
def test_an_amount_without_currency(text: str) -> None:
    """A number that is neither money, a share, person-days, a count nor a year is reported."""
    [finding] = found(budgets(text), "B101")
    assert finding.severity is Severity.WARNING
    assert finding.location.field == "budget"
    assert finding.message.en.endswith("without a currency")


def test_the_message_names_the_number() -> None:
    """The bare number is given as read."""
    [finding] = found(budgets("около 5 000 за обучения"), "B101")
    assert (
        finding.message.en == 'the budget "около 5 000 за обучения" gives 5000 without a currency'
    )
    assert finding.message.bg == "бюджетът „около 5 000 за обучения“ посочва 5000 без валута"


@pytest.mark.parametrize(
    "text",
    [
        "3500 лева",
        "N/A",
        "Минимум 10% увеличение на средствата за персонал през 2018 година",
        "Според възможностите на бюджета, но не по-малко от 12 приемни годишно - 60 човекодни",
        "85 % ЕСФ / 15 % национално съфинансиране",
    ],
)
def test_the_pazardzhik_budgets_and_shares_have_no_bare_amount(text: str) -> None:
    """Amounts with a currency, percentages, counts, person-days and years are understood."""
    assert found(budgets(text), "B101") == ()


def test_mixed_currencies_are_summed_in_euro() -> None:
    """Leva and euro in one plan: an info finding with each total and the euro sum."""
    [finding] = found(budgets("3500 лева", "300 лева", "1000 EUR"), "B102")
    assert finding.severity is Severity.INFO
    assert finding.where == "plan"
    # 3800 лв / 1.95583 = 1942.91 EUR (half-up), plus 1000 EUR.
    assert (Decimal(3800) / BGN_PER_EUR).quantize(Decimal("0.01")) == Decimal("1942.91")
    assert finding.message.en == (
        "the budgets mix currencies: 2 in BGN totalling 3800 BGN (1942.91 EUR), "
        "1 in EUR totalling 1000 EUR; 2942.91 EUR in all at 1.95583 BGN per EUR "
        "(amounts summed as written, yearly ones once)"
    )
    assert "всичко 2942.91 EUR" in finding.message.bg


def test_one_currency_is_no_finding() -> None:
    """A plan written in leva alone (the Pazardzhik plan) mixes nothing."""
    assert found(budgets("3500 лева", "300 лева"), "B102") == ()


def test_shares_that_do_not_add_up() -> None:
    """60 % and 30 % leave 10 % unfunded."""
    [finding] = found(budgets("60 % ЕСФ и 30 % национално финансиране"), "B103")
    assert finding.message.en == (
        'the funding shares in "60 % ЕСФ и 30 % национално финансиране" add up to 90 %, not 100 %'
    )


def test_a_lone_share_does_not_add_up() -> None:
    """85 % of the European Social Fund, with the rest unnamed, is reported."""
    [finding] = found(budgets("85 % Европейски социален фонд"), "B103")
    assert "85 %" in finding.message.en


def test_shares_of_one_hundred_percent_pass() -> None:
    """85 % and 15 % (the seed project's split) are whole."""
    assert found(budgets("85 % ЕСФ / 15 % национално съфинансиране"), "B103") == ()


def test_sources_without_shares_say_nothing_about_the_sum() -> None:
    """ "финансирани от фондовете на ЕС" names a source with no share: nothing to add up."""
    text = "В рамките на годишния бюджет. Използване на проекти, финансирани от фондовете на ЕС"
    assert found(budgets(text), "B103") == ()


def test_a_measure_drawn_from_a_proposal_without_a_budget_is_reported() -> None:
    """B104: a measure linked to a proposal and without a budget is left for the group to decide."""
    plan = budgets("1000 лв.")
    plan.areas[0].measures[0].proposal_ids = ("p1",)
    plan.areas[0].measures.append(attrs.evolve(plan.areas[0].measures[0], id="m2", budget=None))
    [finding] = found(plan, "B104")
    assert finding.severity is Severity.WARNING
    assert finding.location.field == "budget"
    assert finding.location.entity is not None
    assert finding.location.entity.id == "m2"
    assert finding.message.bg == "мярката, изготвена по предложение за подобрение, още няма бюджет"


def test_measures_not_drawn_from_proposals_are_not_asked_for_a_budget() -> None:
    """Approved plans often give no budgets: only draft measures (with proposal ids) are asked."""
    plan = budgets("1000 лв.")
    plan.areas[0].measures[0].budget = None
    assert found(plan, "B104") == ()

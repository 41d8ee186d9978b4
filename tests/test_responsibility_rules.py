"""Responsibility and result rules R101-R103: who, what for, and a reachable contact."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from capcore import Finding, Plan, PlanBuilder, Severity, validate
from capcore.responsibility_rules import RESPONSIBILITY_RULES, is_email_address


def found(plan: Plan, code: str) -> tuple[Finding, ...]:
    return validate(plan, rules=RESPONSIBILITY_RULES, select=[code]).findings


def test_activity_without_anyone_responsible() -> None:
    """An activity with no responsible, in a measure with no leader, is reported."""
    builder = PlanBuilder("План")
    measure = builder.area("А").measure("М")
    measure.activity("Без отговорник")
    measure.activity("С отговорник", responsible="Главен секретар")
    [finding] = found(builder.build(), "R101")
    assert finding.severity is Severity.WARNING
    assert (finding.where.split(" [")[0], finding.location.field) == (
        "activity 1.1.1",
        "responsible",
    )
    assert finding.message.bg == "не е посочен отговорник (длъжност или звено)"


def test_the_measures_leader_answers_for_its_activities() -> None:
    """A measure's leader or responsible covers activities that name no one."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М", leader="Главен секретар").activity("Д")
    builder.area("Б").measure("М", responsible="Директор").activity("Д")
    assert found(builder.build(), "R101") == ()


def test_a_measure_without_activities_needs_its_own() -> None:
    """A measure that is its own unit of progress needs a responsible or a leader."""
    builder = PlanBuilder("План")
    builder.measure("Сам", deadline="м. март", sponsor="Областен управител")
    [finding] = found(builder.build(), "R101")
    assert finding.where.split(" [")[0] == "measure 1"


def test_no_target_result() -> None:
    """An activity with no target in a measure with no expected result is reported."""
    builder = PlanBuilder("План")
    measure = builder.area("А").measure("М")
    measure.activity("Без цел")
    measure.activity("С цел", target="Създадена работна група")
    [finding] = found(builder.build(), "R102")
    assert (finding.where.split(" [")[0], finding.location.field) == ("activity 1.1.1", "target")
    assert finding.message.en == "no target result is given, so nothing says when the work is done"


def test_a_measures_result_or_indicator_is_its_activities_target() -> None:
    """A measure's expected result, or an indicator, states what its activities aim at."""
    builder = PlanBuilder("План")
    builder.area("А").measure("М", expected_result="Одобрена стратегия").activity("Д")
    with_indicator = builder.area("Б").measure("М")
    with_indicator.indicator("обучени служители", target=5400)
    with_indicator.activity("Д")
    assert found(builder.build(), "R102") == ()


def test_a_measure_without_activities_needs_an_expected_result() -> None:
    """The Smolyan items have a deadline and a responsible but no result."""
    builder = PlanBuilder("План")
    builder.measure("Публикуване", deadline="м. март", responsible="Експерт")
    [finding] = found(builder.build(), "R102")
    assert finding.location.field == "expected_result"


def contact_plan(contact: str) -> Plan:
    builder = PlanBuilder("План")
    builder.measure("М", contact=contact, leader="Главен секретар")
    return builder.build()


def test_an_invalid_address_is_reported() -> None:
    """An address without a domain is not one; the message quotes it."""
    [finding] = found(contact_plan("chief_secretary@pz"), "R103")
    assert finding.location.field == "roles.contact"
    assert finding.message.en == 'the contact "chief_secretary@pz" is not a valid e-mail address'
    assert finding.message.bg == (
        "контактът „chief_secretary@pz“ не е валиден адрес на електронна поща"
    )


@pytest.mark.parametrize(
    "contact",
    [
        "chief_secretary@pz.government.bg",
        "Иван Петров, <ivan.petrov@lovech.bg>",
        "mailto:office@община.бг",
        "Главен секретар, тел. 068 601 201",
        "",
    ],
)
def test_valid_addresses_and_people_pass(contact: str) -> None:
    """Valid addresses, addresses with a name around them, and people without addresses pass."""
    assert found(contact_plan(contact), "R103") == ()


@pytest.mark.parametrize(
    "address",
    ["ivan..petrov@lovech.bg", ".ivan@lovech.bg", "ivan@lovech", "ivan@@lovech.bg", "@lovech.bg"],
)
def test_is_email_address_refuses(address: str) -> None:
    """Doubled dots, missing domains and missing local parts are not addresses."""
    assert not is_email_address(address)


@given(
    local=st.from_regex(r"[a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?", fullmatch=True),
    domain=st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True),
    tld=st.sampled_from(["bg", "eu", "com", "бг"]),
)
def test_ordinary_addresses_are_accepted(local: str, domain: str, tld: str) -> None:
    """Any ordinary address name@domain.tld is accepted."""
    assume(".." not in local)
    assert is_email_address(f"{local}@{domain}.{tld}")

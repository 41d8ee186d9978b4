"""Responsibility and result rules: who carries each item, what it should achieve, whom to ask.

| code | severity | what |
|---|---|---|
| R101 | warning | a unit of progress with no responsible person or unit |
| R102 | warning | a unit of progress with no target result |
| R103 | warning | a contact that looks like an e-mail address but is not a valid one |

A unit of progress is an activity, or a measure without activities. An
activity may lean on its measure: the measure's responsible or leader is
responsible for it, and the measure's expected result or indicators are its
target, when it names none of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from capcore._rule_support import Unit, measures_with_areas, quoted, units
from capcore.findings import Finding, Location, Message, Severity
from capcore.model import Plan
from capcore.rules import RuleSpec

__all__ = ["RESPONSIBILITY_RULES", "is_email_address"]

# A practical address check, not RFC 5322's full grammar: a local part of
# word characters and the usual symbols, and a domain of at least two labels
# ending in letters (Cyrillic domains included). What plans get wrong is a
# missing domain, a space or a doubled dot, and those it catches.
_EMAIL = re.compile(
    r"(?P<local>[\w.!#$%&'*+/=?^`{|}~-]+)@"
    r"(?P<domain>(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:[^\W\d_]{2,}|xn--[a-z0-9-]+))"
)
# Text around an address that is punctuation, not part of it: <a@b.bg>, (a@b.bg).
_WRAPPING = "<>()[]{}\"'«»„“”,;:."


def is_email_address(text: str) -> bool:
    """Return True when ``text`` is one valid e-mail address (``mailto:`` allowed).

    Args:
        text: The address, without surrounding words.
    """
    address = text.removeprefix("mailto:")
    match = _EMAIL.fullmatch(address)
    if match is None:
        return False
    local = match["local"]
    return not (local.startswith(".") or local.endswith(".") or ".." in local)


def _no_responsible(plan: Plan) -> Iterator[Finding]:
    for unit in units(plan):
        if _responsible(unit):
            continue
        yield Finding(
            "R101",
            Severity.WARNING,
            unit.location("responsible"),
            Message(
                "no responsible person or unit is named",
                "не е посочен отговорник (длъжност или звено)",
            ),
            Message(
                "name who answers for it, as a position or a unit "
                '("Главен секретар", "Дирекция АПОФУС")',
                "посочете кой отговаря за изпълнението: длъжност или звено "
                "(„Главен секретар“, „Дирекция АПОФУС“)",
            ),
        )


def _responsible(unit: Unit) -> bool:
    measure = unit.measure
    own = unit.activity.responsible if unit.activity is not None else ""
    return any(text.strip() for text in (own, measure.responsible, measure.roles.leader))


def _no_target(plan: Plan) -> Iterator[Finding]:
    for unit in units(plan):
        if _target(unit):
            continue
        field = "target" if unit.activity is not None else "expected_result"
        yield Finding(
            "R102",
            Severity.WARNING,
            unit.location(field),
            Message(
                "no target result is given, so nothing says when the work is done",
                "не е посочен целеви резултат, така че нищо не казва кога работата е свършена",
            ),
            Message(
                'state the expected result, measurable where possible ("Създадена работна '
                'група", "5400 обучени служители")',
                "опишете очаквания резултат, по възможност измерим („Създадена работна група“, "
                "„5400 обучени служители“)",
            ),
        )


def _target(unit: Unit) -> bool:
    measure = unit.measure
    own = unit.activity.target if unit.activity is not None else ""
    return bool(own.strip() or measure.expected_result.strip() or measure.indicators)


def _invalid_contacts(plan: Plan) -> Iterator[Finding]:
    for area, measure in measures_with_areas(plan):
        contact = measure.roles.contact
        wrong = [
            token
            for raw in re.split(r"[\s,;]+", contact)
            if "@" in raw and not is_email_address(token := raw.strip(_WRAPPING))
        ]
        if not wrong:
            continue
        text_en, text_bg = quoted(", ".join(wrong))
        yield Finding(
            "R103",
            Severity.WARNING,
            Location.of(area, measure, field="roles.contact"),
            Message(
                f"the contact {text_en} is not a valid e-mail address",
                f"контактът {text_bg} не е валиден адрес на електронна поща",
            ),
            Message(
                "correct the address (name@domain.bg), with no spaces inside it",
                "поправете адреса (име@домейн.bg), без интервали в него",
            ),
        )


RESPONSIBILITY_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "R101",
        Message("no responsible person or unit", "няма отговорник"),
        Severity.WARNING,
        _no_responsible,
    ),
    RuleSpec(
        "R102",
        Message("no target result", "няма целеви резултат"),
        Severity.WARNING,
        _no_target,
    ),
    RuleSpec(
        "R103",
        Message(
            "a contact that is not a valid e-mail address",
            "контакт, който не е валиден адрес на електронна поща",
        ),
        Severity.WARNING,
        _invalid_contacts,
    ),
)
"""The responsibility and result rules, in the order they run."""

"""The report of a validation: findings rendered as text, as JSON data, and as a summary.

:func:`capcore.validate` returns a :class:`ValidationReport`. Its JSON form
(:meth:`ValidationReport.to_data`) has a documented, stable shape, versioned
by :data:`REPORT_VERSION` (see ``docs/validation.md``): both languages of
every message are in it, so a consumer chooses the language itself.
"""

from __future__ import annotations

from typing import Any

import attrs

from capcore.findings import EntityKind, EntityRef, Finding, Location, Message, Severity
from capcore.locales import check_locale
from capcore.rules import ValidationSettings

__all__ = ["REPORT_VERSION", "ValidationReport"]

REPORT_VERSION = 1
"""The version of the JSON shape; raised only when a key changes meaning or goes away."""

_HINT_WORD = {"en": "hint", "bg": "съвет"}
_SILENCED = {
    "en": "{count} silenced by the plan's ignore list",
    "bg": "{count} скрити от списъка с пропуснати правила на плана",
}


@attrs.frozen
class ValidationReport:
    """The findings of a validation, in rule order, with what is needed to reproduce it.

    Attributes:
        findings: What the rules found (after select, ignore and the plan's
            own ignore list).
        source: The file or name of the plan, for rendering.
        settings: The settings the rules ran with (the day, the limits).
        plan_id: The id of the plan checked.
        rules: The codes of the rules that ran.
        plan_ignores: The codes or prefixes the plan's own file silences.
        silenced: How many findings the plan's own ignore list removed.
    """

    findings: tuple[Finding, ...]
    source: str = ""
    settings: ValidationSettings = attrs.field(factory=ValidationSettings)
    plan_id: str = ""
    rules: tuple[str, ...] = ()
    plan_ignores: tuple[str, ...] = ()
    silenced: int = 0

    def summary(self) -> dict[str, int]:
        """Return how many findings each severity has, zeros included."""
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    @property
    def has_errors(self) -> bool:
        """True when a finding of severity error remains."""
        return any(finding.severity is Severity.ERROR for finding in self.findings)

    def summary_text(self, locale: str = "en") -> str:
        """Return the counts by severity as words: ``0 errors, 1 warning, 0 info``."""
        check_locale(locale)
        counts = self.summary()
        text = ", ".join(
            f"{counts[severity.value]} {severity.word(locale, counts[severity.value])}"
            for severity in Severity
        )
        if self.silenced:
            text += f" ({_SILENCED[locale].format(count=self.silenced)})"
        return text

    def to_text(self, locale: str = "en", *, hints: bool = True) -> str:
        """Return one line per finding (and an indented hint line), then the summary.

        Each line is ``file: code severity where: message``; without a source
        the ``file:`` prefix is left out.

        Args:
            locale: ``en`` or ``bg``.
            hints: Whether to add the fix hints, each on a line of its own
                under its finding; a hint already shown for the same code is
                not repeated.
        """
        check_locale(locale)
        prefix = f"{self.source}: " if self.source else ""
        lines: list[str] = []
        shown: set[tuple[str, Message]] = set()
        for finding in self.findings:
            lines.append(f"{prefix}{finding.text(locale)}")
            # A hint repeated word for word (19 items without a target) is shown once.
            if hints and finding.hint is not None and (finding.code, finding.hint) not in shown:
                shown.add((finding.code, finding.hint))
                lines.append(f"    {_HINT_WORD[locale]}: {finding.hint.text(locale)}")
        lines.append(f"{prefix}{self.summary_text(locale)}")
        return "\n".join(lines)

    def to_data(self) -> dict[str, Any]:
        """Return the report as JSON-ready data, in the shape ``docs/validation.md`` describes."""
        return {
            "report_version": REPORT_VERSION,
            "file": self.source,
            "plan_id": self.plan_id,
            "settings": {
                "as_of": self.settings.as_of.isoformat(),
                "quick_win_months": self.settings.quick_win_months,
            },
            "rules": list(self.rules),
            "plan_ignores": list(self.plan_ignores),
            "silenced": self.silenced,
            "summary": self.summary(),
            "findings": [_finding_data(finding) for finding in self.findings],
        }


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "location": _location_data(finding.location),
        "message": _message_data(finding.message),
        "hint": None if finding.hint is None else _message_data(finding.hint),
    }


def _location_data(location: Location) -> dict[str, Any]:
    entity = location.entity
    if entity is not None:
        kind: str | None = entity.kind.value
    else:
        kind = None if location.free_text else "plan"
    data: dict[str, Any] = {"entity": kind}
    for step_kind in EntityKind:
        data[step_kind.value] = _ref_data(location.step(step_kind))
    data.update(
        {
            "field": location.field,
            "file": location.source,
            "position": location.position,
            "text": {"en": location.text("en"), "bg": location.text("bg")},
        }
    )
    return data


def _ref_data(ref: EntityRef | None) -> dict[str, str] | None:
    return None if ref is None else {"number": ref.number, "id": ref.id}


def _message_data(message: Message) -> dict[str, str]:
    return {"en": message.en, "bg": message.bg}

"""Findings: what a validation rule reports about a plan."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Finding", "Severity"]


class Severity(enum.StrEnum):
    """How much a finding matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Finding:
    """One structural problem of a plan.

    Attributes:
        code: The rule's stable code (``S106``).
        severity: How much it matters.
        where: The location: the entity's kind, number and id.
        message: What is wrong, in English.
    """

    code: str
    severity: Severity
    where: str
    message: str

    def __str__(self) -> str:
        """Return ``code severity where: message``."""
        return f"{self.code} {self.severity.value} {self.where}: {self.message}"

"""The core's own plugin: the capcore JSON format and the validation catalogue.

Registered by every plugin host through the same hooks as third-party
plugins, so the core is held to the same contract. The catalogue
(:data:`CORE_RULES`) is described rule by rule in ``docs/validation.md``.
"""

from __future__ import annotations

from typing import BinaryIO

from capcore.caf_rules import CAF_RULES
from capcore.formats import FormatSpec, Sample
from capcore.hookspecs import hookimpl
from capcore.jsonio import dumps, loads
from capcore.model import Plan
from capcore.money_rules import MONEY_RULES
from capcore.progress_rules import PROGRESS_RULES
from capcore.responsibility_rules import RESPONSIBILITY_RULES
from capcore.rules import RuleSpec
from capcore.schedule_rules import SCHEDULE_RULES
from capcore.structure import STRUCTURE_RULES

__all__ = ["CORE_RULES", "capcore_formats", "capcore_rules", "read_json", "write_json"]

CORE_RULES: tuple[RuleSpec, ...] = (
    *STRUCTURE_RULES,
    *SCHEDULE_RULES,
    *CAF_RULES,
    *RESPONSIBILITY_RULES,
    *MONEY_RULES,
    *PROGRESS_RULES,
)
"""The core's validation catalogue, in the order the rules run: S, D, C, R, B, P."""


def read_json(source: BinaryIO, /, *, name: str) -> Plan:
    """Read a capcore JSON file (the JSON format's reader)."""
    return loads(source.read(), source=name)


def write_json(plan: Plan, target: BinaryIO, /) -> None:
    """Write a plan as capcore JSON (the JSON format's writer)."""
    target.write(dumps(plan).encode("utf-8"))


def _sniff_json(sample: Sample) -> bool:
    # The schema version is always the first key capcore writes.
    head = sample.head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"schema_version"' in head[:200]


@hookimpl
def capcore_formats() -> list[FormatSpec]:
    """Provide the canonical JSON format."""
    return [
        FormatSpec(
            "json",
            (".json",),
            media_type="application/json",
            description="capcore JSON: the canonical, lossless form",
            reader=read_json,
            writer=write_json,
            sniff=_sniff_json,
            lossless=True,
        )
    ]


@hookimpl
def capcore_rules() -> list[RuleSpec]:
    """Provide the core's validation catalogue."""
    return list(CORE_RULES)

"""The core's plugin: its catalogue comes through the hook, and every rule is documented."""

from __future__ import annotations

import re

from capcore import make_plugin_host
from capcore.core_plugin import CORE_RULES

from .conftest import REPO

DOCS = REPO / "docs" / "validation.md"
# A catalogue row: | `S101` | error | ... |
_ROW = re.compile(
    r"^\|\s*`(?P<code>[A-Z]+[0-9]+)`\s*\|\s*(?P<severity>error|warning|info)\s*\|", re.MULTILINE
)


def test_the_catalogue_comes_through_the_hook() -> None:
    """A host without entry points offers exactly the core's catalogue, in order."""
    host = make_plugin_host(entry_points=False)
    assert host.rules() == CORE_RULES


def test_codes_are_unique_and_grouped_by_family() -> None:
    """Each code is used once; S, D, C, R, B, P run in that order."""
    codes = [rule.code for rule in CORE_RULES]
    assert len(set(codes)) == len(codes)
    families = list(dict.fromkeys(code[0] for code in codes))
    assert families == ["S", "D", "C", "R", "B", "P"]


def test_every_rule_has_a_summary_in_both_languages() -> None:
    """Summaries are written in English and Bulgarian, not copied."""
    for rule in CORE_RULES:
        assert rule.summary.en
        assert rule.summary.bg
        assert rule.summary.en != rule.summary.bg, rule.code


def test_every_rule_is_documented_with_its_severity() -> None:
    """docs/validation.md has a row for each rule, with the severity it reports, and no other."""
    documented = {m["code"]: m["severity"] for m in _ROW.finditer(DOCS.read_text("utf-8"))}
    assert documented == {rule.code: rule.severity.value for rule in CORE_RULES}


def test_the_documented_example_runs() -> None:
    """Every ```python block of docs/validation.md executes as written."""
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text("utf-8"), flags=re.DOTALL)
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/validation.md", "exec"), {})  # noqa: S102 - our own docs

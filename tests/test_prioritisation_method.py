"""Prioritisation methods: scales and their bands, presets, overrides."""

from __future__ import annotations

from decimal import Decimal

import pytest

from capcore import PRIORITISATION_METHODS, Category, Decision, Override, PrioritisationMethod
from capcore.prioritisation_method import (
    DEFAULT_METHOD,
    Band,
    Grid,
    Rule,
    Scale,
    UnknownMethodError,
)
from capcore.rules import ValidationSettings

from .conftest import REPO


@pytest.mark.parametrize(
    ("value", "two", "three"),
    [
        (1, Band.LOW, Band.LOW),
        (2, Band.LOW, Band.LOW),  # 2 < 1 + 4/3 = 2.33
        (3, Band.LOW, Band.MEDIUM),  # not above the middle 3; between 2.33 and 3.67
        (4, Band.HIGH, Band.HIGH),  # above 5 - 4/3 = 3.67
        (5, Band.HIGH, Band.HIGH),
    ],
)
def test_bands_on_one_to_five(value: int, two: Band, three: Band) -> None:
    """2x2: above the middle (3) is high; 3x3: thirds of 1-5 give 1-2, 3, 4-5."""
    scale = Scale()
    assert scale.band(Decimal(value), Grid.TWO_BY_TWO) is two
    assert scale.band(Decimal(value), Grid.THREE_BY_THREE) is three


def test_a_scale_needs_high_above_low() -> None:
    """An empty or reversed scale is refused."""
    with pytest.raises(ValueError, match="high"):
        Scale(5, 5)


def test_the_inverted_cost_reads_the_scale_the_other_way() -> None:
    """On 1-5 a cost of 5 counts 1 and a cost of 1 counts 5 (1 + 5 - cost)."""
    assert Scale().inverted(Decimal(5)) == 1
    assert Scale().inverted(Decimal(1)) == 5


def test_presets_are_named_documented_and_offered_on_the_command_line() -> None:
    """Five presets in the documented order; each names itself; the CLI offers them all."""
    assert list(PRIORITISATION_METHODS) == [
        "impact-feasibility",
        "impact-feasibility-urgency-cost",
        "matrix-2x2",
        "matrix-3x3",
        "weighted",
    ]
    docs = (REPO / "docs" / "prioritisation.md").read_text(encoding="utf-8")
    for name, method in PRIORITISATION_METHODS.items():
        assert method.preset_name == name
        assert f"`{name}`" in docs


def test_the_default_method_is_impact_times_feasibility() -> None:
    """By default: the product, the 2x2 matrix, the 1-5 scale."""
    assert PrioritisationMethod.named("impact-feasibility") == DEFAULT_METHOD
    assert (DEFAULT_METHOD.rule, DEFAULT_METHOD.grid) == (Rule.PRODUCT, Grid.TWO_BY_TWO)


def test_the_quick_win_limit_has_one_home() -> None:
    """Validation and prioritisation default to the same number of months."""
    assert DEFAULT_METHOD.quick_win_months == ValidationSettings().quick_win_months == 3


def test_an_unknown_name_lists_the_presets() -> None:
    """UnknownMethodError is also a ValueError."""
    with pytest.raises(UnknownMethodError, match="expected one of impact-feasibility, "):
        PrioritisationMethod.named("best")


def test_an_override_says_who_and_why() -> None:
    """Who decided and why are required."""
    with pytest.raises(ValueError, match="must say by"):
        Override("p", " ", "причина", rank=1)
    with pytest.raises(ValueError, match="must say reason"):
        Override("p", "група", "", rank=1)


def test_an_override_must_change_something() -> None:
    """An override without a category, rank or decision is refused."""
    with pytest.raises(ValueError, match="changes nothing"):
        Override("p", "група", "причина")


def test_an_override_reads_its_values_by_name() -> None:
    """Category and decision may be given as their values (from JSON or a script)."""
    override = Override("p", "група", "причина", category="quick_win", decision="leave")  # type: ignore[arg-type]
    assert override.category is Category.QUICK_WIN
    assert override.decision is Decision.LEAVE


def test_a_rank_is_one_or_more() -> None:
    """Rank 0 does not exist."""
    with pytest.raises(ValueError, match="1 or more"):
        Override("p", "група", "причина", rank=0)


def test_band_limits_are_where_the_bands_change() -> None:
    """1-5: the 2x2 cut is 3; the 3x3 cuts are 1 + 4/3 and 5 - 4/3."""
    scale = Scale()
    assert scale.band_limits(Grid.TWO_BY_TWO) == (Decimal(3),)
    low, high = scale.band_limits(Grid.THREE_BY_THREE)
    assert low == Decimal(1) + Decimal(4) / 3
    assert high == Decimal(5) - Decimal(4) / 3
    assert scale.band(low, Grid.THREE_BY_THREE) is Band.MEDIUM
    assert scale.band(high, Grid.THREE_BY_THREE) is Band.MEDIUM

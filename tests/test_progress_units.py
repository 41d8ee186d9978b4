"""The unit states and the roll-up arithmetic: names, weights, weighted means."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from capcore import PlanBuilder, ProgressPolicy, Status, Weighting
from capcore.progress_units import split_names, unit_states, weighted_mean, weights
from capcore.testing.strategies import decimals

D = dt.date


def test_split_names_at_commas_semicolons_and_lines() -> None:
    """Names are split, trimmed of spaces and a final full stop, and kept once."""
    assert split_names("Главен секретар, директори на дирекции, ") == (
        "Главен секретар",
        "директори на дирекции",
    )
    assert split_names("Отдел ПНО; главен секретар.\nГлавен секретар") == (
        "Отдел ПНО",
        "главен секретар",
    )
    assert split_names("") == ()


def test_weighted_mean_by_hand() -> None:
    """(1*10 + 3*50) / 4 = 40; unknown values are left out; zero weight gives None."""
    assert weighted_mean([(Decimal(1), Decimal(10)), (Decimal(3), Decimal(50))]) == 40
    assert weighted_mean([(Decimal(1), Decimal(10)), (Decimal(5), None)]) == 10
    assert weighted_mean([(Decimal(0), Decimal(10))]) is None
    assert weighted_mean([]) is None


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 100)), min_size=1))
def test_weighted_mean_stays_between_the_values(pairs: list[tuple[int, int]]) -> None:
    """The mean lies between the smallest and largest value (when something weighs)."""
    mean = weighted_mean([(Decimal(w), Decimal(v)) for w, v in pairs])
    weighed = [v for w, v in pairs if w]
    if not weighed:
        assert mean is None
    else:
        assert mean is not None
        assert min(weighed) <= mean <= max(weighed)


def test_weights_by_policy() -> None:
    """Equal: 1 each; explicit: as written, 1 if none; duration: days, else their average."""
    items = [(Decimal(2), 10), (None, 30), (Decimal(5), None)]

    def make(weighting: Weighting) -> list[Decimal]:
        return weights(
            items,
            ProgressPolicy(weighting=weighting),
            explicit=lambda item: item[0],
            days=lambda item: item[1],
        )

    assert make(Weighting.EQUAL) == [1, 1, 1]
    assert make(Weighting.EXPLICIT) == [2, 1, 5]
    assert make(Weighting.DURATION) == [10, 30, 20]


def test_unit_states_follow_the_policy_source() -> None:
    """A report "in progress" with 40 %: 40 by default, 50 by status, 40 manual."""
    builder = PlanBuilder("План", id="p")
    builder.area("А").measure("M").update(D(2024, 1, 1), status=Status.IN_PROGRESS, percent=40)
    plan = builder.build()
    for name, expected in (("default", 40), ("status", 50), ("manual", 40)):
        [state] = unit_states(plan, D(2024, 2, 1), ProgressPolicy.named(name))
        assert state.actual == expected


def test_done_on_is_the_actual_end_or_the_first_done_report() -> None:
    """Reported done on 10 and 20 March: done on 10 March; with an actual end, that day."""
    builder = PlanBuilder("План", id="p")
    measure = builder.area("А").measure("M")
    measure.update(D(2024, 3, 10), status=Status.DONE)
    measure.update(D(2024, 3, 20), status=Status.DONE)
    [state] = unit_states(builder.build(), D(2024, 4, 1), ProgressPolicy())
    assert state.done_on == D(2024, 3, 10)
    measure.update(D(2024, 3, 30), status=Status.DONE, actual_end=D(2024, 3, 8))
    [state] = unit_states(builder.build(), D(2024, 4, 1), ProgressPolicy())
    assert state.done_on == D(2024, 3, 8)


def test_an_actual_start_means_started() -> None:
    """ "Not started" but with an actual start on or before the date counts as started."""
    builder = PlanBuilder("План", id="p", period=(2024, 2024))
    builder.area("А").measure("M", start=D(2024, 1, 1)).update(
        D(2024, 2, 1), status=Status.NOT_STARTED, actual_start=D(2024, 1, 20)
    )
    [state] = unit_states(builder.build(), D(2024, 2, 15), ProgressPolicy())
    assert state.facts.started
    assert not state.facts.late_to_start


@given(st.lists(st.tuples(decimals(), st.one_of(st.none(), decimals()))))
def test_weighted_mean_equals_the_two_sums(pairs: list[tuple[Decimal, Decimal | None]]) -> None:
    # The reference: the known values' weights and products added up
    # separately; the one-pass mean must give the very same Decimal.
    known = [(weight, value) for weight, value in pairs if value is not None]
    total = sum((weight for weight, _ in known), Decimal(0))
    if not known or total == 0:
        assert weighted_mean(pairs) is None
        return
    reference = sum((weight * value for weight, value in known), Decimal(0)) / total
    found = weighted_mean(pairs)
    assert found == reference
    assert str(found) == str(reference)


@given(st.text(alphabet="аБ b,;.\n ", max_size=40))
def test_split_names_twice_gives_the_same_names(text: str) -> None:
    reference = []
    for part in re.split(r"[,;\n]+", text):
        name = part.strip().rstrip(".").strip()
        if name and name.casefold() not in {known.casefold() for known in reference}:
            reference.append(name)
    assert split_names(text) == tuple(reference)
    assert split_names(text) == tuple(reference)  # the second time from the cache

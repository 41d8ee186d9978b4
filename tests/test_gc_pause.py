"""Pausing the cyclic garbage collector (capcore._gc_pause) around the core's large computations."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator

import pytest

import capcore
from capcore._gc_pause import cyclic_gc_paused
from capcore.examples import add_sample_monitoring

AS_OF = dt.date(2023, 6, 30)


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    """Run the test with the collector enabled, and leave it as it was."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def _collections_during(work: Callable[[], object]) -> int:
    """Return how many collections the interpreter started while ``work`` ran."""
    started: list[str] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            started.append(phase)

    gc.callbacks.append(record)
    try:
        work()
    finally:
        gc.callbacks.remove(record)
    return len(started)


def _monitored_plan() -> capcore.Plan:
    """Return a plan of 1,500 activities with sample monitoring: enough work to start collections."""
    builder = capcore.PlanBuilder("План", id="gc", period=(2022, 2024))
    area = builder.area("Управление на човешките ресурси")
    for index in range(300):
        measure = area.measure(f"Мярка {index}", caf="3.2")
        for number in range(5):
            measure.activity(f"Дейност {number}", start="18.3.2022", deadline="17.6.2022")
    return add_sample_monitoring(builder.build())


@pytest.mark.usefixtures("collector_enabled")
def test_the_collector_is_paused_inside_and_enabled_after() -> None:
    """Inside the block the collector is off; after it, on again."""
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled")
def test_the_collector_is_enabled_again_after_an_error() -> None:
    """An exception in the block does not leave the collector off."""
    with pytest.raises(ValueError, match="boom"), cyclic_gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled")
def test_nested_pauses_enable_it_only_at_the_outermost() -> None:
    """An inner pause ending leaves the outer pause in force."""
    with cyclic_gc_paused():
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_program_stays_off() -> None:
    """A program that disabled the collector finds it disabled after the call."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


@pytest.mark.usefixtures("collector_enabled")
@pytest.mark.parametrize("name", ["progress", "timeline"])
def test_the_core_computations_run_without_collections(name: str) -> None:
    """progress and timeline on a large plan start no collection; unpaused, they start several.

    One collection may follow the call: the allocations counted during the
    pause make the first allocation after it start one.
    """
    plan = _monitored_plan()
    paused = getattr(capcore, name)
    unpaused = paused.__wrapped__
    assert _collections_during(lambda: unpaused(plan, as_of=AS_OF)) > 1
    assert _collections_during(lambda: paused(plan, as_of=AS_OF)) <= 1


@pytest.fixture
def pause_turned_off() -> Iterator[None]:
    """Run the test with capcore's pause turned off, and turn it back on after."""
    capcore.set_gc_pause(False)
    yield
    capcore.set_gc_pause(True)


@pytest.mark.usefixtures("collector_enabled", "pause_turned_off")
def test_a_host_can_turn_the_pause_off() -> None:
    """After set_gc_pause(False) the collector stays on inside, and the setting reads back."""
    assert not capcore.gc_pause_enabled()
    with cyclic_gc_paused():
        assert gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled", "pause_turned_off")
def test_without_the_pause_the_core_lets_the_collector_run() -> None:
    """With the pause off, progress on a large plan starts collections as plain code would."""
    plan = _monitored_plan()
    assert _collections_during(lambda: capcore.progress(plan, as_of=AS_OF)) > 1


def test_the_pause_is_on_by_default() -> None:
    """A fresh capcore pauses the collector during its large computations."""
    assert capcore.gc_pause_enabled()


@pytest.mark.usefixtures("collector_enabled")
def test_validation_runs_without_collections() -> None:
    """validate on a large plan starts no collection; its unpaused body starts several."""
    plan = _monitored_plan()
    assert _collections_during(lambda: capcore.validate.__wrapped__(plan)) > 1
    assert _collections_during(lambda: capcore.validate(plan)) <= 1

"""Pausing Python's cyclic garbage collector while the core builds large object trees.

Reading a plan, validating it, computing its progress report or its
timeline allocates hundreds of thousands of small objects (attrs
instances, tuples, dicts) in a few hundred milliseconds. Each allocation
burst makes CPython's cyclic collector run, and every full run walks the
whole heap, the plan included: measured on a 10,000-activity plan that was
30 % of ``capcore.loads``, a third of ``capcore.progress`` and half of
``capcore.timeline``, and it grows with the plan (``capcore.validate`` took
12.4-13.9x the time for 10x the activities with the collector running,
11.1x without). These operations create no reference cycles (frozen value
trees), so the collector has nothing to find there; it is paused for the
call and resumed after it. Reference counting still frees everything as
usual.

The pause is process-wide, so it is kept to calls that only compute. Calls
nest (an HTML writer calling ``progress``), and with several threads the
collector ends enabled whenever it was enabled before any of them began;
one thread's pause at worst delays another thread's collection.

A host application that manages the collector itself (or that must never
see it paused, for instance while other threads allocate heavily) turns
the pause off for the whole process with :func:`set_gc_pause`
(``capcore.set_gc_pause(False)``); the results are the same either way.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["cyclic_gc_paused", "gc_pause_enabled", "set_gc_pause"]

_pause = {"enabled": True}  # a module-level setting, read on every call


def set_gc_pause(enabled: bool) -> None:
    """Choose whether capcore pauses the cyclic garbage collector during its large computations.

    On by default: ``loads``, ``to_dict``, ``validate``, ``progress`` and ``timeline``
    pause the collector while they run and resume it after (see
    ``docs/performance.md``). Turn it off in a host application that
    manages the collector itself; capcore's results do not change, only
    its speed on large plans.

    Args:
        enabled: True to pause during those calls (the default), False never to touch it.
    """
    _pause["enabled"] = bool(enabled)


def gc_pause_enabled() -> bool:
    """Return whether capcore pauses the cyclic garbage collector (:func:`set_gc_pause`)."""
    return _pause["enabled"]


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block or, as a decorator, for a call.

    It is enabled again afterwards only if it was enabled before, so nested
    pauses and a program that turned the collector off itself are respected.
    After ``set_gc_pause(False)`` it leaves the collector alone.

    Yields:
        Nothing; the block runs with the collector paused.
    """
    if not _pause["enabled"]:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

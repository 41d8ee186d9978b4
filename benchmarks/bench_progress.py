"""Progress, its data, the timeline and a merge on large synthetic plans.

Builds the synthetic plan of :mod:`bench_json` with
:func:`capcore.examples.add_sample_monitoring` reports on every activity,
then times :func:`capcore.progress`, ``ProgressReport.to_data``,
:func:`capcore.timeline` and :func:`capcore.merge` of the plan with itself
at 10,000 and 100,000 activities, and prints the 10k -> 100k ratio of each
(linear work gives about 10). Asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable

from bench_json import synthetic_plan

from capcore import merge, progress, timeline
from capcore.examples import add_sample_monitoring

_AS_OF = dt.date(2023, 6, 30)
_SIZES = (10_000, 100_000)


def timed(work: Callable[[], object]) -> tuple[float, object]:
    """Return the time ``work`` takes in seconds, and its result."""
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def measure(size: int) -> dict[str, float]:
    """Return the time of each operation on a plan of ``size`` activities."""
    plan = add_sample_monitoring(synthetic_plan(size).build())
    times: dict[str, float] = {}
    times["progress"], report = timed(lambda: progress(plan, as_of=_AS_OF))
    times["to_data"], _ = timed(report.to_data)  # type: ignore[attr-defined]
    times["timeline"], _ = timed(lambda: timeline(plan, as_of=_AS_OF))
    times["merge"], _ = timed(lambda: merge(plan, plan))
    return times


def main() -> None:
    """Measure and print the times and the 10k -> 100k ratios."""
    results: dict[int, dict[str, float]] = {}
    for size in _SIZES:
        times = results[size] = measure(size)
        print(f"{size:>7} activities: " + ", ".join(f"{k} {v:.3f}s" for k, v in times.items()))
        sys.stdout.flush()
    small, large = (results[size] for size in _SIZES)
    print("ratio 10k -> 100k: " + ", ".join(f"{k} {large[k] / small[k]:.1f}x" for k in small))
    sys.stdout.flush()


if __name__ == "__main__":
    main()

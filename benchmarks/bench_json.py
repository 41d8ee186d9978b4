"""JSON write and read of a large synthetic plan, as ratios to plain json.

Baselines in the same run: ``json.dumps`` of the already-unstructured dict
(capcore's writer pays for cattrs unstructuring on top) and ``json.loads``
of the same text (capcore's reader pays for cattrs structuring and
validation on top). Prints the ratios; asserts nothing.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from capcore import PlanBuilder, dumps, loads, to_dict


def synthetic_plan(activities: int) -> PlanBuilder:
    """Return a builder holding a plan with ``activities`` activities in 10-activity measures."""
    builder = PlanBuilder("План за подобрение на администрацията", id="bench", period=(2022, 2024))
    area = builder.area("Управление на човешките ресурси")
    measure = area.measure("Мярка")
    for index in range(activities):
        if index % 10 == 0:
            measure = area.measure(
                f"Организиране на обучение {index}",
                quick_win=index % 20 == 0,
                caf="3.2",
                budget="не по-малко от 3000 лева годишно",
            )
        measure.activity(
            f"Провеждане на обучение „Ефективна комуникация“ № {index}",
            start="18.3.2022",
            deadline="17.6.2022",
            target="Подобрени знания и умения на служителите",
            responsible="Главен секретар, директори на дирекции",
        )
    return builder


# A timing this long is not repeated: a busy machine moves it by a few per
# cent, less than the minutes the repeats would add to a full run.
LONG_RUN_SECONDS = 1.0


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Return the fastest of up to ``runs`` timings of ``work`` in seconds.

    A first timing longer than :data:`LONG_RUN_SECONDS` is taken as it is.
    """
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
        if times[0] > LONG_RUN_SECONDS:
            break
    return min(times)


def main() -> None:
    """Measure and print the ratios for 1,000 and 10,000 activities."""
    for size in (1_000, 10_000):
        plan = synthetic_plan(size).build()
        data = to_dict(plan)
        text = dumps(plan)
        write = best_of(3, lambda: dumps(plan))  # noqa: B023 - run inside the loop
        write_base = best_of(3, lambda: json.dumps(data, ensure_ascii=False, indent=2))  # noqa: B023
        read = best_of(3, lambda: loads(text))  # noqa: B023
        read_base = best_of(3, lambda: json.loads(text))  # noqa: B023
        print(
            f"{size:>6} activities: write {write:.3f}s = {write / write_base:.1f}x json.dumps; "
            f"read {read:.3f}s = {read / read_base:.1f}x json.loads"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()

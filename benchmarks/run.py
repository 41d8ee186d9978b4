"""Issue 10's benchmark suite: one table of ratios to baselines measured in the same run.

Run: ``.venv/bin/python benchmarks/run.py`` (or ``python3 dev.py bench``).
Options: ``--sizes 1000,10000`` (activities; default 1,000, 10,000 and
100,000), ``--smoke`` (the smallest size, one repeat: a check that the suite
still works, which CI runs), ``--repeats N`` (the best of N timings).

The measuring functions live in the ``bench_*`` modules beside this one
(each also prints its own detailed report when run alone); this module
only times them at each size and prints one Markdown table: measurement,
size, ours, baseline, ratio, goal, met or missed. Every ratio compares two
things timed moments apart on the same machine, so a busy machine slows
both; the goals are issue 10's.

Sizes per measurement: the linearity rows at the largest size (they compare
it with a tenth of it, time and tracemalloc's peak memory: 100,000 against
10,000 by default, the issue's pair); the JSON, HTML and Excel rows at sizes
up to 10,000 (``--format-max``: their baselines alone take minutes at
100,000, and the JSON rows there add nothing the linearity rows do not
show); the Word rows at
``min(size, 2000)`` activities (the issue's size; python-docx's plain
``cell.text`` baseline grows too slow beyond it); the start-up row does not
depend on the size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_docx
import bench_html
import bench_xlsx
import openpyxl
from bench_json import best_of, synthetic_plan

import capcore
from capcore.examples import add_sample_monitoring

DEFAULT_SIZES = (1_000, 10_000, 100_000)
SMOKE_SIZE = 1_000
# The issue measures the Word matrix at 2,000 activities.
DOCX_SIZE = 2_000
# The largest plan the HTML and Excel rows are measured on by default.
FORMAT_MAX = 10_000
# Linear work gives 10x the time for 10x the activities; the issue allows 12x.
LINEAR_LIMIT = 12.0
_AS_OF = dt.date(2023, 6, 30)


@dataclass(frozen=True)
class Goal:
    """A goal for a ratio of ours to the baseline.

    Attributes:
        limit: The ratio the goal allows.
        text: The goal as the table shows it.
        strict: True when the ratio must stay below ``limit``, not reach it.
    """

    limit: float
    text: str
    strict: bool = False

    def met(self, ratio: float) -> bool:
        """Return True when ``ratio`` meets the goal."""
        return ratio < self.limit if self.strict else ratio <= self.limit


AT_MOST_1_3 = Goal(1.3, "≤ 1.3x")
AT_MOST_2 = Goal(2.0, "≤ 2x")
FASTER = Goal(1.0, "< 1x", strict=True)
FIVE_TIMES_FASTER = Goal(0.2, "≤ 0.2x (5x faster)")
LINEAR = Goal(LINEAR_LIMIT, f"≤ {LINEAR_LIMIT:g}x")
START_UP = Goal(3.0, "< 3x", strict=True)


@dataclass(frozen=True)
class Row:
    """One line of the table: our time (or memory) and the baseline's.

    Attributes:
        measurement: What was measured, against which baseline.
        size: Activities in the plan, or None where the size does not matter.
        ours: capcore's seconds (or megabytes, for memory rows).
        baseline: The baseline's seconds (or megabytes).
        unit: ``s`` or ``MB``.
        goal: The issue's goal for the ratio, or None for a row shown for context.
    """

    measurement: str
    size: int | None
    ours: float
    baseline: float
    unit: str = "s"
    goal: Goal | None = None

    @property
    def ratio(self) -> float:
        """Ours divided by the baseline."""
        return self.ours / self.baseline

    @property
    def verdict(self) -> str:
        """``met``, ``missed``, or ``-`` for a row without a goal."""
        if self.goal is None:
            return "-"
        return "met" if self.goal.met(self.ratio) else "missed"


def json_rows(size: int, repeats: int) -> Iterator[Row]:
    """Yield capcore's JSON write and read against the json module (context, no goal)."""
    plan = synthetic_plan(size).build()
    data = capcore.to_dict(plan)
    text = capcore.dumps(plan)
    yield Row(
        "JSON write vs json.dumps of its dict",
        size,
        best_of(repeats, lambda: capcore.dumps(plan)),
        best_of(repeats, lambda: json.dumps(data, ensure_ascii=False, indent=2)),
    )
    yield Row(
        "JSON read vs json.loads",
        size,
        best_of(repeats, lambda: capcore.loads(text)),
        best_of(repeats, lambda: json.loads(text)),
    )


def _linear_operations(size: int) -> dict[str, Callable[[], object]]:
    """Return the operations whose growth the issue checks, on a monitored plan of ``size``."""
    plan = add_sample_monitoring(synthetic_plan(size).build())
    text = capcore.dumps(plan)
    report = capcore.progress(plan, as_of=_AS_OF)
    return {
        "JSON write": lambda: capcore.dumps(plan),
        "JSON read": lambda: capcore.loads(text),
        "validation": lambda: capcore.validate(plan),
        "progress": lambda: capcore.progress(plan, as_of=_AS_OF),
        "progress to_data": report.to_data,
    }


def peak_megabytes(work: Callable[[], object]) -> float:
    """Return the peak memory ``work`` allocates, in megabytes (tracemalloc)."""
    tracemalloc.start()
    try:
        work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def linearity_rows(size: int, repeats: int) -> Iterator[Row]:
    """Yield time and peak memory at ``size`` against a tenth of it (goal: at most 12x)."""
    small_size = max(size // 10, 1)
    small, large = _linear_operations(small_size), _linear_operations(size)
    for name, work in large.items():
        yield Row(
            f"{name}: time at 10x the activities",
            size,
            best_of(repeats, work),
            best_of(repeats, small[name]),
            goal=LINEAR,
        )
        yield Row(
            f"{name}: peak memory at 10x the activities",
            size,
            peak_megabytes(work),
            peak_megabytes(small[name]),
            unit="MB",
            goal=LINEAR,
        )


def html_rows(size: int, repeats: int) -> Iterator[Row]:
    """Yield the HTML page and its plan table against a plain join of the escaped cells.

    Two more rows give the page's time context: against the core's work the
    page needs (progress, timeline, the JSON copy) plus the join, which no
    HTML writer can avoid, so their ratio is the plugin's own cost.
    """
    plan = synthetic_plan(size).build()
    page = best_of(repeats, lambda: bench_html.write_page(plan))
    join = best_of(repeats, lambda: bench_html.joined_cells(plan))
    yield Row("html write (whole page) vs join of escaped cells", size, page, join, goal=AT_MOST_2)
    yield Row(
        "html plan table vs join of escaped cells",
        size,
        best_of(repeats, lambda: bench_html.plan_table(plan)),
        join,
        goal=AT_MOST_2,
    )
    core = best_of(repeats, lambda: bench_html.core_parts(plan))
    yield Row("html write vs the core's parts of the page + the join", size, page, core + join)


def docx_rows(size: int, repeats: int) -> Iterator[Row]:
    """Yield the Word matrix write and read against lxml and plain python-docx."""
    plan = bench_docx.synthetic_plan(size)
    rows = bench_docx.table_texts(plan)
    ours = bench_docx.capcore_write(plan)
    write = best_of(repeats, lambda: bench_docx.capcore_write(plan))
    yield Row(
        "docx matrix write vs lxml table XML",
        size,
        write,
        best_of(repeats, lambda: bench_docx.lxml_write(rows)),
        goal=AT_MOST_2,
    )
    yield Row(
        "docx matrix write vs python-docx cell.text",
        size,
        write,
        best_of(1, lambda: bench_docx.plain_write(rows)),  # seconds a run; once is enough
        goal=FIVE_TIMES_FASTER,
    )
    for name, data in (
        ("docx read", ours),
        ("docx read (edited in Word)", bench_docx.edited_in_word(ours)),
    ):
        yield Row(
            f"{name} vs lxml iterating the table",
            size,
            best_of(repeats, lambda data=data: bench_docx.capcore_read(data)),
            best_of(repeats, lambda data=data: bench_docx.lxml_read(data)),
            goal=AT_MOST_2,
        )


def xlsx_rows(size: int, repeats: int) -> Iterator[Row]:
    """Yield the Excel write and reads against raw openpyxl and pandas."""
    plan = synthetic_plan(size).build()
    ours = bench_xlsx.capcore_write(plan)
    sheets = bench_xlsx.styled_cells(ours)
    frame = bench_xlsx.plan_table(ours)
    foreign = bench_xlsx.real_world_workbook(plan)
    resaved = io.BytesIO()
    openpyxl.load_workbook(io.BytesIO(ours)).save(resaved)
    write = best_of(repeats, lambda: bench_xlsx.capcore_write(plan))
    yield Row(
        "xlsx write vs raw openpyxl, same styled cells",
        size,
        write,
        best_of(repeats, lambda: bench_xlsx.raw_openpyxl_write(sheets)),
        goal=AT_MOST_1_3,
    )
    yield Row(
        "xlsx whole workbook vs pandas to_excel",
        size,
        write,
        best_of(repeats, lambda: bench_xlsx.pandas_write(frame)),
        goal=FASTER,
    )
    for name, data in (
        ("xlsx read (own file)", ours),
        ("xlsx read (saved again elsewhere)", resaved.getvalue()),
        ("xlsx read (real-world shape)", foreign),
    ):
        yield Row(
            f"{name} vs raw openpyxl read-only",
            size,
            best_of(repeats, lambda data=data: capcore.read(io.BytesIO(data), "xlsx")),
            best_of(repeats, lambda data=data: bench_xlsx.raw_openpyxl_read(data)),
            goal=AT_MOST_1_3,
        )


# A user's interpreter caches bytecode; a shell that sets
# PYTHONDONTWRITEBYTECODE (as some CI images do) would make every start
# compile capcore's sources again and measure the compiler, not capcore.
_CACHING_ENVIRONMENT = {
    key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
}


def _run_seconds(command: Sequence[str]) -> float:
    """Return the seconds ``command`` takes to run (its output is dropped), bytecode cached."""
    start = time.perf_counter()
    # The commands are this interpreter and fixed arguments, built just above.
    subprocess.run(command, check=True, capture_output=True, env=_CACHING_ENVIRONMENT)  # noqa: S603
    return time.perf_counter() - start


def start_up_row(repeats: int) -> Row:
    """Return ``capcore --help`` against ``python -c pass``, each in a fresh interpreter."""
    # The console script and `python -m capcore.cli` run the same code; the
    # module form needs no installed script.
    command = [sys.executable, "-m", "capcore.cli", "--help"]
    _run_seconds(command)  # writes the bytecode a user's first run would write
    return Row(
        "capcore --help start-up vs python -c pass",
        None,
        best_of(repeats, lambda: _run_seconds(command)),
        best_of(repeats, lambda: _run_seconds([sys.executable, "-c", "pass"])),
        goal=START_UP,
    )


def collect(
    sizes: Sequence[int],
    repeats: int,
    *,
    format_max: int = FORMAT_MAX,
    log: Callable[[str], None],
) -> list[Row]:
    """Measure every row at every size; ``log`` hears what is running.

    Args:
        sizes: Activities in the synthetic plans.
        repeats: Timings per measurement; the fastest counts.
        format_max: The largest size the JSON, HTML and Excel rows run at.
        log: Called with a line before each group of measurements.

    Returns:
        The table's rows, in the order measured.
    """
    started = time.perf_counter()
    rows = [start_up_row(max(repeats, 3))]
    docx_sizes = sorted({min(size, DOCX_SIZE) for size in sizes})
    for size in sizes:
        groups: list[tuple[str, Callable[[int, int], Iterator[Row]]]] = []
        if size <= format_max:
            groups += [("json", json_rows), ("html", html_rows), ("xlsx", xlsx_rows)]
        if size == max(sizes):
            groups.append(("linearity", linearity_rows))
        for name, measure in groups:
            log(f"{name} at {size:,} activities")
            rows.extend(measure(size, repeats))
            log(f"... {time.perf_counter() - started:.0f} s so far")
        if size in docx_sizes:
            log(f"docx at {size:,} activities")
            rows.extend(docx_rows(size, repeats))
    for size in docx_sizes:
        if size not in sizes:
            log(f"docx at {size:,} activities")
            rows.extend(docx_rows(size, repeats))
    return rows


def _number(value: float, unit: str) -> str:
    # Significant digits, not decimals: a fast row must not print as zero.
    return f"{value:.3g} MB" if unit == "MB" else f"{value:.3g} s"


def render(rows: Sequence[Row]) -> str:
    """Return the rows as a Markdown table."""
    lines = [
        "| measurement | size | ours | baseline | ratio | goal | met |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    lines.extend(
        f"| {row.measurement} | {'-' if row.size is None else f'{row.size:,}'} "
        f"| {_number(row.ours, row.unit)} | {_number(row.baseline, row.unit)} "
        f"| {row.ratio:.3g}x | {row.goal.text if row.goal else '-'} | {row.verdict} |"
        for row in rows
    )
    return "\n".join(lines)


def machine() -> str:
    """Return one line naming the machine: CPUs, CPU model, load average, Python."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = (
        ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    )
    return (
        f"{os.cpu_count()} CPUs ({model}); load average {load}; Python {platform.python_version()}"
    )


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 1000,10000, got {text!r}") from None
    if not sizes or min(sizes) < 10:
        raise argparse.ArgumentTypeError(f"expected sizes of at least 10 activities, got {text!r}")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite and print the machine, then the table.

    Args:
        argv: The arguments, without the program's name; by default ``sys.argv[1:]``.

    Returns:
        0; the table says which goals were met (a missed goal is not an error here).
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES, help="e.g. 1000,10000")
    parser.add_argument("--repeats", type=int, default=3, help="timings per measurement")
    parser.add_argument("--smoke", action="store_true", help="smallest size, one repeat")
    parser.add_argument(
        "--format-max",
        type=int,
        default=FORMAT_MAX,
        help=f"largest size for the JSON, HTML and Excel rows (default {FORMAT_MAX:,})",
    )
    args = parser.parse_args(argv)
    sizes: tuple[int, ...] = (SMOKE_SIZE,) if args.smoke else args.sizes
    repeats = 1 if args.smoke else max(args.repeats, 1)

    def log(line: str) -> None:
        print(f"... {line}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    print(f"Machine: {machine()}")
    rows = collect(sizes, repeats, format_max=args.format_max, log=log)
    print(f"Load average after the run: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"Run time: {time.perf_counter() - started:.0f} s; best of {repeats}\n")
    print(render(rows))
    # A ratio that is not a finite positive number means a broken measurement.
    broken = [row.measurement for row in rows if not (math.isfinite(row.ratio) and row.ratio > 0)]
    if broken:
        print(f"broken measurements: {broken}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

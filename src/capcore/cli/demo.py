"""``capcore demo [OUT_DIR]``: build the example plans and write them in every format.

Builds the Lovech, Pazardzhik and Smolyan seed plans, the same plans
with synthetic quarterly reports (``*-monitoring``), and the draft plan drawn
from the worked example's improvement proposals (``draft-from-proposals``), runs the installed rules
on them, and writes each in every installed format that has a writer (JSON
alone unless plugins add more). A file of a lossless format with a reader is
read back and must equal the built plan; a failed round trip, like a finding
of severity error, gives exit code 1. For each monitoring plan it prints the
progress as of its last report.
"""

from __future__ import annotations

import argparse

from capcore._type_checking import TYPE_CHECKING
from capcore.cli._common import EXIT_FINDINGS, EXIT_OK, Commands, Progress, count

if TYPE_CHECKING:
    from pathlib import Path

    from capcore.model import Plan
    from capcore.plugin_host import RegisteredFormat

__all__ = ["register", "run"]


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``demo`` command to ``commands``."""
    parser = commands.add_parser(
        "demo",
        parents=[common],
        help="build the example plans and write them to OUT_DIR",
        description="Build the example plans, check them and write them to OUT_DIR "
        "in every installed format that can write.",
    )
    parser.add_argument(
        "out_dir",
        nargs="?",
        default="out",
        metavar="OUT_DIR",
        help="where to write the files (default: out)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build, check and write the example plans; return the exit code."""
    from pathlib import Path  # here: pathlib is not needed for `capcore --help`

    from capcore.examples import draft_plans, monitoring_plans, seed_plans
    from capcore.plugin_host import default_host
    from capcore.validation import validate

    host = default_host()
    writable = [registered for registered in host.formats() if registered.spec.writer]
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plans = seed_plans() | monitoring_plans() | draft_plans()
    code = EXIT_OK
    with Progress(len(plans) * len(writable)) as progress:
        for key, plan in plans.items():
            report = validate(plan, host=host, source=key)
            results: list[str] = []
            for registered in writable:
                path = out_dir / f"{key}{registered.spec.default_extension}"
                progress.step(path.name)
                result, equal = _write_and_check(plan, path, registered)
                results.append(result)
                if not equal:
                    code = EXIT_FINDINGS
            progress.clear()
            print(f"{key}: {_counts(plan)} -> {', '.join(results)}")
            print(f"  findings: {report.summary_text()} (capcore validate FILE lists them)")
            if any(unit.updates for unit in plan.progress_units()):
                print(f"  {_progress_line(plan)}")
            if plan.prioritisation is not None:
                print(f"  {_prioritisation_line(plan)}")
            if report.has_errors:
                code = EXIT_FINDINGS
    return code


def _write_and_check(plan: Plan, path: Path, registered: RegisteredFormat) -> tuple[str, bool]:
    """Write ``plan``; read it back if the format promises a lossless round trip.

    Returns:
        What to print for the file, and False when it read back different.
    """
    from capcore.readwrite import read, write

    write(plan, path, registered.name)
    if not registered.spec.is_lossless():  # written with the writer's default layout
        return str(path), True
    equal = read(path, registered.name) == plan
    return f"{path} " + ("(reads back equal)" if equal else "(READS BACK DIFFERENT)"), equal


def _progress_line(plan: Plan) -> str:
    """Return the plan's progress as of its last report, in one line."""
    from capcore.labels import format_percent
    from capcore.progress_engine import progress

    last = max(update.on for unit in plan.progress_units() for update in unit.updates)
    line = progress(plan, as_of=last).plan
    return (
        f"progress as of {last.isoformat()}: {format_percent(line.actual, 'en')} done, "
        f"{format_percent(line.expected, 'en')} expected, gauge {line.gauge.value} "
        f"(capcore progress FILE --as-of DATE for the report)"
    )


def _prioritisation_line(plan: Plan) -> str:
    """Return what the draft plan's prioritisation gave, in one line."""
    from capcore.prioritisation import prioritisation_of

    result = prioritisation_of(plan)
    if result is None:
        return ""
    return (
        f"drawn from {count(len(result.entries), 'proposal')}: "
        f"{len(result.taken())} taken, {len(result.not_taken())} not taken, "
        f"{count(len(result.overrides), 'override')} by the working group "
        "(capcore prioritise examples/proposals/proposals.json -o DRAFT)"
    )


def _counts(plan: Plan) -> str:
    measures = list(plan.measures())
    quick_wins = sum(1 for measure in measures if measure.is_quick_win)
    activities = sum(len(measure.activities) for measure in measures)
    return (
        f"{count(len(plan.areas), 'area')}, {count(len(measures), 'measure')} "
        f"({count(quick_wins, 'quick win')}), {count(activities, 'activity', 'activities')}"
    )

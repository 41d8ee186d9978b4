"""The ``capcore`` command.

``capcore demo [OUT_DIR]`` builds the example plans (the Lovech, Pazardzhik
and Smolyan seed plans), checks their structure, writes them as capcore JSON
and reads each file back to prove it loads equal.

Exit codes: 0 ok, 1 findings at error level (or a failed round trip),
2 usage or input error. Errors print one line naming the file and the
place; ``--debug`` shows the traceback too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from capcore.errors import CapcoreError

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
"""Everything went well."""
EXIT_FINDINGS = 1
"""The work was done, but it found errors in the plan."""
EXIT_USAGE = 2
"""The command line or the input was wrong; nothing useful was done."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="capcore",
        description="Work with CAF improvement plans: build, check and convert them.",
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser(
        "demo",
        help="build the example plans and write them to OUT_DIR",
        description="Build the example plans, check their structure and write them to OUT_DIR.",
    )
    demo.add_argument(
        "out_dir",
        nargs="?",
        default="out",
        type=Path,
        metavar="OUT_DIR",
        help="where to write the files (default: out)",
    )
    return parser


def _version() -> str:
    try:
        return f"capcore {metadata.version('capcore')}"
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "capcore (not installed)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args.out_dir)
    except CapcoreError as error:
        if args.debug:
            raise
        print(f"capcore: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        if args.debug:
            raise
        print(f"capcore: error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE  # pragma: no cover - argparse requires a known command


def _demo(out_dir: Path) -> int:
    # Imported here so that `capcore --help` stays fast.
    from capcore.examples import seed_plans
    from capcore.findings import Severity
    from capcore.jsonio import load_json, save_json
    from capcore.structure import check_structure

    out_dir.mkdir(parents=True, exist_ok=True)
    code = EXIT_OK
    for key, plan in seed_plans().items():
        findings = check_structure(plan)
        path = out_dir / f"{key}.json"
        save_json(plan, path)
        equal = load_json(path) == plan
        measures = list(plan.measures())
        quick_wins = sum(1 for m in measures if m.is_quick_win)
        activities = sum(len(m.activities) for m in measures)
        counts = ", ".join([_count(len(plan.areas), "area"), _count(len(measures), "measure")])
        print(
            f"{key}: {counts} ({_count(quick_wins, 'quick win')}), "
            f"{_count(activities, 'activity', 'activities')} -> {path} "
            + ("(reads back equal)" if equal else "(READS BACK DIFFERENT)")
        )
        for finding in findings:
            print(f"  {finding}")
        if not equal or any(f.severity is Severity.ERROR for f in findings):
            code = EXIT_FINDINGS
    return code


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


if __name__ == "__main__":
    sys.exit(main())

"""``capcore plugins``: the installed plugins, their formats and rules, and load problems.

Lists what the default plugin host loaded: each plugin's name, distribution
and version, its formats marked with what they can do (``json (read,
write)``) and its rule codes; then the plugins that could not be loaded.
Listing imports no format library (readers and writers load on first use).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from capcore._type_checking import TYPE_CHECKING
from capcore.cli._common import EXIT_OK, Commands, add_output_option, print_json

if TYPE_CHECKING:
    from capcore.plugin_host import PluginHost, RegisteredFormat

__all__ = ["code_ranges", "register", "run"]

_HEADINGS = ("name", "distribution", "version", "formats", "rules")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``plugins`` command to ``commands``."""
    parser = commands.add_parser(
        "plugins",
        parents=[common],
        help="list the installed plugins, formats and rules",
        description="List the installed plugins with their formats and rules, "
        "and the plugins that could not be loaded.",
    )
    add_output_option(parser, "a table (text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """List the installed plugins; return the exit code."""
    from capcore.plugin_host import default_host

    host = default_host()
    formats = {registered.name: registered for registered in host.formats()}
    if args.output == "json":
        _print_json(host, formats)
        return EXIT_OK
    rows = [
        (
            info.name,
            info.distribution or "(registered directly)",
            info.version or "-",
            ", ".join(_marked(formats[name]) for name in info.formats) or "-",
            code_ranges(info.rules) or "-",
        )
        for info in host.plugins()
    ]
    widths = [max(len(row[i]) for row in [_HEADINGS, *rows]) for i in range(len(_HEADINGS))]
    for row in [_HEADINGS, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    if host.problems:
        print()
        print("not loaded:")
        for problem in host.problems:
            print(f"  {problem}")
    return EXIT_OK


def _abilities(registered: RegisteredFormat) -> list[str]:
    spec = registered.spec
    return [name for name, able in (("read", spec.reader), ("write", spec.writer)) if able]


def _marked(registered: RegisteredFormat) -> str:
    return f"{registered.name} ({', '.join(_abilities(registered)) or 'nothing'})"


def _print_json(host: PluginHost, formats: dict[str, RegisteredFormat]) -> None:
    report = {
        "plugins": [
            {
                "name": info.name,
                "distribution": info.distribution,
                "version": info.version,
                "formats": [
                    {
                        "name": name,
                        "extensions": list(formats[name].spec.extensions),
                        "abilities": _abilities(formats[name]),
                    }
                    for name in info.formats
                ],
                "rules": list(info.rules),
            }
            for info in host.plugins()
        ],
        "problems": [
            {
                "plugin": problem.plugin,
                "distribution": problem.distribution,
                "message": problem.message,
            }
            for problem in host.problems
        ],
    }
    print_json(report)


def code_ranges(codes: Sequence[str]) -> str:
    """Return rule codes with runs of consecutive numbers shown as ranges (``S101-S106``)."""
    parts: list[str] = []
    run: list[str] = []
    previous: tuple[str, int] | None = None
    for code in codes:
        found = re.fullmatch(r"([A-Za-z]*)(\d+)", code)
        key = (found.group(1), int(found.group(2))) if found else None
        follows = key is not None and previous is not None and key == (previous[0], previous[1] + 1)
        if not follows and run:
            parts.append(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run = []
        run.append(code)
        previous = key
    if run:
        parts.append(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}")
    return ", ".join(parts)

"""``capcore convert IN... OUT``: read plans in one format and write them in another.

The formats come from the file names (extension, else the input's content)
unless ``--from`` or ``--to`` names them. Options go to the writer as text
(``-o key=value``, or the shortcuts ``--layout`` and ``--locale``); the
writer's declared options check and convert them, so a misspelt one is an
error. With several inputs, OUT is a folder (an existing one, or a path
ending in a separator) and each plan is written there under its input's name
with the output format's first extension. Nothing is printed on success
except the readers' import notes, as warnings on stderr.
"""

from __future__ import annotations

import argparse
import os

from capcore._type_checking import TYPE_CHECKING
from capcore.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    Progress,
    UsageError,
    error,
    read_plan,
)
from capcore.errors import CapcoreError

if TYPE_CHECKING:
    from pathlib import Path

    from capcore.plugin_host import PluginHost, RegisteredFormat

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  capcore convert plan.json plan-copy.json
  capcore convert plan.xlsx plan.docx --layout cards --locale en
  capcore convert a.json b.json out/ --to json
"""


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``convert`` command to ``commands``."""
    parser = commands.add_parser(
        "convert",
        parents=[common],
        help="convert plans from one format to another",
        description="Read plans in any installed format and write them in another.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="IN", help="the plan file(s) to read")
    parser.add_argument(
        "out",
        metavar="OUT",
        help="the file to write; a folder (existing, or ending in a separator) for several inputs",
    )
    parser.add_argument(
        "--from",
        dest="from_format",
        metavar="NAME",
        help="the input format (default: from the extension, else the content)",
    )
    parser.add_argument(
        "--to",
        "--format",
        dest="to_format",
        metavar="NAME",
        help="the output format (default: from OUT's extension); needed for a folder",
    )
    parser.add_argument("--layout", metavar="X", help="the same as -o layout=X")
    parser.add_argument("--locale", metavar="X", help="the same as -o locale=X")
    parser.add_argument(
        "-o",
        "--option",
        dest="options",
        action="append",
        default=[],
        type=_key_value,
        metavar="KEY=VALUE",
        help="a writer option; may repeat (see `capcore plugins`)",
    )
    parser.set_defaults(run=run)


def _key_value(text: str) -> tuple[str, str]:
    key, equals, value = text.partition("=")
    if not equals or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def run(args: argparse.Namespace) -> int:
    """Convert the files that ``args`` names; return the exit code."""
    from pathlib import Path  # here: pathlib is not needed for `capcore --help`

    from capcore.formats import check_options
    from capcore.plugin_host import default_host
    from capcore.readwrite import write

    host = default_host()
    options = _options(args)
    inputs: list[str] = args.inputs
    into_folder = _is_folder(args.out)
    if len(inputs) > 1 and not into_folder:
        raise UsageError(
            f"{args.out}: with several inputs OUT must be a folder "
            f"(an existing one, or end it with {os.sep})"
        )
    if args.from_format is not None:
        host.get_format(args.from_format)  # an unknown name is one message, not one per file
    chosen = _output_format(host, args.to_format, args.out, into_folder)
    # Checked once here, so that a misspelt option is one message, not one per file.
    check_options(chosen.name, "write", chosen.spec.write_options, options)
    if chosen.spec.writer is None:
        raise UsageError(f"the format {chosen.name!r} ({chosen.provider}) cannot write")
    targets = _targets(inputs, Path(args.out), chosen) if into_folder else [(inputs[0], args.out)]
    if into_folder:
        Path(args.out).mkdir(parents=True, exist_ok=True)
    failures = 0
    with Progress(len(targets)) as progress:
        for source, target in targets:
            progress.step(source)
            try:
                plan = read_plan(source, args.from_format)
                write(plan, target, chosen.name, host=host, **options)
            except CapcoreError as raised:
                if args.debug or len(targets) == 1:
                    raise
                # One bad file of many: say so and go on with the others.
                progress.clear()
                error(str(raised))
                failures += 1
    return EXIT_USAGE if failures else EXIT_OK


def _options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    given: list[tuple[str, str]] = list(args.options)
    for name in ("layout", "locale"):
        value: str | None = getattr(args, name)
        if value is not None:
            given.append((name, value))
    for key, value in given:
        if key in options and options[key] != value:
            raise UsageError(f"the option {key!r} is given twice: {options[key]!r} and {value!r}")
        options[key] = value
    return options


def _is_folder(out: str) -> bool:
    from pathlib import Path

    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    return out.endswith(separators) or Path(out).is_dir()


def _output_format(
    host: PluginHost, name: str | None, out: str, into_folder: bool
) -> RegisteredFormat:
    from capcore.formats import Sample

    if name is not None:
        return host.get_format(name)
    if into_folder:
        installed = ", ".join(f.name for f in host.formats() if f.spec.writer is not None)
        raise UsageError(f"{out}: writing into a folder needs --to NAME (installed: {installed})")
    return host.format_for(Sample(out, b""), for_reading=False)


def _targets(inputs: list[str], folder: Path, chosen: RegisteredFormat) -> list[tuple[str, str]]:
    from pathlib import Path

    extension = chosen.spec.default_extension
    targets: dict[str, str] = {}
    for source in inputs:
        target = str(folder / (Path(source).stem + extension))
        if target in targets:
            raise UsageError(f"{targets[target]} and {source} would both be written to {target}")
        targets[target] = source
    return [(source, target) for target, source in targets.items()]

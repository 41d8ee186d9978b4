"""The ``capcore`` command.

- ``capcore convert IN... OUT``: read plans in any installed format and write
  them in another (``--from``, ``--to``, ``--layout``, ``--locale``, ``-o key=value``).
- ``capcore validate FILE``: run the installed rules (``--select``, ``--ignore``).
- ``capcore progress FILE``: the state of the plan's activities as of a date.
- ``capcore prioritise PROPOSALS -o DRAFT``: rank a self-assessment's
  improvement proposals and write a draft plan.
- ``capcore plugins``: the installed plugins, their formats and rules.
- ``capcore demo [OUT_DIR]``: build the example plans and write them in
  every installed format.

Exit codes: 0 ok, 1 findings at error level (or a failed round trip),
2 usage or input error. Errors print one line naming the file and the
place; ``--debug`` shows the traceback too. One module per command holds its
arguments and its work; this one builds the parser and handles errors.
"""

from __future__ import annotations

import argparse
import warnings

from capcore._type_checking import TYPE_CHECKING
from capcore.cli import convert, demo, plugins, prioritise, progress, validate
from capcore.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, error, warn
from capcore.errors import CapcoreError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import NoReturn

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]

_COMMANDS = (convert, validate, progress, prioritise, plugins, demo)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="capcore",
        description="Work with CAF improvement plans: build, check and convert them.",
        epilog="Exit codes: 0 ok, 1 errors found in a plan, 2 usage or input error.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    # Each command accepts --debug too, after its own name; SUPPRESS keeps the
    # top-level value when the command's is not given.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks on errors"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in _COMMANDS:
        command.register(commands, common)
    return parser


class _VersionAction(argparse.Action):
    """``--version``: look the version up only when asked.

    argparse's own ``version`` action needs the text when the parser is
    built; reading the installed metadata then costs every command, ``--help``
    included, tens of milliseconds of start-up.
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> NoReturn:
        del namespace, values, option_string
        # On stdout, as argparse's own version action prints it.
        print(_version())
        parser.exit()


def _version() -> str:
    from importlib import metadata

    try:
        return f"capcore {metadata.version('capcore')}"
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "capcore (not installed)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``capcore`` command line.

    Args:
        argv: The arguments, without the program's name; by default ``sys.argv[1:]``.

    Returns:
        The exit code: :data:`EXIT_OK`, :data:`EXIT_FINDINGS` or :data:`EXIT_USAGE`.
        (argparse exits with 2 itself on a malformed command line.)
    """
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    from capcore.plugin_host import PluginWarning

    with warnings.catch_warnings():
        # A plugin that fails to load is one line on stderr, whatever the
        # interpreter's warning filters say.
        warnings.simplefilter("always", PluginWarning)
        warnings.showwarning = _show_warning
        try:
            return run(args)
        except CapcoreError as raised:
            if args.debug:
                raise
            error(str(raised))
        except OSError as raised:
            if args.debug:
                raise
            error(_describe(raised))
    return EXIT_USAGE


def _describe(raised: OSError) -> str:
    if raised.filename is not None and raised.strerror:
        return f"{raised.filename}: {raised.strerror}"
    return str(raised)


def _show_warning(message: Warning | str, *_where: object, **_more: object) -> None:
    # Replaces warnings.showwarning: the message alone, not the source line.
    warn(str(message).removeprefix("capcore: "))

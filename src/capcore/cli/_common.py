"""What the commands share: exit codes, messages, reading a plan, the progress display."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Collection, Iterator

from capcore._text import count
from capcore._type_checking import TYPE_CHECKING
from capcore.errors import CapcoreError

if TYPE_CHECKING:
    import datetime as dt
    from types import TracebackType
    from typing import Self, TextIO, TypeAlias

    from capcore.model import Plan

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "Commands",
    "LazyChoices",
    "Progress",
    "UsageError",
    "add_output_option",
    "count",
    "date_argument",
    "error",
    "one_line",
    "print_json",
    "read_plan",
    "warn",
    "whole_number_argument",
]

EXIT_OK = 0
"""Everything went well."""
EXIT_FINDINGS = 1
"""The work was done, but it found errors in the plan."""
EXIT_USAGE = 2
"""The command line or the input was wrong; nothing useful was done."""

# argparse gives the type that add_subparsers returns no public name.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # noqa: SLF001
"""What ``add_subparsers`` returns: each command module's ``register`` adds itself to it."""


class UsageError(CapcoreError):
    """Arguments that argparse accepts but that do not go together."""


def add_output_option(parser: argparse.ArgumentParser, text_form: str) -> None:
    """Add ``--format text|json`` (stored as ``output``), ``text_form`` saying what text gives."""
    parser.add_argument(
        "--format",
        dest="output",
        choices=("text", "json"),
        default="text",
        help=f"the output: {text_form} or one JSON object",
    )


def date_argument(text: str) -> dt.date:
    """Read a command-line date, ``YYYY-MM-DD`` (an argparse ``type``).

    Raises:
        argparse.ArgumentTypeError: The text is not such a date; argparse
            reports it as a usage error (exit 2).
    """
    try:
        import datetime as dt  # here: datetime is not needed for `capcore --help`

        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


class LazyChoices(Collection[str]):
    """The names of a registry, as argparse ``choices``, read only when first needed.

    ``capcore --help`` must not import the model to list ``--policy``'s
    presets: the registry (``capcore.progress_policy:POLICY_PRESETS``) is
    imported when a command line uses the option or asks for the
    subcommand's help. Give the argument a ``metavar``, or argparse reads the
    choices when the argument is added; ``%(choices)s`` in the help text
    lists them.
    """

    def __init__(self, registry: str) -> None:
        """Remember ``registry``, ``"module:name"`` of a mapping whose keys are the choices."""
        self._registry = registry
        self._names: tuple[str, ...] | None = None

    def _loaded(self) -> tuple[str, ...]:
        if self._names is None:
            module, _, name = self._registry.partition(":")
            self._names = tuple(getattr(importlib.import_module(module), name))
        return self._names

    def __contains__(self, value: object) -> bool:
        """Return True when ``value`` is one of the names."""
        return value in self._loaded()

    def __iter__(self) -> Iterator[str]:
        """Iterate over the names in the registry's order."""
        return iter(self._loaded())

    def __len__(self) -> int:
        """Return how many names there are."""
        return len(self._loaded())


def whole_number_argument(unit: str, minimum: int) -> Callable[[str], int]:
    """Return an argparse ``type`` that reads a whole number of ``unit``, ``minimum`` or more.

    Example: ``type=whole_number_argument("days", 0)`` for ``--upcoming-days``.
    """

    def read(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = minimum - 1
        if number < minimum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number of {unit}, {minimum} or more, got {text!r}"
            )
        return number

    return read


def print_json(data: object) -> None:
    """Print ``data`` as indented JSON with its letters as they are (``--format json``)."""
    import json  # here: json is not needed for `capcore --help`

    print(json.dumps(data, ensure_ascii=False, indent=2))


def one_line(text: str) -> str:
    """Return ``text`` with its line breaks folded, for a one-line message."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def error(message: str) -> None:
    """Print ``capcore: error: <message>`` on stderr, on one line."""
    print(f"capcore: error: {one_line(message)}", file=sys.stderr)


def warn(message: str) -> None:
    """Print ``capcore: warning: <message>`` on stderr, on one line."""
    print(f"capcore: warning: {one_line(message)}", file=sys.stderr)


def read_plan(source: str, format_name: str | None) -> Plan:
    """Read a plan with :func:`capcore.read` and warn of its import notes on stderr.

    Each import note becomes one line, ``file: location: message``.

    Raises:
        CapcoreError: The file cannot be read (the message names it and the place).
    """
    from capcore.readwrite import read

    plan = read(source, format_name)
    for note in plan.import_notes:
        warn(f"{source}: {note}")
    return plan


class Progress:
    """A one-line progress display, ``[3/12] name``, on stderr when it is a terminal.

    When stderr is piped or redirected it writes nothing. Use it as a context
    manager so the line is cleared at the end; call :meth:`clear` before
    printing anything else.
    """

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        """Prepare a display of ``total`` steps (none is shown for fewer than two)."""
        self._stream = stream if stream is not None else sys.stderr
        self._total = total
        self._done = 0
        self._width = 0
        self.enabled = total > 1 and self._stream.isatty()
        """True when the display is shown."""

    def step(self, name: str) -> None:
        """Count one step and show ``[done/total] name`` in place of the previous line."""
        self._done += 1
        if not self.enabled:
            return
        import shutil  # only when a progress line is shown, not at start-up

        columns = shutil.get_terminal_size().columns - 1
        text = f"[{self._done}/{self._total}] {name}"[:columns]
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        """Blank the display's line, so that other output starts on a clean line."""
        if self.enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0

    def __enter__(self) -> Self:
        """Return the display."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Clear the line, whatever happened."""
        self.clear()

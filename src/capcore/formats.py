"""What a format plugin declares: :class:`FormatSpec` and its :class:`OptionSpec` values.

A plugin returns :class:`FormatSpec` objects from its ``capcore_formats``
hook. Readers and writers may be given as ``"package.module:function"``
strings, imported only when the format is first used, so that listing the
installed formats (``capcore plugins``, ``capcore --help``) imports no format
library.

A reader is called as ``reader(stream, name=..., **options)`` and returns a
:class:`~capcore.Plan` (with its :attr:`~capcore.Plan.import_notes`); a
writer as ``writer(plan, stream, **options)``. A format may also offer a
*table reader*, called as ``table_reader(stream, name=...)``, that returns the
file's paragraphs and tables as the format-free blocks of
:mod:`capcore.tables.source`; the core reads tables that are not plans
through it (improvement proposals: :func:`capcore.read_proposals`). The host opens the streams,
checks the options against the declared ones, and makes writes atomic.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import io
import zipfile
from collections.abc import Callable, Sequence
from typing import BinaryIO, TypeAlias

import attrs

from capcore.errors import CapcoreError
from capcore.model import Plan
from capcore.tables.source import SourceBlock

__all__ = [
    "SAMPLE_SIZE",
    "FormatSpec",
    "OptionError",
    "OptionKind",
    "OptionSpec",
    "Reader",
    "Sample",
    "TableReader",
    "Writer",
    "check_options",
]


Reader: TypeAlias = Callable[..., Plan]
"""A format's reader: called as ``reader(stream, name=..., **options)``, returns a Plan."""

Writer: TypeAlias = Callable[..., None]
"""A format's writer: called as ``writer(plan, stream, **options)``."""

TableReader: TypeAlias = Callable[..., Sequence[SourceBlock]]
"""A format's table reader: called as ``table_reader(stream, name=...)``.

It returns the file's paragraphs and tables, in document order, as
:class:`~capcore.SourceParagraph` and :class:`~capcore.SourceTable` blocks
filled as :mod:`capcore.tables.source` says for the format; an xlsx file
gives one table per worksheet. Bad input is a :class:`~capcore.PlanFormatError`
naming the file.
"""


class OptionError(CapcoreError):
    """An option a format does not declare, or a value of the wrong kind."""


class OptionKind(enum.StrEnum):
    """The kinds of value an option takes."""

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"
    CHOICE = "choice"


_TRUE = {"1", "true", "yes", "on", "да"}
_FALSE = {"0", "false", "no", "off", "не"}


@attrs.frozen
class OptionSpec:
    """One option a reader or writer accepts.

    Attributes:
        name: The keyword (``layout``, ``locale``, ``as_of``).
        kind: The kind of value.
        help: One line for ``capcore plugins`` and error messages.
        choices: The allowed values, for ``CHOICE`` options.
        default: The value used when the option is not given (documentation;
            the reader or writer applies it).
    """

    name: str
    kind: OptionKind = OptionKind.TEXT
    help: str = ""
    choices: tuple[str, ...] = ()
    default: object = None

    def convert(self, value: object) -> object:
        """Return ``value`` checked for this option, converting command-line text.

        Raises:
            OptionError: The value is not of the option's kind.
        """
        converters: dict[OptionKind, Callable[[object], object]] = {
            OptionKind.TEXT: self._text,
            OptionKind.INTEGER: self._integer,
            OptionKind.BOOLEAN: self._boolean,
            OptionKind.DATE: self._date,
            OptionKind.CHOICE: self._choice,
        }
        return converters[self.kind](value)

    def _fail(self, value: object, expected: str) -> OptionError:
        return OptionError(f"option {self.name!r}: expected {expected}, got {value!r}")

    def _text(self, value: object) -> object:
        if not isinstance(value, str):
            raise self._fail(value, "text")
        return value

    def _integer(self, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise self._fail(value, "a whole number")

    def _boolean(self, value: object) -> object:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise self._fail(value, "true or false")

    def _date(self, value: object) -> object:
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self._fail(value, "a date (YYYY-MM-DD)")

    def _choice(self, value: object) -> object:
        if value not in self.choices:
            raise self._fail(value, "one of " + ", ".join(self.choices))
        return value


SAMPLE_SIZE = 8192
"""How many leading bytes a sniff sees."""


@attrs.frozen
class Sample:
    """The cheap look at a file that sniffing gets.

    Attributes:
        name: The file name, if known.
        head: The first bytes (up to 8 KiB).
        zip_names: The member names when the file is a zip (Office files), else None.
    """

    name: str | None
    head: bytes
    zip_names: frozenset[str] | None = None

    @classmethod
    def from_stream(cls, stream: BinaryIO, name: str | None = None) -> Sample:
        """Take the sample of a binary stream, leaving its position where it was.

        Reads the first 8 KiB and, for a zip (Office files), the member names
        from the central directory only. A stream that cannot seek gives an
        empty sample (nothing can be sniffed without consuming it).
        """
        if not stream.seekable():
            return cls(name, b"")
        start = stream.tell()
        head = stream.read(SAMPLE_SIZE)
        zip_names = None
        if head.startswith(b"PK\x03\x04"):
            stream.seek(start)
            try:
                with zipfile.ZipFile(stream) as archive:
                    zip_names = frozenset(archive.namelist())
            except (zipfile.BadZipFile, OSError, ValueError):
                zip_names = None
        stream.seek(start)
        return cls(name, head, zip_names)

    @classmethod
    def from_bytes(cls, data: bytes, name: str | None = None) -> Sample:
        """Take the sample of a whole file's bytes (see :meth:`from_stream`)."""
        return cls.from_stream(io.BytesIO(data), name)


def _extensions(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.lower() if v.startswith(".") else f".{v.lower()}" for v in values)


@attrs.frozen
class FormatSpec:
    """A file format a plugin provides.

    Attributes:
        name: The format's name, unique among installed plugins (``xlsx``).
        extensions: File name endings, with the dot (``.xlsx``); the first is
            the one written by default.
        media_type: The MIME type.
        description: One line for ``capcore plugins``.
        reader: The reader, or ``"module:function"`` to import it on first use;
            None for a write-only format.
        writer: The writer, or ``"module:function"``; None for a read-only format.
        read_options: The options the reader accepts.
        write_options: The options the writer accepts.
        sniff: A cheap test of whether a sample is this format's file; must not
            import a format library.
        lossless: True when writing and reading back gives an equal plan (for
            every layout, or the layouts it names in ``lossless_layouts``).
        lossless_layouts: The layouts that round-trip losslessly, for formats
            with a ``layout`` option.
        table_reader: The file's tables as format-free blocks
            (:data:`TableReader`), or ``"module:function"``; None when the
            format offers none (keyword only).
    """

    name: str
    extensions: tuple[str, ...] = attrs.field(converter=_extensions)
    media_type: str = "application/octet-stream"
    description: str = ""
    reader: Reader | str | None = None
    writer: Writer | str | None = None
    read_options: tuple[OptionSpec, ...] = ()
    write_options: tuple[OptionSpec, ...] = ()
    sniff: Callable[[Sample], bool] | None = None
    lossless: bool = False
    lossless_layouts: tuple[str, ...] = ()
    table_reader: TableReader | str | None = attrs.field(default=None, kw_only=True)

    @property
    def default_extension(self) -> str:
        """The ending a written file gets by default: the first extension, else ``.<name>``."""
        return self.extensions[0] if self.extensions else f".{self.name}"

    @property
    def layouts(self) -> tuple[str, ...]:
        """The choices of the writer's ``layout`` option; empty when it has none."""
        option = next((o for o in self.write_options if o.name == "layout"), None)
        return option.choices if option is not None else ()

    def is_lossless(self, layout: str | None = None) -> bool:
        """Return True when writing with ``layout`` and reading back gives an equal plan.

        Args:
            layout: The layout written; None for the writer's default (the
                ``layout`` option's declared default).
        """
        if not (self.lossless and self.reader is not None and self.writer is not None):
            return False
        if not self.lossless_layouts:
            return True
        if layout is None:
            option = next((o for o in self.write_options if o.name == "layout"), None)
            default = option.default if option is not None else None
            layout = default if isinstance(default, str) else None
        return layout in self.lossless_layouts


def check_options(
    format_name: str, action: str, declared: Sequence[OptionSpec], given: dict[str, object]
) -> dict[str, object]:
    """Return ``given`` checked and converted against the declared options.

    Args:
        format_name: The format, for messages.
        action: ``"read"`` or ``"write"``, for messages.
        declared: The options the reader or writer declares.
        given: The options the caller passed.

    Raises:
        OptionError: An option is not declared (with a suggestion for a
            misspelling) or its value is of the wrong kind.
    """
    by_name = {option.name: option for option in declared}
    checked: dict[str, object] = {}
    for name, value in given.items():
        option = by_name.get(name)
        if option is None:
            close = difflib.get_close_matches(name, by_name, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            known = ", ".join(sorted(by_name)) or "none"
            raise OptionError(
                f"format {format_name!r} has no {action} option {name!r}{hint} "
                f"({action} options: {known})"
            )
        checked[name] = option.convert(value)
    return checked

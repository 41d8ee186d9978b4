"""``capcore.read`` and ``capcore.write``: any installed format, by name, extension or content.

The format comes from the ``format`` argument, else the file's extension,
else (reading only) from sniffing the first bytes. Options are checked
against what the format declares, so a misspelt option is an error. Every
failure is a :class:`~capcore.CapcoreError` naming the file: a reader's own
exception of any other type is wrapped, never let through. Writing is
atomic: a path target is replaced only once the whole file is written, and a
stream target receives nothing until the writer has finished.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

from capcore.atomic import atomic_write
from capcore.errors import CapcoreError, PlanFormatError
from capcore.formats import Sample, check_options
from capcore.model import Plan
from capcore.plugin_host import PluginHost, RegisteredFormat, default_host

__all__ = ["PlanWriteError", "read", "write"]


class PlanWriteError(CapcoreError):
    """A writer failed; the target was left as it was."""


def read(
    source: str | os.PathLike[str] | BinaryIO,
    format: str | None = None,  # noqa: A002 - the public API's word
    *,
    host: PluginHost | None = None,
    **options: object,
) -> Plan:
    """Read a plan from a file or a binary stream, in any installed format.

    Args:
        source: A path, or a binary stream (seekable streams are sniffed).
        format: The format's name (``"json"``, ``"xlsx"``); by default from
            the file's extension, else by sniffing its content.
        host: The plugin host to use; by default the installed plugins.
        **options: The reader's options (see ``capcore plugins``).

    Returns:
        The plan; :attr:`Plan.import_notes` lists what the reader could not
        place (and kept in the entities' ``extra``).

    Raises:
        CapcoreError: The file cannot be read, its format is unknown, an
            option is wrong, or the content is not a plan of that format. The
            message names the file and, where known, the place in it.
    """
    host = host or default_host()
    if format is not None:
        host.get_format(format)  # an unknown format is the first thing to say
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            with path.open("rb") as stream:
                return _read_stream(stream, str(path), format, host, options)
        except OSError as error:
            raise PlanFormatError(str(path), "", f"cannot read: {error.strerror}") from None
    name = str(getattr(source, "name", "<stream>"))
    return _read_stream(source, name, format, host, options)


def _read_stream(
    stream: BinaryIO,
    name: str,
    format_name: str | None,
    host: PluginHost,
    options: dict[str, object],
) -> Plan:
    if format_name is not None:
        chosen = host.get_format(format_name)
    else:
        chosen = host.format_for(Sample.from_stream(stream, name), for_reading=True)
    reader = chosen.reader()
    if reader is None:
        raise CapcoreError(f"{name}: the format {chosen.name!r} ({chosen.provider}) cannot read")
    checked = check_options(chosen.name, "read", chosen.spec.read_options, options)
    try:
        plan = reader(stream, name=name, **checked)
    except CapcoreError:
        raise
    except Exception as error:
        # A reader must turn bad input into a CapcoreError; whatever escapes it
        # is still reported as this file's problem, never as a bare traceback.
        raise PlanFormatError(
            name, "", f"not a readable {chosen.name} file ({type(error).__name__}: {error})"
        ) from error
    if not isinstance(plan, Plan):
        raise CapcoreError(f"{_who(chosen)}: the reader returned {type(plan).__name__}, not a Plan")
    return plan


def write(
    plan: Plan,
    target: str | os.PathLike[str] | BinaryIO,
    format: str | None = None,  # noqa: A002 - the public API's word
    *,
    host: PluginHost | None = None,
    **options: object,
) -> None:
    """Write a plan to a file or a binary stream, in any installed format.

    Args:
        plan: The plan.
        target: A path (replaced atomically) or a binary stream.
        format: The format's name; by default from the path's extension.
        host: The plugin host to use; by default the installed plugins.
        **options: The writer's options (``layout="cards"``, ``locale="en"``).

    Raises:
        CapcoreError: The format is unknown, an option is wrong, or the
            writer failed (:class:`PlanWriteError`); an existing target is
            then untouched and no temporary file is left.
    """
    host = host or default_host()
    is_path = isinstance(target, str | os.PathLike)
    name = str(target) if is_path else str(getattr(target, "name", "<stream>"))
    if format is not None:
        chosen = host.get_format(format)
    else:
        chosen = host.format_for(Sample(name if is_path else None, b""), for_reading=False)
    writer = chosen.writer()
    if writer is None:
        raise CapcoreError(f"{name}: the format {chosen.name!r} ({chosen.provider}) cannot write")
    checked = check_options(chosen.name, "write", chosen.spec.write_options, options)
    try:
        if isinstance(target, str | os.PathLike):
            with atomic_write(target) as stream:
                writer(plan, stream, **checked)
        else:
            buffer = io.BytesIO()
            writer(plan, buffer, **checked)
            target.write(buffer.getvalue())
    except CapcoreError:
        raise
    except OSError as error:
        raise PlanWriteError(f"{name}: cannot write: {error.strerror or error}") from error
    except Exception as error:
        raise PlanWriteError(
            f"{name}: the {chosen.name} writer failed ({type(error).__name__}: {error}); "
            "nothing was written"
        ) from error


def _who(chosen: RegisteredFormat) -> str:
    return f"format {chosen.name!r} ({chosen.provider})"

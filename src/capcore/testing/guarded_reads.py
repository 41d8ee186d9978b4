"""Reading untrusted files in a worker process, so that a hang or a memory blow-up fails a test.

A fuzzing test hands :func:`read_guarded` a list of files and their format;
a worker process (``python -m capcore.testing.guarded_reads``) reads them
one after the other with the format's reader, under an address-space limit
(``RLIMIT_AS``), and reports how each read ended:

- ``plan``: the reader returned a plan;
- ``capcore-error``: the reader raised a :class:`capcore.CapcoreError`
  (its message is kept, to check that it names the file);
- ``other-error``: any other exception escaped the reader (``MemoryError``
  included: the read needed more memory than the limit);
- ``hang``: the read took longer than the timeout (a hang detector, not a
  speed check: the timeout is generous);
- ``crash``: the worker died (a segmentation fault in a C library).

The reader is called directly (``host.get_format(name).reader()``), not
through :func:`capcore.read`, whose safety net would turn an escaping
exception into a :class:`capcore.PlanFormatError`: the test holds each reader
itself to raising only capcore errors. After a hang or a crash a new worker
takes the remaining files.
"""

from __future__ import annotations

import importlib
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import IO

import attrs

__all__ = [
    "DEFAULT_MEMORY_BYTES",
    "DEFAULT_TIMEOUT_SECONDS",
    "ReadCase",
    "ReadOutcome",
    "read_guarded",
]

DEFAULT_MEMORY_BYTES = 2 * 1024**3
"""The worker's address-space limit: far above any sane read, far below the machine."""

DEFAULT_TIMEOUT_SECONDS = 120.0
"""How long one read may take before it counts as a hang (generous: machines are shared)."""

# The worker's start-up (imports and the plugin host) is not a read.
_START_TIMEOUT_SECONDS = 300.0
_READY = "ready"
# What the line queue gives when the worker's output ends (it has exited).
_ENDED = ""


@attrs.frozen
class ReadCase:
    """A file to read and the format to read it with.

    Attributes:
        path: The file.
        format: The format's name (``"xlsx"``), or a reader of one's own as
            ``"package.module:function"`` (called as formats' readers are).
        label: What the file is, for messages (``"lovech.xlsx: part ... removed"``).
        options: The reader's options, as JSON values (``{"max_bytes": 1000}``).
    """

    path: str
    format: str
    label: str = ""
    options: dict[str, int | str | bool] = attrs.field(factory=dict, eq=False)


@attrs.frozen
class ReadOutcome:
    """How reading one file ended.

    Attributes:
        case: The file read.
        kind: ``plan``, ``capcore-error``, ``other-error``, ``hang`` or ``crash``.
        detail: The error's type and message, or what happened.
    """

    case: ReadCase
    kind: str
    detail: str = ""


def read_guarded(
    cases: Sequence[ReadCase],
    *,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
) -> list[ReadOutcome]:
    """Read every case in a worker process; return how each read ended, in order.

    Args:
        cases: The files to read.
        memory_bytes: The worker's address-space limit.
        timeout_seconds: How long one read may take before it is a hang.
    """
    outcomes: list[ReadOutcome] = []
    while len(outcomes) < len(cases):
        outcomes += _run_worker(cases[len(outcomes) :], memory_bytes, timeout_seconds)
    return outcomes


def _run_worker(
    cases: Sequence[ReadCase], memory_bytes: int, timeout_seconds: float
) -> list[ReadOutcome]:
    """Read ``cases`` in one worker until they are done, or it hangs or dies."""
    # The worker imports what this process can (a test module's own reader included).
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = subprocess.Popen(  # noqa: S603 - our own module, run by this interpreter
        [sys.executable, "-m", "capcore.testing.guarded_reads", str(memory_bytes)],
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    assert process.stdin is not None  # noqa: S101 - set by PIPE
    assert process.stdout is not None  # noqa: S101
    lines, pump = _line_queue(process.stdout)
    outcomes: list[ReadOutcome] = []
    try:
        process.stdin.write(
            "".join(json.dumps([c.path, c.format, c.options]) + "\n" for c in cases)
        )
        process.stdin.close()
        if _next_line(lines, _START_TIMEOUT_SECONDS) != _READY:
            raise RuntimeError("the guarded-read worker did not start")
        for case in cases:
            line = _next_line(lines, timeout_seconds)
            if line is None:
                detail = f"no answer within {timeout_seconds:g} s"
                outcomes.append(ReadOutcome(case, "hang", detail))
                break
            if line == _ENDED:
                detail = f"the worker died (exit status {process.wait()})"
                outcomes.append(ReadOutcome(case, "crash", detail))
                break
            kind, detail = json.loads(line)
            outcomes.append(ReadOutcome(case, kind, detail))
    finally:
        process.kill()
        process.wait()
        pump.join()
        process.stdout.close()
    return outcomes


def _line_queue(stream: IO[str]) -> tuple[queue.Queue[str], threading.Thread]:
    # A thread reads the worker's answers, so that waiting for one can time out.
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line.rstrip("\n"))
        lines.put(_ENDED)

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return lines, thread


def _next_line(lines: queue.Queue[str], timeout: float) -> str | None:
    """Return the worker's next line, ``_ENDED`` if it exited, None after ``timeout``."""
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return None


# -- the worker -----------------------------------------------------------------


def _worker(memory_bytes: int) -> None:
    import resource  # noqa: PLC0415 - POSIX only, and only in the worker

    import capcore  # noqa: PLC0415 - the worker's own imports
    from capcore.plugin_host import default_host  # noqa: PLC0415

    host = default_host()
    cases = [json.loads(line) for line in sys.stdin if line.strip()]
    # Load every reader before the limit, so the limit bounds the reads alone.
    readers: dict[str, Callable[..., object]] = {}
    for format_name in {format_name for _, format_name, _ in cases}:
        if ":" in format_name:
            module, _, function = format_name.partition(":")
            readers[format_name] = getattr(importlib.import_module(module), function)
        else:
            format_reader = host.get_format(format_name).reader()
            assert format_reader is not None  # noqa: S101 - the caller chose a format that reads
            readers[format_name] = format_reader
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    _answer(_READY)
    for path, format_name, options in cases:
        reader = readers[format_name]
        try:
            with open(path, "rb") as stream:  # noqa: PTH123 - a plain path string
                reader(stream, name=path, **options)
        except capcore.CapcoreError as error:
            _answer(json.dumps(["capcore-error", f"{type(error).__name__}: {error}"[:2000]]))
        except BaseException as error:  # noqa: BLE001 - reporting what escaped is the point
            _answer(json.dumps(["other-error", f"{type(error).__name__}: {error}"[:2000]]))
        else:
            _answer(json.dumps(["plan", ""]))


# The answers go to the real standard output; anything a reader prints goes
# to standard error instead, so it cannot be taken for an answer.
_ANSWERS = sys.stdout


def _answer(line: str) -> None:
    _ANSWERS.write(line + "\n")
    _ANSWERS.flush()


if __name__ == "__main__":
    sys.stdout = sys.stderr
    _worker(int(sys.argv[1]))

"""Guarded reads: a worker reports plans and errors, and catches hangs, crashes and memory blow-ups."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import BinaryIO

import pytest

import capcore
from capcore.examples import lovech
from capcore.model import Plan
from capcore.testing.guarded_reads import ReadCase, read_guarded

from .conftest import needs_formats

pytestmark = pytest.mark.slow

HERE = "tests.test_guarded_reads"


def hanging_reader(stream: BinaryIO, *, name: str) -> Plan:  # noqa: ARG001
    """A reader that never ends (the worker must be stopped from outside)."""
    while True:
        time.sleep(1)


def greedy_reader(stream: BinaryIO, *, name: str) -> Plan:  # noqa: ARG001
    """A reader that wants far more memory than the limit."""
    hoard = bytearray(4 * 1024**3)
    raise AssertionError(len(hoard))


def crashing_reader(stream: BinaryIO, *, name: str) -> Plan:  # noqa: ARG001
    """A reader whose process dies (as in a C library's segmentation fault)."""
    os._exit(70)


def foreign_error_reader(stream: BinaryIO, *, name: str) -> Plan:  # noqa: ARG001
    """A reader letting a foreign exception escape."""
    raise KeyError("word/document.xml")


def _file(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_plans_and_capcore_errors_are_reported(tmp_path: Path) -> None:
    """A good file is a plan, a bad one a capcore error with its message."""
    good = _file(tmp_path, "good.json", capcore.dumps(lovech()).encode())
    bad = _file(tmp_path, "bad.json", b"{not json")
    outcomes = read_guarded([ReadCase(good, "json"), ReadCase(bad, "json")])
    assert [outcome.kind for outcome in outcomes] == ["plan", "capcore-error"]
    assert "bad.json" in outcomes[1].detail


def test_a_foreign_exception_is_reported_as_such(tmp_path: Path) -> None:
    """An exception that is no CapcoreError is reported with its type."""
    path = _file(tmp_path, "x.bin", b"x")
    [outcome] = read_guarded([ReadCase(path, f"{HERE}:foreign_error_reader")])
    assert outcome.kind == "other-error"
    assert outcome.detail.startswith("KeyError")


def test_a_hang_is_reported_and_the_next_file_still_read(tmp_path: Path) -> None:
    """A read that does not end is a hang; a new worker reads the files after it."""
    path = _file(tmp_path, "x.json", capcore.dumps(lovech()).encode())
    outcomes = read_guarded(
        [ReadCase(path, f"{HERE}:hanging_reader"), ReadCase(path, "json")], timeout_seconds=2
    )
    assert [outcome.kind for outcome in outcomes] == ["hang", "plan"]


def test_a_memory_blow_up_is_stopped_by_the_limit(tmp_path: Path) -> None:
    """Asking for more than the address-space limit fails the read with MemoryError."""
    path = _file(tmp_path, "x.bin", b"x")
    [outcome] = read_guarded([ReadCase(path, f"{HERE}:greedy_reader")], memory_bytes=1024**3)
    assert outcome.kind == "other-error"
    assert outcome.detail.startswith("MemoryError")


def test_a_crash_is_reported_and_the_next_file_still_read(tmp_path: Path) -> None:
    """A worker that dies is a crash; a new worker reads the files after it."""
    path = _file(tmp_path, "x.json", capcore.dumps(lovech()).encode())
    outcomes = read_guarded([ReadCase(path, f"{HERE}:crashing_reader"), ReadCase(path, "json")])
    assert [outcome.kind for outcome in outcomes] == ["crash", "plan"]
    assert "70" in outcomes[0].detail


@needs_formats("html")
def test_reader_options_reach_the_reader(tmp_path: Path) -> None:
    """Options given with a case are passed to the reader (html's max_bytes here)."""
    out = io.BytesIO()
    capcore.write(lovech(), out, "html")
    path = _file(tmp_path, "page.html", out.getvalue())
    [outcome] = read_guarded([ReadCase(path, "html", options={"max_bytes": 100})])
    assert outcome.kind == "capcore-error"
    assert "limit of 100 bytes" in outcome.detail

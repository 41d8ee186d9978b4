"""Writes are atomic in every format: a failed or killed write leaves the old file and no temp file.

The temporary file of ``plan.xlsx`` is ``.plan.xlsx.<host>.<pid>.<random>.tmp`` in
the same folder (:func:`capcore.atomic.temp_files` finds them). Failures
tried: a writer raising part-way, a full disk (a stream failing with ENOSPC,
and a real file-size limit in a subprocess), and a process killed with
SIGKILL while writing a big plan.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import NoReturn, cast

import pytest

import capcore
from capcore.atomic import temp_files
from capcore.examples import lovech
from capcore.model import Area, Plan
from capcore.plugin_host import default_host
from capcore.testing.format_writes import FormatWrite, every_write

from .conftest import needs_formats

pytestmark = pytest.mark.slow

OLD = b"the previous file, which every failed write must leave as it was"
WRITES = every_write(default_host())


class InjectedFailureError(Exception):
    """The failure the tests inject into a plan."""


class _FailingArea:
    """Stands in for an area; any attribute access raises, part-way through writing."""

    def __getattribute__(self, name: str) -> NoReturn:
        raise InjectedFailureError(f"injected failure: the writer read area.{name}")


def _failing_plan() -> Plan:
    plan = lovech()
    plan.areas[2:3] = [cast("Area", _FailingArea())]
    return plan


def _assert_untouched(target: Path) -> None:
    assert target.read_bytes() == OLD, "the failed write changed the previous file"
    assert temp_files(target) == [], f"temporary files left: {temp_files(target)}"
    assert sorted(path.name for path in target.parent.iterdir()) == [target.name]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.label)
def test_a_writer_raising_part_way_keeps_the_previous_file(
    tmp_path: Path, write: FormatWrite
) -> None:
    """A plan whose third area raises mid-write: PlanWriteError, old file intact, no temp file."""
    target = tmp_path / f"plan{write.extension}"
    target.write_bytes(OLD)
    with pytest.raises(capcore.PlanWriteError, match=target.name):
        capcore.write(_failing_plan(), target, write.format, **write.options)
    _assert_untouched(target)


class _FullDisk(io.RawIOBase):
    """A binary stream that takes ``room`` bytes, then fails as a full disk does."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.taken = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(cast("bytes", data))
        if len(self.taken) + len(chunk) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.taken += chunk
        return len(chunk)


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.label)
def test_a_full_disk_stream_is_a_plan_write_error(write: FormatWrite) -> None:
    """A stream failing with ENOSPC after 1,000 bytes is a PlanWriteError saying so."""
    stream = _FullDisk(1000)
    with pytest.raises(capcore.PlanWriteError, match=os.strerror(errno.ENOSPC)):
        capcore.write(lovech(), cast("io.BufferedIOBase", stream), write.format, **write.options)


FILE_SIZE_LIMITED_WRITE = textwrap.dedent(
    """
    import resource, signal, sys
    import capcore
    from capcore.examples import lovech

    target, format_name, layout, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    plan = lovech()
    options = {"layout": layout} if layout else {}
    # Writing past RLIMIT_FSIZE fails with EFBIG, as a full disk fails with ENOSPC.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        capcore.write(plan, target, format_name, **options)
    except capcore.PlanWriteError as error:
        print(error)
        sys.exit(3)
    """
)


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.label)
def test_a_real_file_size_limit_keeps_the_previous_file(tmp_path: Path, write: FormatWrite) -> None:
    """A write stopped by the operating system's file-size limit keeps the old file, leaves no temp."""
    target = tmp_path / f"plan{write.extension}"
    target.write_bytes(OLD)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FILE_SIZE_LIMITED_WRITE,
            str(target),
            write.format,
            write.layout or "",
            "2000",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    # OSError's words, or lxml's code for the same error where lxml writes the stream.
    assert "File too large" in done.stdout or "EFBIG" in done.stdout, done.stdout
    _assert_untouched(target)


BIG_WRITE = textwrap.dedent(
    """
    import sys
    import capcore
    from capcore.examples import lovech

    plan = lovech()
    # About 3,000 activities: seconds of writing, time enough to be killed mid-file.
    for copy in range(60):
        plan.areas.extend(lovech().areas)
    capcore.write(plan, sys.argv[1], "xlsx")
    """
)


@needs_formats("xlsx")
def test_a_process_killed_mid_write_keeps_the_previous_file(tmp_path: Path) -> None:
    """SIGKILL while a big plan is written: the old file is intact; the next write clears the temp."""
    target = tmp_path / "plan.xlsx"
    target.write_bytes(OLD)
    process = subprocess.Popen([sys.executable, "-c", BIG_WRITE, str(target)])
    try:
        # Wait (as long as it takes) for the write to be under way.
        while not temp_files(target):
            assert process.poll() is None, "the writer ended before it began writing"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert target.read_bytes() == OLD, "the killed write changed the previous file"
    [orphan] = temp_files(target)
    assert f".{process.pid}." in orphan.name, orphan.name
    # Another machine's temporary file (a folder shared between machines) is left alone.
    foreign = tmp_path / f".{target.name}.other-machine.{process.pid}.abc123.tmp"
    foreign.write_bytes(b"another machine is writing")
    # The next write of the same file removes what the killed process left.
    capcore.write(lovech(), target)
    assert temp_files(target) == [foreign]
    assert capcore.read(target) == lovech()


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    """Writing into a folder that does not exist names the folder and creates nothing."""
    target = tmp_path / "no-such-folder" / "plan.json"
    with pytest.raises(capcore.PlanWriteError, match="no-such-folder does not exist"):
        capcore.write(lovech(), target)
    assert list(tmp_path.iterdir()) == []

"""Atomic writes: a failure leaves the target untouched and no temp file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from capcore import atomic_write, atomic_write_bytes


class InjectedFailureError(RuntimeError):
    """Raised half-way through a write by the tests."""


def write_then_fail(target: Path, data: bytes) -> None:
    with atomic_write(target) as stream:
        stream.write(data)
        raise InjectedFailureError


def test_writes_the_content(tmp_path: Path) -> None:
    """A successful write leaves exactly the content at the target."""
    target = tmp_path / "plan.json"
    atomic_write_bytes(target, b"data")
    assert target.read_bytes() == b"data"


def test_failure_keeps_the_old_target(tmp_path: Path) -> None:
    """A write that fails half-way leaves the existing target as it was."""
    target = tmp_path / "plan.json"
    target.write_bytes(b"old")
    with pytest.raises(InjectedFailureError):
        write_then_fail(target, b"half of the new")
    assert target.read_bytes() == b"old"


def test_failure_leaves_no_temp_file(tmp_path: Path) -> None:
    """No temporary file remains after a failed write, and no new target appears."""
    target = tmp_path / "plan.json"
    with pytest.raises(InjectedFailureError):
        write_then_fail(target, b"x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_replacing_keeps_the_permissions(tmp_path: Path) -> None:
    """A replaced file keeps its permission bits."""
    target = tmp_path / "plan.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_new_files_get_the_umask_mode(tmp_path: Path) -> None:
    """A new file gets the mode a normal open() would give, not mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "new.json", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644

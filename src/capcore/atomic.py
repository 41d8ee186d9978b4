"""Writing files so that a failure never leaves a half-written target.

The data goes to a temporary file in the target's folder, is flushed and
fsynced, and only then replaces the target with :func:`os.replace` (atomic on
POSIX and Windows). On any failure the temporary file is removed and an
existing target is untouched. An existing target's permission bits are kept.

The temporary file of ``plan.xlsx`` is ``.plan.xlsx.<host>.<pid>.<random>.tmp``
(:func:`temp_files` finds them). A process killed outright (``SIGKILL``, a
power cut) cannot remove its own, so on POSIX each write first removes the
temporary files of its target left by processes of this machine that no
longer run. The host name keeps a write on a folder shared between machines
from removing another machine's live temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_write", "atomic_write_bytes", "temp_files"]

# The machine's name as it may stand in a file name: letters, digits, hyphens.
_HOST = re.sub(r"[^A-Za-z0-9-]+", "-", socket.gethostname()).strip("-") or "host"


@contextlib.contextmanager
def atomic_write(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Open a binary stream whose content replaces ``target`` only on success.

    Args:
        target: The file to create or replace. Its folder must exist.

    Yields:
        A binary file object to write the whole content to.
    """
    path = Path(target)
    if not path.parent.is_dir():
        raise FileNotFoundError(
            errno.ENOENT, f"the folder {path.parent} does not exist", str(path.parent)
        )
    _remove_orphans(path)
    fd, temp_name = tempfile.mkstemp(
        prefix=f".{path.name}.{_HOST}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(path, temp)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically (see :func:`atomic_write`)."""
    with atomic_write(target) as stream:
        stream.write(data)


def temp_files(target: str | os.PathLike[str]) -> list[Path]:
    """Return the temporary files of writes to ``target`` now in its folder (see the module)."""
    path = Path(target)
    pattern = _temp_pattern(path.name)
    try:
        return sorted(each for each in path.parent.iterdir() if pattern.fullmatch(each.name))
    except FileNotFoundError:
        return []


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.(?P<host>[A-Za-z0-9-]+)\.(?P<pid>\d+)\.[^.]+\.tmp")


def _remove_orphans(path: Path) -> None:
    # Only where a process id can be checked without side effects (os.kill
    # with signal 0 on Windows would end the process).
    if os.name != "posix":
        return
    pattern = _temp_pattern(path.name)
    for temp in temp_files(path):
        found = pattern.fullmatch(temp.name)
        if found is None or found["host"] != _HOST:
            continue
        if not _is_running(int(found["pid"])):
            temp.unlink(missing_ok=True)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _keep_mode(original: Path, temp: Path, chmod: Callable[[Path, int], None] = Path.chmod) -> None:
    # mkstemp creates 0600 files; a replaced file keeps its own mode, and a
    # new one gets the usual mode for the user's umask.
    try:
        mode = stat.S_IMODE(original.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    chmod(temp, mode)

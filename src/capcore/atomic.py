"""Writing files so that a failure never leaves a half-written target.

The data goes to a temporary file in the target's folder, is flushed and
fsynced, and only then replaces the target with :func:`os.replace` (atomic on
POSIX and Windows). On any failure the temporary file is removed and an
existing target is untouched. An existing target's permission bits are kept.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_write", "atomic_write_bytes"]


@contextlib.contextmanager
def atomic_write(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Open a binary stream whose content replaces ``target`` only on success.

    Args:
        target: The file to create or replace. Its folder must exist.

    Yields:
        A binary file object to write the whole content to.
    """
    path = Path(target)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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

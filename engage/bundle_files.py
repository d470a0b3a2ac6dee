"""A bundle on disk: written in a private temporary folder and only then put in the
target folder, in one step, so that the target folder never holds anything but the
finished file."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def private_folder(prefix: str) -> Iterator[Path]:
    """A folder only this user can read, in the system's temporary folder, removed after
    use. One left by a process that was killed (it holds only redacted data) is removed
    the next time one is made."""
    root = Path(tempfile.gettempdir())
    for stale in root.glob(f"{prefix}*-*"):
        pid = stale.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's, or a system that cannot say: leave it
    return True


def place(built: Path, out: Path, force: bool) -> None:
    """Put the finished file ``built`` at ``out`` in one step. On the same file system it is
    renamed; on another (a USB key) it is written as a file with no name that is given its
    name only once complete (Linux), else under a hidden name renamed when complete."""
    try:
        os.replace(built, out) if force else _rename_new(built, out)
        return
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM):
            raise
    try:
        _copy_unnamed(built, out, force)
    except OSError as error:
        if error.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            raise
        _copy_hidden(built, out)


def _rename_new(built: Path, out: Path) -> None:
    """Rename without replacing a file that appeared meanwhile."""
    os.link(built, out)
    built.unlink()


def _copy_unnamed(built: Path, out: Path, force: bool) -> None:
    handle = os.open(out.parent, os.O_TMPFILE | os.O_WRONLY, _file_mode())
    try:
        with open(built, "rb") as source, os.fdopen(handle, "wb", closefd=False) as target:
            shutil.copyfileobj(source, target, 1 << 20)
            target.flush()
            os.fsync(handle)
        if not force:
            _link_unnamed(handle, out)
            return
        hidden = out.with_name(f".{out.name}.{os.getpid()}")
        _link_unnamed(handle, hidden)
        os.replace(hidden, out)
    finally:
        os.close(handle)


def _link_unnamed(handle: int, target: Path) -> None:
    """Give the unnamed file open as ``handle`` the name ``target`` (linkat through
    /proc/self/fd, following the link to the open file)."""
    descriptors = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(handle), target, src_dir_fd=descriptors, follow_symlinks=True)
    finally:
        os.close(descriptors)


def _copy_hidden(built: Path, out: Path) -> None:
    hidden = out.with_name(f".{out.name}.{os.getpid()}")
    try:
        with open(built, "rb") as source, open(hidden, "xb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
            target.flush()
            os.fsync(target.fileno())
        os.chmod(hidden, _file_mode())
        os.replace(hidden, out)
    except BaseException:
        with contextlib.suppress(OSError):
            hidden.unlink()
        raise


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

"""Writing `-o` output files without destroying what the path names.

A rename is the only way to make a failed write leave the old file intact, but it replaces
whatever sat at the path: a symlink becomes a regular file, `/dev/full` stops being a device, a
FIFO's reader never sees the data. So the rename is kept for the one case it suits (a regular
file or a new path, reached through any symlinks) and everything else is written in place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from parcli.problems import UsageError

__all__ = ["OutputFileError", "check_destination", "refuse_overwrite", "write_output"]

_DESCRIPTOR_DIR = re.compile(r"/proc/\d+(?:/task/\d+)?/fd")
_SYMLINK_HOPS = 40


class OutputFileError(Exception):
    """Writing an output file failed; `exit_code` is 2 for misuse (a directory, an empty path),
    1 for a write failure. str(exc) is one line like `cannot write PATH: No space left on device`,
    ready for the command line to print after its own prefix."""

    exit_code: int

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def refuse_overwrite(path: Path, force: bool) -> None:
    """The overwrite policy of every file parcli writes: a usage error (exit 2) when `path`
    is an existing file and `force` is not given; call it before `write_output`.

    A symlink to a file counts as that file; a device, a FIFO or `/dev/stdout` is not
    overwritten by writing to it, so it is let through; a directory is left to the writer,
    which says so."""
    if force:
        return
    try:
        status = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:  # a link loop, a name too long: the writer reports it
        if not path.is_symlink():
            raise UsageError(f"{path}: {exc.strerror or exc}") from None
        return
    if stat.S_ISREG(status.st_mode):
        raise UsageError(f"{path} already exists; pass --force to overwrite it, or -o to "
                         "write another file")


def check_destination(path: Path, force: bool, read: list[Path]) -> None:
    """Before anything is written: a usage error (exit 2) when `path` is a file the command
    read (its input would be destroyed), lies in a folder that does not exist, is read-only,
    or exists and `force` is not given."""
    parent = path.parent
    if not parent.is_dir():
        raise UsageError(f"{path}: the folder {parent} does not exist")
    target = os.path.realpath(path)
    if any(target == os.path.realpath(each) for each in read):
        raise UsageError(f"{path} is a file this command reads; write the output to another "
                         "file")
    refuse_overwrite(path, force)
    with contextlib.suppress(OSError):
        status = path.stat()
        if stat.S_ISREG(status.st_mode) and not status.st_mode & 0o222:
            raise UsageError(f"{path} is read-only; make it writable or write another file")


def write_output(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` (str as UTF-8, newlines untranslated; bytes as they are).

    A regular file or a new path is replaced atomically, so a failed write leaves it as it was;
    a symlink keeps pointing where it did and its target gets the data; a device, FIFO, socket
    or `/dev/stdout` is written straight into, because replacing it would destroy it.
    Raises OutputFileError (exit 2 for a directory or an empty path, 1 for anything the system
    refused) and leaves no temporary file behind.
    """
    shown = os.fspath(path)
    if not shown:
        raise OutputFileError("the output path is empty; give a file name", 2)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    try:
        # The kernel follows every link here, including /proc's fd links that realpath cannot.
        status: os.stat_result | None = os.stat(shown)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise _failure(shown, exc) from exc
    if status is None:
        _replace(shown, os.path.realpath(shown), payload, None)
    elif stat.S_ISDIR(status.st_mode):
        raise OutputFileError(f"{shown} is a directory; give a file name", 2)
    elif stat.S_ISREG(status.st_mode) and not _names_descriptor(shown):
        _replace(shown, os.path.realpath(shown), payload, stat.S_IMODE(status.st_mode))
    else:
        _write_in_place(shown, status, payload)


def _replace(shown: str, target: str, payload: bytes, mode: int | None) -> None:
    """Write beside `target`, then rename over it, so readers see the old file or the new one
    and never a half-written one. `mode` is the old file's; None means a new file."""
    directory, name = os.path.split(target)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _failure(shown, exc) from exc
    try:
        try:
            # mkstemp makes the file private (0600); a report is meant to be shared like any file.
            os.fchmod(handle, _new_file_mode() if mode is None else mode)
            _write_all(handle, payload)
        finally:
            os.close(handle)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _failure(shown, exc) from exc
        raise


def _write_in_place(shown: str, status: os.stat_result, payload: bytes) -> None:
    """Open the existing non-file and write into it, so it stays what it was.

    O_NONBLOCK makes opening a FIFO with no reader fail (ENXIO) instead of hanging the command;
    it is cleared before writing so a slow reader is waited for rather than failing with EAGAIN.
    A regular file reached here is a shell redirection behind `/dev/stdout`: appending keeps
    what `>>` (or the command's own earlier output) put there.
    """
    flags = os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC
    if stat.S_ISREG(status.st_mode):
        flags |= os.O_APPEND
    try:
        handle = os.open(shown, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO and stat.S_ISFIFO(status.st_mode):
            raise OutputFileError(f"cannot write {shown}: no process is reading the FIFO",
                                  1) from exc
        raise _failure(shown, exc) from exc
    try:
        try:
            os.set_blocking(handle, True)
            _write_all(handle, payload)
        finally:
            os.close(handle)
    except OSError as exc:
        raise _failure(shown, exc) from exc


def _write_all(handle: int, payload: bytes) -> None:
    """os.write may take only part of the data (pipes, signals); loop until all of it is out."""
    view = memoryview(payload)
    while view:
        view = view[os.write(handle, view):]


def _names_descriptor(shown: str) -> bool:
    """Whether following `shown`'s symlinks passes through a /proc/PID/fd directory.

    Such a path (`/dev/stdout`, `/dev/fd/3`) means "this open file", not "the file with this
    name": renaming over the file it resolves to would leave the shell's redirection writing to
    an unlinked inode and drop what `>>` meant to keep. The path is joined to the working
    directory rather than normalised, so a `..` after a symlink is resolved as the kernel does.
    """
    current = os.path.join(os.getcwd(), shown)
    for _ in range(_SYMLINK_HOPS):
        parent = os.path.realpath(os.path.dirname(current))
        if _DESCRIPTOR_DIR.fullmatch(parent):
            return True
        try:
            link = os.readlink(os.path.join(parent, os.path.basename(current)))
        except OSError:
            return False
        current = os.path.join(parent, link)
    return False


def _new_file_mode() -> int:
    """0666 less the umask: what the file would have had if created with a plain open().

    The umask can only be read by setting it, so it is set and put straight back.
    """
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _failure(shown: str, exc: OSError) -> OutputFileError:
    reason = exc.strerror or str(exc)
    return OutputFileError(f"cannot write {shown}: {reason}", 1)

"""`-o` writes files atomically but never replaces what is not a regular file.

The issue: `parcli report -o /dev/full` turned the device into a regular file and said "wrote".
These tests pin each kind of path: the bytes that arrive, the mode, the file type afterwards,
the exit code and the one-line message, and that no temporary file is left behind.
"""

from __future__ import annotations

import errno
import os
import select
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from parcli.cli.outfile import OutputFileError, write_output

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Chỉ số PAR Index 2020\nHạng 1\tSở Nội vụ\n"


@pytest.fixture
def umask() -> Iterator[None]:
    """Pin the umask so expected modes do not depend on the shell that runs the tests."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _listing(directory: Path) -> list[str]:
    return sorted(os.listdir(directory))


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _refusal(path: Path, data: str | bytes = TEXT) -> OutputFileError:
    with pytest.raises(OutputFileError) as caught:
        write_output(path, data)
    return caught.value


def test_new_file_gets_utf8_text_with_untranslated_newlines(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "report.txt"
    write_output(target, "a\nb\r\nĐà Nẵng\n")
    assert target.read_bytes() == "a\nb\r\nĐà Nẵng\n".encode()
    assert stat.S_ISREG(os.lstat(target).st_mode)
    assert _listing(tmp_path) == ["report.txt"]


def test_bytes_are_written_exactly(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "report.docx"
    payload = bytes(range(256)) * 3 + b"\r\n\x00"
    write_output(target, payload)
    assert target.read_bytes() == payload
    assert _listing(tmp_path) == ["report.docx"]


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_new_file_mode_follows_umask(tmp_path: Path, mask: int, expected: int) -> None:
    target = tmp_path / "report.txt"
    old = os.umask(mask)
    try:
        write_output(target, TEXT)
    finally:
        os.umask(old)
    assert _mode(target) == expected
    assert target.read_text(encoding="utf-8") == TEXT


def test_overwrite_replaces_atomically_and_keeps_the_old_mode(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old contents, longer than the new ones\n", encoding="utf-8")
    os.chmod(target, 0o640)
    old_inode = os.stat(target).st_ino
    write_output(target, "new\n")
    assert target.read_bytes() == b"new\n"
    assert _mode(target) == 0o640
    assert os.stat(target).st_ino != old_inode
    assert _listing(tmp_path) == ["report.txt"]


def test_symlink_is_kept_and_its_target_written(tmp_path: Path, umask: None) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o600)
    link = tmp_path / "latest.txt"
    link.symlink_to(Path("real") / "report.txt")
    write_output(link, TEXT)
    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("real", "report.txt")
    assert target.read_text(encoding="utf-8") == TEXT
    assert _mode(target) == 0o600
    assert _listing(tmp_path) == ["latest.txt", "real"]
    assert _listing(tmp_path / "real") == ["report.txt"]


def test_chain_of_symlinks_is_kept(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    (tmp_path / "one").symlink_to("report.txt")
    (tmp_path / "two").symlink_to("one")
    write_output(tmp_path / "two", TEXT)
    assert os.readlink(tmp_path / "two") == "one"
    assert os.readlink(tmp_path / "one") == "report.txt"
    assert target.read_text(encoding="utf-8") == TEXT


def test_dangling_symlink_creates_its_target(tmp_path: Path, umask: None) -> None:
    link = tmp_path / "latest.txt"
    link.symlink_to("report-2020.txt")
    write_output(link, TEXT)
    assert link.is_symlink()
    assert os.readlink(link) == "report-2020.txt"
    assert (tmp_path / "report-2020.txt").read_text(encoding="utf-8") == TEXT
    assert _mode(tmp_path / "report-2020.txt") == 0o644
    assert _listing(tmp_path) == ["latest.txt", "report-2020.txt"]


def test_dangling_symlink_into_a_missing_directory_fails(tmp_path: Path) -> None:
    link = tmp_path / "latest.txt"
    link.symlink_to(Path("gone") / "report.txt")
    error = _refusal(link)
    assert error.exit_code == 1
    assert str(error) == f"cannot write {link}: No such file or directory"
    assert link.is_symlink()
    assert _listing(tmp_path) == ["latest.txt"]


def test_symlink_loop_fails(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    error = _refusal(tmp_path / "a")
    assert error.exit_code == 1
    assert str(error) == f"cannot write {tmp_path / 'a'}: {os.strerror(errno.ELOOP)}"
    assert _listing(tmp_path) == ["a", "b"]


def _put_back_device(path: Path, before: os.stat_result, listing: list[str]) -> None:
    """Undo what a broken write_output does to a real device, for a root test run.

    The tests run as root in some containers, where the bug under test would otherwise leave
    the machine with a regular file at /dev/full for every later program.
    """
    for name in set(_listing(path.parent)) - set(listing):
        if name.startswith(f".{path.name}.") and name.endswith(".tmp"):
            (path.parent / name).unlink()
    now = os.lstat(path)
    if (now.st_mode, now.st_rdev) == (before.st_mode, before.st_rdev) or os.geteuid() != 0:
        return
    path.unlink()
    os.mknod(path, before.st_mode, before.st_rdev)
    os.chmod(path, stat.S_IMODE(before.st_mode))
    os.chown(path, before.st_uid, before.st_gid)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_dev_full_fails_and_stays_a_device() -> None:
    device = Path("/dev/full")
    before = os.stat(device)
    dev_listing = _listing(device.parent)
    try:
        error = _refusal(device)
        after = os.lstat(device)
        after_listing = _listing(device.parent)
    finally:
        _put_back_device(device, before, dev_listing)
    assert error.exit_code == 1
    assert str(error) == "cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert after_listing == dev_listing


def test_fifo_with_a_reader_receives_everything_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Larger than a pipe buffer, so the writer must block for the reader rather than fail.
    payload = "".join(f"{n:06d} Sở Tư pháp\n" for n in range(20_000))
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    received = bytearray()

    def drain() -> None:
        """Read until the writer hangs up; poll does not report a hang-up before a writer came."""
        while select.select([reader], [], [], 10)[0]:
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                continue
            if not chunk:
                return
            received.extend(chunk)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    try:
        write_output(fifo, payload)
        thread.join(10)
    finally:
        os.close(reader)
    assert not thread.is_alive()
    assert bytes(received) == payload.encode()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _listing(tmp_path) == ["pipe"]


def test_fifo_without_a_reader_fails_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            write_output(fifo, TEXT)
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        pytest.fail("write_output blocked on a FIFO nobody reads")
    [error] = outcome
    assert isinstance(error, OutputFileError)
    assert error.exit_code == 1
    assert str(error) == f"cannot write {fifo}: no process is reading the FIFO"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _listing(tmp_path) == ["pipe"]


def test_directory_is_misuse(tmp_path: Path) -> None:
    error = _refusal(tmp_path)
    assert error.exit_code == 2
    assert str(error) == f"{tmp_path} is a directory; give a file name"
    assert _listing(tmp_path) == []


def test_symlink_to_a_directory_is_misuse(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "link").symlink_to("out")
    error = _refusal(tmp_path / "link")
    assert error.exit_code == 2
    assert str(error) == f"{tmp_path / 'link'} is a directory; give a file name"
    assert _listing(tmp_path / "out") == []


def test_empty_path_is_misuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    error = _refusal(Path(""))
    assert error.exit_code == 2
    assert str(error) == ". is a directory; give a file name"
    error = _refusal("")  # type: ignore[arg-type]
    assert error.exit_code == 2
    assert str(error) == "the output path is empty; give a file name"
    assert _listing(tmp_path) == []


def test_missing_parent_fails_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.txt"
    error = _refusal(target)
    assert error.exit_code == 1
    assert str(error) == f"cannot write {target}: No such file or directory"
    assert _listing(tmp_path) == []


def test_parent_that_is_a_file_fails(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x\n", encoding="utf-8")
    target = tmp_path / "notes" / "report.txt"
    error = _refusal(target)
    assert error.exit_code == 1
    assert str(error) == f"cannot write {target}: {os.strerror(errno.ENOTDIR)}"
    assert _listing(tmp_path) == ["notes"]


def test_failed_rename_removes_the_temp_file_and_keeps_the_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)

    def full_disk(source: str, destination: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full_disk)
    error = _refusal(target)
    assert error.exit_code == 1
    assert str(error) == f"cannot write {target}: No space left on device"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _mode(target) == 0o640
    assert _listing(tmp_path) == ["report.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_directory_fails_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(tmp_path, 0o555)
    try:
        error = _refusal(target)
    finally:
        os.chmod(tmp_path, 0o755)
    assert error.exit_code == 1
    assert str(error) == f"cannot write {target}: Permission denied"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _listing(tmp_path) == ["report.txt"]


def _write_to_dev_stdout(stdout: int) -> subprocess.CompletedProcess[bytes]:
    """Run write_output in a child whose stdout is `stdout`, as `parcli -o /dev/stdout` would."""
    code = ("import sys; from pathlib import Path; from parcli.cli.outfile import write_output; "
            "sys.stdout.write('first\\n'); sys.stdout.flush(); "
            "write_output(Path('/dev/stdout'), 'second\\n')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], stdout=stdout, stderr=subprocess.PIPE,
                          env=env, check=False, timeout=60)


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout here")
def test_dev_stdout_into_a_pipe() -> None:
    done = _write_to_dev_stdout(subprocess.PIPE)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"first\nsecond\n", b"")


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout here")
def test_dev_stdout_redirected_to_a_file_appends_in_place(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("kept\n", encoding="utf-8")
    inode = os.stat(log).st_ino
    with open(log, "ab") as handle:
        done = _write_to_dev_stdout(handle.fileno())
    assert (done.returncode, done.stderr) == (0, b"")
    assert log.read_bytes() == b"kept\nfirst\nsecond\n"
    assert os.stat(log).st_ino == inode
    assert _listing(tmp_path) == ["log.txt"]

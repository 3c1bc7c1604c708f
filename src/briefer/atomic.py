"""Write a file all at once or not at all.

The data goes to a hidden temporary file in the target's own folder (so the final rename
stays on one file system), is flushed to disk, then replaces the target in one
``os.replace``. A failure at any point removes the temporary file and leaves any previous
target untouched; a reader, or a second run writing the same file at the same moment, sees
either the old file or a new one, whole, never a mixture.

A process killed outright (``kill -9``, a power cut) cannot remove its temporary file. Those
files are hidden (``.brief.docx.<pid>.<random>.part``) and the next write of the same target
removes the ones whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

from briefer.errors import OutputError

#: A new file gets rw-rw-rw- less the umask, as ``open`` would give it.
NEW_FILE_MODE = 0o666
_SUFFIX = ".part"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating the parent folder if needed.

    An existing target keeps its permissions; a new one gets the default for new files
    (``0o666`` less the umask). Raises ``OutputError`` naming the file when the folder
    cannot be made or written; the previous file, if any, is then left as it was.
    """
    if path.is_dir():
        raise OutputError(
            f"Cannot write {path}: a folder of that name is in the way; "
            "move it or choose another output folder (-o)."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_message(path, exc)) from exc
    remove_stale_parts(path)
    temporary = temporary_name(path)
    try:
        descriptor = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, NEW_FILE_MODE
        )
    except OSError as exc:
        raise OutputError(_message(path, exc)) from exc
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = _existing_mode(path)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:  # also KeyboardInterrupt: never leave the part behind
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise OutputError(_message(path, exc)) from exc
        raise
    _sync_folder(path.parent)


def temporary_name(path: Path) -> Path:
    """A fresh hidden name beside ``path`` that says which process writes it."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}{_SUFFIX}")


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove temporary files for ``path`` left by processes that no longer run.

    Returns what was removed. A part whose process still runs (another run writing the same
    file right now) is left alone, and so is anything that does not look like our own part.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[0-9a-f]+{re.escape(_SUFFIX)}")
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or _running(int(match.group(1))):
            continue
        stale = path.parent / name
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process, or a platform that cannot tell: keep it
    return True


def _message(path: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return (
        f"Cannot write {path}: {reason}. The previous file, if any, is unchanged; "
        "check that the output folder (-o) exists, is writable and has free space."
    )


def _existing_mode(path: Path) -> int | None:
    """The permissions the target has now, or None for a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return None


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk, where the platform allows opening folders."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


_O_BINARY = getattr(os, "O_BINARY", 0)

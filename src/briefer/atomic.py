"""Write a file all at once or not at all.

The data goes to a temporary file in the target's own folder (so the final rename stays on
one file system), is flushed to disk, then replaces the target in one ``os.replace``. A
failure at any point removes the temporary file and leaves any previous target untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from briefer.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating the parent folder if needed.

    Raises ``OutputError`` (naming the file) when the folder cannot be made or written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
    except OSError as exc:
        raise OutputError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"Cannot write {path}: {exc.strerror or exc}") from exc
        raise
    _sync_folder(path.parent)


def _mode_for(path: Path) -> int:
    """The permissions the file had, or rw-r--r-- for a new one (mkstemp makes it 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


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

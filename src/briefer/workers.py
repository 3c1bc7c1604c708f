"""Forked worker processes: a pool working through chunks of items, and their end with
the process that started them.

:class:`Workers` forks processes that take the chunks one after another (each the next not
yet taken, read from a pipe of chunk numbers they share) and write each result to a pipe of
their own; the
items are not sent, the workers have them from the fork. This process reads the results as
they come and hands them out in chunk order. Nothing in this process has to run for a
worker to go on to its next chunk, which a pool that hands out work from a thread here (as
``concurrent.futures`` does) cannot say: its thread waits for this process's other work, and
its workers for it (30-70 ms a stage on bpoil_bbc).
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import selectors
import signal
import struct
import sys
from collections.abc import Callable, Iterator
from typing import Generic, NoReturn, TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows, where there is no fork either
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T")
R = TypeVar("R")


#: prctl's request for a signal when the parent dies (linux/prctl.h)
_PR_SET_PDEATHSIG = 1


@functools.cache
def prctl() -> Callable[..., int] | None:
    """The C library's ``prctl`` (Linux), or None. Looked up in this process before it forks,
    so that each worker finds it loaded: importing ctypes and opening the library took a
    worker 2-3 ms before its first article, at the start of every stage."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        found: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # no C library to ask: workers live on as before
        return None
    return found


def die_with(parent: int) -> None:
    """Have the kernel kill this process when ``parent`` dies (Linux): after ``kill -9`` of the
    command, a worker would otherwise work on to the end of its chunk, and a background
    process to the end of its work, for nobody."""
    request = prctl()
    if request is None or request(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        return
    if os.getppid() != parent:  # the parent was gone before the request was made
        os._exit(1)


class WorkersFailed(Exception):
    """A worker ended (killed, out of memory) before handing back all its work."""


#: what a worker writes before each result: the chunk's number, whether it failed, the size
_HEADER = struct.Struct("=iBQ")
#: a chunk's number as the workers take it from their shared pipe: each read of this size
#: takes one whole number (a pipe is read under a lock, and all were written before)
_TICKET = struct.Struct("=i")
#: the most chunks a pool takes: their numbers are written before the workers start, and must
#: fit in a pipe without waiting for a reader (4 KB, which every system's pipes hold)
MAX_CHUNKS = 1_024
#: the chunk number of a worker's last message: it leaves (its pipe's end follows)
_LEFT = -1
#: each worker's pipe for its results is made this large where the system allows (Linux):
#: a worker then hands back a batch without waiting for this process to read the last one
#: (a pipe holds 64 KB; a batch of ranked articles is ~75 KB)
PIPE_BYTES = 1 << 20


class Workers(Generic[T, R]):
    """Forked processes working through ``chunks``, each taking the next chunk not yet taken.

    The chunks are not sent: each worker has them from the fork. A worker writes each
    result, pickled, to a pipe of its own, and this process reads them as they come
    (:meth:`results`, in chunk order). Nothing here has to run for a worker to go on to its
    next chunk (a thread handing out work would wait for this process's other work).
    """

    def __init__(
        self,
        task: Callable[[list[T]], R],
        chunks: list[list[T]],
        workers: int,
        started: Callable[[int], object] = lambda parent: None,
    ) -> None:
        if len(chunks) > MAX_CHUNKS:
            raise ValueError(f"{len(chunks):,} chunks; a pool takes {MAX_CHUNKS:,} at most")
        # the chunks' numbers, for the workers to take one by one: no lock, no shared memory
        # (a worker killed midway cannot leave the others waiting for one)
        tickets, feed = os.pipe()
        try:  # (a pipe that cannot hold them raises BlockingIOError: the work is done here)
            os.set_blocking(feed, False)
            _write_all(feed, b"".join(_TICKET.pack(number) for number in range(len(chunks))))
        except OSError:
            os.close(tickets)
            raise
        finally:
            os.close(feed)
        parent = os.getpid()
        self._chunks = len(chunks)
        self._pids: list[int] = []
        self._pipes: list[int] = []
        try:
            for _ in range(workers):
                read_end, write_end = os.pipe()
                _widen(write_end)
                pid = os.fork()
                if pid == 0:  # the worker: never returns
                    os.close(read_end)
                    for other in self._pipes:
                        os.close(other)
                    _work(task, chunks, tickets, write_end, parent, started)
                os.close(write_end)
                self._pids.append(pid)
                self._pipes.append(read_end)
        except OSError:
            self.close(kill=True)
            raise
        finally:
            os.close(tickets)

    def results(self) -> Iterator[R]:
        """Each chunk's result, in chunk order, as soon as it and those before it are in.

        A chunk whose work raised raises here, in its turn; a worker gone before its work was
        handed back raises :class:`WorkersFailed`."""
        arrived: dict[int, tuple[int, bytes]] = {}  # chunk number → (failed, pickled)
        buffers = {fd: bytearray() for fd in self._pipes}
        left: set[int] = set()  # the pipes of workers that said they leave
        with selectors.DefaultSelector() as selector:
            for fd in self._pipes:
                selector.register(fd, selectors.EVENT_READ)
            for wanted in range(self._chunks):
                while wanted not in arrived:
                    for key, _ in selector.select():
                        data = os.read(key.fd, PIPE_BYTES)
                        if data:
                            if _unpack(buffers[key.fd], data, arrived):
                                left.add(key.fd)
                            continue
                        # the pipe's end: a worker that left says so first (_LEFT); one
                        # killed does not, and may have died holding the others' lock
                        selector.unregister(key.fd)
                        if key.fd not in left:
                            raise WorkersFailed("a worker process ended before its work was done")
                    if not selector.get_map() and wanted not in arrived:
                        raise WorkersFailed("the workers left with work not done")
                failed, payload = arrived.pop(wanted)
                if failed:
                    raise pickle.loads(payload)
                yield pickle.loads(payload)

    def close(self, kill: bool = False) -> None:
        """Close the pipes and reap the workers, killing them first when ``kill`` (on an
        error here, or when not every result was wanted; otherwise they have left)."""
        for fd in self._pipes:
            os.close(fd)
        self._pipes = []
        for pid in self._pids:
            if kill:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self._pids = []


def _unpack(buffer: bytearray, data: bytes, arrived: dict[int, tuple[int, bytes]]) -> bool:
    """Add ``data`` to a worker's ``buffer`` and move each whole message into ``arrived``;
    whether the worker's last message (:data:`_LEFT`) was among them."""
    buffer += data
    while len(buffer) >= _HEADER.size:
        number, failed, size = _HEADER.unpack_from(buffer)
        end = _HEADER.size + size
        if len(buffer) < end:
            break
        if number == _LEFT:
            return True
        arrived[number] = (failed, bytes(buffer[_HEADER.size : end]))
        del buffer[:end]
    return False


def _widen(fd: int) -> None:
    """Make a pipe hold :data:`PIPE_BYTES` where the system allows; else it keeps its size."""
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setsize is not None:
        with contextlib.suppress(OSError):  # above the system's limit for this user
            fcntl.fcntl(fd, setsize, PIPE_BYTES)


def _work(
    task: Callable[[list[T]], R],
    chunks: list[list[T]],
    tickets: int,
    out: int,
    parent: int,
    started: Callable[[int], object],
) -> NoReturn:
    """A worker's life: take the next chunk, work, write the result; leave when none is left."""
    status = 1
    try:
        die_with(parent)
        started(parent)
        while True:
            ticket = os.read(tickets, _TICKET.size)
            if not ticket:  # every chunk is taken
                break
            (number,) = _TICKET.unpack(ticket)  # (a torn number raises: this worker fails)
            try:
                payload = pickle.dumps(task(chunks[number]), pickle.HIGHEST_PROTOCOL)
                failed = 0
            except Exception as error:  # raised in this process's turn, as if it ran there
                payload = _pickled_error(error)
                failed = 1
            _write_all(out, _HEADER.pack(number, failed, len(payload)))
            _write_all(out, payload)
            if failed:
                break
        _write_all(out, _HEADER.pack(_LEFT, 0, 0))
        status = 0
    finally:
        os._exit(status)


def _pickled_error(error: Exception) -> bytes:
    try:
        return pickle.dumps(error, pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that cannot be pickled: its type and message
        return pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]

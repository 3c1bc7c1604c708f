"""Per-article work on every core, when there is enough of it to pay for the processes.

Reading, cleaning, splitting, ranking and dating an article depend on that article alone, so
a story of hundreds of articles spreads them over worker processes. Workers are forked from
this process (they start in milliseconds, with every module already imported); where fork is
not available, or for a handful of articles, the work runs here. Results come back in input
order, and each article's result does not depend on which process computed it, so the brief
is the same either way. ``BRIEFER_WORKERS=1`` turns the workers off.

Each worker also sends back the word stems and the answers of its memos (:mod:`briefer.memo`:
the dates of sentences) it learned, so that the stages that run here afterwards (finding who
reports the same fact, and where reports disagree) do not work them out again.
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

from . import memo, words

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: fewer items than this run in this process: starting workers would cost more than it saves
MIN_ITEMS = 48
#: items a worker takes at a time (fewer round trips; small enough to balance the load)
CHUNK = 12
#: a worker collects garbage cycles after this many new objects (and the older generations
#: after this many younger collections), not 700/10/10: it allocates millions of small
#: objects and few cycles, and the default thresholds spent a tenth of its time scanning
GC_THRESHOLD = (200_000, 30, 30)


def _worker_started(parent: int) -> None:
    """Set up a worker process: its own (never the caller's) collector thresholds, and an end
    when ``parent``, the process that started it, ends."""
    gc.set_threshold(*GC_THRESHOLD)
    _die_with(parent)


#: prctl's request for a signal when the parent dies (linux/prctl.h)
_PR_SET_PDEATHSIG = 1


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """The C library's ``prctl`` (Linux), or None. Looked up in this process before it forks,
    so that each worker finds it loaded: importing ctypes and opening the library took a
    worker 2-3 ms before its first article, at the start of every stage."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # no C library to ask: workers live on as before
        return None
    return prctl


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when ``parent`` dies (Linux). A worker waiting for
    work would otherwise wait forever after ``kill -9`` of the command: it holds its queue
    open itself, so it never sees the other end close."""
    prctl = _prctl()
    if prctl is None or prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        return
    if os.getppid() != parent:  # the parent was gone before the request was made
        os._exit(1)


def worker_count() -> int:
    """The processes to use: ``BRIEFER_WORKERS`` if set, else the cores this process may use."""
    chosen = os.environ.get("BRIEFER_WORKERS", "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _run(
    function: Callable[[T], R], chunk: list[T]
) -> tuple[list[R], words.StemDelta, memo.Learned]:
    stems, memos = words.stems_mark(), memo.marks()
    results = [function(item) for item in chunk]
    # the texts are pickled once with the results that hold them (pickle remembers objects)
    return results, words.stems_since(stems), memo.learned_since(memos)


def map_ordered(
    function: Callable[[T], R],
    items: Iterable[T],
    warm: Callable[[], object] | None = None,
    meanwhile: Callable[[], object] | None = None,
    each: Callable[[R], object] | None = None,
) -> list[R]:
    """``[function(item) for item in items]``, on several cores when that pays.

    ``function`` must be picklable (a module-level function or a ``functools.partial`` of
    one) and must not depend on state this process changes after the call. ``warm`` is
    called here before the workers start, to load once what every worker would otherwise
    load for itself (word lists, a stemmer). ``meanwhile`` is called here while the workers
    work, when there are workers: this process would otherwise only wait (it loads what a
    later stage needs; without workers that stage loads it itself). ``each`` is called
    here with each result as it comes back from the workers, in order, while they work on
    the rest (a later stage's work on that result, done ahead); without workers, never.
    """
    todo = list(items)
    workers = min(worker_count(), -(-len(todo) // CHUNK))
    if (
        workers < 2
        or len(todo) < MIN_ITEMS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [function(item) for item in todo]
    if warm is not None:
        warm()
    chunks = [todo[k : k + CHUNK] for k in range(0, len(todo), CHUNK)]
    results: list[R] = []
    _prctl()  # for the workers to inherit
    # what this process holds now (modules, articles) is moved out of the collector's reach
    # while the workers run, as the gc module's documentation advises before a fork: their
    # full collections then skip the inherited heap (and leave its pages shared). It is
    # handed back to the collector when the workers are done.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_worker_started,
            initargs=(os.getpid(),),
        )
        try:
            done = pool.map(_run, [function] * len(chunks), chunks)  # all chunks submitted
            if meanwhile is not None:
                meanwhile()
            for part, stems, memos in done:
                results.extend(part)
                words.remember_stems(stems)
                memo.remember(memos)
                if each is not None:
                    for result in part:
                        each(result)
        finally:
            # every result is in (or the work failed): the workers are told to stop and
            # leave on their own, not waited for (5-7 ms each time, on the way to the next
            # stage); on an error, the chunks not started are dropped
            pool.shutdown(wait=False, cancel_futures=True)
    except (BrokenProcessPool, OSError) as error:  # a worker killed, no processes left…
        log.warning("worker processes failed (%s); carrying on in one process", error)
        return [function(item) for item in todo]
    finally:
        gc.unfreeze()
    return results


def in_background(function: Callable[[], R]) -> Callable[[], R]:
    """Start ``function()`` in a forked process, when there is a core for it; the returned
    callable gives its result (waiting for it), as if ``function()`` had run here.

    For work a later stage needs that does not depend on what this process does meanwhile:
    it runs on the other core. The result comes back pickled. Without fork or a second core,
    or if the process fails (killed, a result that cannot be pickled), ``function()`` runs
    here when its result is asked for. ``function`` must not change state this process needs.
    """
    if worker_count() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return function
    try:
        return _Background(function)
    except OSError as error:
        log.warning("no process for background work (%s); doing it here", error)
        return function


class _Background(Generic[R]):
    """A forked process computing ``function()``; calling it gives the result (once ready)."""

    def __init__(self, function: Callable[[], R]) -> None:
        self._function = function
        self._done: tuple[R] | None = None
        read_end, write_end = os.pipe()
        parent = os.getpid()
        _prctl()  # for the child to inherit
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:  # the child: work, send the result, leave without running any cleanup
            status = 1
            try:
                os.close(read_end)
                _die_with(parent)
                gc.disable()  # its heap is the parent's, shared until written to
                data = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_end, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._read = pid, read_end
        # a result never asked for (an error in this process meanwhile): the child is reaped
        self._reaper = weakref.finalize(self, _reap, pid, read_end)

    def __call__(self) -> R:
        if self._done is None:
            self._reaper.detach()
            with os.fdopen(self._read, "rb") as source:
                data = source.read()
            _, status = os.waitpid(self._pid, 0)
            if status == 0:
                self._done = (pickle.loads(data),)
            else:
                log.warning("background process failed (status %d); doing its work here", status)
                self._done = (self._function(),)
        return self._done[0]


def _reap(pid: int, read_end: int) -> None:
    os.close(read_end)
    os.waitpid(pid, 0)

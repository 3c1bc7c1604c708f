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

import gc
import logging
import os
import pickle
import weakref
from collections.abc import Callable, Iterable
from functools import partial
from typing import Generic, TypeVar

from . import memo, words
from .workers import MAX_CHUNKS, Workers, WorkersFailed, die_with, prctl

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


#: processes can be forked here (not on Windows; the multiprocessing package, ~20 ms to load,
#: is not needed to know)
_CAN_FORK = hasattr(os, "fork")


def _worker_started(parent: int) -> None:
    """Set up a worker process: its own (never the caller's) collector thresholds."""
    gc.set_threshold(*GC_THRESHOLD)


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

    ``function`` and the items reach the workers through the fork (nothing is sent); its
    results must be picklable, and it must not depend on state this process changes after
    the call. A worker's error is raised here; a worker killed leaves the work to this
    process (logged). ``warm`` is
    called here before the workers start, to load once what every worker would otherwise
    load for itself (word lists, a stemmer). ``meanwhile`` is called here while the workers
    work, when there are workers: this process would otherwise only wait (it loads what a
    later stage needs; without workers that stage loads it itself). ``each`` is called
    here with each result as it comes back from the workers, in order, while they work on
    the rest (a later stage's work on that result, done ahead); without workers, never.
    """
    todo = list(items)
    workers = min(worker_count(), -(-len(todo) // CHUNK))
    if workers < 2 or len(todo) < MIN_ITEMS or not _CAN_FORK:
        return [function(item) for item in todo]
    if warm is not None:
        warm()
    size = max(CHUNK, -(-len(todo) // MAX_CHUNKS))  # (larger chunks past 12,288 items)
    chunks = [todo[k : k + size] for k in range(0, len(todo), size)]
    results: list[R] = []
    prctl()  # looked up here, for the workers to inherit
    # what this process holds now (modules, articles) is moved out of the collector's reach
    # while the workers run, as the gc module's documentation advises before a fork: their
    # full collections then skip the inherited heap (and leave its pages shared). It is
    # handed back to the collector when the workers are done.
    gc.freeze()
    try:
        pool: Workers[T, tuple[list[R], words.StemDelta, memo.Learned]] = Workers(
            partial(_run, function), chunks, workers, started=_worker_started
        )
        try:
            if meanwhile is not None:
                meanwhile()
            for part, stems, memos in pool.results():
                results.extend(part)
                words.remember_stems(stems)
                memo.remember(memos)
                if each is not None:
                    for result in part:
                        each(result)
        except BaseException:  # an error here or in a worker: the others stop at once
            pool.close(kill=True)
            raise
        pool.close()  # every result is in: the workers have left or are leaving
    except (WorkersFailed, OSError) as error:  # a worker killed, no processes left…
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
    if worker_count() < 2 or not _CAN_FORK:
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
        prctl()  # looked up here, for the child to inherit
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
                die_with(parent)
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

"""A light progress line on stderr for long runs, and nothing otherwise.

    with Progress(stream=sys.stderr) as bar:
        bar.stage("summarising 2,190 articles")    # "briefer: summarising 2,190 articles… 12 s"
        for story in stories:
            bar.advance(story, len(stories))       # "briefer: [#####-----] 5/12 bp-oil-spill 31 s"

It appears only once a run has lasted ``delay`` seconds (a quick run shows nothing), only
when the stream is a terminal, and it clears its line when done, so the report that follows
is not mixed with it. While it is on, a timer signal (``SIGALRM``, every half second, main
thread only; not on Windows) redraws it with the time spent, so a long stage still shows
that the run is alive. No thread (workers are forked: a thread could hold a lock at the
fork) and no import beyond the standard library; the line is written with one ``os.write``
so a redraw can never interrupt Python's own buffered writes to stderr.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from types import FrameType, TracebackType
from typing import TextIO

TICK = 0.5  # seconds between redraws


class Progress:
    """A stage name, or items done out of ``total``, on one line of ``stream``."""

    def __init__(
        self,
        total: int = 0,
        stream: TextIO | None = None,
        *,
        enabled: bool = True,
        delay: float = 2.0,
    ) -> None:
        import sys

        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.enabled = enabled and _is_terminal(self.stream)
        self.delay = delay
        self.done = 0
        self.label = ""
        self.started = time.monotonic()
        self.drawn = False
        self._previous: object = None
        self._ticking = False

    # -- what the run reports -----------------------------------------------------------

    def stage(self, label: str) -> None:
        """The run has moved on to ``label`` ("summarising 40 articles")."""
        self.label, self.total, self.done = label, 0, 0
        self._maybe_draw()

    def advance(self, label: str = "", total: int | None = None) -> None:
        """Start the next item, named ``label`` (``total``: the number of items, once known)."""
        if total is not None:
            self.total = max(total, 1)
        self.done += 1
        self.label = label
        self._maybe_draw()

    # -- drawing ------------------------------------------------------------------------

    def line(self, width: int) -> str:
        """The progress line as drawn, at most ``width - 1`` characters."""
        elapsed = f"{time.monotonic() - self.started:.0f} s"
        if self.total:
            cells = 20
            filled = cells * min(self.done - 1, self.total) // self.total
            bar = f"[{'#' * filled}{'-' * (cells - filled)}] {self.done}/{self.total} "
            text = f"briefer: {bar}{self.label} {elapsed}"
        else:
            text = f"briefer: {self.label}… {elapsed}"
        return text[: max(width - 1, 10)]

    def _maybe_draw(self) -> None:
        if self.enabled and time.monotonic() - self.started >= self.delay:
            self.draw()

    def draw(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        self._write("\r" + self.line(width).ljust(max(width - 1, 10)))
        self.drawn = True

    def close(self) -> None:
        """Stop the timer and clear the line, if it was ever drawn."""
        self._stop_ticking()
        if self.drawn:
            width = shutil.get_terminal_size((80, 24)).columns
            self._write("\r" + " " * max(width - 1, 10) + "\r")
            self.drawn = False

    def _write(self, text: str) -> None:
        try:
            fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
            self.stream.write(text)
            self.stream.flush()
            return
        os.write(fd, text.encode("utf-8", "replace"))

    # -- the timer ----------------------------------------------------------------------

    def _tick(self, signum: int, frame: FrameType | None) -> None:
        self._maybe_draw()

    def _start_ticking(self) -> None:
        main = threading.current_thread() is threading.main_thread()
        usable = hasattr(signal, "setitimer") and main
        if not (self.enabled and usable):
            return
        self._previous = signal.signal(signal.SIGALRM, self._tick)
        signal.siginterrupt(signal.SIGALRM, False)  # system calls resume after a redraw
        signal.setitimer(signal.ITIMER_REAL, self.delay or TICK, TICK)
        self._ticking = True

    def _stop_ticking(self) -> None:
        if self._ticking:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            self._ticking = False

    def __enter__(self) -> Progress:
        self._start_ticking()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False

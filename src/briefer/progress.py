"""A light progress bar on stderr for long runs (many stories), and nothing otherwise.

    with Progress(total=12, stream=sys.stderr) as bar:
        for story in stories:
            bar.advance(story)          # "briefer: [#####-----]  5/12 bp-oil-spill"

It appears only once a run has lasted ``delay`` seconds (a quick run shows nothing), only
when the stream is a terminal, and it clears its line when done, so the report that follows
is not mixed with it. No thread, no import beyond the standard library: it is drawn when
the caller advances it.
"""

from __future__ import annotations

import shutil
import time
from types import TracebackType
from typing import TextIO


class Progress:
    """Items done out of ``total``, drawn on one line of ``stream`` after ``delay`` seconds."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        enabled: bool = True,
        delay: float = 2.0,
    ) -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.enabled = enabled and _is_terminal(stream)
        self.delay = delay
        self.done = 0
        self.started = time.monotonic()
        self.drawn = False

    def advance(self, label: str = "", total: int | None = None) -> None:
        """Start the next item, named ``label`` (``total``: the number of items, once known);
        redraw the bar if the run has lasted long enough."""
        if total is not None:
            self.total = max(total, 1)
        self.done += 1
        if not self.enabled or time.monotonic() - self.started < self.delay:
            return
        self.draw(label)

    def draw(self, label: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        cells = 20
        filled = cells * min(self.done - 1, self.total) // self.total
        count = f"{self.done}/{self.total}"
        line = f"briefer: [{'#' * filled}{'-' * (cells - filled)}] {count} {label}"
        line = line[: max(width - 1, 10)]
        self.stream.write("\r" + line.ljust(max(width - 1, 10)))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Clear the bar's line, if it was ever drawn."""
        if self.drawn:
            width = shutil.get_terminal_size((80, 24)).columns
            self.stream.write("\r" + " " * max(width - 1, 10) + "\r")
            self.stream.flush()
            self.drawn = False

    def __enter__(self) -> Progress:
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

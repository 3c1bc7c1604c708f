"""Bounded memos whose answers, when learned in a worker process, come back to this one.

A stage that runs in worker processes (ranking and dating each source) asks questions a later
stage in this process asks again (the dates of the same sentences, when comparing reports).
A :class:`Memo` remembers the answers; :mod:`briefer.parallel` sends back what each worker's
memos learned and adds it to this process's, so the later stage finds them known.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import islice
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: what memos learned, by memo name: ``(key, value)`` pairs in the order learned
Learned = dict[str, list[tuple[Any, Any]]]


class Memo(Generic[K, V]):
    """A dict of answers, cleared when it holds ``limit`` of them, named to be shared (a memo
    made again under a name, as when its module is reloaded, takes the name over)."""

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        self._known: dict[K, V] = {}
        self.clears = 0  # how many times it was cleared: a mark from before then is void
        _MEMOS[name] = self

    def __len__(self) -> int:
        return len(self._known)

    def get(self, key: K) -> V | None:
        return self._known.get(key)

    def put(self, key: K, value: V) -> V:
        if len(self._known) >= self.limit:
            self._known.clear()
            self.clears += 1
        self._known[key] = value
        return value

    def mark(self) -> tuple[int, int]:
        return (self.clears, len(self._known))

    def since(self, mark: tuple[int, int]) -> list[tuple[K, V]]:
        """The answers learned after ``mark`` (all of them, if cleared since)."""
        clears, size = mark
        start = size if clears == self.clears else 0
        return list(islice(self._known.items(), start, None))

    def remember(self, pairs: list[tuple[K, V]]) -> None:
        if len(self._known) + len(pairs) < self.limit:
            self._known.update(pairs)


_MEMOS: dict[str, Memo[Any, Any]] = {}


def marks() -> dict[str, tuple[int, int]]:
    """Where each memo stands now (see :func:`learned_since`)."""
    return {name: memo.mark() for name, memo in _MEMOS.items()}


def learned_since(mark: dict[str, tuple[int, int]]) -> Learned:
    """What every memo learned since ``mark``: what a worker process sends back."""
    learned: Learned = {}
    for name, memo in _MEMOS.items():
        pairs = memo.since(mark.get(name, (memo.clears, 0)))
        if pairs:
            learned[name] = pairs
    return learned


def remember(learned: Learned) -> None:
    """Add what another process's memos learned to this process's (unknown names are skipped:
    a memo of a module this process has not imported)."""
    for name, pairs in learned.items():
        memo = _MEMOS.get(name)
        if memo is not None:
            memo.remember(pairs)

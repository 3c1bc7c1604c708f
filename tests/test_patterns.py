"""Patterns that open on a quick start, ``(?=[…])``, list every character a match can start with.

A look-ahead in front of a pattern lets the search pass every other place at once (see
README, Speed). It must never hide a match: when a word is added to such a pattern, its first
letter must be in the look-ahead. This test works out, from each pattern's parse, which
characters its matches can start with and checks the look-ahead lets each of them through.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from re import _constants as C  # the parser's own names for its operations
from re import _parser as P

import pytest

import briefer

#: ``(?=[…])`` or ``(?=\d)`` opening a pattern
QUICK_START = re.compile(r"\(\?=(?:\[(?:\\.|[^\]\\])+\]|\\d)\)")


def _first(items: list[tuple[object, object]], flags: int) -> tuple[set[str], bool]:
    """The characters a sequence of parsed items can start with, and whether it can be empty."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _one(op, av, flags)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _cases(char: str, flags: int) -> set[str]:
    """``char``, and its other cases where the pattern (or a ``(?i:…)`` group) ignores case."""
    if not flags & re.IGNORECASE:
        return {char}
    return {form for form in (char, char.upper(), char.lower()) if len(form) == 1}


def _one(op: object, av: object, flags: int) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return _cases(chr(av), flags), False  # type: ignore[arg-type]
    if op is C.IN:
        chars: set[str] = set()
        for item, value in av:  # type: ignore[attr-defined]
            if item is C.LITERAL:
                chars |= _cases(chr(value), flags)
            elif item is C.RANGE:
                for c in range(value[0], value[1] + 1):
                    chars |= _cases(chr(c), flags)
            elif item is C.CATEGORY and value is C.CATEGORY_DIGIT:
                chars |= set("0123456789")
            else:
                raise AssertionError(f"a class the test cannot list ({item})")
        return chars, False
    if op is C.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:  # type: ignore[index]
            found, can_be_empty = _first(branch.data, flags)
            chars |= found
            empty |= can_be_empty
        return chars, empty
    if op is C.SUBPATTERN:
        return _first(av[3].data, flags | av[1])  # type: ignore[index]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        least, _, item = av  # type: ignore[misc]
        chars, empty = _first(item.data, flags)
        return chars, empty or least == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True  # takes no character
    if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
        return set("0123456789"), False
    raise AssertionError(f"an operation the test cannot follow ({op})")


def _quick_started() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for module in pkgutil.iter_modules(briefer.__path__):
        if module.name == "__main__":
            continue
        namespace = vars(importlib.import_module(f"briefer.{module.name}"))
        for name, value in namespace.items():
            pattern = value.pattern if isinstance(value, re.Pattern) else None
            if isinstance(pattern, str) and QUICK_START.match(pattern):
                found.append((f"{module.name}.{name}", value))
    return found


QUICK_STARTED = _quick_started()


def test_the_quick_started_patterns_are_found() -> None:
    # the number pattern, the dates, the cleaning rules…: a dozen modules use them
    assert len(QUICK_STARTED) >= 20


@pytest.mark.parametrize(("name", "pattern"), QUICK_STARTED, ids=[n for n, _ in QUICK_STARTED])
def test_a_quick_start_lets_every_match_through(name: str, pattern: re.Pattern[str]) -> None:
    head = QUICK_START.match(pattern.pattern)
    assert head is not None
    rest = pattern.pattern[head.end() :]
    starts, empty = _first(list(P.parse(rest, pattern.flags).data), pattern.flags)
    assert not empty, f"{name} can match nothing, so any place can start a match"
    gate = re.compile(head.group(), pattern.flags)
    for char in sorted(starts):
        assert gate.match(char), f"{name}: a match can start with {char!r}"

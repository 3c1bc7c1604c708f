"""Regular expressions compiled once per interpreter, not once per run.

briefer's modules compile about 300 patterns when they are imported (date phrases, page
chrome, bylines, quotes…). CPython's :mod:`re` parses and compiles each one in pure Python
before handing the result, a list of numbers, to its C engine: 0.1-3 ms a pattern, 80-100 ms
in all, in every run, most of it before the first worker process can start. That list of
numbers is all the engine needs, and it is the same every time for the same pattern, flags
and interpreter.

:func:`compiled` is ``re.compile`` for briefer's patterns: it keeps each pattern's compiled
form in a file beside briefer's bytecode, as Python keeps compiled modules (``__pycache__``,
or under ``PYTHONPYCACHEPREFIX``), and hands a pattern it finds there straight to the engine.
The file is read at the first pattern; :func:`save` writes it (the command line calls it at
the end of a run) when the run compiled patterns it did not hold, unless Python is told not
to write bytecode (``-B``, ``PYTHONDONTWRITEBYTECODE``). It is used only by the interpreter
that wrote it (its version, its engine's version and Unicode data are recorded in it, and
each compiled form is checked against ``re.compile``'s before it is kept); where the file
cannot be read or written, or the interpreter is not CPython, patterns are compiled as
``re.compile`` does. Writing it is as safe as writing bytecode: only those who could change
briefer's ``.pyc`` files can change it.
"""

from __future__ import annotations

import logging
import marshal
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

try:  # CPython's engine and compiler (re's own internals: not there on other interpreters)
    import _sre  # type: ignore[import-not-found,unused-ignore]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not CPython
    _sre = None

#: the layout of the file; a file of another layout is not read
FORMAT = 1
#: entries kept at most: past this the file keeps the patterns of the run writing it
MAX_ENTRIES = 4_096

#: (pattern, flags) → (flags, code, groups, group index, index group): ``_sre.compile``'s
#: arguments after the pattern
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_known: dict[tuple[str, int], _Entry] | None = None
_new: dict[tuple[str, int], _Entry] = {}
_used: set[tuple[str, int]] = set()
#: the patterns this process has made, as re keeps those it compiles
_made: dict[tuple[str, int], re.Pattern[str]] = {}
_stats = {"found": 0, "compiled": 0}


def _interpreter() -> str:
    """What a compiled form depends on: the interpreter, its engine and its Unicode data."""
    return " ".join(
        str(part)
        for part in (
            sys.implementation.cache_tag,
            sys.version,
            _sre.MAGIC,
            _sre.CODESIZE,
            _sre.MAXREPEAT,
            _sre.MAXGROUPS,
            unicodedata.unidata_version,
        )
    )


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, beside this module's bytecode (None: nowhere)."""
    if _sre is None or sys.implementation.cache_tag is None:
        return None
    import importlib.util

    try:
        bytecode = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):  # pragma: no cover - no bytecode cache
        return None
    return bytecode.with_name(f"patterns.{sys.implementation.cache_tag}.re")


def _load() -> dict[tuple[str, int], _Entry]:
    path = cache_file()
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError:  # none yet, or not readable: compiled as re.compile does
        return {}
    try:
        layout, interpreter, entries = marshal.loads(data)
        if layout != FORMAT or interpreter != _interpreter() or not isinstance(entries, dict):
            return {}
        return entries
    except (EOFError, ValueError, TypeError):  # damaged: written again at the end of the run
        logger.debug("compiled patterns in %s not readable; compiling afresh", path)
        return {}


def _entry(pattern: str, flags: int) -> _Entry:
    """What ``re.compile(pattern, flags)`` hands to the engine (as ``re._compiler.compile``)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    return (flags | parsed.state.flags, code, groups, groupindex, tuple(indexgroup))


def compiled(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the compiled form kept by an earlier run when
    there is one."""
    global _known
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    made = _made.get(key)
    if made is not None:
        return made
    if _known is None:
        _known = _load()
    entry = _known.get(key) or _new.get(key)
    if entry is not None:
        try:
            found: re.Pattern[str] = _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError, OverflowError):  # not the engine's
            _known.pop(key, None)
        else:
            _used.add(key)
            _stats["found"] += 1
            _made[key] = found
            return found
    standard = _made[key] = re.compile(pattern, flags)
    _stats["compiled"] += 1
    try:
        entry = _entry(pattern, flags)
        kept = _sre.compile(pattern, *entry)
        same = (  # (patterns compare equal when the engine's code is the same)
            kept == standard
            and kept.groups == standard.groups
            and kept.groupindex == standard.groupindex
        )
    except Exception:  # re's internals changed: nothing kept, nothing lost
        logger.debug("cannot keep the compiled form of %r", pattern, exc_info=True)
        return standard
    if same:
        _new[key] = entry
        _used.add(key)
    return standard


def stats() -> dict[str, int]:
    """Patterns taken from the kept compiled forms (``found``) and compiled afresh."""
    return dict(_stats)


def save() -> Path | None:
    """Write the compiled forms when this process compiled patterns the file did not hold
    (atomically; nothing when bytecode is not written or the place is not writable).
    Returns the file written, if one was."""
    global _known
    path = cache_file()
    if not _new or path is None or sys.dont_write_bytecode:
        return None
    known = _known or {}
    entries: dict[tuple[str, int], Any] = {**known, **_new}
    if len(entries) > MAX_ENTRIES:  # patterns of old versions pile up: keep this run's
        entries = {key: entries[key] for key in _used}
    data = marshal.dumps((FORMAT, _interpreter(), entries))
    from .atomic import write_atomic
    from .errors import OutputError

    try:
        write_atomic(path, data)
    except OutputError as error:  # a read-only installation: compiled afresh next time too
        logger.debug("compiled patterns not kept (%s)", error)
        return None
    _known = entries
    _new.clear()
    return path

"""Compiled patterns kept between runs: the same patterns as ``re.compile``'s, whatever the
file holds (nothing, damage, another interpreter's), and written only where bytecode is."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer import patterns

CASES = [
    (r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)\s+(?P<year>\d{4})", 0),
    (r"(?<![\w.,])(?:Monday|Tuesday|Wednesday)\b", re.IGNORECASE),
    (r"straße|ÉTÉ|İstanbul", re.IGNORECASE),  # case folding beyond ASCII
    (r"^\W*(?:share|tweet|email)\W*$", re.IGNORECASE | re.MULTILINE),
    (
        r"""
        (?P<cur>[$€£])?   # a currency
        (?P<n>\d+(?:\.\d+)?)
     """,
        re.VERBOSE,
    ),
    (r"(a)(?:b|(c))?(?(2)d|e)", 0),
    ("[\x00-\x08\u2028\ufeff]", 0),
]
TEXTS = [
    "On 12 March 2024 the STRASSE in istanbul was closed; MONDAY's talks: $12.5bn",
    "ae abe acd  share \n tweet \n\ufeff2025",
]


@pytest.fixture()
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The kept patterns in a file of this test's, the module's memory empty (as in a new
    process); the module's own state is put back afterwards."""
    path = tmp_path / "cache" / "patterns.test.re"
    monkeypatch.setattr(patterns, "cache_file", lambda: path)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(patterns, "_known", None)
    for name in ("_new", "_used", "_made", "_stats"):
        monkeypatch.setattr(patterns, name, type(getattr(patterns, name))())
    patterns._stats.update(found=0, compiled=0)
    yield path


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "_known", None)
    patterns._new.clear()
    patterns._made.clear()
    patterns._used.clear()
    patterns._stats.update(found=0, compiled=0)


def _same(found: re.Pattern[str], pattern: str, flags: int) -> None:
    standard = re.compile(pattern, flags)
    assert found == standard  # the engine's code compared
    assert (found.pattern, found.flags, found.groups) == (
        standard.pattern,
        standard.flags,
        standard.groups,
    )
    assert found.groupindex == standard.groupindex
    for text in TEXTS:
        assert [m.span() for m in found.finditer(text)] == [
            m.span() for m in standard.finditer(text)
        ]
        assert [m.groups() for m in found.finditer(text)] == [
            m.groups() for m in standard.finditer(text)
        ]


def test_patterns_are_those_of_re_compile_first_and_when_kept(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pattern, flags in CASES:
        _same(patterns.compiled(pattern, flags), pattern, flags)
    assert patterns.stats() == {"found": 0, "compiled": len(CASES)}
    assert patterns.save() == kept and kept.is_file()

    _new_process(monkeypatch)

    def no_parsing(*args: object) -> None:
        raise AssertionError("a kept pattern was parsed again")

    with monkeypatch.context() as inside:
        inside.setattr(patterns._parser, "parse", no_parsing)
        inside.setattr(re, "compile", no_parsing)
        found = [patterns.compiled(pattern, re.RegexFlag(flags)) for pattern, flags in CASES]
    for made, (pattern, flags) in zip(found, CASES, strict=True):
        _same(made, pattern, flags)
    assert patterns.stats() == {"found": len(CASES), "compiled": 0}
    assert patterns.save() is None  # nothing new: the file is not written again


def test_a_process_makes_each_pattern_once(kept: Path) -> None:
    first = patterns.compiled(r"\bbreaking\b", re.I)
    assert patterns.compiled(r"\bbreaking\b", re.I) is first
    assert patterns.compiled(r"\bbreaking\b") is not first


def test_new_patterns_are_added_to_those_kept(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compiled(r"one\d")
    patterns.save()
    _new_process(monkeypatch)
    patterns.compiled(r"two\d")
    assert patterns.stats() == {"found": 0, "compiled": 1}
    patterns.save()
    _new_process(monkeypatch)
    patterns.compiled(r"one\d")
    patterns.compiled(r"two\d")
    assert patterns.stats() == {"found": 2, "compiled": 0}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal data at all",
        marshal.dumps((patterns.FORMAT + 1, "?", {})),  # another layout
        marshal.dumps((patterns.FORMAT, "another interpreter", {})),
        marshal.dumps(["a", "list"]),
    ],
    ids=["empty", "garbage", "layout", "interpreter", "shape"],
)
def test_a_damaged_or_foreign_file_is_compiled_around_and_replaced(
    kept: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    kept.parent.mkdir(parents=True)
    kept.write_bytes(content)
    pattern, flags = CASES[0]
    _same(patterns.compiled(pattern, flags), pattern, flags)
    assert patterns.stats()["compiled"] == 1
    assert patterns.save() == kept
    _new_process(monkeypatch)
    patterns.compiled(pattern, flags)
    assert patterns.stats() == {"found": 1, "compiled": 0}


@pytest.mark.parametrize("field", [0, 1], ids=["layout", "interpreter"])
def test_patterns_kept_by_another_interpreter_or_layout_are_not_used(
    kept: Path, monkeypatch: pytest.MonkeyPatch, field: int
) -> None:
    pattern, flags = CASES[1]
    patterns.compiled(pattern, flags)
    patterns.save()
    stored = list(marshal.loads(kept.read_bytes()))
    stored[field] = stored[field] + (1 if field == 0 else " (another build)")
    kept.write_bytes(marshal.dumps(tuple(stored)))
    _new_process(monkeypatch)
    _same(patterns.compiled(pattern, flags), pattern, flags)
    assert patterns.stats() == {"found": 0, "compiled": 1}


def test_code_the_engine_refuses_is_compiled_afresh(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern, flags = CASES[0]
    patterns.compiled(pattern, flags)
    patterns.save()
    layout, interpreter, entries = marshal.loads(kept.read_bytes())
    entry = entries[(pattern, flags)]
    entries[(pattern, flags)] = (entry[0], [0, 1, 2], *entry[2:])  # not valid engine code
    kept.write_bytes(marshal.dumps((layout, interpreter, entries)))
    _new_process(monkeypatch)
    _same(patterns.compiled(pattern, flags), pattern, flags)
    assert patterns.stats() == {"found": 0, "compiled": 1}


def test_nothing_is_written_where_bytecode_is_not(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns.compiled(r"x+y")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert patterns.save() is None
    assert not kept.exists()


def test_a_place_that_cannot_be_written_is_no_error(
    kept: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("in the way")
    monkeypatch.setattr(patterns, "cache_file", lambda: blocked / "patterns.re")
    _same(patterns.compiled(r"x+y"), r"x+y", 0)
    assert patterns.save() is None
    assert blocked.read_text() == "in the way"


def test_bytes_patterns_are_compiled_as_re_does(kept: Path) -> None:
    found = patterns.compiled(rb"<w:p\b", 0)  # type: ignore[arg-type]
    assert found == re.compile(rb"<w:p\b")
    assert patterns.stats() == {"found": 0, "compiled": 0}


def test_a_command_run_keeps_the_patterns_for_the_next(tmp_path: Path) -> None:
    """End to end: ``briefer`` writes the compiled patterns where Python puts bytecode
    (here under PYTHONPYCACHEPREFIX), a later process takes them from there, and a
    run told not to write bytecode writes none."""
    article = tmp_path / "in" / "story.txt"
    article.parent.mkdir()
    article.write_text(
        "Council approves flood barrier\n\nBy Dana Whitlock\n\nMarch 3, 2025\n\n"
        "The city council approved a new flood barrier on Monday after a two-year "
        "review. The barrier will cost 40 million dollars, officials said.\n",
        encoding="utf-8",
    )
    prefix = tmp_path / "pycache"
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(prefix)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    quiet = {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path / "no")}
    make = [sys.executable, "-m", "briefer", "make", str(article.parent), "-q"]
    subprocess.run([*make, "-o", str(tmp_path / "quiet")], env=quiet, check=True)
    assert not list(tmp_path.rglob("patterns.*.re"))
    subprocess.run([*make, "-o", str(tmp_path / "out")], env=env, check=True)
    assert len(list(prefix.rglob("patterns.*.re"))) == 1
    ask = "import json, briefer.pipeline, briefer.patterns as p; print(json.dumps(p.stats()))"
    stats = subprocess.run(
        [sys.executable, "-c", ask], env=env, check=True, capture_output=True, text=True
    ).stdout
    found = json.loads(stats)
    assert found["found"] > 100 and found["compiled"] == 0, found

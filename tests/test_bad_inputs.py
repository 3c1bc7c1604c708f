"""Bad and hostile inputs, each with its documented outcome, through ``briefer make``.

One folder holds two good articles and every kind of bad file below; a single run of the
command must still write the brief, use what is usable, and skip the rest with a reason in
``brief.json``. Kinds that need a run of their own (everything unusable, too many files, an
unreadable file, limits given on the command line) have their own tests.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.errors import LimitExceeded
from briefer.models import BriefOptions
from briefer.pipeline import load_sources
from briefer.read import read_file

runner = CliRunner()
DATE = "2025-06-20"
SECRET = "KESTREL-7731-SECRET"  # what a file outside the input folder holds


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


# --- realistic articles (invented for this project) ----------------------------------------

_TOWNS = ("Kessling", "Varde", "Holmestad", "Brekkvik", "Sandnes Bay", "Lyngør", "Tofte")


def article(n: int, outlet: str = "Kessling Tidende", day: int = 17) -> str:
    """A complete scraped article, different for every ``n`` (so none is a duplicate)."""
    town = _TOWNS[n % len(_TOWNS)]
    cost = 40 + 3 * n
    return f"""{town} ferry terminal delayed by two years as costs climb to €{cost} million

By Ingrid Solheim {n}

June {day}, 2025

The harbour board in {town} voted on Monday to delay the new ferry terminal by two years, after
the latest estimate put its cost at €{cost} million.

Board chair Per Aasen said the old quay would be repaired so that the morning crossing to
the islands can keep running through the winter.

"We cannot ask islanders to wait on a broken pier while we argue about money," Aasen said at the
meeting, which ran for more than four hours.

The terminal was first approved in 2021 with a budget of €28 million, but steel and labour
prices have risen sharply since then.

Local traders warned that a longer delay would hurt the summer tourist season, when the
crossing carries up to {900 + n} passengers a day.

The regional transport agency is expected to decide on extra funding in September.

© {outlet} 2025
"""


GERMAN = """Fährterminal in Kessling verzögert sich um zwei Jahre

Von Jonas Becker

17. Juni 2025

Der Hafenrat von Kessling hat am Montag beschlossen, den Bau des neuen Fährterminals um zwei
Jahre zu verschieben, nachdem die Kosten auf 55 Millionen Euro gestiegen sind.

Der Vorsitzende Per Aasen sagte, der alte Kai werde repariert, damit die Morgenfähre zu den
Inseln auch im Winter fahren könne.

Händler warnten, dass eine längere Verzögerung der Sommersaison schaden werde.

Die regionale Verkehrsbehörde will im September über zusätzliche Mittel entscheiden.
"""

TABLE = "\n".join(f"{i:>3} | {i * 7:>5} | {i * 13 % 97:>4} | {'x' * (i % 5)}" for i in range(40))


# --- files that are hard to build ---------------------------------------------------------


def word_file(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_with_entity(secret_path: Path) -> bytes:
    """A Word file whose body declares an external entity pointing at ``secret_path``."""
    source = zipfile.ZipFile(io.BytesIO(word_file(article(11).split("\n\n"))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                head, _, body = data.partition(b"?>")
                doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>'
                data = head + b"?>" + doctype.encode() + body
                data = data.replace(b"Board chair", b"&xxe; Board chair", 1)
            target.writestr(info, data)
    return out.getvalue()


def zip_bomb(parts: int = 2, part_size: int = 2**30) -> bytes:
    """A real .docx zip bomb: a few KB whose parts inflate to ``parts`` × 1 GB of zeros.

    Built by hand so that nothing big is ever held or compressed: a deflate stream with a
    full flush after each MB resets its state, so every MB compresses to the same bytes.
    """
    block = 2**20
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = deflate.compress(bytes(block)) + deflate.flush(zlib.Z_FULL_FLUSH)
    stream = chunk * (part_size // block) + deflate.flush()
    crc = 0
    zeros = bytes(block)
    for _ in range(part_size // block):
        crc = zlib.crc32(zeros, crc)
    out = io.BytesIO()
    central = b""
    names = [b"[Content_Types].xml"] + [f"word/media/image{i}.bin".encode() for i in range(parts)]
    for index, name in enumerate(names):
        data, size, check = (
            (b"<Types/>", 8, zlib.crc32(b"<Types/>")) if index == 0 else (stream, part_size, crc)
        )
        method = 0 if index == 0 else 8
        offset = out.tell()
        fields = (20, 0, method, 0, 0, check, len(data), size, len(name))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + data)
        central += (
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset) + name
        )
    start = out.tell()
    out.write(central)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(central), start, 0)
    )
    return out.getvalue()


def deep_html(levels: int) -> bytes:
    text = "<p>" + article(12).replace("\n\n", "</p><p>") + "</p>"
    return f"<html><body>{'<div>' * levels}{text}{'</div>' * levels}</body></html>".encode()


def long_line(megabytes: int) -> bytes:
    rng = random.Random(7)
    sentences = [s.strip() + "." for s in article(13).replace("\n", " ").split(".") if s.strip()]
    out: list[str] = []
    size = 0
    while size < megabytes * 2**20:
        sentence = rng.choice(sentences)
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out).encode()


# --- the cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A bad file and its documented outcome: ``used`` as a source, or ``skipped`` (reason)."""

    name: str
    make: Callable[[Path], Any]  # writes the file(s) into the folder
    outcome: str  # "used" or "skipped"
    reason: str = ""  # a regex the skip reason must match
    files: tuple[str, ...] = ()  # the names that carry the outcome (default: name)


def write(name: str, data: bytes | str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return make


def symlink(name: str, target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).symlink_to(target(folder))

    return make


def fifo(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        os.mkfifo(folder / name)

    return make


def sparse(name: str, size: int) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        with (folder / name).open("wb") as handle:
            handle.truncate(size)  # a hole: nothing is written, the size is what it says

    return make


def _truncated_word(folder: Path) -> None:
    data = word_file(article(14).split("\n\n"))
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])


def _feed(folder: Path) -> None:
    items = [
        {"id": "a1", "title": "Terminal delay", "text": article(15), "published": "2025-06-17"},
        {"id": "a2", "title": "Photo gallery", "published": "2025-06-17"},
        {"id": "a3", "title": "Empty", "text": "   ", "published": "2025-06-17"},
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")


def _wrong_types(folder: Path) -> None:
    items = [
        {
            "text": article(16),
            "title": ["not", "a", "string"],
            "published": 20250617,
            "url": {"href": "https://example.org"},
            "author": 42,
            "id": 3.5,
        },
        {"text": 12345, "title": "Numbers are not text"},
    ]
    (folder / "wrong-types.json").write_text(json.dumps(items), encoding="utf-8")


def _mixed_endings(folder: Path) -> None:
    text = article(17)
    lines = text.split("\n")
    endings = ["\r\n", "\n", "\r"]
    mixed = "".join(line + endings[i % 3] for i, line in enumerate(lines))
    (folder / "mixed-endings.txt").write_bytes(mixed.encode("utf-8"))


def _controls(folder: Path) -> None:
    text = article(18).replace("harbour board", "harbour\x00 board", 1)
    text = text.replace("old quay", "old\x07 quay\x1b[31m", 1).replace("Local", "\x0cLocal", 1)
    (folder / "controls.txt").write_bytes(text.encode("utf-8"))


CASES = [
    Case("empty.txt", write("empty.txt", b""), "skipped", r"^empty file$"),
    Case("blank.md", write("blank.md", " \n\t\n   \r\n\n"), "skipped", r"^empty file$"),
    Case(
        "photo.txt",
        write("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF" + random.Random(1).randbytes(4000)),
        "skipped",
        r"^not text \(binary data\)$",
    ),
    Case(
        "archive.html",
        write("archive.html", b"\x1f\x8b\x08\x00" + random.Random(2).randbytes(4000)),
        "skipped",
        r"^not text \(binary data\)$",
    ),
    Case("truncated.docx", _truncated_word, "skipped", r"^corrupt Word file"),
    Case("corrupt.docx", write("corrupt.docx", b"PK\x03\x04" + bytes(300)), "skipped", "corrupt"),
    Case(
        "bomb.docx",
        lambda folder: (folder / "bomb.docx").write_bytes(zip_bomb()),
        "skipped",
        r"^Word file expands to 2048 MB, over the limit$",
    ),
    Case("old.doc", write("old.doc", b"\xd0\xcf\x11\xe0"), "skipped", r"old Word \.doc"),
    Case(
        "entity.docx",
        lambda folder: (folder / "entity.docx").write_bytes(
            word_with_entity(folder.parent / "secret.txt")
        ),
        "used",
    ),
    Case(
        "entity.html",
        lambda folder: (folder / "entity.html").write_text(
            f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM '
            f'"file://{folder.parent / "secret.txt"}">]><html><body><article><p>'
            + article(19).replace("\n\n", "</p><p>").replace("Board chair", "&xxe; Board chair")
            + "</p></article></body></html>",
            encoding="utf-8",
        ),
        "used",
    ),
    Case(
        "cp1252.txt",
        write(
            "cp1252.txt",
            article(20).replace("€", "EUR ").encode("cp1252")
            + "Café owners said “enough”.\n".encode("cp1252"),
        ),
        "used",
    ),
    Case("utf16-bom.txt", write("utf16-bom.txt", article(21).encode("utf-16")), "used"),
    Case("utf16-le.txt", write("utf16-le.txt", article(22).encode("utf-16-le")), "used"),
    Case("utf16-be.txt", write("utf16-be.txt", article(23).encode("utf-16-be")), "used"),
    Case("mixed-endings.txt", _mixed_endings, "used"),
    Case("controls.txt", _controls, "used"),
    Case("zero-filled.txt", write("zero-filled.txt", article(24).encode() + bytes(4096)), "used"),
    Case(
        "scripts.html",
        write(
            "scripts.html",
            "<html><head><script>var ads = 1;</script></head><body><script>track()</script>"
            "<style>p { color: red }</style><noscript>Enable JavaScript</noscript></body></html>",
        ),
        "skipped",
        r"^no article sentences found after cleaning$",  # trafilatura keeps <noscript> text
    ),
    Case("deep.html", write("deep.html", deep_html(10_000)), "skipped", r"nested more than 255"),
    Case(
        "broken.json",
        write("broken.json", '{"items": [{"text": "unclosed'),
        "skipped",
        r"^malformed JSON: line 1 column \d+",
    ),
    Case(
        "nested.json",
        write("nested.json", "[" * 100_000 + "]" * 100_000),
        "skipped",
        r"nested too deeply",
    ),
    Case("wrong-types.json", _wrong_types, "used"),
    Case(
        "wrong-types.json#2",
        lambda folder: None,
        "skipped",
        r"^feed item 2 has no text$",
        ("wrong-types.json",),
    ),
    Case("feed.jsonl", _feed, "used"),
    Case(
        "feed.jsonl#a2",
        lambda folder: None,
        "skipped",
        r"^feed item a2 has no text$",
        ("feed.jsonl",),
    ),
    Case(
        "outside.txt",
        symlink("outside.txt", lambda folder: folder.parent / "secret.txt"),
        "skipped",
        r"^symlink points outside the input folder$",
    ),
    Case(
        "loop.txt",
        symlink("loop.txt", lambda folder: folder / "loop.txt"),
        "skipped",
        r"^symlink loop$",
    ),
    Case(
        "dangling.txt",
        symlink("dangling.txt", lambda folder: folder / "gone.txt"),
        "skipped",
        r"^broken symlink",
    ),
    Case("pipe.txt", fifo("pipe.txt"), "skipped", r"^not a regular file"),
    Case(
        "huge.txt",
        sparse("huge.txt", 200 * 2**20),
        "skipped",
        r"^file is 200 MB, over the 50 MB limit$",
    ),
    Case("long-line.txt", write("long-line.txt", long_line(10)), "used"),
    Case("weekly report (3).txt", write("weekly report (3).txt", article(25)), "used"),
    Case("line\nbreak.txt", write("line\nbreak.txt", article(26)), "used"),
    Case("empty\nname.txt", write("empty\nname.txt", b""), "skipped", r"^empty file$"),
    Case("Østfold–nyheter_日本.md", write("Østfold–nyheter_日本.md", article(27)), "used"),
    Case(
        "copy of a.txt", write("copy of a.txt", article(1)), "skipped", r"^same article as a\.txt$"
    ),
    Case(
        "same-file.txt",
        symlink("same-file.txt", lambda folder: folder / "b.txt"),
        "skipped",
        r"^same file as b\.txt$",
    ),
    Case("bericht.txt", write("bericht.txt", GERMAN), "used"),
    Case(
        "table.txt",
        write("table.txt", TABLE),
        "skipped",
        r"^no article sentences found after cleaning$",
    ),
    Case(
        "notes.xyz", write("notes.xyz", "plain words"), "skipped", r"^unsupported file type \.xyz$"
    ),
]


@dataclass(frozen=True)
class Run:
    code: int
    output: str
    folder: Path
    out: Path
    brief: dict[str, Any]
    texts: str  # everything the run wrote, as text


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("hostile")
    (root / "secret.txt").write_text(f"{SECRET}\nroot:x:0:0:root:/root:/bin/bash\n")
    folder = root / "inputs"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1), encoding="utf-8")
    (folder / "b.txt").write_text(article(2, outlet="Coast Post", day=18), encoding="utf-8")
    for case in CASES:
        case.make(folder)
    out = root / "out"
    code, output = run("make", folder, "-o", out, "-f", "json", "-f", "md", "--date", DATE)
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8")) if code == 0 else {}
    texts = ""
    if code == 0:
        texts = "".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))
    return Run(code, output, folder, out, brief, texts)


def test_bad_files_never_cost_the_brief(hostile_run: Run) -> None:
    assert hostile_run.code == 0, hostile_run.output
    assert "Traceback" not in hostile_run.output
    assert hostile_run.brief["key_points"] and hostile_run.brief["chronology"]
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name.replace("\n", "\\n") for c in CASES])
def test_each_bad_file_has_its_documented_outcome(hostile_run: Run, case: Case) -> None:
    names = case.files or (case.name,)
    used = {s["file"] for s in hostile_run.brief["sources"]}
    skipped = [(s["file"], s["reason"]) for s in hostile_run.brief["skipped"]]
    for name in names:
        if case.outcome == "used":
            assert name in used, (name, skipped)
        else:
            reasons = [reason for file, reason in skipped if file == name]
            assert any(re.search(case.reason, r) for r in reasons), (name, reasons)


def test_no_file_outside_the_input_folder_is_ever_read(hostile_run: Run) -> None:
    # a symlink, a Word entity and an HTML entity all point at secret.txt beside the folder
    assert SECRET not in hostile_run.texts
    assert "root:x:0:0" not in hostile_run.texts
    assert SECRET not in hostile_run.output


def test_the_report_shows_control_characters_in_names_escaped(hostile_run: Run) -> None:
    assert "skipped empty\\nname.txt: empty file" in hostile_run.output
    assert "\nname.txt" not in hostile_run.output


def test_outputs_hold_no_control_characters(hostile_run: Run) -> None:
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", hostile_run.texts)


def test_text_survives_unusual_encodings(hostile_run: Run) -> None:
    titles = {s["file"]: s["title"] or "" for s in hostile_run.brief["sources"]}
    assert titles["utf16-le.txt"].startswith("Varde ferry terminal delayed")
    assert titles["utf16-be.txt"].startswith("Holmestad ferry terminal delayed")
    assert titles["utf16-bom.txt"].endswith("€103 million")
    assert "Café owners" in hostile_run.texts or "cp1252.txt" in titles


# --- runs of their own -----------------------------------------------------------------------


def test_every_source_unusable_exits_1_naming_files_and_keeps_the_old_brief(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "table.txt").write_text(TABLE, encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.md").write_bytes(b"yesterday's brief\n")

    code, output = run("make", folder, "-o", out, "-f", "md", "-f", "json")

    assert code == 1, output
    assert "no usable article" in output and "Nothing was written" in output
    for name in ("empty.txt", "photo.txt", "table.txt", "broken.json"):
        assert name in output
    assert sorted(p.name for p in out.iterdir()) == ["brief.md"]
    assert (out / "brief.md").read_bytes() == b"yesterday's brief\n"


def test_a_folder_of_nothing_but_hidden_files_exits_1(tmp_path: Path) -> None:
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    code, output = run("make", tmp_path, "-o", tmp_path / "out")
    assert code == 1, output
    assert "no usable article" in output
    assert not (tmp_path / "out").exists()


def test_ten_thousand_tiny_files_are_over_the_article_limit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i}.txt").write_text(f"note {i}", encoding="utf-8")
    out = tmp_path / "out"

    code, output = run("make", folder, "-o", out)

    assert code == 3, output
    assert "10000 files" in output and "--max-articles 10000" in output
    assert not out.exists()


def test_the_article_limit_is_configurable(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(article(i), encoding="utf-8")
    code, output = run("make", tmp_path, "-o", tmp_path / "out", "--max-articles", "3")
    assert code == 3, output
    assert not (tmp_path / "out").exists()
    code, output = run("make", tmp_path, "-o", tmp_path / "out", "--max-articles", "4", "-f", "md")
    assert code == 0, output
    assert "4 sources used" in output


def test_a_feed_of_too_many_items_is_over_the_article_limit(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    feed.write_text(
        "\n".join(json.dumps({"id": i, "text": article(i)}) for i in range(30)), encoding="utf-8"
    )
    with pytest.raises(LimitExceeded, match="30 articles"):
        load_sources([feed], BriefOptions(max_articles=20))


def test_the_file_size_limit_is_configurable(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1), encoding="utf-8")
    (folder / "b.txt").write_text(article(2) + "\n" + "More words follow here. " * 200)

    out = tmp_path / "out"
    code, output = run("make", folder, "-o", out, "-f", "json", "--max-file-mb", "0.002")

    assert code == 0, output
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in brief["sources"]] == ["a.txt"]
    assert re.fullmatch(r"file is \d KB, over the 2 KB limit", brief["skipped"][0]["reason"])


def test_a_200_mb_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 2**20)
    tracemalloc.start()
    try:
        with pytest.raises(Exception, match="over the 50 MB limit"):
            read_file(path, path.name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**20  # read nothing of it


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_skipped_with_the_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1), encoding="utf-8")
    locked = folder / "locked.txt"
    locked.write_text(article(2), encoding="utf-8")
    locked.chmod(0)
    try:
        code, output = run("make", folder, "-o", tmp_path / "out", "-f", "json")
    finally:
        locked.chmod(0o644)
    assert code == 0, output
    assert "skipped locked.txt: cannot read file: Permission denied" in output


def test_a_file_that_cannot_be_opened_is_skipped_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # what a permission problem looks like even when the tests run as root
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1), encoding="utf-8")
    (folder / "locked.txt").write_text(article(2), encoding="utf-8")
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    code, output = run("make", folder, "-o", tmp_path / "out", "-f", "json")

    assert code == 0, output
    assert "skipped locked.txt: cannot read file: Permission denied" in output
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in brief["sources"]] == ["a.txt"]


def test_an_input_given_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article(1), encoding="utf-8")
    code, output = run("make", path, path, tmp_path, "-o", tmp_path / "out", "-f", "json")
    assert code == 0, output
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert len(brief["sources"]) == 1
    assert {s["reason"] for s in brief["skipped"]} == {"same file as a.txt"}


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run("make", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert code == 2, output
    assert "no such file or folder" in output
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_is_a_file_exits_1_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    code, output = run("make", tmp_path / "a.txt", "-o", blocker, "-f", "md")
    assert code == 1, output
    assert f"Cannot write {blocker / 'brief.md'}" in output
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_long_article_is_cut_and_ranked_from_the_top(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(long_line(2))
    found = load_sources([path], BriefOptions(max_ranked_sentences=50))
    (source,) = found.sources
    assert sum(len(p) for p in source.paragraphs) < 50 * 200
    shutil.rmtree(tmp_path)


@pytest.mark.parametrize("command", ["timeline", "inspect"])
def test_every_command_refuses_too_many_files_cleanly(tmp_path: Path, command: str) -> None:
    for i in range(5_001):
        (tmp_path / f"{i}.txt").write_text("note", encoding="utf-8")
    code, output = run(command, tmp_path)
    assert code == 3, output
    assert "over the limit of 5000 articles" in output and "Traceback" not in output

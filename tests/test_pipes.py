"""Pipes: ``briefer make -`` reads a JSONL feed on stdin; ``-o -`` writes one format to stdout.

Only the requested output goes to stdout; the run report and log lines go to stderr. These
tests run the real command in a subprocess, so stdout and stderr are the process's own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from briefer.schemas import load_schema

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_FEED = ROOT / "inputs" / "ncna_feed.jsonl"

ITEMS = [
    {
        "id": "cms-88121",
        "title": "Council votes to close Eastgate library branch",
        "source": "Rivermouth Evening Post",
        "author": "Dana Frey",
        "published": "2025-06-03T18:40:00+01:00",
        "url": "https://eveningpost.example/news/eastgate-library",
        "text": (
            "Rivermouth city council voted 9 to 6 on Tuesday to close the Eastgate library "
            "branch at the end of September.\n\nThe council said the closure would save "
            "£410,000 a year as it tries to fill a £7.2 million hole in next year's budget.\n\n"
            "\"Eastgate is the only place many of our older residents can get online,\" said "
            "councillor Amir Shah, who voted against the plan.\n\nThe branch's 18,000 books will "
            "be moved to the central library, and a mobile library will visit Eastgate twice a "
            "week from October.\n\nShare this article\nAdvertisement"
        ),
    },
    {
        "id": "wire-5531",
        "headline": "Rivermouth to shut Eastgate library in budget squeeze",
        "outlet": "South Coast Wire",
        "date": "2025-06-04",
        "body": (
            "Rivermouth's Eastgate library will close at the end of September after the city "
            "council voted 9 to 6 on Tuesday to shut the branch.\n\nThe closure is expected to "
            "save £410,000 a year.\n\nA petition to keep the branch open gathered 3,400 "
            "signatures in two weeks, campaigners said.\n\nA mobile library will visit Eastgate "
            "twice a week from October, the council said."
        ),
    },
]


def feed_bytes() -> bytes:
    lines = [json.dumps(ITEMS[0]), "", "{not json at all", json.dumps({"id": "x"}),
             json.dumps(ITEMS[1], ensure_ascii=False)]  # fmt: skip
    return ("\n".join(lines) + "\n").encode("utf-8")


def briefer(*args: str, stdin: bytes = b"", cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "briefer", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_feed_on_stdin_json_on_stdout(tmp_path: Path) -> None:
    done = briefer("make", "-", "-o", "-", "-f", "json", "--date", "2025-06-05",
                   stdin=feed_bytes(), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    document = json.loads(done.stdout)  # stdout is exactly one JSON document
    jsonschema.validate(document, load_schema("brief"), cls=jsonschema.Draft202012Validator)
    assert [s["item"] for s in document["sources"]] == ["cms-88121", "wire-5531"]
    assert {s["file"] for s in document["sources"]} == {"stdin.jsonl"}
    assert any("410,000" in k["text"] for k in document["key_points"] + document["chronology"])
    report = done.stderr.decode()
    assert "2 sources used" in report and "skipped stdin.jsonl: line 3: malformed JSON" in report
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere


def test_markdown_is_the_default_on_stdout_and_logging_stays_on_stderr(tmp_path: Path) -> None:
    done = briefer("make", "-", "-o", "-", "-vv", "--date", "2025-06-05",
                   stdin=feed_bytes(), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    markdown = done.stdout.decode("utf-8")
    assert markdown.startswith("# ")
    assert "## Key points" in markdown and "briefer:" not in markdown
    assert "briefer: DEBUG" in done.stderr.decode() or "briefer: INFO" in done.stderr.decode()
    assert list(tmp_path.iterdir()) == []


def test_stdin_gives_the_same_brief_as_the_file(tmp_path: Path) -> None:
    piped = briefer("make", "-", "-o", "-", "--date", "2025-03-12", "-q",
                    stdin=SAMPLE_FEED.read_bytes(), cwd=tmp_path)  # fmt: skip
    named = briefer("make", str(SAMPLE_FEED), "-o", "-", "--date", "2025-03-12", "-q",
                    cwd=tmp_path)  # fmt: skip
    assert piped.returncode == named.returncode == 0
    assert piped.stdout == named.stdout
    assert piped.stderr == named.stderr == b""


def test_stdin_mixes_with_files_and_folders(tmp_path: Path) -> None:
    done = briefer("make", str(ROOT / "inputs"), "-", "-o", "-", "-f", "json",
                   "--date", "2025-06-05", stdin=feed_bytes(), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    files = [s["file"] for s in json.loads(done.stdout)["sources"]]
    assert files.count("stdin.jsonl") == 2 and len(files) == 6


def test_stdout_takes_exactly_one_text_format(tmp_path: Path) -> None:
    for formats in (["-f", "md", "-f", "json"], ["-f", "docx"], ["-f", "pdf"]):
        done = briefer("make", str(SAMPLE_FEED), "-o", "-", *formats, cwd=tmp_path)
        assert done.returncode == 2
        assert done.stdout == b""
        assert b"exactly one of md, json" in done.stderr


def test_empty_or_useless_stdin_exits_1_with_nothing_on_stdout(tmp_path: Path) -> None:
    for stdin in (b"", b"\n\n{broken\n", b'{"id": "1", "text": "Share this\\nSubscribe"}\n'):
        done = briefer("make", "-", "-o", "-", stdin=stdin, cwd=tmp_path)
        assert done.returncode == 1, stdin
        assert done.stdout == b""
        assert b"Nothing was written" in done.stderr


def test_stdin_can_be_read_once(tmp_path: Path) -> None:
    done = briefer("make", "-", "-", "-o", "-", stdin=feed_bytes(), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"stdin" in done.stderr


def test_piped_feed_to_a_folder_writes_files(tmp_path: Path) -> None:
    done = briefer("make", "-", "-o", "out", "-f", "json", "-q",
                   stdin=feed_bytes(), cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b""
    assert json.loads((tmp_path / "out" / "brief.json").read_text("utf-8"))["sources"]


def test_the_quick_exit_flushes_what_was_buffered_and_keeps_the_status(tmp_path: Path) -> None:
    """``briefer`` ends without tearing down its heap (``cli._end``): what the streams still
    buffer must reach the reader, and the status must be what ``sys.exit`` would give."""
    script = (
        "import sys\n"
        "from briefer.cli import _end\n"
        "sys.stdout.write('x' * 100000)\n"
        "_end(sys.argv[1] if sys.argv[1] != 'none' else None)\n"
    )
    for code, status in (("none", 0), ("3", 1), ("stopped", 1)):
        done = subprocess.run(
            [sys.executable, "-c", script, code], capture_output=True, cwd=tmp_path
        )
        assert done.returncode == status, code
        assert done.stdout == b"x" * 100000
    assert b"stopped" in done.stderr
    for code, status in ((0, 0), (2, 2), (3, 3)):
        done = subprocess.run(
            [sys.executable, "-c", script.replace("sys.argv[1] if", f"{code} if"), "x"],
            capture_output=True,
            cwd=tmp_path,
        )
        assert done.returncode == status


def test_the_command_sets_its_collector_thresholds_the_library_does_not(tmp_path: Path) -> None:
    """``briefer`` collects garbage cycles less often (as mypy does); importing the library
    changes nothing for its caller."""
    probe = (
        "import gc, sys\n"
        "before = gc.get_threshold()\n"
        "import briefer, briefer.pipeline\n"
        "assert gc.get_threshold() == before, gc.get_threshold()\n"
        "from briefer import cli\n"
        "cli.app = lambda: print(gc.get_threshold())\n"
        "cli.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "(200000, 30, 30)"

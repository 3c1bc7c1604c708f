"""The Python API: ``from briefer import make_brief, BriefOptions`` and a Brief that renders."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import briefer
from briefer import Brief, BriefOptions, NoUsableInput, make_brief

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
DAY = dt.date(2025, 3, 12)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return make_brief(SAMPLE, BriefOptions(today=DAY))


def test_import_briefer_loads_nothing_heavy_and_prints_nothing() -> None:
    code = (
        "import sys, briefer\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'numpy', 'sumy', 'docx', 'trafilatura', 'lxml', 'jinja2', 'typer'} "
        "or m.startswith('briefer.'))\n"
        "print(heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout == "[]\n"
    assert done.stderr == ""


def test_public_names_are_exported_and_listed() -> None:
    for name in briefer.__all__:
        assert getattr(briefer, name) is not None
    assert briefer.make_brief.__module__ == "briefer.pipeline"
    assert {"make_brief", "BriefOptions", "Brief"} <= set(dir(briefer))
    with pytest.raises(AttributeError, match="no_such_thing"):
        briefer.no_such_thing  # noqa: B018


def test_package_is_typed() -> None:
    assert (Path(briefer.__file__).parent / "py.typed").is_file()


def test_a_single_path_string_is_one_input(brief: Brief) -> None:
    again = make_brief(str(SAMPLE), BriefOptions(today=DAY))
    assert again == brief
    assert len(brief.sources) == 4


def test_brief_renders_markdown_json_and_word(brief: Brief) -> None:
    markdown = brief.to_markdown()
    assert markdown.startswith(f"# {brief.title}\n")
    assert "Brief generated 2025-03-12 from 4 sources" in markdown
    document = json.loads(brief.to_json())
    assert document["title"] == brief.title
    assert [s["id"] for s in document["sources"]] == ["S1", "S2", "S3", "S4"]
    word = zipfile.ZipFile(io.BytesIO(brief.to_docx()))
    assert "word/document.xml" in word.namelist()
    assert brief.title.split()[0].encode() in word.read("word/document.xml")


def test_save_writes_the_same_bytes_as_the_cli(brief: Brief, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefer.cli import app

    written = brief.save(tmp_path / "api", ["md", "json"])
    assert [p.name for p in written] == ["brief.md", "brief.json"]
    result = CliRunner().invoke(
        app, ["make", str(SAMPLE), "-o", str(tmp_path / "cli"), "-f", "md", "-f", "json",
              "--date", "2025-03-12", "-q"]
    )
    assert result.exit_code == 0, result.output
    for name in ("brief.md", "brief.json"):
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()


def test_no_usable_input_is_an_exception_not_an_exit(tmp_path: Path) -> None:
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (junk / "empty.md").write_text("")
    with pytest.raises(NoUsableInput, match=r"photo\.txt"):
        make_brief(junk)
    with pytest.raises(briefer.BrieferError):
        make_brief([junk])


def test_save_rejects_an_unknown_format(brief: Brief, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format 'rtf'"):
        brief.save(tmp_path, ["md", "rtf"])
    assert not (tmp_path / "brief.md").exists()  # nothing is written when one format fails


def test_a_feed_of_short_wire_briefs_makes_a_brief(tmp_path: Path) -> None:
    """Content systems send two-sentence items, schema.org fields and Unix timestamps."""
    items = [
        {
            "@type": "NewsArticle",
            "headline": "Dutch dikes to be raised sooner",
            "articleBody": "The Dutch cabinet approved a 1.2 billion euro plan on Thursday to "
            "strengthen coastal dikes.\n\nWork will begin in Zeeland in 2026, the "
            "infrastructure ministry said.",
            "author": {"@type": "Person", "name": "Eva Mulder"},
            "datePublished": "2025-03-06T11:00:00Z",
            "publisher": {"@type": "Organization", "name": "Holland Post"},
        },
        {
            "title": "Dike plan wins support",
            "content": "<p>Water boards backed the national dike plan on Friday, saying they "
            "would pay a fifth of the cost.</p><p>The plan covers 40 kilometres of coast.</p>",
            "pubDate": "Fri, 07 Mar 2025 08:30:00 +0100",
            "source": "Coastal Wire",
        },
        {
            "title": "Sea level report",
            "text": "The KNMI institute said in January that sea levels could rise 1.2 metres "
            "by 2100. The report prompted the cabinet to act on the dikes.",
            "published_at": 1741255200,
            "site": "Science Desk",
        },
    ]
    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")

    brief = make_brief(feed, BriefOptions(today=dt.date(2025, 3, 10)))

    assert not brief.skipped
    assert [s.metadata.published for s in brief.sources] == [
        dt.date(2025, 3, 6),
        dt.date(2025, 3, 7),
        dt.date(2025, 3, 6),
    ]
    cited = {sid for item in (*brief.key_points, *brief.chronology) for sid in item.sources}
    assert cited == {"S1", "S2", "S3"}


_HARBOUR = """Quay wall at Port Elling gives way after week of storms

By Tomas Reyes

March 4, 2025

A forty-metre stretch of the old quay wall at Port Elling collapsed into the harbour on Monday
night, the port authority said.

No one was hurt, but two fishing boats moored alongside were damaged and the fish market was
closed while engineers inspect the rest of the wall.

The authority said repairs would cost at least 3.5 million and take until the autumn.
"""


def test_a_copy_with_other_punctuation_and_case_is_the_same_article(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(_HARBOUR, encoding="ascii")
    copy = _HARBOUR.replace(",", " ,").replace("said.", "said !").replace("Monday", "MONDAY")
    (tmp_path / "b.txt").write_text(copy, encoding="ascii")
    other = _HARBOUR.replace("two fishing boats", "three fishing boats")
    (tmp_path / "c.txt").write_text(other, encoding="ascii")

    brief = make_brief(tmp_path, BriefOptions(today=dt.date(2025, 3, 6)))

    assert [s.file for s in brief.sources] == ["a.txt", "c.txt"]
    assert [(s.file, s.reason) for s in brief.skipped] == [("b.txt", "same article as a.txt")]

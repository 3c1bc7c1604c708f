"""Finding input files and reading text, Markdown, Word and JSON feeds into RawArticles."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.errors import SkipFile
from briefer.models import Metadata, RawArticle, Skipped
from briefer.read import (
    MAX_WORD_EXPANDED_BYTES,
    ReadResult,
    discover,
    read_file,
    read_inputs,
)

TODAY = dt.date(2026, 2, 1)

SCRAPED = """Advertisement 728 x 90

Council votes to close Riverside bridge for repairs

By Anna Kowalczyk

12th Mar, 2024. 09:15 am

The city council voted on Monday to close the Riverside bridge for eight months.

Engineers found corrosion in two of the main cables during an inspection in January.
"""


def read_one(path: Path, data: bytes | str) -> RawArticle:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    result = read_file(path, path.name, today=TODAY)
    assert result.skipped == ()
    (article,) = result.articles
    return article


# --- text ------------------------------------------------------------------------------------


def test_text_file_keeps_its_lines_and_blank_lines(tmp_path: Path) -> None:
    article = read_one(tmp_path / "bridge.txt", SCRAPED)

    assert article.format == "text"
    assert not article.cleaned
    assert article.metadata.title is None and article.metadata.origin == {}
    assert article.lines[:3] == (
        "Advertisement 728 x 90",
        "",
        "Council votes to close Riverside bridge for repairs",
    )
    assert article.lines[-1].startswith("Engineers found corrosion")


def test_a_scrapers_header_block_is_metadata_and_its_fetch_time_is_not_a_date(
    tmp_path: Path,
) -> None:
    header = (
        "Title: Council votes to close Riverside bridge for repairs\n"
        "URL: https://www.cityledger.example/news/2024/03/12/riverside-bridge\n"
        "Author: Anna Kowalczyk\n"
        "Scraped: 2026-01-30 09:12:44\n\n"
    )
    article = read_one(tmp_path / "bridge.txt", header + SCRAPED)
    meta = article.metadata
    assert meta.title == "Council votes to close Riverside bridge for repairs"
    assert meta.url == "https://www.cityledger.example/news/2024/03/12/riverside-bridge"
    assert meta.author == "Anna Kowalczyk"
    assert meta.published is None  # the scrape time is not when it was published
    assert article.lines[0] == "Advertisement 728 x 90"  # the block is off the text
    assert not any(line.startswith(("Title:", "Scraped:")) for line in article.lines)


@pytest.mark.parametrize(
    "top",
    [
        "Note: the council meets again in April.\nUpdate: times changed.\n\n",  # unknown keys
        "Title: Council votes to close Riverside bridge\n\n",  # one line is a line of text
        "Author: Anna Kowalczyk\nDate: 12 March 2024\n\n",  # no title or address
    ],
)
def test_key_value_lines_that_are_not_a_scrapers_block_stay_text(tmp_path: Path, top: str) -> None:
    article = read_one(tmp_path / "bridge.txt", top + SCRAPED)
    assert article.metadata.origin == {}
    assert article.lines[0] == top.split("\n")[0]


def test_cp1252_punctuation_is_decoded(tmp_path: Path) -> None:
    text = "“It’s a clear risk,” the mayor said — repairs cost €4.2 million…\n"

    article = read_one(tmp_path / "quote.txt", text.encode("cp1252"))

    assert article.lines == (text.strip(),)


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    text = "Le maire a déclaré que le pont serait fermé à partir de lundi.\n"

    article = read_one(tmp_path / "pont.txt", text.encode("latin-1"))

    assert article.lines == (text.strip(),)


def test_latin1_bytes_undefined_in_cp1252_do_not_fail(tmp_path: Path) -> None:
    article = read_one(tmp_path / "odd.txt", b"Caf\xe9 \x81open again\n")

    assert article.lines == ("Café open again",)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_decide_the_encoding(tmp_path: Path, codec: str) -> None:
    text = "Zoë Müller reported “major delays” on the A4.\nSecond line.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data

    article = read_one(tmp_path / "bom.txt", data)

    assert article.lines == ("Zoë Müller reported “major delays” on the A4.", "Second line.")


def test_line_endings_controls_and_normal_form_are_tidied(tmp_path: Path) -> None:
    data = "Cafe\u0301 owners\x07 met\u00ad on\u200b Friday.\r\nSecond\tline\rThird\r\n"

    article = read_one(tmp_path / "messy.txt", data)

    assert article.lines == ("Café owners met on Friday.", "Second\tline", "Third")


def test_binary_data_with_a_text_name_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)

    with pytest.raises(SkipFile, match=r"^not text \(binary data\)$"):
        read_file(path, "photo.txt", today=TODAY)


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(bytes(range(1, 32)) * 40 + b"some words")

    with pytest.raises(SkipFile, match="binary"):
        read_file(path, "dump.txt", today=TODAY)


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n  \n", "\ufeff\n".encode()])
def test_empty_and_whitespace_only_files_are_skipped(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)

    with pytest.raises(SkipFile, match=r"^empty file$"):
        read_file(path, "blank.txt", today=TODAY)


def test_files_over_the_size_limit_are_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 3 * 2**20)

    with pytest.raises(SkipFile, match=r"^file is 15 MB, over the 10 MB limit$"):
        read_file(path, "huge.txt", max_bytes=10 * 2**20)


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    with pytest.raises(SkipFile, match="cannot read file"):
        read_file(tmp_path / "gone.txt", "gone.txt")


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_syntax_is_stripped_and_text_kept(tmp_path: Path) -> None:
    source = """# Council votes to close Riverside bridge

> **Update:** the vote was *unanimous*.

- Closure starts on [Monday](https://city.example/notice "notice") for __eight__ months
* Buses will use the `Mill Road` detour
![A rusted cable](img/cable.jpg)

The snake_case_name and 5 * 3 * 2 stay as they are, and so does 2*x*y.

---
Tags: \\*transport\\*
"""
    article = read_one(tmp_path / "bridge.md", source)

    assert article.format == "markdown"
    assert article.lines == (
        "Council votes to close Riverside bridge",
        "",
        "Update: the vote was unanimous.",
        "",
        "Closure starts on Monday for eight months",
        "Buses will use the Mill Road detour",
        "",
        "",
        "The snake_case_name and 5 * 3 * 2 stay as they are, and so does 2*x*y.",
        "",
        "",
        "Tags: *transport*",
    )


def test_markdown_front_matter_becomes_metadata(tmp_path: Path) -> None:
    source = """---
title: "Council votes to close Riverside bridge"
source: "https://news.example/riverside-bridge"
author:
  - "[[Anna Kowalczyk]]"
published: 2024-03-12
created: 2026-01-30
tags:
  - "clippings"
---
The city council voted on Monday to close the Riverside bridge.
"""
    article = read_one(tmp_path / "clip.md", source)

    assert article.lines == ("The city council voted on Monday to close the Riverside bridge.",)
    meta = article.metadata
    assert meta.title == "Council votes to close Riverside bridge"
    assert meta.author == "Anna Kowalczyk"
    assert meta.published == dt.date(2024, 3, 12)  # not the clipping date
    assert meta.url == "https://news.example/riverside-bridge"
    assert meta.origin["published"] == "front matter 'published'"


def test_a_leading_rule_that_is_not_front_matter_is_kept_as_text(tmp_path: Path) -> None:
    source = "---\nThe council met on Monday. It voted to close the bridge.\n---\nMore text.\n"

    article = read_one(tmp_path / "rule.md", source)

    assert "The council met on Monday. It voted to close the bridge." in article.lines
    assert article.metadata.origin == {}


# --- Word ------------------------------------------------------------------------------------


def word_file(
    path: Path,
    paragraphs: list[str],
    *,
    table: list[list[str]] | None = None,
    after_table: str | None = None,
    title: str | None = None,
    author: str | None = None,
    created: dt.datetime | None = None,
) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    if after_table:
        document.add_paragraph(after_table)
    if title is not None:
        document.core_properties.title = title
    if author is not None:
        document.core_properties.author = author
    if created is not None:
        document.core_properties.created = created
    document.save(str(path))
    return path


def test_word_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    path = word_file(
        tmp_path / "bridge.docx",
        ["Council votes to close Riverside bridge", "", "The vote was 9 to 2.\nIt was held late."],
        table=[["Lane", "Reopens"], ["North", "May 2024"]],
        after_table="Engineers will report in April.",
    )

    article = read_one(path, path.read_bytes())

    assert article.format == "docx"
    assert not article.cleaned
    assert article.lines == (
        "Council votes to close Riverside bridge",
        "",
        "The vote was 9 to 2.",
        "It was held late.",
        "",
        "Lane",
        "",
        "Reopens",
        "",
        "North",
        "",
        "May 2024",
        "",
        "Engineers will report in April.",
    )


def test_merged_table_cells_are_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    grid = document.add_table(rows=1, cols=3)
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "Closure period"
    grid.cell(0, 2).text = "eight months"
    path = tmp_path / "merged.docx"
    document.save(str(path))

    article = read_one(path, path.read_bytes())

    assert article.lines == ("Closure period", "", "eight months")


def test_real_word_properties_are_only_a_fallback(tmp_path: Path) -> None:
    path = word_file(
        tmp_path / "props.docx",
        ["The council voted on Monday."],
        title="Riverside bridge to close",
        author="Anna Kowalczyk",
        created=dt.datetime(2024, 3, 12, 9, 15, tzinfo=dt.UTC),
    )

    article = read_one(path, path.read_bytes())
    meta = article.fallback

    # who saved the file and when is no match for what the article's text says
    assert article.metadata == Metadata()
    assert (meta.title, meta.author, meta.published) == (
        "Riverside bridge to close",
        "Anna Kowalczyk",
        dt.date(2024, 3, 12),
    )
    assert meta.origin == {
        "title": "Word property 'title'",
        "author": "Word property 'author'",
        "published": "Word property 'created'",
    }


def test_template_and_tool_defaults_are_not_metadata(tmp_path: Path) -> None:
    defaults = word_file(tmp_path / "defaults.docx", ["Text."])  # python-docx's own defaults
    office = word_file(
        tmp_path / "office.docx",
        ["Text."],
        title="Microsoft Word - draft.doc",
        author="Microsoft Office User",
        created=dt.datetime(2031, 1, 1, tzinfo=dt.UTC),  # after today
    )

    for path in (defaults, office):
        meta = read_one(path, path.read_bytes()).fallback
        assert (meta.title, meta.author, meta.published) == (None, None, None)


def test_truncated_word_file_is_skipped(tmp_path: Path) -> None:
    whole = word_file(tmp_path / "whole.docx", ["The council voted on Monday."]).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])

    with pytest.raises(SkipFile, match=r"^corrupt Word file: "):
        read_file(path, path.name, today=TODAY)


def test_zip_that_is_not_a_word_document_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")

    with pytest.raises(SkipFile, match=r"^corrupt Word file: "):
        read_file(path, path.name, today=TODAY)


def test_well_formed_word_part_without_a_body_is_skipped(tmp_path: Path) -> None:
    genuine = word_file(tmp_path / "genuine.docx", ["The council voted on Monday."])
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(genuine) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "word/document.xml":
                content = (
                    b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
                    b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
                )
            target.writestr(entry, content)

    with pytest.raises(SkipFile, match=r"^corrupt Word file: "):
        read_file(path, path.name, today=TODAY)


def test_old_word_format_is_named(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))

    with pytest.raises(SkipFile, match=r"old \.doc"):
        read_file(path, path.name, today=TODAY)


def test_word_zip_bomb_is_refused_before_opening(tmp_path: Path) -> None:
    genuine = word_file(tmp_path / "genuine.docx", ["The council voted on Monday."])
    buffer = io.BytesIO(genuine.read_bytes())
    megabyte = bytes(2**20)
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/padding.bin", "w") as padding,
    ):
        for _ in range(MAX_WORD_EXPANDED_BYTES // 2**20 + 10):
            padding.write(megabyte)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2**20  # small on disk, huge when expanded

    with pytest.raises(SkipFile, match=r"^Word file expands to 6\d MB, over the limit$"):
        read_file(path, path.name, today=TODAY)


# --- JSON feeds ------------------------------------------------------------------------------

ITEM = {
    "id": "cr-1042",
    "title": "Riverside bridge to close for repairs",
    "text": "The city council voted on Monday to close the bridge.\n\nEngineers found corrosion.",
    "published": "2024-03-12T09:15:00+01:00",
    "url": "https://news.example/riverside",
    "source": "City Review",
    "byline": "By Anna Kowalczyk",
}


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_single_json_item(tmp_path: Path) -> None:
    article = read_one(tmp_path / "item.json", json.dumps(ITEM))

    assert article.format == "json"
    assert article.item == "cr-1042"
    assert article.file == "item.json"
    assert not article.cleaned
    assert article.lines == (
        "The city council voted on Monday to close the bridge.",
        "",
        "Engineers found corrosion.",
    )
    meta = article.metadata
    assert meta.title == "Riverside bridge to close for repairs"
    assert meta.published == dt.date(2024, 3, 12)
    assert meta.url == "https://news.example/riverside"
    assert meta.outlet == "City Review"
    assert meta.author == "Anna Kowalczyk"
    assert meta.origin == {
        "title": "feed field 'title'",
        "published": "feed field 'published'",
        "url": "feed field 'url'",
        "outlet": "feed field 'source'",
        "author": "feed field 'byline'",
    }


def test_json_list_and_wrapped_list(tmp_path: Path) -> None:
    second = {
        "title": "Second",
        "body": "Buses will use the Mill Road detour.",
        "date": "Tue, 12 Mar 2024 10:00:00 +0000",
    }
    listed = write_json(tmp_path / "list.json", [ITEM, second])
    wrapped = write_json(tmp_path / "wrapped.json", {"status": "ok", "articles": [ITEM, second]})

    for path in (listed, wrapped):
        result = read_file(path, path.name, today=TODAY)
        assert [a.item for a in result.articles] == ["cr-1042", "2"]
        assert result.articles[1].lines == ("Buses will use the Mill Road detour.",)
        assert result.articles[1].metadata.published == dt.date(2024, 3, 12)
        assert result.skipped == ()


def test_news_api_and_wordpress_shapes(tmp_path: Path) -> None:
    news_api = {
        "source": {"id": None, "name": "City Review"},
        "author": None,
        "title": "Bridge closes",
        "publishedAt": "2024-03-12T08:00:00Z",
        "content": "The bridge closed on Monday.",
    }
    wordpress = {
        "id": 88,
        "date": "2024-03-13T10:00:00",
        "title": {"rendered": "Detour <em>opens</em>"},
        "content": {"rendered": "<p>The detour opened.</p>\n<p>Traffic was light.</p>"},
    }
    path = write_json(tmp_path / "mixed.json", [news_api, wordpress])

    first, second = read_file(path, path.name, today=TODAY).articles

    assert first.metadata.outlet == "City Review"
    assert first.metadata.published == dt.date(2024, 3, 12)
    assert second.item == "88"
    assert second.metadata.title == "Detour opens"
    assert second.lines == ("The detour opened.", "", "Traffic was light.")


def test_html_in_feed_text_is_extracted(tmp_path: Path) -> None:
    item = {
        **ITEM,
        "text": "<p>The council voted <strong>9 to 2</strong>.</p><p>Work starts "
        "in May.</p><div class='ad'><script>ads()</script></div>",
    }

    article = read_one(tmp_path / "html.json", json.dumps(item))

    assert article.lines == ("The council voted 9 to 2.", "", "Work starts in May.")


def test_malformed_json_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "title": "Bridge",\n  "text": "x",,\n}\n', encoding="utf-8")

    with pytest.raises(SkipFile, match=r"^malformed JSON: line 3 column 15 "):
        read_file(path, path.name, today=TODAY)


def test_json_nested_too_deeply_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")

    with pytest.raises(SkipFile, match="malformed JSON"):
        read_file(path, path.name, today=TODAY)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ({"status": "ok", "total": 3}, "not a feed"),
        (42, "not a feed"),
        ([], "feed has no items"),
        ({"articles": []}, "feed has no items"),
    ],
)
def test_json_that_is_not_a_feed(tmp_path: Path, value: object, reason: str) -> None:
    path = write_json(tmp_path / "other.json", value)

    with pytest.raises(SkipFile, match=reason):
        read_file(path, path.name, today=TODAY)


def test_jsonl_bad_line_and_item_without_text_skip_only_themselves(tmp_path: Path) -> None:
    lines = [
        json.dumps(ITEM),
        '{"id": "cr-1043", "title": "Broken", "text": "unterminated}',
        "",
        json.dumps({"id": "cr-1044", "title": "Photo gallery", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "Last", "body": "Buses use the detour."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = read_file(path, path.name, today=TODAY)

    assert [(a.item, a.format) for a in result.articles] == [("cr-1042", "jsonl"), ("5", "jsonl")]
    assert [s.file for s in result.skipped] == ["feed.jsonl"] * 3
    reasons = [s.reason for s in result.skipped]
    assert reasons[0].startswith("line 2: malformed JSON")
    assert reasons[1:] == ["feed item cr-1044 has no text", "feed item 4 is not an object"]


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        (1741255200, dt.date(2025, 3, 6)),  # seconds
        (1741255200000, dt.date(2025, 3, 6)),  # milliseconds
        (1741255200.5, dt.date(2025, 3, 6)),
        (4102444800, None),  # 2100: after the run date
        (-86400, None),  # 1969
    ],
)
def test_a_unix_timestamp_is_a_publication_date(
    tmp_path: Path, stamp: float, day: dt.date | None
) -> None:
    item = {
        "title": "Dikes to be raised",
        "text": "The cabinet approved the plan.",
        "published_at": stamp,
    }
    article = read_one(tmp_path / "stamp.jsonl", json.dumps(item) + "\n")
    assert article.metadata.published == day


def test_wrong_field_types_are_ignored_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    item = {
        "id": {"nested": True},
        "title": 404,
        "text": ["The bridge closed.", "Buses use the detour."],
        "published": True,
        "date": "2024-03-12",
        "url": "not a url",
        "source": ["City", 7],
        "author": {"name": "Anna Kowalczyk"},
    }

    article = read_one(tmp_path / "types.ndjson", json.dumps(item) + "\n")

    assert article.item == "1"
    assert article.lines == ("The bridge closed.", "", "Buses use the detour.")
    meta = article.metadata
    assert (meta.title, meta.url, meta.outlet) == (None, None, None)
    assert meta.published == dt.date(2024, 3, 12)
    assert meta.origin["published"] == "feed field 'date'"
    assert meta.author == "Anna Kowalczyk"
    assert "ignoring feed field 'published'" in caplog.text


def test_future_feed_date_is_ignored(tmp_path: Path) -> None:
    article = read_one(tmp_path / "f.json", json.dumps({**ITEM, "published": "2030-01-01"}))

    assert article.metadata.published is None


# --- discovering files -----------------------------------------------------------------------


def make_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_discover_walks_folders_in_natural_order_with_relative_names(tmp_path: Path) -> None:
    make_tree(
        tmp_path / "story",
        {
            "10-late.txt": "x",
            "2-early.md": "x",
            "b/feed.jsonl": "x",
            "B-notes.TXT": "x",
            "a/page.html": "x",
            "a/c/deep.docx": "x",
        },
    )
    single = tmp_path / "extra.json"
    single.write_text("{}", encoding="utf-8")

    found, skipped = discover([tmp_path / "story", single])

    assert [name for _, name in found] == [
        "2-early.md",
        "10-late.txt",
        "a/c/deep.docx",
        "a/page.html",
        "b/feed.jsonl",
        "B-notes.TXT",
        "extra.json",
    ]
    assert found[0][0] == tmp_path / "story" / "2-early.md"
    assert skipped == []


def test_discover_passes_over_hidden_and_system_files(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        {
            ".DS_Store": "x",
            ".git/HEAD.txt": "x",
            ".drafts/old.txt": "x",
            "~$report.docx": "x",
            "Thumbs.db": "x",
            "article.txt": "x",
        },
    )

    found, skipped = discover([tmp_path])

    assert [name for _, name in found] == ["article.txt"]
    assert skipped == []


def test_discover_reports_unsupported_types(tmp_path: Path) -> None:
    make_tree(tmp_path, {"data.xyz": "x", "old.DOC": "x", "README": "x", "ok.txt": "x"})

    found, skipped = discover([tmp_path])

    assert [name for _, name in found] == ["ok.txt"]
    assert skipped == [
        Skipped("data.xyz", "unsupported file type .xyz"),
        Skipped("old.DOC", "old Word .doc files are not supported (save it as .docx)"),
        Skipped("README", "unsupported file type (none)"),
    ]


def test_discover_reports_links_outside_loops_broken_and_duplicates(tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("secret", encoding="utf-8")
    story = tmp_path / "story"
    make_tree(story, {"a.txt": "x", "sub/b.txt": "y"})
    os.symlink(outside, story / "leak.txt")
    os.symlink(story / "loop1.txt", story / "loop2.txt")
    os.symlink(story / "loop2.txt", story / "loop1.txt")
    os.symlink(story / "missing.txt", story / "broken.txt")
    os.symlink(story / "a.txt", story / "z-alias.txt")
    os.symlink(story / "sub", story / "sub-link")  # symlinked folders are not followed

    found, skipped = discover([story])

    assert [name for _, name in found] == ["a.txt", "sub/b.txt"]
    assert sorted(skipped, key=lambda s: s.file) == [
        Skipped("broken.txt", "broken symlink (its target does not exist)"),
        Skipped("leak.txt", "symlink points outside the input folder"),
        Skipped("loop1.txt", "symlink loop"),
        Skipped("loop2.txt", "symlink loop"),
        Skipped("z-alias.txt", "same file as a.txt"),
    ]


def test_discover_raises_for_a_missing_input(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"input not found: .*nowhere"):
        discover([tmp_path / "nowhere"])


def test_read_inputs_reads_what_it_can_and_reports_the_rest(tmp_path: Path) -> None:
    make_tree(tmp_path, {"bridge.txt": SCRAPED, "empty.txt": "", "notes.xyz": "x"})
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    lines = [json.dumps(ITEM), json.dumps({"id": "cr-9", "title": "No text"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")

    result = read_inputs([tmp_path], today=TODAY)

    assert isinstance(result, ReadResult)
    assert [(a.file, a.item) for a in result.articles] == [
        ("bridge.txt", None),
        ("feed.jsonl", "cr-1042"),
    ]
    assert sorted(result.skipped, key=lambda s: s.file) == [
        Skipped("empty.txt", "empty file"),
        Skipped("feed.jsonl", "feed item cr-9 has no text"),
        Skipped("notes.xyz", "unsupported file type .xyz"),
        Skipped("photo.txt", "not text (binary data)"),
    ]


# --- no input crashes the reader ------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=2000).map(lambda text: text.encode("utf-8")),
        st.text(max_size=300).map(lambda text: text.encode("utf-16")),
    ),
    suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl", ".html", ".docx"]),
)
def test_any_bytes_give_tidy_articles_or_a_reason(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            result = read_file(path, path.name, today=TODAY)
        except SkipFile as skip:
            assert skip.reason
            return
    for article in result.articles:
        assert any(line.strip() for line in article.lines)
        for line in article.lines:
            assert "\r" not in line and "\n" not in line and "\x00" not in line
    assert all(skipped.reason for skipped in result.skipped)


@pytest.mark.parametrize(
    ("text", "tidy"),
    [
        ("Line one\r\nline two\rline three", "Line one\nline two\nline three"),
        ("Page\x0cbreak and a\x0bvertical tab", "Page\nbreak and a\nvertical tab"),
        ("Bell\x07 and escape\x1b[31m, delete\x7f\x00", "Bell and escape[31m, delete"),
        ("Plain ASCII, tabs\tand\nnewlines kept.", "Plain ASCII, tabs\tand\nnewlines kept."),
    ],
)
def test_tidy_text_cleans_ascii_text_as_any_other(text: str, tidy: str) -> None:
    # ASCII text takes a shortcut when it holds nothing to change; a control character
    # anywhere must still send it through the whole tidying
    from briefer.read import tidy_text

    assert tidy_text(text) == tidy
    assert tidy_text(text + " café") == tidy + " café"

"""Property-based tests: arbitrary bytes, text and Unicode never crash the readers, the
cleaner, the splitter or the renderers, and every Word brief opens again with python-docx.

The number of examples comes from the Hypothesis profile (``tests/conftest.py``): bounded
in CI, larger with ``HYPOTHESIS_PROFILE=dev`` or ``thorough``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import tempfile
from pathlib import Path

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.clean import clean_article
from briefer.docx_render import render_docx
from briefer.errors import SkipFile
from briefer.html import extract_html
from briefer.models import Brief, Item, Metadata, RawArticle, Skipped, Source, When
from briefer.read import decode_text, read_file
from briefer.render import clean_text, render_json, render_markdown
from briefer.split import sentence_spans, split_sentences

TODAY = dt.date(2025, 6, 20)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# text with everything a hostile or broken file holds: any code point (surrogates too),
# control characters, odd spaces and line breaks, right-to-left marks, combining marks
ANY_TEXT = st.text(st.characters(codec=None), max_size=400)
WORDY = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "The",
                "board",
                "said",
                "on",
                "Monday",
                "Mr.",
                "U.S.",
                "€2.3m",
                "“quoted”",
                "—",
                "e.g.",
                "12.5%",
                "...",
                "?!",
                "\u200b",
                "\u202e",
                "\r\n",
                "\n\n",
                "\t",
                "日本語。",
                "Ørsta",
                "ﬁnal",
                "e\u0301",
                "<p>",
                "&amp;",
                "**bold**",
                "# head",
                "> quote",
            ]
        ),
        st.text(max_size=12),
    ),
    max_size=80,
).map(" ".join)
TEXTS = st.one_of(ANY_TEXT, WORDY)


# --- readers ------------------------------------------------------------------------------------


@given(
    text=TEXTS,
    codec=st.sampled_from(
        ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]
    ),
    suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]),
)
def test_readers_take_any_text_in_any_encoding(text: str, codec: str, suffix: str) -> None:
    data = text.encode(codec, errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            result = read_file(path, path.name, today=TODAY)
        except SkipFile as skip:
            assert skip.reason
            return
    for article in result.articles:
        for line in article.lines:
            assert "\n" not in line and "\r" not in line and "\x00" not in line


@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_tidy_text_or_a_reason(data: bytes) -> None:
    try:
        text = decode_text(data)
    except SkipFile as skip:
        assert skip.reason == "not text (binary data)"
        return
    assert "\r" not in text and "\x00" not in text


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "text",
                    "title",
                    "published",
                    "url",
                    "author",
                    "id",
                    "items",
                    "body",
                    "content",
                    "outlet",
                ]
            )
            | st.text(max_size=5),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@given(JSON)
def test_any_json_is_a_feed_or_a_reason(value: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, data in (("feed.json", json.dumps(value)), ("feed.jsonl", json.dumps(value))):
            path = Path(folder) / name
            path.write_text(data, encoding="utf-8")
            try:
                result = read_file(path, name, today=TODAY)
            except SkipFile as skip:
                assert skip.reason
                continue
            assert all(s.reason for s in result.skipped)


TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<br>",
        "<article>",
        "<h1>",
        "</h1>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<meta charset='utf-16'>",
        "<table><tr><td>",
        "&nbsp;",
        "&#0;",
        "<?xml version='1.0'?>",
        "<!DOCTYPE html>",
        "<a href='x'>",
        "</a>",
    ]
)


@given(st.lists(st.one_of(TAGS, TEXTS), max_size=40).map("".join))
def test_any_html_gives_lines_or_a_reason(page: str) -> None:
    try:
        article = extract_html(page, today=TODAY)
    except SkipFile as skip:
        assert skip.reason
        return
    assert any(line.strip() for line in article.lines)


# --- cleaner and splitter ------------------------------------------------------------------------


@given(st.lists(TEXTS, max_size=30), st.sampled_from(["text", "markdown", "html", "docx"]))
def test_the_cleaner_takes_any_lines(lines: list[str], form: str) -> None:
    raw = RawArticle(
        file="x.txt", format=form, lines=tuple(line.replace("\n", " ") for line in lines)
    )
    clean = clean_article(raw, today=TODAY)
    assert all(isinstance(p, str) for p in clean.paragraphs)
    assert len(clean.decisions) <= len(raw.lines)
    published = clean.metadata.published
    assert published is None or published <= TODAY


@given(TEXTS)
def test_sentences_are_ordered_verbatim_pieces_of_the_text(text: str) -> None:
    spans = sentence_spans(text)
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text)
        piece = text[start:stop]
        assert piece == piece.strip() and piece
        end = stop
    assert split_sentences(text) == [text[a:b] for a, b in spans]


# --- renderers ---------------------------------------------------------------------------------

DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
WHENS = st.builds(
    When,
    DATES,
    st.sampled_from(["day", "month", "year"]),
    st.sampled_from(["explicit", "relative", "published"]),
    st.none() | TEXTS,
)


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    count = draw(st.integers(1, 5))
    sources = tuple(
        Source(
            id=f"S{n}",
            file=draw(TEXTS) or f"{n}.txt",
            format="text",
            paragraphs=("…",),
            metadata=Metadata(
                title=draw(st.none() | TEXTS),
                outlet=draw(st.none() | TEXTS),
                author=draw(st.none() | TEXTS),
                published=draw(st.none() | DATES),
                url=draw(st.none() | TEXTS | st.just("https://example.org/a?b=1&c=<d>")),
            ),
            item=draw(st.none() | TEXTS),
        )
        for n in range(1, count + 1)
    )
    ids = [s.id for s in sources]

    def items(dated: bool) -> tuple[Item, ...]:
        return tuple(
            Item(
                draw(TEXTS),
                tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4))),
                draw(st.floats(allow_nan=True, allow_infinity=True)),
                when=draw(WHENS) if dated else draw(st.none() | WHENS),
                source_id=draw(st.sampled_from(ids)),
            )
            for _ in range(draw(st.integers(0, 4)))
        )

    return Brief(
        title=draw(TEXTS),
        generated=draw(DATES),
        key_points=items(False),
        chronology=items(True),
        sources=sources,
        skipped=tuple(Skipped(draw(TEXTS), draw(TEXTS)) for _ in range(draw(st.integers(0, 7)))),
        page=draw(st.sampled_from(["a4", "letter"])),
    )


@given(briefs())
def test_markdown_and_json_render_any_brief(brief: Brief) -> None:
    markdown = render_markdown(brief)
    assert not CONTROL.search(markdown)
    markdown.encode("utf-8")  # no lone surrogates
    document = json.loads(render_json(brief))
    assert [i["text"] for i in document["key_points"]] == [
        CONTROL.sub("", re.sub("[\ud800-\udfff\x80-\x9f\ufffe\uffff]", "", i.text))
        for i in brief.key_points
    ]


@settings(max_examples=15)
@given(briefs())
def test_any_brief_renders_a_word_file_that_opens_again(brief: Brief) -> None:
    document = docx.Document(io.BytesIO(render_docx(brief)))
    body = "\n".join(p.text for p in document.paragraphs)
    for item in brief.key_points:
        words = clean_text(item.text).split()
        assert all(word in body for word in words)

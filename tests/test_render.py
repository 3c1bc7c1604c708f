"""Rendering a brief: Markdown through the sandboxed template, JSON, Word, atomic writes."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefer.atomic import write_atomic
from briefer.docx_render import render_docx
from briefer.errors import OutputError, TemplateError
from briefer.models import Brief, Item, Metadata, Skipped, Source, When
from briefer.render import md_escape, render_json, render_markdown, template_bytes

# ------------------------------------------------------------------- a brief

PORT = "https://www.harbour-courier.example/news/2019/12/23/dockers-end-strike"


def _source(
    n: int,
    title: str | None,
    outlet: str | None,
    author: str | None,
    published: dt.date | None,
    url: str | None,
) -> Source:
    return Source(
        id=f"S{n}",
        file=f"{n:03d}_article.txt",
        format="txt",
        paragraphs=("…",),
        metadata=Metadata(
            title=title,
            outlet=outlet,
            author=author,
            published=published,
            url=url,
            origin={"published": "byline line 4", "title": "first line"},
        ),
    )


def make_brief(**changes: object) -> Brief:
    """A small brief about a dock strike, in the shape compose produces."""
    sources = (
        _source(
            1,
            "Dockers end 11-day strike after pay deal",
            "Harbour Courier",
            "Ines Walsh",
            dt.date(2019, 12, 23),
            PORT,
        ),
        _source(
            2,
            "Port strike: what the agreement says",
            "Coastal Times",
            None,
            dt.date(2019, 12, 22),
            None,
        ),
        _source(
            3,
            "Unions vote on port offer",
            "Daily Ledger",
            "R. Okafor",
            dt.date(2019, 12, 20),
            "https://ledger.example/unions-vote",
        ),
    )
    brief = Brief(
        title="Dock strike ends after 11 days",
        generated=dt.date(2019, 12, 24),
        key_points=(
            Item(
                "Dock workers voted on Friday to accept a 6.5% pay rise, ending the strike.",
                ("S1", "S3"),
                0.91,
                source_id="S1",
            ),
            Item(
                "About 40 container ships had queued outside the port by the weekend.",
                ("S2",),
                0.72,
                source_id="S2",
            ),
        ),
        chronology=(
            Item(
                "The union first balloted members in August 2018.",
                ("S3",),
                0.4,
                When(dt.date(2018, 8, 1), "month", "explicit", "in August 2018"),
            ),
            Item(
                "The dispute began in 2019 over shift patterns.",
                ("S2",),
                0.3,
                When(dt.date(2019, 1, 1), "year", "explicit", "in 2019"),
            ),
            Item(
                "Workers walked out on December 9.",
                ("S1", "S2"),
                0.5,
                When(dt.date(2019, 12, 9), "day", "explicit", "on December 9"),
            ),
            Item(
                "The port authority said cargo would move again within days.",
                ("S1",),
                0.2,
                When(dt.date(2019, 12, 23), "day", "published"),
            ),
        ),
        sources=sources,
        skipped=(Skipped("scan.pdf", "no text layer (scanned image)"),),
    )
    return replace(brief, **changes)  # type: ignore[arg-type]


def docx_document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def body_texts(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx_document(data).paragraphs]


# ------------------------------------------------------------------ Markdown


def test_markdown_has_the_brief_layout() -> None:
    md = render_markdown(make_brief())
    lines = md.splitlines()
    assert lines[0] == "# Dock strike ends after 11 days"
    assert "Brief generated 2019-12-24 from 3 sources" in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Key points", "## Chronology", "## Sources"]
    assert (
        "- Dock workers voted on Friday to accept a 6.5% pay rise, ending the strike. [1][3]"
        in lines
    )
    assert "- **Aug 2018** — The union first balloted members in August 2018. [3]" in lines
    assert "- **2019** — The dispute began in 2019 over shift patterns. [2]" in lines
    assert "- **2019-12-09** — Workers walked out on December 9. [1][2]" in lines
    assert (
        "- **2019-12-23** (reported) — The port authority said cargo would move again "
        "within days. [1]"
    ) in lines
    assert (
        f"1. Dockers end 11-day strike after pay deal — Harbour Courier, Ines Walsh, "
        f"2019-12-23. <{PORT}>"
    ) in lines
    assert "2. Port strike: what the agreement says — Coastal Times, 2019-12-22." in lines
    assert "Not used: scan.pdf: no text layer (scanned image)" in lines
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_lists_only_cited_sources_keeping_their_numbers() -> None:
    brief = make_brief()
    only_third = replace(brief, key_points=brief.key_points[:1], chronology=brief.chronology[:1])
    md = render_markdown(only_third)
    assert re.search(r"^1\. Dockers end", md, re.M)
    assert re.search(r"^3\. Unions vote on port offer", md, re.M)
    assert "Port strike: what the agreement says" not in md
    assert "1 more source in brief.json" in md


def test_markdown_escapes_markup_in_data_without_changing_words() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    title = r"#1 priority: *urgent* [draft] C:\ports\east_side <b>bold</b> snake_case_name"
    sentence = "- 12. Rates rose 5*3 times_ in 2019 & the [port](x) said `ok` &amp; more."
    brief = make_brief(
        title=title, key_points=(Item(sentence, ("S1",), 0.9), *make_brief().key_points)
    )
    md = render_markdown(brief)
    parser = markdown_it.MarkdownIt("commonmark")
    tokens = parser.parse(md)
    heading = next(t for n, t in enumerate(tokens) if tokens[n - 1].type == "heading_open")
    assert heading.content and parser.renderInline(heading.content) == (
        r"#1 priority: *urgent* [draft] C:\ports\east_side &lt;b&gt;bold&lt;/b&gt; "
        "snake_case_name"
    )
    bullet = next(t for t in tokens if t.type == "inline" and "Rates" in t.content)
    rendered = parser.renderInline(bullet.content)
    assert rendered.startswith(
        "- 12. Rates rose 5*3 times_ in 2019 &amp; the [port](x) said `ok` &amp;amp; more."
    )
    assert "snake_case_name" in md  # an underscore inside a word is left alone
    words = re.findall(r"[A-Za-z0-9]+", title)
    assert re.findall(r"[A-Za-z0-9]+", md.splitlines()[0]) == words


def test_md_escape_leaves_plain_news_text_alone() -> None:
    text = "Mr. O'Neill said the 3.5% rise — agreed on Dec. 20 — was “fair”, and 2019 ended well."
    assert md_escape(text) == text


def test_markdown_strips_control_characters_and_joins_lines() -> None:
    brief = make_brief(title="Dock\x07 strike\nends \ud800now")
    assert render_markdown(brief).splitlines()[0] == "# Dock strike ends now"


def test_user_template_overrides_the_default(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text(
        "{{ title }} ({{ key_points | length }} points)\n"
        "{% for s in sources %}{{ s.number }}={{ s.short }}\n{% endfor %}",
        encoding="utf-8",
    )
    md = render_markdown(make_brief(), tmp_path)
    assert md == (
        "Dock strike ends after 11 days (2 points)\n"
        "1=Harbour Courier, 2019-12-23\n2=Coastal Times, 2019-12-22\n3=Daily Ledger, 2019-12-20\n"
    )
    # a folder without brief.docx still renders Word from the default template
    assert body_texts(render_docx(make_brief(), tmp_path))[0] == (
        "Title",
        "Dock strike ends after 11 days",
    )


@pytest.mark.parametrize(
    "template, named",
    [
        ("{{ subtitle }}", "subtitle"),
        ("{% for p in key_points %}{{ p.colour }}{% endfor %}", "colour"),
        ("{{ sources[0].publisher }}", "publisher"),
    ],
)
def test_template_naming_a_missing_field_fails_naming_it(
    tmp_path: Path, template: str, named: str
) -> None:
    (tmp_path / "brief.md.j2").write_text(template, encoding="utf-8")
    with pytest.raises(TemplateError, match=named):
        render_markdown(make_brief(), tmp_path)


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ title.__class__.__base__.__subclasses__() }}",
        "{{ key_points[0].__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_sandbox_refuses_python_internals(tmp_path: Path, template: str) -> None:
    (tmp_path / "brief.md.j2").write_text(template, encoding="utf-8")
    with pytest.raises(TemplateError):
        render_markdown(make_brief(), tmp_path)


def test_malformed_template_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("# {{ title }}\n\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="line 3"):
        render_markdown(make_brief(), tmp_path)


def test_missing_templates_folder_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        render_markdown(make_brief(), tmp_path / "nope")


def test_markdown_is_deterministic() -> None:
    assert render_markdown(make_brief()).encode() == render_markdown(make_brief()).encode()


# ---------------------------------------------------------------------- JSON


def test_json_follows_the_contract() -> None:
    data = json.loads(render_json(make_brief()))
    assert list(data)[:4] == ["title", "generated", "algorithm", "page"]
    assert data["title"] == "Dock strike ends after 11 days"
    assert data["key_points"][0]["text"].startswith("Dock workers voted on Friday")
    assert data["key_points"][0]["sources"] == ["S1", "S3"]
    chronology = data["chronology"]
    assert [(c["date"], c["precision"], c["basis"]) for c in chronology] == [
        ("2018-08", "month", "explicit"),
        ("2019", "year", "explicit"),
        ("2019-12-09", "day", "explicit"),
        ("2019-12-23", "day", "published"),
    ]
    assert list(chronology[0])[:4] == ["date", "precision", "text", "sources"]
    assert chronology[0]["score"] == 0.4
    second = data["sources"][1]
    assert {
        k: second[k] for k in ("id", "file", "title", "outlet", "author", "published", "url")
    } == {
        "id": "S2",
        "file": "002_article.txt",
        "title": "Port strike: what the agreement says",
        "outlet": "Coastal Times",
        "author": None,
        "published": "2019-12-22",
        "url": None,
    }
    assert second["format"] == "txt"
    assert second["origin"] == {"published": "byline line 4", "title": "first line"}
    assert data["skipped"] == [{"file": "scan.pdf", "reason": "no text layer (scanned image)"}]


def test_json_lists_every_source_even_uncited_ones() -> None:
    brief = make_brief()
    brief = replace(brief, key_points=brief.key_points[:1], chronology=())
    assert [s["id"] for s in json.loads(render_json(brief))["sources"]] == ["S1", "S2", "S3"]


def test_json_is_stable_utf8_text() -> None:
    brief = make_brief(
        title="Grève des dockers 🚢 à Saint-Nazaire",
        key_points=(Item("A score that is not a number.", ("S1",), float("nan")),),
    )
    text = render_json(brief)
    assert text == render_json(brief)
    assert text.endswith("}\n") and "🚢" in text and "\\u" not in text
    assert json.loads(text)["key_points"][0]["score"] is None


# ---------------------------------------------------------------------- Word


def test_docx_holds_the_brief() -> None:
    document = docx_document(render_docx(make_brief()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Dock strike ends after 11 days")
    assert paragraphs[1] == ("Meta", "Brief generated 2019-12-24 from 3 sources")
    assert [t for s, t in paragraphs if s == "Heading 1"] == ["Key points", "Chronology", "Sources"]
    bullets = [t for s, t in paragraphs if s == "List Bullet"]
    assert len(bullets) == 6
    assert bullets[0] == (
        "Dock workers voted on Friday to accept a 6.5% pay rise, ending the strike. [1][3]"
    )
    assert bullets[2] == "Aug 2018 — The union first balloted members in August 2018. [3]"
    assert bullets[5].startswith("2019-12-23 (reported) — The port authority")
    sources = [t for s, t in paragraphs if s == "Source"]
    assert sources[0].startswith(
        "1.\tDockers end 11-day strike after pay deal — Harbour Courier, Ines Walsh, 2019-12-23."
    )
    assert paragraphs[-1] == ("Meta", "Not used: scan.pdf: no text layer (scanned image)")
    # the date of a chronology item is bold, citations carry the Citation style
    chronology = [p for p in document.paragraphs if p.style.name == "List Bullet"][2]
    assert chronology.runs[0].text == "Aug 2018" and chronology.runs[0].bold
    citation = chronology.iter_inner_content()
    *_, last = citation
    assert isinstance(last, docx.text.hyperlink.Hyperlink) and last.text == "[3]"
    assert last.runs[0].style.name == "Citation"


def test_citations_link_to_their_numbered_source() -> None:
    """Each [n] is an internal link to the bookmark on source n's number in the list."""
    document = docx_document(render_docx(make_brief()))
    body = document.element.body
    bookmarks = {b.get(qn("w:name")): b.getparent() for b in body.iter(qn("w:bookmarkStart"))}
    assert set(bookmarks) == {"source_1", "source_2", "source_3"}
    for name, paragraph in bookmarks.items():
        text = docx.text.paragraph.Paragraph(paragraph, document.part).text
        assert text.startswith(name.split("_")[1] + ".\t")
    links = [
        ("".join(t.text for t in link.iter(qn("w:t"))), link.get(qn("w:anchor")))
        for link in body.iter(qn("w:hyperlink"))
        if link.get(qn("w:anchor"))
    ]
    assert links[:3] == [("[1]", "source_1"), ("[3]", "source_3"), ("[2]", "source_2")]
    assert all(text == f"[{anchor.split('_')[1]}]" for text, anchor in links)
    ids = [b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkStart"))]
    assert ids == [b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkEnd"))]
    assert len(set(ids)) == len(ids)


def test_many_sources_run_in_keep_their_bookmarks() -> None:
    brief = make_brief()
    sources = tuple(
        replace(brief.sources[0], id=f"S{n}", metadata=replace(brief.sources[0].metadata))
        for n in range(1, 21)
    )
    items = tuple(Item(f"Fact number {n} was reported.", (f"S{n}",), 0.5) for n in range(1, 21))
    document = docx_document(
        render_docx(replace(brief, sources=sources, key_points=items, chronology=()))
    )
    names = [b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))]
    assert names == [f"source_{n}" for n in range(1, 21)]
    source_paragraphs = [p for p in document.paragraphs if p.style.name == "Source"]
    assert len(source_paragraphs) == 1  # run in on one paragraph


def test_docx_source_urls_are_real_hyperlinks() -> None:
    document = docx_document(render_docx(make_brief()))
    links = [link for p in document.paragraphs for link in p.hyperlinks if link.address]
    assert [link.url for link in links] == [PORT, "https://ledger.example/unions-vote"]
    shown = links[0].text  # the page prints the address shortened; the link is whole
    assert shown.endswith("…") and len(shown) == 50
    assert PORT.startswith("https://www." + shown[:-1])
    relationship = document.part.rels[links[0]._hyperlink.rId]
    assert relationship.is_external and relationship.target_ref == PORT


def test_docx_header_and_footer_are_filled() -> None:
    title = "A very long title " * 12
    document = docx_document(render_docx(make_brief(title=title)))
    section = document.sections[0]
    header = "\n".join(p.text for p in section.header.paragraphs)
    footer = "\n".join(p.text for p in section.footer.paragraphs)
    assert "{{" not in header + footer
    assert header.startswith("A very long title") and header.endswith("2019-12-24")
    assert len(header) < len(title)  # the running head is shortened…
    assert document.paragraphs[0].text == title.strip()  # …the title itself is verbatim
    assert "2019-12-24" in footer and "internal distribution" in footer


def test_docx_properties_are_reproducible() -> None:
    props = docx_document(render_docx(make_brief())).core_properties
    assert props.title == "Dock strike ends after 11 days"
    assert props.subject == "Policy brief"
    assert props.author == "briefer"
    assert "Harbour Courier" in props.keywords
    assert props.language == "en-US"
    midnight = dt.datetime(2019, 12, 24)
    assert props.created.replace(tzinfo=None) == midnight
    assert props.modified.replace(tzinfo=None) == midnight


@pytest.mark.parametrize(
    "languages, tag, east_asian, bidi",
    [
        (("english",), "en-US", "en-US", "ar-SA"),  # the template's east-Asian and bidi kept
        (("german", "german", "english"), "de-DE", "en-US", "ar-SA"),
        (("hebrew",), "he-IL", "en-US", "he-IL"),
        (("japanese", "english", "japanese"), "ja-JP", "ja-JP", "ar-SA"),
    ],
)
def test_docx_language_follows_the_sources(
    languages: tuple[str, ...], tag: str, east_asian: str, bidi: str
) -> None:
    brief = make_brief()
    sources = tuple(
        replace(s, language=lang) for s, lang in zip(brief.sources, languages, strict=False)
    )
    document = docx_document(render_docx(replace(brief, sources=sources)))
    assert document.core_properties.language == tag
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia")), lang.get(qn("w:bidi"))) == (
        tag,
        east_asian,
        bidi,
    )


def test_docx_headings_are_navigable() -> None:
    """Word's navigation pane and screen readers list outline levels: the three sections."""
    document = docx_document(render_docx(make_brief()))
    outline = [
        p.text
        for p in document.paragraphs
        if p.style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is not None
    ]
    assert outline == ["Key points", "Chronology", "Sources"]


@pytest.mark.parametrize("page, size_mm", [("a4", (210.0, 297.0)), ("letter", (215.9, 279.4))])
def test_docx_page_size_follows_the_brief(page: str, size_mm: tuple[float, float]) -> None:
    section = docx_document(render_docx(make_brief(page=page))).sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == size_mm
    assert round(section.left_margin.cm, 2) == 1.8  # the template's margins are kept


def test_docx_round_trips_special_characters_and_drops_control_ones() -> None:
    sentence = 'Tom & Jerry <said> "it\'s 5 > 3" 🚢 — Zürich, 北京, שלום\x00\x0b\x1b.\ud83d'
    brief = make_brief(key_points=(Item(sentence, ("S1",), 0.9),))
    bullet = next(t for s, t in body_texts(render_docx(brief)) if s == "List Bullet")
    assert bullet == 'Tom & Jerry <said> "it\'s 5 > 3" 🚢 — Zürich, 北京, שלום. [1]'


def test_docx_output_is_byte_identical_for_the_same_brief() -> None:
    first, second = render_docx(make_brief()), render_docx(make_brief())
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        for part in ("word/document.xml", "docProps/core.xml"):
            assert a.read(part) == b.read(part)
    assert first == second


def _template_without(tmp_path: Path, style_name: str) -> Path:
    document = docx_document(template_bytes("brief.docx"))
    style = document.styles[style_name]
    style.element.getparent().remove(style.element)
    document.save(tmp_path / "brief.docx")
    return tmp_path


@pytest.mark.parametrize("style", ["Citation", "Source", "List Bullet"])
def test_template_missing_a_style_fails_naming_it(tmp_path: Path, style: str) -> None:
    with pytest.raises(TemplateError, match=repr(style)):
        render_docx(make_brief(), _template_without(tmp_path, style))


def test_placeholders_split_across_runs_are_filled(tmp_path: Path) -> None:
    document = docx_document(template_bytes("brief.docx"))
    header = document.sections[0].header.paragraphs[0]
    for run in list(header.runs):
        run._r.getparent().remove(run._r)
    for piece in ("Brief: {{ti", "tle}} — ", "{{gener", "ated}}"):
        header.add_run(piece)
    document.save(tmp_path / "brief.docx")
    out = docx_document(render_docx(make_brief(), tmp_path))
    assert out.sections[0].header.paragraphs[0].text == (
        "Brief: Dock strike ends after 11 days — 2019-12-24"
    )


def test_unknown_placeholder_is_a_template_error(tmp_path: Path) -> None:
    document = docx_document(template_bytes("brief.docx"))
    document.sections[0].footer.paragraphs[0].text = "Desk: {{desk}}"
    document.save(tmp_path / "brief.docx")
    with pytest.raises(TemplateError, match="desk"):
        render_docx(make_brief(), tmp_path)


def test_a_file_that_is_not_word_is_a_template_error(tmp_path: Path) -> None:
    (tmp_path / "brief.docx").write_bytes(b"this is not a zip file")
    with pytest.raises(TemplateError, match="not a usable Word file"):
        render_docx(make_brief(), tmp_path)


def test_docx_body_keeps_the_section_properties() -> None:
    body = docx_document(render_docx(make_brief())).element.body
    assert body[-1].tag == qn("w:sectPr")
    assert "briefer replaces this body" not in body.xml  # the template's sample text is gone


# ------------------------------------------------------------- atomic writes


def test_write_atomic_creates_folders_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out" / "deeper" / "brief.md"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["brief.md"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.json"
    target.write_bytes(b"old brief")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match=r"brief\.json"):
        write_atomic(target, b"new brief")
    assert target.read_bytes() == b"old brief"
    assert os.listdir(tmp_path) == ["brief.json"]


def test_write_atomic_into_a_file_path_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="not-a-folder"):
        write_atomic(blocker / "brief.md", b"data")


# ------------------------------------------------------ through the command

SAMPLE = Path(__file__).resolve().parents[1] / "inputs"


def _make(*args: str | Path) -> None:
    from typer.testing import CliRunner

    from briefer.cli import app

    result = CliRunner().invoke(app, ["make", *map(str, args)])
    assert result.exit_code == 0, result.output


def _docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in sorted(package.namelist())}


def test_same_inputs_and_options_give_identical_files(tmp_path: Path) -> None:
    for run in ("a", "b"):
        _make(
            SAMPLE, "-o", tmp_path / run, "-f", "md", "-f", "json", "-f", "docx",
            "--date", "2025-03-12", "--page", "letter",
        )  # fmt: skip
    for name in ("brief.md", "brief.json", "brief.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    core = _docx_parts(tmp_path / "a" / "brief.docx")["docProps/core.xml"].decode()
    # the only date in the file is the brief's own: no time of the run
    assert re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", core) == ["2025-03-12T00:00:00Z"] * 3
    with zipfile.ZipFile(tmp_path / "a" / "brief.docx") as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        data = (tmp_path / "a" / "brief.docx").read_bytes()
        for info in package.infolist():  # each entry's own header too (time 0, 1 Jan 1980)
            assert struct.unpack_from("<HH", data, info.header_offset + 10) == (0, 33)


def test_source_date_epoch_fixes_the_date_without_the_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741737600")  # 2025-03-12 00:00 UTC
    _make(SAMPLE, "-o", tmp_path / "env", "-f", "md", "-f", "docx")
    _make(SAMPLE, "-o", tmp_path / "opt", "-f", "md", "-f", "docx", "--date", "2025-03-12")
    for name in ("brief.md", "brief.docx"):
        assert (tmp_path / "env" / name).read_bytes() == (tmp_path / "opt" / name).read_bytes()


_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def test_text_word_cannot_hold_is_cleaned_and_markup_characters_round_trip(
    tmp_path: Path,
) -> None:
    """Messy input through the whole command: a feed item with a lone surrogate and control
    characters, a text copied out of a PDF (form feeds, a soft hyphen, bells)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    body = (
        "The harbour board in Kestrel Bay voted 6-3 on Tuesday to close the old ferry pier, "
        'citing R&D costs of <$2 million> and "structural risk" at the site.\x0c\n\n'
        "Mayor Inès Lövgren said the decision was “painful but necessary” 🚢 and promised "
        "that a new pier would open by 2026.\x07\n\n"
        "Ferry operator Nordvik & Sons said it would move its sailings to the cargo quay "
        "from March 4, 2025.\ud800\n\n"
        "The pier, built in 1911, carried 400,000 passengers a year before the pandemic.\x1b"
    )
    feed = [{
        "title": "Kestrel Bay board votes to shut ferry pier \x01 <R&D>",
        "url": "https://kestrel.example/pier?a=1&b=2",
        "source": "Kestrel Bay Post", "author": "Ana Ruiz",
        "published": "2025-02-11T08:00:00Z", "body": body,
    }]  # fmt: skip
    (inputs / "feed.json").write_text(json.dumps(feed, ensure_ascii=True), encoding="utf-8")
    pdf_copy = (
        "Ferry pier closure splits Kestrel Bay\n\nBy Tom Hale\nFebruary 12, 2025\n\n"
        "Business owners near the pier said the closure, approved by the harbour board on "
        "Tuesday, would cost them cus\xadtomers & trade \x0c\n\n"
        "“We will lose half our summer trade,” said café owner Sara Nyberg 😟, "
        "who has run the kiosk since 2009.\x02\n\n"
        "The board said the Nordvik & Sons ferry would move its sailings to the cargo quay "
        "from March 4, 2025.\n"
    )
    (inputs / "pdf-copy.txt").write_text(pdf_copy, encoding="utf-8")
    out = tmp_path / "out"
    _make(inputs, "-o", out, "-f", "md", "-f", "json", "-f", "docx", "--date", "2025-02-13")

    md = (out / "brief.md").read_text(encoding="utf-8")
    data = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == 2 and not data["skipped"]
    document = docx.Document(str(out / "brief.docx"))
    word = "\n".join(p.text for p in document.paragraphs)
    for text in (md, json.dumps(data, ensure_ascii=False), word):
        assert not _UNSAFE.search(text)
    with zipfile.ZipFile(out / "brief.docx") as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert not _UNSAFE.search(xml) and "&amp;" in xml and "&lt;" in xml

    title = "Kestrel Bay board votes to shut ferry pier <R&D>"
    assert data["sources"][0]["title"] == title or data["sources"][1]["title"] == title
    assert title in word
    assert "# " in md and r"\<R&D>" in md  # escaped for Markdown, shown as typed
    texts = [i["text"] for i in data["key_points"] + data["chronology"]]
    word_items = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    needles = ("Nordvik & Sons", "“painful but necessary” 🚢", "R&D costs of <$2 million>")
    kept = [n for n in needles if any(n in t for t in texts)]
    assert len(kept) >= 2, texts
    for needle in kept:  # what the brief kept, it kept exactly, in every format
        assert any(needle in t for t in word_items), needle
        assert needle.replace("<", r"\<") in md, needle
    assert any("&" in t for t in texts) and any(c in "".join(texts) for c in "🚢😟")
    links = [link.address for p in document.paragraphs for link in p.hyperlinks if link.address]
    assert "https://kestrel.example/pier?a=1&b=2" in links


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, quoted “words” and a figure of 4,000.",
        " leading space",
        "trailing space ",
        "",
        "tab\tin the middle",
        "line\nbreak and\r\ncarriage return",
        "\t",
        "ümlaut, 日本語, emoji 🙂, zero\u200bwidth",
    ],
)
def test_a_run_is_written_as_python_docx_writes_it(text: str) -> None:
    """The renderer adds a run's text without python-docx's character-by-character reading
    when it holds no tab or break: the XML is what ``add_run`` gives, styled or not."""
    from docx.enum.style import WD_STYLE_TYPE

    from briefer.docx_render import _StyleIds

    ours, theirs = docx.Document(), docx.Document()
    styles = _StyleIds(ours)
    for name in (None, "Strong"):
        run = styles.run(ours.add_paragraph(), text, name)
        reference = theirs.add_paragraph().add_run(text)
        if name:
            reference._r.style = theirs.part.get_style_id(name, WD_STYLE_TYPE.CHARACTER)
        assert run._r.xml == reference._r.xml

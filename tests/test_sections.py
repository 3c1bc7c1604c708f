"""The policy sections in the made brief: Markdown, Word and JSON, chosen by the templates."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import docx
from typer.testing import CliRunner

from briefer.cli import app
from briefer.models import Brief, Metadata, Source
from briefer.policy import quote_excerpt, with_policy
from briefer.quotes import Quote
from briefer.render import MARKDOWN_TEMPLATE

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
runner = CliRunner()


def _short_story(folder: Path) -> Path:
    """Two short reports with room on the page for every section (short quotes, which are
    too short to be key points themselves)."""
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Lumen port levy approved\n\nBy Kari Nes, Harbour Post, 3 June 2025\n\n"
        "The Lumen city council approved a levy of two euros on every cruise passenger on "
        "Monday, after a year of complaints about crowding in the old town.\n\n"
        "Mayor Ola Brenna defended the levy before a packed council chamber.\n\n"
        '"Enough is enough," Brenna said.\n\n'
        "The levy is still pending approval by the regional transport board.\n\n"
        "The council expects the levy to raise about 1.8 million euros a year for street "
        "cleaning, public toilets and extra ferry crossings in the old town.\n\n"
        "Lumen received 212 cruise calls last year, almost twice as many as five years ago, "
        "and residents have collected 4,000 signatures for a cap on calls.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Cruise lines object to Lumen levy\n\nBy Per Vik, Coast Daily, 4 June 2025\n\n"
        "Cruise operators said the levy approved by the Lumen city council on Monday would "
        "push ships to rival ports along the coast.\n\n"
        "Anna Holt, a spokesperson for the Nordic Cruise Association, criticised the vote.\n\n"
        '"It is reckless," she said.\n\n'
        "The association represents eleven cruise lines that together brought 310,000 "
        "passengers to the western coast last summer, most of them on day visits.\n\n"
        "Several of the lines have already moved two of next year's calls to the port of "
        "Skarv, which charges no levy on passengers.\n",
        encoding="utf-8",
    )
    return folder


def _make(inputs: Path, out: Path, *extra: str) -> dict[str, object]:
    result = runner.invoke(
        app,
        ["make", str(inputs), "-o", str(out), "-f", "md", "-f", "docx", "-f", "json", *extra],
    )
    assert result.exit_code == 0, result.output
    brief: dict[str, object] = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    return brief


def _headings(out: Path) -> tuple[list[str], list[str]]:
    md = re.findall(r"^## (.+)$", (out / "brief.md").read_text(encoding="utf-8"), re.M)
    document = docx.Document(str(out / "brief.docx"))
    word = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    return md, word


def test_the_sections_appear_in_markdown_word_and_json(tmp_path: Path) -> None:
    brief = _make(_short_story(tmp_path / "in"), tmp_path)
    md, word = _headings(tmp_path)
    assert md == word
    assert md[:3] == ["Key points", "Chronology", "What to watch"]
    assert "Who said what" in md and md[-1] == "Sources"
    speakers = [q["speaker"] for q in brief["who_said_what"]]  # type: ignore[attr-defined]
    assert speakers == ["Ola Brenna", "Anna Holt"] or set(speakers) == {"Ola Brenna", "Anna Holt"}
    assert any("pending approval" in i["text"] for i in brief["what_to_watch"])  # type: ignore[attr-defined]
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    pages = "\n".join(p.text for p in docx.Document(str(tmp_path / "brief.docx")).paragraphs)
    for quote in brief["who_said_what"]:  # type: ignore[attr-defined]
        assert quote["speaker"] in text and quote["speaker"] in pages
        assert quote["quote"][:40] in pages
    for item in brief["what_to_watch"]:  # type: ignore[attr-defined]
        assert item["text"][:60] in pages


def test_no_sentence_is_shown_twice(tmp_path: Path) -> None:
    brief = _make(INPUTS, tmp_path)
    texts = [
        i["text"]
        for name in ("key_points", "chronology", "what_to_watch", "why_it_matters")
        for i in brief[name]  # type: ignore[attr-defined]
    ]
    assert len(texts) == len(set(texts))
    for quote in brief["who_said_what"]:  # type: ignore[attr-defined]
        assert not any(quote["quote"] in t for t in texts)


def test_a_markdown_template_drops_and_reorders_sections(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    default = (ROOT / "src" / "briefer" / "templates" / MARKDOWN_TEMPLATE).read_text("utf-8")
    mine = re.sub(
        r"\{% set sections = \[.*?\] %\}",
        '{% set sections = ["who_said_what", "key_points"] %}',
        default,
    )
    assert mine != default
    (templates / MARKDOWN_TEMPLATE).write_text(mine, encoding="utf-8")
    _make(_short_story(tmp_path / "in"), tmp_path / "out", "--templates", str(templates))
    md, _word = _headings(tmp_path / "out")
    assert md == ["Who said what", "Key points", "Sources"]


def test_a_word_template_chooses_its_sections(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(ROOT / "src" / "briefer" / "templates" / "brief.docx", templates / "brief.docx")
    document = docx.Document(str(templates / "brief.docx"))
    document.add_paragraph("briefer sections: what_to_watch, key_points, sources")
    document.save(str(templates / "brief.docx"))
    _make(_short_story(tmp_path / "in"), tmp_path / "out", "--templates", str(templates))
    _md, word = _headings(tmp_path / "out")
    assert word == ["What to watch", "Key points", "Sources"]


def test_sources_that_disagree_on_a_toll_are_not_merged(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "Ferry capsizes off Varnholm\n\nBy Ida Strand, Coastal Post, 4 March 2025\n\n"
        "Twelve passengers were killed when the Varnholm ferry capsized in a storm on Monday "
        "night, the coastguard said.\n\nRescue crews searched the fjord until dawn for the "
        "missing crew members of the vessel.\n\nThe operator suspended all crossings while "
        "investigators examine the hull and the loading records.\n",
        encoding="utf-8",
    )
    (inputs / "b.txt").write_text(
        "Varnholm ferry disaster\n\nBy Jon Lund, Fjord Times, 4 March 2025\n\n"
        "Fourteen passengers were killed when the Varnholm ferry capsized in a storm on Monday "
        "night, the coastguard said.\n\nThe ferry had been inspected in January and was "
        "cleared to sail by the maritime authority.\n\nFamilies gathered at the harbour "
        "terminal as the names of the dead were read out by the mayor.\n",
        encoding="utf-8",
    )
    brief = _make(inputs, tmp_path / "out")
    toll = [
        i
        for name in ("key_points", "chronology")
        for i in brief[name]  # type: ignore[attr-defined]
        if "passengers were killed" in i["text"]
    ]
    for item in toll:  # each wording cites only the source that says it
        assert len(item["sources"]) == 1
    kinds = [(d["kind"], {v["value"] for v in d["versions"]}) for d in brief["disagreements"]]  # type: ignore[attr-defined]
    assert ("number", {"Twelve", "Fourteen"}) in kinds
    assert "Where sources disagree" in (tmp_path / "out" / "brief.md").read_text("utf-8")


def test_a_long_quote_is_cut_short_at_a_sentence_end_or_after_thirty_words() -> None:
    def quote(*parts: str) -> Quote:
        passage = "Ingrid Moe said: " + " … ".join(parts)
        return Quote(" … ".join(parts), "Ingrid Moe", None, "S1", ("S1",), passage, parts)

    first = (
        "For ten summers we have watched our streets fill with people who leave nothing "
        "behind but litter and queues."
    )
    second = (
        "This levy is a start, and we will hold the council to its promise that every euro "
        "goes back into the old town."
    )
    assert quote_excerpt(quote(f"{first} {second}")) == f"{first} …"
    one_long = (
        "We have asked for this for ten summers, we have collected signatures in every "
        "street of the old town, and we will go on asking until every euro of it comes back "
        "to us"
    )
    cut = quote_excerpt(quote(one_long))
    assert cut.endswith(" …") and len(cut.split()) == 31  # thirty words and the mark
    assert one_long.startswith(cut.removesuffix(" …"))
    assert quote_excerpt(quote("Enough is enough")) == "Enough is enough"
    assert quote_excerpt(quote("It is reckless", "a gift to rival ports")) == (
        "It is reckless … a gift to rival ports"
    )


def test_the_page_shows_a_long_quote_cut_short_and_json_keeps_it_whole() -> None:
    residents = Source(
        "S1", "residents.txt", "text",
        (
            "Residents of the old town welcomed the levy on cruise passengers approved by the "
            "council on Monday.",
            "\"We have asked for this for ten summers, we have collected signatures in every "
            "street of the old town, and we will go on asking until every euro of it comes back "
            "to the streets that pay for it,\" said Ingrid Moe, who chairs the residents' "
            "association.",
        ),
        Metadata(title="Residents welcome Lumen levy", published=dt.date(2025, 6, 4)),
    )  # fmt: skip
    brief = with_policy(Brief("Lumen levy", dt.date(2025, 6, 5), (), (), (residents,)), [residents])
    [said] = brief.who_said_what
    excerpt = quote_excerpt(said)
    assert excerpt.endswith(" …") and said.text.startswith(excerpt.removesuffix(" …"))
    document = json.loads(brief.to_json())
    assert document["who_said_what"][0]["quote"] == said.text
    assert document["who_said_what"][0]["excerpt"] == excerpt
    word = docx.Document(io.BytesIO(brief.to_docx()))
    pages = (brief.to_markdown(), "\n".join(p.text for p in word.paragraphs))
    for page in pages:
        assert f"“{excerpt}”" in page and "streets that pay for it" not in page


def test_a_full_page_keeps_a_quote_before_sentences_dated_only_by_their_report(
    tmp_path: Path,
) -> None:
    brief = _make(ROOT / "tests" / "cases" / "sample" / "inputs", tmp_path)
    left = brief["left_off"]
    assert isinstance(left, dict) and left, "the sample story overflows one page"
    page = (tmp_path / "brief.md").read_text(encoding="utf-8")
    for name, entries in left.items():
        for entry in entries:  # what was left off is in brief.json, not on the page
            shown = entry.get("text") or entry["excerpt"]
            assert shown[:50] not in page, (name, shown)
    # who said what keeps its first quote; a quote goes only once every chronology item
    # dated only by its report ("(reported)") has gone
    assert brief["who_said_what"]
    if left.get("who_said_what"):
        bases = [i["basis"] for i in brief["chronology"]]  # type: ignore[attr-defined]
        assert "published" not in bases
    assert [i["basis"] for i in left.get("chronology", [])].count("published") >= 1

"""Fitting a brief to one page: what is dropped, what is kept, what the page lists."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Pt

from briefer import layout
from briefer.docx_render import render_docx
from briefer.errors import TemplateError
from briefer.layout import (
    MAX_MARKDOWN_WORDS,
    MIN_CHRONOLOGY,
    MIN_KEY_POINTS,
    count_lines,
    fit_to_page,
    header_fields,
    open_template,
    page_height,
    parse_template_ahead,
    read_geometry,
)
from briefer.models import Brief, Item, Metadata, Source, When
from briefer.render import render_json, render_markdown, template_bytes

_OPENINGS = (
    "Relief officials in the delta province said on Tuesday that",
    "According to the regional water authority, which published new figures overnight,",
    "Speaking to reporters outside the emergency centre, the deputy governor said",
    "A report by the national audit office, seen by several newspapers, found that",
    "Aid agencies working along the river warned in a joint statement that",
)
_FACTS = (
    "more than 40,000 people had left their homes as the embankments gave way near the old "
    "railway bridge",
    "the reservoir upstream had been released twice in a week without warning the villages "
    "below it",
    "temporary schools would open in tents on higher ground before the end of the month",
    "the cost of repairing roads, bridges and pumping stations could exceed 300 million euros",
    "drinking water remained the most urgent need in camps housing families from 12 districts",
)


def sentence(n: int, words: int = 30) -> str:
    """The n-th distinct news-like sentence, exactly ``words`` words long."""
    text = f"{_OPENINGS[n % 5]} {_FACTS[(n // 5) % 5]}"
    filler = (
        " and that crews had worked through the night",
        " while more rain was forecast",
        " in the northern districts",
        f" for the {n + 1}th day running",
    )
    i = 0
    while len(text.split()) < words:
        text += filler[i % len(filler)]
        i += 1
    return " ".join(text.split()[:words]).rstrip(",") + "."


def make_brief(
    key_points: int = 5,
    chronology: int = 10,
    words: int = 30,
    sources: int = 4,
    page: str = "a4",
    cites: int = 1,
    title: str = "Delta floods displace thousands",
) -> Brief:
    ids = [f"S{n}" for n in range(1, sources + 1)]
    source_list = tuple(
        Source(
            id=sid,
            file=f"{sid.lower()}.html",
            format="html",
            paragraphs=("…",),
            metadata=Metadata(
                title=f"Floods: day {n} of the emergency in the delta",
                outlet="River Post",
                author="Ana Ribeiro",
                published=dt.date(2021, 3, n % 28 + 1),
                url=f"https://riverpost.example/floods/{n}",
            ),
        )
        for n, sid in enumerate(ids, 1)
    )

    def cited(n: int) -> tuple[str, ...]:
        return tuple(ids[(n + k) % len(ids)] for k in range(min(cites, len(ids))))

    return Brief(
        title=title,
        generated=dt.date(2021, 3, 30),
        key_points=tuple(
            Item(sentence(n, words), cited(n), score=1.0 - n / 100) for n in range(key_points)
        ),
        chronology=tuple(
            Item(
                sentence(100 + n, words),
                cited(n),
                score=((n * 37) % 100) / 100,
                when=When(dt.date(2021, 3, 1) + dt.timedelta(days=n), "day", "explicit"),
            )
            for n in range(chronology)
        ),
        sources=source_list,
        page=page,  # type: ignore[arg-type]
    )


def is_subsequence(kept: tuple[Item, ...], original: tuple[Item, ...]) -> bool:
    it = iter(original)
    return all(any(item == other for other in it) for item in kept)


# --------------------------------------------------------------------- tests


@pytest.mark.parametrize("page", ["a4", "letter"])
def test_a_normal_brief_keeps_every_item(page: str) -> None:
    brief = make_brief(page=page)
    fitted = fit_to_page(brief)
    assert fitted == brief


def test_an_oversized_brief_loses_its_lowest_scored_items_in_order() -> None:
    brief = make_brief(key_points=3, chronology=40)
    fitted = fit_to_page(brief)
    assert fitted.key_points == brief.key_points  # already at the minimum
    assert MIN_CHRONOLOGY <= len(fitted.chronology) < 40
    assert is_subsequence(fitted.chronology, brief.chronology)
    dropped = [i for i in brief.chronology if i not in fitted.chronology]
    assert max(i.score for i in dropped) <= min(i.score for i in fitted.chronology)
    assert len(render_markdown(fitted).split()) <= MAX_MARKDOWN_WORDS


def test_minimums_hold_while_they_fit() -> None:
    fitted = fit_to_page(make_brief(key_points=8, chronology=30, words=45))
    assert len(fitted.key_points) >= MIN_KEY_POINTS
    assert len(fitted.chronology) >= MIN_CHRONOLOGY


def test_very_long_sentences_go_below_the_minimums_rather_than_off_the_page() -> None:
    brief = make_brief(key_points=5, chronology=12, words=120, sources=30, cites=10)
    fitted = fit_to_page(brief)
    assert len(fitted.key_points) >= 1
    assert len(fitted.key_points) + len(fitted.chronology) < MIN_KEY_POINTS + MIN_CHRONOLOGY
    assert len(render_markdown(fitted).split()) <= MAX_MARKDOWN_WORDS
    geometry = read_geometry(open_template(None), fitted.page, header_fields(fitted))
    assert page_height(fitted, geometry) <= geometry.body_height


def test_the_title_is_never_shortened_but_costs_room() -> None:
    long_title = " ".join(["Delta floods displace thousands as the river breaks its banks"] * 6)
    short = fit_to_page(make_brief(chronology=16, words=26))
    long = fit_to_page(make_brief(chronology=16, words=26, title=long_title))
    assert long.title == long_title
    assert len(long.key_points) + len(long.chronology) < len(short.key_points) + len(
        short.chronology
    )


def test_letter_is_shorter_than_a4() -> None:
    brief = make_brief(key_points=3, chronology=30, words=22)
    a4 = fit_to_page(replace(brief, page="a4"))
    letter = fit_to_page(replace(brief, page="letter"))
    assert len(letter.chronology) <= len(a4.chronology)
    geometry = {
        p: read_geometry(open_template(None), p, header_fields(brief)) for p in ("a4", "letter")
    }
    assert geometry["letter"].body_height < geometry["a4"].body_height


def test_the_budget_comes_from_the_template(tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(template_bytes("brief.docx")))
    section = document.sections[0]
    section.top_margin = section.bottom_margin = Cm(5)
    document.styles["List Bullet"].font.size = Pt(13)
    document.save(tmp_path / "brief.docx")
    brief = make_brief(key_points=5, chronology=12, words=24)
    default = fit_to_page(brief)
    roomy = fit_to_page(brief, tmp_path)
    assert len(roomy.chronology) < len(default.chronology)
    custom = read_geometry(open_template(tmp_path), "a4", header_fields(brief))
    assert custom.styles["List Bullet"].size == 13
    assert (
        round(custom.body_height)
        < round(read_geometry(open_template(None), "a4", header_fields(brief)).body_height) - 150
    )


def test_wide_scripts_take_more_lines() -> None:
    latin = "a" * 300
    cjk = "北" * 300
    assert count_lines([(cjk, 10.5)], 480) >= 2 * count_lines([(latin, 10.5)], 480) - 1
    assert count_lines([("word " * 10, 10.5)], 480) == 1
    assert count_lines([("x" * 2000, 10.5)], 480) > 5  # a word wider than the line breaks


def test_page_lists_cited_sources_with_their_numbers_in_md_and_docx() -> None:
    brief = make_brief(key_points=3, chronology=4, sources=9, cites=1)
    only = (brief.sources[0].id, brief.sources[3].id)  # S1 and S4
    brief = replace(
        brief,
        key_points=tuple(
            replace(i, sources=(only[n % 2],)) for n, i in enumerate(brief.key_points)
        ),
        chronology=tuple(replace(i, sources=(only[1],)) for i in brief.chronology),
    )
    md = render_markdown(brief)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render_docx(brief))).paragraphs]
    sources_md = md.split("## Sources", 1)[1]
    assert "\n1. Floods: day 1" in sources_md and "\n4. Floods: day 4" in sources_md
    assert "day 2 of" not in sources_md
    assert "7 more sources in brief.json" in sources_md
    assert any(p.startswith("1.\tFloods: day 1") for p in paragraphs)
    assert any(p.startswith("4.\tFloods: day 4") for p in paragraphs)
    assert "+ 7 more sources in brief.json" in paragraphs


def test_many_cited_sources_are_listed_run_in() -> None:
    brief = make_brief(key_points=3, chronology=12, sources=40, cites=8)
    md = render_markdown(brief)
    sources_md = md.split("## Sources", 1)[1].strip()
    assert sources_md.startswith("[1] River Post, 2021-03-02 · [2] River Post")
    paragraphs = [
        p
        for p in docx.Document(io.BytesIO(render_docx(brief))).paragraphs
        if p.style.name == "Source"
    ]
    assert paragraphs[0].text.startswith("[1] River Post, 2021-03-02 · [2] River Post")
    assert len(paragraphs[0].hyperlinks) == len(sources_md.split(" · "))


def test_an_item_shows_three_citations_and_counts_the_rest() -> None:
    brief = make_brief(key_points=3, chronology=4, sources=40, cites=8)
    md = render_markdown(brief)
    first = md.split("## Key points", 1)[1].strip().splitlines()[0]
    assert first.endswith("[1][2][3] +5")
    # the page lists only the sources it shows; brief.json keeps every citation
    sources_md = md.split("## Sources", 1)[1]
    assert "[7]" not in md  # cited by items, but never among their first three
    assert "+ 34 more sources in brief.json" in sources_md
    assert json.loads(render_json(brief))["key_points"][0]["sources"] == [
        f"S{n}" for n in range(1, 9)
    ]


def test_an_event_to_watch_is_shown_once_and_comes_back_when_its_dated_twin_is_cut() -> None:
    vote = Item(
        "The restoration still needs the backing of the Regional Assembly, which is expected "
        "to vote on the plan on 12 March.",
        ("S1",),
        score=0.0,  # the weakest dated item: the first to go when the page is full
        when=When(dt.date(2021, 3, 12), "day", "relative", "12 March"),
    )
    watched = Item(
        "The partial restoration is pending approval by the Regional Assembly, which is "
        "expected to vote on the plan on 12 March.",
        ("S2",),
        score=0.0,
        when=When(dt.date(2021, 3, 12), "day", "explicit", "12 March"),
    )
    roomy = make_brief(key_points=3, chronology=4)
    roomy = replace(roomy, chronology=(*roomy.chronology, vote), what_to_watch=(watched,))
    fitted = fit_to_page(roomy)
    assert vote in fitted.chronology and fitted.what_to_watch == ()  # the chronology dates it
    full = make_brief(key_points=5, chronology=40)
    full = replace(full, chronology=(*full.chronology, vote), what_to_watch=(watched,))
    fitted = fit_to_page(full)
    assert vote not in fitted.chronology and fitted.what_to_watch == (watched,)
    assert fitted.left_off is not None and vote in fitted.left_off.chronology
    assert watched not in fitted.left_off.what_to_watch


def test_templates_parsed_ahead_are_handed_out_once_and_never_shared() -> None:
    parse_template_ahead(None)
    first, second, third = open_template(None), open_template(None), open_template(None)
    assert first is not second and second is not third and first is not third
    first.add_paragraph("changed by the renderer")
    paragraphs = [p.text for p in second.paragraphs]
    assert "changed by the renderer" not in paragraphs
    assert paragraphs == [p.text for p in third.paragraphs]


def test_a_template_changed_after_it_was_parsed_ahead_is_read_again(tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(template_bytes("brief.docx")))
    document.sections[0].top_margin = Cm(2)
    document.save(tmp_path / "brief.docx")
    parse_template_ahead(tmp_path)
    document.sections[0].top_margin = Cm(6)  # the newsroom saves a new margin meanwhile
    document.save(tmp_path / "brief.docx")
    assert round(open_template(tmp_path).sections[0].top_margin.cm) == 6
    brief = make_brief(key_points=3, chronology=4, words=20)
    assert render_docx(fit_to_page(brief, tmp_path), tmp_path) == render_docx(
        fit_to_page(brief, tmp_path), tmp_path
    )


def test_a_broken_template_parsed_ahead_is_reported_when_opened(tmp_path: Path) -> None:
    (tmp_path / "brief.docx").write_bytes(b"not a Word file")
    parse_template_ahead(tmp_path)  # ahead of use: nothing raised, nothing kept
    with pytest.raises(TemplateError, match=r"brief\.docx"):
        open_template(tmp_path)


def _template_with_headers(folder: Path) -> Path:
    """The shipped template with a first-page header, a header table and a footer line."""
    document = docx.Document(io.BytesIO(template_bytes("brief.docx")))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "HARBOUR DESK  {title}"
    table = section.header.add_table(1, 2, Cm(16))
    table.cell(0, 0).text, table.cell(0, 1).text = "Policy brief", "{date}"
    section.first_page_footer.paragraphs[0].text = "Internal: do not forward"
    document.save(folder / "brief.docx")
    return folder


@pytest.mark.parametrize("custom", [False, True], ids=["shipped", "headers"])
def test_the_fitting_hands_its_template_copy_back_unchanged_for_the_renderer(
    custom: bool, tmp_path: Path
) -> None:
    templates = _template_with_headers(tmp_path) if custom else None
    brief = make_brief(key_points=3, chronology=4, words=20)
    document = open_template(templates)
    parts = [p.blob for p in document.part.package.iter_parts()]
    read_geometry(document, brief.page, header_fields(brief))
    assert [p.blob for p in document.part.package.iter_parts()] == parts  # only read

    parse_template_ahead(templates)
    fitted = fit_to_page(brief, templates)  # its copy parsed ahead, read, handed back
    reused = render_docx(fitted, templates)  # filled by the renderer
    layout._PARSED_AHEAD.clear()
    assert render_docx(fitted, templates) == reused  # a copy parsed afresh: the same file

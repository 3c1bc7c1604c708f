"""The whole job: files in, a ``Brief`` out, and the brief written to disk.

    make_brief(["inputs/"], BriefOptions())  →  Brief
    write_brief(brief, Path("outputs"), ("md", "docx", "json"))  →  written paths

A file that cannot be used becomes a ``Skipped`` entry with its reason; only when nothing
at all is usable does :class:`~briefer.errors.NoUsableInput` stop the run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from .clean import clean_article, detect_stoplist
from .errors import NoUsableInput
from .language import DEFAULT as DEFAULT_LANGUAGE
from .language import LANGUAGES, detect_language, resolve_language
from .limits import cap_sentences
from .models import Brief, BriefOptions, CleanArticle, RawArticle, Skipped, Source
from .parallel import map_ordered
from .rank import ALGORITHMS
from .rank import prepare as prepare_ranking
from .read import read_inputs
from .split import split_paragraph
from .standalone import WORD_BYTES, is_candidate

log = logging.getLogger(__name__)

FORMATS = ("md", "docx", "json", "pdf", "png")


@dataclass(frozen=True)
class Sources:
    """The usable sources of a run and the files or items that were skipped."""

    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]


def _fingerprint(paragraphs: Iterable[str]) -> str:
    """The article's words, lower-cased, one space apart, hashed: the same article told with
    other punctuation, spacing or case has the same fingerprint."""
    joined = " ".join(paragraphs)
    if joined.isascii():  # the same words as the pattern below finds, many times faster
        words = b" ".join(joined.encode("ascii").translate(WORD_BYTES).split()).lower()
        return hashlib.sha1(words).hexdigest()
    text = re.sub(r"\W+", " ", joined).strip().lower()
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Prepared:
    """One article cleaned, with what choosing it needs: all of it computed in a worker."""

    clean: CleanArticle
    language: str
    sentences: int  # how many sentences its paragraphs split into
    usable: bool  # whether one of them can stand alone on the page
    fingerprint: str


def _prepare(raw: RawArticle, *, today: dt.date, language: str) -> _Prepared:
    clean = clean_article(raw, today=today)
    texts = [text for paragraph in clean.paragraphs for text in split_paragraph(paragraph)]
    return _Prepared(
        # without the decision on every line (``briefer inspect`` shows them; a brief does
        # not need them, and they would double what goes back from a worker)
        clean=replace(clean, decisions=()),
        language=resolve_language(clean.paragraphs, language),
        sentences=len(texts),
        usable=any(is_candidate(text) for text in texts),
        fingerprint=_fingerprint(clean.paragraphs),
    )


def _load_ranking(options: BriefOptions) -> None:
    """Load what ranking will need (for the language forced, else English) ahead of time."""
    if options.algorithm in ALGORITHMS:  # an unknown one is refused when ranking starts
        language = options.language if options.language in LANGUAGES else DEFAULT_LANGUAGE
        prepare_ranking(options.algorithm, language)


def _load_composing(options: BriefOptions) -> None:
    """Import what composing, fitting and writing a brief need (≈ 0.3 s: numpy, the policy
    sections, the similarity join, python-docx, Jinja2, the file writing), load ranking's
    stemmer, compile the Markdown template and parse the Word template: done while the
    workers clean, this process would otherwise only wait for them. (The significance model
    is fitted where the sources are read for the policy sections: on many sources, the
    background process, which has time to spare.)"""
    # (the similarity join, and the atomic writing and converters write_brief imports: 5-8 ms
    # in the one-process stretch after the ranking when first imported there)
    from . import atomic, compose, convert, docx_render, layout, overlap, render  # noqa: F401

    _load_ranking(options)
    if options.templates is None:  # a user's templates are read afresh when rendered
        render.compile_shipped_template()
    layout.parse_template_ahead(options.templates)  # for the fitting and the Word file


def _warm_preparing() -> None:
    """Load the word lists cleaning and language detection use, once, before the workers."""
    detect_stoplist([])
    detect_language([])


def load_sources(
    inputs: Sequence[Path | str],
    options: BriefOptions,
    meanwhile: Callable[[], object] | None = None,
) -> Sources:
    """Read, clean and identify every article under ``inputs``; number them S1, S2, …

    ``meanwhile`` is called while worker processes clean the articles, when there are
    workers (:func:`briefer.parallel.map_ordered`); by default it loads ranking's stemmer.
    """
    skipped: list[Skipped] = []
    today = options.today or dt.date.today()
    seen: dict[str, str] = {}
    sources: list[Source] = []
    read = read_inputs(
        [Path(p) for p in inputs],
        today=today,
        max_bytes=options.max_file_bytes,
        max_articles=options.max_articles,
        max_article_chars=options.max_article_chars,
    )
    skipped.extend(read.skipped)
    # cleaning, language, splitting are per article: on every core when there are many
    # (same results, same order)
    prepared = map_ordered(
        partial(_prepare, today=today, language=options.language),
        read.articles,
        warm=_warm_preparing,
        # while the workers clean, load the stemmer ranking needs next (NLTK: 0.3-0.5 s)
        meanwhile=meanwhile or partial(_load_ranking, options),
    )
    for raw, ready in zip(read.articles, prepared, strict=True):
        clean = ready.clean
        label = raw.file if raw.item is None else f"{raw.file} (item {raw.item})"
        source = Source(
            id=f"S{len(sources) + 1}",
            file=raw.file,
            format=raw.format,
            paragraphs=clean.paragraphs,
            metadata=clean.metadata.merged_over(raw.fallback),
            item=raw.item,
            language=ready.language,
        )
        if not ready.usable:
            skipped.append(Skipped(label, "no article sentences found after cleaning"))
            continue
        if ready.sentences > options.max_ranked_sentences:
            capped = cap_sentences(source.paragraphs, options.max_ranked_sentences, label)
            source = replace(source, paragraphs=capped)
        fingerprint = ready.fingerprint
        if fingerprint in seen:
            skipped.append(Skipped(label, f"same article as {seen[fingerprint]}"))
            continue
        seen[fingerprint] = label
        sources.append(source)
    return Sources(tuple(sources), tuple(skipped))


def make_brief(
    inputs: Path | str | Sequence[Path | str],
    options: BriefOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> Brief:
    """The one-page brief for the articles under ``inputs`` (files or folders).

    Raises :class:`~briefer.errors.NoUsableInput` when no article could be used.
    A single path (``make_brief("inputs/")``) is taken as one input, not as its letters.
    ``progress`` is told each stage as it starts ("summarising 40 articles").
    """
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    options = options or BriefOptions()
    stage = progress or (lambda label: None)
    stage("reading and cleaning the articles")
    found = load_sources(inputs, options, meanwhile=partial(_load_composing, options))
    if not found.sources:
        reasons = "; ".join(f"{s.file}: {s.reason}" for s in found.skipped[:5])
        raise NoUsableInput(
            "no usable article in the inputs" + (f" ({reasons})" if reasons else "")
        )
    from .compose import compose
    from .layout import fit_to_page

    stage(f"summarising {len(found.sources):,} articles")
    brief = compose(found.sources, found.skipped, options)
    stage("fitting the brief to one page")
    return fit_to_page(brief, options.templates)


def write_brief(
    brief: Brief,
    out_dir: Path,
    formats: Sequence[str] = ("md", "docx"),
    templates: Path | None = None,
) -> list[Path]:
    """Write ``brief`` as ``out_dir/brief.<format>``; every file is rendered before any is written.

    Each file is replaced atomically, so a failed run leaves yesterday's brief intact.
    ``pdf`` needs LibreOffice and ``png`` (a preview of the page) also poppler's pdftoppm.
    """
    from functools import cache

    from .atomic import write_atomic
    from .convert import check_converters, docx_to_pdf, pdf_to_png
    from .docx_render import render_docx
    from .render import render_json, render_markdown

    @cache
    def word() -> bytes:
        return render_docx(brief, templates)

    @cache
    def pdf() -> bytes:
        return docx_to_pdf(word())

    check_converters(formats)
    rendered: list[tuple[Path, bytes]] = []
    for fmt in dict.fromkeys(formats):
        if fmt == "md":
            data = render_markdown(brief, templates).encode("utf-8")
        elif fmt == "json":
            data = render_json(brief).encode("utf-8")
        elif fmt == "docx":
            data = word()
        elif fmt == "pdf":
            data = pdf()
        elif fmt == "png":
            data = pdf_to_png(pdf())
        else:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        rendered.append((out_dir / f"brief.{fmt}", data))
    for path, data in rendered:
        write_atomic(path, data)
    return [path for path, _ in rendered]

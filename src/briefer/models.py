"""The data that flows through briefer, stage by stage.

    files ─► read ─► clean ─► split ─► rank ─► date ─► merge ─► compose ─► render
             RawArticle  Source  Sentence  scores  When   Item     Brief

Every value is a frozen dataclass: stages never mutate what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the policy sections' own types (briefer.policy fills these fields)
    from collections.abc import Sequence

    from .disagree import Disagreement
    from .quotes import Quote

Precision = Literal["day", "month", "year"]
Basis = Literal["explicit", "relative", "published"]
PageSize = Literal["a4", "letter"]

#: The metadata fields a source can carry; ``Metadata.origin`` is keyed by these names.
METADATA_FIELDS = ("title", "outlet", "author", "published", "url")


@dataclass(frozen=True)
class Metadata:
    """What is known about an article, and where each value came from.

    ``origin`` maps a field name to a short human description of its provenance, e.g.
    ``{"published": "byline line 7", "title": "<meta property=og:title>"}``.
    """

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    origin: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def merged_over(self, fallback: Metadata) -> Metadata:
        """This metadata, with any missing field taken from ``fallback`` (origins follow)."""
        values: dict[str, object] = {}
        origin: dict[str, str] = {}
        for name in METADATA_FIELDS:
            mine = getattr(self, name)
            if mine is not None:
                values[name] = mine
                if name in self.origin:
                    origin[name] = self.origin[name]
            else:
                values[name] = getattr(fallback, name)
                if name in fallback.origin:
                    origin[name] = fallback.origin[name]
        return Metadata(origin=origin, **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RawArticle:
    """One article as a reader found it, before boilerplate removal.

    ``lines`` are the article's text lines in order (a scraped page's lines, a Word file's
    paragraphs, a feed item's text split at line breaks). When ``cleaned`` is true the reader
    has already isolated the body (HTML through trafilatura), so the cleaner only tidies it.
    ``metadata`` holds what the format itself declares (feed fields, ``<meta>``); it wins
    over anything found in the text. ``fallback`` holds weaker hints (a Word file's author
    and creation date, which name whoever saved the file and when), used only for what the
    text does not say.
    """

    file: str
    format: str
    lines: tuple[str, ...]
    metadata: Metadata = field(default_factory=Metadata)
    cleaned: bool = False
    item: str | None = None
    fallback: Metadata = field(default_factory=Metadata)
    #: lines the reader itself removed (a PDF's running heads and page numbers), with why
    removed: tuple[LineDecision, ...] = ()


@dataclass(frozen=True)
class LineDecision:
    """What the cleaner did with one line of a raw article, for ``briefer inspect``."""

    line: str
    kept: bool
    reason: str


@dataclass(frozen=True)
class CleanArticle:
    """The body and the metadata the cleaner settled on for one raw article."""

    paragraphs: tuple[str, ...]
    metadata: Metadata
    decisions: tuple[LineDecision, ...] = ()


@dataclass(frozen=True)
class Source:
    """A usable article: cleaned body, trusted metadata, and its id in the brief (S1, S2, …)."""

    id: str
    file: str
    format: str
    paragraphs: tuple[str, ...]
    metadata: Metadata
    item: str | None = None
    language: str = "english"


@dataclass(frozen=True)
class Skipped:
    """A file or feed item that could not be used, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source, copied verbatim."""

    source_id: str
    index: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class When:
    """The date a sentence is about, how precise it is and how it was found.

    ``basis`` is ``explicit`` ("on Dec 20, 2019", "in August 2018"), ``relative``
    ("on Friday", "last week", resolved against the publication date) or ``published``
    (no date in the sentence: the source's publication date, marked as a report date).
    """

    date: dt.date
    precision: Precision
    basis: Basis
    phrase: str | None = None

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the precision allows."""
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


@dataclass(frozen=True)
class Item:
    """A line of the brief: one verbatim sentence standing for every source that reported it."""

    text: str
    sources: tuple[str, ...]
    score: float
    when: When | None = None
    source_id: str = ""  # the source the text is copied from


@dataclass(frozen=True)
class LeftOff:
    """The entries a brief found but its one page has no room for (brief.json lists them)."""

    SECTIONS = (
        "key_points",
        "chronology",
        "why_it_matters",
        "what_to_watch",
        "who_said_what",
        "disagreements",
    )

    key_points: tuple[Item, ...] = ()
    chronology: tuple[Item, ...] = ()
    why_it_matters: tuple[Item, ...] = ()
    what_to_watch: tuple[Item, ...] = ()
    who_said_what: tuple[Quote, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True)
class Brief:
    """Everything a brief says; renderers turn it into Markdown, Word and JSON."""

    title: str
    generated: dt.date
    key_points: tuple[Item, ...]
    chronology: tuple[Item, ...]
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...] = ()
    algorithm: str = "lexrank"
    page: PageSize = "a4"
    # the policy sections (briefer.policy): why it matters, what to watch (``when`` is the
    # date ahead), who said what, and where sources disagree; empty when not computed
    why_it_matters: tuple[Item, ...] = ()
    what_to_watch: tuple[Item, ...] = ()
    who_said_what: tuple[Quote, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    #: what fitting the page dropped (``briefer.layout.fit_to_page``), None when nothing
    left_off: LeftOff | None = None

    # thin renderers for the Python API; each imports its render module only when called

    def to_markdown(self, templates: Path | None = None) -> str:
        """The brief as Markdown, through ``templates/brief.md.j2`` if given."""
        from .render import render_markdown

        return render_markdown(self, templates)

    def to_json(self) -> str:
        """The brief as ``brief.json`` text (see ``briefer/schemas/brief.schema.json``)."""
        from .render import render_json

        return render_json(self)

    def to_docx(self, templates: Path | None = None) -> bytes:
        """The brief as a Word file's bytes, through ``templates/brief.docx`` if given."""
        from .docx_render import render_docx

        return render_docx(self, templates)

    def save(
        self,
        out_dir: Path | str,
        formats: Sequence[str] = ("md", "docx"),
        templates: Path | None = None,
    ) -> list[Path]:
        """Write ``out_dir/brief.<format>`` for each format (atomically); the paths written."""
        from .pipeline import write_brief

        return write_brief(self, Path(out_dir), formats, templates)


@dataclass(frozen=True)
class BriefOptions:
    """Every choice a run makes, in one place (the CLI and the API build one of these)."""

    algorithm: str = "lexrank"
    title: str | None = None
    page: PageSize = "a4"
    # a sumy language name ("french") for every source, or "auto": each source's own, guessed
    # from its words (briefer.language)
    language: str = "auto"
    sentences_per_source: int = 6
    max_key_points: int = 5
    max_chronology: int = 16
    today: dt.date | None = None
    templates: Path | None = None
    # limits on untrusted input (see briefer.limits, which holds the same defaults)
    max_file_bytes: int = 50 * 2**20  # larger files are skipped unread; Word may unpack to this
    max_articles: int = 5_000  # files plus feed items per run; more is an error
    max_article_chars: int = 500_000  # an article's text past this is cut
    max_ranked_sentences: int = 300  # sentences ranked per article, from the top

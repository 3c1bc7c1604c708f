"""A story's full dated chronology: the ``briefer timeline`` command's library side.

    make_timeline(["feed.jsonl"], ChronologyOptions(dates=20, per_date=2))  →  Timeline
    write_timeline(timeline, Path("out"), ("json", "md"))  →  written paths

The sources are read and cleaned as for a brief (:func:`briefer.pipeline.load_sources`); the
dates and sentences are chosen by the chronology engine (:mod:`briefer.chronology`), which
the brief's chronology shares. Every sentence is copied verbatim and cites its sources.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .chronology import ChronologyOptions, Entry, Reading, chronology, read
from .compose import source_sentences
from .errors import NoUsableInput
from .models import BriefOptions, Skipped, Source
from .standalone import is_candidate

log = logging.getLogger(__name__)

FORMATS = ("json", "md", "docx")
#: the timeline's title is the most typical source headline of at most this many words
MAX_TITLE_WORDS = 16


@dataclass(frozen=True)
class Timeline:
    """The chronology of a story with the sources it cites and the inputs it could not use."""

    title: str
    entries: tuple[Entry, ...]
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...] = ()


def readings(sources: Sequence[Source], language: str = "english") -> list[Reading]:
    """Every usable sentence of ``sources`` (a statement of sensible length), dated."""
    found: list[Reading] = []
    for source in sources:
        position = 0
        previous: Reading | None = None
        for sentence in source_sentences(source):
            if is_candidate(sentence.text):
                published = source.metadata.published
                previous = read(sentence, published, position, source.language, previous)
                found.append(previous)
                position += 1
    return found


def _title(sources: Sequence[Source]) -> str:
    from collections import Counter

    from .words import content_words

    titles = [s.metadata.title for s in sources if s.metadata.title]
    # a headline is short; a long "title" is a first sentence standing in for one
    short = [t for t in titles if len(t.split()) <= MAX_TITLE_WORDS] or titles
    if not short:
        return "Timeline"
    counts: Counter[str] = Counter(w for t in titles for w in content_words(t))

    def typical(title: str) -> tuple[float, int]:
        words = content_words(title)
        return (sum(counts[w] for w in words) / max(1, len(words)), -len(title))

    return max(short, key=typical)


def build_timeline(
    sources: Sequence[Source],
    skipped: Sequence[Skipped],
    options: ChronologyOptions,
    prepared: Sequence[Reading] | None = None,
) -> Timeline:
    """The timeline of ``sources`` (``prepared`` readings of them may be passed to save work)."""
    material = readings(sources, options.language) if prepared is None else prepared
    entries = chronology(material, options)
    cited = {sid for e in entries for i in e.items for sid in i.sources}
    return Timeline(
        title=_title(sources),
        entries=tuple(entries),
        sources=tuple(s for s in sources if s.id in cited),
        skipped=tuple(skipped),
    )


def make_timeline(inputs: Sequence[Path | str], options: ChronologyOptions) -> Timeline:
    """The timeline of the articles under ``inputs`` (files, folders, JSONL feeds).

    Raises :class:`~briefer.errors.NoUsableInput` when no article could be used.
    """
    from .pipeline import load_sources

    found = load_sources(inputs, BriefOptions(language=options.language))
    if not found.sources:
        reasons = "; ".join(f"{s.file}: {s.reason}" for s in found.skipped[:5])
        raise NoUsableInput(
            "no usable article in the inputs" + (f" ({reasons})" if reasons else "")
        )
    return build_timeline(found.sources, found.skipped, options)


# --- output ----------------------------------------------------------------------------------


def _published(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def timeline_json(timeline: Timeline) -> str:
    """The timeline as ``{"dates": [{"date", "items": [{"text", "sources"}]}], "sources",
    "skipped"}``, dates ascending."""
    from .render import strip_unsafe
    from .schemas import SCHEMA_VERSION

    document = {
        "title": strip_unsafe(timeline.title),
        "dates": [
            {
                "date": entry.iso(),
                "items": [
                    {
                        "text": strip_unsafe(item.text),
                        "sources": list(item.sources),
                        "quoted_from": item.source_id,
                        "basis": item.when.basis if item.when else None,
                        "phrase": strip_unsafe(item.when.phrase)
                        if item.when and item.when.phrase
                        else None,
                    }
                    for item in entry.items
                ],
            }
            for entry in timeline.entries
        ],
        "sources": [
            {
                "id": s.id,
                "file": strip_unsafe(s.file),
                "item": s.item,
                "title": strip_unsafe(s.metadata.title) if s.metadata.title else None,
                "outlet": strip_unsafe(s.metadata.outlet) if s.metadata.outlet else None,
                "published": _published(s.metadata.published),
                "url": s.metadata.url,
            }
            for s in timeline.sources
        ],
        "skipped": [
            {"file": strip_unsafe(s.file), "reason": strip_unsafe(s.reason)}
            for s in timeline.skipped
        ],
        "schema_version": SCHEMA_VERSION,  # briefer/schemas/timeline.schema.json
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _source_line(source: Source) -> str:
    from .render import clean_text

    meta = source.metadata
    parts = [clean_text(meta.title or source.file)]
    parts += [clean_text(x) for x in (meta.outlet, _published(meta.published)) if x]
    return " — ".join([parts[0], ", ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def timeline_markdown(timeline: Timeline) -> str:
    """The timeline as Markdown: a heading per date, a bullet per sentence, then the sources."""
    from .render import citation_label, clean_text, md_escape, source_number

    lines = [f"# {md_escape(clean_text(timeline.title))}", ""]
    lines.append(f"Timeline of {len(timeline.entries)} dates from {len(timeline.sources)} sources")
    for entry in timeline.entries:
        lines += ["", f"## {entry.iso()}", ""]
        for item in entry.items:
            lines.append(f"- {md_escape(clean_text(item.text))} {citation_label(item.sources)}")
    lines += ["", "## Sources", ""]
    for source in timeline.sources:
        lines.append(f"{source_number(source.id)}. {md_escape(_source_line(source))}")
    return "\n".join(lines) + "\n"


def timeline_docx(timeline: Timeline) -> bytes:
    """The timeline as a Word file (python-docx's default styles; not limited to a page)."""
    import docx

    from .render import citation_label, clean_text, source_number

    document = docx.Document()
    document.add_heading(clean_text(timeline.title), level=1)
    for entry in timeline.entries:
        document.add_heading(entry.iso(), level=2)
        for item in entry.items:
            document.add_paragraph(
                f"{clean_text(item.text)} {citation_label(item.sources)}", style="List Bullet"
            )
    document.add_heading("Sources", level=2)
    for source in timeline.sources:
        document.add_paragraph(f"[{source_number(source.id)}] {_source_line(source)}")
    document.core_properties.author = "briefer"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_timeline(
    timeline: Timeline, out_dir: Path, formats: Sequence[str] = ("json",)
) -> list[Path]:
    """Write ``out_dir/timeline.<format>``; everything is rendered before anything is written."""
    from .atomic import write_atomic

    rendered: list[tuple[Path, bytes]] = []
    for fmt in dict.fromkeys(formats):
        if fmt == "json":
            data = timeline_json(timeline).encode("utf-8")
        elif fmt == "md":
            data = timeline_markdown(timeline).encode("utf-8")
        elif fmt == "docx":
            data = timeline_docx(timeline)
        else:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        rendered.append((out_dir / f"timeline.{fmt}", data))
    for path, data in rendered:
        write_atomic(path, data)
    return [path for path, _ in rendered]

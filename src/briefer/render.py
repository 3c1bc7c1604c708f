"""Turn a ``Brief`` into Markdown (through a Jinja2 template) and JSON, and find templates.

The default templates ship inside the package (``briefer/templates``); a user's templates
folder overrides them file by file. User templates are untrusted: Markdown is rendered in
Jinja2's sandbox with ``StrictUndefined``, so a template that names a missing field or
reaches for Python internals fails with a ``TemplateError`` instead of printing garbage.

The helpers here (citation labels, date labels, which sources the page lists) are shared
with the Word renderer so that ``[5]`` means source ``S5`` in every output.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import jinja2
import jinja2.sandbox
from jinja2.exceptions import SecurityError

from briefer.errors import OutputError, TemplateError
from briefer.models import Brief, Item, Metadata, Source, When
from briefer.sandbox import BoundedSandbox, FolderLoader, check_word_template, render_bounded

from .patterns import compiled

logger = logging.getLogger(__name__)

MARKDOWN_TEMPLATE = "brief.md.j2"
DOCX_TEMPLATE = "brief.docx"

#: Above this many listed sources the page lists them run-in on one paragraph.
FULL_SOURCE_LIMIT = 12
#: Citations an item shows on the page; further sources are counted ("[3][8][9] +14").
#: brief.json lists them all.
CITATIONS_ON_PAGE = 3
#: Skipped files named on the page; the rest are counted ("+ N more in brief.json").
SKIPPED_ON_PAGE = 5

TITLE_CHARS = 90  # a source's title in the source list (metadata, so it may be shortened)
DETAIL_CHARS = 40  # outlet, author
SHORT_CHARS = 36  # the label of a source in the run-in list

# Characters XML 1.0 cannot hold (so neither can Word), lone surrogates, and the two
# non-characters; C1 controls and DEL are dropped too (they are never meant as text).
_UNSAFE = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = compiled(r"\s+")
_SOURCE_NUMBER = compiled(r"S(\d+)")


# --------------------------------------------------------------------------- text


def clean_text(text: str) -> str:
    """``text`` without characters Word or UTF-8 cannot hold, on one line."""
    return _SPACE.sub(" ", _UNSAFE.sub("", text)).strip()


def strip_unsafe(text: str) -> str:
    """``text`` without characters JSON-as-UTF-8 or XML cannot hold; spacing is kept."""
    return _UNSAFE.sub("", text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, ending in "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


_MD_INLINE = compiled(r"[\\`*\[\]<]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?\w+;)")
_MD_BLOCK_START = compiled(r"^(#{1,6}(?=\s|$)|>|[+\-](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, and nothing else (words stay intact).

    Inline: backslash, backtick, ``*``, brackets, ``<``, an entity-like ``&``, and ``_``
    at a word edge (``snake_case`` stays as it is). At the start: a heading ``#``, a quote
    ``>``, a list marker ``+``/``-``, or ``12.``/``12)`` that would start a numbered list.
    """
    escaped = _MD_INLINE.sub(lambda m: "\\" + m.group(0), clean_text(text))
    block = _MD_BLOCK_START.match(escaped)
    if block is None:
        return escaped
    if block.group(0)[0].isdigit():
        end = block.end()
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


# ------------------------------------------------------------------ shared labels


def source_number(source_id: str) -> str:
    """The number readers see for a source id: ``S5`` → ``5`` (other ids stay as they are)."""
    match = _SOURCE_NUMBER.fullmatch(source_id)
    return str(int(match.group(1))) if match else source_id


def page_citations(item: Item) -> tuple[tuple[str, ...], int]:
    """The sources an item cites on the page, and how many more it has.

    The source its words are quoted from comes first, then the others in the order given,
    up to ``CITATIONS_ON_PAGE``: a fact fifty outlets reported must not fill the page.
    """
    ids = list(dict.fromkeys(item.sources))
    if item.source_id in ids:
        ids.remove(item.source_id)
        ids.insert(0, item.source_id)
    # "+1" takes the room of the citation it stands for: show it instead
    shown = tuple(ids if len(ids) <= CITATIONS_ON_PAGE + 1 else ids[:CITATIONS_ON_PAGE])
    return shown, len(ids) - len(shown)


def citation_label(source_ids: Iterable[str], more: int = 0) -> str:
    """``("S1", "S2")`` → ``[1][2]``, each source once, in the order given; ``more`` → `` +N``."""
    seen: dict[str, None] = dict.fromkeys(source_ids)
    label = "".join(f"[{source_number(sid)}]" for sid in seen)
    return f"{label} +{more}" if more else label


def item_citations(item: Item) -> str:
    """An item's citation label as the page shows it."""
    return citation_label(*page_citations(item))


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_label(when: When | None) -> str:
    """How the page shows a date: ``2019-12-20``, ``Aug 2018`` or ``2018``."""
    if when is None:
        return "undated"
    if when.precision == "year":
        return f"{when.date.year:04d}"
    if when.precision == "month":
        return f"{_MONTHS[when.date.month - 1]} {when.date.year:04d}"
    return when.date.isoformat()


def is_reported(when: When | None) -> bool:
    """True when the date is only the report's publication date, not the event's."""
    return when is not None and when.basis == "published"


REPORTED = "(reported)"


def count_label(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass(frozen=True)
class SourceEntry:
    """One source as the page lists it (title shortened, details joined)."""

    number: str
    title: str
    details: str  # "Outlet, Author, 2019-12-23" (may be empty)
    short: str  # the run-in label: outlet (or title), date
    url: str | None


@dataclass(frozen=True)
class PageSources:
    """The sources the page lists, and how.

    Only the sources the kept items cite are listed (with their own numbers); the others
    are counted in ``more``. Past ``FULL_SOURCE_LIMIT`` entries the list is run in on one
    paragraph (``compact``) so that any number of sources fits the page.
    """

    entries: tuple[SourceEntry, ...]
    more: int
    compact: bool


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address fit to print and link, else None."""
    if url is None:
        return None
    url = url.strip()
    if re.fullmatch(r"https?://[^\s<>\"\x00-\x1f\x7f]+", url) is None:
        return None
    return url


def source_entry(source: Source) -> SourceEntry:
    return _entry(source.id, source.file, source.metadata)


@functools.lru_cache(maxsize=4096)
def _entry(source_id: str, file: str, meta: Metadata) -> SourceEntry:
    """A source's entry, by what it is made of (the fitting lays the page out again after
    each entry it drops, listing mostly the same sources)."""
    title = clean_text(meta.title or "") or clean_text(file) or source_id
    details = [
        shorten(clean_text(value), DETAIL_CHARS)
        for value in (meta.outlet, meta.author)
        if value and clean_text(value)
    ]
    if meta.published is not None:
        details.append(meta.published.isoformat())
    label = shorten(clean_text(meta.outlet or "") or title, SHORT_CHARS)
    if meta.published is not None:
        label = f"{label}, {meta.published.isoformat()}"
    return SourceEntry(
        number=source_number(source_id),
        title=shorten(title, TITLE_CHARS),
        details=", ".join(details),
        short=label,
        url=safe_url(meta.url),
    )


def entry_text(title: str, details: str) -> str:
    """ "Title — Outlet, Author, 2019-12-23." (one final stop, not after a "?" or "…")."""
    text = f"{title} — {details}" if details else title
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def page_sources(brief: Brief) -> PageSources:
    """Which sources the page lists: those cited by the kept items, in the brief's order."""
    from .policy import policy_citations

    cited = {
        sid for item in (*brief.key_points, *brief.chronology) for sid in page_citations(item)[0]
    } | policy_citations(brief)
    listed = tuple(source_entry(s) for s in brief.sources if s.id in cited)
    return PageSources(
        entries=listed,
        more=len(brief.sources) - len(listed),
        compact=len(listed) > FULL_SOURCE_LIMIT,
    )


def more_sources_line(more: int) -> str:
    return f"+ {count_label(more, 'more source')} in brief.json"


def skipped_line(brief: Brief) -> str | None:
    """ "Not used: a.txt: empty file; …" (the first few), or None when nothing was skipped."""
    if not brief.skipped:
        return None
    shown = [
        f"{clean_text(s.file)}: {clean_text(s.reason)}" for s in brief.skipped[:SKIPPED_ON_PAGE]
    ]
    rest = len(brief.skipped) - len(shown)
    line = "Not used: " + "; ".join(shown)
    return line + (f"; + {rest} more in brief.json" if rest else "")


def meta_line(brief: Brief) -> str:
    return (
        f"Brief generated {brief.generated.isoformat()} from "
        f"{count_label(len(brief.sources), 'source')}"
    )


# ------------------------------------------------------------------- templates


def _package_template(name: str) -> resources.abc.Traversable:
    return resources.files("briefer").joinpath("templates", name)


def _check_folder(templates: Path | None) -> None:
    if templates is not None and not templates.is_dir():
        raise TemplateError(
            f"Templates folder {templates} does not exist or is not a folder; "
            "point --templates at a folder holding brief.md.j2 and/or brief.docx."
        )


def template_bytes(name: str, templates: Path | None = None) -> bytes:
    """A template file: the user's copy in ``templates`` if it has one, else the default."""
    _check_folder(templates)
    if templates is not None and (templates / name).is_file():
        try:
            data = (templates / name).read_bytes()
        except OSError as exc:
            raise TemplateError(f"Cannot read template {templates / name}: {exc}") from exc
        if name.endswith(".docx"):
            check_word_template(data, templates / name)  # untrusted: no macros, no links out
        return data
    return _package_template(name).read_bytes()


def export_templates(folder: Path, *, force: bool = False) -> list[Path]:
    """Write the default ``brief.md.j2`` and ``brief.docx`` to ``folder`` (created if needed).

    Refuses (``OutputError``, nothing written) to replace a template already there unless
    ``force``: it may be a newsroom's restyled copy.
    """
    from briefer.atomic import write_atomic

    targets = [folder / name for name in (MARKDOWN_TEMPLATE, DOCX_TEMPLATE)]
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        raise OutputError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
            "pass --force to replace them with the defaults."
        )
    for path in targets:
        write_atomic(path, _package_template(path.name).read_bytes())
    return targets


def _environment(templates: Path | None) -> BoundedSandbox:
    """The sandbox that renders ``templates``' Markdown template (or the shipped one)."""
    if templates is None:
        return _shipped_environment()
    return _new_environment(templates)


@functools.cache
def _shipped_environment() -> BoundedSandbox:
    """One sandbox for the shipped template in a process: it compiles the template once
    (≈ 0.04 s; fitting a brief to the page renders it several times). A user's folder gets a
    new sandbox each time, so an edited template is read afresh."""
    return _new_environment(None)


def compile_shipped_template() -> None:
    """Compile the shipped Markdown template now (≈ 0.02 s), ahead of the first rendering:
    a brief's run does it while its worker processes clean the articles."""
    _shipped_environment().get_template(MARKDOWN_TEMPLATE)


def _new_environment(templates: Path | None) -> BoundedSandbox:
    def package_source(name: str) -> str | None:
        found = _package_template(name)
        return found.read_text(encoding="utf-8") if found.is_file() else None

    # plain names only, from the user's folder or the package: never a path, never outside
    env = BoundedSandbox(
        loader=FolderLoader(templates, package_source),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md_escape"] = md_escape
    return env


# -------------------------------------------------------------------- Markdown


@dataclass(frozen=True)
class MarkdownItem:
    """A key point or chronology line, Markdown-escaped, as templates see it."""

    text: str
    cites: str
    date: str
    reported: bool


@dataclass(frozen=True)
class MarkdownSource:
    number: str
    line: str  # "Title — Outlet, Author, 2019-12-23."
    title: str
    details: str
    short: str
    url: str | None


def _markdown_item(item: Item) -> MarkdownItem:
    return MarkdownItem(
        text=md_escape(item.text),
        cites=item_citations(item),
        date=md_escape(date_label(item.when)),
        reported=is_reported(item.when),
    )


def markdown_context(brief: Brief) -> dict[str, object]:
    """What ``brief.md.j2`` can use. Every string is already Markdown-escaped."""
    from .labels import brief_language, labels_for, meta_text
    from .policy import policy_markdown

    listed = page_sources(brief)
    skipped = skipped_line(brief)
    language = brief_language(brief)
    labels = {k: md_escape(v) for k, v in labels_for(language).items()}
    return {
        "title": md_escape(brief.title),
        "generated": brief.generated.isoformat(),
        "meta": md_escape(meta_text(brief, labels_for(language))),
        "labels": labels,  # the fixed words in the brief's language (briefer.labels)
        "language": language,
        "source_count": len(brief.sources),
        "key_points": [_markdown_item(i) for i in brief.key_points],
        "chronology": [_markdown_item(i) for i in brief.chronology],
        **policy_markdown(brief),  # what_to_watch, who_said_what, why_it_matters, disagreements
        "sources": [
            MarkdownSource(
                number=e.number,
                line=md_escape(entry_text(e.title, e.details)),
                title=md_escape(e.title),
                details=md_escape(e.details),
                short=md_escape(e.short),
                url=e.url,
            )
            for e in listed.entries
        ],
        "compact_sources": listed.compact,
        "more_sources": md_escape(more_sources_line(listed.more)) if listed.more else "",
        "skipped": md_escape(skipped) if skipped else "",
        "reported": labels["reported"],
        "algorithm": brief.algorithm,
    }


def render_markdown(brief: Brief, templates: Path | None = None) -> str:
    """The brief as Markdown, through ``brief.md.j2`` (the user's copy if ``templates`` has one).

    Raises ``TemplateError`` when the template is malformed, names a field briefer does not
    provide, or tries to reach outside the sandbox.
    """
    _check_folder(templates)
    env = _environment(templates)
    env.range_steps = 0  # the loop budget is per render (the shipped sandbox is reused)
    where = templates / MARKDOWN_TEMPLATE if templates is not None else MARKDOWN_TEMPLATE
    fix = "; fix it, or remove it from the templates folder to use the default."
    try:
        template = env.get_template(MARKDOWN_TEMPLATE)
        text = render_bounded(template, markdown_context(brief))
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"Template {where} uses a field briefer does not provide: {exc.message}{fix}"
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"Template {exc.filename or where} line {exc.lineno}: {exc.message}{fix}"
        ) from exc
    except SecurityError as exc:
        raise TemplateError(f"Template {where} was refused: {str(exc).rstrip('.')}{fix}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Template {where}: {exc.message}{fix}") from exc
    return text.rstrip("\n") + "\n"


# ------------------------------------------------------------------------ JSON


def _score(value: float) -> float | None:
    return round(value, 6) if math.isfinite(value) else None


def _item_json(item: Item, *, dated: bool) -> dict[str, object]:
    when = item.when
    record: dict[str, object] = {}
    if dated:
        record["date"] = when.iso() if when else None
        record["precision"] = when.precision if when else None
    record["text"] = strip_unsafe(item.text)
    record["sources"] = list(item.sources)
    if not dated:
        record["date"] = when.iso() if when else None
        record["precision"] = when.precision if when else None
    record["basis"] = when.basis if when else None
    record["phrase"] = strip_unsafe(when.phrase) if when and when.phrase else None
    record["quoted_from"] = item.source_id or None
    record["score"] = _score(item.score)
    return record


def _optional(text: str | None) -> str | None:
    return strip_unsafe(text) if text is not None else None


def _published(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None


def _source_json(source: Source) -> dict[str, object]:
    meta = source.metadata
    return {
        "id": source.id,
        "file": strip_unsafe(source.file),
        "title": _optional(meta.title),
        "outlet": _optional(meta.outlet),
        "author": _optional(meta.author),
        "published": _published(meta.published),
        "url": _optional(meta.url),
        "format": source.format,
        "item": _optional(source.item),
        "language": source.language,
        "origin": {key: strip_unsafe(meta.origin[key]) for key in sorted(meta.origin)},
    }


def _left_off_json(brief: Brief) -> dict[str, object]:
    """What the page had no room for, section by section (only sections that lost entries),
    each entry in the same form as in its own section."""
    from .policy import policy_json

    rest = brief.left_off
    if rest is None:
        return {}
    shell = replace(
        brief,
        why_it_matters=rest.why_it_matters,
        what_to_watch=rest.what_to_watch,
        who_said_what=rest.who_said_what,
        disagreements=rest.disagreements,
    )
    sections: dict[str, object] = {
        "key_points": [_item_json(i, dated=False) for i in rest.key_points],
        "chronology": [_item_json(i, dated=True) for i in rest.chronology],
        **policy_json(shell),
    }
    return {name: entries for name, entries in sections.items() if entries}


def render_json(brief: Brief) -> str:
    """The brief as JSON for other programs (the contract in the scorer's README, plus extras).

    Field order is fixed and the output is byte-identical for the same ``Brief``. All
    sources are listed here, also those the one-page outputs only count.
    """
    from .policy import policy_json
    from .schemas import SCHEMA_VERSION

    document = {
        "title": strip_unsafe(brief.title),
        "generated": brief.generated.isoformat(),
        "algorithm": brief.algorithm,
        "page": brief.page,
        "key_points": [_item_json(i, dated=False) for i in brief.key_points],
        "chronology": [_item_json(i, dated=True) for i in brief.chronology],
        **policy_json(brief),
        "left_off": _left_off_json(brief),
        "sources": [_source_json(s) for s in brief.sources],
        "skipped": [
            {"file": strip_unsafe(s.file), "reason": strip_unsafe(s.reason)} for s in brief.skipped
        ],
        "schema_version": SCHEMA_VERSION,  # briefer/schemas/brief.schema.json
    }
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"

"""Find the input files and read each into ``RawArticle``s.

``discover`` turns the INPUTS a user names (files and folders) into an ordered list of
candidate files; ``read_file`` reads one of them; ``read_inputs`` does both and collects every
file or feed item that could not be used as a ``Skipped`` with a reason.

Formats, by extension:

* ``.txt`` ``.text`` ``.md`` ``.markdown``: text in any common encoding (UTF-8 with or without
  BOM, UTF-16/32 with BOM, cp1252, latin-1). Markdown syntax is stripped and a YAML front
  matter block, if any, becomes metadata.
* ``.html`` ``.htm`` ``.xhtml``: see :mod:`briefer.html` (the body is isolated there, so these
  articles come ``cleaned``).
* ``.docx``: paragraphs and table cells in document order; real-looking core properties.
* ``.pdf``: text PDFs, see :mod:`briefer.pdf` (running heads, page numbers and line-end
  hyphenation undone; scans and locked files skipped with a reason).
* ``.json`` ``.jsonl`` ``.ndjson``: feed items, one article each.

The lines of every ``RawArticle`` follow one convention: a paragraph is a run of non-blank
lines, and paragraphs are separated by blank lines (``""``). Text files keep their own lines
(trailing spaces removed, blank lines at both ends dropped); Word paragraphs, feed paragraphs
and HTML paragraphs become one line each with a blank line between them.

Whole-file failures raise ``SkipFile``; per-item failures inside a feed are returned in
``ReadResult.skipped``. Nothing here raises for a bad file otherwise, and nothing touches the
network.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import io
import json
import logging
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer import limits
from briefer.errors import SkipFile
from briefer.html import extract_html, html_fragment_lines, looks_like_html, parse_published
from briefer.models import METADATA_FIELDS, Metadata, RawArticle, Skipped
from briefer.mojibake import repair_mojibake
from briefer.typography import plain

from .patterns import compiled

if TYPE_CHECKING:  # python-docx is imported when a Word file is read (0.06 s a start)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

logger = logging.getLogger(__name__)

#: Files larger than this are skipped unread.
MAX_FILE_BYTES = limits.MAX_FILE_BYTES
#: A Word file whose zip entries declare more than this, uncompressed, is skipped unopened.
MAX_WORD_EXPANDED_BYTES = limits.MAX_FILE_BYTES
#: A Word file with more zip entries than this is skipped unopened.
MAX_WORD_ENTRIES = limits.MAX_ZIP_ENTRIES

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
WORD_SUFFIXES = frozenset({".docx"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PDF_SUFFIXES = frozenset({".pdf"})
#: the files whose reading is parsing, not decoding text
_PARSED_SUFFIXES = HTML_SUFFIXES | WORD_SUFFIXES | PDF_SUFFIXES
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES
    | MARKDOWN_SUFFIXES
    | HTML_SUFFIXES
    | WORD_SUFFIXES
    | JSON_SUFFIXES
    | JSONL_SUFFIXES
    | PDF_SUFFIXES
)
#: Known formats that are not read (yet), with the reason given.
UNSUPPORTED_REASONS = {
    ".doc": "old Word .doc files are not supported (save it as .docx)",
}
#: Files an operating system leaves in folders; passed over silently, like hidden files.
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})

#: Feed item fields, most preferred first.
TEXT_FIELDS = ("text", "body", "content", "article", "articleBody", "description")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = (
    "published",
    "date",
    "pubDate",
    "published_at",
    "publishedAt",
    "datePublished",
    "publication_date",
)
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("outlet", "source", "site", "publisher", "site_name")
AUTHOR_FIELDS = ("author", "byline", "authors")
ID_FIELDS = ("id", "guid")
LIST_FIELDS = ("items", "articles", "data", "entries")

#: Word core-property values that tools fill in by themselves (compared lowercased).
JUNK_AUTHORS = frozenset(
    {
        "",
        "python-docx",
        "unknown",
        "user",
        "admin",
        "administrator",
        "author",
        "owner",
        "microsoft office user",
        "windows user",
        "office user",
        "apache poi",
        "docx4j",
        "libreoffice",
        "openpyxl",
    }
)
JUNK_TITLES = frozenset(
    {"", "normal", "document", "untitled", "title", "word document", "microsoft word document"}
)
#: The creation time python-docx's default template carries.
PYTHON_DOCX_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)

_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
_MAX_NUL_SHARE = 0.01
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEWLINES = compiled(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = compiled("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff]")
_SPACES = compiled(r"\s+")
#: the control characters (Unicode's category Cc: U+0000-U+001F, U+007F-U+009F) that are not
#: line or page breaks or tabs
_CONTROL = compiled("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: what :func:`tidy_text` changes in ASCII text (a carriage return is one of the controls)
#: the ASCII characters a tidy text may hold: tab, newline and the printable ones (the rest,
#: control characters, are what :func:`tidy_text` removes)
_ASCII_TIDY = bytes([0x09, 0x0A, *range(0x20, 0x7F)])


@dataclass(frozen=True)
class ReadResult:
    """What reading yielded: the articles, and the files or feed items that were skipped."""

    articles: tuple[RawArticle, ...] = ()
    skipped: tuple[Skipped, ...] = ()


# --- finding files -------------------------------------------------------------------------


def discover(inputs: Sequence[Path]) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """The files to read among ``inputs`` (files or folders), each with its display name.

    Folders are walked recursively in natural name order ("2.txt" before "10.txt"); a file's
    display name is its path relative to the INPUT folder it was found in (POSIX slashes), or
    its own name when it was given directly. Hidden files and folders (".git", ".DS_Store")
    and system litter ("Thumbs.db", Word's "~$" lock files) are passed over silently.
    Unsupported types, symlinks leading outside their input folder, broken symlinks, symlink
    loops and second copies of one file are returned as ``Skipped``. Symlinked folders are
    not followed.

    Raises ``FileNotFoundError`` when an INPUT does not exist.
    """
    found: list[tuple[Path, str]] = []
    skipped: list[Skipped] = []
    seen: dict[Path, str] = {}

    def consider(path: Path, name: str, root: Path | None) -> None:
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            reason = UNSUPPORTED_REASONS.get(suffix) or (
                f"unsupported file type {suffix}" if suffix else "unsupported file type (none)"
            )
            skipped.append(Skipped(name, reason))
            return
        try:
            target = path.resolve(strict=True)
        except (RuntimeError, OSError) as error:
            skipped.append(Skipped(name, _link_problem(error)))
            return
        if root is not None and path.is_symlink() and not target.is_relative_to(root):
            skipped.append(Skipped(name, "symlink points outside the input folder"))
            return
        if target in seen:
            skipped.append(Skipped(name, f"same file as {seen[target]}"))
            return
        seen[target] = name
        found.append((path, name))

    for given in inputs:
        if given.is_dir():
            root = given.resolve()
            for path in _walk(given, skipped):
                consider(path, path.relative_to(given).as_posix(), root)
        elif given.exists() or given.is_symlink():
            consider(given, given.name, None)
        else:
            raise FileNotFoundError(f"input not found: {given}")
    return found, skipped


def _walk(folder: Path, skipped: list[Skipped]) -> Iterator[Path]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: _natural_key(entry.name))
    except OSError as error:
        skipped.append(Skipped(folder.name, f"cannot open folder: {error.strerror or error}"))
        return
    for entry in entries:
        if _passed_over(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, skipped)
        elif entry.is_symlink() and path.is_dir():
            logger.debug("not following symlinked folder %s", path)
        else:
            yield path


def _passed_over(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in SYSTEM_FILES


def _natural_key(name: str) -> tuple[list[tuple[int, str]], str]:
    parts = re.split(r"(\d+)", name.casefold())
    return [(int(part), "") if part.isdigit() else (-1, part) for part in parts], name


# public: an archive of story folders (briefer.stories) is walked by the same rules
passed_over = _passed_over
natural_key = _natural_key


def _link_problem(error: BaseException) -> str:
    if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
        return "symlink loop"
    if isinstance(error, FileNotFoundError):
        return "broken symlink (its target does not exist)"
    return f"cannot read file: {getattr(error, 'strerror', None) or error}"


# --- reading -------------------------------------------------------------------------------


def read_inputs(
    inputs: Sequence[Path],
    *,
    today: dt.date | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    max_articles: int = limits.MAX_ARTICLES,
    max_article_chars: int = limits.MAX_ARTICLE_CHARS,
) -> ReadResult:
    """Discover and read every input; each unusable file or feed item is a ``Skipped``.

    Files over ``max_bytes`` are skipped unread; an article's text is cut after
    ``max_article_chars`` characters. Raises ``FileNotFoundError`` when an INPUT does not
    exist, and ``LimitExceeded`` when the inputs hold more than ``max_articles`` articles.
    """
    candidates, skipped = discover(inputs)
    limits.check_article_count(len(candidates), max_articles, "files")
    read = partial(_read_or_skip, today=today, max_bytes=max_bytes)
    if sum(path.suffix.lower() in _PARSED_SUFFIXES for path, _ in candidates) >= PARALLEL_FILES:
        from .parallel import map_ordered

        # pages, Word files and PDFs are parsed on every core (a page takes ~30 ms to parse);
        # the results are the same, in the same order, and are taken in below as before
        results = map_ordered(read, candidates, warm=partial(_load_parsers, candidates))
    else:
        results = [read(candidate) for candidate in candidates]
    articles: list[RawArticle] = []
    for (_, name), result in zip(candidates, results, strict=True):
        if isinstance(result, Skipped):
            logger.info("skipping %s: %s", name, result.reason)
            skipped.append(result)
            continue
        articles.extend(limits.cap_article(a, max_article_chars) for a in result.articles)
        skipped.extend(result.skipped)
        limits.check_article_count(len(articles), max_articles, "articles (files and feed items)")
    return ReadResult(tuple(articles), tuple(skipped))


#: files whose reading is parsing (a page, a Word file, a PDF): from this many of them on,
#: they are read in worker processes (briefer.parallel; fewer run here, as other files do)
PARALLEL_FILES = 48


def _read_or_skip(
    candidate: tuple[Path, str], *, today: dt.date | None, max_bytes: int
) -> ReadResult | Skipped:
    """:func:`read_file`, a file that cannot be used given back as its ``Skipped``."""
    path, name = candidate
    try:
        return read_file(path, name, today=today, max_bytes=max_bytes)
    except SkipFile as skip:
        return Skipped(name, skip.reason)


def _load_parsers(candidates: Sequence[tuple[Path, str]]) -> None:
    """Import the parsers these files need before the workers fork, once for all of them:
    trafilatura and lxml for pages (0.15-0.2 s), python-docx for Word files. (The PDF
    library, which sets itself up when imported, is imported by each worker that needs it.)"""
    suffixes = {path.suffix.lower() for path, _ in candidates}
    if suffixes & HTML_SUFFIXES:
        import lxml.html  # noqa: F401
        import trafilatura  # noqa: F401
    if suffixes & WORD_SUFFIXES:
        import docx  # noqa: F401


def read_file(
    path: Path, name: str, *, today: dt.date | None = None, max_bytes: int = MAX_FILE_BYTES
) -> ReadResult:
    """Read one file into articles (a feed gives one per item), by its extension.

    ``name`` is the display name recorded in each article's ``file``. ``today`` bounds
    publication dates (default: the current date). Raises ``SkipFile`` when the file cannot
    be used at all; feed items that cannot be used are in ``ReadResult.skipped``.
    """
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise SkipFile(UNSUPPORTED_REASONS.get(suffix) or f"unsupported file type {suffix}")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise SkipFile("not a regular file (a pipe, device or socket)")
        if status.st_size > max_bytes:
            raise SkipFile(f"file is {_size(status.st_size)}, over the {_size(max_bytes)} limit")
        with path.open("rb") as handle:  # never more than the limit, even if the file grows
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise SkipFile(f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise SkipFile(f"file grew past the {_size(max_bytes)} limit while it was read")
    if not data.strip():
        raise SkipFile("empty file")
    if reader is _read_word:
        return _read_word(data, name, today or dt.date.today(), max_expanded=max_bytes)
    return reader(data, name, today or dt.date.today())


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:.0f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"


# --- text ----------------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """Decode a text file's bytes and tidy the result.

    BOMs decide first; then UTF-8; then cp1252 (which reads latin-1 text identically and
    gives bytes 0x80–0x9F their punctuation meaning: curly quotes, dashes, €), falling back to
    latin-1 when a byte cp1252 leaves undefined occurs. UTF-16 without a BOM is recognised by
    its every other byte being NUL; a zero-filled end is dropped; other NUL bytes (more than
    1%) or many control characters mean binary data (``SkipFile``). Line endings become
    ``\\n``, control and invisible characters other than ``\\n`` and ``\\t`` are dropped,
    and the text is NFC-normalised.
    UTF-8 that was once misread as Latin-1 or cp1252 ("donâ€™t") is repaired first.
    """
    text = repair_mojibake(_decode(data))
    sample = text[:_SNIFF_BYTES]
    controls = len(_CONTROL.findall(sample))
    if controls > max(3, _MAX_CONTROL_SHARE * len(sample)):
        raise SkipFile("not text (binary data)")
    return tidy_text(text)


def tidy_text(text: str) -> str:
    """``\\n`` line endings, no control or invisible characters but ``\\n`` and ``\\t``, NFC."""
    # nothing to change in ASCII text without control characters (most feeds: JSON escapes
    # every other character), nor with typographic characters, which need no tidying
    # (encoded as "?", a tidy byte); deleting the tidy bytes leaves none (7x faster than a
    # search)
    if plain(text) and not text.encode("ascii", "replace").translate(None, _ASCII_TIDY):
        return text
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise SkipFile("not text (binary data)") from None
    if b"\x00" in data[:_SNIFF_BYTES]:
        utf16 = _bomless_utf16(data[:_SNIFF_BYTES])
        if utf16 is not None:
            try:
                return data[: len(data) // 2 * 2].decode(utf16)
            except UnicodeDecodeError:
                raise SkipFile("not text (binary data)") from None
    data = data.rstrip(b"\x00")  # a file zero-filled at its end (a crash while saving)
    sample = data[:_SNIFF_BYTES]
    if sample.count(b"\x00") > _MAX_NUL_SHARE * len(sample):
        raise SkipFile("not text (binary data)")
    for codec in ("utf-8", "cp1252"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        logger.debug("decoded as %s", codec)
        return text
    return data.decode("latin-1")


def _bomless_utf16(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in Latin-script UTF-16."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    for zeros, letters, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * half and letters.count(0) <= 0.1 * half:
            return codec
    return None


def text_lines(text: str) -> tuple[str, ...]:
    """The lines of a tidied text, right-stripped, without blank lines at either end."""
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    return tuple(lines[start:])


def _read_text(data: bytes, name: str, today: dt.date) -> ReadResult:
    lines = text_lines(decode_text(data))
    metadata, lines = _scraper_header(lines, today)
    if not lines:
        raise SkipFile("empty file")
    return ReadResult((RawArticle(file=name, format="text", lines=lines, metadata=metadata),))


#: a ``Key: value`` line of the block a scraping tool writes above the page's text
_HEADER_PAIR = compiled(r"^\s*([A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(\S.*?)\s*$")
#: keys of that block that say when the page was fetched, never when it was published
_FETCHED_KEYS = frozenset(
    {"scraped", "retrieved", "accessed", "fetched", "crawled", "downloaded", "saved", "captured"}
)


def _scraper_header(lines: tuple[str, ...], today: dt.date) -> tuple[Metadata, tuple[str, ...]]:
    """The block of ``Key: value`` lines a scraping tool writes above the text ("Title: …",
    "URL: https://…", "Author: …", "Scraped: 2026-01-30 09:12"), read as front matter and
    taken off the text; a fetch time is never the publication date. Only a block of two
    lines or more at the very top, ending at a blank line, every key a known one and one of
    them a title or an address, counts."""
    end = 0
    pairs: dict[str, list[str]] = {}
    known = {key for keys in _FRONT_MATTER_FIELDS.values() for key in keys} | _FETCHED_KEYS
    while end < len(lines) and lines[end].strip():
        pair = _HEADER_PAIR.match(lines[end])
        key = pair[1].strip().lower().replace(" ", "_").replace("-", "_") if pair else ""
        if pair is None or key not in known:
            return Metadata(), lines
        pairs[key] = [pair[2]]
        end += 1
    keys = set(pairs)
    if end < 2 or end == len(lines) or not keys & {"title", "headline", "url", "link"}:
        return Metadata(), lines
    for fetched in _FETCHED_KEYS:
        pairs.pop(fetched, None)
    metadata = _pairs_metadata(pairs, today, "scraper header")
    return metadata, tuple(lines[end + 1 :])


def _read_markdown(data: bytes, name: str, today: dt.date) -> ReadResult:
    lines = text_lines(decode_text(data))
    metadata, lines = _front_matter(lines, today)
    heading = next((m[1].strip() for line in lines if (m := _MD_H1.match(line))), None)
    if metadata.title is None and heading:
        origin = {**metadata.origin, "title": "Markdown heading '# …'"}
        metadata = Metadata(**{**_fields(metadata), "title": heading}, origin=origin)
    lines = text_lines("\n".join(strip_markdown(lines, keep_inline_in_prose=True)))
    if not lines:
        raise SkipFile("empty file")
    return ReadResult((RawArticle(file=name, format="markdown", lines=lines, metadata=metadata),))


def _fields(metadata: Metadata) -> dict[str, Any]:
    return {name: getattr(metadata, name) for name in METADATA_FIELDS if name != "title"}


_MD_H1 = compiled(r"^\s{0,3}#\s+(.+?)(?:\s+#+)?\s*$")
#: rules that work on a line as a whole (block markup); the rest are inline
_MD_BLOCK_RULES = 7
#: a line of at least this many words is prose: its inline markup stays, so that what is
#: quoted from it is word for word the file's (sentences holding markup are not quoted)
_PROSE_WORDS = 12


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (compiled(pattern), replacement)
    for pattern, replacement in (
        (r"^\s{0,3}(?:>\s?)+", ""),  # quote markers
        (r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$", ""),  # rules and setext underlines
        (r"^\s{0,3}=+\s*$", ""),
        (r"^\s{0,3}(?:```|~~~).*$", ""),  # code fences
        (r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", ""),  # link definitions
        (r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$", r"\1"),  # headings
        (r"^\s*[*+-]\s+(?:\[[ xX]\]\s+)?", ""),  # bullets
        (r"!\[[^\]]*\]\([^)]*\)", ""),  # images
        (r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)", r"\1"),  # inline links
        (r"\[([^\]]+)\]\[[^\]]*\]", r"\1"),  # reference links
        (r"<(https?://[^>\s]+)>", r"\1"),  # autolinks
        (r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2"),  # strong
        (r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])", r"\1"),  # emphasis
        (r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)", r"\1"),
        (r"~~(?=\S)(.+?)(?<=\S)~~", r"\1"),  # strikethrough
        (r"`([^`]+)`", r"\1"),  # code spans
        (r"\\([\\`*_{}\[\]()#+\-.!>~|])", r"\1"),  # backslash escapes
    )
)


def strip_markdown(lines: Sequence[str], *, keep_inline_in_prose: bool = False) -> list[str]:
    """Markdown lines without their markup: headings, quotes, bullets, links, emphasis.

    With ``keep_inline_in_prose``, lines of prose keep their inline markup (links, emphasis)
    and lose only block markers; short lines (bylines, mastheads, headings) lose it all.
    """
    stripped = []
    for line in lines:
        for pattern, replacement in _MD_RULES[:_MD_BLOCK_RULES]:
            line = pattern.sub(replacement, line)
        if not (keep_inline_in_prose and len(line.split()) >= _PROSE_WORDS):
            for pattern, replacement in _MD_RULES[_MD_BLOCK_RULES:]:
                line = pattern.sub(replacement, line)
        stripped.append(line.rstrip())
    return stripped


_FRONT_MATTER_FIELDS = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "pubdate", "published_at", "datepublished"),
    "outlet": ("outlet", "site", "site_name", "publisher", "source_name"),
    "url": ("url", "source", "link", "canonical_url"),
}


def _front_matter(lines: tuple[str, ...], today: dt.date) -> tuple[Metadata, tuple[str, ...]]:
    """YAML front matter (``---`` … ``---`` at the top) read as simple ``key: value`` pairs."""
    if not lines or lines[0].strip() != "---":
        return Metadata(), lines
    end = next(
        (i for i in range(1, min(len(lines), 60)) if lines[i].strip() in ("---", "...")), None
    )
    if end is None:
        return Metadata(), lines
    pairs: dict[str, list[str]] = {}
    key = None
    for line in lines[1:end]:
        item = re.match(r"^\s+-\s+(.*)$", line)
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if item and key is not None:
            pairs[key].append(item[1])
        elif pair:
            key = pair[1].lower()
            pairs[key] = [pair[2]] if pair[2].strip() else []
        elif line.strip():
            return Metadata(), lines  # not the simple front matter we understand
    return _pairs_metadata(pairs, today, "front matter"), lines[end + 1 :]


def _pairs_metadata(pairs: dict[str, list[str]], today: dt.date, where: str) -> Metadata:
    """Metadata from ``key: values`` pairs (front matter, a scraper's header block)."""
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for field_name, keys in _FRONT_MATTER_FIELDS.items():
        for key in keys:
            raw = [_unquote(v) for v in pairs.get(key, [])]
            raw = [v for v in raw if v]
            if not raw:
                continue
            value: Any = ", ".join(raw)
            if field_name == "published":
                value = parse_published(raw[0], today=today)
            elif field_name == "url" and not value.startswith(("http://", "https://")):
                value = None
            if value:
                values[field_name] = value
                origin[field_name] = f"{where} '{key}'"
                break
    return Metadata(origin=origin, **values)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.removeprefix("[[").removesuffix("]]").strip()


# --- HTML ----------------------------------------------------------------------------------


def _read_html(data: bytes, name: str, today: dt.date) -> ReadResult:
    if b"\x00" in data[:_SNIFF_BYTES] and not data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        raise SkipFile("not text (binary data)")
    page = extract_html(data, today=today)
    lines = tuple(tidy_text(line) for line in page.lines)
    if not any(line.strip() for line in lines):  # only control characters
        raise SkipFile("no article text found in HTML")
    return ReadResult(
        (
            RawArticle(
                file=name, format="html", lines=lines, metadata=page.metadata, cleaned=page.cleaned
            ),
        )
    )


# --- Word ----------------------------------------------------------------------------------


def _word_errors() -> tuple[type[BaseException], ...]:
    """What python-docx raises on a malformed file (imported with python-docx, on first use)."""
    import lxml.etree
    from docx.opc.exceptions import PackageNotFoundError

    return (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        lxml.etree.XMLSyntaxError,
        zlib.error,
        EOFError,
        NotImplementedError,
    )

#: python-docx meets well-formed XML that lacks the parts or elements it expects with these.
_WORD_STRUCTURE_ERRORS = (AttributeError, TypeError)


def _read_pdf(data: bytes, name: str, today: dt.date) -> ReadResult:
    """A text PDF (see :mod:`briefer.pdf`); its document information is only a fallback."""
    from briefer.pdf import read_pdf

    text = read_pdf(data, today=today)
    lines = tuple(tidy_text(line) for line in text.lines)
    article = RawArticle(
        file=name, format="pdf", lines=lines, cleaned=True, fallback=text.metadata,
        removed=text.dropped,
    )
    return ReadResult((article,))


def _read_word(
    data: bytes, name: str, today: dt.date, *, max_expanded: int = MAX_WORD_EXPANDED_BYTES
) -> ReadResult:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SkipFile("not a .docx file (an old .doc or a password-protected document)")
    limits.check_zip(
        data, what="Word file", max_expanded=max_expanded, max_entries=MAX_WORD_ENTRIES
    )
    import docx

    word_errors = _word_errors()
    # Only python-docx runs inside the try: what it raises means a malformed file.
    try:
        document = docx.Document(io.BytesIO(data))
        texts = [block.text for block in _word_blocks(document.iter_inner_content())]
        properties = document.core_properties
        title, author, created = properties.title, properties.author, properties.created
    except word_errors as error:
        raise SkipFile(f"corrupt Word file: {error}") from None
    except _WORD_STRUCTURE_ERRORS:
        raise SkipFile("corrupt Word file: a part lacks the structure Word gives it") from None
    lines = _word_lines(texts)
    if not lines:
        raise SkipFile("empty file")
    # a Word file's properties say who saved it and when, which for an article pasted into
    # Word is the editor and the day of pasting: used only when the text itself says nothing
    fallback = _word_metadata(title, author, created, today)
    return ReadResult((RawArticle(file=name, format="docx", lines=lines, fallback=fallback),))


def _word_lines(texts: Sequence[str]) -> tuple[str, ...]:
    paragraphs: list[str] = []
    for text in texts:
        lines = [line.strip() for line in tidy_text(text).split("\n") if line.strip()]
        if lines:
            paragraphs.append("\n".join(lines))
    return tuple("\n\n".join(paragraphs).split("\n")) if paragraphs else ()


def _word_blocks(content: Iterator[Paragraph | Table]) -> Iterator[Paragraph]:
    """Paragraphs in reading order, table cells row by row (merged cells once)."""
    from docx.text.paragraph import Paragraph

    for block in content:
        if isinstance(block, Paragraph):
            yield block
            continue
        for row in block.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                yield from _word_blocks(cell.iter_inner_content())


def _word_metadata(title: Any, author: Any, created: Any, today: dt.date) -> Metadata:
    values: dict[str, Any] = {}
    title = _SPACES.sub(" ", title if isinstance(title, str) else "").strip()
    if title.lower() not in JUNK_TITLES and not title.lower().startswith("microsoft word - "):
        values["title"] = title
    author = _SPACES.sub(" ", author if isinstance(author, str) else "").strip()
    if author.lower() not in JUNK_AUTHORS:
        values["author"] = author
    if isinstance(created, dt.datetime):
        aware = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
        if aware != PYTHON_DOCX_CREATED and dt.date(1900, 1, 1) <= created.date() <= today:
            values["published"] = created.date()
    origin = {
        name: f"Word property '{'created' if name == 'published' else name}'" for name in values
    }
    return Metadata(origin=origin, **values)


# --- feeds ---------------------------------------------------------------------------------


def _read_json(data: bytes, name: str, today: dt.date) -> ReadResult:
    try:
        parsed = json.loads(decode_text(data))
    except json.JSONDecodeError as error:
        raise SkipFile(
            f"malformed JSON: line {error.lineno} column {error.colno} ({error.msg})"
        ) from None
    except RecursionError:
        raise SkipFile("malformed JSON: nested too deeply") from None
    items: list[Any]
    if isinstance(parsed, list):
        items = parsed
    elif isinstance(parsed, dict):
        listed = next(
            (parsed[key] for key in LIST_FIELDS if isinstance(parsed.get(key), list)), None
        )
        if listed is not None:
            items = listed
        elif any(key in parsed for key in (*TEXT_FIELDS, *TITLE_FIELDS)):
            items = [parsed]
        else:
            raise SkipFile("not a feed: the JSON object has no items and no article text")
    else:
        raise SkipFile(f"not a feed: the JSON holds a {type(parsed).__name__}")
    if not items:
        raise SkipFile("feed has no items")
    articles: list[RawArticle] = []
    skipped: list[Skipped] = []
    for position, item in enumerate(items, start=1):
        try:
            articles.append(_feed_article(item, position, name, "json", today))
        except SkipFile as skip:
            skipped.append(Skipped(name, skip.reason))
    return ReadResult(tuple(articles), tuple(skipped))


def _read_jsonl(data: bytes, name: str, today: dt.date) -> ReadResult:
    articles: list[RawArticle] = []
    skipped: list[Skipped] = []
    position = 0
    for number, line in enumerate(decode_text(data).split("\n"), start=1):
        if not line.strip():
            continue
        position += 1
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            skipped.append(
                Skipped(name, f"line {number}: malformed JSON (column {error.colno}: {error.msg})")
            )
            continue
        except RecursionError:
            skipped.append(Skipped(name, f"line {number}: malformed JSON (nested too deeply)"))
            continue
        try:
            articles.append(_feed_article(item, position, name, "jsonl", today))
        except SkipFile as skip:
            skipped.append(Skipped(name, skip.reason))
    return ReadResult(tuple(articles), tuple(skipped))


def _feed_article(item: Any, position: int, name: str, form: str, today: dt.date) -> RawArticle:
    if not isinstance(item, dict):
        raise SkipFile(f"feed item {position} is not an object")
    raw_id = _first(item, ID_FIELDS, (str, int))
    ident = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else str(position)
    text = _feed_text(item)
    if text is None:
        raise SkipFile(f"feed item {ident} has no text")
    if looks_like_html(text):
        lines = tuple(tidy_text(line) for line in html_fragment_lines(text))
    else:
        lines = text_lines(tidy_text(text))
    if not any(line.strip() for line in lines):
        raise SkipFile(f"feed item {ident} has no text")
    return RawArticle(
        file=name, format=form, lines=lines, metadata=_feed_metadata(item, today), item=ident
    )


def _first(item: dict[str, Any], keys: Sequence[str], kinds: tuple[type, ...]) -> Any:
    """The first of ``keys`` present with a value of one of ``kinds``; others are logged."""
    for key in keys:
        value = item.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, kinds) and not isinstance(value, bool):
            return value
        logger.warning("ignoring feed field %r: unexpected %s", key, type(value).__name__)
    return None


def _feed_text(item: dict[str, Any]) -> str | None:
    for key in TEXT_FIELDS:
        value = item.get(key)
        if isinstance(value, dict):  # WordPress REST: {"content": {"rendered": "<p>…"}}
            value = value.get("rendered")
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            value = "\n\n".join(value)
        if isinstance(value, str) and value.strip():
            return value
        if value is not None and not isinstance(value, str):
            logger.warning("ignoring feed field %r: unexpected %s", key, type(value).__name__)
    return None


def _feed_metadata(item: dict[str, Any], today: dt.date) -> Metadata:
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}

    def put(field_name: str, keys: Sequence[str], read: Callable[[Any], Any]) -> None:
        for key in keys:
            if key not in item or item[key] is None or item[key] == "":
                continue
            value = read(item[key])
            if value is None:
                logger.warning("ignoring feed field %r: unusable value %.60r", key, item[key])
                continue
            values[field_name] = value
            origin[field_name] = f"feed field '{key}'"
            return

    put("title", TITLE_FIELDS, _plain)
    put(
        "published",
        DATE_FIELDS,
        lambda v: parse_published(v, today=today) if isinstance(v, str) else _epoch_date(v, today),
    )
    put(
        "url",
        URL_FIELDS,
        lambda v: (
            v.strip()
            if isinstance(v, str) and v.strip().startswith(("http://", "https://"))
            else None
        ),
    )
    put("outlet", OUTLET_FIELDS, _names)
    put("author", AUTHOR_FIELDS, lambda v: _names(v, byline=True))
    return Metadata(origin=origin, **values)


def _epoch_date(value: Any, today: dt.date) -> dt.date | None:
    """The UTC day of a Unix timestamp in seconds or milliseconds (1741255200,
    1741255200000), as feeds from content systems give it; None for anything else, or a
    day before 1990 or after ``today``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return None
    seconds = value / 1000 if abs(value) >= 1e11 else value
    try:
        day = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day if dt.date(1990, 1, 1) <= day <= today else None


def _plain(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("rendered")
    if not isinstance(value, str):
        return None
    if looks_like_html(value):
        value = " ".join(html_fragment_lines(value))
    return _SPACES.sub(" ", tidy_text(value)).strip() or None


def _names(value: Any, *, byline: bool = False) -> str | None:
    """A name, a ``{"name": …}`` object, or a list of either, as one string."""
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for one in values:
        name = one.get("name") if isinstance(one, dict) else one
        if not isinstance(name, str):
            return None
        name = _SPACES.sub(" ", tidy_text(name)).strip()
        if byline:
            name = re.sub(r"^by\s+", "", name, flags=re.IGNORECASE)
        if name:
            names.append(name)
    return ", ".join(names) or None


_READERS: dict[str, Callable[[bytes, str, dt.date], ReadResult]] = {
    **dict.fromkeys(TEXT_SUFFIXES, _read_text),
    **dict.fromkeys(MARKDOWN_SUFFIXES, _read_markdown),
    **dict.fromkeys(HTML_SUFFIXES, _read_html),
    **dict.fromkeys(WORD_SUFFIXES, _read_word),
    **dict.fromkeys(JSON_SUFFIXES, _read_json),
    **dict.fromkeys(JSONL_SUFFIXES, _read_jsonl),
    **dict.fromkeys(PDF_SUFFIXES, _read_pdf),
}

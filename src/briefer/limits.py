"""The limits that keep one huge or hostile input from costing the run or the machine.

briefer runs unattended on whatever lands in a folder, so every input is bounded before it
is read, unpacked or ranked:

* a file larger than ``BriefOptions.max_file_bytes`` is skipped unread (only its size is
  looked at), and a Word file may not declare more than that much once unpacked (a zip bomb
  is refused before anything is decompressed);
* a run reads at most ``BriefOptions.max_articles`` articles (files plus feed items): past
  that, nothing is written and the user is told which option raises it;
* an article's text is cut after ``max_article_chars`` characters, and only its first
  ``max_ranked_sentences`` sentences are ranked (news puts what matters first; the
  summarisers' cost grows with the square of the sentence count, or worse);
* HTML deeper than the parser's nesting limit loses what lies below it: that is reported.

The defaults are generous for news: the longest long-read is a few hundred sentences.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Sequence
from dataclasses import replace

from briefer.errors import LimitExceeded, SkipFile
from briefer.models import RawArticle
from briefer.split import paragraph_spans

logger = logging.getLogger(__name__)

MB = 2**20
#: Files larger than this are skipped unread; a Word file may not unpack to more either.
MAX_FILE_BYTES = 50 * MB
#: Articles (files plus feed items) one run reads at most.
MAX_ARTICLES = 5_000
#: Characters of one article's text that are used; the rest is cut (and logged).
MAX_ARTICLE_CHARS = 500_000
#: Sentences of one article that are ranked, from the top.
MAX_RANKED_SENTENCES = 300
#: Parts a Word file may hold.
MAX_ZIP_ENTRIES = 10_000
#: Element depth at which libxml2's HTML parser stops building the tree.
HTML_MAX_DEPTH = 255


def size_label(count: int) -> str:
    """``52428800`` → ``50 MB``; ``2048`` → ``2 KB``."""
    if count >= MB:
        return f"{count / MB:.0f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"


def check_article_count(count: int, limit: int, what: str) -> None:
    """Raise ``LimitExceeded`` when a run would read more than ``limit`` articles."""
    if count > limit:
        raise LimitExceeded(
            f"the inputs hold {count} {what}, over the limit of {limit} articles per run. "
            f"Nothing was written; brief fewer files, or raise the limit with "
            f"--max-articles {count} if you mean it"
        )


def check_zip(data: bytes, *, what: str, max_expanded: int, max_entries: int) -> None:
    """Refuse a zip file (a Word file) that is corrupt, encrypted or unpacks too large.

    Only the central directory is read: the sizes it declares are what ``zipfile`` will
    let each part decompress to (it stops at the declared size and fails the CRC check past
    it), so a bomb is refused before a byte of it is inflated. Raises ``SkipFile``.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
        raise SkipFile(f"corrupt {what}: {error}") from None
    if len(entries) > max_entries:
        raise SkipFile(f"{what} holds {len(entries)} parts, over the {max_entries} limit")
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise SkipFile(f"corrupt {what}: its parts are encrypted")
    expanded = sum(entry.file_size for entry in entries)
    if expanded > max_expanded:
        raise SkipFile(f"{what} expands to {size_label(expanded)}, over the limit")


def cap_article(raw: RawArticle, max_chars: int) -> RawArticle:
    """``raw`` with its lines cut after ``max_chars`` characters (at a space if one is near)."""
    total = sum(len(line) + 1 for line in raw.lines)
    if total <= max_chars:
        return raw
    kept: list[str] = []
    left = max_chars
    for line in raw.lines:
        if len(line) + 1 <= left:
            kept.append(line)
            left -= len(line) + 1
            continue
        cut = line[:left]
        end = max(cut.rfind(mark) for mark in (". ", "! ", "? ", "\u3002"))
        space = cut.rfind(" ")
        if end > left // 2:
            cut = cut[: end + 1]  # after a sentence's stop, so the line still reads as prose
        elif space > left // 2:
            cut = cut[:space]
        if cut.strip():
            kept.append(cut.rstrip())
        break
    label = raw.file if raw.item is None else f"{raw.file} (item {raw.item})"
    logger.warning(
        "%s: the article is %d characters long; only the first %d are used", label, total, max_chars
    )
    return replace(raw, lines=tuple(kept))


def cap_sentences(paragraphs: Sequence[str], max_sentences: int, label: str) -> tuple[str, ...]:
    """The paragraphs that hold the first ``max_sentences`` sentences (the last one cut)."""
    kept: list[str] = []
    left = max_sentences
    for paragraph in paragraphs:
        spans = paragraph_spans(paragraph)
        if len(spans) <= left:
            kept.append(paragraph)
            left -= len(spans)
            continue
        if left > 0:
            kept.append(paragraph[: spans[left - 1][1]].rstrip())
        logger.warning("%s: only the first %d sentences are ranked", label, max_sentences)
        break
    return tuple(kept)

"""Read a saved web page: the article body through trafilatura, the metadata it declares.

The body comes from trafilatura (the best of the open-source extractors on the Scrapinghub
article-extraction benchmark; see ``benchmarks/bench_html.py``). The metadata comes from what
the page itself declares, in this order of trust:

* ``published``: JSON-LD ``datePublished``, then ``<meta>`` publication tags, then
  trafilatura's htmldate limited to the page's markup (never the text, never today's date);
  a date after today is refused.
* ``title``, ``author``, ``outlet``, ``url``: trafilatura's reading of the same tags (it
  handles author lists, "By …" prefixes and ``<title>`` suffixes), else JSON-LD, else
  ``<meta>``.

Each value records where it came from in ``Metadata.origin`` ("JSON-LD datePublished",
"<meta property=og:site_name>", "trafilatura"). Nothing here touches the network.

Lines follow the reader convention of :mod:`briefer.read`: one paragraph per line, paragraphs
separated by a blank line.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.errors import SkipFile
from briefer.models import Metadata

from .patterns import compiled

if TYPE_CHECKING:  # lxml is loaded when a page is parsed: a plain-text feed never needs it
    import lxml.html

logger = logging.getLogger(__name__)

#: JSON-LD ``@type``s whose fields describe a news article.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNews",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
    }
)

#: ``<meta>`` names and properties per field, most trusted first.
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "dcterms.title", "headline"),
    "outlet": ("og:site_name", "application-name", "dc.publisher", "publisher"),
    "author": (
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "sailthru.author",
        "parsely-author",
    ),
    "published": (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "sailthru.date",
        "parsely-pub-date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "date",
    ),
    "url": ("og:url",),
}

#: Elements whose text is never article text (used by the plain fallback extraction).
_NON_TEXT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "form",
    "button",
    "select",
    "nav",
    "header",
    "footer",
    "aside",
    "head",
)
#: Elements that start a new line in the plain fallback extraction.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "address",
        "hr",
        "body",
        "center",
    }
)

_ISO_DATE = compiled(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|[+-]\d\d:?\d\d$|Z)")
_WORDY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SPACES = compiled(r"\s+")


@dataclass(frozen=True)
class HtmlArticle:
    """What a page yields: body lines, declared metadata, and whether the body was isolated.

    ``cleaned`` is false when trafilatura found no article and the lines are the page's whole
    visible text (the cleaner then removes the boilerplate itself).
    """

    lines: tuple[str, ...]
    metadata: Metadata
    cleaned: bool


def extract_html(page: str | bytes, *, today: dt.date | None = None) -> HtmlArticle:
    """The article body and metadata of one HTML page.

    Raises ``SkipFile`` when the page holds no text. ``today`` bounds the publication date
    (a page cannot have been published in the future); it defaults to the current date.
    """
    text = decode_html(page) if isinstance(page, bytes) else page
    if not text.strip():
        raise SkipFile("empty file")
    today = today or dt.date.today()
    tree = _parse(text)
    if tree is None:
        raise SkipFile("no article text found in HTML")
    candidates = _declared_candidates(tree, today)
    import trafilatura  # here, not at import: 0.1 s that only saved web pages need

    try:
        document = trafilatura.bare_extraction(
            tree,
            favor_precision=True,
            include_comments=False,
            with_metadata=True,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": today.isoformat(),
            },
        )
    except RecursionError:
        logger.warning("trafilatura hit the recursion limit; using the page's plain text")
        document = None
    body = _paragraph_lines(getattr(document, "text", None))
    cleaned = True
    if not body:
        body = plain_text_lines(tree)
        cleaned = False
    if not any(line.strip() for line in body):
        if _depth(tree) >= _PARSER_MAX_DEPTH:
            raise SkipFile(
                f"HTML nested more than {_PARSER_MAX_DEPTH} elements deep; "
                "the parser stops there and no article text was found above that depth"
            )
        raise SkipFile("no article text found in HTML")
    found = _trafilatura_metadata(document, today=today) if document is not None else Metadata()
    return HtmlArticle(lines=body, metadata=_combine(candidates, found), cleaned=cleaned)


#: libxml2's HTML parser drops elements nested deeper than this (without XML_PARSE_HUGE).
_PARSER_MAX_DEPTH = 255


def _depth(tree: lxml.html.HtmlElement) -> int:
    """How deep the elements of ``tree`` are nested (counted without recursion)."""
    import lxml.etree

    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def html_fragment_lines(fragment: str) -> tuple[str, ...]:
    """The visible text of an HTML fragment (a feed item's body), one paragraph per line."""
    tree = _parse(f"<html><body><div>{fragment}</div></body></html>")
    return plain_text_lines(tree) if tree is not None else ()


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML markup (paragraph, break or other common tags)."""
    return "<" in text and (  # every tag opens on "<": most feed texts are passed at once
        re.search(
            r"</?(?:p|br|div|span|a|em|strong|b|i|h[1-6]|ul|ol|li)\b[^>]*>", text, re.IGNORECASE
        )
        is not None
    )


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, else UTF-8, else the declared charset, else cp1252."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", errors="ignore")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            logger.warning("unknown charset %r declared; reading as cp1252", name)
        else:
            # Browsers read latin-1 pages as cp1252, and so do we.
            return data.decode("cp1252" if codec == "iso8859-1" else codec, errors="replace")
    return data.decode("cp1252", errors="replace")


def parse_published(value: str, *, today: dt.date | None = None) -> dt.date | None:
    """The date part of an ISO 8601, RFC 2822 or "December 23, 2019" date, if plausible.

    A date after ``today`` (default: the current date) or before 1900 gives None.
    """
    value = value.strip()
    found: dt.date | None = None
    iso = _ISO_DATE.match(value)
    if iso:
        found = _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    if found is None:
        try:
            import email.utils

            found = email.utils.parsedate_to_datetime(value).date()
        except (ValueError, TypeError, IndexError):
            found = None
    if found is None:
        plain = _SPACES.sub(" ", value)
        for form in _WORDY_FORMATS:
            try:
                found = dt.datetime.strptime(plain, form).date()
                break
            except ValueError:
                continue
    if found is None:
        return None
    if found.year < 1900 or found > (today or dt.date.today()):
        logger.warning("ignoring implausible publication date %s", found.isoformat())
        return None
    return found


def declared_metadata(tree: lxml.html.HtmlElement, *, today: dt.date) -> Metadata:
    """Metadata a page declares in JSON-LD and ``<meta>`` tags (JSON-LD first)."""
    return _first_per_field(_declared_candidates(tree, today))


def _declared_candidates(tree: lxml.html.HtmlElement, today: dt.date) -> list[tuple[str, Any, str]]:
    """Every (field, value, origin) the page declares, most trusted first."""
    return [*_json_ld_fields(tree, today), *_meta_fields(tree, today)]


def _first_per_field(candidates: list[tuple[str, Any, str]]) -> Metadata:
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name, value, where in candidates:
        if name not in values:
            values[name] = value
            origin[name] = where
    return Metadata(origin=origin, **values)


def plain_text_lines(tree: lxml.html.HtmlElement) -> tuple[str, ...]:
    """The page's visible text without scripts, styles, navigation and forms.

    Walks the tree iteratively, so arbitrarily deep pages cannot exhaust the stack.
    """
    import lxml.etree

    chunks: list[str] = []
    skip_depth = 0
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if skip_depth or tag in _NON_TEXT_TAGS or not tag:
                skip_depth += 1
                continue
            if tag in _BLOCK_TAGS or tag == "br":
                chunks.append("\n")
            if element.text:
                chunks.append(element.text)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth:
                    continue
            elif tag in _BLOCK_TAGS:
                chunks.append("\n")
            if element.tail and element is not tree:
                chunks.append(element.tail)
    return _paragraph_lines("".join(chunks))


def _parse(text: str) -> lxml.html.HtmlElement | None:
    # trafilatura's own parser first: it drops comments and processing instructions, and its
    # extraction was tuned on the trees it builds (a plain lxml tree loses it text on some
    # pages). It refuses text that does not look like a whole page; lxml then reads it as is.
    # Encoding declarations are meaningless once the text is decoded.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    import trafilatura

    tree = trafilatura.load_html(text)
    if tree is not None:
        return tree
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as error:
        logger.warning("HTML could not be parsed: %s", error)
        return None


def _paragraph_lines(text: str | None) -> tuple[str, ...]:
    lines: list[str] = []
    for raw in (text or "").splitlines():
        line = _SPACES.sub(" ", raw).strip()
        if line.startswith("- "):  # trafilatura's list-item marker, not article text
            line = line[2:].strip()
        if line:
            if lines:
                lines.append("")
            lines.append(line)
    return tuple(lines)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _json_ld_fields(tree: lxml.html.HtmlElement, today: dt.date) -> Iterator[tuple[str, Any, str]]:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except json.JSONDecodeError:
            logger.warning("ignoring malformed JSON-LD block")
            continue
        for node in _json_ld_nodes(data):
            kinds = node.get("@type")
            kinds = (
                {kinds}
                if isinstance(kinds, str)
                else set(kinds or ())
                if isinstance(kinds, list)
                else set()
            )
            if not kinds & ARTICLE_TYPES:
                continue
            headline = node.get("headline") or node.get("name")
            if isinstance(headline, str) and headline.strip():
                yield "title", _SPACES.sub(" ", headline).strip(), "JSON-LD headline"
            published = node.get("datePublished") or node.get("dateCreated")
            if isinstance(published, str):
                date = parse_published(published, today=today)
                if date is not None:
                    yield "published", date, "JSON-LD datePublished"
            author = _json_ld_names(node.get("author"))
            if author:
                yield "author", author, "JSON-LD author"
            publisher = _json_ld_names(node.get("publisher"))
            if publisher:
                yield "outlet", publisher, "JSON-LD publisher.name"
            url = node.get("url")
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                yield "url", url, "JSON-LD url"


def _json_ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, breadth first, without recursion."""
    queue = [data]
    while queue:
        item = queue.pop(0)
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph)


def _json_ld_names(value: Any) -> str | None:
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for one in values:
        name = one.get("name") if isinstance(one, dict) else one
        if isinstance(name, str) and name.strip() and not name.startswith(("http:", "https:")):
            names.append(_SPACES.sub(" ", name).strip())
    return ", ".join(dict.fromkeys(names)) or None


def _meta_fields(tree: lxml.html.HtmlElement, today: dt.date) -> Iterator[tuple[str, Any, str]]:
    declared: dict[str, tuple[str, str]] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in declared:
                declared[key] = (content, f"<meta {attribute}={key}>")
    for field_name, keys in META_KEYS.items():
        for key in keys:
            if key not in declared:
                continue
            content, where = declared[key]
            if field_name == "published":
                date = parse_published(content, today=today)
                if date is not None:
                    yield field_name, date, where
                    break
            elif field_name == "url" or not content.startswith(("http://", "https://")):
                yield field_name, _SPACES.sub(" ", content), where
                break
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        href = link.get("href", "")
        if href.startswith(("http://", "https://")):
            yield "url", href, '<link rel="canonical">'
            break


def _trafilatura_metadata(document: Any, *, today: dt.date) -> Metadata:
    values: dict[str, Any] = {}
    for name, attribute in (
        ("title", "title"),
        ("author", "author"),
        ("outlet", "sitename"),
        ("url", "url"),
    ):
        value = getattr(document, attribute, None)
        if isinstance(value, str) and value.strip():
            values[name] = value.strip()
    date = getattr(document, "date", None)
    if isinstance(date, str):
        parsed = parse_published(date, today=today)
        if parsed is not None:
            values["published"] = parsed
    return Metadata(origin=dict.fromkeys(values, "trafilatura"), **values)


def _combine(candidates: list[tuple[str, Any, str]], found: Metadata) -> Metadata:
    """trafilatura's title, author, outlet and url, else the declared ones; the declared date
    first. A trafilatura value that equals a declared one keeps the declared (more precise)
    origin.
    """
    declared = _first_per_field(candidates)
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name in ("title", "outlet", "author", "published", "url"):
        mine, theirs = getattr(declared, name), getattr(found, name)
        if name == "published" and mine is not None:
            values[name], origin[name] = mine, declared.origin[name]
        elif theirs is not None:
            values[name] = theirs
            origin[name] = next(
                (
                    where
                    for field_name, value, where in candidates
                    if field_name == name and value == theirs
                ),
                found.origin.get(name, "trafilatura"),
            )
        elif mine is not None:
            values[name], origin[name] = mine, declared.origin[name]
    return Metadata(origin=origin, **values)

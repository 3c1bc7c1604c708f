"""What goes on the one page, and trimming a brief until it fits.

``page_blocks`` lists the paragraphs of the Word page (the Word renderer writes exactly
these), and ``fit_to_page`` drops the lowest-scored key points and chronology items until

* the Word page, as estimated from the template's page size, margins and styles, fits
  one page with a safety reserve, and
* the Markdown brief stays within ``MAX_MARKDOWN_WORDS`` words.

The estimate wraps each paragraph word by word with Carlito's (= Calibri's) advance
widths for ASCII and deliberately wide guesses for everything else (CJK counts as two
Latin letters, Arabic and Hebrew fall back to wider fonts), then adds line heights and
paragraph spacing. Titles and sentences are never shortened: they are verbatim.
"""

from __future__ import annotations

import functools
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_LINE_SPACING
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Inches, Length, Mm
from docx.text.paragraph import Paragraph
from lxml import etree

from briefer.errors import TemplateError
from briefer.models import Brief, Item, LeftOff, PageSize
from briefer.paper import nearest_page
from briefer.render import (
    DOCX_TEMPLATE,
    REPORTED,
    citation_label,
    clean_text,
    date_label,
    entry_text,
    is_reported,
    meta_line,
    more_sources_line,
    page_citations,
    page_sources,
    render_markdown,
    shorten,
    skipped_line,
    source_number,
    template_bytes,
)

from .patterns import compiled

logger = logging.getLogger(__name__)

MAX_MARKDOWN_WORDS = 650
MIN_KEY_POINTS = 3
MIN_CHRONOLOGY = 4
HEADER_TITLE_CHARS = 100  # the running head shows the title shortened to one line
URL_CHARS = 50  # a source's URL as printed (the link itself is the whole URL)

PAGE_SIZES: Mapping[PageSize, tuple[Length, Length]] = {
    "a4": (Mm(210), Mm(297)),
    "letter": (Inches(8.5), Inches(11)),
}

#: Paragraph and character styles the page uses; a Word template must define them all.
PARAGRAPH_STYLES = ("Title", "Meta", "Heading 1", "List Bullet", "Source")
CHARACTER_STYLES = ("Citation", "Hyperlink")

# The estimate's safety: widths are overestimated by this factor, and this many points of
# the body height are kept free.
WIDTH_SAFETY = 1.04
RESERVE_PT = 24.0


# ------------------------------------------------------------------ the page


@dataclass(frozen=True)
class Run:
    """A stretch of text in one look: a character style, bold, or a link."""

    text: str
    style: str | None = None
    bold: bool = False
    url: str | None = None
    anchor: str | None = None  # an internal link to this bookmark (a citation → its source)
    bookmark: str | None = None  # a bookmark around this run (a source's number)


@dataclass(frozen=True)
class Block:
    """One paragraph of the page, in a paragraph style."""

    style: str
    runs: tuple[Run, ...]


def _item_runs(item: Item, *, dated: bool) -> tuple[Run, ...]:
    runs: list[Run] = []
    if dated:
        runs.append(Run(date_label(item.when), bold=True))
        if is_reported(item.when):
            runs.append(Run(" " + REPORTED))
        runs.append(Run(" — "))
    runs.append(Run(clean_text(item.text)))
    shown, more = page_citations(item)
    if shown:
        runs.append(Run(" "))
        runs += [
            Run(citation_label((sid,)), style="Citation", anchor=source_anchor(source_number(sid)))
            for sid in shown
        ]
        if more:
            runs.append(Run(f" +{more}", style="Citation"))
    return tuple(runs)


def source_anchor(number: str) -> str:
    """The bookmark of source ``number`` in the source list, which its citations link to."""
    return f"source_{number}"


def _source_blocks(brief: Brief) -> list[Block]:
    listed = page_sources(brief)
    blocks: list[Block] = []
    if listed.compact:
        runs: list[Run] = []
        for n, entry in enumerate(listed.entries):
            if n:
                runs.append(Run(" · "))
            runs += [
                Run(f"[{entry.number}] ", bookmark=source_anchor(entry.number)),
                Run(entry.short, url=entry.url),
            ]
        blocks.append(Block("Source", tuple(runs)))
    else:
        for entry in listed.entries:
            runs = [
                Run(f"{entry.number}.", bookmark=source_anchor(entry.number)),
                Run(f"\t{entry_text(entry.title, entry.details)}"),
            ]
            if entry.url:
                runs += [Run(" "), Run(display_url(entry.url), url=entry.url)]
            blocks.append(Block("Source", tuple(runs)))
    if listed.more:
        blocks.append(Block("Source", (Run(more_sources_line(listed.more)),)))
    return blocks


def display_url(url: str) -> str:
    """A URL as printed on the page: no scheme or "www.", at most ``URL_CHARS`` characters."""
    shown = re.sub(r"^https?://(www\.)?", "", url)
    return shown if len(shown) <= URL_CHARS else shown[: URL_CHARS - 1] + "…"


def page_blocks(brief: Brief, sections: Sequence[str] = ()) -> tuple[Block, ...]:
    """The paragraphs of the Word page, in order (the body only; header and footer aside).

    ``sections`` names the sections shown, in order (default ``briefer.policy.SECTIONS``;
    a Word template chooses its own, see :func:`word_sections`).
    """
    return tuple(
        part if isinstance(part, Block) else _item_block(*part)
        for part in _page_parts(brief, sections)
    )


def _item_block(item: Item, dated: bool) -> Block:
    return Block("List Bullet", _item_runs(item, dated=dated))


def _page_parts(brief: Brief, sections: Sequence[str]) -> Iterator[Block | tuple[Item, bool]]:
    """:func:`page_blocks`, with each key point and chronology item as (item, dated) instead
    of its paragraph: the fitting knows their heights already."""
    yield Block("Title", (Run(clean_text(brief.title)),))
    yield Block("Meta", (Run(meta_line(brief)),))
    from .policy import SECTIONS, policy_blocks

    for section in sections or SECTIONS:
        if section == "key_points" and brief.key_points:
            yield Block("Heading 1", (Run("Key points"),))
            yield from ((item, False) for item in brief.key_points)
        elif section == "chronology" and brief.chronology:
            yield Block("Heading 1", (Run("Chronology"),))
            yield from ((item, True) for item in brief.chronology)
        elif section == "sources":
            yield Block("Heading 1", (Run("Sources"),))
            yield from _source_blocks(brief)
        else:  # what to watch, who said what, why it matters, where sources disagree
            yield from policy_blocks(brief, section)
    skipped = skipped_line(brief)
    if skipped:
        yield Block("Meta", (Run(skipped),))


SECTIONS_LINE = "briefer sections:"


def word_sections(document: Document) -> tuple[str, ...]:
    """The sections a Word template shows, in order.

    A template's body is replaced by the brief; a paragraph in it reading
    ``briefer sections: key_points, chronology, what_to_watch, sources`` chooses the
    sections and their order (names as in ``briefer.policy.SECTIONS``; unknown names are
    ignored). Without one, all sections in the default order.
    """
    from .policy import SECTIONS

    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if text.lower().startswith(SECTIONS_LINE):
            names = [n.strip() for n in text[len(SECTIONS_LINE) :].split(",")]
            return tuple(n for n in names if n in SECTIONS)
    return SECTIONS


def header_fields(brief: Brief) -> dict[str, str]:
    """What the header and footer placeholders ``{{title}}`` and ``{{generated}}`` become."""
    return {
        "title": shorten(clean_text(brief.title), HEADER_TITLE_CHARS),
        "generated": brief.generated.isoformat(),
    }


_PLACEHOLDER = compiled(r"\{\{\s*(\w+)\s*\}\}")


def fill_placeholders(text: str, fields: Mapping[str, str]) -> str:
    """``text`` with each ``{{name}}`` replaced; an unknown name is a ``TemplateError``."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fields:
            known = ", ".join("{{" + k + "}}" for k in fields)
            raise TemplateError(
                f"Word template header/footer uses {{{{{name}}}}}; briefer fills only {known}."
            )
        return fields[name]

    return _PLACEHOLDER.sub(value, text)


# ------------------------------------------------------------- the template


@dataclass(frozen=True)
class TextStyle:
    """What the estimate needs to know about a style (all lengths in points)."""

    size: float
    before: float = 0.0
    after: float = 0.0
    line_multiple: float = 1.0
    line_exact: float | None = None
    indent: float = 0.0  # width lost to the left and right indents
    width: float = 1.0  # the font's text width relative to Carlito's (see ``font_width``)


@dataclass(frozen=True)
class Geometry:
    """The page as the template sets it up, for one page size."""

    text_width: float
    body_height: float  # between the header (or top margin) and the footer (or bottom margin)
    styles: Mapping[str, TextStyle]
    sections: tuple[str, ...] = ()  # the sections the page shows, in order (word_sections)


def _defaults(document: Document) -> TextStyle:
    """The document defaults (``w:docDefaults``): Word's own when the template has none."""
    size, after, multiple = 10.0, 0.0, 1.0
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        sz = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        if sz is not None:
            size = int(sz.get(qn("w:val"))) / 2
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            after = int(spacing.get(qn("w:after"), "0")) / 20
            if spacing.get(qn("w:lineRule"), "auto") == "auto":
                multiple = int(spacing.get(qn("w:line"), "240")) / 240
    return TextStyle(size=size, after=after, line_multiple=multiple)


def _inherited(style: object, getter: str) -> object:
    """A style attribute, following ``basedOn`` until one is set (None when none is)."""
    seen = 0
    current = style
    while current is not None and seen < 20:
        owner = current.font if getter == "size" else current.paragraph_format  # type: ignore[attr-defined]
        value = getattr(owner, getter)
        if value is not None:
            return value
        current = current.base_style  # type: ignore[attr-defined]
        seen += 1
    return None


def _text_style(document: Document, name: str, defaults: TextStyle) -> TextStyle:
    style = document.styles[name]
    size = _inherited(style, "size")
    before = _inherited(style, "space_before")
    after = _inherited(style, "space_after")
    left = _inherited(style, "left_indent")
    right = _inherited(style, "right_indent")
    first = _inherited(style, "first_line_indent")
    spacing = _inherited(style, "line_spacing")
    rule = _inherited(style, "line_spacing_rule")
    multiple, exact = defaults.line_multiple, None
    if isinstance(spacing, Length):
        if rule == WD_LINE_SPACING.EXACTLY:
            exact = spacing.pt
        else:  # "at least": never smaller than the natural height, so count the larger
            multiple = max(1.0, spacing.pt / ((size.pt if isinstance(size, Length) else 10) * 1.2))
    elif isinstance(spacing, float):
        multiple = spacing
    indent = (left.pt if isinstance(left, Length) else 0.0) + (
        right.pt if isinstance(right, Length) else 0.0
    )
    if isinstance(first, Length) and first.pt > 0:
        indent += first.pt
    if indent <= 0 and style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
        indent = 18.0  # a numbered style with its indent in the numbering definition
    return TextStyle(
        size=size.pt if isinstance(size, Length) else defaults.size,
        before=before.pt if isinstance(before, Length) else 0.0,
        after=after.pt if isinstance(after, Length) else defaults.after,
        line_multiple=multiple,
        line_exact=exact,
        indent=indent,
        width=font_width(style_font(document, style)),
    )


# Width of news text in each font relative to Carlito (= Calibri), measured with fontTools
# on the metric-compatible fonts LibreOffice draws them with (Arial → Liberation Sans…).
_FONT_WIDTHS = {
    "calibri": 1.0, "carlito": 1.0, "cambria": 1.01, "caladea": 1.01,
    "times new roman": 1.006, "times": 1.006, "liberation serif": 1.006, "tinos": 1.006,
    "arial": 1.093, "helvetica": 1.093, "liberation sans": 1.093, "arimo": 1.093,
    "dejavu sans condensed": 1.118, "dejavu sans": 1.243, "verdana": 1.26,
    "dejavu serif": 1.268,
    "courier new": 1.492, "courier": 1.492, "liberation mono": 1.492, "cousine": 1.492,
}  # fmt: skip
#: A font outside the table may be missing where the brief is opened, and be drawn by a
#: fallback as wide as DejaVu Serif: count it that wide.
UNKNOWN_FONT_WIDTH = 1.27


def font_width(name: str | None) -> float:
    """How much wider than Carlito ``name`` sets the same text (1.0 for Calibri)."""
    if not name:
        return 1.0
    return _FONT_WIDTHS.get(name.strip().lower(), UNKNOWN_FONT_WIDTH)


_THEME_FONT = {"minor": "minorFont", "major": "majorFont"}


def _theme_font(document: Document, reference: str) -> str | None:
    """The Latin font a theme reference (``minorHAnsi``, ``majorAscii``…) points to."""
    kind = "major" if reference.startswith("major") else "minor"
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                return None
            found = root.find(f".//{{*}}{_THEME_FONT[kind]}/{{*}}latin")
            return found.get("typeface") if found is not None else None
    return None


def _rfonts_name(document: Document, rpr: object) -> str | None:
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None  # type: ignore[attr-defined]
    if fonts is None:
        return None
    name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
    if name:
        return str(name)
    theme = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme"))
    return _theme_font(document, theme) if theme else None


def style_font(document: Document, style: object) -> str | None:
    """The Latin font a style sets text in: its own, a base style's, or the document's."""
    current, seen = style, 0
    while current is not None and seen < 20:
        name = _rfonts_name(document, current.element.find(qn("w:rPr")))  # type: ignore[attr-defined]
        if name:
            return name
        current = current.base_style  # type: ignore[attr-defined]
        seen += 1
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return None
    return _rfonts_name(document, defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))


def check_styles(document: Document) -> None:
    """Raise ``TemplateError`` naming the first style the page needs that the template lacks."""
    names = {style.name for style in document.styles}
    for name in (*PARAGRAPH_STYLES, *CHARACTER_STYLES):
        if name not in names:
            raise TemplateError(
                f"Word template lacks the style {name!r}; briefer needs "
                f"{', '.join(PARAGRAPH_STYLES + CHARACTER_STYLES)}. Start from the default "
                "template (briefer templates export DIR) and restyle it."
            )


#: Word templates parsed ahead (:func:`parse_template_ahead`), by their bytes: each copy is
#: handed out once, untouched, so that no two callers ever share one
_PARSED_AHEAD: dict[bytes, list[Document]] = {}
#: copies parsed ahead: the fitting reads its geometry from it and hands it back untouched
#: (:func:`hand_back`) for the Word renderer to fill
COPIES_AHEAD = 1


def parse_template_ahead(templates: Path | None) -> None:
    """Parse the Word template now, for :func:`open_template` to hand out later (≈ 10 ms a
    copy): done while the workers clean, it is off the fitting's and the renderer's way.
    Replaces what was parsed ahead before; a template that cannot be used is reported when
    it is opened for use, not here."""
    _PARSED_AHEAD.clear()
    try:
        data = template_bytes(DOCX_TEMPLATE, templates)
        _PARSED_AHEAD[data] = [_parse_template(data) for _ in range(COPIES_AHEAD)]
    except Exception:  # whatever it is, opening the template for use meets it again
        _PARSED_AHEAD.clear()


def open_template(templates: Path | None) -> Document:
    """The Word template (the user's ``brief.docx`` if ``templates`` holds one), freshly
    parsed or parsed ahead of the same bytes; the caller may change it."""
    data = template_bytes(DOCX_TEMPLATE, templates)
    ready = _PARSED_AHEAD.get(data)
    if ready:
        try:
            return ready.pop()
        except IndexError:  # the last copy taken meanwhile (by another thread)
            pass
    return _parse_template(data)


def hand_back(templates: Path | None, document: Document) -> None:
    """Return a copy of the template from :func:`open_template` that was only read, not
    changed (the fitting's): the next caller, the Word renderer, gets it instead of parsing
    the template again (≈ 8 ms)."""
    try:
        data = template_bytes(DOCX_TEMPLATE, templates)
    except Exception:  # (it was read a moment ago; nothing is lost without the copy)
        return
    _PARSED_AHEAD.setdefault(data, []).append(document)


def _parse_template(data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        PackageNotFoundError,
        etree.XMLSyntaxError,
        KeyError,
        ValueError,
    ) as exc:
        raise TemplateError(f"{DOCX_TEMPLATE} is not a usable Word file: {exc}") from exc


def template_page(templates: Path | None = None) -> PageSize:
    """The paper size the Word template is set up for: ``"a4"`` or ``"letter"``.

    A template on other paper (A5, Legal…) gets the nearer of the two, with a warning:
    the one-page promise is measured for those two sizes (:func:`briefer.paper.nearest_page`).
    """
    section = open_template(templates).sections[0]
    width, height = section.page_width, section.page_height
    if width is None or height is None:
        return "a4"
    return nearest_page(Length(width).mm, Length(height).mm)


_INLINE_EXTENT = ".//{*}inline/{*}extent"


def _band_height(
    part: object,
    styles: dict[str, TextStyle],
    defaults: TextStyle,
    document: Document,
    width: float,
    fields: Mapping[str, str],
) -> float:
    """The height of a header or footer: its paragraphs, tables and inline pictures (a logo)."""
    height = 0.0
    for content in part.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(content, Paragraph):
            height += _paragraph_height(content, styles, defaults, document, width, fields)
            continue
        for row in content.rows:
            cells = row.cells
            cell_width = width / max(1, len(cells))
            height += max(
                (
                    sum(
                        _paragraph_height(p, styles, defaults, document, cell_width, fields)
                        for p in cell.paragraphs
                    )
                    for cell in cells
                ),
                default=0.0,
            )
    return height


def _paragraph_height(
    paragraph: Paragraph,
    styles: dict[str, TextStyle],
    defaults: TextStyle,
    document: Document,
    width: float,
    fields: Mapping[str, str],
) -> float:
    name = paragraph.style.name if paragraph.style is not None else "Normal"
    if name not in styles:
        styles[name] = _text_style(document, name, defaults)
    text = fill_placeholders(paragraph.text, fields)
    height = block_height(Block(name, (Run(text),)), styles, width)
    pictures = [int(e.get("cy", "0")) for e in paragraph._p.iterfind(_INLINE_EXTENT)]
    if pictures:  # a picture in the line makes the line as tall as the picture
        style = styles[name]
        height = max(height, Length(max(pictures)).pt * 1.05 + style.before + style.after)
    return height


def read_geometry(document: Document, page: PageSize, fields: Mapping[str, str]) -> Geometry:
    """The body's width and height and the styles' metrics, for ``page`` and this template.

    The margins come from the template's first section; the page size from ``page``. A
    header or footer taller than its margin pushes the body, as Word and LibreOffice do.
    """
    check_styles(document)
    section = document.sections[0]
    width_emu, height_emu = PAGE_SIZES[page]
    left, right = section.left_margin, section.right_margin
    top, bottom = section.top_margin, section.bottom_margin
    if None in (left, right, top, bottom):
        raise TemplateError(f"{DOCX_TEMPLATE}: the first section has no page margins")
    assert left is not None and right is not None and top is not None and bottom is not None
    text_width = Length(width_emu).pt - left.pt - right.pt
    defaults = _defaults(document)
    styles = {name: _text_style(document, name, defaults) for name in PARAGRAPH_STYLES}
    for name in CHARACTER_STYLES:
        style = document.styles[name]
        size = _inherited(style, "size")
        font = _rfonts_name(document, style.element.find(qn("w:rPr")))
        styles[name] = TextStyle(
            size=size.pt if isinstance(size, Length) else 0.0,
            width=font_width(font) if font else 0.0,  # 0: the paragraph's font
        )

    header_top = top.pt
    footer_bottom = bottom.pt
    first_page = section.different_first_page_header_footer
    header = section.first_page_header if first_page else section.header
    footer = section.first_page_footer if first_page else section.footer
    for part, edge, is_header in (
        (header, section.header_distance, True),
        (footer, section.footer_distance, False),
    ):
        if part.is_linked_to_previous:  # the first section: no header or footer at all
            continue
        band = _band_height(part, styles, defaults, document, text_width, fields)
        reach = (Length(edge).pt if edge is not None else 36.0) + band + 2.0
        if is_header:
            header_top = max(header_top, reach)
        else:
            footer_bottom = max(footer_bottom, reach)
    body_height = Length(height_emu).pt - header_top - footer_bottom
    return Geometry(
        text_width=text_width,
        body_height=body_height,
        styles=styles,
        sections=word_sections(document),
    )


# --------------------------------------------------------------- estimating

# Carlito's (= Calibri's) advance widths for ' ' … '~', in thousandths of an em.
_ASCII_WIDTHS = (
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386,
    507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463,
    894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662,
    517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498,
    291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527,
    525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
)  # fmt: skip
BOLD_FACTOR = 1.04
LINE_HEIGHT = 1.2207  # Carlito: (ascent + descent + line gap) / em
TALL_LINE_HEIGHT = 1.5  # a line holding CJK or other fallback-font glyphs


def char_width(char: str) -> float:
    """A glyph's advance width in ems, generous for anything Carlito may lack."""
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII_WIDTHS[code - 32] / 1000
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.05  # CJK and emoji: a full em, twice a Latin letter
    if code < 0x0590:  # Latin-1, Latin Extended, IPA, Greek, Cyrillic, Armenian
        return 0.62
    if code == 0x2014:
        return 0.91
    if 0x2000 <= code <= 0x206F:  # quotes, dashes, ellipsis, bullets
        return 0.72
    return 0.8  # Hebrew, Arabic, Indic… drawn by a wider fallback font


#: a character from U+0590 on, other than general punctuation (U+2000–U+206F), that makes
#: a line taller: Hebrew, Arabic, Indic, CJK… (a pattern: searched at C speed; written as
#: the complement, [^\x00-\u058f\u2000-\u206f], which compiles in 0.3 ms instead of 6)
_TALL = compiled("[^\x00-\u058f\u2000-\u206f]")


_TOKEN = compiled(r"\S+\s*|\s+")


def _tokens(text: str) -> list[str]:
    """Break opportunities: after spaces, and around every wide (CJK) character."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        wide = not token.isascii() and any(  # (no ASCII character is wide)
            unicodedata.east_asian_width(c) in ("W", "F") for c in token
        )
        if wide:
            tokens += list(token)
        else:
            tokens.append(token)
    return tokens


@functools.lru_cache(maxsize=65_536)
def _token_ems(token: str) -> tuple[float, float]:
    """A token's width in ems without its trailing spaces, and theirs: news text repeats its
    words, and the fitting measures the same paragraphs again after every item it drops."""
    body = token.rstrip()
    return sum(char_width(c) for c in body), sum(char_width(c) for c in token[len(body) :])


def count_lines(runs: Sequence[tuple[str, float]], width: float) -> int:
    """Lines a paragraph takes when ``runs`` of (text, points per em) wrap greedily in ``width``."""
    lines, used = 1, 0.0
    for text, em in runs:
        for token in _tokens(text):
            body_ems, trailing_ems = _token_ems(token)
            need = body_ems * em * WIDTH_SAFETY
            trailing = trailing_ems * em * WIDTH_SAFETY
            if used + need <= width:
                used += need + trailing
                continue
            if used > 0:
                lines += 1
                used = 0.0
            while need > width:  # a word wider than the line breaks anywhere
                lines += 1
                need -= width
            used = need + trailing
    return lines


def block_height(block: Block, styles: Mapping[str, TextStyle], width: float) -> float:
    """The points ``block`` takes down the page, spacing included."""
    style = styles[block.style]
    runs: list[tuple[str, float]] = []
    for run in block.runs:
        size, font = style.size, style.width
        own = styles.get(run.style, style) if run.style is not None else style
        if own.size > 0:
            size = own.size
        if own.width > 0:
            font = own.width
        runs.append((run.text, size * font * (BOLD_FACTOR if run.bold else 1.0)))
    lines = count_lines(runs, width - style.indent)
    tall = any(_TALL.search(run.text) for run in block.runs)
    natural = style.size * (TALL_LINE_HEIGHT if tall else LINE_HEIGHT)
    line = style.line_exact if style.line_exact is not None else natural * style.line_multiple
    return lines * line + style.before + style.after


def page_height(
    brief: Brief, geometry: Geometry, heights: dict[Block, float] | None = None
) -> float:
    """The estimated height of the brief's body on the Word page, in points.

    ``heights`` remembers each paragraph's height between calls: the fitting asks again
    after every item it drops, and most paragraphs stay the same.
    """
    return _page_height(brief, geometry, {} if heights is None else heights, {})


def _page_height(
    brief: Brief,
    geometry: Geometry,
    heights: dict[Block, float],
    item_heights: dict[tuple[int, bool], float],
) -> float:
    """:func:`page_height`, with the heights of items (by ``id`` and whether dated) in
    ``item_heights``: the fitting measures each item once, and building and hashing its
    paragraph again at every step took most of the fitting's time. The heights are added
    in page order, as :func:`page_height` adds them (the same sum to the last bit)."""
    total = 0.0
    for part in _page_parts(brief, geometry.sections):
        if isinstance(part, Block):
            height = heights.get(part)
            if height is None:
                height = heights[part] = block_height(part, geometry.styles, geometry.text_width)
        else:
            height = _item_height(*part, geometry, item_heights)
        total += height
    return total


def _item_height(
    item: Item, dated: bool, geometry: Geometry, known: dict[tuple[int, bool], float]
) -> float:
    height = known.get((id(item), dated))
    if height is None:
        block = _item_block(item, dated)
        height = known[(id(item), dated)] = block_height(
            block, geometry.styles, geometry.text_width
        )
    return height


# ------------------------------------------------------------------ fitting


def markdown_words(brief: Brief, templates: Path | None = None) -> int:
    return len(render_markdown(brief, templates).split())


def _fits(
    brief: Brief,
    geometry: Geometry,
    templates: Path | None,
    heights: dict[Block, float],
    item_heights: dict[tuple[int, bool], float],
) -> bool:
    return (
        _page_height(brief, geometry, heights, item_heights) <= geometry.body_height - RESERVE_PT
        and markdown_words(brief, templates) <= MAX_MARKDOWN_WORDS
    )


def _victim(
    key_points: list[Item],
    chronology: list[Item],
    min_key: int,
    min_chrono: int,
    dated_stay: bool = False,
) -> tuple[list[Item], int] | None:
    """The lowest-scored item that may go (later items first on ties), or None.

    With ``dated_stay`` only the chronology items dated by their report may go (an item
    with a date of its own is an event, and the chronology is the heart of a brief).
    """
    candidates: list[tuple[float, int, int, list[Item]]] = []
    if len(key_points) > min_key:
        candidates += [(i.score, 1, -n, key_points) for n, i in enumerate(key_points)]
    if len(chronology) > min_chrono:
        candidates += [
            (i.score, 0, -n, chronology)
            for n, i in enumerate(chronology)
            if not (dated_stay and i.when and i.when.basis != "published")
        ]
    if not candidates:
        return None
    _score, _, negative_index, items = min(candidates, key=lambda c: c[:3])
    return items, -negative_index


def _items_height(
    key_points: Sequence[Item],
    chronology: Sequence[Item],
    geometry: Geometry,
    known: dict[tuple[int, bool], float],
) -> float:
    """The height of the items' own paragraphs (as :func:`page_blocks` lays them out).

    The page is at least this tall, so while it is taller than the page the fitting drops
    items without laying out the whole page (hundreds of items trim in milliseconds).
    """
    total = 0.0
    for items, dated in ((key_points, False), (chronology, True)):
        for item in items:
            total += _item_height(item, dated, geometry, known)
    return total


#: more than the rounding a running sum of item heights can gather (hundreds of additions
#: and subtractions of tens of points err by ~1e-10 pt); within this of the room, the
#: fitting adds the heights afresh, so that its decisions are those of the exact sum
ROUNDING_SLACK = 1e-3


def _trim_optional(brief: Brief, floors: Mapping[str, int]) -> Brief | None:
    """``brief`` with the last entry of the last optional section that has more than its
    floor dropped (where sources disagree, then why it matters, then who said what), or None."""
    from .policy import OPTIONAL_SECTIONS

    for name in reversed(OPTIONAL_SECTIONS):
        entries = getattr(brief, name)
        if len(entries) > floors.get(name, 0):
            return replace(brief, **{name: entries[:-1]})
    return None


@dataclass(frozen=True)
class _Stage:
    """One step of fitting: the optional sections are trimmed down to ``floors``, then the
    key points and chronology down to ``key_points`` and ``chronology`` items."""

    floors: Mapping[str, int]
    key_points: int
    chronology: int
    #: only chronology items dated by their report may go (see :func:`_victim`)
    dated_stay: bool = False


#: the stages of fitting, in order. First the optional sections lose all but their first
#: entries (two quotes, the strongest reason it matters, the first disagreement) and the
#: key points and chronology their weakest items down to a comfortable core; then all but
#: the two quotes go, and the core gives up a little more; then the quotes go, then the
#: core down to its minimum, then down to one key point. A policy brief without a word
#: from the actors is poorer than one with a key point or two dated items fewer.
STAGES = (
    _Stage({"who_said_what": 2, "why_it_matters": 1, "disagreements": 1}, 5, 0, True),
    _Stage({"who_said_what": 1}, 4, 8),
    _Stage({}, MIN_KEY_POINTS, MIN_CHRONOLOGY),
    _Stage({}, 1, 0),
)


def fit_to_page(brief: Brief, templates: Path | None = None) -> Brief:
    """``brief`` with its weakest entries dropped until it fits one page.

    Trims in the :data:`STAGES`: the optional sections (who said what, why it matters,
    where sources disagree; the last named first, each entry by entry from its end) and the
    lowest-scored key points and chronology items, so that a full page keeps two quotes,
    one reason and one disagreement beside a core of five key points and eight dated items,
    and two quotes beside four key points and six dated items, before it gives those up.
    What stays keeps its order. The Word template in ``templates`` (or the default) gives
    the page size, margins and fonts. The entries dropped are kept in the returned brief's
    ``left_off`` (brief.json lists them; the page does not).
    """
    from .policy import watch_once

    document = open_template(templates)
    geometry = read_geometry(document, brief.page, header_fields(brief))
    hand_back(templates, document)  # only read: the Word renderer fills it
    whole = brief
    key_points, chronology = list(brief.key_points), list(brief.chronology)
    heights: dict[Block, float] = {}  # paragraph → height, measured once
    item_heights: dict[tuple[int, bool], float] = {}  # (id(item), dated) → height
    room = geometry.body_height - RESERVE_PT
    stages = iter(STAGES)
    stage = next(stages)
    # the items' height, kept up to date as items go (adding them all again at every step
    # made the fitting quadratic in the items)
    running = _items_height(key_points, chronology, geometry, item_heights)

    def laid_out() -> Brief:
        chosen = replace(brief, key_points=tuple(key_points), chronology=tuple(chronology))
        return watch_once(chosen)  # an event the chronology dates is not watched twice

    while True:
        # the items alone taller than the page: no need to lay out the rest to know (a
        # story of hundreds of items trims most of them here, in microseconds each)
        if running <= room + 1e-6 + ROUNDING_SLACK and (
            _items_height(key_points, chronology, geometry, item_heights) <= room + 1e-6
        ):
            candidate = laid_out()
            if _fits(candidate, geometry, templates, heights, item_heights):
                break
        trimmed = _trim_optional(brief, stage.floors)
        if trimmed is not None:
            brief = trimmed
            continue
        victim = _victim(
            key_points, chronology, stage.key_points, stage.chronology, stage.dated_stay
        )
        if victim is not None:
            items, index = victim
            running -= _item_height(items[index], items is chronology, geometry, item_heights)
            del items[index]
            continue
        following = next(stages, None)
        if following is not None:
            logger.debug(
                "brief does not fit with %d key points and %d chronology items; trimming further",
                len(key_points),
                len(chronology),
            )
            stage = following
            continue
        logger.warning("brief %r does not fit one page even with a single key point", whole.title)
        candidate = laid_out()
        break
    dropped = (len(whole.key_points) - len(key_points), len(whole.chronology) - len(chronology))
    if any(dropped):
        logger.info("fitted to one page: dropped %d key points and %d chronology items", *dropped)
    return replace(candidate, left_off=left_off(whole, candidate, watch_once(whole)))


def left_off(whole: Brief, page: Brief, found: Brief | None = None) -> LeftOff | None:
    """The entries of ``found`` (default ``whole``) that ``page`` (``whole`` fitted to a
    page) does not show."""
    found = found or whole

    def missing(name: str) -> tuple[Any, ...]:
        kept = {id(entry) for entry in getattr(page, name)}
        return tuple(entry for entry in getattr(found, name) if id(entry) not in kept)

    rest = LeftOff(**{name: missing(name) for name in LeftOff.SECTIONS})
    return rest if any(getattr(rest, name) for name in LeftOff.SECTIONS) else None

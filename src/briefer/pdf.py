"""Text PDFs (press releases, wire copy) → article lines, with the page furniture taken off.

:func:`read_pdf` reads a PDF's text layer with PDFium (pypdfium2: fast, permissively licensed,
and it marks the hyphens a typesetter added at line ends), then

* drops running headers and footers (a line in the top or bottom band of the page that
  recurs on other pages, digits aside) and page numbers ("3", "- 3 -", "Page 3 of 5");
* rebuilds paragraphs from the lines: a new paragraph starts after a wider gap than the
  text's own line spacing, at a change of type size, at an indented line, or after a short
  line that ends a sentence; a paragraph carries on across a page break unless the page's
  last line ended one;
* undoes hyphenation at line ends ("govern-" + "ment" → "government"), keeping the hyphen of a
  compound the document also writes whole ("long-" + "term" → "long-term").

The result follows the readers' convention (one line per paragraph, blank lines between) and
comes with the document information (title, author, creation date) as weak fallback
metadata. A PDF with no text layer (a scan), one that needs a password, or one that cannot be
parsed raises ``SkipFile`` with a reason a user can act on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from briefer.errors import SkipFile
from briefer.models import LineDecision, Metadata

from .patterns import compiled

logger = logging.getLogger(__name__)

__all__ = ["PdfText", "read_pdf"]

#: Fewer words than this in the whole text layer: a scan (or an empty document).
MIN_WORDS = 20
#: The share of the page height, at the top and at the bottom, where running heads live.
FURNITURE_BAND = 0.12
#: A gap this many times the usual line pitch starts a paragraph.
PARAGRAPH_GAP = 1.35

_PAGE_NUMBER = compiled(
    r"^[\s\-–—|(\[]*(?:page|p\.|seite|página|pagina)?\s*\d{1,4}\s*(?:(?:of|/|von|de|di)\s*\d{1,4})?"
    r"[\s\-–—|)\]]*$",
    re.IGNORECASE,
)
_TERMINAL = compiled(r"[.!?:…][\"'”’»)\]]*$")
_HYPHENS = ("-", "\u00ad", "\x02", "\ufffe", "\u2010")
_WORD_END = compiled(r"([^\W\d_]+)$")
_WORD_START = compiled(r"^([^\W\d_]+)")
_SPACES = compiled(r"\s+")
_PDF_DATE = compiled(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_JUNK_TITLES = compiled(
    r"^(?:microsoft\s+word\s*-.*|untitled.*|document\d*|.*\.(?:docx?|odt|rtf|pages|indd|txt))$",
    re.IGNORECASE,
)
_HEAD_SPLIT = compiled(r"\s+[|·•–—-]\s+|\s{2,}")
_ORGANISATION = compiled(
    r"(?=[abcdfghilmnopstuw])"  # (?=…): the characters a match can start with
    r"\b(?:ministry|department|office|agency|news|council|authority|association|union|company"
    r"|corporation|inc|ltd|plc|press|times|herald|post|gazette|government|university"
    r"|commission|federation|bank|institute|foundation|trust|board|service|wire)\b",
    re.IGNORECASE,
)
_JUNK_AUTHORS = frozenset({"user", "admin", "administrator", "owner", "author", "unknown"})


@dataclass(frozen=True)
class PdfText:
    """What a PDF's text layer gave: paragraph lines, document information, what was removed."""

    lines: tuple[str, ...]
    metadata: Metadata
    pages: int
    dropped: tuple[LineDecision, ...] = ()


@dataclass(frozen=True)
class _Line:
    page: int
    text: str
    top: float  # distance from the top of the page, in points
    bottom: float
    left: float
    right: float
    page_height: float
    size: float  # the type size in points

    @property
    def height(self) -> float:
        return self.size


def read_pdf(data: bytes, *, today: dt.date | None = None) -> PdfText:
    """The paragraphs of a text PDF; ``SkipFile`` for a scan, a locked or a damaged file."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    today = today or dt.date.today()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise SkipFile(_open_problem(str(error))) from None
    try:
        lines: list[_Line] = []
        for number in range(len(document)):
            lines.extend(_page_lines(document, number))
        metadata = _document_metadata(document.get_metadata_dict(), today)
        pages = len(document)
    except pdfium.PdfiumError as error:
        raise SkipFile(f"damaged PDF ({error})") from None
    finally:
        document.close()
    words = sum(len(line.text.split()) for line in lines)
    if words < MIN_WORDS:
        raise SkipFile(
            "PDF has no text layer (a scanned document?): run OCR on it first"
            if words == 0
            else f"PDF has almost no text ({words} words; a scanned document?)"
        )
    body, dropped = _drop_furniture(lines, pages)
    if metadata.outlet is None:
        metadata = _outlet_from_running_head(dropped, metadata)
    paragraphs = _paragraphs(body)
    out: list[str] = []
    for paragraph in paragraphs:
        if out:
            out.append("")
        out.append(paragraph)
    return PdfText(tuple(out), metadata, pages, tuple(dropped))


def _open_problem(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "PDF is encrypted (it needs a password to open)"
    if "security" in lowered:
        return "PDF uses an unsupported security handler"
    return "not a readable PDF (damaged, truncated or not a PDF at all)"


def _page_lines(document: object, number: int) -> list[_Line]:
    """The page's text lines as PDFium orders them, each with its box and type size."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    page = document[number]  # type: ignore[index]
    try:
        _, height = page.get_size()
        text_page = page.get_textpage()
        try:
            count = text_page.count_chars()
            text = text_page.get_text_range(0, count) if count > 0 else ""
            if len(text) != count:  # characters outside the BMP: boxes cannot be matched up
                return _unplaced_lines(number, text, height)
            lines: list[_Line] = []
            start = 0
            for match in re.finditer(r"\r\n|\r|\n|(?<=\ufffe)|$", text):
                indices = [i for i in range(start, match.start()) if not text[i].isspace()]
                start = match.end()
                if not indices:
                    continue
                boxes = [text_page.get_charbox(i) for i in indices]
                sizes = [pdfium_c.FPDFText_GetFontSize(text_page.raw, i) for i in indices]
                line_text = _SPACES.sub(" ", text[indices[0] : indices[-1] + 1])
                lines.append(
                    _Line(
                        number,
                        line_text,
                        height - max(box[3] for box in boxes),
                        height - min(box[1] for box in boxes),
                        min(box[0] for box in boxes),
                        max(box[2] for box in boxes),
                        height,
                        round(statistics.median(sizes) * 2) / 2,
                    )
                )
        finally:
            text_page.close()
    finally:
        page.close()
    return lines


def _unplaced_lines(number: int, text: str, height: float) -> list[_Line]:
    """Lines without positions (evenly spaced), for a page whose boxes cannot be read."""
    texts = [_SPACES.sub(" ", t).strip() for t in re.split(r"\r\n|\r|\n", text)]
    texts = [t for t in texts if t]
    step = height / (len(texts) + 2)
    return [
        _Line(number, t, step * (i + 1), step * (i + 1) + 10, 0.0, 0.0, height, 10.0)
        for i, t in enumerate(texts)
    ]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", _SPACES.sub(" ", text.strip().lower()))


def _drop_furniture(lines: list[_Line], pages: int) -> tuple[list[_Line], list[LineDecision]]:
    """Lines less running heads and feet and page numbers, and what was dropped and why."""

    def in_band(line: _Line) -> str | None:
        if line.bottom <= line.page_height * FURNITURE_BAND:
            return "header"
        if line.top >= line.page_height * (1 - FURNITURE_BAND):
            return "footer"
        return None

    recurring: Counter[str] = Counter()
    for key in {(line.page, _furniture_key(line.text)) for line in lines if in_band(line)}:
        recurring[key[1]] += 1
    needed = 2 if pages <= 3 else max(2, pages // 2)
    kept: list[_Line] = []
    dropped: list[LineDecision] = []
    for line in lines:
        band = in_band(line)
        if band and _PAGE_NUMBER.match(line.text):
            dropped.append(LineDecision(line.text, False, "page number"))
        elif band and recurring[_furniture_key(line.text)] >= needed:
            dropped.append(LineDecision(line.text, False, f"running {band}"))
        else:
            kept.append(line)
    return kept, dropped


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    pitches = [
        b.top - a.top
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and abs(a.height - b.height) < 0.2 * a.height and b.top > a.top
    ]
    pitch = statistics.median(pitches) if pitches else lines[0].height * 1.2
    heights = [round(line.height) for line in lines]
    body_height = Counter(heights).most_common(1)[0][0]
    columns = _columns([line for line in lines if round(line.height) == body_height] or lines)

    groups: list[list[_Line]] = [[lines[0]]]
    for previous, line in itertools.pairwise(lines):
        margin, full = columns[_column_start(previous, columns)]
        if _breaks(previous, line, pitch, body_height, margin, full):
            groups.append([line])
        else:
            groups[-1].append(line)
    vocabulary = _vocabulary(lines)
    return [_join([line.text for line in group], vocabulary) for group in groups]


def _columns(lines: list[_Line]) -> dict[int, tuple[float, float]]:
    """Each text column's left edge → (left edge, usual right edge), from where lines start.

    A left edge that at least three body-type lines share (or the commonest) starts a column;
    its right edge is the 90th percentile of its lines' right ends, so that a paragraph's short
    last line stands out in a two-column page as in a one-column one.
    """
    counts = Counter(round(line.left) for line in lines)
    starts = sorted(left for left, n in counts.items() if n >= 3) or [counts.most_common(1)[0][0]]
    members: dict[int, list[float]] = {start: [] for start in starts}
    for line in lines:
        members[_nearest_start(line.left, starts)].append(line.right)
    columns: dict[int, tuple[float, float]] = {}
    for start, rights in members.items():
        full = (
            statistics.quantiles(rights, n=10, method="inclusive")[-1]
            if len(rights) > 2
            else max(rights, default=0)
        )
        columns[start] = (float(start), full)
    return columns


def _nearest_start(left: float, starts: list[int]) -> int:
    """The column a line belongs to: the nearest column start at or left of it."""
    before = [start for start in starts if start <= left + 2]
    return max(before) if before else starts[0]


def _column_start(line: _Line, columns: dict[int, tuple[float, float]]) -> int:
    return _nearest_start(line.left, sorted(columns))


def _breaks(
    previous: _Line, line: _Line, pitch: float, body_height: float, margin: float, full: float
) -> bool:
    ended = bool(_TERMINAL.search(previous.text))
    # a line that stops well short of the column's right edge ends its paragraph
    short = full > margin and previous.right < full - 3 * body_height
    very_short = full > margin and previous.right < margin + 0.7 * (full - margin)
    if line.page != previous.page:
        return (ended and short) or very_short or _is_heading(previous, body_height)
    if line.top - previous.top > PARAGRAPH_GAP * pitch:
        return True
    if abs(line.size - previous.size) > 0.12 * max(line.size, previous.size):
        return True  # a heading, a byline in small type
    if line.left > margin + 1.2 * body_height and ended:
        return True  # an indented first line
    return (ended and short) or very_short


def _is_heading(line: _Line, body_height: float) -> bool:
    return line.height > 1.25 * body_height


def _vocabulary(lines: list[_Line]) -> Counter[str]:
    """Every word of the text with its count, hyphenated compounds included, lower case."""
    words: Counter[str] = Counter()
    for line in lines:
        text = line.text.rstrip("".join(_HYPHENS))
        words.update(word.lower() for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text))
    return words


def _join(texts: list[str], vocabulary: Counter[str]) -> str:
    """Lines of one paragraph as one line, line-end hyphenation undone."""
    out = texts[0].rstrip()
    for text in texts[1:]:
        text = text.strip()
        if len(out) > 1 and out[-1] in _HYPHENS and not out[-2].isspace():
            stem = out[:-1]
            head, tail = _WORD_END.search(stem), _WORD_START.search(text)
            if head and tail and tail.group(1)[:1].islower():
                compound = f"{head.group(1)}-{tail.group(1)}".lower()
                whole = f"{head.group(1)}{tail.group(1)}".lower()
                keep = vocabulary[compound] > 0 and not vocabulary[whole]
                out = f"{stem}-{text}" if keep else f"{stem}{text}"
            else:  # "Franco-" + "German", "2024-" + "25": a real hyphen
                out = f"{stem}-{text}"
        else:
            out = f"{out} {text}"
    return out.strip()


def _outlet_from_running_head(dropped: list[LineDecision], metadata: Metadata) -> Metadata:
    """An organisation named by the running header ("Halden Ministry of Fisheries - Press
    Office", "NORTH COAST NEWS AGENCY | REGIONAL WIRE") as the outlet, when nothing else is."""
    for decision in dropped:
        if decision.reason != "running header":
            continue
        name = _HEAD_SPLIT.split(decision.line.strip())[0].strip()
        if not _ORGANISATION.search(name) or not 1 < len(name.split()) <= 8:
            continue
        if name.isupper():
            name = " ".join(word.capitalize() for word in name.split())
        origin = dict(metadata.origin, outlet=f"PDF running header: {decision.line!r}")
        return Metadata(
            title=metadata.title, outlet=name, author=metadata.author,
            published=metadata.published, url=metadata.url, origin=origin,
        )
    return metadata


def _document_metadata(info: dict[str, str], today: dt.date) -> Metadata:
    """The document information dictionary's title, author and date, when they look real."""
    values: dict[str, object] = {}
    origin: dict[str, str] = {}
    title = _SPACES.sub(" ", info.get("Title") or "").strip()
    if title and not _JUNK_TITLES.match(title):
        values["title"] = title
        origin["title"] = "PDF document title"
    author = _SPACES.sub(" ", info.get("Author") or "").strip()
    if author and author.lower() not in _JUNK_AUTHORS:
        values["author"] = author
        origin["author"] = "PDF document author"
    match = _PDF_DATE.match((info.get("CreationDate") or "").strip())
    if match:
        try:
            year, month, day = (int(part or 1) for part in match.groups())
            created = dt.date(year, month, day)
        except ValueError:
            created = None
        if created is not None and created <= today:
            values["published"] = created
            origin["published"] = "PDF creation date"
    return Metadata(origin=origin, **values)  # type: ignore[arg-type]

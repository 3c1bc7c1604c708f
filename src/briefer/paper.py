"""The paper a Word template is set up for: A4 or Letter.

:func:`briefer.layout.template_page` asks python-docx; :func:`word_page` reads the same
answer from the document's XML alone, for the shipped template, so that a run which
neither gives a template nor names a page starts without loading python-docx (0.1 s).
"""

from __future__ import annotations

import logging
import re
import zipfile
from importlib import resources
from io import BytesIO

from .models import PageSize

logger = logging.getLogger(__name__)

#: width × height in millimetres, portrait
PAPER_MM: dict[PageSize, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
#: a page further than this (summed over both sides, mm) from both sizes is warned about
NEAR_MM = 5.0

#: the first section's page size: ``<w:pgSz w:w="11906" w:h="16838"/>`` in twentieths of a
#: point; sections are read in document order, as python-docx numbers them
_SECTION = re.compile(rb"<w:sectPr\b[^>]*?(?:/>|>(.*?)</w:sectPr>)", re.DOTALL)
_PAGE_SIZE = re.compile(rb"<w:pgSz\b([^>]*)>")
_SIDE = re.compile(rb'\bw:([wh])="(\d+)"')
_MM_PER_TWIP = 25.4 / 1440


def nearest_page(width_mm: float, height_mm: float) -> PageSize:
    """A4 or Letter, whichever is nearer the page (either way round), with a warning when
    it is neither: the one-page promise is measured for those two sizes."""
    short, long = sorted((width_mm, height_mm))

    def distance(name: PageSize) -> float:
        w, h = PAPER_MM[name]
        return abs(w - short) + abs(h - long)

    page: PageSize = min(PAPER_MM, key=distance)
    if distance(page) > NEAR_MM:
        logger.warning(
            "the Word template's paper (%.0f × %.0f mm) is neither A4 nor Letter; using %s",
            short,
            long,
            page,
        )
    return page


def word_page(data: bytes) -> PageSize:
    """The paper of a Word file's first section, read from ``word/document.xml``; A4 when it
    names none. Raises ``zipfile.BadZipFile`` or ``KeyError`` for what is not a Word file."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        section = _SECTION.search(package.read("word/document.xml"))
    found = _PAGE_SIZE.search(section.group(1) or b"") if section else None
    sides = {k: int(v) for k, v in _SIDE.findall(found.group(1))} if found else {}
    if b"w" not in sides or b"h" not in sides:
        return "a4"
    return nearest_page(sides[b"w"] * _MM_PER_TWIP, sides[b"h"] * _MM_PER_TWIP)


def shipped_page() -> PageSize:
    """The paper of the Word template briefer ships."""
    return word_page(resources.files("briefer").joinpath("templates", "brief.docx").read_bytes())

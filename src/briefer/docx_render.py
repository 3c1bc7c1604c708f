"""Turn a ``Brief`` into a Word file, from a Word template.

The template (``brief.docx``, the user's copy if their templates folder has one) gives the
styles, margins, header and footer; its body is replaced by the paragraphs of
``layout.page_blocks``. The output is reproducible: no run-time timestamps, fixed zip
entry dates, so the same brief gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import struct
import zipfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from briefer.labels import brief_language, labels_for, translate_blocks, word_labels
from briefer.layout import (
    PAGE_SIZES,
    Block,
    check_styles,
    fill_placeholders,
    header_fields,
    open_template,
    page_blocks,
    word_sections,
)
from briefer.models import Brief, Item, Metadata, Skipped, Source, When
from briefer.render import clean_text, render_markdown, shorten

logger = logging.getLogger(__name__)

SUBJECT = "Policy brief"
AUTHOR = "briefer"
_LANGUAGES = {
    "english": "en-US", "german": "de-DE", "french": "fr-FR", "spanish": "es-ES",
    "italian": "it-IT", "portuguese": "pt-PT", "dutch": "nl-NL", "czech": "cs-CZ",
    "slovak": "sk-SK", "polish": "pl-PL", "russian": "ru-RU", "ukrainian": "uk-UA",
    "greek": "el-GR", "hebrew": "he-IL", "arabic": "ar-SA", "chinese": "zh-CN",
    "japanese": "ja-JP", "korean": "ko-KR",
}  # fmt: skip


def _fill_paragraph(paragraph: Paragraph, fields: Mapping[str, str]) -> None:
    """Replace placeholders in a paragraph, even when Word split them across runs.

    The paragraph's runs are joined, filled, and written back into the first run (which
    keeps its formatting); the other runs are removed.
    """
    runs = paragraph.runs
    text = "".join(run.text for run in runs)
    if "{{" not in text:
        return
    filled = fill_placeholders(text, fields)
    runs[0].text = filled
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def _fill_header_footer(document: Document, fields: Mapping[str, str]) -> None:
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                _fill_paragraph(paragraph, fields)
            for table in part.tables:
                for row in table.rows:
                    for cell in row.cells:
                        for paragraph in cell.paragraphs:
                            _fill_paragraph(paragraph, fields)


def _clear_body(document: Document) -> None:
    """Remove everything in the body but the final section properties."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


class _StyleIds:
    """Style name → the id Word files it under, looked up once per document.

    What ``add_paragraph(style=name)`` and ``add_run(text, style=name)`` do, without their
    search of every style on each call (≈ 1 ms a call, 70 calls a page): the same id is
    written (none for the document's default style)."""

    def __init__(self, document: Document) -> None:
        self._part = document.part
        self._ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def __call__(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        key = (name, kind)
        if key not in self._ids:
            self._ids[key] = self._part.get_style_id(name, kind)  # type: ignore[no-untyped-call]
        return self._ids[key]

    def paragraph(self, document: Document, name: str | None) -> Paragraph:
        paragraph = document.add_paragraph()
        if name is not None:
            paragraph._p.style = self(name, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, name: str | None) -> Run:
        if "\t" in text or "\n" in text or "\r" in text:
            run = paragraph.add_run(text)  # tabs and breaks become their elements
        else:  # one w:t, as add_run writes it, without its character-by-character reading
            run = paragraph.add_run()
            if text:
                run._r.add_t(text)
        if name:  # as add_run: an empty name is no style
            run._r.style = self(name, WD_STYLE_TYPE.CHARACTER)
        return run


def _add_link(paragraph: Paragraph, text: str, url: str, styles: _StyleIds) -> None:
    """A real hyperlink: ``w:hyperlink`` pointing at an external relationship."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = styles.run(paragraph, text, "Hyperlink")
    link.append(run._r)  # moves the run inside the link
    paragraph._p.append(link)


def _write(document: Document, blocks: tuple[Block, ...]) -> None:
    bookmarks = 0
    styles = _StyleIds(document)
    for block in blocks:
        paragraph = styles.paragraph(document, block.style)
        for part in block.runs:
            if part.url is not None:
                _add_link(paragraph, part.text, part.url, styles)
                continue
            run = styles.run(paragraph, part.text, part.style)
            if part.bold:
                run.bold = True
            if part.anchor is not None:  # a citation: a link to its source in the list
                link = OxmlElement("w:hyperlink")
                link.set(qn("w:anchor"), part.anchor)
                link.set(qn("w:history"), "1")
                run._r.addprevious(link)
                link.append(run._r)
            if part.bookmark is not None:
                start = OxmlElement("w:bookmarkStart")
                start.set(qn("w:id"), str(bookmarks))
                start.set(qn("w:name"), part.bookmark)
                end = OxmlElement("w:bookmarkEnd")
                end.set(qn("w:id"), str(bookmarks))
                run._r.addprevious(start)
                run._r.addnext(end)
                bookmarks += 1


def _set_page(document: Document, brief: Brief) -> None:
    """Page size from the brief, margins as the template has them."""
    width, height = PAGE_SIZES[brief.page]
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height


def _set_language(document: Document, tag: str) -> None:
    """The proofing language of all text: the document defaults and any style that sets one.

    Chinese, Japanese and Korean also go to ``w:eastAsia``, Hebrew and Arabic to ``w:bidi``
    (the languages Word uses for those scripts); the others keep the template's.
    """
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    langs = [rpr.find(qn("w:lang")), *styles.iterfind(f".//{qn('w:rPr')}/{qn('w:lang')}")]
    if langs[0] is None:
        langs[0] = OxmlElement("w:lang")
        rpr.append(langs[0])
    primary = tag.split("-")[0]
    for lang in dict.fromkeys(langs):
        lang.set(qn("w:val"), tag)
        if primary in ("zh", "ja", "ko"):
            lang.set(qn("w:eastAsia"), tag)
        if primary in ("he", "ar"):
            lang.set(qn("w:bidi"), tag)


def _language(brief: Brief) -> str:
    counts = Counter(source.language for source in brief.sources)
    if not counts:
        return "en-US"
    language, _ = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return _LANGUAGES.get(language, "en-US")


def _set_properties(document: Document, brief: Brief) -> None:
    props = document.core_properties
    midnight = dt.datetime.combine(brief.generated, dt.time())
    outlets = sorted({clean_text(s.metadata.outlet) for s in brief.sources if s.metadata.outlet})
    props.title = shorten(clean_text(brief.title), 250)
    props.subject = SUBJECT
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.keywords = shorten("; ".join(["policy brief", *outlets]), 250)
    props.comments = f"{len(brief.sources)} sources; ranked with {brief.algorithm}"
    props.category = SUBJECT
    props.language = _language(brief)
    _set_language(document, props.language)
    props.created = midnight
    props.modified = midnight
    props.last_printed = midnight
    props.revision = 1


#: the date and time every entry of the package is given (1 January 1980, 00:00, the
#: earliest a zip entry can hold): equal content gives equal bytes
_FIXED_DATE, _FIXED_TIME = (0 << 9) | (1 << 5) | 1, 0


def _fixed_zip(data: bytes) -> bytes:
    """The package with constant entry dates, so equal content gives equal bytes: the date
    fields of the package python-docx wrote are set in place and its compressed data kept
    (decompressing and compressing every part again took 12-14 ms, for the same bytes)."""
    fixed = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
        directory = package.start_dir  # where the central directory starts
    for entry in entries:  # each local header: signature, versions, flags, method, time, date
        at = entry.header_offset
        if fixed[at : at + 4] != b"PK\x03\x04":
            raise ValueError("not a local file header")
        struct.pack_into("<HH", fixed, at + 10, _FIXED_TIME, _FIXED_DATE)
    at = directory
    for _ in entries:  # each central directory record: signature, versions, …, time, date, …
        if fixed[at : at + 4] != b"PK\x01\x02":
            raise ValueError("not a central directory record")
        struct.pack_into("<HH", fixed, at + 12, _FIXED_TIME, _FIXED_DATE)
        name, extra, comment = struct.unpack_from("<HHH", fixed, at + 28)
        at += 46 + name + extra + comment
    return bytes(fixed)


def render_docx(brief: Brief, templates: Path | None = None) -> bytes:
    """The brief as a Word file (bytes), from ``brief.docx`` in ``templates`` or the default.

    Renders what it is given: call ``layout.fit_to_page`` first for the one-page promise.
    Raises ``TemplateError`` when the template is not a Word file, lacks a style the page
    needs, or has a header/footer placeholder briefer does not know.
    """
    document = open_template(templates)
    check_styles(document)
    _fill_header_footer(document, header_fields(brief))
    _set_page(document, brief)
    sections = word_sections(document)  # read from the body before it is replaced
    labels = labels_for(brief_language(brief), word_labels(document))
    _clear_body(document)
    _write(document, translate_blocks(page_blocks(brief, sections), brief, labels))
    _set_properties(document, brief)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def sample_brief() -> Brief:
    """A small brief using every part of the page, to try templates on before a run."""
    source = Source(
        id="S1",
        file="sample.txt",
        format="txt",
        paragraphs=("Sample.",),
        metadata=Metadata(
            title="Sample source",
            outlet="Sample outlet",
            author="A. Reporter",
            published=dt.date(2020, 1, 1),
            url="https://example.com/sample",
        ),
    )
    when = When(dt.date(2020, 1, 1), "day", "published")
    return Brief(
        title="Sample brief",
        generated=dt.date(2020, 1, 2),
        key_points=(Item("A sample key point.", ("S1",), 1.0, source_id="S1"),),
        chronology=(Item("A sample event.", ("S1",), 1.0, when, source_id="S1"),),
        sources=(source,),
        skipped=(Skipped("sample.bin", "not text (binary data)"),),
    )


def check_templates(templates: Path | None) -> None:
    """Raise ``TemplateError`` now if the templates in ``templates`` cannot render a brief.

    Renders a sample brief through both (Markdown and Word), so a missing style, an unknown
    field or placeholder, or a file that is not a template is reported, naming what is
    wrong, before any article is read or any file written.
    """
    brief = sample_brief()
    render_markdown(brief, templates)
    render_docx(brief, templates)

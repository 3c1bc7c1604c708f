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
import zipfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from briefer.layout import (
    PAGE_SIZES,
    Block,
    check_styles,
    fill_placeholders,
    header_fields,
    open_template,
    page_blocks,
)
from briefer.models import Brief
from briefer.render import clean_text, shorten

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


def _add_link(paragraph: Paragraph, text: str, url: str) -> None:
    """A real hyperlink: ``w:hyperlink`` pointing at an external relationship."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = paragraph.add_run(text, style="Hyperlink")
    link.append(run._r)  # moves the run inside the link
    paragraph._p.append(link)


def _write(document: Document, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        paragraph = document.add_paragraph(style=block.style)
        for part in block.runs:
            if part.url is not None:
                _add_link(paragraph, part.text, part.url)
                continue
            run = paragraph.add_run(part.text, style=part.style)
            if part.bold:
                run.bold = True


def _set_page(document: Document, brief: Brief) -> None:
    """Page size from the brief, margins as the template has them."""
    width, height = PAGE_SIZES[brief.page]
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height


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
    props.created = midnight
    props.modified = midnight
    props.last_printed = midnight
    props.revision = 1


def _fixed_zip(data: bytes) -> bytes:
    """The package rewritten with constant entry dates, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


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
    _clear_body(document)
    _write(document, page_blocks(brief))
    _set_properties(document, brief)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())

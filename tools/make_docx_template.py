"""Build briefer's default Word template, ``src/briefer/templates/brief.docx``.

The binary is committed; this script is how it was made, so it can be regenerated or
changed in code review rather than by hand in Word::

    .venv/bin/python tools/make_docx_template.py            # writes the packaged template
    .venv/bin/python tools/make_docx_template.py out.docx   # writes elsewhere

A newsroom copies the result (``briefer templates export DIR``), restyles it in Word, and
points briefer at the folder holding it (``briefer make … --templates DIR``).
The renderer needs these styles: Title, Heading 1, List Bullet, Meta, Source
(paragraph) and Citation, Hyperlink (character). The header and footer may hold the
placeholders ``{{title}}`` and ``{{generated}}``. Whatever the body holds is replaced.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "briefer" / "templates" / "brief.docx"

FONT = "Calibri"  # LibreOffice substitutes the metric-compatible Carlito
GREY = RGBColor(0x59, 0x59, 0x59)
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
MARGIN = Cm(1.8)
EDGE = Cm(0.8)  # header and footer distance from the page edge


def _set_fonts(rpr_parent: docx.oxml.xmlchemy.BaseOxmlElement) -> None:
    """Name Calibri for every script, dropping the theme font references."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _set_size(style: docx.styles.style.BaseStyle, points: float) -> None:
    """Font size for Latin and complex scripts alike (RTL text uses ``szCs``)."""
    style.font.size = Pt(points)
    rpr = style.element.get_or_add_rPr()
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.append(size_cs)
    size_cs.set(qn("w:val"), str(round(points * 2)))


def _paragraph_style(
    document: docx.document.Document,
    name: str,
    *,
    size: float,
    before: float = 0,
    after: float = 0,
    bold: bool = False,
    color: RGBColor | None = None,
) -> docx.styles.style.ParagraphStyle:
    styles = document.styles
    if name in [s.name for s in styles]:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
    _set_fonts(style.element)
    _set_size(style, size)
    style.font.bold = bold
    if color is not None:
        style.font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    return style


def _drop_border(style: docx.styles.style.BaseStyle) -> None:
    ppr = style.element.find(qn("w:pPr"))
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _set_defaults(document: docx.document.Document) -> None:
    """docDefaults: Calibri, single spacing, no space after (the styles say the rest)."""
    styles_el = document.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def _header_footer(document: docx.document.Document) -> None:
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin

    header = section.header.paragraphs[0]
    header.text = "{{title}}\t{{generated}}"
    header.style = document.styles["Header"]
    header.paragraph_format.tab_stops.clear_all()
    header.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    footer = section.footer.paragraphs[0]
    footer.text = "Prepared with briefer · {{generated}} · For internal distribution"
    footer.style = document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _drop_thumbnail(document: docx.document.Document) -> None:
    """python-docx's stock template carries a thumbnail of itself; a brief does not need it."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)


def build() -> bytes:
    """The template as bytes, with fixed zip timestamps so rebuilding changes nothing."""
    document = docx.Document()
    _drop_thumbnail(document)
    _set_defaults(document)

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = EDGE
    section.footer_distance = EDGE

    _paragraph_style(document, "Normal", size=10.5, after=3)
    title = _paragraph_style(document, "Title", size=17, after=2, bold=True, color=NAVY)
    _drop_border(title)
    title.font.all_caps = False
    _paragraph_style(document, "Meta", size=9, after=4, color=GREY)
    for level, size in (("Heading 1", 11.5), ("Heading 2", 10.5)):
        heading = _paragraph_style(
            document, level, size=size, before=7, after=2, bold=True, color=NAVY
        )
        heading.paragraph_format.keep_with_next = True
    bullet = _paragraph_style(document, "List Bullet", size=10.5, after=2)
    bullet.paragraph_format.left_indent = Pt(18)
    bullet.paragraph_format.first_line_indent = Pt(-18)
    for contextual in bullet.element.pPr.findall(qn("w:contextualSpacing")):
        bullet.element.pPr.remove(contextual)  # keep the 2 pt between bullets
    source = _paragraph_style(document, "Source", size=8.5, after=1)
    source.paragraph_format.left_indent = Cm(0.6)
    source.paragraph_format.first_line_indent = Cm(-0.6)
    for band in ("Header", "Footer"):  # the stock styles carry Letter-sized tab stops
        _paragraph_style(document, band, size=8, color=GREY).paragraph_format.tab_stops.clear_all()

    citation = document.styles.add_style("Citation", WD_STYLE_TYPE.CHARACTER)
    _set_size(citation, 8)
    citation.font.color.rgb = GREY
    link = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x1F, 0x4E, 0x9A)
    link.font.underline = True

    _header_footer(document)
    document.add_paragraph(
        "briefer replaces this body with the brief. Edit the styles (Title, Meta, Heading 1, "
        "List Bullet, Source, Citation, Hyperlink), the page margins, the header and the footer; "
        "{{title}} and {{generated}} are filled in.",
        style="Normal",
    )

    props = document.core_properties
    fixed = dt.datetime(2020, 1, 1)
    props.title, props.subject, props.author = "Policy brief", "Policy brief", "briefer"
    props.last_modified_by, props.revision = "briefer", 1
    props.created, props.modified = fixed, fixed
    props.language = "en-US"

    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with constant timestamps and order, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    out.write_bytes(build())
    sys.stderr.write(f"wrote {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

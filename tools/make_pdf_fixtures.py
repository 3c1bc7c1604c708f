"""Build the PDF fixtures of tests/fixtures/pdf/ (invented press releases and wire copy).

    .venv/bin/python tools/make_pdf_fixtures.py [OUT_DIR]

Needs reportlab (the ``dev`` extra) and, for the Word-exported release, LibreOffice
(``soffice``) on the PATH; that one file is left alone when LibreOffice is absent.

* ``wire-copy.pdf``: three pages of agency copy set by hand: a running header and a
  "- N -" page number on every page, words hyphenated at line ends ("govern-" / "ment"),
  a real compound broken at its own hyphen ("long-" / "term", which appears unbroken too).
* ``press-release.pdf``: a Word file (python-docx) exported by LibreOffice: a header line and
  a "Page N of M" footer on each of two pages, a title, a date line, contact details.
* ``scanned.pdf``: a page that is only a picture of text (no text layer).
* ``encrypted.pdf``: a one-page release that needs a password to open.

``PARAGRAPHS_WIRE`` and ``PARAGRAPHS_RELEASE`` are the true body paragraphs, the ground truth
of ``tests/test_pdf.py`` and of ``benchmarks/bench_pdf.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf"

WIRE_TITLE = "Halden assembly committee backs small-boat fuel rebate ahead of vote"
WIRE_BYLINE = "By Lars Eide, North Coast News Agency"
WIRE_DATE = "March 11, 2025"
WIRE_HEADER = "NORTH COAST NEWS AGENCY | REGIONAL WIRE"
# "|" marks where the setter may hyphenate a word at a line end
PARAGRAPHS_WIRE = (
    "HALDEN, March 11 (NCNA) - The fisheries committee of the Halden Regional Assembly on "
    "Friday rec|om|mend|ed ap|prov|al of the partial res|tor|a|tion of the Inshore Fuel "
    "Rebate by seven votes to four, clearing the way for a vote of the full assembly on 12 March.",
    "The regional govern|ment froze the rebate in August 2024 after the Regional Audit Office "
    "found that claims had been paid for boats whose vessel-mon|i|tor|ing records showed they had "
    "never left harbour. The restored scheme pays 12 cents a litre of marine diesel to boats "
    "under 12 metres, down from the 18 cents paid before the freeze.",
    "Committee chair Ingrid Solheim said the com|pro|mise pro|tect|ed the smallest family "
    "op|er|a|tions while the audit office fin|ished its review of the larger vessels. "
    "\"Nobody on this committee wants to see a long-|term cut for the whole fleet,\" she said.",
    "Fishermen's as|so|ci|a|tions along the coast have lobbied for months for a full "
    "res|tor|a|tion, arguing that fuel makes up a third of the running costs of an inshore "
    "boat. Tomas Birkeland, chair of the Halden Inshore Fishermen's As|so|ci|a|tion, called the "
    "vote a first step and said his members would keep press|ing for the larger boats.",
    "Op|po|si|tion members on the com|mit|tee said the cabinet had not ex|plained how sat|el|lite "
    "tracking data would be checked against each claim, and asked for a written "
    "as|sur|ance before the final vote. The long-|term cost of the scheme is put at "
    "4.1 million euros a year.",
    "The Audit Office is due to publish its review of claims by larger vessels in June. "
    "Fish|er|ies Min|is|ter Maren Lysgaard has said the cabinet will con|sid|er ex|tend|ing the "
    "rebate once that review is com|plete and the new checks have been shown to work.",
    "Harbour masters in Storvik and Brennes said on Monday that fuel sales to inshore boats had "
    "fallen by almost a fifth since the freeze, as skippers cut the number of trips they made "
    "and left smaller fishing grounds un|worked through the winter.",
    "The assembly vote on 12 March is expected to be close. The governing coalition holds 23 of "
    "the 45 seats, and two of its members have said they will vote against any scheme that "
    "leaves the larger boats out.",
)

RELEASE_TITLE = "Ministry confirms new checks on inshore fuel rebate claims"
RELEASE_HEADER = "Halden Ministry of Fisheries - Press Office"
RELEASE_DATE = "4 March 2025"
PARAGRAPHS_RELEASE = (
    "The Halden Ministry of Fisheries today confirmed that every claim under the restored "
    "Inshore Fuel Rebate will be checked against satellite tracking data before it is paid.",
    "From 1 April, boats under 12 metres can claim 12 cents for every litre of marine diesel "
    "bought from a registered supplier. Claims must be filed within 60 days of purchase, and "
    "the ministry will publish the number of claims refused each quarter.",
    "The checks answer the findings of the Regional Audit Office, which reported last year "
    "that 2.3 million euros had been paid on claims from boats that had not left harbour.",
    "Fisheries Minister Maren Lysgaard said the new system would restore trust in a scheme "
    "that many coastal communities depend on, and thanked the fishermen's associations for "
    "their help in designing the claim forms.",
    "The ministry has written to all 1,240 registered inshore skippers with details of the "
    "new procedure, and its regional offices will hold open meetings in Halden, Storvik and "
    "Brennes during the week of 17 March.",
    "The rebate was frozen in August 2024. The partial restoration approved by the cabinet "
    "still needs the backing of the Regional Assembly, which is expected to vote on 12 March.",
    "Skippers who were refused a claim during the freeze can ask for it to be reviewed once the "
    "new checks are in place. The ministry expects to clear the backlog of 310 disputed claims "
    "by the end of the summer.",
    "The satellite checks use the vessel-monitoring records that every licensed boat already "
    "sends to the Coastal Administration, so skippers will not need to fit new equipment.",
)
RELEASE_CONTACT = "Media contact: Kari Nes, press officer, +47 555 01 234, press@fisheries.example"


def plain(paragraph: str) -> str:
    """A fixture paragraph as it reads, without the hyphenation marks."""
    return paragraph.replace("|", "")


def build_wire(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    width, height = A4
    left, right, top, bottom = 72.0, 340.0, height - 90.0, 90.0
    font, size, leading = "Times-Roman", 12.0, 15.6
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("")  # agency copy carries no document title
    page = [1]
    y = [top]

    def furniture() -> None:
        pdf.setFont("Helvetica", 8)
        pdf.drawString(left, height - 50, WIRE_HEADER)
        pdf.drawRightString(width - 72, height - 50, "For immediate release")
        pdf.drawCentredString(width / 2, 50, f"- {page[0]} -")

    def new_page() -> None:
        pdf.showPage()
        page[0] += 1
        y[0] = top
        furniture()

    def line(text: str, *, face: str = font, pts: float = size) -> None:
        if y[0] < bottom:
            new_page()
        pdf.setFont(face, pts)
        pdf.drawString(left, y[0], text.replace("|", ""))
        y[0] -= pts * 1.3

    def paragraph(text: str) -> None:
        words = text.split(" ")
        current = ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if stringWidth(candidate.replace("|", ""), font, size) <= right - left:
                current = candidate
                continue
            pieces = word.split("|")
            if len(pieces) == 1 and word.isalpha() and len(word) >= 8:  # any long word, TeX-like
                pieces = [word[:4], *word[4:-3], word[-3:]]
            for cut in range(len(pieces) - 1, 0, -1):  # the longest head that fits, hyphenated
                head = "".join(pieces[:cut])
                head += "" if head.endswith("-") else "-"
                trial = f"{current} {head}".strip()
                if stringWidth(trial, font, size) <= right - left:
                    line(trial)
                    current = "".join(pieces[cut:])
                    break
            else:
                line(current.replace("|", ""))
                current = word
        if current:
            line(current.replace("|", ""))
        y[0] -= leading * 0.6

    furniture()
    line(WIRE_TITLE, face="Helvetica-Bold", pts=15)
    y[0] -= 4
    line(WIRE_BYLINE, face="Helvetica", pts=9)
    line(WIRE_DATE, face="Helvetica", pts=9)
    y[0] -= 8
    for text in PARAGRAPHS_WIRE:
        paragraph(text)
    pdf.save()


def build_release_docx(path: Path) -> None:
    import docx
    import docx.shared
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RELEASE_HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    for code in ("PAGE", None, "NUMPAGES"):
        if code is None:
            footer.add_run(" of ")
            continue
        run = footer.add_run()
        for kind, text in (("begin", None), (None, code), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.text = text
            run._r.append(element)
    document.styles["Normal"].font.size = docx.shared.Pt(16)
    document.add_heading(RELEASE_TITLE, level=1)
    document.add_paragraph(f"Press release, {RELEASE_DATE}")
    for text in PARAGRAPHS_RELEASE:
        document.add_paragraph(text)
    document.add_paragraph("ENDS")
    document.add_paragraph(RELEASE_CONTACT)
    document.core_properties.title = RELEASE_TITLE
    document.core_properties.author = "Press Office"
    document.save(str(path))


def build_release(path: Path) -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: press-release.pdf left as it is", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "press-release.docx"
        build_release_docx(source)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=180,
        )
        shutil.copyfile(Path(work) / "press-release.pdf", path)
    return True


def build_scanned(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as pixels:
        picture = Path(pixels.name)
    try:
        from PIL import Image, ImageDraw

        image = Image.new("L", (600, 300), 255)
        draw = ImageDraw.Draw(image)
        for row in range(12):
            draw.text((30, 20 + 22 * row), "Scanned page: the words are only pixels.", fill=0)
        image.save(picture)
        pdf = canvas.Canvas(str(path), pagesize=A4)
        pdf.drawImage(ImageReader(str(picture)), 60, 400, width=480, height=240)
        pdf.save()
    finally:
        picture.unlink()


def build_encrypted(path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lock = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=lock)
    pdf.setFont("Times-Roman", 11)
    pdf.drawString(72, 760, RELEASE_TITLE)
    pdf.drawString(72, 740, plain(PARAGRAPHS_RELEASE[0])[:90])
    pdf.save()


def main(out: Path = OUT) -> int:
    out.mkdir(parents=True, exist_ok=True)
    build_wire(out / "wire-copy.pdf")
    build_release(out / "press-release.pdf")
    build_scanned(out / "scanned.pdf")
    build_encrypted(out / "encrypted.pdf")
    for path in sorted(out.glob("*.pdf")):
        print(f"{path.name}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))

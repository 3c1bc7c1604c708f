"""PDF input: invented press releases and wire copy (tests/fixtures/pdf, built by
tools/make_pdf_fixtures.py: a hand-set wire story and a Word file exported by LibreOffice)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from briefer.clean import clean_article
from briefer.errors import SkipFile
from briefer.models import CleanArticle
from briefer.pdf import read_pdf
from briefer.read import read_file, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
TODAY = dt.date(2025, 3, 12)

_spec = importlib.util.spec_from_file_location(
    "make_pdf_fixtures", Path(__file__).parents[1] / "tools" / "make_pdf_fixtures.py"
)
assert _spec is not None and _spec.loader is not None
fixtures = importlib.util.module_from_spec(_spec)
sys.modules["make_pdf_fixtures"] = fixtures
_spec.loader.exec_module(fixtures)


def cleaned(name: str) -> CleanArticle:
    result = read_file(FIXTURES / name, name, today=TODAY)
    (article,) = result.articles
    assert article.format == "pdf"
    return clean_article(article, today=TODAY)


def test_wire_copy_paragraphs_are_rebuilt_exactly() -> None:
    article = cleaned("wire-copy.pdf")

    assert article.paragraphs == tuple(fixtures.plain(p) for p in fixtures.PARAGRAPHS_WIRE)


def test_wire_copy_hyphenation_at_line_ends_is_undone() -> None:
    text = read_pdf((FIXTURES / "wire-copy.pdf").read_bytes(), today=TODAY).lines
    body = "\n".join(text)

    # the setter broke these words at line ends (see the PDF's own lines)
    for word in ("committee", "recommended", "restoration", "assurance"):
        assert word in body
    for broken in ("commit-", "recom-", "resto-", "as-"):
        assert broken not in body
    assert "long-term cut" in body and "long-term cost" in body


def test_wire_copy_running_header_and_page_numbers_are_dropped_and_reported() -> None:
    article = cleaned("wire-copy.pdf")
    body = "\n".join(article.paragraphs)

    assert "NORTH COAST NEWS AGENCY" not in body
    assert "For immediate release" not in body
    assert "- 1 -" not in body and "- 2 -" not in body
    reasons = {d.line: d.reason for d in article.decisions if not d.kept}
    assert reasons["- 2 -"] == "page number"
    assert any(r == "running header" for r in reasons.values())


def test_wire_copy_metadata_from_its_own_header() -> None:
    meta = cleaned("wire-copy.pdf").metadata

    assert meta.title == fixtures.WIRE_TITLE
    assert meta.author == "Lars Eide"
    assert meta.outlet == "North Coast News Agency"
    assert meta.published == dt.date(2025, 3, 11)
    assert meta.origin["published"].startswith("date line")


def test_word_exported_release_loses_header_footer_and_release_furniture() -> None:
    article = cleaned("press-release.pdf")
    body = "\n".join(article.paragraphs)

    assert article.paragraphs == tuple(fixtures.PARAGRAPHS_RELEASE)
    assert fixtures.RELEASE_HEADER not in body
    assert "Page 1 of 2" not in body and "ENDS" not in body and "Media contact" not in body
    assert article.metadata.title == fixtures.RELEASE_TITLE
    assert article.metadata.published == dt.date(2025, 3, 4)


def test_the_organisation_in_the_running_header_is_the_outlet_when_nothing_else_is() -> None:
    text = read_pdf((FIXTURES / "press-release.pdf").read_bytes(), today=TODAY)

    assert text.metadata.outlet == "Halden Ministry of Fisheries"
    assert text.metadata.origin["outlet"].startswith("PDF running header")
    # the wire's byline names its agency: that wins over the header's capitals
    wire = cleaned("wire-copy.pdf")
    assert wire.metadata.outlet == "North Coast News Agency"


def test_document_information_is_only_a_fallback() -> None:
    text = read_pdf((FIXTURES / "press-release.pdf").read_bytes(), today=TODAY)

    # LibreOffice stamped the export date; the release's own date line wins over it
    assert text.metadata.title == fixtures.RELEASE_TITLE
    assert text.metadata.origin["title"] == "PDF document title"
    result = read_file(FIXTURES / "press-release.pdf", "press-release.pdf", today=TODAY)
    assert result.articles[0].fallback == text.metadata
    assert result.articles[0].metadata.published is None


def test_a_pdf_creation_date_after_today_is_not_kept() -> None:
    text = read_pdf((FIXTURES / "press-release.pdf").read_bytes(), today=dt.date(2000, 1, 1))

    assert text.metadata.published is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("scanned.pdf", "no text layer"),
        ("encrypted.pdf", "encrypted"),
    ],
)
def test_scans_and_locked_pdfs_are_skipped_with_a_reason(name: str, reason: str) -> None:
    with pytest.raises(SkipFile) as raised:
        read_file(FIXTURES / name, name, today=TODAY)

    assert reason in raised.value.reason


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 3],
        lambda data: b"%PDF-1.4\n" + bytes(range(256)) * 20,
        lambda data: b"<html><body>not a pdf</body></html>",
        lambda data: data.replace(b"endobj", b"enbobj"),
    ],
)
def test_damaged_pdfs_are_skipped_not_crashed_on(tmp_path: Path, damage: object) -> None:
    data = (FIXTURES / "wire-copy.pdf").read_bytes()
    path = tmp_path / "broken.pdf"
    path.write_bytes(damage(data))  # type: ignore[operator]

    try:
        result = read_file(path, "broken.pdf", today=TODAY)
    except SkipFile as skip:
        assert "PDF" in skip.reason
    else:  # PDFium repairs what it can: then the text must still be the story's
        assert "Halden" in "\n".join(result.articles[0].lines)


def test_a_folder_of_pdfs_reads_the_good_and_skips_the_rest(tmp_path: Path) -> None:
    for name in ("wire-copy.pdf", "scanned.pdf", "encrypted.pdf"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "empty.pdf").write_bytes(b"")

    result = read_inputs([tmp_path], today=TODAY)

    assert [a.file for a in result.articles] == ["wire-copy.pdf"]
    assert sorted(s.file for s in result.skipped) == ["empty.pdf", "encrypted.pdf", "scanned.pdf"]


def test_fixtures_are_what_the_builder_makes(tmp_path: Path) -> None:
    """The committed hand-set wire PDF is reproducible (its text, not its bytes)."""
    pytest.importorskip("reportlab")
    fixtures.build_wire(tmp_path / "wire.pdf")

    rebuilt = read_pdf((tmp_path / "wire.pdf").read_bytes(), today=TODAY).lines
    committed = read_pdf((FIXTURES / "wire-copy.pdf").read_bytes(), today=TODAY).lines
    assert rebuilt == committed


def _draw(path: Path, pages: list[list[str]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, 1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, 800, "Coastal Observer | Monday edition")
        pdf.drawString(300, 40, f"Page {number} of {len(pages)}")
        pdf.setFont("Times-Roman", 11)
        y = 740.0
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 14 if line else 10
        pdf.showPage()
    pdf.save()


def test_hand_broken_lines_keep_real_hyphens_and_join_across_pages(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    path = tmp_path / "observer.pdf"
    _draw(path, [
        [
            "The harbour board agreed a long-term plan for the quay on Monday after a Franco-",
            "German consortium withdrew its bid, leaving the board with a single long-",
            "term option: to rebuild the old quay in stages over the next five years, start-",
            "ing with the ferry berth, and to fund the work from the tolls paid by every",
        ],
        [
            "visiting ship, the board's chair said at a meeting in the town hall on Monday.",
            "",
            "Critics of the plan said it left the fishing fleet without a berth for two years.",
        ],
    ])

    lines = [line for line in read_pdf(path.read_bytes(), today=TODAY).lines if line]

    assert lines == [
        "The harbour board agreed a long-term plan for the quay on Monday after a Franco-German "
        "consortium withdrew its bid, leaving the board with a single long-term option: to "
        "rebuild the old quay in stages over the next five years, starting with the ferry berth, "
        "and to fund the work from the tolls paid by every visiting ship, the board's chair said "
        "at a meeting in the town hall on Monday.",
        "Critics of the plan said it left the fishing fleet without a berth for two years.",
    ]


def test_a_two_column_page_reads_column_by_column(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    left = [
        "The harbour board voted on Tuesday to extend",
        "the quay by sixty metres, a project that has",
        "been discussed for more than a decade and will",
        "cost about 40 million euros. Work is due to",
        "start next spring and to take three years.",
    ]
    right = [
        "Fishermen welcomed the decision but asked",
        "the board to keep a berth free for the inshore",
        "fleet during the works. The board chair said a",
        "temporary pontoon would be built on the north",
        "side of the harbour before the old quay is",
        "closed.",
    ]
    path = tmp_path / "two-columns.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Times-Bold", 16)
    pdf.drawString(72, 770, "Harbour board backs quay extension")
    pdf.setFont("Times-Roman", 11)
    for x, column in ((72, left), (310, right)):
        for row, text in enumerate(column):
            pdf.drawString(x, 740 - 14 * row, text)
    pdf.save()

    lines = [line for line in read_pdf(path.read_bytes(), today=TODAY).lines if line]

    assert lines == ["Harbour board backs quay extension", " ".join(left), " ".join(right)]

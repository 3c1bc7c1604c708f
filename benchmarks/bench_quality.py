"""The quality gate's figures: body extraction F1 (HTML and copied text) and metadata accuracy.

    .venv/bin/python benchmarks/bench_quality.py [--shared ../shared] [--own-only] [-v]

On the project's own sample, always (tests/quality, tests/cases, tests/fixtures/pdf; all
invented for this project):

* **HTML F1**: ``extract_html`` on the four pages of ``tests/quality/pages`` against their true
  bodies (``tests/quality/truth.json``), by the article-extraction benchmark's measure
  (evaluate.py: 4-token shingles, per-page weighting, P and R averaged over pages).
* **scraped-text F1**: the same pages copied as a person would (``bench_clean.copied_text``:
  lxml on the raw bytes, scripts and styles dropped, one block element a line), read as a .txt
  and cleaned, same measure.
* **metadata accuracy**: title, outlet, author and publication date of every usable source of
  ``tests/cases/*/gold.json`` (gold's rules: title exact up to case/spacing/quotes, author and
  outlet by containment, date exact), of the four pages both as HTML and as copied text, and of
  the two text PDFs; ``null`` in gold is not checked.
* **junk leaks**: gold ``junk`` strings of each case found in its cleaned sources' text.

When ``../shared/data`` is present (not on a user's clone) the big set is run as well: the 181
pages of the article-extraction benchmark as HTML (``bench_html``) and as copied text
(``bench_clean``), and the seeds' metadata.

``tests/test_quality_gate.py`` calls :func:`own_figures` and fails when a figure drops below
``tests/quality_floors.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_clean import as_text_file, copied_text
from bench_html import page_counts, scores

from briefer.clean import clean_article
from briefer.errors import SkipFile
from briefer.html import extract_html
from briefer.inspect import inspect_inputs
from briefer.models import Metadata, RawArticle

ROOT = Path(__file__).resolve().parents[1]
QUALITY = ROOT / "tests" / "quality"
CASES = ROOT / "tests" / "cases"
PDFS = ROOT / "tests" / "fixtures" / "pdf"
#: A fixed run date, so the figures do not move with the calendar.
RUN_DATE = dt.date(2026, 6, 1)
FIELDS = ("title", "outlet", "author", "published")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
#: The PDF fixtures' true metadata (tools/make_pdf_fixtures.py).
PDF_TRUTH = {
    "wire-copy.pdf": {
        "title": "Halden assembly committee backs small-boat fuel rebate ahead of vote",
        "outlet": "North Coast News Agency",
        "author": "Lars Eide",
        "published": "2025-03-11",
    },
    "press-release.pdf": {
        "title": "Ministry confirms new checks on inshore fuel rebate claims",
        "outlet": "Halden Ministry of Fisheries",
        "author": None,
        "published": "2025-03-04",
    },
}


@dataclass(frozen=True)
class Check:
    """One metadata field of one source, right or wrong."""

    where: str
    field: str
    want: str
    got: str | None
    ok: bool


@dataclass(frozen=True)
class Figures:
    html_f1: float
    scraped_f1: float
    metadata_accuracy: float
    junk_leaks: int
    checks: tuple[Check, ...]
    leaks: tuple[str, ...]


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().lower()


def _value(metadata: Metadata, field: str) -> str | None:
    value = getattr(metadata, field)
    return None if value is None else str(value)


def check_fields(where: str, metadata: Metadata, gold: dict[str, object]) -> list[Check]:
    """gold.json's rules for the fields gold gives (``null`` is not checked)."""
    checks = []
    for field in FIELDS:
        want = gold.get(field)
        if not want:
            continue
        got = _value(metadata, field)
        g, w = _normal(got or ""), _normal(str(want))
        exact = field in {"title", "published"}
        ok = g == w if exact else bool(g) and (w in g or g in w)
        checks.append(Check(where, field, str(want), got, ok))
    return checks


def _f1(pairs: Iterable[tuple[str, str]]) -> float:
    return scores([page_counts(truth, got) for got, truth in pairs])[2]


def own_pages() -> list[dict[str, object]]:
    pages: list[dict[str, object]] = json.loads((QUALITY / "truth.json").read_text("utf-8"))
    return pages


def _html_article(data: bytes) -> tuple[str, Metadata]:
    try:
        article = extract_html(data, today=RUN_DATE)
    except SkipFile:
        return "", Metadata()
    raw = RawArticle(file="page.html", format="html", lines=article.lines,
                     metadata=article.metadata, cleaned=article.cleaned)
    clean = clean_article(raw, today=RUN_DATE)
    return "\n".join(clean.paragraphs), clean.metadata


def _copied_article(data: bytes) -> tuple[str, Metadata]:
    lines = as_text_file(copied_text(data))
    clean = clean_article(RawArticle(file="page.txt", format="text", lines=tuple(lines)),
                          today=RUN_DATE)
    return "\n".join(clean.paragraphs), clean.metadata


def own_figures() -> Figures:
    """Every figure of the gate on the project's own sample."""
    checks: list[Check] = []
    html_pairs, text_pairs = [], []
    for page in own_pages():
        data = (QUALITY / "pages" / str(page["file"])).read_bytes()
        truth = "\n".join(page["body"])  # type: ignore[arg-type]
        html_text, html_meta = _html_article(data)
        copied, copied_meta = _copied_article(data)
        html_pairs.append((html_text, truth))
        text_pairs.append((copied, truth))
        checks += check_fields(f"{page['file']} (html)", html_meta, page)
        checks += check_fields(f"{page['file']} (copied text)", copied_meta, page)

    leaks: list[str] = []
    for gold_file in sorted(CASES.glob("*/gold.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        report = inspect_inputs([gold_file.parent / "inputs"], today=RUN_DATE)
        for want in gold["sources"]:
            if not want.get("usable", True):
                continue
            candidates = [s for s in report.sources if s.file == want["file"]]
            if len(candidates) > 1 and want.get("title"):
                titled = [s for s in candidates
                          if _normal(s.metadata.title or "") == _normal(want["title"])]
                candidates = titled or candidates
            where = f"{gold_file.parent.name}/{want['file']}"
            metadata = candidates[0].metadata if candidates else Metadata()
            checks += check_fields(where, metadata, want)
        for source in report.sources:
            text = _normal("\n".join(source.paragraphs))
            leaks += [f"{gold_file.parent.name}/{source.file}: {junk!r}"
                      for junk in gold["junk"] if _normal(junk) in text]

    pdf_report = inspect_inputs([PDFS], today=RUN_DATE)
    for source in pdf_report.sources:
        if source.file in PDF_TRUTH:
            checks += check_fields(f"pdf/{source.file}", source.metadata, PDF_TRUTH[source.file])

    right = sum(c.ok for c in checks)
    return Figures(
        html_f1=_f1(html_pairs),
        scraped_f1=_f1(text_pairs),
        metadata_accuracy=right / len(checks) if checks else 0.0,
        junk_leaks=len(leaks),
        checks=tuple(checks),
        leaks=tuple(leaks),
    )


def big_figures(shared: Path) -> dict[str, float] | None:
    """The 181-page benchmark's two F1 figures, or None when the data is absent."""
    folder = shared / "data" / "article-extraction-benchmark"
    if not (folder / "ground-truth.json").exists():
        return None
    import bench_clean

    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    html_pairs = []
    for key, entry in truth.items():
        data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        try:
            text = "\n".join(extract_html(data).lines)
        except SkipFile:
            text = ""
        html_pairs.append((text, entry["articleBody"]))
    pages = bench_clean.load_pages(folder)
    text_pairs = [(bench_clean.ours(text), gold) for _, text, gold in pages]
    return {"html_f1": _f1(html_pairs), "scraped_f1": _f1(text_pairs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--own-only", action="store_true", help="skip the 181-page benchmark")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong field")
    args = parser.parse_args()
    floors = json.loads((ROOT / "tests" / "quality_floors.json").read_text("utf-8"))

    own = own_figures()
    right = sum(c.ok for c in own.checks)
    print("own sample (tests/quality, tests/cases, tests/fixtures/pdf):")
    print(f"  HTML body F1          {own.html_f1:.3f}   (floor {floors['html_f1']})")
    print(f"  scraped-text F1       {own.scraped_f1:.3f}   (floor {floors['scraped_f1']})")
    print(f"  metadata accuracy     {own.metadata_accuracy:.3f}   ({right}/{len(own.checks)} "
          f"fields; floor {floors['metadata_accuracy']})")
    print(f"  junk leaks            {own.junk_leaks}       (at most {floors['junk_leaks']})")
    for check in own.checks:
        if not check.ok and args.verbose:
            print(f"    WRONG {check.where} {check.field}: want {check.want!r}, got {check.got!r}")
    for leak in own.leaks if args.verbose else ():
        print(f"    LEAK {leak}")
    if args.own_only:
        return 0
    big = big_figures(args.shared)
    if big is None:
        print("181-page benchmark: skipped (../shared/data not found)")
        return 0
    print("article-extraction benchmark (181 pages; trafilatura 2.3.1: HTML 0.953, "
          "copied text 0.647):")
    print(f"  HTML body F1          {big['html_f1']:.3f}")
    print(f"  scraped-text F1       {big['scraped_f1']:.3f}")
    import bench_clean

    bench_clean.run_seeds(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How well briefer.html isolates article bodies, on the Scrapinghub article-extraction benchmark.

    .venv/bin/python benchmarks/bench_html.py [DATA_DIR]

DATA_DIR defaults to ../shared/data/article-extraction-benchmark next to the checkout (181 pages,
``html/<id>.html.gz`` and ``ground-truth.json`` {id: {"articleBody", "url"}}); the script exits
cleanly when it is absent.

The measure is the benchmark's own (its evaluate.py), re-implemented here:

* tokens are the ``\\w+`` runs of the text (case kept);
* a page's shingles are its 4-token windows, counted as a multiset (a text of under 4 tokens
  is one shorter shingle);
* per page, tp = shared shingles (min of counts), fp = extracted only, fn = truth only, all
  three divided by tp + fp + fn so that long pages weigh no more than short ones;
* precision tp/(tp+fp) is averaged over the pages with tp + fp > 0, recall tp/(tp+fn) over
  those with tp + fn > 0 (1.0 when both texts have no shingles), and
  F1 = 2PR / (P + R) of those averages.

The extracted text is ``extract_html(page).lines`` joined by newlines, exactly what the reader
hands on. Pages that ``extract_html`` skips count as empty extractions.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from briefer.errors import SkipFile
from briefer.html import extract_html

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    windows = (tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))
    return Counter(window for window in windows if window)


def page_counts(truth: str, extracted: str) -> Counts:
    expected, found = shingles(truth), shingles(extracted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(pages: list[Counts]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*c) for c in pages if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in pages if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r)


def main(data: Path) -> int:
    truth_file = data / "ground-truth.json"
    if not truth_file.is_file():
        print(f"benchmark data not found at {data}; skipping")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    counts: list[Counts] = []
    skipped = 0
    fallback = 0
    started = time.perf_counter()
    for key, page in pages.items():
        try:
            article = extract_html(page)
        except SkipFile:
            skipped += 1
            text = ""
        else:
            text = "\n".join(article.lines)
            fallback += not article.cleaned
        counts.append(page_counts(truth[key]["articleBody"], text))
    elapsed = time.perf_counter() - started
    precision, recall, f1 = scores(counts)
    print(f"pages: {len(pages)}  skipped: {skipped}  plain-text fallback: {fallback}")
    print(f"precision={precision:.3f}  recall={recall:.3f}  F1={f1:.3f}")
    print(f"time: {elapsed:.1f} s, {1000 * elapsed / len(pages):.1f} ms per page (incl. metadata)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA))

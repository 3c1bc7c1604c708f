"""Benchmark of the boilerplate remover on scraped text, and of the header metadata on the seeds.

    .venv/bin/python benchmarks/bench_clean.py [--shared ../shared] [--justext] [--trafilatura]
                                               [--decoded] [--worst N]

The text (issue 4's construction): each page of the article-extraction benchmark (181 news pages
with their true ``articleBody``) turned into what a person gets by copying the whole page:
the raw bytes parsed by lxml (libxml2 reads the charset the page declares, else Latin-1, as
an old-fashioned browser or scraper does, so 44 pages come out as mojibake, "donâ\x80\x99t"),
scripts and styles dropped, every block element on its own line (a blank line around
paragraphs, headings, lists and tables), navigation, headers, footers, asides, ``<noscript>``
and ``<head>`` text kept. ``--decoded`` decodes each page properly first instead (UTF-8, else
its declared charset, else cp1252) and drops every invisible element, the construction this
benchmark used before.

That text is saved as a UTF-8 ``.txt`` would be and goes through briefer's plain-text path:
``decode_text`` and ``text_lines`` (as ``read_file`` does for a .txt), then ``clean_article``.

The score is the benchmark's own (its evaluate.py, as in ``bench_html.py``): 4-token shingles
(``\\w+``, case kept) counted as multisets, per-page tp/fp/fn normalised, precision and recall
averaged over pages, F1 of the averages. Keeping every line scores 0.622 (issue: 0.623),
jusText on the lines 0.741 (issue: 0.74), trafilatura on the lines 0.646 (issue: 0.647).

Also printed: the seeds' metadata (title, author, outlet, published) against gold.json and any
gold junk string that survives in the paragraphs. Everything skips cleanly when the shared
folder is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
from bench_html import page_counts, scores

from briefer.clean import clean_article
from briefer.models import RawArticle
from briefer.read import decode_text, text_lines

META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
#: What a browser does not show (the issue's construction drops only scripts and styles).
INVISIBLE = {"script", "style"}
INVISIBLE_DECODED = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "option", "select", "button", "label",
    "caption", "center", "menu", "html",
}
PARAGRAPH_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol",
                    "table", "figure", "hr"}
SEEDS_TODAY = dt.date(2026, 1, 30)  # the seeds were scraped that day (their top bar says so)


def decode(data: bytes) -> str:
    """UTF-8, else the charset the page declares, else Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        m = META_CHARSET.search(data[:5000])
        if m:
            try:
                return data.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        return data.decode("cp1252", errors="replace")


def copied_text(html: bytes, *, decoded: bool = False) -> str:
    """The text a person gets by selecting the whole page in a browser and copying it."""
    if decoded:
        root = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", decode(html)))
    else:
        root = lxml.html.fromstring(re.sub(rb"^\s*<\?xml[^>]*\?>", b"", html))
    invisible = INVISIBLE_DECODED if decoded else INVISIBLE
    out: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions
            out.append(el.tail or "")
            return
        tag = el.tag.lower().rpartition("}")[2]
        if tag in invisible:
            out.append(el.tail or "")
            return
        brk = "\n\n" if tag in PARAGRAPH_BLOCKS else "\n" if tag in BLOCKS else ""
        out.append(brk + (el.text or ""))
        for child in el:
            walk(child)
        out.append(brk + (el.tail or ""))

    walk(root)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(out).split("\n")]
    squeezed: list[str] = []
    for line in lines:
        if line or (squeezed and squeezed[-1]):
            squeezed.append(line)
    return "\n".join(squeezed).strip() + "\n"


def as_text_file(text: str) -> list[str]:
    """The lines briefer's .txt reader makes of ``text`` saved as UTF-8."""
    return list(text_lines(decode_text(text.encode("utf-8"))))


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """F1, precision, recall by the benchmark's evaluate.py (extracted, truth pairs)."""
    try:
        precision, recall, f1 = scores([page_counts(want, got) for got, want in pairs])
    except (ZeroDivisionError, statistics.StatisticsError):  # one page with nothing right
        return 0.0, 0.0, 0.0
    return f1, precision, recall


def load_pages(folder: Path, *, decoded: bool = False) -> list[tuple[str, str, str]]:
    """(page id, copied text, true articleBody) for every page of the benchmark."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((folder / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        text = copied_text(gzip.decompress(path.read_bytes()), decoded=decoded)
        pages.append((page_id, text, truth[page_id]["articleBody"]))
    return pages


def _markup(text: str) -> str:
    import html

    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line)
    return f"<html><body>{paragraphs}</body></html>"


def justext_lines(text: str) -> str:
    """jusText's own classifier on the same lines (each line a paragraph), for comparison."""
    import justext

    paragraphs = justext.justext(_markup(text).encode(), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_lines(text: str) -> str:
    """trafilatura given the lines as paragraphs (it needs page structure), for comparison."""
    import trafilatura

    return trafilatura.extract(_markup(text)) or ""


def ours(text: str) -> str:
    """briefer's plain-text path: the text saved as a .txt file, read, then cleaned."""
    raw = RawArticle(file="page.txt", format="text", lines=tuple(as_text_file(text)))
    return "\n".join(clean_article(raw).paragraphs)


def run_benchmark(pages: list[tuple[str, str, str]], extractor: Callable[[str], str], name: str,
                  worst: int) -> tuple[float, float, float]:
    """Score ``extractor`` on the pages; print and return F1, precision, recall."""
    n_lines = sum(text.count("\n") for _, text, _ in pages)
    started = time.perf_counter()
    outputs = [extractor(text) for _, text, _ in pages]
    seconds = time.perf_counter() - started
    f1, p, r = score([(out, gold) for out, (_, _, gold) in zip(outputs, pages, strict=True)])
    print(f"{name}: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  on {len(pages)} pages; "
          f"{len(pages) / seconds:.0f} pages/s, {n_lines / seconds:,.0f} lines/s")
    if worst:
        rows = []
        for out, (page_id, _, gold) in zip(outputs, pages, strict=True):
            f, pp, rr = score([(out, gold)])
            rows.append((f, pp, rr, page_id))
        for f, pp, rr, page_id in sorted(rows)[:worst]:
            print(f"  {page_id[:12]}  F1 {f:.2f}  P {pp:.2f}  R {rr:.2f}")
    return f1, p, r


def run_seeds(shared: Path) -> None:
    gold_file = shared / "eval" / "cases" / "seeds" / "gold.json"
    seeds = shared / "seeds"
    if not gold_file.exists() or not seeds.exists():
        print("seeds: skipped (no shared/seeds)")
        return
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    right = total = 0
    for source in gold["sources"]:
        text = (seeds / source["file"]).read_text(encoding="utf-8")
        raw = RawArticle(file=source["file"], format="txt", lines=tuple(text.splitlines()))
        clean = clean_article(raw, today=SEEDS_TODAY)
        meta = clean.metadata
        body = "\n".join(clean.paragraphs).lower()
        checks = []
        for field in ("title", "author", "outlet", "published"):
            want = source.get(field)
            if not want:
                continue
            got = getattr(meta, field)
            got_text = str(got or "").lower()
            ok = (got_text == want.lower() if field in {"title", "published"}
                  else bool(got_text) and (want.lower() in got_text or got_text in want.lower()))
            checks.append(f"{field} {'ok' if ok else 'WRONG'} ({got!r})")
            right += ok
            total += 1
        leaks = [j for j in gold["junk"] if j.lower() in body]
        print(f"seed {source['file']}: " + "; ".join(checks) + f"; junk leaks {leaks or 0}")
    print(f"seeds metadata: {right}/{total} fields right")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--justext", action="store_true", help="also score jusText on the lines")
    parser.add_argument("--trafilatura", action="store_true",
                        help="also score trafilatura on the lines")
    parser.add_argument("--decoded", action="store_true",
                        help="decode each page properly before copying its text")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args()
    folder = args.shared / "data" / "article-extraction-benchmark"
    if not (folder / "ground-truth.json").exists():
        print(f"skipped: {folder} not found")
        return 0
    pages = load_pages(folder, decoded=args.decoded)
    run_benchmark(pages, ours, "clean_article", args.worst)
    f_all, p_all, r_all = score([(text, gold) for _, text, gold in pages])
    print(f"  (keep every line: F1 {f_all:.3f}  P {p_all:.3f}  R {r_all:.3f})")
    if args.justext:
        run_benchmark(pages, justext_lines, "jusText on lines", 0)
    if args.trafilatura:
        run_benchmark(pages, trafilatura_lines, "trafilatura on lines", 0)
    run_seeds(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the boilerplate remover on scraped text, and of the header metadata on the seeds.

    .venv/bin/python benchmarks/bench_clean.py [--shared ../shared] [--justext] [--worst N]

The text: each page of the article-extraction benchmark (181 news pages with their true
``articleBody``) turned into what a person gets by copying the whole page: scripts, styles and
other invisible elements dropped, every block element on its own line (a blank line around
paragraphs, headings, lists and tables, as a browser's copy does), navigation, headers, footers
and asides kept. That text goes through ``clean_article`` as a scraped page.

The score: word 4-gram shingles (lower case, ``\\w+`` tokens) of the kept paragraphs against those
of ``articleBody``; precision and recall per page, averaged over the pages, F1 from the averages.
A page whose output is empty scores precision 0 (nothing right was kept), recall 0.

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
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import lxml.html

from briefer.clean import clean_article
from briefer.models import RawArticle

WORD = re.compile(r"\w+")
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
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


def copied_text(html: bytes) -> list[str]:
    """The lines a person gets by selecting the whole page in a browser and copying it."""
    source = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode(html))
    root = lxml.html.fromstring(source)
    out: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions
            out.append(el.tail or "")
            return
        tag = el.tag.lower().rpartition("}")[2]
        if tag in INVISIBLE:
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
    return squeezed


def shingles(text: str) -> set[tuple[str, ...]]:
    tokens = WORD.findall(text.lower())
    if len(tokens) < 4:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}


def score(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """F1, precision, recall: per-page precision and recall averaged, F1 of the averages."""
    precision = recall = 0.0
    n = 0
    for got, want in pairs:
        g, w = shingles(got), shingles(want)
        hits = len(g & w)
        precision += hits / len(g) if g else 0.0
        recall += hits / len(w) if w else 1.0
        n += 1
    if n == 0:
        return 0.0, 0.0, 0.0
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def load_pages(folder: Path) -> list[tuple[str, list[str], str]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((folder / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        lines = copied_text(gzip.decompress(path.read_bytes()))
        pages.append((page_id, lines, truth[page_id]["articleBody"]))
    return pages


def justext_lines(lines: list[str]) -> str:
    """jusText's own classifier on the same lines (each line a paragraph), for comparison."""
    import html

    import justext

    markup = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    paragraphs = justext.justext(
        f"<html><body>{markup}</body></html>".encode(), justext.get_stoplist("English")
    )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def ours(lines: list[str]) -> str:
    raw = RawArticle(file="page.txt", format="txt", lines=tuple(lines))
    return "\n".join(clean_article(raw).paragraphs)


def run_benchmark(folder: Path, extractor: Callable[[list[str]], str], name: str,
                  worst: int) -> None:
    pages = load_pages(folder)
    n_lines = sum(len(lines) for _, lines, _ in pages)
    started = time.perf_counter()
    outputs = [extractor(lines) for _, lines, _ in pages]
    seconds = time.perf_counter() - started
    f1, p, r = score((out, gold) for out, (_, _, gold) in zip(outputs, pages, strict=True))
    print(f"{name}: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  on {len(pages)} pages; "
          f"{len(pages) / seconds:.0f} pages/s, {n_lines / seconds:,.0f} lines/s")
    f_all, p_all, r_all = score(("\n".join(lines), gold) for _, lines, gold in pages)
    print(f"  (keep every line: F1 {f_all:.3f}  P {p_all:.3f}  R {r_all:.3f})")
    if worst:
        rows = []
        for out, (page_id, _, gold) in zip(outputs, pages, strict=True):
            f, pp, rr = score([(out, gold)])
            rows.append((f, pp, rr, page_id))
        for f, pp, rr, page_id in sorted(rows)[:worst]:
            print(f"  {page_id[:12]}  F1 {f:.2f}  P {pp:.2f}  R {rr:.2f}")


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
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args()
    folder = args.shared / "data" / "article-extraction-benchmark"
    if not (folder / "ground-truth.json").exists():
        print(f"skipped: {folder} not found")
        return 0
    run_benchmark(folder, ours, "clean_article", args.worst)
    if args.justext:
        run_benchmark(folder, justext_lines, "jusText on lines", 0)
    run_seeds(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())

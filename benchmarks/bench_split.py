"""Score and time briefer's sentence splitter.

    .venv/bin/python benchmarks/bench_split.py [--shared PATH] [--verbose]

Prints the English golden rules score (pySBD's 48 cases), the news-cases score (16 cases),
the failing cases, and the throughput in MB/s on over 1 MB of news paragraphs rebuilt from
the Timeline17 articles (PTB-tokenised, detokenised here). Needs ``/work/shared/data``
(or ``--shared``); skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from briefer.split import split_sentences

DEFAULT_SHARED = Path("/work/shared")
MIN_BYTES = 1_000_000
SENTENCES_PER_PARAGRAPH = 4


def _normalise(sentences: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in sentences]


def score_cases(path: Path, verbose: bool) -> tuple[int, int, list[str]]:
    """(passed, total, failure reports) for a ``[{"text", "sentences"}]`` file."""
    cases = json.loads(path.read_text(encoding="utf-8"))
    failures: list[str] = []
    for number, case in enumerate(cases):
        got = _normalise(split_sentences(case["text"]))
        want = _normalise(case["sentences"])
        if got != want:
            failures.append(f"  #{number}: {case['text']!r}\n    want {want!r}\n    got  {got!r}")
        elif verbose:
            print(f"  ok #{number}")
    return len(cases) - len(failures), len(cases), failures


_DETOKENISE = [
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["),
    (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"-LCB-\s*"), "{"),
    (re.compile(r"\s*-RCB-"), "}"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"`\s*"), "'"),
    (re.compile(r" (?=[.,;:!?%]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)", re.IGNORECASE), ""),
    (re.compile(r"([$#£€]) (?=\d)"), r"\1"),
    (re.compile(r" ' (?=\S)"), " '"),
]


def detokenise(line: str) -> str:
    """Undo most of PTB tokenisation: brackets, quotes, spaces before punctuation."""
    text = line.strip()
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    return text


def timeline17_text(root: Path, min_bytes: int) -> str:
    """At least ``min_bytes`` of news prose: articles detokenised, joined into paragraphs."""
    paragraphs: list[str] = []
    size = 0
    for article in sorted(root.glob("*/InputDocs/*/*.txt")):
        lines = [detokenise(line) for line in article.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        for start in range(0, len(lines), SENTENCES_PER_PARAGRAPH):
            paragraph = " ".join(lines[start : start + SENTENCES_PER_PARAGRAPH])
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        if size >= min_bytes:
            break
    return "\n\n".join(paragraphs)


def throughput(text: str, repeats: int = 3) -> tuple[float, int]:
    """(best MB/s over ``repeats`` runs, sentences found)."""
    megabytes = len(text.encode("utf-8")) / 1e6
    best = float("inf")
    count = 0
    for _ in range(repeats):
        began = time.perf_counter()
        count = len(split_sentences(text))
        best = min(best, time.perf_counter() - began)
    return megabytes / best, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    data = args.shared / "data"
    boundaries = data / "sentence-boundaries"
    if not boundaries.is_dir():
        print(f"skipped: {boundaries} is absent (the benchmark data lives in shared/)")
        return 0

    for name, label in (("english-golden-rules.json", "golden rules"), ("news-cases.json", "news")):
        passed, total, failures = score_cases(boundaries / name, args.verbose)
        print(f"{label}: {passed}/{total}")
        for failure in failures:
            print(failure)

    timeline = data / "timeline17"
    if not timeline.is_dir():
        print(f"throughput skipped: {timeline} is absent")
        return 0
    text = timeline17_text(timeline, MIN_BYTES)
    rate, count = throughput(text)
    size = len(text.encode("utf-8")) / 1e6
    print(
        f"throughput: {rate:.2f} MB/s ({size:.2f} MB of Timeline17 paragraphs, {count} sentences)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

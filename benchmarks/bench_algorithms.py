"""Which sumy summariser should rank sentences by default? Measured on Timeline17.

For articles of each Timeline17 folder, every algorithm picks its top 3 sentences; a pick
scores the best unigram F1 (stemmed content words) it reaches against any sentence of the
journalists' reference timeline for that folder, i.e. how close it comes to a sentence a
journalist chose to tell the story. Also printed: the first-three-sentences (lead) baseline,
briefer's blend of rank and position, and the time each algorithm takes.

    python benchmarks/bench_algorithms.py [--per-folder 40]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import timeline17

from briefer.compose import LEAD_WEIGHT, is_candidate
from briefer.rank import ALGORITHMS, rank_sentences
from briefer.words import content_words

TOP = 3


def f1(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    if not shared:
        return 0.0
    p, r = shared / len(a), shared / len(b)
    return 2 * p * r / (p + r)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-folder", type=int, default=40, help="articles per folder")
    args = parser.parse_args()
    if not timeline17.available():
        print(f"Timeline17 not found at {timeline17.ROOT}; nothing to measure.")
        return 0

    methods = [*sorted(ALGORITHMS), "lead", "lexrank+lead"]
    totals = dict.fromkeys(methods, 0.0)
    seconds = dict.fromkeys(methods, 0.0)
    picks = 0
    for folder in timeline17.folders():
        refs = [
            content_words(s)
            for timeline in timeline17.reference_timelines(folder).values()
            for _, sents in timeline
            for s in sents
        ]
        chosen = list(timeline17.articles(folder))
        step = max(1, len(chosen) // args.per_folder)
        for article in chosen[::step][: args.per_folder]:
            sentences = [s for s in article.sentences if is_candidate(s)]
            if len(sentences) <= TOP:
                continue
            words = [content_words(s) for s in sentences]
            best = [max(f1(w, r) for r in refs) for w in words]
            n = len(sentences)
            for method in methods:
                started = time.perf_counter()
                if method == "lead":
                    scores = [1 - i / n for i in range(n)]
                elif method == "lexrank+lead":
                    ranks = rank_sentences(sentences, "lexrank")
                    scores = [
                        (1 - LEAD_WEIGHT) * r + LEAD_WEIGHT * (1 - i / n)
                        for i, r in enumerate(ranks)
                    ]
                else:
                    scores = rank_sentences(sentences, method)
                seconds[method] += time.perf_counter() - started
                top = sorted(range(n), key=lambda i: -scores[i])[:TOP]
                totals[method] += sum(best[i] for i in top) / TOP
            picks += 1

    print(f"{picks} articles from {len(timeline17.folders())} folders, top {TOP} sentences each")
    print(f"{'method':<14} {'closeness':>9} {'seconds':>8}")
    for method in sorted(methods, key=lambda m: -totals[m]):
        print(f"{method:<14} {totals[method] / picks:>9.4f} {seconds[method]:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

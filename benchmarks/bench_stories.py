"""How well ``--by-story`` groups a mixed feed: purity and adjusted Rand on Timeline17 mixes.

Each mix is a JSONL feed of articles drawn at random from the four Timeline17 topics visible
here (BP oil spill from five outlets, Haiti earthquake, Iraq war, Michael Jackson); the truth is
the topic. The feed goes through briefer's reader and cleaner (``load_sources``) and then
``group_sources``. Reported per setting, averaged over the mixes:

- purity: share of articles whose story's majority topic is their own (1.0 = no mixing);
- inverse purity: share of articles in their topic's largest story (1.0 = no splitting);
- ARI: adjusted Rand index against the topics (1.0 = identical partitions, ~0 = chance);
- stories: number of stories found (truth: 4).

Then each Timeline17 folder alone (one story each): the stories found (truth: 1), the share
of articles in the largest, and how many are single articles left apart.

    python benchmarks/bench_stories.py            # default settings + a threshold sweep
    python benchmarks/bench_stories.py --mixes 10 --per-topic 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline17

from briefer.grouping import GroupingOptions, group_sources, story_name
from briefer.models import BriefOptions, Source
from briefer.pipeline import load_sources


def topic(folder: str) -> str:
    return folder.split("_")[0]


def ari(truth: list[str], found: list[int]) -> float:
    """Adjusted Rand index (Hubert & Arabie)."""
    n = len(truth)
    pairs = Counter(zip(truth, found, strict=True))
    index = sum(comb(c, 2) for c in pairs.values())
    a = sum(comb(c, 2) for c in Counter(truth).values())
    b = sum(comb(c, 2) for c in Counter(found).values())
    expected = a * b / comb(n, 2)
    top = (a + b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def purity(truth: list[str], found: list[int]) -> tuple[float, float]:
    n = len(truth)
    by_found: dict[int, Counter[str]] = {}
    by_truth: dict[str, Counter[int]] = {}
    for t, f in zip(truth, found, strict=True):
        by_found.setdefault(f, Counter())[t] += 1
        by_truth.setdefault(t, Counter())[f] += 1
    pure = sum(c.most_common(1)[0][1] for c in by_found.values()) / n
    inverse = sum(c.most_common(1)[0][1] for c in by_truth.values()) / n
    return pure, inverse


def build_mix(rng: random.Random, per_topic: int, folder: Path) -> Path:
    by_topic: dict[str, list[timeline17.Article]] = {}
    for name in timeline17.folders():
        by_topic.setdefault(topic(name), []).extend(timeline17.articles(name))
    chosen = []
    for items in by_topic.values():
        chosen.extend(rng.sample(items, min(per_topic, len(items))))
    rng.shuffle(chosen)
    feed = folder / "mix.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i, article in enumerate(chosen):
            record = {
                "id": f"{article.folder}/{article.id}/{i}",
                "published": article.published,
                "text": "\n\n".join(article.sentences),
            }
            out.write(json.dumps(record) + "\n")
    return feed


def truth_of(source: Source) -> str:
    return topic((source.item or "").split("/")[0])


def score(sources: tuple[Source, ...], options: GroupingOptions) -> dict[str, float]:
    groups = group_sources(sources, options)
    label = {id(s): g for g, members in enumerate(groups) for s in members}
    truth = [truth_of(s) for s in sources]
    found = [label[id(s)] for s in sources]
    pure, inverse = purity(truth, found)
    return {"purity": pure, "inverse": inverse, "ari": ari(truth, found), "stories": len(groups)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mixes", type=int, default=5)
    parser.add_argument("--per-topic", type=int, default=12)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--no-single", action="store_true", help="skip the one-topic runs")
    args = parser.parse_args()
    if not timeline17.available():
        print(f"skipped: Timeline17 not found at {timeline17.ROOT}")
        return 0
    rng = random.Random(args.seed)
    base = GroupingOptions()
    settings = [("default", base)]
    settings += [(f"threshold {t}", replace(base, threshold=t)) for t in (0.04, 0.05, 0.07, 0.08)]
    settings += [("no fragment pass", replace(base, minor_share=0.0))]
    settings += [(f"attach >= {a}", replace(base, attach_threshold=a)) for a in (0.02, 0.035)]
    settings += [(f"minor < {s}", replace(base, minor_share=s)) for s in (0.05, 0.2)]
    settings += [(f"margin {m}", replace(base, attach_margin=m)) for m in (1.0, 1.5)]
    settings += [(f"names x{w}", replace(base, name_weight=w)) for w in (0.0, 2.0)]
    settings += [("dates ignored", replace(base, half_life_days=0))]
    settings += [
        (f"dates {d} d, >={f}", replace(base, half_life_days=d, date_floor=f))
        for d, f in ((30, 0.8), (365, 0.5))
    ]
    totals: dict[str, Counter[str]] = {name: Counter() for name, _ in settings}
    seconds = 0.0
    articles = 0
    for m in range(args.mixes):
        with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
            feed = build_mix(rng, args.per_topic, Path(tmp))
            found = load_sources([feed], BriefOptions(today=dt.date(2020, 1, 1))).sources
        articles += len(found)
        for name, options in settings:
            start = time.perf_counter()
            result = score(found, options)
            if name == "default":
                seconds += time.perf_counter() - start
                if m == 0:
                    for members in group_sources(found, options):
                        topics = Counter(truth_of(s) for s in members)
                        print(f"  mix 1: {story_name(members)!r:50} {dict(topics)}")
            totals[name].update(result)
    print(
        f"\n{args.mixes} mixes of {args.per_topic} articles per topic (4 topics), "
        f"{articles / args.mixes:.0f} articles per mix after cleaning"
    )
    print(f"{'setting':18} {'purity':>7} {'inverse':>8} {'ARI':>6} {'stories':>8}")
    for name, _ in settings:
        t = totals[name]
        print(
            f"{name:18} {t['purity'] / args.mixes:7.3f} {t['inverse'] / args.mixes:8.3f} "
            f"{t['ari'] / args.mixes:6.3f} {t['stories'] / args.mixes:8.1f}"
        )
    print(f"grouping time (default): {seconds / args.mixes:.2f} s per mix")
    if not args.no_single:
        single(settings[0][1], replace(base, minor_share=0.0))
    return 0


def single(options: GroupingOptions, before: GroupingOptions) -> None:
    """Each Timeline17 folder alone: one story, however many articles."""
    print(
        f"\n{'one folder':22} {'articles':>8} {'stories':>8} {'largest':>8} {'single':>7}"
        f" {'without fragment pass':>22}"
    )
    for name in timeline17.folders():
        with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
            feed = Path(tmp) / "one.jsonl"
            with feed.open("w", encoding="utf-8") as out:
                for i, article in enumerate(timeline17.articles(name)):
                    record = {
                        "id": f"{article.folder}/{article.id}/{i}",
                        "published": article.published,
                        "text": "\n\n".join(article.sentences),
                    }
                    out.write(json.dumps(record) + "\n")
            found = load_sources([feed], BriefOptions(today=dt.date(2020, 1, 1))).sources
        groups = group_sources(found, options)
        sizes = sorted((len(g) for g in groups), reverse=True)
        alone = sum(1 for k in sizes if k == 1)
        old = sorted((len(g) for g in group_sources(found, before)), reverse=True)
        print(
            f"{name:22} {len(found):8} {len(groups):8} {sizes[0] / len(found):8.0%} {alone:7}"
            f" {f'{len(old)} (largest {old[0] / len(found):.0%})':>22}"
        )


if __name__ == "__main__":
    raise SystemExit(main())

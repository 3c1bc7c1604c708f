"""The one-page brief's chronology against the journalists' timelines of Timeline17.

    python benchmarks/bench_brief_dates.py [--folders bpoil_bbc,haiti_bbc]

For each reference timeline: the folder's own articles published between the reference's first
and last date become a JSONL feed (``timeline17.feed_line``: prose detokenised, the folder date
as publication date) and ``make_brief`` makes the one-page brief of it. Its chronology (after
fitting to the page) is scored against the reference:

* **date P**: the share of the chronology's distinct dates that are reference dates (to the
  day; a month or a year is not a day the journalists chose); **±1**: within a day of one;
* **R1 same-date**: the mean over the chronology's items of the ROUGE-1 F1 between the item
  and the reference's sentences for the item's date (0 when the date is not a reference date);
* **AR1 P**: the alignment-based ROUGE-1 precision (align+ m:1, as ``bench_timeline.py``
  scores timelines); a page holds 16 lines against the reference's 11-155 dates, so recall is
  not a fair figure for a brief and is not shown.

The mean row averages the timelines. The scorer is ``bench_timeline.py``'s (ROUGE-1.5.5
counts; checked by ``tls_check.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefer.models import Item

sys.path.insert(0, str(Path(__file__).parent))

import bench_timeline as bt
import timeline17


@dataclass(frozen=True)
class Row:
    name: str
    articles: int
    items: int
    dates: int
    date_p: float
    near_p: float
    same_date_r1: float
    ar1_p: float
    seconds: float


def _day(item: Item) -> dt.date | None:
    when = item.when
    return when.date if when is not None and when.precision == "day" else None


def score_brief(
    chronology: Sequence[Item], ref: bt.Timeline, name: str, articles: int, seconds: float
) -> Row:
    """The figures of one brief's chronology."""
    days = [_day(i) for i in chronology]
    dates = {d for d in days if d is not None}
    # month and year entries count as dates the journalists did not choose
    coarse = {i.when.iso() for i in chronology if _day(i) is None and i.when is not None}
    shown = len(dates) + len(coarse)
    one = dt.timedelta(days=1)
    hits = sum(1 for d in dates if d in ref)
    near = sum(1 for d in dates if d in ref or d - one in ref or d + one in ref)
    r1 = []
    for item, day in zip(chronology, days, strict=True):
        if day is None or day not in ref:
            r1.append(0.0)
            continue
        matched, p_count, r_count = bt.rouge([item.text], [ref[day]], 1)
        r1.append(bt.PRF(bt._ratio(matched, p_count), bt._ratio(matched, r_count)).f)
    pred: dict[dt.date, list[str]] = {}
    for item, day in zip(chronology, days, strict=True):
        if day is not None:
            pred.setdefault(day, []).append(bt.tokenised(item.text))
    ar1 = bt.align_m1(pred, [ref])[1].precision if pred else 0.0
    return Row(
        name,
        articles,
        len(chronology),
        shown,
        bt._ratio(hits, shown),
        bt._ratio(near, shown),
        sum(r1) / len(r1) if r1 else 0.0,
        ar1,
        seconds,
    )


def brief_for(task: bt.Task, work: Path) -> tuple[list[Item], int, float]:
    """The fitted brief's chronology for the folder's articles in the reference's period."""
    from briefer.models import BriefOptions
    from briefer.pipeline import make_brief

    first, last = min(task.ref).isoformat(), max(task.ref).isoformat()
    feed = work / f"{task.folder}.jsonl"
    count = 0
    with feed.open("w", encoding="utf-8") as out:
        for article in timeline17.articles(task.folder):
            if first <= article.published <= last:
                out.write(timeline17.feed_line(article) + "\n")
                count += 1
    started = time.perf_counter()
    brief = make_brief([feed], BriefOptions(today=dt.date(2030, 1, 1)))
    return list(brief.chronology), count, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", help="comma-separated folders (default: all)")
    args = parser.parse_args()
    if not timeline17.available() or not bt.ROUGE_DATA.is_file():
        print(f"Timeline17 ({timeline17.ROOT}) or ROUGE data ({bt.ROUGE_DATA}) missing; skipped.")
        return 0
    chosen = args.folders.split(",") if args.folders else timeline17.folders()
    rows = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for task in bt.tasks(chosen):
            chronology, count, seconds = brief_for(task, Path(tmp))
            rows.append(score_brief(chronology, task.ref, task.folder, count, seconds))
    total = time.perf_counter() - started
    print(
        f"{'timeline':22} {'arts':>5} {'items':>5} {'dates':>5} {'dateP':>6} {'±1 P':>6} "
        f"{'R1-same':>7} {'AR1-P':>6} {'sec':>5}"
    )
    for r in rows:
        print(
            f"{r.name:22} {r.articles:5d} {r.items:5d} {r.dates:5d} {r.date_p:6.3f} "
            f"{r.near_p:6.3f} {r.same_date_r1:7.3f} {r.ar1_p:6.3f} {r.seconds:5.1f}"
        )
    n = len(rows)

    def mean(field: str) -> float:
        return sum(float(getattr(r, field)) for r in rows) / n

    print(
        f"{'mean':22} {mean('articles'):5.0f} {mean('items'):5.1f} {mean('dates'):5.1f} "
        f"{mean('date_p'):6.3f} {mean('near_p'):6.3f} {mean('same_date_r1'):7.3f} "
        f"{mean('ar1_p'):6.3f}"
    )
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
    print(
        f"{n} briefs in {total:.1f} s ({cpu:.1f} s of CPU with workers); "
        f"peak memory {usage.ru_maxrss / 1024:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

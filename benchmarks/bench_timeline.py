"""Timeline17 under the field's protocol: briefer's chronology engine against the journalists.

    python benchmarks/bench_timeline.py [--folders bpoil_bbc,haiti_bbc] [--save-preds DIR]

For each reference timeline (``timelines/*.txt`` of a folder): the input is every article of the
topic (all folders sharing the prefix, e.g. the five ``bpoil_*``) published between the
reference's first and last date, turned into a JSONL feed (text detokenised back to prose, the
folder date as publication date) and read by briefer's own reader and cleaner; the engine makes
a timeline of N dates (the reference's number) with K sentences each (its mean per date,
rounded), restricted to that period. Scores: AR1/AR2 (alignment-based ROUGE-1/2 F1, "align+
m:1" of tilse, Martschat & Markert 2018) and Date F1; precision and recall are averaged over the
timelines, then F is computed (news-tls). The scorer is this file's own (below); ``tls_check.py``
checks it against the reference scorer and a hand-computed example.

ROUGE is computed as ROUGE-1.5.5 with ``-m -s`` (Porter stemming with ROUGE's variant and its
WordNet exception list, SMART stop words removed): the stop-word and exception lists are
ROUGE-1.5.5's data, read from ``../shared/eval/tls/rouge155_data.json`` (``BRIEFER_ROUGE_DATA``).
The scored sentences are the reference's PTB tokens and the prediction re-tokenised the same
way (tilse scores tokenised text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import timeline17

ROUGE_DATA = Path(
    os.environ.get(
        "BRIEFER_ROUGE_DATA",
        Path(__file__).resolve().parents[2] / "shared/eval/tls/rouge155_data.json",
    )
)

Timeline = Mapping[dt.date, Sequence[str]]

# Published figures on all 19 Timeline17 timelines (Ghalandari & Ifrim 2020, Table 4).
PUBLISHED = [
    ("Chieu & Lee 2004", 0.066, 0.019, 0.251),
    ("Tran et al. 2013", 0.094, 0.022, 0.517),
    ("Martschat & Markert 2018", 0.105, 0.030, 0.544),
    ("Datewise (Ghalandari & Ifrim 2020)", 0.120, 0.035, 0.544),
]


# --- ROUGE-1.5.5 counts ----------------------------------------------------------------------


@cache
def _rouge_data() -> tuple[frozenset[str], dict[str, str]]:
    data = json.loads(ROUGE_DATA.read_text(encoding="utf-8"))
    return frozenset(data["stopwords"]), dict(data["exceptions"])


@cache
def _porter() -> object:
    """NLTK's Porter stemmer (Martin's extensions) with ROUGE-1.5.5's step 4.

    ROUGE's Perl stemmer strips the step-4 suffixes in turn rather than the longest one:
    first one of al/ance/…/ize, then ``ment``, then ``ent`` or ``(s|t)ion``
    ("statement" → "statem", "congressional" → "congress").
    """
    from nltk.stem.porter import PorterStemmer

    class RougePorter(PorterStemmer):  # type: ignore[misc]
        def _step4(self, word: str) -> str:
            for suffix in ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
                           "ou", "ism", "ate", "iti", "ous", "ive", "ize"):  # fmt: skip
                if word.endswith(suffix):
                    if self._measure(word[: -len(suffix)]) > 1:
                        word = word[: -len(suffix)]
                    break
            if word.endswith("ment") and self._measure(word[:-4]) > 1:
                word = word[:-4]
            if word.endswith("ent"):
                if self._measure(word[:-3]) > 1:
                    word = word[:-3]
            elif word.endswith(("sion", "tion")) and self._measure(word[:-3]) > 1:
                word = word[:-3]
            return word

    return RougePorter(mode=PorterStemmer.MARTIN_EXTENSIONS)


@cache
def _stem(token: str) -> str:
    _, exceptions = _rouge_data()
    if token in exceptions:
        return exceptions[token]
    return _porter().stem(token)  # type: ignore[attr-defined, no-any-return]


@cache
def rouge_tokens(sentence: str) -> tuple[str, ...]:
    """The tokens ROUGE-1.5.5 counts in one sentence: letters, digits and hyphens make words,
    a hyphen alone is dropped, stop words go, words longer than three letters are stemmed."""
    stops, _ = _rouge_data()
    text = sentence.split("<", 1)[0]
    text = re.sub(r"[^A-Za-z0-9\-]", " ", text.replace("-", " - ")).lower()
    out = []
    for token in text.split():
        if token == "-" or token in stops:
            continue
        out.append(_stem(token) if len(token) > 3 else token)
    return tuple(out)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge(pred: Sequence[str], refs: Sequence[Sequence[str]], n: int) -> tuple[int, int, int]:
    """(matched n-grams, n-grams of the prediction × references, n-grams of the references);
    a summary's sentences are joined, so n-grams run across sentences as in ROUGE-1.5.5."""
    p_tokens = [t for s in pred for t in rouge_tokens(s)]
    r_tokens = [[t for s in ref for t in rouge_tokens(s)] for ref in refs]
    p_grams = _ngrams(p_tokens, n)
    hits = sum(min(c, p_grams[g]) for r in r_tokens for g, c in _ngrams(r, n).items())
    return (
        hits,
        len(refs) * max(len(p_tokens) - n + 1, 0),
        sum(max(len(r) - n + 1, 0) for r in r_tokens),
    )


# --- timeline metrics ------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _plain_counts(sentences: Iterable[str]) -> Counter[str]:
    """tilse's cheap stand-in for ROUGE-1 when aligning dates: raw whitespace tokens."""
    import string

    return Counter(t for s in sentences for t in s.split() if t not in string.punctuation)


def _cheap_f1(a: Counter[str], refs: Sequence[Counter[str]]) -> float:
    hits = sum(min(a[t], r[t]) for r in refs for t in a.keys() & r.keys())
    p = _ratio(hits, len(refs) * sum(a.values()))
    r = _ratio(hits, sum(sum(x.values()) for x in refs))
    return 2 * p * r / (p + r) if p + r else 0.0


def _closeness(a: dt.date, b: dt.date) -> float:
    return 1 / (abs((a - b).days) + 1)


def align_m1(pred: Timeline, refs: Sequence[Timeline]) -> dict[int, PRF]:
    """Alignment-based ROUGE-1/2, many-to-one ("align+ m:1").

    Each predicted date goes to the reference date with the lowest cost
    (1 − closeness) × (1 − cheap ROUGE-1 F1) (first one on ties), its ROUGE hits weighted by
    closeness = 1/(|days apart| + 1), for precision; each reference date likewise to a
    predicted date, for recall.
    """
    p_dates = sorted(pred)
    r_dates = sorted(set().union(*(set(r) for r in refs)))
    p_counts = {d: _plain_counts(pred[d]) for d in p_dates}
    r_counts = {d: [_plain_counts(r.get(d, ())) for r in refs] for d in r_dates}
    cost = {
        (p, r): (1 - _closeness(p, r)) * (1 - _cheap_f1(p_counts[p], r_counts[r]))
        for p in p_dates
        for r in r_dates
    }
    sums = {n: [0.0, 0.0, 0.0, 0.0] for n in (1, 2)}
    for p in p_dates if r_dates else []:
        r = min(r_dates, key=lambda x: cost[p, x])
        for n in (1, 2):
            hits, p_count, _ = rouge(pred[p], [t.get(r, ()) for t in refs], n)
            sums[n][0] += _closeness(p, r) * hits
            sums[n][1] += p_count
    for r in r_dates if p_dates else []:
        p = min(p_dates, key=lambda x: cost[x, r])
        for n in (1, 2):
            hits, _, r_count = rouge(pred[p], [t.get(r, ()) for t in refs], n)
            sums[n][2] += _closeness(p, r) * hits
            sums[n][3] += r_count
    return {n: PRF(_ratio(s[0], s[1]), _ratio(s[2], s[3])) for n, s in sums.items()}


def date_prf(pred: Timeline, refs: Sequence[Timeline]) -> PRF:
    r_dates = set().union(*(set(r) for r in refs))
    shared = len(set(pred) & r_dates)
    return PRF(_ratio(shared, len(pred)), _ratio(shared, len(r_dates)))


def score(pred: Timeline, ref: Timeline) -> dict[str, PRF]:
    aligned = align_m1(pred, [ref])
    return {"AR1": aligned[1], "AR2": aligned[2], "Date": date_prf(pred, [ref])}


def average(results: Sequence[Mapping[str, PRF]]) -> dict[str, PRF]:
    """Mean precision and mean recall over timelines (F is computed from them)."""
    return {
        key: PRF(
            sum(r[key].precision for r in results) / len(results),
            sum(r[key].recall for r in results) / len(results),
        )
        for key in results[0]
    }


# --- the protocol ----------------------------------------------------------------------------


def tokenised(text: str) -> str:
    """A predicted sentence split like the PTB-tokenised references (for the alignment's
    cheap token counts; ROUGE itself splits on non-word characters anyway)."""
    text = re.sub(r"([^\w\s'’-])", r" \1 ", text)
    text = re.sub(r"(\w)(['’]s|n't|['’](?:re|ve|m|ll|d))\b", r"\1 \2", text)
    return " ".join(text.split())


def reference(folder: str, name: str) -> dict[dt.date, list[str]]:
    """A reference timeline as scored: PTB tokens as in the file; a repeated date keeps its
    last block; a block under a malformed date line (MJ_bbc's '2011-04-0') is dropped."""
    path = timeline17.ROOT / folder / "timelines" / f"{name}.txt"
    found: dict[dt.date, list[str]] = {}
    date: dt.date | None = None
    block: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line == "-" * 32:
            if date is not None:
                found[date] = block
            date, block = None, []
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", line):
            try:
                date = dt.date.fromisoformat(line)
            except ValueError:
                block.append(line)
        elif line or block:
            block.append(line)
    return {d: [s for s in b if s] or [""] for d, b in found.items()}


@dataclass(frozen=True)
class Task:
    folder: str
    name: str
    ref: dict[dt.date, list[str]]

    @property
    def topic(self) -> str:
        return self.folder.split("_", 1)[0]

    @property
    def dates(self) -> int:
        return len(self.ref)

    @property
    def per_date(self) -> int:
        return round(sum(len(s) for s in self.ref.values()) / len(self.ref))


def tasks(folders: Sequence[str]) -> list[Task]:
    return [
        Task(folder, path.stem, reference(folder, path.stem))
        for folder in folders
        for path in sorted((timeline17.ROOT / folder / "timelines").glob("*.txt"))
    ]


def load_topic(topic: str, work: Path) -> tuple[list[object], list[object]]:
    """The topic's articles as briefer sources, read from a JSONL feed, and their readings."""
    from briefer.models import BriefOptions
    from briefer.pipeline import load_sources
    from briefer.timeline import readings

    feed = work / f"{topic}.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for folder in timeline17.folders():
            if folder.split("_", 1)[0] == topic:
                for article in timeline17.articles(folder):
                    out.write(timeline17.feed_line(article) + "\n")
    found = load_sources([feed], BriefOptions(today=dt.date(2030, 1, 1)))
    return list(found.sources), readings(found.sources)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", help="comma-separated folders (default: all)")
    parser.add_argument("--save-preds", type=Path, help="write PRED_DIR/<folder>/<name>.json")
    args = parser.parse_args()
    if not timeline17.available() or not ROUGE_DATA.is_file():
        print(f"Timeline17 ({timeline17.ROOT}) or ROUGE data ({ROUGE_DATA}) missing; skipped.")
        return 0

    from briefer.chronology import ChronologyOptions, chronology

    chosen = args.folders.split(",") if args.folders else timeline17.folders()
    todo = tasks(chosen)
    started = time.perf_counter()
    load_seconds = 0.0
    results: list[dict[str, PRF]] = []
    rows = []
    by_topic: dict[str, list[Task]] = defaultdict(list)
    for task in todo:
        by_topic[task.topic].append(task)
    articles = 0
    with tempfile.TemporaryDirectory() as tmp:
        for topic, topic_tasks in by_topic.items():
            t0 = time.perf_counter()
            sources, material = load_topic(topic, Path(tmp))
            load_seconds += time.perf_counter() - t0
            articles += len(sources)
            for task in topic_tasks:
                options = ChronologyOptions(
                    dates=task.dates,
                    per_date=task.per_date,
                    since=min(task.ref),
                    until=max(task.ref),
                    months=False,  # the protocol scores days
                )
                entries = chronology(material, options)  # type: ignore[arg-type]
                pred = {e.date: [tokenised(i.text) for i in e.items] for e in entries}
                result = score(pred, task.ref)
                results.append(result)
                rows.append((f"{task.folder}/{task.name}", task.dates, task.per_date, result))
                if args.save_preds:
                    out = args.save_preds / task.folder / f"{task.name}.json"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_text(
                        json.dumps({d.isoformat(): s for d, s in sorted(pred.items())}, indent=1)
                    )
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # worker processes (briefer.parallel reads large inputs in several) count too
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss  # KiB on Linux; the largest worker's is children.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
    mean = average(results)
    print(f"{'timeline':40} {'N':>4} {'K':>2} {'AR1-F':>6} {'AR2-F':>6} {'Date-F':>6}")
    for name, n, k, result in rows:
        print(
            f"{name:40} {n:4d} {k:2d} {result['AR1'].f:6.3f} {result['AR2'].f:6.3f} "
            f"{result['Date'].f:6.3f}"
        )
    print(
        f"{'mean (P, R averaged, then F)':48} {mean['AR1'].f:6.3f} {mean['AR2'].f:6.3f} "
        f"{mean['Date'].f:6.3f}"
    )
    for name, ar1, ar2, date_f in PUBLISHED:
        print(f"{name:48} {ar1:6.3f} {ar2:6.3f} {date_f:6.3f}  (published, all 19 timelines)")
    print(
        f"{len(rows)} timelines, {articles} articles read; {seconds:.1f} s in all "
        f"({load_seconds:.1f} s reading, cleaning and dating, {seconds - load_seconds:.1f} s "
        f"choosing and scoring); {cpu:.1f} s of CPU with workers; peak memory (max RSS) "
        f"{peak / 1024:.0f} MiB, largest worker {children.ru_maxrss / 1024:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

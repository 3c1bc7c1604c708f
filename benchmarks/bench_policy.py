"""Precision and recall of the policy sections on the project's labelled fixtures.

    python benchmarks/bench_policy.py

Each section is scored on ``tests/fixtures/policy/*.json``, separately on the part the
rules (or the model) were tuned or fitted on (``dev`` / ``train``) and the part held out
from tuning and fitting (``heldout``). A last check runs on the seeds in ``../shared`` when
they are there (skipped otherwise).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from briefer.models import Metadata, Source

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "policy"
SHARED = ROOT.parent / "shared"


def _source(article: dict[str, object], sid: str = "S1") -> Source:
    published = article.get("published")
    return Source(
        id=sid,
        file=f"{article.get('id', sid)}.txt",
        format="text",
        paragraphs=tuple(article["paragraphs"]),  # type: ignore[arg-type]
        metadata=Metadata(
            published=dt.date.fromisoformat(published) if isinstance(published, str) else None
        ),
    )


def _line(name: str, tp: int, predicted: int, expected: int, extra: str = "") -> str:
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    return (
        f"  {name:<22} precision {precision:5.3f} ({tp}/{predicted})  "
        f"recall {recall:5.3f} ({tp}/{expected}){extra}"
    )


def _norm_speaker(text: str | None) -> str:
    text = (text or "").lower().strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def bench_quotes() -> None:
    from briefer.quotes import find_quotes

    data = json.loads((FIXTURES / "quotes.json").read_text(encoding="utf-8"))
    print("Who said what (quotes.json: a quote counts when its words and speaker are right)")
    for split in ("dev", "heldout"):
        tp = predicted = expected = roles_right = roles_asked = 0
        misses: list[str] = []
        for article in data["articles"]:
            if article["split"] != split:
                continue
            found = find_quotes(_source(article))
            predicted += len(found)
            expected += len(article["quotes"])
            used: set[int] = set()
            for gold in article["quotes"]:
                hit = None
                for i, quote in enumerate(found):
                    if i in used or gold["quote"] not in quote.text:
                        continue
                    if _norm_speaker(quote.speaker) == _norm_speaker(gold["speaker"]):
                        hit = i
                        break
                if hit is None:
                    misses.append(f"    missed: {gold['speaker']}: {gold['quote']}")
                    continue
                used.add(hit)
                tp += 1
                roles_asked += 1
                got = (found[hit].role or "").lower()
                want = (gold["role"] or "").lower()
                roles_right += (want in got) if want else (got == "")
            for i, quote in enumerate(found):
                if i not in used:
                    misses.append(f"    wrong:  {quote.speaker!r}: {quote.text[:60]}")
        extra = f"  role right {roles_right}/{roles_asked}"
        print(_line(split, tp, predicted, expected, extra))
        if "-v" in sys.argv:
            print("\n".join(misses))


def _counts(pairs: Iterable[tuple[bool, bool]]) -> tuple[int, int, int]:
    """(true positives, predicted, expected) from (predicted, expected) flags."""
    tp = predicted = expected = 0
    for got, want in pairs:
        tp += got and want
        predicted += got
        expected += want
    return tp, predicted, expected


def bench_watch() -> None:
    from briefer.watch import watch_sentence

    data = json.loads((FIXTURES / "watch.json").read_text(encoding="utf-8"))
    print("What to watch (watch.json: a sentence counts when it is found; dates checked apart)")
    for split in ("dev", "heldout"):
        rows = [s for s in data["sentences"] if s["split"] == split]
        flags = []
        dates_right = 0
        for row in rows:
            got = watch_sentence(row["text"], dt.date.fromisoformat(row["published"]))
            flags.append((got is not None, bool(row["watch"])))
            if got is not None and row["watch"]:
                iso = got[0].iso() if got[0] else None
                dates_right += iso == row["date"]
                if iso != row["date"] and "-v" in sys.argv:
                    print(f"    date {iso} for {row['date']}: {row['text']}")
            elif (got is not None) != row["watch"] and "-v" in sys.argv:
                print(f"    {'wrong' if got else 'missed'}: {row['text']}")
        tp, predicted, expected = _counts(flags)
        print(_line(split, tp, predicted, expected, f"  date right {dates_right}/{tp}"))


def bench_significance() -> None:
    import numpy as np

    from briefer.significance import PENALTY, THRESHOLD, WORDS, fit, load_labelled, model

    package = ROOT / "src" / "briefer" / "data" / "significance.tsv"
    texts, labels = load_labelled(package.read_text(encoding="utf-8"))
    print(f"Why it matters (logistic regression; {len(texts)} training sentences)")
    folds = np.array_split(np.random.default_rng(0).permutation(len(texts)), 5)
    grid = [(w, p, t) for w in (False, True) for p in (0.3, 1.0, 3.0, 10.0) for t in (0.4, 0.5)]
    print("  5-fold cross-validation on the training set (how the settings were chosen):")
    for words, penalty, threshold in grid:
        predicted = [False] * len(texts)
        for fold in folds:
            held = set(fold.tolist())
            train = [i for i in range(len(texts)) if i not in held]
            fitted = fit([texts[i] for i in train], [labels[i] for i in train], penalty,
                         threshold, words)  # fmt: skip
            probabilities = fitted.probability([texts[i] for i in fold])
            for i, p in zip(fold.tolist(), probabilities, strict=True):
                predicted[i] = bool(p >= threshold)
        tp, n_pred, n_exp = _counts(zip(predicted, (bool(x) for x in labels), strict=True))
        chosen = " <- chosen" if (words, penalty, threshold) == (WORDS, PENALTY, THRESHOLD) else ""
        name = f"{'words+cues' if words else 'cues'} L2={penalty:g} t={threshold:g}"
        print(_line(name, tp, n_pred, n_exp, chosen))
    held_texts, held_labels = load_labelled(
        (FIXTURES / "significance_heldout.tsv").read_text(encoding="utf-8")
    )
    shipped = model()
    probabilities = shipped.probability(held_texts)
    flags = [(bool(p >= shipped.threshold), bool(y)) for p, y in zip(probabilities, held_labels,
             strict=True)]  # fmt: skip
    print(_line("heldout (shipped)", *_counts(flags)))
    if "-v" in sys.argv:
        for (got, want), text in zip(flags, held_texts, strict=True):
            if got != want:
                print(f"    {'wrong' if got else 'missed'}: {text}")


def bench_disagree() -> None:
    from briefer.disagree import conflict

    data = json.loads((FIXTURES / "disagree.json").read_text(encoding="utf-8"))
    print("Where sources disagree (disagree.json: a pair counts when flagged with its kind)")
    for split in ("dev", "heldout"):
        tp = predicted = expected = 0
        for pair in data["pairs"]:
            if pair["split"] != split:
                continue
            found = conflict(
                pair["a"], dt.date.fromisoformat(pair["a_published"]),
                pair["b"], dt.date.fromisoformat(pair["b_published"]),
            )  # fmt: skip
            predicted += found is not None
            expected += pair["kind"] is not None
            tp += found is not None and found.kind == pair["kind"]
            if (found.kind if found else None) != pair["kind"] and "-v" in sys.argv:
                print(f"    {found} for {pair['kind']}: {pair['a']} | {pair['b']}")
        print(_line(split, tp, predicted, expected))


def bench_seeds() -> None:
    seeds = SHARED / "seeds"
    print("Seeds (../shared/seeds)")
    if not seeds.is_dir():
        print("  skipped: ../shared/seeds is not there")
        return
    from briefer.models import BriefOptions
    from briefer.pipeline import load_sources
    from briefer.quotes import quotes
    from briefer.watch import watch_items

    found = load_sources([seeds], BriefOptions(today=dt.date(2026, 1, 30)))
    said = quotes(found.sources)
    for speaker in ("the State Department", "Mike Pompeo"):
        hits = [q for q in said if q.speaker == speaker]
        role = f" ({hits[0].role})" if hits and hits[0].role else ""
        print(f"  quote of {speaker}: {'found' + role if hits else 'MISSING'}")
    watch = watch_items(found.sources)
    pending = [w for w in watch if "pending Congressional approval" in w.text]
    print(f"  'pending Congressional approval' under what to watch: {'yes' if pending else 'NO'}")


def main() -> None:
    bench_quotes()
    bench_watch()
    bench_significance()
    bench_disagree()
    bench_seeds()


if __name__ == "__main__":
    main()

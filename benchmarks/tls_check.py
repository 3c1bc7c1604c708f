"""Check bench_timeline's own scorer: a hand-computed example, then the reference scorer.

    python benchmarks/tls_check.py [--preds DIR]

1. A two-date example whose AR1, AR2 and Date F1 were worked out by hand (below) must come
   out exactly, and so must the news-tls averaging (mean P and R, then F).
2. The same predictions scored by ``../shared/eval/tls/tls_metric.py`` (a re-implementation
   of tilse validated against ROUGE-1.5.5) and by bench_timeline must agree to 1e-9 on every
   precision and recall: the predictions in ``--preds`` (as written by
   ``bench_timeline.py --save-preds DIR``), plus made-up ones for every reference timeline
   (the reference shifted by a few days, with sentences from other dates, dates dropped and
   added) to exercise the alignment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_timeline as bench
import timeline17

D = dt.date
# Worked by hand. ROUGE tokens: "rig explodes" → rig explod; "slick hits beaches" → slick hit
# beach; "slick hits town" → slick hit town (none is a stop word; "rig" is too short to stem).
# Alignment: prediction Jan 1 → reference Jan 1 (cost 0); prediction Jan 2 → reference Jan 3
# (cost ½·(1−⅔) = ⅙ < ½·(1−0) against Jan 1); reference Jan 1 → prediction Jan 1; reference
# Jan 3 → prediction Jan 2 (⅙ < ⅓·1). Closeness of Jan 2 and Jan 3 is ½.
# ROUGE-1: P = (2·1 + 2·½) / (2 + 3) = 0.6, R = (2·1 + 2·½) / (2 + 3) = 0.6.
# ROUGE-2: P = (1·1 + 1·½) / (1 + 2) = 0.5, R = (1 + ½) / (1 + 2) = 0.5.
# Dates: one of two predicted dates is a reference date, one of two reference dates is
# predicted: P = R = 0.5.
HAND_REF = {D(2010, 1, 1): ["rig explodes"], D(2010, 1, 3): ["slick hits beaches"]}
HAND_PRED = {D(2010, 1, 1): ["rig explodes"], D(2010, 1, 2): ["slick hits town"]}
HAND = {"AR1": (0.6, 0.6), "AR2": (0.5, 0.5), "Date": (0.5, 0.5)}


def load_reference_scorer() -> object:
    path = bench.ROUGE_DATA.parent / "tls_metric.py"
    spec = importlib.util.spec_from_file_location("tls_metric", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_hand() -> None:
    result = bench.score(HAND_PRED, HAND_REF)
    for key, (p, r) in HAND.items():
        got = (result[key].precision, result[key].recall)
        assert abs(got[0] - p) < 1e-12 and abs(got[1] - r) < 1e-12, (key, got, (p, r))
    # averaging: (P, R) = (1, .5) and (.5, .5) → mean (.75, .5) → F = .6 (not the mean F .583)
    one = {"Date": bench.PRF(1.0, 0.5)}
    two = {"Date": bench.PRF(0.5, 0.5)}
    assert abs(bench.average([one, two])["Date"].f - 0.6) < 1e-12
    print("hand-computed example: AR1 0.6/0.6, AR2 0.5/0.5, Date 0.5/0.5, averaging: all exact")


def made_up(ref: dict[dt.date, list[str]], rng: random.Random) -> dict[dt.date, list[str]]:
    dates = sorted(ref)
    pred: dict[dt.date, list[str]] = {}
    for d in rng.sample(dates, max(1, len(dates) * 2 // 3)):
        shifted = d + dt.timedelta(days=rng.choice([0, 0, 1, -1, 2, 5]))
        other = ref[rng.choice(dates)]
        pred[shifted] = [*ref[d][:1], *other[:1]]
    for _ in range(3):
        pred[dates[0] - dt.timedelta(days=rng.randint(1, 30))] = ["nothing that matches here"]
    return pred


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preds", type=Path, help="predictions from bench_timeline --save-preds")
    args = parser.parse_args()
    check_hand()
    if not timeline17.available() or not bench.ROUGE_DATA.is_file():
        print("Timeline17 or the reference scorer missing: only the hand example checked.")
        return 0
    tls = load_reference_scorer()
    rng = random.Random(17)
    compared, worst = 0, 0.0
    reference_average, own_average = [], []
    for task in bench.tasks(timeline17.folders()):
        ref_tls = tls.load_references(str(timeline17.ROOT / task.folder))  # type: ignore[attr-defined]
        ref = dict(next(r for name, r in ref_tls if name == task.name))
        assert ref == task.ref, f"{task.folder}/{task.name}: references read differently"
        preds = [made_up(ref, rng), {}, {min(ref): ["x"]}]
        saved = args.preds / task.folder / f"{task.name}.json" if args.preds else None
        if saved and saved.is_file():
            preds.insert(0, tls.load_prediction(str(saved)))  # type: ignore[attr-defined]
        for i, pred in enumerate(preds):
            theirs = tls.evaluate(pred, [ref])  # type: ignore[attr-defined]
            ours = bench.score(pred, ref)
            pairs = [
                (theirs["align_m1"]["rouge_1"], ours["AR1"]),
                (theirs["align_m1"]["rouge_2"], ours["AR2"]),
                (theirs["date"], ours["Date"]),
            ]
            for t, o in pairs:
                for a, b in ((t["precision"], o.precision), (t["recall"], o.recall)):
                    worst = max(worst, abs(a - b))
            compared += 1
            if i == 0 and saved and saved.is_file():
                reference_average.append(theirs)
                own_average.append(ours)
    print(f"{compared} predictions scored by both: largest difference in P or R {worst:.2e}")
    if reference_average:
        theirs = tls.average(reference_average)  # type: ignore[attr-defined]
        ours = bench.average(own_average)
        print(
            "saved predictions, mean AR1/AR2/Date F: reference "
            f"{theirs['align_m1']['rouge_1']['f_score']:.4f} "
            f"{theirs['align_m1']['rouge_2']['f_score']:.4f} {theirs['date']['f_score']:.4f}; "
            f"ours {ours['AR1'].f:.4f} {ours['AR2'].f:.4f} {ours['Date'].f:.4f}"
        )
    return 0 if worst < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main())

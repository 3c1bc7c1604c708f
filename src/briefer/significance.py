"""Why it matters: the sentences that state a story's significance or consequence.

A small logistic-regression model decides, over two kinds of feature:

* cue groups, each a count: impact ("hit", "leave … without", "force"), risk and modality
  ("risk", "fear", "could", "would"), cost ("€", "million", "taxpayers"), precedent ("first
  time", "largest since", "unprecedented"), reaction ("condemned", "welcomed", "protest"),
  causal connectives ("because", "as a result", "means"), significance words ("major",
  "signal", "step"), who is affected ("jobs", "households"), and plain event reporting
  ("approved … on Tuesday", "was founded in") that weighs against;
* the stemmed words of the sentence (those seen at least twice in training).

It is trained, at first use, on the labelled sentences shipped in
``briefer/data/significance.tsv`` (invented for briefer, ~110 sentences; a few milliseconds
with numpy). The regularisation and the decision threshold were chosen by 5-fold
cross-validation on that set (``benchmarks/bench_policy.py`` reruns it), and the model is
scored there on a separate held-out set it never sees (``tests/fixtures/policy``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from .patterns import compiled
from .typography import plain
from .words import content_words

__all__ = ["Model", "fit", "is_significant", "load_labelled", "model", "significance"]

#: L2 penalty and decision threshold (probability), chosen by cross-validation
PENALTY = 3.0
THRESHOLD = 0.4
#: whether stemmed words are features besides the cue groups (cross-validation: they are not
#: worth it on a training set this small: F1 0.87 with them against 0.93 without)
WORDS = False
#: a word is a feature when it occurs in at least this many training sentences
MIN_COUNT = 2

_CUES: dict[str, re.Pattern[str]] = {
    name: compiled(pattern, re.IGNORECASE)
    for name, pattern in {
        "impact": r"\b(?:affect\w*|impact\w*|hit|hits|harm\w*|damag\w*|blow|boost\w*|"
        r"benefit\w*|brunt|leaves?\s+\w+(?:\s+\w+)?\s+without|forc(?:e|es|ed|ing)"
        r"|deepen\w*|undermin\w*|threat\w*|jeopardi\w*|disrupt\w*|shortage\w*|shed|los(?:e|es|"
        r"ing)|cut\s+off|exposed|unviable|delay\w*|felt)\b",
        "risk": r"\b(?:risk\w*|danger\w*|fear\w*|warn\w*|concern\w*|alarm\w*|pose\w*|"
        r"serious)\b",
        "modal": r"\b(?:could|might|may|would|likely|unlikely|expected\s+to\s+(?:affect|hit|"
        r"cost|bear|raise))\b",
        "cost": r"(?:[€£$]|\b(?:costs?|costing|million|billion|prices?|expensive|budget|"
        r"sav(?:e|es|ing)|taxpayers?|spend\w*|worth|tax|funding)\b)",
        "precedent": r"\b(?:first\s+time|first\s+(?:known|visible)|unprecedented|precedent|"
        r"largest|biggest|worst|record|in\s+(?:the\s+)?\w+['’]?s?\s+history|"
        r"history|turning\s+point|break\s+with|landmark|historic|since\s+(?:the\s+)?\d{4}|"
        r"in\s+(?:a|almost|nearly|more\s+than)\s+\w+\s+(?:decade|years))",
        "reaction": r"\b(?:condemn\w*|critici[sz]\w*|criticism|welcom\w*|hail\w*|protest\w*|"
        r"anger\w*|angr\w*|outrage\w*|backlash|slam\w*|prais\w*|react\w*|recall\w*|"
        r"resignation)\b",
        "causal": r"\b(?:because|as\s+a\s+result|means?|meaning|so\s+(?:any|that)|leads?\s+to|"
        r"lead\s+to|therefore|which\s+would|makes?|making|leaving|forcing|allow\w*\s+\w+\s+to|"
        r"open\s+the\s+door|so\s+any)\b",
        "significance": r"\b(?:significant\w*|major|key|important|crucial|critical|signal\w*|"
        r"marks?|step|shift|matters|serious|clear|widely\s+seen)\b",
        "affected": r"\b(?:jobs?|households?|families|homes|patients|residents|students|"
        r"people|farmers|commuters|consumers|taxpayers)\b",
        "event": r"\b(?:announced|approved|signed|met|took\s+place|was\s+(?:founded|born|built|"
        r"appointed|completed)|opened\s+in|is\s+(?:located|based|made|owned)|arrived|landed|"
        r"gathered|adjourned|published|presented|introduced|passed|heard|operates|employs)\b",
        "when": r"\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
        r"a\.m\.|p\.m\.|yesterday|last\s+week|next\s+week|in\s+(?:19|20)\d\d)\b",
        "attribution": r"\b(?:said|told|statement|spokesperson|spokesman|spokeswoman)\b",
    }.items()
}
_NUMBER = compiled(r"\d")
#: the cues as case-sensitive lower-case patterns, for lower-cased ASCII text: there they
#: match what the IGNORECASE ones match in the text as written (no letter outside ASCII
#: folds onto an ASCII one in an ASCII text), several times faster
_ASCII_CUES = tuple(compiled(p.pattern.lower()) for p in _CUES.values())


@dataclass(frozen=True)
class Model:
    """A fitted logistic regression: vocabulary, feature scaling and weights."""

    vocabulary: tuple[str, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    bias: float
    threshold: float = THRESHOLD

    def probability(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """The probability that each text states significance."""
        return self.probability_of(self.features(texts))

    def features(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """Each text's features, one row a text (what :meth:`probability_of` weighs): the
        costly part, computed per source in a worker on a large input."""
        return _features(texts, self.vocabulary)

    def probability_of(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The probability for each row of :meth:`features` (rows of several calls stacked)."""
        scaled = (features - self.mean) / self.scale
        return _sigmoid(scaled @ self.weights + self.bias)


def _cue_counts(text: str) -> list[float]:
    if plain(text):  # (typographic characters have no case to fold)
        lowered = text.lower()
        counts = [float(len(pattern.findall(lowered))) for pattern in _ASCII_CUES]
    else:
        counts = [float(len(pattern.findall(text))) for pattern in _CUES.values()]
    counts.append(1.0 if _NUMBER.search(text) else 0.0)
    return counts


def _features(texts: Sequence[str], vocabulary: Sequence[str]) -> npt.NDArray[np.float64]:
    position = {word: i for i, word in enumerate(vocabulary)}
    width = len(_CUES) + 1
    rows = np.zeros((len(texts), width + len(vocabulary)))
    for r, text in enumerate(texts):
        rows[r, :width] = _cue_counts(text)
        if not position:
            continue
        for word in content_words(text):
            i = position.get(word)
            if i is not None:
                rows[r, width + i] = 1.0
    return rows


def _sigmoid(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def fit(
    texts: Sequence[str],
    labels: Sequence[int],
    penalty: float = PENALTY,
    threshold: float = THRESHOLD,
    words: bool = WORDS,
) -> Model:
    """A logistic regression fitted to labelled sentences (L2-penalised, gradient descent)."""
    counts: dict[str, int] = {}
    if words:
        for text in texts:
            for word in content_words(text):
                counts[word] = counts.get(word, 0) + 1
    vocabulary = tuple(sorted(w for w, n in counts.items() if n >= MIN_COUNT))
    x = _features(texts, vocabulary)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    x = (x - mean) / scale
    y = np.asarray(labels, dtype=np.float64)
    weights = np.zeros(x.shape[1])
    bias = 0.0
    n = len(y)
    rate = 0.5
    for _ in range(800):
        error = _sigmoid(x @ weights + bias) - y
        weights -= rate * (x.T @ error / n + penalty * weights / n)
        bias -= rate * float(error.mean())
    return Model(vocabulary, mean, scale, weights, bias, threshold)


def load_labelled(text: str) -> tuple[list[str], list[int]]:
    """``(sentences, labels)`` from ``label<TAB>sentence`` lines (``#`` lines are comments)."""
    sentences: list[str] = []
    labels: list[int] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, sentence = line.partition("\t")
        sentences.append(sentence.strip())
        labels.append(int(label))
    return sentences, labels


@cache
def model() -> Model:
    """The model fitted to the labelled sentences shipped with briefer."""
    data = resources.files("briefer").joinpath("data/significance.tsv").read_text("utf-8")
    return fit(*load_labelled(data))


def is_significant(text: str) -> bool:
    """Whether ``text`` states why the story matters."""
    return bool(model().probability([text])[0] >= model().threshold)


def significance(texts: Sequence[str]) -> list[float]:
    """Each text's probability of stating significance or consequence."""
    if not texts:
        return []
    return [float(p) for p in model().probability(texts)]

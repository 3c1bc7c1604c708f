"""Mixed articles into stories: ``briefer make feed.jsonl --by-story``.

Each article becomes a TF-IDF vector of its content words (stemmed, stop words out) and of
the names it mentions (capitalised words and pairs of them that do not open a sentence, kept
unstemmed and weighted up); the headline counts twice. Two articles' similarity is the cosine
of their vectors, damped by the days between their publication dates. Stories are the
clusters of average-linkage agglomerative clustering cut at ``threshold``: two groups join
while their articles are, on average, at least that similar. Average linkage is reducible,
so the nearest-neighbour chain finds the same clusters in O(n²) time on one n×n matrix.

That cut splits one big story into a main body and fragments (words the whole story shares
are in every article, so weigh little): a second pass moves each fragment (under a tenth of
the feed) into the major story it is on average most similar to, when at least
``attach_threshold`` similar; what resembles no major story stays apart.

Measured on mixed Timeline17 feeds by ``benchmarks/bench_stories.py`` (purity, adjusted Rand).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .models import Source
from .patterns import compiled
from .words import content_words, stems_of

_TOKEN = compiled(r"[^\W\d_][\w’'-]*")

#: words that date an article rather than say what it is about (stems and names alike)
_CALENDAR_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thur thurs fri sat sun today yesterday tomorrow "
    "gmt bst utc est edt cst cdt pst pdt cet cest am pm"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())

#: file names Windows refuses, whatever the extension
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))} | {
    f"lpt{i}" for i in range(10)
}


@dataclass(frozen=True)
class GroupingOptions:
    """How articles are grouped into stories (the defaults are the benchmark's best)."""

    #: average cosine similarity at which two groups are one story
    threshold: float = 0.06
    #: weight of a name (capitalised words) against a content word
    name_weight: float = 1.0
    #: similarity halves for every this many days between two publication dates (0: dates ignored)
    half_life_days: float = 365.0
    #: the least the date damping leaves of a similarity, however far apart the dates
    date_floor: float = 0.8
    #: at most this many terms (the most widespread, in at least two articles) describe an article
    max_terms: int = 20_000
    #: a story holding less than this share of the feed's articles is a fragment …
    minor_share: float = 0.1
    #: … and joins the major story it is on average most similar to, when at least this similar
    attach_threshold: float = 0.025
    #: … and this many times as similar to it as to any other major story (else it is torn)
    attach_margin: float = 1.2


def _sentence_starts(paragraph: str) -> set[int]:
    return {m.end() for m in re.finditer(r"(?:^|[.!?]['\"”»]?\s+)", paragraph)}


def _paragraph_names(paragraph: str) -> list[str]:
    """Names in ``paragraph``: capitalised tokens not at a sentence's start, and adjacent pairs."""
    starts = _sentence_starts(paragraph)
    found: list[str] = []
    last_end = -2
    last_name = ""
    for match in _TOKEN.finditer(paragraph):
        token = match.group()
        capital = token[0].isupper() and (len(token) > 1)
        if not capital or match.start() in starts:
            last_name = ""
            continue
        name = token.casefold().rstrip("’'-")
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        found.append("=" + name)
        if last_name and paragraph[last_end : match.start()].strip() == "":
            found.append(f"={last_name} {name}")
        last_name, last_end = name, match.end()
    return found


def article_terms(source: Source, name_weight: float = 1.0) -> dict[str, float]:
    """The weighted term counts of one article: content stems, names, the headline twice."""
    counts: dict[str, float] = {}
    title = source.metadata.title or ""
    parts = [title, title, *source.paragraphs] if title else list(source.paragraphs)
    calendar = stems_of(_CALENDAR_WORDS, source.language)
    for paragraph in parts:
        for term in content_words(paragraph, source.language) - calendar:
            counts[term] = counts.get(term, 0) + 1
        for name in _paragraph_names(paragraph):
            if name[1:] not in _CALENDAR and name.rsplit(" ", 1)[-1] not in _CALENDAR:
                counts[name] = counts.get(name, 0) + name_weight
    return counts


def _vectors(
    sources: Sequence[Source], options: GroupingOptions
) -> npt.NDArray[np.float32]:
    """Rows of L2-normalised TF-IDF weights (sublinear term frequency), one per source.

    Every term counts in an article's length, but only terms two articles share get a
    column (the others cannot add to any similarity): cosines do not rise as a feed shrinks.
    """
    counted = [article_terms(s, options.name_weight) for s in sources]
    df: Counter[str] = Counter()
    for counts in counted:
        df.update(counts.keys())
    n = len(sources)
    shared = [t for t, d in df.items() if d >= 2]
    shared.sort(key=lambda t: (-df[t], t))
    column = {t: i for i, t in enumerate(shared[: options.max_terms])}
    matrix = np.zeros((n, len(column)), dtype=np.float32)
    lengths = np.ones(n, dtype=np.float64)
    for row, counts in enumerate(counted):
        total = 0.0
        for term, count in counts.items():
            if count <= 0:
                continue
            weight = (1 + math.log(count)) * (math.log((1 + n) / (1 + df[term])) + 1)
            total += weight * weight
            col = column.get(term)
            if col is not None:
                matrix[row, col] = weight
        lengths[row] = math.sqrt(total) or 1.0
    return (matrix / lengths[:, None]).astype(np.float32)


def similarity(
    sources: Sequence[Source], options: GroupingOptions | None = None
) -> npt.NDArray[np.float32]:
    """The n×n article similarity: content cosine, damped by the days between publications."""
    options = options or GroupingOptions()
    vectors = _vectors(sources, options)
    sim = vectors @ vectors.T
    if options.half_life_days > 0:
        days = np.array(
            [
                s.metadata.published.toordinal() if s.metadata.published else np.nan
                for s in sources
            ],
            dtype=np.float64,
        )
        gap = np.abs(days[:, None] - days[None, :])
        gap = np.nan_to_num(gap, nan=0.0)  # an undated article is judged by content alone
        decay = np.power(0.5, gap / options.half_life_days)
        floor = options.date_floor
        sim = sim * (floor + (1 - floor) * decay).astype(np.float32)
    return sim.astype(np.float32)


def average_linkage(sim: npt.NDArray[np.float32], threshold: float) -> list[int]:
    """A cluster label per row of ``sim``: average linkage, merges stopped below ``threshold``.

    The nearest-neighbour chain: follow each cluster's most similar neighbour until two are
    each other's; merge them (Lance–Williams: the new row is the size-weighted mean) or, when
    even that best pair is below the threshold, set the chain's end aside for good (no later
    merge can bring a cluster closer than its closest part, average linkage being reducible).
    """
    n = sim.shape[0]
    if n == 0:
        return []
    work = sim.astype(np.float64, copy=True)
    np.fill_diagonal(work, -np.inf)
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    parent = list(range(n))
    chain: list[int] = []
    remaining = n
    while remaining > 1:
        if not chain:
            chain.append(int(np.flatnonzero(active)[0]))
        top = chain[-1]
        row = np.where(active, work[top], -np.inf)
        row[top] = -np.inf
        best = int(np.argmax(row))
        best_sim = row[best]
        if len(chain) > 1 and row[chain[-2]] >= best_sim:
            best, best_sim = chain[-2], row[chain[-2]]
        if best_sim < threshold or not np.isfinite(best_sim):
            # nothing is close enough to ``top``, now or after any later merge
            active[top] = False
            remaining -= 1
            chain.pop()
            continue
        if len(chain) > 1 and best == chain[-2]:
            chain.pop()
            chain.pop()
            a, b = sorted((top, best))
            merged = (size[a] * work[a] + size[b] * work[b]) / (size[a] + size[b])
            work[a], work[:, a] = merged, merged
            work[a, a] = -np.inf
            size[a] += size[b]
            active[b] = False
            work[b], work[:, b] = -np.inf, -np.inf
            parent[b] = a
            remaining -= 1
            continue
        chain.append(best)
    labels = []
    for i in range(n):
        root = i
        while parent[root] != root:
            root = parent[root]
        labels.append(root)
    return labels


def attach_fragments(
    sim: npt.NDArray[np.float32],
    labels: Sequence[int],
    minor_share: float,
    threshold: float,
    margin: float = 1.0,
) -> list[int]:
    """``labels`` with each minor cluster moved into the major cluster nearest to it.

    A cluster is minor when it holds less than ``minor_share`` of the rows (and is not the
    largest). The cut at the strict threshold splits one big story into a main body and
    fragments told from another angle (the relief effort of an earthquake, the inquiry into a
    spill): words the whole story shares are in every article and weigh little against a
    fragment's own words. A fragment joins the major cluster its articles are, on average,
    most similar to when that average reaches ``threshold``; one that resembles no major
    cluster that much stays on its own (a stray article is not forced into a story).
    """
    n = len(labels)
    sizes = Counter(labels)
    if len(sizes) < 2:
        return list(labels)
    largest = max(sizes.values())
    major = [c for c, k in sizes.items() if k >= minor_share * n or k == largest]
    members = np.asarray(labels)
    major_rows = [members == c for c in major]
    result = list(labels)
    for cluster in sizes:
        if cluster in major:
            continue
        rows = members == cluster
        means = [float(sim[np.ix_(rows, m)].mean()) for m in major_rows]
        best = int(np.argmax(means))
        runner_up = max((m for i, m in enumerate(means) if i != best), default=0.0)
        if means[best] >= threshold and means[best] >= margin * runner_up:
            target = major[best]
            for i in np.flatnonzero(rows):
                result[i] = target
    return result


def group_sources(
    sources: Sequence[Source], options: GroupingOptions | None = None
) -> list[list[Source]]:
    """``sources`` grouped into stories: biggest first, then by earliest article, then input order.

    Articles keep their input order within a story.
    """
    options = options or GroupingOptions()
    if not sources:
        return []
    sim = similarity(sources, options)
    labels = attach_fragments(
        sim,
        average_linkage(sim, options.threshold),
        options.minor_share,
        options.attach_threshold,
        options.attach_margin,
    )
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)

    def order(members: list[int]) -> tuple[int, int, int]:
        published = [sources[i].metadata.published for i in members]
        dates = [day.toordinal() for day in published if day is not None]
        return (-len(members), min(dates) if dates else 10**7, members[0])

    return [[sources[i] for i in members] for members in sorted(groups.values(), key=order)]


def _title_words(source: Source) -> list[str]:
    title = source.metadata.title or (source.paragraphs[0] if source.paragraphs else "")
    words = []
    for token in _TOKEN.findall(title):
        word = re.sub(r"['’]s$", "", token).strip("-’'")
        if (
            len(word) > 1
            and word.casefold() not in _CALENDAR
            and content_words(word, source.language)
        ):
            words.append(word)
    return words[:20]


def story_name(sources: Sequence[Source], words: int = 4) -> str:
    """A name from the words most of the story's headlines share, in headline order.

    "Oil spill reaches Gulf coast", "BP oil spill grows" → "Oil spill": words in two headlines
    or more when there are two such words, else the most common; the headline holding most
    of the chosen words gives their order.
    """
    # words are counted by stem: "earthquake" and "earthquakes" are one word
    per_title = [[(_stem(w, s.language), w) for w in _title_words(s)] for s in sources]
    seen_in: Counter[str] = Counter()
    first: dict[str, int] = {}
    position = 0
    for title in per_title:
        for key in dict.fromkeys(k for k, _ in title):
            seen_in[key] += 1
            first.setdefault(key, position)
            position += 1
    ranked = sorted(seen_in, key=lambda k: (-seen_in[k], first[k]))
    shared = [k for k in ranked if seen_in[k] > 1]
    chosen = (shared if len(shared) >= 2 else ranked)[:words]
    if not chosen:
        return "story"
    best = max(per_title, key=lambda t: len({k for k, _ in t} & set(chosen)))
    in_best = [k for k in dict.fromkeys(k for k, _ in best) if k in chosen]
    rest = [k for k in chosen if k not in in_best]
    spelled = {k: w for t in reversed(per_title) for k, w in t}
    spelled.update({k: w for k, w in reversed(best)})
    return " ".join(spelled[k] for k in in_best + rest)


def _stem(word: str, language: str) -> str:
    stems = content_words(word, language)
    return min(stems) if stems else word.casefold()


def slug(name: str, max_length: int = 48) -> str:
    """``name`` as a folder name safe everywhere: ASCII letters, digits and hyphens."""
    spaced = re.sub(r"[\W_]+", " ", name.replace("ß", "ss").replace("ẞ", "SS"))
    ascii_name = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    text = ""
    for word in words:
        candidate = f"{text}-{word}" if text else word
        if len(candidate) > max_length:
            break
        text = candidate
    if not text:
        text = words[0][:max_length] if words else "story"
    if text in _RESERVED:
        text = f"story-{text}"
    return text


def story_slugs(names: Sequence[str]) -> list[str]:
    """A distinct slug per name, in order: a repeated slug gets ``-2``, ``-3`` …"""
    used: set[str] = set()
    slugs = []
    for name in names:
        base = slug(name)
        chosen, n = base, 1
        while chosen in used:
            n += 1
            chosen = f"{base}-{n}"
        used.add(chosen)
        slugs.append(chosen)
    return slugs

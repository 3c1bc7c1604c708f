"""The policy sections of a brief: why it matters, what to watch, who said what, disagreements.

    policy_sections(sources, shown)  →  PolicySections
    with_policy(brief, sources)      →  the brief with its four policy fields filled

Each section is built from verbatim sentences (or quotations) of the sources, each citing
every source that reports it; nothing already shown in ``shown`` (the key points and the
chronology) is repeated under "why it matters".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .disagree import Disagreement, disagreements
from .merge import same_fact, source_order
from .models import Brief, Item, Source
from .quotes import Quote, quotes
from .significance import model
from .split import split_sentences
from .watch import watch_items
from .words import content_words

__all__ = ["PolicyLimits", "PolicySections", "policy_sections", "with_policy"]

#: a sentence shorter or longer than this (in words) is not weighed for "why it matters"
MIN_WORDS, MAX_WORDS = 6, 60


@dataclass(frozen=True)
class PolicyLimits:
    """How many entries each section keeps at most."""

    why_it_matters: int = 4
    what_to_watch: int = 6
    who_said_what: int = 6
    disagreements: int = 5


@dataclass(frozen=True)
class PolicySections:
    """The four sections, each best first (what to watch: by date)."""

    why_it_matters: tuple[Item, ...]
    what_to_watch: tuple[Item, ...]
    who_said_what: tuple[Quote, ...]
    disagreements: tuple[Disagreement, ...]


def _why_it_matters(
    sources: Sequence[Source], shown: Sequence[Item], limit: int
) -> tuple[Item, ...]:
    """The sentences most likely to state significance, once per fact, not already shown."""
    language = sources[0].language if sources else "english"
    sentences = [
        (source.id, text)
        for source in sources
        for paragraph in source.paragraphs
        for text in split_sentences(paragraph)
        if MIN_WORDS <= len(text.split()) <= MAX_WORDS
    ]
    if not sentences:
        return ()
    fitted = model()
    probabilities = fitted.probability([text for _, text in sentences])
    shown_words = [content_words(i.text, language) for i in shown]
    kept: list[tuple[Item, frozenset[str]]] = []
    ranked = sorted(
        zip(sentences, probabilities, strict=True),
        key=lambda pair: (-pair[1], source_order(pair[0][0])),
    )
    for (sid, text), probability in ranked:
        if probability < fitted.threshold:
            break
        words = content_words(text, language)
        if any(same_fact(words, other) for other in shown_words):
            continue
        for i, (item, item_words) in enumerate(kept):
            if same_fact(words, item_words):
                cited = tuple(sorted({*item.sources, sid}, key=source_order))
                kept[i] = (replace(item, sources=cited), item_words)
                break
        else:
            kept.append((Item(text, (sid,), float(probability), None, sid), words))
    # corroborated significance first, then the model's confidence
    items = [item for item, _ in kept]
    items.sort(key=lambda i: -(i.score + 0.5 * math.log2(len(i.sources))))
    return tuple(items[:limit])


def policy_sections(
    sources: Sequence[Source],
    shown: Iterable[Item] = (),
    limits: PolicyLimits | None = None,
) -> PolicySections:
    """The four policy sections for ``sources``; ``shown`` are items the brief already has."""
    limits = limits or PolicyLimits()
    watch = [Item(w.text, w.sources, 0.0, w.when, w.source_id) for w in watch_items(sources)][
        : limits.what_to_watch
    ]
    said = quotes(sources)[: limits.who_said_what]
    return PolicySections(
        why_it_matters=_why_it_matters(sources, list(shown), limits.why_it_matters),
        what_to_watch=tuple(watch),
        who_said_what=tuple(said),
        disagreements=tuple(disagreements(sources)[: limits.disagreements]),
    )


def with_policy(brief: Brief, sources: Sequence[Source]) -> Brief:
    """``brief`` with its policy fields filled from ``sources``."""
    sections = policy_sections(sources, [*brief.key_points, *brief.chronology])
    return replace(
        brief,
        why_it_matters=sections.why_it_matters,
        what_to_watch=sections.what_to_watch,
        who_said_what=sections.who_said_what,
        disagreements=sections.disagreements,
    )


def _cited_json(text: str, sources: Sequence[str], quoted_from: str) -> dict[str, object]:
    from .render import strip_unsafe

    return {"text": strip_unsafe(text), "sources": list(sources), "quoted_from": quoted_from}


def policy_json(brief: Brief) -> dict[str, object]:
    """The four policy sections as brief.json fields, in a fixed order."""
    from .render import strip_unsafe

    def when(item: Item) -> dict[str, object]:
        w = item.when
        return {
            "date": w.iso() if w else None,
            "precision": w.precision if w else None,
            "phrase": strip_unsafe(w.phrase) if w and w.phrase else None,
        }

    return {
        "why_it_matters": [
            {**_cited_json(i.text, i.sources, i.source_id), "score": round(i.score, 6)}
            for i in brief.why_it_matters
        ],
        "what_to_watch": [
            {**when(i), **_cited_json(i.text, i.sources, i.source_id)} for i in brief.what_to_watch
        ],
        "who_said_what": [
            {
                "speaker": strip_unsafe(q.speaker),
                "role": strip_unsafe(q.role) if q.role else None,
                "quote": strip_unsafe(q.text),
                "parts": [strip_unsafe(p) for p in q.parts],
                "partial": q.partial,
                "passage": strip_unsafe(q.passage),
                "sources": list(q.sources),
                "quoted_from": q.source_id,
            }
            for q in brief.who_said_what
        ],
        "disagreements": [
            {
                "kind": d.kind,
                "versions": [
                    {"value": strip_unsafe(v.value), **_cited_json(v.text, v.sources, v.source_id)}
                    for v in d.versions
                ],
            }
            for d in brief.disagreements
        ],
    }

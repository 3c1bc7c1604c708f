"""Compose a brief from sources: choose, date, merge and place every sentence.

Each source's sentences are ranked on their own (sumy), so that a long article cannot drown
a short one; the best are dated and merged across sources. The chronology takes what has a
date of its own ("on Friday (Dec 20, 2019)", "in August 2018") and each source's lead fact
on its report date; the key points take the best of the rest. Nothing appears twice.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial

from .chronology import page_chronology, self_dated
from .dating import date_sentence
from .merge import Candidate, FactIndex, drop_repeats, fold_same_event, merge, source_order
from .models import Brief, BriefOptions, Item, Sentence, Skipped, Source
from .parallel import in_background, map_ordered
from .patterns import compiled
from .policy import read_ahead, with_policy
from .rank import prepare as prepare_ranking
from .rank import rank_sentences
from .split import split_paragraph
from .standalone import is_candidate
from .words import content_words

#: weight of the position in the article (news puts the most important first) against rank
LEAD_WEIGHT = 0.25
#: bonus for a fact reported by two sources, and again for each doubling: a fact several
#: outlets report is the core of the story, whatever its rank within one article
CORROBORATION = 0.75
#: a sentence that opens on a pronoun leans on the one before it; it stands alone less well
PRONOUN_PENALTY = 0.1
#: a sentence in the first person plural outside quotation marks ("we", "our") speaks in an
#: outlet's or a columnist's voice more often than it reports
FIRST_PERSON_PENALTY = 0.3
#: how many of each source's best sentences are weighed for corroboration
POOL = 60
#: from this many sources on, the sources are read for the policy sections, and the sections
#: that do not depend on the merged facts made, in another process while this one merges
#: (for fewer, starting it costs more)
BACKGROUND_SOURCES = 48
#: how many of the candidates that neither state a date of their own nor lead their source are
#: merged into facts, the best first: the page shows a handful of them (a story of hundreds of
#: articles has thousands; the rest cannot reach the page)
MERGE_POOL = 300

_WORD = compiled(r"\w+")
#: a sentence that is one quotation and nothing else: "“We cannot wait for the next storm.”"
#: (its speaker is named in the sentence before; alone on the page it has none)
_BARE_QUOTE = compiled(r"\s*[“\"][^“”\"]+[”\"][)\s]*")
#: quoted words, to the end of the sentence when the quotation runs on into the next
_QUOTED = compiled(r"“[^“”]*(?:”|$)|\"[^\"]*(?:\"|$)")
#: the writer's own voice ("I grew up behind one of those dikes"): never a line of the brief,
#: unless someone is reported as saying it (a quotation whose marks the page dropped)
#: (each opens on the letters its words start with: the search passes other places at once)
_SINGULAR = compiled(r"(?=[IMm])\b(?:I|I'm|I've|I'd|I'll|[Mm]y|me|[Mm]yself)\b")
_PLURAL = compiled(r"(?=[WwOou])\b(?:[Ww]e|[Oo]ur|us)\b")
_REPORTED = compiled(
    r"(?=[adeimnstw])"  # (?=…): the characters a match can start with
    r"\b(?:said|says|say|told|tells|added|adds|tweeted|wrote|writes|stated|according|asked"
    r"|explained|mentioned|announced|declared|insisted|argued|warned|noted)\b",
    re.I,
)
_LEANS_BACK = compiled(
    r"(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|And|Also)\b"
)


def _part_quote(text: str) -> bool:
    """Whether ``text`` opens a quotation that runs on into the next sentence, with no one
    named in it ('"We will fight this.'): half a quotation, and it quotes nobody. The half that
    closes it names the speaker ('We will win," she said.') and may date what was said."""
    text = text.strip()
    if text.startswith("“"):
        return text.count("“") > text.count("”")
    return text.startswith('"') and text.count('"') % 2 == 1


def source_sentences(source: Source) -> list[Sentence]:
    """Every sentence of ``source``, verbatim, in order."""
    sentences: list[Sentence] = []
    for p, paragraph in enumerate(source.paragraphs):
        for text in split_paragraph(paragraph):
            sentences.append(Sentence(source.id, len(sentences), p, text))
    return sentences


def _ranked_source(source: Source, options: BriefOptions) -> list[Candidate]:
    return _ranked(source, source_sentences(source), options)


def _ranked(
    source: Source, sentences: Sequence[Sentence], options: BriefOptions
) -> list[Candidate]:
    """The source's usable sentences, best first, scored by rank and position, and dated."""
    usable = [s for s in sentences if is_candidate(s.text)]
    if not usable:
        return []
    ranks = rank_sentences([s.text for s in usable], options.algorithm, source.language)
    n = len(usable)
    published = source.metadata.published
    scored = []
    for position, (sentence, rank) in enumerate(zip(usable, ranks, strict=True)):
        if _BARE_QUOTE.fullmatch(sentence.text) or _part_quote(sentence.text):
            # ranked with the others, but never a line of the brief: it would quote nobody
            # (who said it is in "who said what", which joins it to its speaker), or opens a
            # quotation of several sentences ('"We will fight this.'); "who said what" shows
            # the quotation whole
            continue
        text = sentence.text
        if source.language != "english":
            unquoted = ""
        elif '"' in text or "“" in text:
            unquoted = _QUOTED.sub(" ", text)
        else:
            unquoted = text  # no quotation to take out (the pattern opens on a mark)
        if _SINGULAR.search(unquoted) and not _REPORTED.search(sentence.text):
            continue  # the writer's own voice, not a reported fact
        score = (1 - LEAD_WEIGHT) * rank + LEAD_WEIGHT * (1.0 - position / n)
        if _LEANS_BACK.match(sentence.text):
            score -= PRONOUN_PENALTY
        if _PLURAL.search(unquoted):
            score -= FIRST_PERSON_PENALTY
        when = date_sentence(sentence.text, published, source.language)
        scored.append(Candidate(sentence, score, when))
    scored.sort(key=lambda c: -c.score)
    return scored


def _weighed(ranked: Sequence[Candidate], index: FactIndex) -> list[Candidate]:
    """A source's candidates, each scored up for every other source reporting the same fact.

    The best ``POOL`` sentences are weighed; beyond them only those that state their own date
    (the chronology needs them) are kept.
    """
    weighed = [
        Candidate(
            c.sentence,
            c.score + CORROBORATION * math.log2(index.reporter_count(c.sentence)),
            c.when,
        )
        for c in ranked[:POOL]
    ]
    return weighed + [c for c in ranked[POOL:] if _self_dated(c)]


def _plain(text: str | None) -> str:
    """Text reduced to its lower-case words, to compare a sentence with a headline."""
    return " ".join(_WORD.findall((text or "").lower()))


def _reachable(
    candidates: list[Candidate],
    leads: set[tuple[str, int]],
    left_out: Callable[[Candidate], bool] = lambda c: False,
) -> list[Candidate]:
    """The candidates that can reach the page, in their order: every one that states its own
    date (the chronology draws on them) or is its source's best sentence (its lead), and the
    best :data:`MERGE_POOL` of the others (the key points, and the chronology's fill on a small
    story, are the best of them); none that is ``left_out`` (asked only of those that could
    otherwise be taken: it is the costlier test). The rest still count as reporters of the
    facts they share (the fact index holds every sentence); merging them would only cost
    time."""

    def lead(c: Candidate) -> bool:
        return (c.sentence.source_id, c.sentence.index) in leads

    always = {id(c) for c in candidates if _self_dated(c) or lead(c)}
    others = [c for c in candidates if id(c) not in always]
    best = sorted(
        others, key=lambda c: (-c.score, source_order(c.sentence.source_id), c.sentence.index)
    )
    kept: set[int] = set()
    for c in best:
        if len(kept) == MERGE_POOL:
            break
        if not left_out(c):
            kept.add(id(c))
    return [c for c in candidates if id(c) in kept or (id(c) in always and not left_out(c))]


def _is_title(text: str, titles: set[str], firsts: set[str]) -> bool:
    """Whether ``text`` is one of the headlines (:func:`_plain` forms) in ``titles``, whose
    first words are ``firsts``: a sentence starting with another word is none of them."""
    # (an ASCII text's first word is found before lower-casing it, not the whole text)
    first = _WORD.search(text) if text.isascii() else _WORD.search(text.lower())
    if first is not None and first.group().lower() not in firsts:
        return False
    return _plain(text) in titles


def _self_dated(candidate: Candidate) -> bool:
    return candidate.when is not None and candidate.when.basis != "published"


def _title(sources: Sequence[Source], items: Sequence[Item], options: BriefOptions) -> str:
    """The title given, else the source headline that best stands for the story.

    That is the headline sharing the most content words with the other headlines (a story's
    headlines repeat its key words), then the one whose source the brief cites most, then
    the most recent.
    """
    if options.title:
        return options.title
    titled = [s for s in sources if s.metadata.title]
    if not titled:
        return "News brief"
    words = {s.id: content_words(s.metadata.title or "", s.language) for s in titled}
    cited = Counter(sid for item in items for sid in item.sources)
    # the words a headline shares with each other headline, summed: each of its words counts
    # once for every other headline holding it (source ids are distinct)
    holders = Counter(w for found in words.values() for w in found)

    def standing(source: Source) -> tuple[int, int, dt.date]:
        shared = sum(holders[w] - 1 for w in words[source.id])
        return (shared, cited[source.id], source.metadata.published or dt.date.min)

    return max(titled, key=standing).metadata.title or "News brief"


def compose(sources: Sequence[Source], skipped: Sequence[Skipped], options: BriefOptions) -> Brief:
    """The brief for ``sources``: title, key points, chronology and the policy sections,
    before fitting to a page."""
    # the sources' most common language (a run may mix them; each source is read in its own)
    languages = {s.id: s.language for s in sources}
    counts = Counter(languages.values())
    language = min(counts, key=lambda k: (-counts[k], k)) if counts else options.language

    def read_words(found: list[Candidate]) -> None:
        # the content words of each source's sentences, which finding who reports the same
        # fact needs, worked out here while the workers rank the next sources
        for c in found:
            content_words(c.sentence.text, languages.get(c.sentence.source_id, language))

    # each source is split, ranked and dated on its own: on every core when there are many
    ranked = map_ordered(
        partial(_ranked_source, options=options),
        sources,
        warm=partial(prepare_ranking, options.algorithm, language),
        each=read_words,
    )
    # the sources read for the policy sections (around their best sentences when there are
    # many), and what to watch, who said what and where they disagree, depend on the sources
    # alone, not on the facts merged below: made on the other core meanwhile
    best = {s.id: [c.sentence.paragraph for c in r] for s, r in zip(sources, ranked, strict=True)}
    ahead = partial(read_ahead, sources, best=best)
    policy_read = in_background(ahead) if len(sources) >= BACKGROUND_SOURCES else ahead
    published = {s.id: s.metadata.published for s in sources}
    index = FactIndex([c.sentence for r in ranked for c in r], language, published, languages)
    candidates = [c for r in ranked for c in _weighed(r, index)]
    titles = {_plain(s.metadata.title) for s in sources if s.metadata.title}
    firsts = {title.split(" ", 1)[0] for title in titles}
    best_sentences = {(r[0].sentence.source_id, r[0].sentence.index) for r in ranked if r}
    # no headline is a line of the brief
    candidates = _reachable(
        candidates, best_sentences, lambda c: _is_title(c.sentence.text, titles, firsts)
    )
    merged, holder = merge(candidates, index)
    # each source's lead: the fact its own best sentence reports (news puts the event first)
    lead_items = []
    for r in ranked:
        position = index.position(r[0].sentence) if r else None
        if position is not None and position in holder:
            lead_items.append(merged[holder[position]])
    items = fold_same_event(drop_repeats(merged, language, languages), language, languages)
    kept = {i.text: i for i in items}

    # the chronology opens with each source's lead fact on its report date, then takes
    # what states its own date; the key points are the best of the rest; what is left and
    # dated fills the chronology, the fitting to the page trimming the weakest
    leads = {i.text: kept[i.text] for i in lead_items if i.text in kept and i.when is not None}
    key_points = [i for i in items if i.text not in leads and not self_dated(i)][
        : options.max_key_points
    ]
    taken = set(leads) | {i.text for i in key_points}
    rest = [i for i in items if i.text not in taken and i.when is not None]
    # the chronology engine (shared with ``briefer timeline``) places them on dates
    chronology = page_chronology(list(leads.values()), rest, options.max_chronology)
    brief = Brief(
        title=_title(sources, items, options),
        generated=options.today or dt.date.today(),
        key_points=tuple(key_points),
        chronology=tuple(chronology),
        sources=tuple(sources),
        skipped=tuple(skipped),
        algorithm=options.algorithm,
        page=options.page,
    )
    # why it matters, and the sections made meanwhile (the merge's refusals first among
    # the disagreements)
    return with_policy(brief, sources, best=best, found=index.refused, ahead=policy_read())

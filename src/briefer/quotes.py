"""Who said what: direct quotations, their speaker and role, merged across sources.

A quotation is text between quotation marks (straight ``"…"``, curly ``“…”``, or curly
single ``‘…’`` in a paragraph without double quotes) that an attribution gives to someone:

* after the quote: ``"…," said Tomas Birkeland, chair of …`` / ``"…," Lysgaard said`` /
  ``"…," she told reporters`` / ``"…," according to the ministry``;
* before it: ``The State Department has said, "…"`` / ``Mike Pompeo mentioned in a tweet, "…"``
  / ``the minister said: "…"`` / ``According to X, "…"``;
* partial quotes inside a reported sentence: ``Birkeland said the deal left larger boats
  "out in the cold".`` / ``The union called the ruling "a betrayal"``;
* a quote split by its attribution (``"X," she said. "Y."``) is one quotation in two parts,
  and a paragraph that is only a quote, right after a quoted paragraph, continues its speaker.

Quoted words with no attribution (titles, scare quotes: the so-called "ghost boats") are
not quotations. The speaker is resolved from the attribution: a named person ("Alice Wells")
with the role the text gives them anywhere in the source ("Alice Wells, the … Principal
Deputy Assistant Secretary …", "Fisheries Minister Maren Lysgaard"), an organisation or a
description ("the State Department", "a spokesperson"); a pronoun ("he said") or a bare
surname ("Lysgaard said") resolves to the last matching person named before it. The same
quotation reported by several sources is returned once, citing them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .merge import same_fact, source_order
from .models import Source
from .patterns import compiled
from .split import paragraph_spans
from .words import content_words

__all__ = ["Quote", "find_quotes", "merge_quotes", "quotes", "quotes_among"]

#: "part one … part two": how the parts of a quote split by its attribution are shown
PART_JOINER = " … "


@dataclass(frozen=True)
class Quote:
    """A direct quotation: who said it, in what role, and the words verbatim.

    ``parts`` are the quoted stretches, each an exact substring of the source; ``text`` joins
    them with " … ". ``passage`` is the verbatim sentence (or sentences) of ``source_id``
    holding the quote and its attribution. ``sources`` are every source reporting it.
    """

    text: str
    speaker: str
    role: str | None
    source_id: str
    sources: tuple[str, ...]
    passage: str
    parts: tuple[str, ...]
    partial: bool = False
    paragraph: int = 0


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- vocabulary ---------------------------------------------------------------------------

_SPEECH = (
    r"said|says|say|told|tells|added|adds|stated|states|mentioned|wrote|writes|tweeted|"
    r"posted|warned|warns|argued|argues|insisted|insists|explained|noted|notes|declared|"
    r"announced|acknowledged|admitted|claimed|claims|asked|replied|responded|continued|"
    r"urged|cautioned|conceded|recalled|predicted|promised|vowed|complained|remarked|"
    r"emphasi[sz]ed|stressed|observed|commented|concluded|pointed\s+out|went\s+on|read|reads|"
    r"confirmed|suggested|countered|conceded|protested|objected"
)
#: verbs that frame a short quoted phrase ("called the ruling 'a betrayal'")
_FRAMING = r"called|calls|described|describes|dismissed|labell?ed|branded|hailed|accused|termed"
_AUX = r"(?:(?:has|have|had|was|is|would|will)\s+)?(?:(?:also|further|later|again|then)\s+)?"
_VERB = rf"(?:{_SPEECH}|{_FRAMING})"
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group", "we": "group"}

#: words that make a capitalised run an organisation, a place or a title, not a person
_ORG_WORDS = _vocabulary(
    """
    department ministry office house council committee agency association union court
    assembly parliament party bank police force army navy government administration
    commission service bureau university institute company corp inc ltd group fund
    organisation organization nations news reuters times post herald press authority
    board cabinet federation foundation centre center college school hospital airport
    port harbour guard senate congress pentagon kremlin state states secretariat
    directorate tribunal embassy consulate chamber league coalition alliance network
    club society trust federal national united kingdom republic region city county
    province coast street
    """
)
_TITLE_WORDS = _vocabulary(
    """
    minister secretary president chancellor senator governor mayor spokesperson
    spokesman spokeswoman director chairman chairwoman chair chief general ambassador
    commissioner representative rep sen gov dr mr mrs ms prof professor judge justice
    inspector officer captain colonel admiral sergeant lieutenant commander head leader
    deputy assistant principal premier king queen prince pope bishop ceo cfo manager
    editor councillor councilor superintendent marshal attorney executive prosecutor lawyer
    economist analyst mp auditor ombudsman comptroller controller treasurer registrar
    coroner sheriff envoy negotiator lawmaker legislator mep trustee regulator
    """
)
#: lower-case particles inside names ("Joost van Leeuwen", "Ursula von der Leyen")
_PARTICLES = _vocabulary("van von der den de da di du del della le la ter ten bin ibn al")
_NOT_NAMES = _vocabulary(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december the a an in on at of
    for and but or this that these those it he she they we i his her their its our my
    """
)
#: nouns for a single human speaker described, not named ("a spokesperson", "the minister")
_PERSON_NOUNS = _vocabulary(
    """
    spokesperson spokesman spokeswoman official minister secretary president chancellor
    senator governor mayor director chairman chairwoman chair chief ambassador
    commissioner officer captain head leader deputy premier manager lawyer economist
    analyst source diplomat aide adviser advisor resident fisherman skipper owner auditor
    ombudsman envoy negotiator lawmaker legislator
    councillor mp judge pharmacist nurse doctor teacher worker driver farmer shopkeeper
    witness passenger student parent voter engineer scientist expert researcher
    professor campaigner activist organiser organizer survivor victim neighbour neighbor
    """
)
_LEADING_CLAUSE = compiled(
    r"^(?:in|on|at|speaking|later|earlier|asked|after|during|meanwhile|however|but|and|also|"
    r"separately|then|still|yet|when|while|elsewhere|instead|now|today|yesterday|previously|"
    r"writing|responding|addressing)\b",
    re.IGNORECASE,
)
_TRAILING_CIRCUMSTANCE = compiled(
    r"\s+(?:(?:in|on|at|during|after|before|via|through)\s+(?:a|an|the|his|her|their|its|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|X\b|social)|"
    r"told\s|when\s|while\s|adding\b|who\s|as\s+(?:he|she|they)\b|according\s+to\b|"
    r"(?:last|this|on)\s+(?:week|month|year|night|morning)|yesterday|today|earlier|later|"
    r"on\s+\w+day\b).*$",
    re.DOTALL,
)
_TRAILING_VERB = compiled(
    r"\s+(?:declined|refused|decided|went\s+on|was\s+quick|were\s+quick|did\s+not|"
    r"would\s+not|could\s+not|wanted|tried|sought|appeared|chose|rushed)\s+to$"
)
#: plural speakers described, not named ("officials said", "analysts at X called …")
_GROUP_NOUNS = _vocabulary(
    """
    officials police residents witnesses analysts experts critics campaigners organisers
    organizers protesters investigators prosecutors doctors scientists economists
    lawyers diplomats sources authorities activists locals villagers farmers fishermen
    teachers
    """
)
_POSSESSIVE_STATEMENT = compiled(
    r"^(?P<owner>.+?)['’]s\s+(?:statement|tweet|email|e-mail|letter|post|press\s+release|"
    r"website|account|report)$",
    re.IGNORECASE,
)
_CAP_TOKEN = compiled(r"[A-Z][\w’'.-]*|\([A-Z]{2,}\)")
_NAME_RUN = compiled(
    r"(?:[A-Z][\w’'-]*\.?|\([A-Z]{2,}\)|of|for|the|and)(?:\s+(?:[A-Z][\w’'-]*\.?|\([A-Z]{2,}\)|"
    r"of|for|the|and|(?:van|von|der|den|de|da|di|du|del|della|le|la|ter|ten|bin|ibn|al)"
    r"(?=\s+(?:(?:van|von|der|den|de|da|di|du|del|della|le|la|ter|ten)\s+)?[A-Z])))*"
)
_WORD = compiled(r"[\w’'-]+")

# --- quotation marks -----------------------------------------------------------------------

_OPENERS = '“"‘'
_SCARE = compiled(r"\b(?:the|a|an|so-called|its|their|this|that)\s+[“\"‘]$", re.IGNORECASE)


_DOUBLE_MARK = compiled('[“”"]')
_SINGLE_MARK = compiled("[‘’]")


def _quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quoted stretch's inside, unclosed quotes running to the end."""
    double = "“" in paragraph or '"' in paragraph or "”" in paragraph
    spans: list[tuple[int, int]] = []
    start: int | None = None
    # only a quotation mark opens or closes a quote: the marks alone are looked at
    for found in (_DOUBLE_MARK if double else _SINGLE_MARK).finditer(paragraph):
        i, ch = found.start(), found.group()
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if double:
            opens = ch == "“" or (ch == '"' and start is None)
            closes = ch == "”" or (ch == '"' and start is not None)
            if ch == '"' and start is None and not (before.isspace() or before in "([—–-:"):
                opens = False
        else:
            opens = ch == "‘" and (before.isspace() or before in "([—–-:")
            closes = ch == "’" and not after.isalnum() and start is not None
        if start is None and opens:
            start = i + 1
        elif start is not None and closes:
            spans.append((start, i))
            start = None
    if start is not None and start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def _verbatim(paragraph: str, start: int, end: int) -> tuple[int, int]:
    """The quote's inside without white space and the comma that hands over to "she said"."""
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and (paragraph[end - 1].isspace() or paragraph[end - 1] in ",;—–"):
        end -= 1
    return start, end


# --- speakers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Speaker:
    name: str
    role: str | None
    kind: str  # "person" (named), "described" (a spokesperson), "group" (the ministry)


def _tokens(text: str) -> list[str]:
    return text.split()


def _is_name_token(token: str) -> bool:
    bare = token.strip(",.’'()")
    return (
        bool(bare)
        and bare[0].isupper()
        and not bare.isupper()
        and bare.lower() not in _ORG_WORDS
        and bare.lower() not in _TITLE_WORDS
        and bare.lower() not in _NOT_NAMES
    )


def _split_title_name(run: str) -> tuple[str | None, str] | None:
    """("Fisheries Minister", "Maren Lysgaard") from "Fisheries Minister Maren Lysgaard".

    The name is the last two or three capitalised tokens that are neither title nor
    organisation words; a run of one such token counts only after a title.
    """
    tokens = [t if len(t) <= 2 else t.rstrip(".") for t in run.split()]
    name: list[str] = []
    for token in reversed(tokens):
        words = sum(1 for t in name if t not in _PARTICLES)
        if _is_name_token(token) and words < 3:
            name.insert(0, token)
        elif token in _PARTICLES and name and name[0] not in _PARTICLES:
            name.insert(0, token)  # "van" in "Joost van Leeuwen"
        else:
            break
    while name and name[0] in _PARTICLES:  # a particle opens no name
        name.pop(0)
    rest = tokens[: len(tokens) - len(name)]
    if not name:
        return None
    if len(name) == 1 and (not rest or rest[-1].strip(".,").lower() not in _TITLE_WORDS):
        return None
    if rest and rest[-1] in ("of", "for", "the", "and"):
        return None
    role = " ".join(rest).strip(" ,") or None
    return role, " ".join(name)


def _own_role(role: str | None) -> str | None:
    """A role as a label: "director general" from "its director general" (the possessive
    points back into a sentence the label is not shown with)."""
    if role is None:
        return None
    first, _, rest = role.partition(" ")
    if first.lower() in ("its", "their", "his", "her", "our") and rest:
        return rest
    return role


def _article_lower(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An") and rest:
        return first.lower() + " " + rest
    return text


def _strip_article(text: str) -> str:
    """ "minister" from "the minister"; "the group's director" keeps its article (without
    it the possessive reads as a name)."""
    for article in ("the ", "a ", "an ", "The ", "A ", "An "):
        if text.startswith(article):
            rest = text[len(article) :]
            if re.match(r"[\w-]+['’]s\s", rest):
                return _article_lower(text)
            return rest
    return text


_APPOSITIVE = compiled(
    r",\s+(?:\d{1,3},\s+)?(?P<role>[^,;“”\"]{3,150}?)(?:,|\.?$|\.\s|\s+(?:has|had|is|was|"
    rf"{_SPEECH})\b)"
)


def _role_before(text: str) -> str | None:
    """ "Port Authority chief executive" from the words just before a name, if a title ends it."""
    tokens = text.split()
    taken: list[str] = []
    for token in reversed(tokens[-6:]):
        bare = token.strip(",")
        if token.endswith(",") or not (bare[:1].isupper() or bare.lower() in _TITLE_WORDS):
            break
        taken.insert(0, bare)
    if not taken or taken[-1].lower() not in _TITLE_WORDS:
        return None
    return " ".join(taken)


class _People:
    """Who a source has named so far: full names with roles, and every mention in order."""

    def __init__(self) -> None:
        self.roles: dict[str, str | None] = {}
        self.mentions: list[tuple[int, _Speaker]] = []

    def learn(self, text: str, offset: int) -> None:
        """Note every person ``text`` names with a title or an appositive role."""
        for match in _NAME_RUN.finditer(text):
            run = match.group().strip()
            while run.split() and run.split()[-1] in ("of", "for", "the", "and"):
                run = run.rsplit(" ", 1)[0] if " " in run else ""
            if not run:
                continue
            parts = _split_title_name(run)
            if parts is None:
                known = self.full(run) if " " not in run else None
                if known is not None:  # "Rusk later spoke": a mention of Ada Rusk
                    self.add(offset + match.start(), known)
                continue
            role, name = parts
            if role is None:
                appositive = _APPOSITIVE.match(text, match.end())
                if appositive and _looks_like_role(appositive["role"]):
                    role = _strip_article(appositive["role"].strip())
                else:
                    role = _role_before(text[: match.start()])
            elif role.split()[0] in ("the", "The", "a", "A", "an", "An"):
                role = _strip_article(role)
            if len(name.split()) < 2 and role is None:
                continue
            self.add(offset + match.start(), _Speaker(name, role, "person"))

    def add(self, position: int, speaker: _Speaker) -> None:
        if speaker.kind == "person":
            known = self.roles.get(speaker.name)
            if speaker.role or known is None:
                self.roles[speaker.name] = speaker.role or known
        self.mentions.append((position, speaker))

    def full(self, name: str) -> _Speaker | None:
        """The person a surname (or a full name) stands for, with their role."""
        if name in self.roles:
            return _Speaker(name, self.roles[name], "person")
        for full in reversed(list(self.roles)):
            if full.split()[-1] == name:
                return _Speaker(full, self.roles[full], "person")
        return None

    def last(self, before: int, kind: str, noun: str | None = None) -> _Speaker | None:
        for position, speaker in reversed(self.mentions):
            if position >= before:
                continue
            if kind == "person" and speaker.kind in ("person", "described"):
                if noun is None or noun in (speaker.role or speaker.name).lower():
                    return (
                        (self.full(speaker.name) or speaker)
                        if speaker.kind == "person"
                        else speaker
                    )
            elif kind == "group" and speaker.kind == "group":
                return speaker
        return None


def _looks_like_role(text: str) -> bool:
    words = [w.lower().strip(",.") for w in text.split()]
    return any(w in _TITLE_WORDS or w in _PERSON_NOUNS for w in words[:8])


def _resolve(phrase: str, position: int, people: _People) -> _Speaker | None:
    """The speaker an attribution's subject phrase names, resolved against earlier mentions."""
    phrase = phrase.strip(" ,;:—–-")
    chunks = [c.strip() for c in phrase.split(",")]
    while len(chunks) > 1 and _LEADING_CLAUSE.match(chunks[0]):
        chunks.pop(0)
    phrase = ", ".join(c for c in chunks if c)
    phrase = _TRAILING_CIRCUMSTANCE.sub("", phrase).strip(" ,")
    phrase = _TRAILING_VERB.sub("", phrase).strip(" ,")
    phrase = re.sub(r"^(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+", "", phrase)
    owner = _POSSESSIVE_STATEMENT.match(phrase)
    if owner:
        phrase = owner["owner"]
    if not phrase or len(phrase) > 160 or any(q in phrase for q in '“”"'):
        return None
    lowered = phrase.lower()
    if lowered in _PRONOUNS:
        if _PRONOUNS[lowered] == "person":
            return people.last(position, "person")
        return people.last(position, "group")
    head, _, appositive = phrase.partition(",")
    head, appositive = head.strip(), appositive.strip(" ,")
    # "the minister", "the spokesperson": the last person so described
    definite = re.fullmatch(r"[Tt]he\s+(\w+)", head)
    if definite and definite[1].lower() in _PERSON_NOUNS and not appositive:
        found = people.last(position, "person", definite[1].lower())
        if found is not None:
            return found
    if re.search(r"\b(?:been|being|be|was|were|is|are)$", head):
        return None  # "gardeners have been urged": the subject of a passive is not the speaker
    # "The mayor, Paula Strand", "Her challenger, state senator Paul Okoye": a role, then the name
    if appositive and _split_title_name(head) is None:
        named = _split_title_name("Mr " + appositive)
        if named is not None and len(named[1].split()) >= 2:
            own_role = named[0][3:].strip() if named[0] and named[0] != "Mr" else ""
            if own_role:
                return _Speaker(named[1], own_role, "person")
            if head.split()[0].lower() not in ("her", "his", "their", "its"):
                return _Speaker(named[1], _strip_article(head), "person")
    named = _split_title_name(head) if head and not head[0].isupper() else None
    if named is not None and named[0] is not None:
        known = people.full(named[1])
        if known is None and len(named[1].split()) < 2:
            return None
        return _Speaker(known.name if known else named[1], named[0], "person")
    first = head.split()[0] if head.split() else ""
    if first.lower() in _GROUP_NOUNS:
        return _Speaker(head[0].lower() + head[1:], None, "group")
    if first and first[0].islower() and first not in ("the", "a", "an", "an", "one"):
        # a lowercase opening that is no determiner is a clause, not a speaker
        if not any(w.lower() in _PERSON_NOUNS or w.lower() in _ORG_WORDS for w in head.split()):
            return None
        if first not in ("officials", "police", "residents", "analysts", "experts"):
            return None
    parts = _split_title_name(head) if head and head[0].isupper() else None
    if parts is not None and not _strip_article(head)[:1].islower():
        role, name = parts
        if role and role.split()[0] in ("The", "A", "An"):
            role = _strip_article(role)
        if appositive:
            role = _strip_article(appositive)
        known = people.full(name)
        if known is not None and len(name.split()) == 1:
            return _Speaker(known.name, role or known.role, "person")
        if known is not None:
            return _Speaker(name, role or known.role, "person")
        if len(name.split()) == 1 and role is None:
            return None
        return _Speaker(name, role, "person")
    single = head.strip(".")
    if single and " " not in single and single[0].isupper():
        known = people.full(single)
        if known is not None:
            return known
        if single.lower() in _ORG_WORDS or single.isupper():
            return _Speaker(single, None, "group")
        return None
    words = [w.lower().strip(".,") for w in head.split()]
    if not words or len(words) > 12:
        return None
    if not any(w in _PERSON_NOUNS or w in _ORG_WORDS for w in words) and not head[0].isupper():
        return None
    kind = "described" if any(w in _PERSON_NOUNS for w in words[-3:]) else "group"
    name = _article_lower(head)
    if appositive and kind == "described":
        return _Speaker(name, _strip_article(appositive), kind)
    return _Speaker(name, None, kind)


# --- attributions --------------------------------------------------------------------------

_AFTER_VERB_FIRST = compiled(rf"^\s*,?\s*{_AUX}(?:{_SPEECH})\s+(?P<np>.+)$", re.DOTALL)
_AFTER_SUBJECT_FIRST = compiled(
    rf"^\s*,?\s*(?P<np>[^“”\"]{{1,170}}?)\s+{_AUX}(?:{_SPEECH})\b", re.DOTALL
)
_AFTER_ACCORDING = compiled(r"^\s*,?\s*according\s+to\s+(?P<np>[^.;]+)", re.IGNORECASE)
_BEFORE = compiled(
    rf"(?P<np>[^“”\"]*?)\s+{_AUX}(?P<verb>{_VERB})(?P<tail>[^“”\"]{{0,100}}?)\s*[,:]?\s*$",
    re.DOTALL,
)
_BEFORE_ACCORDING = compiled(
    r"(?:^|[,;]\s*)[Aa]ccording\s+to\s+(?P<np>[^“”\"]+?)\s*[,:]\s*$", re.DOTALL
)
_TAIL_OK = compiled(
    r"^(?:\s*(?:in|on|at|via|during|to|after|before)\s+[^,:]{1,40}|\s*(?:reporters|journalists|"
    r"Reuters|AFP|the\s+\w+|a\s+\w+))*\s*[,:]?\s*$"
)


def _after_attribution(after: str) -> str | None:
    """The speaker phrase of ``"…," said X`` / ``"…," X said`` in the text after a quote."""
    if not after.strip() or (after.lstrip()[:1] not in ",." and not after.startswith(" ")):
        return None
    if after.lstrip().startswith("."):
        return None
    text = after.strip().rstrip(".")
    match = _AFTER_ACCORDING.match(text)
    if match:
        return match["np"]
    match = _AFTER_VERB_FIRST.match(text)
    if match:
        return _cut_speaker(match["np"])
    match = _AFTER_SUBJECT_FIRST.match(text)
    if match:
        return match["np"]
    return None


def _cut_speaker(np: str) -> str:
    """The speaker part of what follows "said": up to a clause the sentence goes on with."""
    cut = re.split(r"\s+(?:who|which|adding|as|when|while|after|before)\s", np, maxsplit=1)[0]
    cut = re.split(r",\s+(?:adding|noting|and|but|in|on|at|citing)\b", cut, maxsplit=1)[0]
    return cut.strip(" ,.")


def _before_attribution(before: str) -> tuple[str, bool] | None:
    """The speaker phrase of ``X said, "…"`` (and whether the quote is partial) before a quote."""
    match = _BEFORE_ACCORDING.search(before) if "ccording" in before else None
    if match:
        return match["np"], False
    # a match holds no quotation mark and runs to the end: it lies after the last mark, and
    # if there is one, there is one starting right after that mark (its subject takes in
    # what comes first); tried there alone, a miss costs one attempt, not one a character
    match = _BEFORE.match(before, max(map(before.rfind, "“”\"")) + 1)
    if match is None:
        return None
    tail = match["tail"]
    framing = re.fullmatch(_FRAMING, match["verb"]) is not None
    partial = bool(tail.strip(" ,:")) and not _TAIL_OK.match(tail)
    if partial and (len(tail) > 100 or re.search(r"[.;!?]\s", tail)):
        return None
    np = match["np"]
    # the subject is the last clause before the verb (after "X said, Y added" etc.)
    np = re.split(r"[.;!?]\s+|\bthat\s+", np)[-1]
    return np, partial or framing


@dataclass
class _Found:
    start: int
    end: int
    parts: list[tuple[int, int]]
    speaker: _Speaker | None
    partial: bool


def _sentence_at(spans: Sequence[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position < end or (position == end and start < end):
            return start, end
    return (0, 0)


def find_quotes(source: Source) -> list[Quote]:
    """Every attributed quotation in ``source``, in the order it gives them."""
    people = _People()
    found: list[Quote] = []
    offset = 0
    previous: _Found | None = None  # the last quote of the previous paragraph
    for p, paragraph in enumerate(source.paragraphs):
        spans = _quote_spans(paragraph)
        sentences = paragraph_spans(paragraph)
        quoted = [(s, e) for s, e in spans]
        # learn names from the text outside quotes, as it comes
        outside = _outside(paragraph, quoted)
        here: list[_Found] = []
        cursor = 0
        for start, end in spans:
            people.learn(outside[cursor:start], offset + cursor)
            cursor = end
            qs, qe = _verbatim(paragraph, start, end)
            if not _WORD.search(paragraph[qs:qe]):
                continue
            sent_start, _ = _sentence_at(sentences, max(0, start - 1))
            _, sent_end = _sentence_at(sentences, min(len(paragraph) - 1, end))
            prev_end = here[-1].end + 1 if here and here[-1].end + 1 > sent_start else sent_start
            before = paragraph[prev_end : max(prev_end, start - 1)]
            next_starts = [s for s, _ in spans if s > end]
            stop = min([sent_end, *(s - 1 for s in next_starts)]) if next_starts else sent_end
            after = paragraph[end + 1 : max(end + 1, stop)]
            speaker: _Speaker | None = None
            partial = False
            phrase = _after_attribution(after)
            position = offset + start
            if phrase is not None:
                speaker = _resolve(phrase, position, people)
            if speaker is None:
                before_found = _before_attribution(before)
                if before_found is not None:
                    speaker = _resolve(before_found[0], position, people)
                    partial = before_found[1]
            words = len(_WORD.findall(paragraph[qs:qe]))
            if words < 2 and not partial:
                continue
            if (
                partial
                and words <= 2
                and _SCARE.search(paragraph, 0, start)
                and re.match(r"[”\"’]?\s+[a-z]", paragraph[end:])
            ):
                continue  # the "night flights" rule: a term in quotes, not a quotation
            if speaker is None and not before.strip(" ,:—–-"):
                # "X," she said. "Y." — a bare quote continues the speaker just quoted
                continued = here[-1] if here else None
                if continued is None and sent_start == 0 and start <= 1:
                    continued = previous
                if continued is not None and continued.speaker is not None:
                    if continued in here:
                        continued.parts.append((qs, qe))
                        continued.end = end
                        continue
                    speaker = continued.speaker
            if speaker is None:
                continue
            here.append(_Found(start, end, [(qs, qe)], speaker, partial))
            people.add(position, speaker)
        people.learn(outside[cursor:], offset + cursor)
        for quote in here:
            assert quote.speaker is not None
            first_sentence = _sentence_at(sentences, max(0, quote.start - 1))[0]
            last_sentence = _sentence_at(sentences, min(len(paragraph) - 1, quote.end))[1]
            parts = tuple(paragraph[s:e] for s, e in quote.parts)
            found.append(
                Quote(
                    text=PART_JOINER.join(parts),
                    speaker=quote.speaker.name,
                    role=_own_role(quote.speaker.role),
                    source_id=source.id,
                    sources=(source.id,),
                    passage=paragraph[first_sentence:last_sentence].strip(),
                    parts=parts,
                    partial=quote.partial,
                    paragraph=p,
                )
            )
        previous = here[-1] if here and here[-1].end >= len(paragraph.rstrip()) - 2 else None
        offset += len(paragraph) + 1
    return found


def _outside(paragraph: str, spans: Iterable[tuple[int, int]]) -> str:
    """``paragraph`` with quoted text blanked out (same length, so offsets hold)."""
    chars = list(paragraph)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def _same_quote(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) >= 3 and len(small & large) >= 0.8 * len(small):
        return True
    return same_fact(a, b)


def _better_speaker(a: Quote, b: Quote) -> Quote:
    """Of two reports of one quote, the one naming its speaker best (a person, with a role)."""

    def rank(q: Quote) -> tuple[int, int, int]:
        named = 1 if q.speaker[:1].isupper() and " " in q.speaker else 0
        return (named, q.role is not None, len(q.text))

    return a if rank(a) >= rank(b) else b


def merge_quotes(found: Iterable[Quote], language: str = "english") -> list[Quote]:
    """One quote per quotation, citing every source that reports it, in first-seen order.

    The fullest wording is kept; the speaker is the best-named of the reports.
    """
    kept: list[tuple[Quote, frozenset[str]]] = []
    for quote in found:
        words = content_words(quote.text, language)
        for i, (other, other_words) in enumerate(kept):
            if _same_quote(words, other_words):
                sources = tuple(sorted(set(other.sources) | set(quote.sources), key=source_order))
                fuller = quote if len(quote.text) > len(other.text) else other
                named = _better_speaker(other, quote)
                merged = replace(fuller, sources=sources, speaker=named.speaker, role=named.role)
                kept[i] = (merged, other_words | words)
                break
        else:
            kept.append((quote, words))
    return [q for q, _ in kept]


def quotes(sources: Sequence[Source]) -> list[Quote]:
    """Every attributed quotation in ``sources``, each once, most widely reported first."""
    language = sources[0].language if sources else "english"
    return quotes_among((q for s in sources for q in find_quotes(s)), language)


def quotes_among(found: Iterable[Quote], language: str = "english") -> list[Quote]:
    """:func:`quotes` from the :func:`find_quotes` of the sources, in source order."""
    merged = merge_quotes(found, language)
    order = {id(q): i for i, q in enumerate(merged)}
    return sorted(merged, key=lambda q: (-len(q.sources), order[id(q)]))

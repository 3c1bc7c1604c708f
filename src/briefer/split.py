"""Split text into verbatim sentences, offline and fast.

A rule-based splitter tuned for English news prose. One compiled regex finds every candidate
boundary (a run of ``.``/``?``/``!``/``…``, any closing quotes or brackets, then white space);
each candidate is then judged from the word before it and the word after it: abbreviations
(titles such as ``Mr.``/``Gen.``, ``U.S.``-style initialisms, ``Jan.``/``Sept.``, ``No. 5``,
``p. 55``), initials, ``a.m.``/``p.m.``, decimals, ellipses, URLs and e-mail addresses.
Every line break ends a sentence, so headings on their own line stay on their own.

Sentences are always exact substrings of the input (only surrounding white space is dropped):
:func:`sentence_spans` gives their offsets, :func:`split_sentences` their text;
:func:`paragraph_spans` and :func:`split_paragraph` remember them for the paragraphs of a brief.

:class:`Tokenizer` wraps both halves (sentences and words) in the interface sumy's parsers and
summarisers expect, so sumy needs no NLTK data.
"""

from __future__ import annotations

import functools
import itertools
import re
import string

from .memo import Memo
from .patterns import compiled
from .typography import plain, word_table

__all__ = ["Tokenizer", "sentence_spans", "split_sentences"]

# --- vocabularies -----------------------------------------------------------------------------


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Abbreviations that (almost) always stand before a name: never the end of a sentence.
_TITLES = _vocabulary(
    """
    mr mrs ms messrs mmes dr drs prof profs gen lt col capt cpt cmdr cmdt comdr sgt maj adm
    brig cpl pvt sen sens rep reps gov govs pres supt insp amb ambs hon rev msgr
    ste gens lieut mme mlle atty
    """
)

#: Abbreviations that can end a sentence: they do only before a word that opens one.
_ABBREVIATIONS = _vocabulary(
    """
    co cos corp inc ltd llc plc bros dept depts govt univ assn assoc intl natl
    etc vs approx est jr sr esq ave blvd rd hwy mgr dir exec misc
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues thu thur thurs fri
    pct al cf ca viz det fr
    """
)

#: US state abbreviations: abbreviations only after a place and a comma ("Springfield, Ill.").
_STATES = _vocabulary(
    """
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa penn tenn tex va vt wash wis wyo
    """
)

#: Ordinary words that are abbreviations only before a number ("No. 5", "fig. 3", "p. 55").
_BEFORE_NUMBER = _vocabulary(
    """
    no nos nr n° nº p pp fig figs vol vols ch chap sec secs art arts ed op tel ext para
    paras pg pgs sat sun wed min max hr hrs mo mos yr yrs kg km
    """
)

#: Words that commonly open an English sentence; after an ambiguous abbreviation ("U.S.",
#: "Co.", "a.m.") a capitalised word from this list means a new sentence starts.
_STARTERS = _vocabulary(
    """
    the a an it its he she they we i you this that these those there here his her their our
    my your how what when where why who whom which whose but and or so yet if in on at as
    for after before since while with without by from to also however meanwhile still then
    now thus although though because some many most all both each every one no not none
    neither nor only other another such do does did is are was were will would can could
    should may might must let please yes according during under over despite earlier later
    last next first today yesterday tomorrow instead indeed further furthermore moreover
    nevertheless nonetheless otherwise besides among about around once even just more much
    few several any nothing everyone someone nobody everything officials police
    """
)

#: Month names (English, German, French, Spanish, Italian, Dutch) for "3. Oktober".
_MONTHS = _vocabulary(
    """
    january february march april may june july august september october november december
    januar februar märz mai juni juli oktober dezember jänner
    janvier février mars avril juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre
    diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    januari februari maart mei augustus
    """
)

_CLOCK = compiled(r"\s+\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\b|[AP]\.?M\b)")

_TIME_INTRO = compiled(
    r"(?=[abfjstu])"  # (?=…): the characters a match can start with
    r"(?:at|by|around|about|until|till|before|after|from|since|shortly\s+(?:before|after)"
    r"|just\s+(?:before|after))\s+(?:about\s+|around\s+|approximately\s+)?[\d:.]+\s*[ap]\.m",
    re.IGNORECASE,
)

# --- patterns ---------------------------------------------------------------------------------

_LINE = compiled(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")

_CLOSERS = "\"'”’»«“)]}›"
_CJK_CLOSERS = "」』”’）)》】〉"

#: A candidate boundary: the terminator run (spaced ". . ." ellipses included), any closing
#: quotes or brackets, then white space or the end; or a CJK terminator, which needs no space.
_CANDIDATE = compiled(
    r"(?P<term>[.?!…‽](?:[.?!…‽]|[ \u00a0][.?!…‽](?=[\s.?!…‽" + re.escape(_CLOSERS) + r"]|$))*)"
    r"(?P<close>[" + re.escape(_CLOSERS) + r"]*(?:[\u00a0\u202f ]»)?)(?=\s|$)"
    r"|(?P<cjk>[。！？｡]+[" + re.escape(_CJK_CLOSERS) + r"]*)"
)

_HAS_WORD = compiled(r"[^\W_]")
_NEXT_WORD = compiled(r"[^\w\s]*(\w*)")
_OPENERS = "\"'“‘«»‹([{¿¡*_"
_DOTTED = compiled(r"(?:[^\W\d_]\.)+[^\W\d_]")
#: A sentence so far that is only a list label: "1", "b", "iv", "• 9".
_LIST_MARKER = compiled(r"[•⁃▪◦‣∙*-]?\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})")

_BULLETS = "•⁃▪◦‣"
_LIST_START = compiled(r"\s*(?:(?P<num>\d{1,3})|(?P<let>[a-zA-Z]))(?P<delim>\.\)|\)|\.)\s")


# --- public API -------------------------------------------------------------------------------


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each sentence of ``text``, in order.

    ``text[start:end]`` is a sentence with no white space at either end and never empty.
    Every line break ends a sentence.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        for seg_start, seg_end in _list_segments(text, line.start(), line.end()):
            _split_segment(text, seg_start, seg_end, spans)
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, verbatim, in order (surrounding white space dropped)."""
    return [text[start:end] for start, end in sentence_spans(text)]


#: paragraphs whose sentence offsets are remembered before the memory is cleared
PARAGRAPH_MEMO_SIZE = 200_000

#: paragraph → its sentences' offsets: a brief splits each paragraph when cleaning, ranking
#: and reading it for the policy sections, in several processes; the offsets found in a
#: worker come back to the process that forks the next stage's workers (:mod:`briefer.memo`)
_SPANS: Memo[str, tuple[tuple[int, int], ...]] = Memo("paragraph_spans", PARAGRAPH_MEMO_SIZE)


def paragraph_spans(paragraph: str) -> list[tuple[int, int]]:
    """:func:`sentence_spans` of a paragraph, remembered."""
    found = _SPANS.get(paragraph)
    if found is None:
        found = _SPANS.put(paragraph, tuple(sentence_spans(paragraph)))
    return list(found)


def split_paragraph(paragraph: str) -> list[str]:
    """:func:`split_sentences` of a paragraph, remembered (see :func:`paragraph_spans`)."""
    return [paragraph[start:end] for start, end in paragraph_spans(paragraph)]


# --- lists ------------------------------------------------------------------------------------


def _list_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a line that is a run-in list ("1) first 2) second", "• a • b") before each item."""
    first = start
    while first < end and text[first].isspace():
        first += 1
    if first == end:
        return []
    cuts: list[int] = []
    if text[first] in _BULLETS:
        bullet = text[first]
        pos = text.find(bullet, first + 1, end)
        while pos != -1:
            if text[pos - 1].isspace():
                cuts.append(pos)
            pos = text.find(bullet, pos + 1, end)
    else:
        marker = _LIST_START.match(text, first, end)
        if marker is not None:
            cuts = _numbered_cuts(text, marker, end)
    if not cuts:
        return [(first, end)]
    bounds = [first, *cuts, end]
    return list(itertools.pairwise(bounds))


def _numbered_cuts(text: str, marker: re.Match[str], end: int) -> list[int]:
    """Positions of the items that follow ``marker`` in sequence (2 after 1, "b" after "a")."""
    delim = re.escape(marker["delim"])
    number = int(marker["num"]) if marker["num"] is not None else None
    letter = marker["let"] or ""
    cuts: list[int] = []
    pos = marker.end()
    while True:
        if number is not None:
            number += 1
            label = str(number)
        elif letter in ("z", "Z"):
            break
        else:
            letter = chr(ord(letter) + 1)
            label = letter
        item = re.compile(r"(?<=\s)" + re.escape(label) + delim + r"\s")
        found = item.search(text, pos, end)
        if found is None:
            break
        cuts.append(found.start())
        pos = found.end()
    return cuts


# --- sentence boundaries ----------------------------------------------------------------------


def _split_segment(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the sentences of ``text[start:end]`` (a line or a list item) to ``spans``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return
    first = sent_start = start
    for cand in _CANDIDATE.finditer(text, start, end):
        cut = cand.end()
        if cut >= end:
            break
        nxt = cut
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if cand["cjk"] is not None:
            # 「本当ですか？」と彼は言った: a quotation the sentence goes on after
            quoted = cand["cjk"][-1] in _CJK_CLOSERS and nxt == cut
            boundary: tuple[int, int] | None = None if quoted else (cut, nxt)
        else:
            boundary = _judge(text, sent_start, cand, nxt, end)
        if boundary is not None and boundary[0] > sent_start:
            _append(text, spans, first, sent_start, boundary[0])
            sent_start = boundary[1]
    if sent_start < end:
        _append(text, spans, first, sent_start, end)


def _append(text: str, spans: list[tuple[int, int]], first: int, start: int, end: int) -> None:
    """Add a sentence; one with no letter or digit (a stray quote) joins the one before."""
    if spans and spans[-1][0] >= first and _HAS_WORD.search(text, start, end) is None:
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def _judge(
    text: str, sent_start: int, cand: re.Match[str], nxt: int, end: int
) -> tuple[int, int] | None:
    """Whether a candidate ends the sentence: ``(end of this one, start of the next)`` or None."""
    term = cand["term"]
    term_start = cand.start()
    cut = cand.end()
    word_match = _NEXT_WORD.match(text, nxt, end)
    word = word_match[1] if word_match is not None else ""
    head = word[:1]
    if head.islower():
        return None  # "Jane and co. at the party", "Yahoo! in", '"great." she said'
    upper = head.isupper()
    attached = term_start > 0 and not text[term_start - 1].isspace()

    if "?" in term or "!" in term or "‽" in term:
        return (cut, nxt)

    dots = term.count(".") + 3 * term.count("…")
    if dots > 1:
        return _judge_ellipsis(text, term, term_start, attached, upper, cut, nxt)

    if not attached:
        return (cut, nxt)  # a lone " . " stop

    tok_start = term_start
    while tok_start > sent_start and not text[tok_start - 1].isspace():
        tok_start -= 1
    raw = text[tok_start:term_start]
    token = raw.strip(_OPENERS + _CLOSERS)
    if _abbreviation_continues(text, sent_start, tok_start, raw, token, word, upper):
        return None
    return (cut, nxt)


def _judge_ellipsis(
    text: str, term: str, term_start: int, attached: bool, upper: bool, cut: int, nxt: int
) -> tuple[int, int] | None:
    """Ellipses: "that... She" and ". . . . Next" end a sentence; " ... well" does not."""
    if not upper:
        return None
    if term_start > 0 and text[term_start - 1] in "[(":
        return None  # "[...]" marks an omission inside a quotation
    if attached and len(term) > 1 and term[0] == "." and term[1] in " \u00a0":
        # "compounds. . . . The": the sentence ends at the first stop, the ellipsis opens
        # the next one.
        return (term_start + 1, term_start + 2)
    if not attached and term.count(".") + 3 * term.count("…") <= 3:
        return None  # "the thing is . . . I didn't": an omission mid-sentence
    return (cut, nxt)


def _abbreviation_continues(
    text: str, sent_start: int, tok_start: int, raw: str, token: str, word: str, upper: bool
) -> bool:
    """True when the stop after ``token`` belongs to an abbreviation inside the sentence."""
    if not token:
        return False
    digit = word[:1].isdigit()
    starter = upper and word.lower() in _STARTERS
    if _LIST_MARKER.fullmatch(text, sent_start, tok_start + len(raw)):
        return True  # "1. The first item", "a. The first item", "• 9. The first item"
    lower = token.lower()
    if "@" in token or "/" in token:
        return False  # an e-mail address or URL ending the sentence
    if raw[-1] in _CLOSERS:
        return False  # '"yes".', "(s)." : the stop follows a quote or bracket
    if lower in _TITLES:
        return True
    if lower in ("ft", "mt") and token[0].isupper():
        return True  # "Ft. Hood", "Mt. Kenya"; but "9,000 ft. Snow fell"
    if lower == "st":
        # "St. Louis", "in St. Paul" vs the street of "Downing St. Police said"
        return not starter or not _previous_word_capitalised(text, sent_start, tok_start)
    if len(token) == 1 and token.isalpha():
        if token.islower():
            return True  # "p. 55", "v. Wade"
        if _previous_word_capitalised(text, sent_start, tok_start):
            return True  # "Jonas E. Smith", "Albert I. Jones"
        return token != "I" and not starter  # "you and I. Did" ends
    if _DOTTED.fullmatch(token):
        if lower in ("a.m", "p.m"):
            return _TIME_INTRO.fullmatch(text, sent_start, tok_start + len(raw)) is not None
        return digit or not starter  # "U.S. Government" vs "the U.S. How"
    if lower in _ABBREVIATIONS:
        return digit or not starter  # "Jan. 3", "Co. It closed"
    if lower in _BEFORE_NUMBER:
        return digit  # "No. 10", but "He said no. Then"
    if lower in _STATES and _previous_word_ends_with_comma(text, sent_start, tok_start):
        return digit or not starter  # "Cocodrie, La. Officials said" vs "He fell ill. Doctors"
    if digit and token.isdigit():
        # a dateline's date and time: "4th Jan, 2020. 12:48 pm"
        return _CLOCK.match(text, tok_start + len(raw) + 1) is not None
    # a day before its month: "am 3. Oktober", "le 1. janvier"
    return len(token) <= 2 and token.isdigit() and word.lower() in _MONTHS


def _previous_word(text: str, sent_start: int, tok_start: int) -> str:
    """The word before ``tok_start`` in this sentence ("" at its start)."""
    pos = tok_start
    while pos > sent_start and text[pos - 1].isspace():
        pos -= 1
    begin = pos
    while begin > sent_start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:pos]


def _previous_word_capitalised(text: str, sent_start: int, tok_start: int) -> bool:
    return _previous_word(text, sent_start, tok_start).lstrip(_OPENERS)[:1].isupper()


def _previous_word_ends_with_comma(text: str, sent_start: int, tok_start: int) -> bool:
    return _previous_word(text, sent_start, tok_start).endswith(",")


# --- words ------------------------------------------------------------------------------------

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_ALNUM = r"(?:(?![" + _CJK + r"])[^\W_])"


@functools.cache
def _word_pattern() -> re.Pattern[str]:
    """The tokens of text that is not all ASCII; compiled when first needed (its CJK classes
    take ~9 ms to compile, and an ASCII feed never needs it)."""
    return compiled(
        r"(?:[^\W\d_]\.){2,}(?![^\W_])"  # initialisms: U.S., a.m.
        r"|" + _ALNUM + r"(?:" + _ALNUM + r"|['’\-‐](?=" + _ALNUM + r")|(?<=\d)[.,:](?=\d))*"
        # words and numbers: Pakistan's, self-interpreting, 1970s-era, COVID-19, 2.5, 12:48
        r"|[" + _CJK + r"]"  # each CJK character is a token
    )

#: the same tokens in ASCII text, where no character is CJK (no look-ahead at each one), also
#: with typographic characters in it (:func:`~briefer.typography.plain`: "minister’s")
_PLAIN_WORD = compiled(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z0-9])"
    r"|[A-Za-z0-9](?:[A-Za-z0-9]|['’\-](?=[A-Za-z0-9])|(?<=\d)[.,:](?=\d))*"
)
#: the marks a token may hold inside (apostrophes, hyphens, the points and commas of numbers)
_TOKEN_MARKS = ".,:'’-"


#: plain text's token characters: letters and digits as they are, and the marks; the rest are
#: spaces
_TOKEN_CHARACTERS = word_table(string.digits + _TOKEN_MARKS, lower=False)


def _plain_words(sentence: str) -> list[str]:
    """``_PLAIN_WORD.findall(sentence)`` for plain text, twice as fast. Its tokens hold only
    letters, digits and ``_TOKEN_MARKS``, so the text comes apart at every other character; a
    run that is letters and digits but for marks at its ends is one token without them (no
    mark there joins anything, and an initialism needs two points inside); any other run
    goes through the pattern ("U.S.", "12.5", "don't")."""
    words: list[str] = []
    for run in sentence.translate(_TOKEN_CHARACTERS).split():
        core = run.strip(_TOKEN_MARKS)
        if core.isalnum():
            words.append(core)
        elif core:
            words += _PLAIN_WORD.findall(run)
    return words


class Tokenizer:
    """A drop-in for ``sumy.nlp.tokenizers.Tokenizer`` that needs no NLTK data.

    Sentences come from :func:`split_sentences` (abbreviation rules are English-centred but
    any language is split without error); words from one regex: letters and digits with
    internal apostrophes, hyphens and decimal points, initialisms such as ``U.S.``, and one
    token per CJK character. Punctuation never becomes a token.
    """

    def __init__(self, language: str = "english") -> None:
        self._language = language.lower()

    @property
    def language(self) -> str:
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        if plain(sentence):
            return tuple(_plain_words(sentence))
        return tuple(_word_pattern().findall(sentence))

    def __repr__(self) -> str:
        return f"Tokenizer({self._language!r})"

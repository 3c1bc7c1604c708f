"""Content words: the stemmed, stop-word-free vocabulary sentences are compared by.

Stemming is the costly part (NLTK's Snowball stemmer is pure Python), and news text repeats
its words, so each language's stems are kept once computed: :func:`cached_stemmer`.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from functools import cache
from types import ModuleType

from . import english_stem
from .patterns import compiled
from .typography import plain, plain_words, word_table

log = logging.getLogger(__name__)

_WORD = compiled(r"\w+(?:['’]\w+)*")
#: plain text's word characters, lower-cased, and apostrophes (see :func:`_content_words`)
_WORD_CHARACTERS = word_table(string.digits + "_'’")

#: stems remembered per language before the memory is cleared (about 100 bytes each)
STEM_CACHE_SIZE = 500_000


#: languages whose stemmer sumy takes straight from NLTK's Snowball module, unchanged
_NLTK_SNOWBALL = frozenset({
    "danish", "dutch", "english", "finnish", "french", "german", "hungarian", "italian",
    "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish",
})  # fmt: skip


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for ``language`` (Snowball, no data files), or lower-casing when none.

    For the languages sumy hands to NLTK's Snowball stemmers this is that very stemmer, taken
    without importing ``sumy.utils`` (which imports ``requests``: 0.1–0.2 s at every start);
    English's runs NLTK's steps faster (:mod:`briefer.english_stem`).
    """
    name = language.lower()
    quick = english_stem.stemmer() if name == "english" else None
    if quick is not None:
        return quick  # NLTK's stems, 2.3 times faster, without loading NLTK
    if name in _NLTK_SNOWBALL:
        snowball = _snowball_module()
        stem: Callable[[str], str] = getattr(snowball, f"{name.capitalize()}Stemmer")().stem
        return stem
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        return Stemmer(language)  # type: ignore[no-any-return]
    except LookupError:
        log.info("no stemmer for %s; comparing unstemmed words", language)
        return null_stemmer  # type: ignore[no-any-return]


@cache
def _snowball_module() -> ModuleType:
    """NLTK's ``nltk.stem.snowball``, the very file, loaded without running ``nltk/__init__``.

    Importing ``nltk`` runs its whole package (corpus readers, taggers, numpy: 0.25–0.5 s at
    every start) for a module that needs four small ones. The module is loaded under stand-in
    ``nltk``, ``nltk.stem`` and ``nltk.corpus`` packages (the last only lends ``stopwords``,
    which the stemmers read only with ``ignore_stopwords=True``, never used here); every
    ``nltk`` entry is then taken out of ``sys.modules`` again, so a later ``import nltk`` (sumy's
    other algorithms) runs the real package as usual. Same code, so the same stems.
    """
    import importlib
    import importlib.util
    import sys
    import types

    spec = None if "nltk" in sys.modules else importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        # the real package is loaded already (or missing: the usual ImportError)
        return importlib.import_module("nltk.stem.snowball")
    root = types.ModuleType("nltk")
    root.__path__ = list(spec.submodule_search_locations)
    stem_package = types.ModuleType("nltk.stem")
    stem_package.__path__ = [f"{folder}/stem" for folder in root.__path__]
    corpus = types.ModuleType("nltk.corpus")
    corpus.__dict__["stopwords"] = None
    before = set(sys.modules)
    sys.modules.update({"nltk": root, "nltk.stem": stem_package, "nltk.corpus": corpus})
    try:
        found = importlib.util.find_spec("nltk.stem.snowball")
        if found is None or found.loader is None:  # pragma: no cover - a broken install
            raise ImportError("nltk.stem.snowball")
        module = importlib.util.module_from_spec(found)
        sys.modules["nltk.stem.snowball"] = module
        found.loader.exec_module(module)
    finally:
        for loaded in set(sys.modules) - before:
            if loaded == "nltk" or loaded.startswith("nltk."):
                del sys.modules[loaded]
    return module


class _CachedStemmer:
    """``stemmer(language)`` remembering its answers: the same stems, computed once."""

    def __init__(self, stem: Callable[[str], str]) -> None:
        self._stem = stem
        self._known: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._known)

    def learned_since(self, mark: int) -> list[tuple[str, str]]:
        """The (word, stem) pairs learned after the first ``mark`` (all, if since cleared)."""
        known = list(self._known.items())
        return known[mark:] if mark <= len(known) else known

    def remember(self, pairs: list[tuple[str, str]]) -> None:
        if len(self._known) + len(pairs) < STEM_CACHE_SIZE:
            self._known.update(pairs)

    def __call__(self, word: str) -> str:
        found = self._known.get(word)
        if found is None:
            if len(self._known) >= STEM_CACHE_SIZE:
                self._known.clear()
            found = self._known[word] = self._stem(word)
        return found


def cached_stemmer(language: str) -> _CachedStemmer:
    """The stemmer of :func:`stemmer`, remembering every word it has stemmed."""
    found = _STEMMERS.get(language)
    if found is None:
        found = _STEMMERS[language] = _CachedStemmer(stemmer(language))
    return found


#: stems learned, by language, as :func:`stems_since` gives them
StemDelta = dict[str, list[tuple[str, str]]]


def stems_mark() -> dict[str, int]:
    """How many stems each language's cache holds now (see :func:`stems_since`)."""
    return {language: len(cached_stemmer(language)) for language in _languages()}


def stems_since(mark: dict[str, int]) -> StemDelta:
    """The stems learned since ``mark``: what a worker process sends back."""
    return {
        language: cached_stemmer(language).learned_since(mark.get(language, 0))
        for language in _languages()
    }


def remember_stems(learned: StemDelta) -> None:
    """Add stems another process learned to this process's caches."""
    for language, pairs in learned.items():
        cached_stemmer(language).remember(pairs)


def _languages() -> list[str]:
    """The languages whose cached stemmer exists in this process."""
    return list(_STEMMERS)


_STEMMERS: dict[str, _CachedStemmer] = {}


@cache
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for ``language`` (shipped with the package), or none.

    Read from sumy's own files as ``sumy.utils.get_stop_words`` reads them, without importing
    ``sumy.utils`` (and with it ``requests``) for the plain language names briefer uses.
    """
    import importlib.resources

    name = language.lower()
    if name.isalpha():
        try:
            data = (
                importlib.resources.files("sumy") / "data" / "stopwords" / f"{name}.txt"
            ).read_bytes()
        except OSError:
            pass
        else:
            return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        log.info("no stop words for %s; comparing every word", language)
        return frozenset()


#: sentences whose content words are remembered per language before the memory is cleared
CONTENT_CACHE_SIZE = 100_000

_TERM_OF: dict[str, dict[str, str | None]] = {}
_CONTENT: dict[str, dict[str, frozenset[str]]] = {}


@cache
def stems_of(words: str, language: str = "english") -> frozenset[str]:
    """The content-word stems of the space-separated ``words`` in ``language``'s stemming
    (a word list compared with :func:`content_words` must be stemmed alike: "januari")."""
    return content_words(words, language)


def content_words(text: str, language: str = "english") -> frozenset[str]:
    """The stems of ``text``'s words that carry content (no stop words, no one-letter words).

    Remembered per text: finding who reports the same fact asks again for the same sentences.
    """
    known = _CONTENT.get(language)
    if known is None:
        known = _CONTENT[language] = {}
    found = known.get(text)
    if found is None:
        if len(known) >= CONTENT_CACHE_SIZE:
            known.clear()
        found = known[text] = _content_words(text, language)
    return found


def _content_words(text: str, language: str) -> frozenset[str]:
    table = _TERM_OF.get(language)
    if table is None:
        table = _TERM_OF[language] = {}
    found = set()
    for token in _tokens(text):
        try:
            term = table[token]
        except KeyError:
            term = _content_term(table, token, language)
        if term is not None:
            found.add(term)
    return frozenset(found)


def _tokens(text: str) -> list[str]:
    """``text``'s words, lower-cased (``_WORD``'s), three times faster for plain text."""
    if plain(text):
        return plain_words(text, _WORD_CHARACTERS, _WORD)
    return _WORD.findall(text.lower())


def _content_term(table: dict[str, str | None], token: str, language: str) -> str | None:
    """The stem ``token`` stands for, or None for a stop word or a one-letter word."""
    if len(table) >= STEM_CACHE_SIZE:
        table.clear()
    word = token.replace("’", "'")
    term: str | None = None
    if len(word) >= 2 and word not in stop_words(language):
        if word.endswith("'s"):
            word = word[:-2]
        term = cached_stemmer(language)(word)
    table[token] = term
    return term

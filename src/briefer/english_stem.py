"""NLTK's English Snowball stemmer, step for step, with each step's suffixes tested at once.

NLTK's ``EnglishStemmer.stem`` tries each step's suffixes one ``endswith`` at a time: 66 calls
for a typical word, most of them finding nothing, and stemming was a quarter of a ranking
worker's time. :func:`quick_stemmer` runs the same steps in the same order, on the same suffix
lists and special words (NLTK's, Apache License 2.0), but asks first whether the word ends in
*any* of a step's suffixes (one ``endswith`` of the tuple), and goes through them one by one
only when it does; where the step's loop would find nothing it is skipped, so every answer is
NLTK's (the tests compare the lists with NLTK's and the stems on generated words and on every
suffix of every step). :func:`stemmer` gives it only when the installed
``nltk/stem/snowball.py`` is the file it was checked against (:data:`CHECKED`, NLTK 3.10.4),
which it finds without importing NLTK (``nltk.stem.snowball`` and the ``regex`` package it
pulls in: 20 ms); otherwise None, and NLTK's own stemmer is used.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from hashlib import blake2b
from pathlib import Path

#: BLAKE2b digests (16 bytes) of the ``nltk/stem/snowball.py`` files whose English stemmer
#: these steps were checked against: NLTK 3.10.4
CHECKED = frozenset({"e04a9e4114b4888a235fdf7f2be7a710"})

# NLTK's ``EnglishStemmer`` class attributes (the Snowball English algorithm's)
VOWELS = "aeiouy"
DOUBLE_CONSONANTS = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
LI_ENDING = "cdeghkmnrt"
STEP0_SUFFIXES = ("'s'", "'s", "'")
STEP1A_SUFFIXES = ("sses", "ied", "ies", "us", "ss", "s")
STEP1B_SUFFIXES = ("eedly", "ingly", "edly", "eed", "ing", "ed")
STEP2_SUFFIXES = (
    "ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli",
    "entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli",
    "izer", "ator", "alli", "bli", "ogi", "li",
)  # fmt: skip
STEP3_SUFFIXES = (
    "ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful",
)  # fmt: skip
STEP4_SUFFIXES = (
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic",
)  # fmt: skip
SPECIAL_WORDS = {
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
    "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
    "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
    "cosmos": "cosmos", "bias": "bias", "andes": "andes", "inning": "inning",
    "innings": "inning", "outing": "outing", "outings": "outing", "canning": "canning",
    "cannings": "canning", "herring": "herring", "herrings": "herring", "earring": "earring",
    "earrings": "earring", "proceed": "proceed", "proceeds": "proceed",
    "proceeded": "proceed", "proceeding": "proceed", "exceed": "exceed", "exceeds": "exceed",
    "exceeded": "exceed", "exceeding": "exceed", "succeed": "succeed", "succeeds": "succeed",
    "succeeded": "succeed", "succeeding": "succeed",
}  # fmt: skip


def _snowball_file() -> Path | None:
    """The installed ``nltk/stem/snowball.py``, found without importing NLTK."""
    loaded = sys.modules.get("nltk.stem.snowball")
    if loaded is not None:
        return Path(loaded.__file__) if loaded.__file__ else None
    try:
        spec = importlib.util.find_spec("nltk")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)), "stem", "snowball.py")


def checked(path: Path | None) -> bool:
    """Whether ``path`` is an ``nltk/stem/snowball.py`` :func:`quick_stemmer` was checked
    against."""
    try:
        data = path.read_bytes() if path is not None else b""
    except OSError:
        return False
    return blake2b(data, digest_size=16).hexdigest() in CHECKED


def stemmer() -> Callable[[str], str] | None:
    """:func:`quick_stemmer`, when the installed NLTK's English stemmer is the one it was
    checked against; else None."""
    return quick_stemmer() if checked(_snowball_file()) else None


def quick_stemmer() -> Callable[[str], str]:
    """NLTK's ``EnglishStemmer().stem`` (without stop words), faster."""
    vowels, doubles, li_ending = VOWELS, DOUBLE_CONSONANTS, LI_ENDING
    step0, step1a, step1b = STEP0_SUFFIXES, STEP1A_SUFFIXES, STEP1B_SUFFIXES
    step2, step3, step4 = STEP2_SUFFIXES, STEP3_SUFFIXES, STEP4_SUFFIXES
    special = SPECIAL_WORDS

    def regions(word: str) -> tuple[str, str]:
        # (_StandardStemmer._r1r2_standard)
        r1 = r2 = ""
        for i in range(1, len(word)):
            if word[i] not in vowels and word[i - 1] in vowels:
                r1 = word[i + 1 :]
                break
        for i in range(1, len(r1)):
            if r1[i] not in vowels and r1[i - 1] in vowels:
                r2 = r1[i + 1 :]
                break
        return r1, r2

    def replaced(
        word: str, r1: str, r2: str, suffix: str, by: str, r2_short: str = ""
    ) -> tuple[str, str, str]:
        """``suffix`` replaced by ``by`` in the word and in each region that holds all of it
        (a region shorter than the suffix becomes empty, or R2 ``r2_short``), as NLTK's
        ``suffix_replace`` and its tests do at each such step."""
        cut = len(suffix)
        return (
            word[:-cut] + by,
            r1[:-cut] + by if len(r1) >= cut else "",
            r2[:-cut] + by if len(r2) >= cut else r2_short,
        )

    def stem(word: str) -> str:  # NLTK's steps, kept in one piece to compare with its own
        word = word.lower()
        if len(word) <= 2:  # (NLTK also returns its stop words unchanged: it has none here)
            return word
        if word in special:
            return special[word]
        word = word.replace("\u2019", "\x27").replace("\u2018", "\x27").replace("\u201b", "\x27")
        if word.startswith("\x27"):
            word = word[1:]
        if word.startswith("y"):
            word = "".join(("Y", word[1:]))
        if "y" in word:  # (only a "y" after a vowel changes)
            chars = list(word)
            for i in range(1, len(chars)):
                if chars[i - 1] in vowels and chars[i] == "y":
                    chars[i] = "Y"
            word = "".join(chars)

        step1a_vowel_found = False
        step1b_vowel_found = False
        if word.startswith(("gener", "commun", "arsen")):
            r1 = word[5:] if word.startswith(("gener", "arsen")) else word[6:]
            r2 = ""
            for i in range(1, len(r1)):
                if r1[i] not in vowels and r1[i - 1] in vowels:
                    r2 = r1[i + 1 :]
                    break
        else:
            r1, r2 = regions(word)

        # STEP 0
        if word.endswith(step0):
            for suffix in step0:
                if word.endswith(suffix):
                    word = word[: -len(suffix)]
                    r1 = r1[: -len(suffix)]
                    r2 = r2[: -len(suffix)]
                    break

        # STEP 1a
        if word.endswith(step1a):
            for suffix in step1a:
                if word.endswith(suffix):
                    if suffix == "sses":
                        word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
                    elif suffix in ("ied", "ies"):
                        if len(word[: -len(suffix)]) > 1:
                            word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
                        else:
                            word, r1, r2 = word[:-1], r1[:-1], r2[:-1]
                    elif suffix == "s":
                        for letter in word[:-2]:
                            if letter in vowels:
                                step1a_vowel_found = True
                                break
                        if step1a_vowel_found:
                            word, r1, r2 = word[:-1], r1[:-1], r2[:-1]
                    break

        # STEP 1b
        if word.endswith(step1b):
            for suffix in step1b:
                if word.endswith(suffix):
                    if suffix in ("eed", "eedly"):
                        if r1.endswith(suffix):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ee")
                    else:
                        for letter in word[: -len(suffix)]:
                            if letter in vowels:
                                step1b_vowel_found = True
                                break
                        if step1b_vowel_found:
                            word = word[: -len(suffix)]
                            r1 = r1[: -len(suffix)]
                            r2 = r2[: -len(suffix)]
                            if word.endswith(("at", "bl", "iz")):
                                word = "".join((word, "e"))
                                r1 = "".join((r1, "e"))
                                if len(word) > 5 or len(r1) >= 3:
                                    r2 = "".join((r2, "e"))
                            elif word.endswith(doubles):
                                word, r1, r2 = word[:-1], r1[:-1], r2[:-1]
                            elif (
                                r1 == ""
                                and len(word) >= 3
                                and word[-1] not in vowels
                                and word[-1] not in "wxY"
                                and word[-2] in vowels
                                and word[-3] not in vowels
                            ) or (
                                r1 == ""
                                and len(word) == 2
                                and word[0] in vowels
                                and word[1] not in vowels
                            ):
                                word = "".join((word, "e"))
                                if len(r1) > 0:
                                    r1 = "".join((r1, "e"))
                                if len(r2) > 0:
                                    r2 = "".join((r2, "e"))
                    break

        # STEP 1c
        if len(word) > 2 and word[-1] in "yY" and word[-2] not in vowels:
            word = "".join((word[:-1], "i"))
            r1 = "".join((r1[:-1], "i")) if len(r1) >= 1 else ""
            r2 = "".join((r2[:-1], "i")) if len(r2) >= 1 else ""

        # STEP 2
        if word.endswith(step2):
            for suffix in step2:
                if word.endswith(suffix):
                    if r1.endswith(suffix):
                        if suffix == "tional":
                            word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
                        elif suffix in ("enci", "anci", "abli"):
                            word = "".join((word[:-1], "e"))
                            r1 = "".join((r1[:-1], "e")) if len(r1) >= 1 else ""
                            r2 = "".join((r2[:-1], "e")) if len(r2) >= 1 else ""
                        elif suffix == "entli":
                            word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
                        elif suffix in ("izer", "ization"):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ize")
                        elif suffix in ("ational", "ation", "ator"):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ate", "e")
                        elif suffix in ("alism", "aliti", "alli"):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "al")
                        elif suffix == "fulness":
                            word, r1, r2 = word[:-4], r1[:-4], r2[:-4]
                        elif suffix in ("ousli", "ousness"):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ous")
                        elif suffix in ("iveness", "iviti"):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ive", "e")
                        elif suffix in ("biliti", "bli"):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ble")
                        elif suffix == "ogi" and word[-4] == "l":
                            word, r1, r2 = word[:-1], r1[:-1], r2[:-1]
                        elif suffix in ("fulli", "lessli") or (
                            suffix == "li" and word[-3] in li_ending
                        ):
                            word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
                    break

        # STEP 3
        if word.endswith(step3):
            for suffix in step3:
                if word.endswith(suffix):
                    if r1.endswith(suffix):
                        if suffix == "tional":
                            word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
                        elif suffix == "ational":
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ate")
                        elif suffix == "alize":
                            word, r1, r2 = word[:-3], r1[:-3], r2[:-3]
                        elif suffix in ("icate", "iciti", "ical"):
                            word, r1, r2 = replaced(word, r1, r2, suffix, "ic")
                        elif suffix in ("ful", "ness"):
                            word = word[: -len(suffix)]
                            r1 = r1[: -len(suffix)]
                            r2 = r2[: -len(suffix)]
                        elif suffix == "ative" and r2.endswith(suffix):
                            word, r1, r2 = word[:-5], r1[:-5], r2[:-5]
                    break

        # STEP 4
        if word.endswith(step4):
            for suffix in step4:
                if word.endswith(suffix):
                    if r2.endswith(suffix):
                        if suffix == "ion":
                            if word[-4] in "st":
                                word, r1, r2 = word[:-3], r1[:-3], r2[:-3]
                        else:
                            word = word[: -len(suffix)]
                            r1 = r1[: -len(suffix)]
                            r2 = r2[: -len(suffix)]
                    break

        # STEP 5 (its three cases drop the last letter alike)
        if (
            (r2.endswith("l") and word[-2] == "l")
            or r2.endswith("e")
            or (
                r1.endswith("e")
                and len(word) >= 4
                and (
                    word[-2] in vowels
                    or word[-2] in "wxY"
                    or word[-3] not in vowels
                    or word[-4] in vowels
                )
            )
        ):
            word = word[:-1]

        return word.replace("Y", "y")

    return stem

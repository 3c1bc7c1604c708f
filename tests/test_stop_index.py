"""The shipped index of jusText's stop words: made from the installed lists, giving for every
word the very lists that hold it and none for any other word, refused for other lists, and
giving the cleaner the answers the lists themselves give."""

from __future__ import annotations

import functools
import random
import shutil
import string
from pathlib import Path

import pytest

from briefer import clean, stop_index


def _shipped() -> stop_index.StopIndex:
    found = stop_index.load(clean._stoplist_files())
    assert found is not None, (
        "the shipped stop-word index was made from other jusText lists: "
        "run `python -m briefer.stop_index` and commit src/briefer/data/stopwords.index"
    )
    return found


def _listed() -> dict[str, tuple[str, ...]]:
    """Each word of the lists → the names of the lists holding it, in name order."""
    holding: dict[str, list[str]] = {}
    for name, words in clean._all_stoplists().items():
        for word in words:
            holding.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in holding.items()}


def test_the_shipped_index_is_made_from_the_installed_lists() -> None:
    _shipped()
    clean._holders_of.cache_clear()
    try:  # what the cleaner uses
        assert isinstance(getattr(clean._holders_of(), "__self__", None), stop_index.StopIndex)
    finally:
        clean._holders_of.cache_clear()


def test_every_word_of_every_list_has_the_lists_holding_it() -> None:
    index = _shipped()
    listed = _listed()
    assert len(listed) > 100_000
    assert sum(len(names) > 1 for names in listed.values()) > 5_000  # words in several lists
    wrong = [word for word, names in listed.items() if index.holders(word) != names]
    assert not wrong, wrong[:10]


def test_no_other_word_is_held() -> None:
    index = _shipped()
    listed = _listed()
    rng = random.Random(7)
    others = {
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 12))) for _ in range(30_000)
    }
    others |= {word.upper() for word in list(listed)[:2_000]} | {"", " ", "de ", "ｄｅ"}
    others -= set(listed)
    assert len(others) > 25_000
    held = [word for word in others if index.holders(word)]
    assert not held, held[:10]


def test_an_index_made_from_other_lists_is_refused(tmp_path: Path) -> None:
    files = clean._stoplist_files()
    copies = {}
    for name, path in files.items():
        copies[name] = tmp_path / path.name
        shutil.copyfile(path, copies[name])
    assert stop_index.load(copies) is not None  # the same lists, elsewhere
    with copies["Welsh"].open("a", encoding="utf-8") as handle:
        handle.write("newword\n")
    assert stop_index.load(copies) is None
    del copies["Welsh"]
    assert stop_index.load(copies) is None
    data = (Path(stop_index.__file__).parent / "data" / stop_index.DATA).read_bytes()
    assert stop_index.load(files, data) is not None
    assert stop_index.load(files, data[:-1]) is None  # cut short
    assert stop_index.load(files, b"not json\n" + data.partition(b"\n")[2]) is None
    assert stop_index.load(files, b'{"words": 3}\n' + data.partition(b"\n")[2]) is None


def test_a_made_index_holds_its_words_and_nothing_else() -> None:
    files = clean._stoplist_files()
    lists = {
        "Aa": frozenset(f"word{k}" for k in range(0, 5_000)),
        "Bb": frozenset(f"word{k}" for k in range(4_000, 6_000)),
        "Cc": frozenset({"word1", "ü-wörd"}),
    }
    made = stop_index.load(files, stop_index.build(lists, files))
    assert made is not None
    assert made.holders("word1") == ("Aa", "Cc")
    assert made.holders("word4500") == ("Aa", "Bb")
    assert made.holders("word5500") == ("Bb",)
    assert made.holders("ü-wörd") == ("Cc",)
    assert not any(made.holders(f"other{k}") for k in range(5_000))
    assert made.holders("word6000") == ()


def test_two_words_with_one_digest_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stop_index, "_digest", lambda word: len(word))
    with pytest.raises(ValueError, match="digest"):
        stop_index.build({"Aa": frozenset({"ab", "cd"})}, clean._stoplist_files())


def _texts() -> list[list[str]]:
    """Lines mixing each list's words with English ones in shares from a tenth to all, and
    English lines with a few foreign words: around where English stops winning."""
    rng = random.Random(11)
    english = sorted(clean._named_stoplist("English") or ())
    content = ["harbour", "ferry", "council", "budget", "minister", "inquiry", "vote", "report"]
    texts = []
    for words in clean._all_stoplists().values():
        own = sorted(words)
        for share in (0.1, 0.3, 0.45, 0.55, 0.7, 1.0):
            lines = []
            for _ in range(12):
                line = [
                    rng.choice(own) if own and rng.random() < share else rng.choice(english)
                    for _ in range(9)
                ]
                line += rng.choices(content, k=4)
                lines.append(" ".join(line))
            texts.append(lines)
    return texts


def test_detect_stoplist_answers_as_the_lists_do(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    lists = clean._all_stoplists()

    @functools.cache
    def from_lists(word: str) -> tuple[str, ...]:
        return tuple(name for name, words in lists.items() if word in words)

    monkeypatch.setattr(clean, "_holders_of", lambda: from_lists)
    exact = [clean.detect_stoplist(lines) for lines in texts]
    shipped = _shipped()
    monkeypatch.setattr(clean, "_holders_of", lambda: shipped.holders)
    indexed = [clean.detect_stoplist(lines) for lines in texts]
    assert indexed == exact
    # both ways of answering were taken: English at once, and the lists counted
    english = clean._named_stoplist("English")
    assert sum(found == english for found in exact) > 50
    assert sum(found != english for found in exact) > 100

"""The shipped filter of jusText's stop words: made from the installed lists, never missing one
of their words, rarely letting another through, refused for other lists, and giving the
cleaner the very answers the lists themselves give."""

from __future__ import annotations

import random
import shutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer import clean, stop_filter


@pytest.fixture
def fresh_holders() -> Iterator[None]:
    """The cleaner's memory of which lists hold which words, emptied before and after."""
    clean._HOLDERS.clear()
    yield
    clean._HOLDERS.clear()


def _shipped() -> stop_filter.StopFilter:
    found = stop_filter.load(clean._stoplist_files())
    assert found is not None, (
        "the shipped stop-word filter was made from other jusText lists: "
        "run `python -m briefer.stop_filter` and commit src/briefer/data/stopwords.bloom"
    )
    return found


def test_the_shipped_filter_is_made_from_the_installed_lists() -> None:
    _shipped()
    assert isinstance(clean._may_be_stopword(), stop_filter.StopFilter)  # what the cleaner uses


def test_every_word_of_every_list_passes() -> None:
    passes = _shipped()
    words = clean._any_stopword()
    assert len(words) > 100_000
    assert all(passes(word) for word in words)


def test_few_other_words_pass() -> None:
    passes = _shipped()
    words = clean._any_stopword()
    rng = random.Random(7)
    others = {
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 12))) for _ in range(30_000)
    }
    others -= words
    let_through = sum(passes(w) for w in others) / len(others)
    assert let_through < 0.015, let_through


def test_a_filter_made_from_other_lists_is_refused(tmp_path: Path) -> None:
    files = clean._stoplist_files()
    copies = {}
    for name, path in files.items():
        copies[name] = tmp_path / path.name
        shutil.copyfile(path, copies[name])
    assert stop_filter.load(copies) is not None  # the same lists, elsewhere
    with copies["Welsh"].open("a", encoding="utf-8") as handle:
        handle.write("newword\n")
    assert stop_filter.load(copies) is None
    del copies["Welsh"]
    assert stop_filter.load(copies) is None
    data = (Path(stop_filter.__file__).parent / "data" / stop_filter.DATA).read_bytes()
    assert stop_filter.load(files, data) is not None
    assert stop_filter.load(files, data[:-1]) is None  # cut short
    assert stop_filter.load(files, b"not json\n" + data.partition(b"\n")[2]) is None


def test_a_made_filter_holds_its_words_and_little_else() -> None:
    files = clean._stoplist_files()
    words = [f"word{k}" for k in range(5_000)]
    made = stop_filter.load(files, stop_filter.build(words, files))
    assert made is not None
    assert all(made(w) for w in words)
    assert sum(made(f"other{k}") for k in range(5_000)) < 10


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


def test_detect_stoplist_answers_as_the_lists_do(
    fresh_holders: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _texts()
    union = clean._any_stopword().__contains__
    monkeypatch.setattr(clean, "_may_be_stopword", lambda: union)
    exact = [clean.detect_stoplist(lines) for lines in texts]
    clean._HOLDERS.clear()
    shipped = _shipped()
    monkeypatch.setattr(clean, "_may_be_stopword", lambda: shipped)
    filtered = [clean.detect_stoplist(lines) for lines in texts]
    assert filtered == exact
    # both ways of answering were taken: English at once, and the lists counted
    english = clean._named_stoplist("English")
    assert sum(found == english for found in exact) > 50
    assert sum(found != english for found in exact) > 100

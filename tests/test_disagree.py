"""Where sources disagree: numbers, dates and names that differ for the same fact."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefer.disagree import _names, _word_before, conflict, disagreements, refuse_merge
from briefer.merge import same_fact
from briefer.models import Metadata, Source
from briefer.words import content_words

PAIRS = json.loads(
    (Path(__file__).parent / "fixtures" / "policy" / "disagree.json").read_text(encoding="utf-8")
)["pairs"]


def test_the_fixtures_plant_enough_disagreements() -> None:
    assert sum(1 for p in PAIRS if p["kind"]) >= 10
    assert sum(1 for p in PAIRS if not p["kind"]) >= 10


@pytest.mark.parametrize("pair", PAIRS, ids=[p["a"][:40] for p in PAIRS])
def test_each_fixture_pair(pair: dict[str, str | None]) -> None:
    found = conflict(
        str(pair["a"]), dt.date.fromisoformat(str(pair["a_published"])),
        str(pair["b"]), dt.date.fromisoformat(str(pair["b_published"])),
    )  # fmt: skip
    assert (found.kind if found else None) == pair["kind"], found


def test_a_merge_can_ask_before_merging_two_tolls() -> None:
    a = "At least 12 people were killed when the ferry capsized off Kerran on Sunday."
    b = "At least 14 people were killed when the ferry capsized off Kerran on Sunday."
    # today's merge would take these for one fact; refuse_merge says it must not
    assert same_fact(content_words(a), content_words(b))
    assert refuse_merge(a, dt.date(2025, 4, 7), b, dt.date(2025, 4, 7))
    c = "At least 12 people died when the ferry capsized off Kerran on Sunday, police said."
    assert not refuse_merge(a, dt.date(2025, 4, 7), c, dt.date(2025, 4, 8))


def test_disagreements_cite_every_source_of_each_version() -> None:
    def source(sid: str, text: str) -> Source:
        return Source(
            sid, f"{sid}.txt", "text", (text, "The ferry company declined to comment."),
            Metadata(published=dt.date(2025, 4, 7)),
        )  # fmt: skip

    found = disagreements(
        [
            source("S1", "At least 12 people were killed when the ferry capsized off Kerran."),
            source("S2", "At least 14 people were killed when the ferry capsized off Kerran."),
            source("S3", "At least 12 people were killed when the ferry capsized off Kerran."),
        ]
    )
    assert len(found) == 1 and found[0].kind == "number"
    assert {(v.value, v.sources) for v in found[0].versions} == {
        ("12", ("S1", "S3")),
        ("14", ("S2",)),
    }


@pytest.mark.parametrize(
    ("a", "b", "first", "second"),
    [
        (
            "Seven crew members were rescued from the trawler off Gwadar on Monday.",
            "Nine crew members were rescued from the trawler off Gwadar on Monday.",
            "Seven",
            "Nine",
        ),
        (
            "The storm damaged TWELVE fishing boats moored at the old quay.",
            "The storm damaged 14 fishing boats moored at the old quay.",
            "TWELVE",
            "14",
        ),
        (  # a number word in text that is not ASCII
            "The storm damaged twelve fishing boats moored at the old quay in Gdańsk.",
            "The storm damaged fifteen fishing boats moored at the old quay in Gdańsk.",
            "twelve",
            "fifteen",
        ),
    ],
)
def test_numbers_written_as_words_disagree_in_any_case(
    a: str, b: str, first: str, second: str
) -> None:
    found = conflict(a, dt.date(2025, 3, 10), b, dt.date(2025, 3, 10))

    assert found is not None and found.kind == "number"
    assert (found.first, found.second) == (first, second)


_WORD = re.compile(r"[\w’'-]+")


def _word_before_by_pattern(text: str, at: int) -> str:
    """The definition: every word of the text found by the pattern, the last one starting
    before ``at``, cut at ``at``."""
    starts = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    before = [(s, e) for s, e in starts if s < at]
    return text[before[-1][0] : min(before[-1][1], at)] if before else ""


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("aZé1_’'- .,“”()\u00a0\u0663ßİ9x—")) | st.characters(),
        max_size=30,
    )
)
@example(text="ab’c d-e f'g")
def test_the_word_before_a_name_is_the_patterns(text: str) -> None:
    """Reading backwards finds the word a list of all the text's words finds, from every
    place in the text (it fails when a character of the words is missed: an apostrophe, a
    digit, a non-Latin letter)."""
    for at in range(len(text) + 1):
        assert _word_before(text, at) == _word_before_by_pattern(text, at), at


def test_names_keep_their_slots_after_words_cut_and_marks() -> None:
    text = "Shares of iPhone maker Apple fell after O’Brien-Smith’s report, said Ms Lee."
    slots = {name: slot for name, slot, _, _ in _names(text, ())}
    assert slots == {"Phone": "i", "Apple": "maker", "O’Brien-Smith’s": "after", "Ms Lee": "said"}

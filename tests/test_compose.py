"""Composing a brief from sources: what goes where, and nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest

import briefer.compose as compose_module
from briefer.compose import compose, is_candidate
from briefer.models import BriefOptions, Metadata, Source

HARBOUR_GAZETTE = Source(
    id="S1",
    file="gazette.txt",
    format="text",
    metadata=Metadata(
        title="Flood barrier approved for old harbour", published=dt.date(2024, 11, 6)
    ),
    paragraphs=(
        "Flood barrier approved for old harbour",
        "The river authority approved a €62 million flood barrier for the old harbour on "
        "Tuesday, ending a decade of argument over how to protect the district.",
        "The barrier will shield about 4,000 homes in the harbour district from winter storm "
        "surges, the authority said.",
        "The harbour district flooded in January 2014, in March 2019 and again in October 2023.",
        "Fishermen fear the barrier will narrow the harbour mouth and slow their boats.",
        "Construction is due to start in April 2025 and last two years.",
        "The authority will pay for the barrier from its flood defence budget.",
    ),
)
COAST_RADIO = Source(
    id="S2",
    file="radio.txt",
    format="text",
    metadata=Metadata(title="Old harbour gets its flood barrier", published=dt.date(2024, 11, 7)),
    paragraphs=(
        "About 4,000 homes in the harbour district will be shielded from winter storm surges "
        "by the barrier, according to the authority.",
        "The river authority on Tuesday gave its approval to the €62 million flood barrier "
        "for the old harbour.",
        '"We have waited ten years for this," said Mara Lind, who runs a bakery on the quay.',
        "Local fishermen will meet the authority on Monday to ask for a wider gate.",
        "Several residents said they would believe it when they saw the barrier built.",
    ),
)
OPTIONS = BriefOptions(today=dt.date(2024, 11, 8))


def third_source(title: str, *paragraphs: str) -> Source:
    """A third report of the harbour story (S3), published the day after the gazette's."""
    return Source(
        id="S3",
        file="quay.txt",
        format="text",
        metadata=Metadata(title=title, published=dt.date(2024, 11, 7)),
        paragraphs=paragraphs,
    )


def test_every_fact_appears_once_and_cites_all_its_reporters() -> None:
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO], [], OPTIONS)
    items = [*brief.key_points, *brief.chronology]
    texts = [i.text for i in items]
    assert len(texts) == len(set(texts))
    homes = [i for i in items if "4,000 homes" in i.text]
    assert len(homes) == 1 and homes[0].sources == ("S1", "S2")
    approval = [i for i in items if "approv" in i.text and "€62 million" in i.text]
    assert len(approval) == 1 and approval[0].sources == ("S1", "S2")


def test_the_chronology_holds_the_dated_events_in_date_order() -> None:
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO], [], OPTIONS)
    dated = {i.when.iso(): i.text for i in brief.chronology if i.when is not None}
    assert list(dated) == sorted(dated)
    # "on Tuesday" in an article of Wednesday 6 November 2024
    assert "approved" in dated["2024-11-05"] or "approval" in dated["2024-11-05"]
    assert "2025-04" in dated and "Construction" in dated["2025-04"]
    # "on Monday" in a future clause: the Monday after publication
    assert "wider gate" in dated["2024-11-11"]
    # key points are what the chronology does not already say
    assert not {i.text for i in brief.key_points} & {i.text for i in brief.chronology}


def test_headlines_and_short_fragments_are_not_quoted_as_facts() -> None:
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO], [], OPTIONS)
    texts = {i.text for i in (*brief.key_points, *brief.chronology)}
    assert "Flood barrier approved for old harbour" not in texts


def test_a_quotation_alone_is_never_a_line_of_the_brief_but_is_quoted_with_its_speaker() -> None:
    """'"The tide tables are no longer enough."' on its own would quote nobody on the page;
    "who said what" joins it to the speaker named in the sentence before."""
    quay = third_source(
        "Harbour barrier: what the quay says",
        "The river authority approved the €62 million flood barrier for the old harbour on "
        "Tuesday after a decade of argument.",
        '"We have lost three winters of trade to the water," said Mara Lind, who runs a '
        'bakery on the quay. "The tide tables are no longer enough to plan a week by."',
        '"Every surge now reaches the ovens before it reaches the square."',
        "The authority said the barrier would shield about 4,000 homes from winter storm "
        "surges.",
    )
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO, quay], [], OPTIONS)
    lines = [i.text for i in (*brief.key_points, *brief.chronology)]
    assert not any(text.startswith(('"The tide', '"Every surge')) for text in lines)
    quoted = " ".join(q.text for q in brief.who_said_what)
    assert "The tide tables are no longer enough" in quoted
    assert any(q.speaker == "Mara Lind" for q in brief.who_said_what)


def test_a_writers_own_voice_gives_way_to_reported_facts() -> None:
    """'I have lived on the quay for thirty years …' is a column's voice; a first person
    inside a quotation ('"We have waited ten years," said …') is reported speech."""
    column = Source(
        id="S3",
        file="column.txt",
        format="text",
        metadata=Metadata(title="Why the barrier matters to me", published=dt.date(2024, 11, 7)),
        paragraphs=(
            "I have lived on the quay for thirty years and I have never seen the authority "
            "move this fast on anything.",
            "My neighbours have sandbags stacked in their hallways from October to March every "
            "single year.",
            "The river authority approved the €62 million flood barrier for the old harbour on "
            "Tuesday.",
            "The barrier will shield about 4,000 homes in the harbour district from winter storm "
            "surges, the authority said.",
        ),
    )
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO, column], [], OPTIONS)
    lines = [i.text for i in (*brief.key_points, *brief.chronology)]
    assert not any(text.startswith(("I have lived", "My neighbours")) for text in lines)
    assert any("4,000 homes" in text for text in lines)


def test_title_is_the_headline_that_stands_for_the_story() -> None:
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO], [], OPTIONS)
    assert brief.title in {HARBOUR_GAZETTE.metadata.title, COAST_RADIO.metadata.title}
    assert compose([HARBOUR_GAZETTE], [], BriefOptions(title="Harbour")).title == "Harbour"


def test_candidate_sentences() -> None:
    assert is_candidate("The authority will pay for the barrier from its own budget.")
    assert not is_candidate("Read more:")
    assert not is_candidate("Share this article")
    assert not is_candidate("BREAKING NEWS FROM THE HARBOUR DISTRICT TODAY")
    assert not is_candidate("Castillo has warned, as [we reported](https://x.example/a) in May.")
    assert not is_candidate("Who will pay for the barrier in the end?")


def test_title_is_the_headline_sharing_most_words_with_the_others() -> None:
    from dataclasses import replace

    def titled(source: Source, sid: str, title: str) -> Source:
        return replace(source, id=sid, metadata=replace(source.metadata, title=title))

    sources = [
        titled(HARBOUR_GAZETTE, "S1", "River authority bakery wins a prize"),
        titled(COAST_RADIO, "S2", "River authority approves harbour flood barrier"),
        titled(HARBOUR_GAZETTE, "S3", "Fishermen fear narrower harbour mouth"),
        titled(COAST_RADIO, "S4", "Flood barrier for the old harbour"),
    ]
    # shared with the other headlines: S2 six words (river, authority with S1; harbour twice;
    # flood, barrier), S4 four, S1 and S3 two each
    assert compose(sources, [], OPTIONS).title == "River authority approves harbour flood barrier"


def test_a_shouted_line_is_told_by_its_share_of_capitals_with_or_without_accents() -> None:
    shouted = "NATO AND EU AID ARRIVES IN THE HARBOUR, officials say today."  # 65 % capitals
    spoken = "NATO AND EU AID ARRIVES IN THE HARBOUR, officials and the mayor say today."  # 53 %
    plain = "The EU and NATO said the aid arrives at the harbour in 2025."
    assert not is_candidate(shouted)
    assert is_candidate(spoken)
    assert is_candidate(plain)
    for text in (shouted, spoken, plain):
        # an ellipsis (not a letter) sends the text down the general path: the same answer
        assert is_candidate(text[:-1] + "…") == is_candidate(text)
    assert not is_candidate("BARRIÈRE DU PORT : LES TRAVAUX COMMENCENT LUNDI, dit le maire.")


def test_the_opening_half_of_a_split_quotation_is_never_a_line() -> None:
    """'"We will not wait for the next flood …' opens a quotation the next sentence closes: it
    quotes nobody, so it is never a line ("who said what" shows the quotation whole). The
    closing half names the speaker and when ('…," Mayor Ilse Brandt said on Wednesday') and
    may be one, as may a sentence that names its speaker before words that run on."""
    quay = third_source(
        "Harbour barrier: the mayor speaks",
        "The river authority approved the €62 million flood barrier for the old harbour on "
        "Tuesday after a decade of argument.",
        '"We will not wait for the next flood to find out what the barrier is worth. The '
        'money is there and the plans are ready," Mayor Ilse Brandt said on Wednesday.',
        'Harbour master Jonas Weller wrote on Thursday, "Fishermen will keep a gate of '
        "twelve metres, as the authority promised them on Monday. We have it in writing.\"",
    )
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO, quay], [], OPTIONS)
    lines = [i.text for i in (*brief.key_points, *brief.chronology, *brief.what_to_watch)]
    assert not any(text.startswith('"We will not wait') for text in lines)
    assert any(text.startswith("Harbour master Jonas Weller wrote") for text in lines)
    assert any("We will not wait" in q.text for q in brief.who_said_what)


def test_the_closing_half_of_a_quotation_gives_way_to_the_whole_quote() -> None:
    """'The money is there," Mayor Ilse Brandt said.' is the end of a quotation: dated only by
    its report, the page shows the whole quotation once, under "who said what", citing its
    source, and not its end as a key point or a chronology line."""
    quay = third_source(
        "Harbour barrier: the mayor speaks",
        "The river authority approved the €62 million flood barrier for the old harbour on "
        "Tuesday after a decade of argument.",
        '"We will not wait for the next flood to find out what the barrier is worth. The '
        'money is there and the plans are ready," Mayor Ilse Brandt said.',
    )
    brief = compose([HARBOUR_GAZETTE, COAST_RADIO, quay], [], OPTIONS)
    lines = [i.text for i in (*brief.key_points, *brief.chronology)]
    assert not any("the plans are ready" in text for text in lines)
    whole = [q for q in brief.who_said_what if "the plans are ready" in q.text]
    assert whole and "We will not wait" in whole[0].text and "S3" in whole[0].sources


def test_only_the_candidates_that_can_reach_the_page_are_merged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With room to merge only the three best undated candidates, the page keeps every dated
    event and the best key points, and a fact still cites a source whose wording of it was
    not merged."""
    whole = compose([HARBOUR_GAZETTE, COAST_RADIO], [], OPTIONS)
    monkeypatch.setattr(compose_module, "MERGE_POOL", 3)
    narrow = compose([HARBOUR_GAZETTE, COAST_RADIO], [], OPTIONS)
    dated = {i.text for i in whole.chronology if i.when and i.when.basis != "published"}
    assert dated <= {i.text for i in narrow.chronology}
    kept = [i.text for i in narrow.key_points]
    assert kept and kept == [i.text for i in whole.key_points][: len(kept)]
    assert len(kept) < len(whole.key_points)
    homes = [i for i in (*narrow.key_points, *narrow.chronology) if "4,000 homes" in i.text]
    assert len(homes) == 1 and homes[0].sources == ("S1", "S2")


def test_a_headline_never_takes_a_place_among_the_candidates_merged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Leaving headlines out while choosing the candidates to merge gives what leaving them
    out first gives: every dated or leading non-headline, and the best of the rest up to the
    pool's size, however many headlines rank among them."""
    import random

    from briefer.merge import Candidate
    from briefer.models import Sentence, When

    monkeypatch.setattr(compose_module, "MERGE_POOL", 5)
    day = When(dt.date(2024, 11, 4), "day", "explicit")
    rng = random.Random(5)
    for _ in range(200):
        candidates = [
            Candidate(
                Sentence(f"S{rng.randint(1, 4)}", k, 0, f"sentence {k}"),
                rng.choice([0.1, 0.3, 0.5, 0.7, 0.9]),  # ties are broken by source and place
                day if rng.random() < 0.2 else None,
            )
            for k in range(rng.randint(0, 30))
        ]
        leads = {(c.sentence.source_id, c.sentence.index) for c in candidates[:3]}
        headlines = {c.sentence.index for c in candidates if rng.random() < 0.3}

        def headline(c: Candidate, headlines: set[int] = headlines) -> bool:
            return c.sentence.index in headlines

        without = [c for c in candidates if not headline(c)]
        assert compose_module._reachable(candidates, leads, headline) == (
            compose_module._reachable(without, leads)
        )

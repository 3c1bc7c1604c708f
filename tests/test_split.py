"""Behaviour of the offline sentence splitter and the sumy-compatible tokenizer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.split import (
    Tokenizer,
    paragraph_spans,
    sentence_spans,
    split_paragraph,
    split_sentences,
)

# (text, expected sentences): written for briefer in the manner of the "golden rules".
CASES: list[tuple[str, list[str]]] = [
    # plain terminators
    ("The ferry left. Nobody waved.", ["The ferry left.", "Nobody waved."]),
    ("Who signed it? The minister did.", ["Who signed it?", "The minister did."]),
    ("It sank! Everyone swam.", ["It sank!", "Everyone swam."]),
    ("Really?! That cannot be.", ["Really?!", "That cannot be."]),
    ("Stop!! Wait for me.", ["Stop!!", "Wait for me."]),
    # titles and initials
    ("Dr. Amara Osei met Gov. Lee at noon.", ["Dr. Amara Osei met Gov. Lee at noon."]),
    (
        "Lt. Col. Rivera briefed Sen. Okafor and Rep. Dunn. They left early.",
        ["Lt. Col. Rivera briefed Sen. Okafor and Rep. Dunn.", "They left early."],
    ),
    (
        "The report was written by Maria T. Alvarez.",
        ["The report was written by Maria T. Alvarez."],
    ),
    (
        "That is between him and I. Did anyone ask Henry V. Cole?",
        ["That is between him and I.", "Did anyone ask Henry V. Cole?"],
    ),
    ("Pres. Macron spoke first.", ["Pres. Macron spoke first."]),
    # initialisms
    ("Aid from the U.S. Treasury arrived.", ["Aid from the U.S. Treasury arrived."]),
    ("The vote was held in the U.K. It passed.", ["The vote was held in the U.K.", "It passed."]),
    (
        "The U.N. envoy flew to Washington, D.C. on Tuesday.",
        ["The U.N. envoy flew to Washington, D.C. on Tuesday."],
    ),
    ("Exports to the E.U. fell by half.", ["Exports to the E.U. fell by half."]),
    # companies
    ("Shares of Norvik Holdings Inc. fell.", ["Shares of Norvik Holdings Inc. fell."]),
    (
        "The contract went to Halden & Co. The price was not disclosed.",
        ["The contract went to Halden & Co.", "The price was not disclosed."],
    ),
    ("Orla Corp. and Tarn Ltd. merged.", ["Orla Corp. and Tarn Ltd. merged."]),
    # dates, numbers, references
    (
        "The ceasefire began on Feb. 14. Fighting resumed in Oct. 2021.",
        ["The ceasefire began on Feb. 14.", "Fighting resumed in Oct. 2021."],
    ),
    (
        "Officials said on Tuesday (Nov. 5, 2019) that talks would resume. Turkey agreed.",
        ["Officials said on Tuesday (Nov. 5, 2019) that talks would resume.", "Turkey agreed."],
    ),
    ("See the table on p. 212 of the report.", ["See the table on p. 212 of the report."]),
    ("He lives at No. 7 Harbour Row.", ["He lives at No. 7 Harbour Row."]),
    ("He simply said no. Then he left.", ["He simply said no.", "Then he left."]),
    ("The fund holds $3.75 billion. It grew.", ["The fund holds $3.75 billion.", "It grew."]),
    ("Inflation was 4.2 per cent in 2022.", ["Inflation was 4.2 per cent in 2022."]),
    (
        "About 40 ships were idle, i.e. most of the fleet. The port (est. 1889) closed.",
        ["About 40 ships were idle, i.e. most of the fleet.", "The port (est. 1889) closed."],
    ),
    # times
    (
        "The blast came at 3:15 a.m. on Sunday. Police arrived.",
        ["The blast came at 3:15 a.m. on Sunday.", "Police arrived."],
    ),
    (
        "The market opened at 9 a.m. The index rose at once.",
        ["The market opened at 9 a.m.", "The index rose at once."],
    ),
    (
        "By 7 a.m. Ms. Tan had reached the border.",
        ["By 7 a.m. Ms. Tan had reached the border."],
    ),
    ("The vote closed at 4:12 PM on Friday.", ["The vote closed at 4:12 PM on Friday."]),
    ("Posted 9th Feb, 2021. 10:05 am", ["Posted 9th Feb, 2021. 10:05 am"]),
    ("Updated 12.48 pm. The page was edited.", ["Updated 12.48 pm.", "The page was edited."]),
    # quotes and brackets
    (
        "“The border is open,” the minister said. “Trucks are moving.”",
        ["“The border is open,” the minister said.", "“Trucks are moving.”"],
    ),
    (
        'She told reporters: "We are not leaving." The crowd cheered.',
        ['She told reporters: "We are not leaving."', "The crowd cheered."],
    ),
    ('"Is it over?" he asked the guard.', ['"Is it over?" he asked the guard.']),
    (
        "The mayor wrote: 'Our city will rebuild.' Donations rose.",
        ["The mayor wrote: 'Our city will rebuild.'", "Donations rose."],
    ),
    (
        "The island (It had been evacuated twice.) was quiet.",
        ["The island (It had been evacuated twice.) was quiet."],
    ),
    (
        "Sen. Ana Ruiz (D-Calif.) objected. She wants a vote.",
        ["Sen. Ana Ruiz (D-Calif.) objected.", "She wants a vote."],
    ),
    ("The well leaked (again). It was capped.", ["The well leaked (again).", "It was capped."]),
    # ellipses
    ("The line went dead... Nobody called back.", ["The line went dead...", "Nobody called back."]),
    ("He paused … and then continued.", ["He paused … and then continued."]),
    ("We waited.... Then it rained.", ["We waited....", "Then it rained."]),
    # URLs and e-mail
    (
        "Details are at https://example.org/files/v2.1/report.pdf. Read them.",
        ["Details are at https://example.org/files/v2.1/report.pdf.", "Read them."],
    ),
    (
        "Write to press.office@example.gov.uk. Replies take a week.",
        ["Write to press.office@example.gov.uk.", "Replies take a week."],
    ),
    # lists
    (
        "1) Close the valve 2) Call the crew 3) Log the time",
        ["1) Close the valve", "2) Call the crew", "3) Log the time"],
    ),
    (
        "1. Evacuate the coast. 2. Open shelters.",
        ["1. Evacuate the coast.", "2. Open shelters."],
    ),
    ("• Roads closed • Schools shut", ["• Roads closed", "• Schools shut"]),
    ("a. Food b. Water c. Medicine", ["a. Food", "b. Water", "c. Medicine"]),
    ("Yahoo! shares rose in early trade.", ["Yahoo! shares rose in early trade."]),
    ("Jr. staff at St. Mary's were praised.", ["Jr. staff at St. Mary's were praised."]),
    (
        "The protest moved to Downing St. Police closed the road.",
        ["The protest moved to Downing St.", "Police closed the road."],
    ),
    (
        "The crane driver fell ill. Doctors kept him.",
        ["The crane driver fell ill.", "Doctors kept him."],
    ),
    (
        "The ridge rises to 9,000 ft. Snow fell there.",
        ["The ridge rises to 9,000 ft.", "Snow fell there."],
    ),
    ("Troops left Ft. Hood in May.", ["Troops left Ft. Hood in May."]),
    (
        "The plant is in Baton Rouge, La. Officials said it was safe.",
        ["The plant is in Baton Rouge, La.", "Officials said it was safe."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
    # the remembered splitting of a brief's paragraphs, asked twice, answers alike
    assert split_paragraph(text) == expected
    assert split_paragraph(text) == expected


def test_a_remembered_split_cannot_be_changed_by_its_caller() -> None:
    paragraph = "Divers reached the wreck at dawn. The hull was intact."
    spans = paragraph_spans(paragraph)
    spans.clear()
    split_paragraph(paragraph).append("Nothing else.")
    assert paragraph_spans(paragraph) == sentence_spans(paragraph) == [(0, 33), (34, 54)]
    assert split_paragraph(paragraph) == [
        "Divers reached the wreck at dawn.",
        "The hull was intact.",
    ]


def test_line_breaks_always_end_sentences_and_headings_stand_alone() -> None:
    text = (
        "Talks resume in Geneva\n"
        "Negotiators met on Monday and\n"
        "\n"
        "  The second round starts in March.  \r\n"
        "Delegates expect a deal"
    )
    assert split_sentences(text) == [
        "Talks resume in Geneva",
        "Negotiators met on Monday and",
        "The second round starts in March.",
        "Delegates expect a deal",
    ]


def test_numbered_list_on_separate_lines() -> None:
    text = "What changed:\n1. Tariffs were cut.\n2. Quotas were lifted.\n10. Nothing else."
    assert split_sentences(text) == [
        "What changed:",
        "1. Tariffs were cut.",
        "2. Quotas were lifted.",
        "10. Nothing else.",
    ]


def test_spans_point_at_the_sentences() -> None:
    text = "  Mr. Ito resigned.  The board met at 6 p.m. It named Ms. Berg.\n\nShe starts today. "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == split_sentences(text)
    assert spans == [(2, 19), (21, 44), (45, 63), (65, 82)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "...", "\u2029"])
def test_blank_or_punctuation_only_input(text: str) -> None:
    result = split_sentences(text)
    assert all(result)
    assert "".join(result) == "".join(text.split())


def test_stray_closing_quote_stays_with_its_sentence() -> None:
    text = "The engineers shrugged. Was it safe? '"
    assert split_sentences(text) == ["The engineers shrugged.", "Was it safe? '"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "¿Dónde está el ministro? ¡Nadie lo sabe! El Sr. Gómez no respondió.",
            ["¿Dónde está el ministro?", "¡Nadie lo sabe!", "El Sr. Gómez no respondió."],
        ),
        (
            "« Nous resterons. » Le maire a parlé. Qu'en pense-t-il ?",
            ["« Nous resterons. »", "Le maire a parlé.", "Qu'en pense-t-il ?"],
        ),
        (
            "Am 9. November fiel die Mauer. »Endlich!« Die Menge jubelte.",
            ["Am 9. November fiel die Mauer.", "»Endlich!«", "Die Menge jubelte."],
        ),
        ("港口已经关闭。船只无法出海！", ["港口已经关闭。", "船只无法出海！"]),
        ("雨が降った。「本当に？」と彼は聞いた。", ["雨が降った。", "「本当に？」と彼は聞いた。"]),
    ],
)
def test_other_languages(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


# --- properties ---------------------------------------------------------------------------------

_NEWSY = st.lists(
    st.sampled_from(
        [
            *"abcXYZ019 .?!…'\"“”‘’()[]»«\n\t\u00a0:;,-@/•⁃。！？」",
            *["Mr.", "U.S.", " a.m. ", "No. ", "1) ", "2) ", " . . . ", "p.m.", "I. ", "The "],
        ]
    ),
    max_size=60,
).map("".join)


def _check_spans(text: str) -> None:
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        sentence = text[start:end]
        assert sentence == sentence.strip()
        previous_end = end
    # nothing but white space is ever dropped
    kept = "".join(text[a:b] for a, b in spans)
    assert "".join(kept.split()) == "".join(text.split())
    assert split_sentences(text) == [text[a:b] for a, b in spans]


@settings(max_examples=400)
@given(st.text(max_size=200))
def test_arbitrary_text_gives_in_order_verbatim_spans(text: str) -> None:
    _check_spans(text)


@settings(max_examples=400)
@given(_NEWSY)
def test_punctuation_heavy_text_gives_in_order_verbatim_spans(text: str) -> None:
    _check_spans(text)


# --- tokenizer ------------------------------------------------------------------------------------


def test_to_words_keeps_words_and_numbers_without_punctuation() -> None:
    words = Tokenizer().to_words(
        "Kyiv’s self-governing 1990s-era council spent $4.5 million — at 10:30, the U.S. "
        "said; don't 'panic' (COVID-19)..."
    )
    assert words == (
        "Kyiv’s", "self-governing", "1990s-era", "council", "spent", "4.5", "million",
        "at", "10:30", "the", "U.S.", "said", "don't", "panic", "COVID-19",
    )  # fmt: skip


def test_to_words_splits_cjk_into_characters() -> None:
    assert Tokenizer("chinese").to_words("港口关闭, ok") == ("港", "口", "关", "闭", "ok")


def test_tokenizer_language_and_sentences() -> None:
    tokenizer = Tokenizer("English")
    assert tokenizer.language == "english"
    assert Tokenizer().language == "english"
    assert tokenizer.to_sentences("Gen. Hale arrived. Talks began.") == (
        "Gen. Hale arrived.",
        "Talks began.",
    )


ARTICLE = """\
Flood barriers fail in river town

Flood barriers along the Marl river failed on Sunday, forcing 2,000 residents from their homes.
The Environment Agency said water rose 1.8 m in four hours. Gov. Ellen Park declared an emergency.

Rescue crews from St. Albans worked through the night. By 6 a.m. Mr. Hughes, the fire chief, said
every street had been checked. No deaths were reported.

The agency said the barriers were built in 1998. Engineers will inspect them next week. Residents
want to know why the barriers failed, and the agency promised a report on the barriers by March.
"""


def test_sumy_lexrank_runs_on_the_tokenizer() -> None:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = Tokenizer("english")
    parser = PlaintextParser.from_string(ARTICLE, tokenizer)
    document_sentences = [str(s) for s in parser.document.sentences]
    assert "By 6 a.m. Mr. Hughes, the fire chief, said every street had been checked." in (
        document_sentences
    )
    assert "Gov. Ellen Park declared an emergency." in document_sentences

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    summary = [str(s) for s in summarizer(parser.document, 3)]
    assert len(summary) == 3
    assert all(sentence in document_sentences for sentence in summary)
    # the most central sentences are about the barriers, which most sentences mention
    assert any("barriers" in sentence for sentence in summary)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("french", "Le barrage a cédé. Les habitants sont partis.\n\nLa pluie continue."),
        ("german", "Der Damm brach am 3. Mai. Die Bewohner flohen.\n\nEs regnet weiter."),
        ("spanish", "¿Quién pagará? La presa cedió. Los vecinos huyeron."),
    ],
)
def test_sumy_runs_on_other_languages(language: str, text: str) -> None:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    parser = PlaintextParser.from_string(text, Tokenizer(language))
    summary = LexRankSummarizer(Stemmer(language))(parser.document, 2)
    assert len(summary) == 2

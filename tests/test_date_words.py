"""Dates in the source's language: French, Spanish, German, Italian and Portuguese month
names, weekdays and "hier"/"ayer"/"gestern", through dating's public functions and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.date_words import MONTHS
from briefer.dating import date_sentence, find_dates
from briefer.metadata import find_dates as find_full_dates
from test_language import FRENCH, SPANISH, folder

WEDNESDAY = dt.date(2010, 3, 17)


@pytest.mark.parametrize(
    ("language", "text", "iso", "phrase"),
    [
        ("french", "Le conseil s'est réuni le 12 mars 2010 à Lyon.", "2010-03-12", "12 mars 2010"),
        ("french", "La piscine rouvrira le 1er mai.", "2010-05-01", "1er mai"),
        ("french", "Les travaux dureront jusqu'en septembre 2027.", "2027-09", "septembre 2027"),
        ("french", "Le maire a annoncé lundi la fermeture.", "2010-03-15", "lundi"),
        ("french", "Le conseil se réunira vendredi pour voter.", "2010-03-19", "vendredi"),
        ("french", "Le vote aura lieu vendredi prochain.", "2010-03-19", "vendredi prochain"),
        ("french", "Le conseil a voté mercredi dernier.", "2010-03-10", "mercredi dernier"),
        ("french", "Hier, le maire a démissionné.", "2010-03-16", "Hier"),
        ("french", "La ville a confirmé la décision avant-hier.", "2010-03-15", "avant-hier"),
        ("spanish", "Ocurrió el 3 de mayo de 2010.", "2010-05-03", "3 de mayo de 2010"),
        ("spanish", "Las obras empezarán en marzo de 2011.", "2011-03", "marzo de 2011"),
        ("spanish", "El ministro habló ayer con la prensa.", "2010-03-16", "ayer"),
        ("spanish", "El pleno votará el próximo martes.", "2010-03-23", "próximo martes"),
        ("spanish", "La tienda cerrará, según aprobó el martes el pleno.", "2010-03-16", "martes"),
        ("spanish", "Mañana se votará la reforma.", "2010-03-18", "Mañana"),
        ("german", "Die Sitzung fand am 3. Mai 2010 statt.", "2010-05-03", "3. Mai 2010"),
        ("german", "Im März 2011 wurde gewählt.", "2011-03", "März 2011"),
        ("german", "Die Regierung wird am Freitag entscheiden.", "2010-03-19", "Freitag"),
        ("german", "Der Minister sagte gestern, er trete zurück.", "2010-03-16", "gestern"),
        ("italian", "Il consiglio si è riunito il 12 marzo 2010.", "2010-03-12", "12 marzo 2010"),
        ("italian", "Il sindaco ha parlato ieri.", "2010-03-16", "ieri"),
        ("italian", "Il voto si terrà lunedì prossimo.", "2010-03-22", "lunedì prossimo"),
        ("italian", "Il ministro ha annunciato martedì le dimissioni.", "2010-03-16", "martedì"),
        ("portuguese", "Ocorreu em 3 de maio de 2010.", "2010-05-03", "3 de maio de 2010"),
        ("portuguese", "O ministro falou ontem com a imprensa.", "2010-03-16", "ontem"),
        ("portuguese", "A votação será na sexta-feira.", "2010-03-19", "sexta-feira"),
    ],
)
def test_dates_in_the_source_language(language: str, text: str, iso: str, phrase: str) -> None:
    when = date_sentence(text, WEDNESDAY, language)
    assert when is not None
    assert (when.iso(), when.phrase) == (iso, phrase)
    assert when.basis != "published"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("spanish", "Por la mañana llegó el primer tren."),  # the morning, not tomorrow
        ("german", "Heute Morgen war es ruhig."),  # "Morgen" capitalised is the morning
        ("french", "Le Mardi Gras attire des milliers de visiteurs."),
    ],
)
def test_words_that_are_not_that_date(language: str, text: str) -> None:
    phrases = [m.when.phrase for m in find_dates(text, WEDNESDAY, language=language)]
    assert "mañana" not in phrases and "Morgen" not in phrases and "Mardi" not in phrases


def test_english_text_is_read_as_before() -> None:
    text = "Mardi Gras crowds cheered the Mars rover on 12 March 2010 in New Orleans."
    mentions = find_dates(text, WEDNESDAY)
    assert [(m.when.iso(), m.when.phrase) for m in mentions] == [("2010-03-12", "12 March 2010")]
    # a French sentence read as English misses the day; read as French, it is found
    french = "Le conseil s'est réuni le 12 mars 2010."
    assert "2010-03-12" not in [m.when.iso() for m in find_dates(french, WEDNESDAY)]
    assert [m.when.iso() for m in find_dates(french, WEDNESDAY, language="french")] == [
        "2010-03-12"
    ]


def test_bylines_in_other_languages_give_publication_dates() -> None:
    assert [d for d, _, _ in find_full_dates("Par Claire Martin, Lyon Matin, 4 mars 2025")] == [
        dt.date(2025, 3, 4)
    ]
    assert [d for d, _, _ in find_full_dates("Por Lucía Ferrer, 10 de abril de 2025")] == [
        dt.date(2025, 4, 10)
    ]
    assert [d for d, _, _ in find_full_dates("Berlin, 3. Mai 2010")] == [dt.date(2010, 5, 3)]
    assert [d for d, _, _ in find_full_dates("Roma, 12 marzo 2010")] == [dt.date(2010, 3, 12)]


def test_german_dates_in_months_english_also_names_are_read() -> None:
    # "April", "August", "September", "November" are German month names too
    assert [d for d, _, _ in find_full_dates("Hamburg, 3. April 2010")] == [dt.date(2010, 4, 3)]
    assert [d for d, _, _ in find_full_dates("Stand: 12.November 2024")] == [
        dt.date(2024, 11, 12)
    ]
    assert find_full_dates("Hamburg, 3 April 2010") == [(dt.date(2010, 4, 3), 9, 21)]


def _written(language: str, month: str) -> str:
    return {
        "french": f"Publié le 3 {month} 2010",
        "spanish": f"Publicado el 3 de {month} de 2010",
        "portuguese": f"Publicado em 3 de {month} de 2010",
        "german": f"Berlin, 3. {month} 2010",
        "italian": f"Roma, 3 {month} 2010",
    }[language]


@pytest.mark.parametrize(
    ("language", "month"),
    [(language, month) for language, months in MONTHS.items() for month in months],
)
def test_every_month_name_gives_a_full_date(language: str, month: str) -> None:
    # a line of plain ASCII is read for these dates only when a quick look finds a day and
    # a month name: every name, in every language, must pass that look
    text = _written(language, month)
    assert [d.isoformat()[:7] for d, _, _ in find_full_dates(text)] == [
        f"2010-{MONTHS[language][month]:02d}"
    ]


@pytest.mark.parametrize(
    ("files", "dates", "event"),
    [
        (FRENCH, ["2025-03-05", "2025-03-04"], "2025-03-04"),  # "a voté mardi" (4 March)
        (SPANISH, ["2025-04-11", "2025-04-10"], "2025-04-08"),  # "aprobó el martes" (8 April)
    ],
)
def test_a_foreign_story_gets_its_chronology(
    tmp_path: Path, files: dict[str, str], dates: list[str], event: str
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["make", str(folder(tmp_path, files)), "-o", str(out), "-f", "json", "-q",
              "--date", "2025-06-01"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert [s["published"] for s in brief["sources"]] == dates
    assert event in [item["date"] for item in brief["chronology"]]

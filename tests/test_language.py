"""Other languages: each source's language is detected and used to summarise it;
``--language`` forces one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer import BriefOptions, make_brief
from briefer.cli import app
from briefer.language import detect_language

ROOT = Path(__file__).resolve().parents[1]

FRENCH = {
    "lyon-matin.txt": (
        "Lyon Matin | Actualités | Sports | Météo 12°C\n\n"
        "La piscine du Rhône fermera deux ans pour travaux\n\n"
        "Par Claire Martin, Lyon Matin, 4 mars 2025\n\n"
        "Le conseil municipal de Lyon a voté mardi la fermeture de la piscine du Rhône pendant "
        "deux ans pour une rénovation complète du bassin et des vestiaires.\n\n"
        "Selon la mairie, les travaux coûteront 18 millions d'euros, financés pour moitié par "
        "la métropole, et la réouverture est prévue en septembre 2027.\n\n"
        "« C'est une décision difficile, mais nécessaire : le bassin perd des milliers de litres "
        "d'eau chaque jour », a déclaré l'adjointe aux sports, Nadia Benali.\n\n"
        "Les clubs de natation, qui comptent près de 1 200 licenciés, seront accueillis dans les "
        "piscines de Vaise et de Gerland pendant la durée du chantier.\n\n"
        "À LIRE AUSSI\nLes tarifs des transports augmentent\n"
    ),
    "depeche.txt": (
        "Dépêche Rhône-Alpes\n\nLyon : la piscine du Rhône fermée jusqu'en 2027\n\n5 mars 2025\n\n"
        "La piscine du Rhône, à Lyon, fermera ses portes pendant deux ans pour des travaux de "
        "rénovation, a décidé mardi le conseil municipal.\n\n"
        "Le chantier, estimé à 18 millions d'euros, doit permettre de réparer le bassin, qui "
        "perd des milliers de litres d'eau chaque jour selon la mairie.\n\n"
        "Les nageurs des clubs lyonnais seront accueillis dans les piscines de Vaise et de "
        "Gerland, a précisé la ville.\n"
    ),
}
SPANISH = {
    "diario-levante.txt": (
        "Diario de Levante | Portada | Deportes | Tiempo 19°C\n\n"
        "Valencia cerrará el mercado de Ruzafa durante un año por obras\n\n"
        "Por Lucía Ferrer, 10 de abril de 2025\n\n"
        "El Ayuntamiento de Valencia aprobó el martes el cierre del mercado de Ruzafa durante un "
        "año para reformar la cubierta y las instalaciones eléctricas.\n\n"
        "Según el consistorio, las obras costarán 6,4 millones de euros y los puestos se "
        "trasladarán a una carpa provisional en la plaza del barrio.\n\n"
        "«Los vendedores no pueden perder un año entero de ventas», dijo el presidente de la "
        "asociación de comerciantes, Andrés Soler.\n\n"
        "Compartir en redes\nPublicidad\n"
    ),
    "agencia.txt": (
        "Agencia Mediterránea\n\nEl mercado de Ruzafa cerrará por obras\n\n11 de abril de 2025\n\n"
        "El mercado de Ruzafa de Valencia cerrará durante un año para reformar la cubierta, "
        "según aprobó el martes el Ayuntamiento.\n\n"
        "Las obras tendrán un coste de 6,4 millones de euros, informó el consistorio.\n\n"
        "Los comerciantes se trasladarán a una carpa provisional mientras duren los trabajos, "
        "aunque la asociación de vendedores teme perder a sus clientes.\n"
    ),
}


def folder(tmp_path: Path, files: dict[str, str]) -> Path:
    where = tmp_path / "story"
    where.mkdir()
    for name, text in files.items():
        (where / name).write_text(text, encoding="utf-8")
    return where


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le conseil municipal a voté mardi la fermeture de la piscine pour deux ans.", "french"),
        ("El ayuntamiento aprobó el martes el cierre del mercado durante un año.", "spanish"),
        ("Der Stadtrat hat am Dienstag beschlossen, das Hallenbad zu schließen.", "german"),
        ("Il consiglio comunale ha votato la chiusura della piscina per due anni.", "italian"),
        ("A câmara municipal aprovou na terça-feira o encerramento da piscina durante dois anos "
         "para obras, que vão custar 18 milhões de euros, segundo a autarquia.", "portuguese"),
        ("The council voted on Tuesday to close the pool for two years.", "english"),
        ("Brexit", "english"),  # too little to tell
        ("", "english"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language([text]) == expected


@pytest.mark.parametrize(("files", "language"), [(FRENCH, "french"), (SPANISH, "spanish")])
def test_a_foreign_story_gets_a_brief_in_its_own_language(
    tmp_path: Path, files: dict[str, str], language: str
) -> None:
    story = folder(tmp_path, files)
    result = CliRunner().invoke(
        app, ["make", str(story), "-o", str(tmp_path / "out"), "-f", "json", "-f", "md",
              "--date", "2025-06-01", "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "out" / "brief.json").read_text("utf-8"))
    assert [s["language"] for s in document["sources"]] == [language, language]
    bodies = " ".join(files.values())
    assert document["title"] in bodies
    assert len(document["key_points"]) >= 3
    for item in document["key_points"]:
        assert item["text"] in bodies  # verbatim, in the story's language
    # the same fact told by both sources is merged through the language's stemmer
    assert any(len(item["sources"]) == 2 for item in document["key_points"])
    assert document["key_points"][0]["text"] in (tmp_path / "out" / "brief.md").read_text("utf-8")


def test_language_option_forces_one_language(tmp_path: Path) -> None:
    story = folder(tmp_path, FRENCH)
    brief = make_brief(story, BriefOptions(language="english"))
    assert {s.language for s in brief.sources} == {"english"}
    assert {s.language for s in make_brief(story).sources} == {"french"}
    result = CliRunner().invoke(
        app, ["make", str(story), "-o", "-", "-f", "json", "--language", "Spanish", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert {s["language"] for s in json.loads(result.output)["sources"]} == {"spanish"}
    result = CliRunner().invoke(app, ["make", str(story), "-o", "-", "--language", "klingon"])
    assert result.exit_code == 2
    assert "unknown language 'klingon'" in result.output


def test_language_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = folder(tmp_path, FRENCH)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFER_LANGUAGE", raising=False)
    (tmp_path / "briefer.toml").write_text('language = "german"\n')
    result = CliRunner().invoke(app, ["make", str(story), "-o", "-", "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert {s["language"] for s in json.loads(result.output)["sources"]} == {"german"}
    result = CliRunner().invoke(
        app, ["make", str(story), "-o", "-", "-f", "json", "-q"],
        env={"BRIEFER_LANGUAGE": "auto"},
    )
    assert {s["language"] for s in json.loads(result.output)["sources"]} == {"french"}


def test_english_samples_stay_english() -> None:
    brief = make_brief(ROOT / "inputs")
    assert {s.language for s in brief.sources} == {"english"}
    for case in sorted((ROOT / "tests" / "cases").glob("*/inputs")):
        assert {s.language for s in make_brief(case).sources} == {"english"}, case


ENGLISH_LYON = {
    "lyon-herald.txt": (
        "Lyon Herald\n\nLyon to close Rhône swimming pool for two years\n\n"
        "By Tom Price, 4 March 2025\n\n"
        "Lyon's city council voted on Tuesday to close the Rhône swimming pool for two years "
        "so that its leaking basin and changing rooms can be rebuilt.\n\n"
        "The works will cost 18 million euros, half of it paid by the metropolitan authority, "
        "and the pool should reopen in September 2027, the city hall said.\n\n"
        "Swimming clubs with about 1,200 members will train at the Vaise and Gerland pools "
        "while the work goes on.\n"
    ),
    "riviera-wire.txt": (
        "Riviera Wire\n\nRhône pool in Lyon shut until 2027\n\n5 March 2025\n\n"
        "The Rhône pool in Lyon will shut for two years of renovation, the city council "
        "decided on Tuesday.\n\n"
        "The basin loses thousands of litres of water every day, according to the city hall, "
        "which put the cost of the works at 18 million euros.\n\n"
        "Club swimmers will be welcomed at the Vaise and Gerland pools, the city said.\n"
    ),
    "alpine-times.txt": (
        "Alpine Times\n\nLyon council votes to shut Rhône pool\n\n6 March 2025\n\n"
        "Lyon councillors on Tuesday approved closing the Rhône pool for two years of repairs.\n\n"
        "The 18 million euro project will fix a basin that the city hall says loses thousands "
        "of litres of water a day.\n\n"
        "Nadia Benali, the deputy mayor for sport, called the closure difficult but necessary.\n"
    ),
}


def test_a_story_told_in_two_languages_reads_each_source_in_its_own(tmp_path: Path) -> None:
    story = folder(tmp_path, {**FRENCH, **ENGLISH_LYON})
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["make", str(story), "-o", str(out), "-f", "json", "-f", "md", "--date",
              "2025-06-01", "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads((out / "brief.json").read_text("utf-8"))
    language = {s["id"]: s["language"] for s in document["sources"]}
    assert sorted(language.values()) == ["english"] * 3 + ["french"] * 2
    items = [*document["key_points"], *document["chronology"]]
    # the same fact is merged within each language, through its own stemmer and stop words
    merged = [{language[s] for s in item["sources"]} for item in items if len(item["sources"]) > 1]
    assert {"english"} in merged and {"french"} in merged
    # … but never across two: an English line does not cite a French source, nor the reverse
    for item in items:
        assert len({language[sid] for sid in item["sources"]}) == 1, item
    # both languages' sources are summarised and cited
    assert {language[sid] for item in items for sid in item["sources"]} == {"english", "french"}
    # the page's fixed words follow the majority (English here) …
    assert "## Key points" in (out / "brief.md").read_text("utf-8")
    # … and French when most sources are French
    fewer = {k: v for k, v in ENGLISH_LYON.items() if k == "lyon-herald.txt"}
    story2 = tmp_path / "story2"
    story2.mkdir()
    for name, text in {**FRENCH, **fewer}.items():
        (story2 / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["make", str(story2), "-o", str(out / "fr"), "-f", "md", "--date", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    assert "## Points clés" in (out / "fr" / "brief.md").read_text("utf-8")


def test_two_languages_never_share_a_word_when_facts_are_matched() -> None:
    from briefer.merge import FactIndex, drop_repeats
    from briefer.models import Item, Sentence

    english = "The Vaise, Gerland, Villeurbanne and Bron pools will host the clubs."
    french = "Les piscines de Vaise, Gerland, Villeurbanne et Bron accueilleront les clubs."
    french_again = (
        "Les clubs seront accueillis dans les piscines de Vaise, Gerland, Villeurbanne et Bron."
    )
    said = [Sentence("S1", 0, 0, english), Sentence("S2", 0, 0, french),
            Sentence("S3", 0, 0, french_again)]  # fmt: skip
    # read in one language, the names alone make the English and French lines one fact
    assert FactIndex(said, "english").same_as(said[0]) == [0, 1, 2]
    languages = {"S1": "english", "S2": "french", "S3": "french"}
    index = FactIndex(said, "english", languages=languages)
    assert index.same_as(said[0]) == [0]
    assert index.same_as(said[1]) == [1, 2]  # French reports of one fact still meet
    items = [Item(s.text, (s.source_id,), 1.0, source_id=s.source_id) for s in said]
    assert len(drop_repeats(items, "english")) == 1
    kept = drop_repeats(items, "english", languages)
    assert [i.sources for i in kept] == [("S1",), ("S2", "S3")]


def test_a_french_story_gets_its_timeline_dates(tmp_path: Path) -> None:
    story = folder(tmp_path, FRENCH)
    out = tmp_path / "timeline"
    result = CliRunner().invoke(app, ["timeline", str(story), "-o", str(out), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    document = json.loads((out / "timeline.json").read_text("utf-8"))
    dates = {entry["date"] for entry in document["dates"]}
    # "a voté mardi" in an article of Tuesday 4 March 2025; "prévue en septembre 2027"
    assert {"2025-03-04", "2027-09"} <= dates


def test_a_french_story_gets_its_dates_to_watch(tmp_path: Path) -> None:
    from briefer.pipeline import load_sources
    from briefer.watch import watch_items

    story = folder(tmp_path, {
        "lyon-soir.txt": (
            "Lyon Soir\n\nPiscine du Rhône : le chantier commencera le 2 juin\n\n"
            "Par Paul Girard, 6 mars 2025\n\n"
            "Le chantier de la piscine du Rhône commencera le 2 juin, a annoncé jeudi la "
            "mairie de Lyon, après le vote du conseil municipal.\n\n"
            "Les nageurs des clubs lyonnais iront à Vaise et à Gerland dès le mois de juin.\n"
        ),
    })  # fmt: skip
    sources = load_sources([story], BriefOptions()).sources
    assert [s.language for s in sources] == ["french"]
    watched = watch_items(sources)
    assert [(w.when.iso() if w.when else None) for w in watched][:1] == ["2025-06-02"]
    assert watched[0].text.startswith("Le chantier de la piscine du Rhône commencera le 2 juin")

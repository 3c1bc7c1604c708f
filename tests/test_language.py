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

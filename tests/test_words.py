"""Stems and stop words: sumy's own, for every language briefer detects, without sumy.utils."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

from briefer.language import LANGUAGES
from briefer.words import content_words, stemmer, stop_words

WORDS = {
    "english": "Regulators said the drilling companies were running emergency inspections "
    "of pipelines, organisations and universities; the spilled oil's spreading slowly",
    "french": "Les autorités ont annoncé mardi des inspections renforcées des plateformes "
    "pétrolières et des nationalisations envisagées",
    "german": "Die Behörden kündigten am Dienstag verstärkte Kontrollen der Bohrinseln und "
    "Entschädigungen für betroffene Fischer an",
    "spanish": "Las autoridades anunciaron el martes inspecciones reforzadas de las plataformas "
    "petroleras y compensaciones para los pescadores",
    "italian": "Le autorità hanno annunciato martedì ispezioni rafforzate delle piattaforme "
    "petrolifere e risarcimenti ai pescatori colpiti",
    "portuguese": "As autoridades anunciaram na terça-feira inspeções reforçadas das "
    "plataformas petrolíferas e indenizações aos pescadores",
    "swedish": "Myndigheterna meddelade på tisdagen skärpta inspektioner av oljeplattformarna "
    "och ersättningar till drabbade fiskare",
    "czech": "Úřady v úterý oznámily zpřísněné kontroly ropných plošin a odškodnění "
    "postižených rybářů",
    "slovak": "Úrady v utorok oznámili sprísnené kontroly ropných plošín a odškodnenie "
    "postihnutých rybárov",
    "ukrainian": "Влада у вівторок оголосила посилені перевірки нафтових платформ і "
    "компенсації постраждалим рибалкам",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_stems_and_stop_words_are_sumys(language: str) -> None:
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    assert stop_words(language) == frozenset(get_stop_words(language))
    theirs = Stemmer(language)
    ours = stemmer(language)
    words = WORDS[language].lower().replace(";", " ").replace(",", " ").split()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sumy's Czech stemmer warns about some words
        assert [ours(w) for w in words] == [theirs(w) for w in words]


def test_a_language_without_stop_words_compares_every_word() -> None:
    assert stop_words("klingon") == frozenset()
    assert content_words("Qapla batlh", "klingon") == frozenset({"qapla", "batlh"})


def test_stemming_english_does_not_import_sumys_web_helpers() -> None:
    # sumy.utils imports requests, 0.1-0.2 s at every start of briefer
    code = (
        "import sys; from briefer.words import content_words; "
        "assert content_words('Engineers were drilling relief wells') == "
        "{'engin', 'drill', 'relief', 'well'}; "
        "print('sumy.utils' in sys.modules, 'requests' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]

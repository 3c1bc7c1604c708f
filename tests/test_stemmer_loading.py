"""The Snowball stemmer is loaded without running NLTK's package, and leaves no trace of that."""

from __future__ import annotations

import subprocess
import sys

LOADER_CHECK = """
import sys
from briefer.words import stemmer

words = "regulators were running emergency inspections of spilled pipelines".split()
french = "les autorités ont annoncé des inspections renforcées".split()
ours = [stemmer("english")(w) for w in words], [stemmer("french")(w) for w in french]
# nothing of the stand-in packages is left behind
assert not [name for name in sys.modules if name == "nltk" or name.startswith("nltk.")]
import nltk
from nltk.stem.snowball import EnglishStemmer, FrenchStemmer

assert hasattr(nltk, "word_tokenize")  # the real package, not a stand-in
theirs = [EnglishStemmer().stem(w) for w in words], [FrenchStemmer().stem(w) for w in french]
assert ours == theirs, (ours, theirs)
print(ours[0])
"""


def test_stems_without_nltk_package_are_nltks_and_nltk_still_imports() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADER_CHECK], capture_output=True, text=True, check=True
    )
    assert "'inspect'" in done.stdout and "'pipelin'" in done.stdout


def test_stemming_after_nltk_is_imported_uses_the_real_module() -> None:
    code = (
        "import nltk.stem.snowball as real; from briefer.words import stemmer; "
        "assert stemmer('english')('running') == real.EnglishStemmer().stem('running') == 'run'; "
        "import sys; assert sys.modules['nltk.stem.snowball'] is real; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "ok"

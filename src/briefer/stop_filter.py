"""Whether a word may be a stop word of any of jusText's 100 languages, without its lists.

Telling English text from the rest asks, for the words of each article, whether they are
function words in *any* language. Answering that from the lists themselves means reading 100
files and hashing 154,000 words at every start, before the worker processes can begin
(50-90 ms). A Bloom filter of those words ships with briefer instead (256 KB): a bit array in
which each word sets three bits. It says "no" only for a word in none of the lists, and "yes"
for every word in one and for about 0.8 % of the others, so callers use it only where a
superset of the words gives the same answers as the words themselves: an upper bound, or a
test before looking in the lists.

The filter is used only with the lists it was built from: their file names and sizes are
recorded with it, and when the installed jusText's differ :func:`load` gives None (the caller
then reads the lists). ``python -m briefer.stop_filter`` builds it again from the installed
lists.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from hashlib import blake2b as _blake2b
from importlib import resources
from pathlib import Path

logger = logging.getLogger(__name__)

#: the filter holds 2**BITS bits; a word sets HASHES of them, each taken from BITS bits of
#: its BLAKE2b digest (3 × 21 of 64 bits): 0.8 % false "yes" for 154,000 words
BITS = 21
HASHES = 3
_MASK = (1 << BITS) - 1
#: the shipped filter (a JSON line describing it, then the bit array)
DATA = "stopwords.bloom"
#: words remembered per process before the memory is cleared
_MEMO_SIZE = 200_000


def _digest(word: str) -> int:
    """64 bits of the word's BLAKE2b digest: its :data:`HASHES` bit positions, :data:`BITS`
    bits each from the lowest."""
    return int.from_bytes(_blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


def _positions(word: str) -> list[int]:
    digest = _digest(word)
    return [(digest >> (BITS * k)) & _MASK for k in range(HASHES)]


def _fingerprint(files: Mapping[str, Path]) -> dict[str, int]:
    """Each list file's size, by name: what the filter was built from."""
    return {name: files[name].stat().st_size for name in sorted(files)}


class StopFilter:
    """``filter(word)``: False when ``word`` is in none of the lists (True may be wrong)."""

    def __init__(self, bits: bytes) -> None:
        self._bits = bits
        self._known: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            if len(self._known) >= _MEMO_SIZE:
                self._known.clear()
            found = self._known[word] = self._holds(_digest(word))
        return found

    def _holds(self, digest: int) -> bool:
        # the three positions (HASHES) tested inline: a word's first test is most of its cost
        bits = self._bits
        p, q, r = digest & _MASK, (digest >> BITS) & _MASK, (digest >> 2 * BITS) & _MASK
        return bool(
            bits[p >> 3] >> (p & 7) & 1
            and bits[q >> 3] >> (q & 7) & 1
            and bits[r >> 3] >> (r & 7) & 1
        )


def build(words: Iterable[str], files: Mapping[str, Path]) -> bytes:
    """The filter of ``words`` as stored: its description line, then the bit array."""
    bits = bytearray(1 << (BITS - 3))
    for word in words:
        for p in _positions(word):
            bits[p >> 3] |= 1 << (p & 7)
    header = {"bits": BITS, "hashes": HASHES, "lists": _fingerprint(files)}
    return json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + bytes(bits)


def load(files: Mapping[str, Path], data: bytes | None = None) -> StopFilter | None:
    """The shipped filter (or ``data``), if it was built from these list ``files``."""
    try:
        if data is None:
            data = resources.files("briefer").joinpath("data", DATA).read_bytes()
        line, _, bits = data.partition(b"\n")
        header = json.loads(line)
        fits = (
            header.get("bits") == BITS
            and header.get("hashes") == HASHES
            and len(bits) == 1 << (BITS - 3)
            and header.get("lists") == _fingerprint(files)
        )
    except (OSError, ValueError) as error:
        logger.debug("no stop-word filter (%s): reading the lists", error)
        return None
    if not fits:
        logger.debug("the stop-word filter was built from other lists: reading the lists")
        return None
    return StopFilter(bits)


def main() -> None:  # pragma: no cover - run by hand when jusText's lists change
    """Write the filter of the installed jusText's lists into briefer's data folder."""
    from .clean import _any_stopword, _stoplist_files

    files = _stoplist_files()
    target = Path(__file__).with_name("data") / DATA
    target.write_bytes(build(sorted(_any_stopword()), files))
    print(f"wrote {target} from {len(files)} lists")


if __name__ == "__main__":  # pragma: no cover
    main()

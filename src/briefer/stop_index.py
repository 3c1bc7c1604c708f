"""Which of jusText's 100 stop-word lists hold a word, without reading the lists.

Telling English text from the rest asks, for the words of each article, whether they are
function words in *any* language, and for an article English does not win at once, in which
languages. Answering that from the lists themselves means reading 100 files and hashing their
154,000 words (50-60 ms, in every worker process that meets such an article). An index of
those words ships with briefer instead: each word's 64-bit BLAKE2b digest, in order, with the
lists that hold it. A word is looked up by its digest (in one of 4,096 buckets, then by
halving); the index holds no two words with the same digest (its building checks), and
another word has one chance in 10^14 of taking a listed word's.

The index is used only with the lists it was built from: their file names and sizes are
recorded with it, and when the installed jusText's differ :func:`load` gives None (the caller
then reads the lists). ``python -m briefer.stop_index`` builds it again from the installed
lists.
"""

from __future__ import annotations

import json
import logging
import sys
from array import array
from bisect import bisect_left
from collections.abc import Mapping
from hashlib import blake2b as _blake2b
from importlib import resources
from pathlib import Path

logger = logging.getLogger(__name__)

#: the shipped index: a JSON line describing it, then the digests, the words' holders (as
#: numbers of the combinations of lists listed in the JSON line) and the buckets' starts
DATA = "stopwords.index"
#: the digests are put in 2**BUCKET_BITS buckets by their highest bits
BUCKET_BITS = 12
#: words remembered per process before the memory is cleared
_MEMO_SIZE = 200_000
_LITTLE = sys.byteorder == "little"


def _digest(word: str) -> int:
    """The word's 64-bit BLAKE2b digest."""
    return int.from_bytes(_blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


def _fingerprint(files: Mapping[str, Path]) -> dict[str, int]:
    """Each list file's size, by name: what the index was built from."""
    return {name: files[name].stat().st_size for name in sorted(files)}


def _array(code: str, data: memoryview) -> array[int]:
    found = array(code)
    found.frombytes(data)
    if not _LITTLE:  # pragma: no cover - stored little-endian
        found.byteswap()
    return found


class StopIndex:
    """``index.holders(word)``: the names of the lists holding ``word``, in name order (none:
    a stop word in no language)."""

    def __init__(
        self,
        combinations: list[tuple[str, ...]],
        digests: array[int],
        holders: array[int],
        starts: array[int],
    ) -> None:
        self._combinations = combinations
        self._digests = digests
        self._holders = holders
        self._starts = starts
        self._known: dict[str, tuple[str, ...]] = {}

    def holders(self, word: str) -> tuple[str, ...]:
        found = self._known.get(word)
        if found is None:
            if len(self._known) >= _MEMO_SIZE:
                self._known.clear()
            digest = _digest(word)
            bucket = digest >> (64 - BUCKET_BITS)
            end = self._starts[bucket + 1]
            at = bisect_left(self._digests, digest, self._starts[bucket], end)
            listed = at < end and self._digests[at] == digest
            found = self._known[word] = self._combinations[self._holders[at]] if listed else ()
        return found


def build(lists: Mapping[str, frozenset[str]], files: Mapping[str, Path]) -> bytes:
    """The index of ``lists`` (name → words) as stored: its description line, then the
    arrays. Raises ValueError if two words have the same digest."""
    names = sorted(lists)
    holding: dict[str, list[int]] = {}
    for number, name in enumerate(names):
        for word in lists[name]:
            holding.setdefault(word, []).append(number)
    by_digest: dict[int, tuple[int, ...]] = {}
    for word, numbers in holding.items():
        digest = _digest(word)
        if digest in by_digest:
            raise ValueError(f"two words with the digest of {word!r}: the index cannot tell them")
        by_digest[digest] = tuple(numbers)
    digests = sorted(by_digest)
    combinations = sorted(set(by_digest.values()))
    number_of = {combination: n for n, combination in enumerate(combinations)}
    starts = [bisect_left(digests, b << (64 - BUCKET_BITS)) for b in range(1 << BUCKET_BITS)]
    header = {
        "lists": _fingerprint(files),
        "names": names,
        "combinations": combinations,
        "words": len(digests),
        "buckets": BUCKET_BITS,
    }
    parts = [
        array("Q", digests),
        array("H", [number_of[by_digest[d]] for d in digests]),
        array("I", [*starts, len(digests)]),
    ]
    if not _LITTLE:  # pragma: no cover
        for part in parts:
            part.byteswap()
    line = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")
    return line + b"\n" + b"".join(part.tobytes() for part in parts)


def load(files: Mapping[str, Path], data: bytes | None = None) -> StopIndex | None:
    """The shipped index (or ``data``), if it was built from these list ``files``."""
    try:
        if data is None:
            data = resources.files("briefer").joinpath("data", DATA).read_bytes()
        newline = data.index(b"\n")
        header = json.loads(data[:newline])
        count = header["words"]
        names = header["names"]
        combinations = [tuple(names[n] for n in numbers) for numbers in header["combinations"]]
        sizes = (8 * count, 2 * count, 4 * ((1 << BUCKET_BITS) + 1))
        fits = (
            header.get("buckets") == BUCKET_BITS
            and len(data) - newline - 1 == sum(sizes)
            and header.get("lists") == _fingerprint(files)
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        logger.debug("no stop-word index (%s): reading the lists", error)
        return None
    if not fits:
        logger.debug("the stop-word index was built from other lists: reading the lists")
        return None
    body = memoryview(data)[newline + 1 :]  # (not copied before the arrays take it)
    digests = _array("Q", body[: sizes[0]])
    holders = _array("H", body[sizes[0] : sizes[0] + sizes[1]])
    starts = _array("I", body[sizes[0] + sizes[1] :])
    return StopIndex(combinations, digests, holders, starts)


def main() -> None:  # pragma: no cover - run by hand when jusText's lists change
    """Write the index of the installed jusText's lists into briefer's data folder."""
    from .clean import _all_stoplists, _stoplist_files

    files = _stoplist_files()
    target = Path(__file__).with_name("data") / DATA
    target.write_bytes(build(_all_stoplists(), files))
    print(f"wrote {target} from {len(files)} lists")


if __name__ == "__main__":  # pragma: no cover
    main()

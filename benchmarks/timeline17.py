"""Reading Timeline17 (shared by the benchmarks): articles detokenised back to prose.

The data is PTB-tokenised, one sentence per line (``BP 's``, ``-LRB-``, ``` `` ``` and ``''``);
briefer reads normal prose, so the benchmarks turn it back. The folder lives at
``../shared/data/timeline17`` beside the checkout, or wherever ``BRIEFER_T17`` points.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(
    os.environ.get("BRIEFER_T17", Path(__file__).resolve().parents[2] / "shared/data/timeline17")
)

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def detokenise(line: str) -> str:
    """One PTB-tokenised sentence as normal prose."""
    text = line.strip()
    for token, char in _BRACKETS.items():
        text = text.replace(token, char)
    text = re.sub(r"``\s*", '"', text)
    text = re.sub(r"\s*''", '"', text)
    text = re.sub(r"\s+(n't|'s|'re|'ve|'m|'ll|'d)\b", r"\1", text, flags=re.I)
    text = re.sub(r"\s+([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


@dataclass(frozen=True)
class Article:
    folder: str
    published: str
    id: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def available() -> bool:
    return ROOT.is_dir()


def folders() -> list[str]:
    return sorted(p.name for p in ROOT.iterdir() if (p / "InputDocs").is_dir())


def articles(folder: str) -> Iterator[Article]:
    for day in sorted((ROOT / folder / "InputDocs").iterdir()):
        for path in sorted(day.glob("*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace").splitlines()
            sentences = tuple(s for s in (detokenise(x) for x in raw) if s)
            if sentences:
                yield Article(folder, day.name, path.name.split(".")[0], sentences)


def reference_timelines(folder: str) -> dict[str, list[tuple[str, list[str]]]]:
    """``{timeline name: [(date, [sentence, ...]), ...]}`` from ``timelines/*.txt``."""
    result = {}
    for path in sorted((ROOT / folder / "timelines").glob("*.txt")):
        entries: list[tuple[str, list[str]]] = []
        date, sents = None, []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", line.strip()):
                date, sents = line.strip(), []
            elif line.startswith("-----"):
                if date:
                    entries.append((date, sents))
                date = None
            elif line.strip() and date:
                sents.append(detokenise(line))
        if date:
            entries.append((date, sents))
        result[path.stem] = entries
    return result


def feed_line(article: Article) -> str:
    return json.dumps(
        {
            "id": f"{article.folder}/{article.published}/{article.id}",
            "title": article.sentences[0][:200],
            "text": "\n".join(article.sentences),
            "published": article.published,
            "outlet": article.folder.split("_", 1)[-1],
        },
        ensure_ascii=False,
    )

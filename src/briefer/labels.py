"""The page's fixed words ("Key points", "Chronology", "Sources" …) in the brief's language.

The brief's language is its sources' most common one (``Source.language``, detected or
forced by ``--language``). The Markdown template gets them as ``labels`` (``{{
labels.key_points }}``) with ``language``; a template can set its own words instead
(``{% set labels = dict(labels, key_points="Lo esencial") %}`` or plain text). The Word
template can name its own in a body paragraph::

    briefer labels: key_points = Points clés; sources = Nos sources

Languages without a list here fall back to English, label by label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document

    from .layout import Block
    from .models import Brief

LABELS_LINE = "briefer labels:"

ENGLISH = {
    "key_points": "Key points",
    "chronology": "Chronology",
    "what_to_watch": "What to watch",
    "who_said_what": "Who said what",
    "why_it_matters": "Why it matters",
    "disagreements": "Where sources disagree",
    "sources": "Sources",
    "reported": "(reported)",
    "meta_one": "Brief generated {date} from 1 source",
    "meta_many": "Brief generated {date} from {count} sources",
}

LABELS: dict[str, dict[str, str]] = {
    "english": ENGLISH,
    "french": {
        "key_points": "Points clés",
        "chronology": "Chronologie",
        "what_to_watch": "À surveiller",
        "who_said_what": "Qui a dit quoi",
        "why_it_matters": "Pourquoi c'est important",
        "disagreements": "Où les sources divergent",
        "sources": "Sources",
        "reported": "(rapporté)",
        "meta_one": "Note établie le {date} à partir d'une source",
        "meta_many": "Note établie le {date} à partir de {count} sources",
    },
    "spanish": {
        "key_points": "Puntos clave",
        "chronology": "Cronología",
        "what_to_watch": "Qué vigilar",
        "who_said_what": "Quién dijo qué",
        "why_it_matters": "Por qué importa",
        "disagreements": "Dónde difieren las fuentes",
        "sources": "Fuentes",
        "reported": "(informado)",
        "meta_one": "Informe generado el {date} a partir de 1 fuente",
        "meta_many": "Informe generado el {date} a partir de {count} fuentes",
    },
    "german": {
        "key_points": "Kernpunkte",
        "chronology": "Chronologie",
        "what_to_watch": "Was zu beobachten ist",
        "who_said_what": "Wer was sagte",
        "why_it_matters": "Warum es wichtig ist",
        "disagreements": "Wo die Quellen abweichen",
        "sources": "Quellen",
        "reported": "(gemeldet)",
        "meta_one": "Briefing vom {date} aus 1 Quelle",
        "meta_many": "Briefing vom {date} aus {count} Quellen",
    },
    "italian": {
        "key_points": "Punti chiave",
        "chronology": "Cronologia",
        "what_to_watch": "Da seguire",
        "who_said_what": "Chi ha detto cosa",
        "why_it_matters": "Perché è importante",
        "disagreements": "Dove le fonti divergono",
        "sources": "Fonti",
        "reported": "(riportato)",
        "meta_one": "Nota generata il {date} da 1 fonte",
        "meta_many": "Nota generata il {date} da {count} fonti",
    },
    "portuguese": {
        "key_points": "Pontos principais",
        "chronology": "Cronologia",
        "what_to_watch": "O que acompanhar",
        "who_said_what": "Quem disse o quê",
        "why_it_matters": "Por que importa",
        "disagreements": "Onde as fontes divergem",
        "sources": "Fontes",
        "reported": "(noticiado)",
        "meta_one": "Nota gerada em {date} a partir de 1 fonte",
        "meta_many": "Nota gerada em {date} a partir de {count} fontes",
    },
}


def brief_language(brief: Brief) -> str:
    """The language most of the brief's sources are in (ties: alphabetical), else English."""
    counts = Counter(source.language for source in brief.sources)
    if not counts:
        return "english"
    language, _ = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return language


def labels_for(language: str, own: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every label in ``language`` (English where it has none), ``own`` words over them."""
    chosen = {**ENGLISH, **LABELS.get(language, {})}
    chosen.update({k: v for k, v in (own or {}).items() if k in ENGLISH and v})
    return chosen


def word_labels(document: Document) -> dict[str, str]:
    """The labels a Word template names in a ``briefer labels: key = words; …`` paragraph."""
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if text.lower().startswith(LABELS_LINE):
            found = {}
            for part in text[len(LABELS_LINE) :].split(";"):
                key, _, value = part.partition("=")
                if key.strip() in ENGLISH and value.strip():
                    found[key.strip()] = value.strip()
            return found
    return {}


def meta_text(brief: Brief, labels: Mapping[str, str]) -> str:
    """The line under the title ("Brief generated 2025-04-01 from 3 sources") in ``labels``."""
    count = len(brief.sources)
    pattern = labels["meta_one"] if count == 1 else labels["meta_many"]
    return pattern.replace("{date}", brief.generated.isoformat()).replace("{count}", str(count))


def translate_blocks(
    blocks: Sequence[Block], brief: Brief, labels: Mapping[str, str]
) -> tuple[Block, ...]:
    """The Word page's ``blocks`` with its fixed words in ``labels``: section headings
    (``Heading 1`` blocks), the line under the title and the "(reported)" marks."""
    from dataclasses import replace

    english = {text: key for key, text in ENGLISH.items()}
    meta = meta_text(brief, ENGLISH)
    reported = " " + ENGLISH["reported"]
    out = []
    for block in blocks:
        text = "".join(run.text for run in block.runs)
        if block.style == "Heading 1" and len(block.runs) == 1 and text in english:
            block = replace(block, runs=(replace(block.runs[0], text=labels[english[text]]),))
        elif block.style == "Meta" and text == meta:
            block = replace(block, runs=(replace(block.runs[0], text=meta_text(brief, labels)),))
        elif any(run.text == reported for run in block.runs):
            runs = tuple(
                replace(run, text=" " + labels["reported"]) if run.text == reported else run
                for run in block.runs
            )
            block = replace(block, runs=runs)
        out.append(block)
    return tuple(out)

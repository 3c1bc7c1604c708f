"""Golden cases: run ``briefer make`` on every ``tests/cases/<name>/`` and check the brief.

Each case folder holds ``inputs/`` (messy articles about one story) and ``gold.json`` (what a
correct brief must show: source metadata, dated events, merged duplicates, page chrome that
must not leak, files that must be skipped). Add a case by adding a folder; no code changes.

The checks follow the project's scoring rules (``eval/README.md`` in the shared reference
material) and are written out here so the suite never depends on that folder. Every problem in
a case is collected and reported at once, each saying what was expected and what came out.
The one-page LibreOffice rendering check lives elsewhere.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import traceback
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "gold.json").is_file())
FORMATS = ("md", "docx", "json")
MAX_WORDS = 650
NEAR_DUPLICATE = 0.6

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u00a0": " ",
})
_STOP_TEXT = """
a an the of to in on for and or but is are was were be been by with at from as that this it its
he she they we you i his her their our has have had not no will would said says say after before
over about into than then also which who whom what when where there here up out more most such
can could may might should do does did
"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())

Item = dict[str, Any]


# --- text normalisation -------------------------------------------------------------------


def normal(text: str) -> str:
    """NFKC, straight quotes and hyphens, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def squashed(text: str) -> str:
    """Normalised text without any white space: words and order must match, spacing need not."""
    return re.sub(r"\s+", "", normal(text))


def content_words(text: str) -> set[str]:
    return {
        w for w in re.findall(r"[a-z0-9]+", normal(text).lower())
        if len(w) > 2 and w not in _STOP_WORDS
    }


def short(text: str, n: int = 90) -> str:
    text = normal(text)
    return text if len(text) <= n else text[: n - 1] + "…"


# --- reading inputs and outputs -----------------------------------------------------------


def docx_paragraphs(path: Path, with_margins: bool = False) -> list[str]:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    if with_margins:
        for section in document.sections:
            for margin in (section.header, section.footer):
                parts += [p.text for p in margin.paragraphs]
    return parts


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _json_strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _json_strings(inner)


def source_text(path: Path) -> str:
    """Everything a sentence of this input file could legitimately be copied from."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return "\n".join(docx_paragraphs(path))
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if suffix in {".html", ".htm", ".xhtml"}:
        import lxml.html

        tree = lxml.html.fromstring(text.encode("utf-8"))
        for element in tree.xpath("//script|//style"):
            element.drop_tree()
        return "\n".join(tree.itertext())
    if suffix in {".json", ".jsonl", ".ndjson"}:
        try:
            return "\n".join(_json_strings(json.loads(text)))
        except json.JSONDecodeError:
            strings: list[str] = []
            for line in text.splitlines():
                try:
                    strings += _json_strings(json.loads(line))
                except json.JSONDecodeError:
                    continue
            return "\n".join(strings)
    return text


def run_briefer(inputs: Path, out: Path) -> tuple[int, str]:
    """Run ``briefer make`` in-process; the exit code and everything it printed."""
    try:
        from typer.testing import CliRunner

        from briefer.cli import app
    except ImportError as error:
        pytest.fail(f"expected the CLI at briefer.cli.app, but it cannot be imported: {error}")
    args = ["make", str(inputs), "-o", str(out)]
    for fmt in FORMATS:
        args += ["--format", fmt]
    result = CliRunner().invoke(app, args)
    output = result.output
    if result.exc_info is not None and not isinstance(result.exception, SystemExit):
        output += "".join(traceback.format_exception(*result.exc_info))
    return result.exit_code, output


# --- dates --------------------------------------------------------------------------------


def parse_date(value: str) -> tuple[dt.date, str]:
    """``2019-12-20`` is a day, ``2018-08`` a month, ``2018`` a year."""
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 1, 1), "year"
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1), "month"
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2])), "day"


def date_matches(got: str, want: str) -> bool:
    """A day must be a day within one day; a month the same month; a year the same year."""
    try:
        got_date, got_precision = parse_date(got)
    except (ValueError, AttributeError):
        return False
    want_date, want_precision = parse_date(want)
    if want_precision == "day":
        return got_precision == "day" and abs((got_date - want_date).days) <= 1
    if want_precision == "month":
        return (got_date.year, got_date.month) == (want_date.year, want_date.month)
    return got_date.year == want_date.year


def keyword_count(text: str, keywords: list[str]) -> int:
    low = normal(text).lower()
    return sum(1 for k in keywords if k.lower() in low)


# --- the checks ---------------------------------------------------------------------------


class Case:
    """One case's gold facts, inputs and the brief briefer wrote for it."""

    def __init__(self, folder: Path, out: Path) -> None:
        self.gold: dict[str, Any] = json.loads((folder / "gold.json").read_text("utf-8"))
        self.inputs = folder / "inputs"
        self.md = (out / "brief.md").read_text("utf-8")
        self.docx_text = "\n".join(docx_paragraphs(out / "brief.docx", with_margins=True))
        self.brief: dict[str, Any] = json.loads((out / "brief.json").read_text("utf-8"))
        self.sources: dict[str, Item] = {
            str(s.get("id")): s for s in self.brief.get("sources", [])
        }
        self.items: list[tuple[str, Item]] = [
            ("key point", i) for i in self.brief.get("key_points", [])
        ] + [("chronology", i) for i in self.brief.get("chronology", [])]
        self.problems: list[str] = []

    def fail(self, message: str) -> None:
        self.problems.append(message)

    def file_of(self, source_id: str) -> str:
        return Path(str(self.sources.get(source_id, {}).get("file", ""))).name

    def listed(self, gold_source: Item) -> Item | None:
        """The brief's source for a gold source; a feed file's items are told apart by title."""
        found = [s for s in self.sources.values()
                 if Path(str(s.get("file", ""))).name == gold_source["file"]]
        if len(found) > 1 and gold_source.get("title"):
            want = normal(gold_source["title"]).lower()
            for s in found:
                if normal(str(s.get("title") or "")).lower() == want:
                    return s
        return found[0] if found else None

    def check_junk(self) -> None:
        for name, text in (("brief.md", self.md), ("brief.docx", self.docx_text)):
            low = normal(text).lower()
            for junk in self.gold["junk"]:
                at = low.find(normal(junk).lower())
                if at >= 0:
                    context = normal(text)[max(0, at - 40): at + len(junk) + 40]
                    self.fail(f"page chrome {junk!r} must not reach {name}, but it is there: "
                              f"…{context}…")

    def check_sources(self) -> None:
        for gold in self.gold["sources"]:
            if not gold.get("usable", True):
                continue
            label = f"source {gold['file']}" + (
                f" ({short(gold['title'], 40)})" if gold.get("title") else "")
            source = self.listed(gold)
            if source is None:
                listed = sorted({self.file_of(i) for i in self.sources})
                self.fail(f"{label}: expected in brief.json sources, but only {listed} are listed")
                continue
            if gold.get("published"):
                got = str(source.get("published") or "")[:10]
                if got != gold["published"]:
                    self.fail(f"{label}: expected published {gold['published']!r}, "
                              f"got {source.get('published')!r}")
            if gold.get("title"):
                got = normal(str(source.get("title") or "")).lower()
                if not got or got != normal(gold["title"]).lower():
                    self.fail(f"{label}: expected title {gold['title']!r}, "
                              f"got {source.get('title')!r}")
            for field in ("author", "outlet"):
                if not gold.get(field):
                    continue
                got = normal(str(source.get(field) or "")).lower()
                want = normal(gold[field]).lower()
                if not got or (want not in got and got not in want):
                    self.fail(f"{label}: expected {field} {gold[field]!r}, "
                              f"got {source.get(field)!r}")

    def check_skipped(self) -> None:
        reported = {Path(str(s.get("file", ""))).name: str(s.get("reason") or "")
                    for s in self.brief.get("skipped", [])}
        used = {self.file_of(i) for i in self.sources}
        for name in self.gold.get("skipped", []):
            if name not in reported:
                self.fail(f"{name}: expected in brief.json skipped (it cannot be used), "
                          f"but skipped lists {sorted(reported)}")
            elif not reported[name].strip():
                self.fail(f"{name}: skipped without a reason")
            if name in used:
                self.fail(f"{name}: expected to be skipped, but it is listed as a source")

    def check_citations(self) -> None:
        for kind, item in self.items:
            cited = item.get("sources") or []
            unknown = [sid for sid in cited if sid not in self.sources]
            if not cited or unknown:
                self.fail(f"{kind} {short(item.get('text', ''))!r}: expected to cite listed "
                          f"sources {sorted(self.sources)}, got {cited}")

    def check_verbatim(self) -> None:
        texts: dict[str, str] = {}
        for sid, source in self.sources.items():
            path = self.inputs / str(source.get("file", ""))
            if not path.exists():
                path = self.inputs / Path(str(source.get("file", ""))).name
            texts[sid] = squashed(source_text(path)) if path.is_file() else ""
        for kind, item in self.items:
            text = squashed(str(item.get("text", "")))
            cited = item.get("sources") or []
            if not text or not any(text in texts.get(sid, "") for sid in cited):
                files = [self.file_of(sid) for sid in cited]
                self.fail(f"{kind} {short(item.get('text', ''))!r}: expected word for word in "
                          f"a cited source, but it is in none of {files}")

    def check_chronology(self) -> None:
        chronology = self.brief.get("chronology", [])
        dates = [str(c.get("date", "")) for c in chronology]
        if dates != sorted(dates):
            self.fail(f"chronology: expected dates in ascending order, got {dates}")
        for event in self.gold["events"]:
            need = min(2, len(event["keywords"]))
            if any(date_matches(str(c.get("date", "")), event["date"])
                   and keyword_count(str(c.get("text", "")), event["keywords"]) >= need
                   for c in chronology):
                continue
            same_date = [f"{c.get('date')}: {short(c.get('text', ''), 60)}" for c in chronology
                         if date_matches(str(c.get("date", "")), event["date"])]
            with_words = [f"{c.get('date')}: {short(c.get('text', ''), 60)}" for c in chronology
                          if keyword_count(str(c.get("text", "")), event["keywords"]) >= need]
            self.fail(f"event {event['date']}: expected a chronology item on that date with "
                      f"{need} of {event['keywords']} (reported by {event['sources']}); "
                      f"items on that date: {same_date or 'none'}; "
                      f"items with the words: {with_words or 'none'}")

    def check_duplicates(self) -> None:
        # a fact may be shown once as a quote under "who said what" (its passage, citing all)
        quoted: list[tuple[str, Item]] = [
            ("quote", {"text": q.get("passage", ""), "sources": q.get("sources")})
            for q in self.brief.get("who_said_what", [])
        ]
        for duplicate in self.gold.get("duplicates", []):
            keys = [k.lower() for k in duplicate["keywords"]]
            holders = [(kind, i) for kind, i in [*self.items, *quoted]
                       if all(k in normal(str(i.get("text", ""))).lower() for k in keys)]
            cited = {self.file_of(sid) for _, i in holders for sid in i.get("sources") or []}
            missing = sorted(set(duplicate["sources"]) - cited)
            if len(holders) != 1 or missing:
                shown = [f"{kind} citing {[self.file_of(s) for s in i.get('sources') or []]}: "
                         f"{short(i.get('text', ''), 60)}" for kind, i in holders]
                self.fail(f"fact {duplicate['keywords']}: expected once, citing "
                          f"{duplicate['sources']}; got {len(holders)} items {shown}")

    def check_near_duplicates(self) -> None:
        words = [content_words(str(i.get("text", ""))) for _, i in self.items]
        for a in range(len(self.items)):
            for b in range(a + 1, len(self.items)):
                if not words[a] or not words[b]:
                    continue
                overlap = len(words[a] & words[b]) / len(words[a] | words[b])
                if overlap >= NEAR_DUPLICATE:
                    self.fail(f"near-duplicate items ({overlap:.0%} shared words, expected "
                              f"under {NEAR_DUPLICATE:.0%}): "
                              f"{short(self.items[a][1].get('text', ''), 60)!r} and "
                              f"{short(self.items[b][1].get('text', ''), 60)!r}")

    def check_length(self) -> None:
        count = len(self.md.split())
        if count > MAX_WORDS:
            self.fail(f"brief.md: expected at most {MAX_WORDS} words (one page), got {count}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief"
    code, output = run_briefer(case / "inputs", out)
    written = [f"brief.{fmt}" for fmt in FORMATS if (out / f"brief.{fmt}").is_file()]
    assert code == 0 and len(written) == len(FORMATS), (
        f"expected exit 0 and brief.md, brief.docx, brief.json; "
        f"got exit {code} and {written}. Output:\n{output[-3000:]}"
    )
    result = Case(case, out)
    result.check_junk()
    result.check_sources()
    result.check_skipped()
    result.check_citations()
    result.check_verbatim()
    result.check_chronology()
    result.check_duplicates()
    result.check_near_duplicates()
    result.check_length()
    assert not result.problems, (
        f"{len(result.problems)} problem(s) in case {case.name!r}:\n- "
        + "\n- ".join(result.problems)
    )

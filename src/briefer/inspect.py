"""What briefer makes of each input, so a user can see why a brief says what it says.

    report = inspect_inputs([Path("inputs/")], today=dt.date(2025, 3, 12))
    print(render_text(report, show_dropped=True))   # or render_json(report)

Per source: the format detected, the metadata with where each value came from, how many
lines were kept and dropped (blank lines are not counted), the cleaned text, and on request
every dropped line with the reason it went. Files that cannot be read are listed with theirs.
Nothing here writes files or prints: the CLI does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.clean import clean_article
from briefer.models import METADATA_FIELDS, LineDecision, Metadata, Skipped
from briefer.read import read_inputs

__all__ = ["Inspection", "Report", "inspect_inputs", "render_json", "render_text"]


@dataclass(frozen=True)
class Inspection:
    """One article as briefer sees it after reading and cleaning."""

    file: str
    format: str
    item: str | None
    metadata: Metadata
    paragraphs: tuple[str, ...]
    decisions: tuple[LineDecision, ...]

    @property
    def kept(self) -> int:
        """Lines kept in the body (blank lines aside)."""
        return sum(1 for d in self.decisions if d.kept and d.line.strip())

    @property
    def dropped(self) -> tuple[LineDecision, ...]:
        """Lines removed (blank lines aside), each with its reason."""
        return tuple(d for d in self.decisions if not d.kept and d.line.strip())


@dataclass(frozen=True)
class Report:
    """Every article found under the inputs, and every file or feed item skipped."""

    sources: tuple[Inspection, ...]
    skipped: tuple[Skipped, ...]


def inspect_inputs(inputs: Sequence[Path | str], *, today: dt.date | None = None) -> Report:
    """Read and clean every article under ``inputs`` exactly as ``briefer make`` does.

    ``today`` bounds publication dates (default: the system date). Raises
    ``FileNotFoundError`` when an input does not exist.
    """
    today = today or dt.date.today()
    read = read_inputs([Path(p) for p in inputs], today=today)
    found = []
    for raw in read.articles:
        clean = clean_article(raw, today=today)
        found.append(
            Inspection(
                file=raw.file,
                format=raw.format,
                item=raw.item,
                metadata=clean.metadata.merged_over(raw.fallback),
                paragraphs=clean.paragraphs,
                decisions=clean.decisions,
            )
        )
    return Report(tuple(found), tuple(read.skipped))


def _value(metadata: Metadata, name: str) -> str | None:
    value = getattr(metadata, name)
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def render_json(report: Report, *, show_dropped: bool = False) -> str:
    """``{"sources": [{"file", "format", "title", "outlet", "author", "published", "url",
    "origin", "item", "kept_lines", "dropped_lines", "text"[, "dropped"]}], "skipped": [...]}``.

    ``text`` is the cleaned body (paragraphs separated by blank lines); ``dropped`` (with
    ``show_dropped``) lists each removed line as ``{"line", "reason"}``.
    """
    sources: list[dict[str, Any]] = []
    for source in report.sources:
        entry: dict[str, Any] = {"file": source.file, "format": source.format}
        for name in METADATA_FIELDS:
            entry[name] = _value(source.metadata, name)
        entry["origin"] = {
            name: source.metadata.origin[name]
            for name in METADATA_FIELDS
            if name in source.metadata.origin and getattr(source.metadata, name) is not None
        }
        entry["item"] = source.item
        entry["kept_lines"] = source.kept
        entry["dropped_lines"] = len(source.dropped)
        entry["text"] = "\n\n".join(source.paragraphs)
        if show_dropped:
            entry["dropped"] = [{"line": d.line, "reason": d.reason} for d in source.dropped]
        sources.append(entry)
    skipped = [{"file": s.file, "reason": s.reason} for s in report.skipped]
    return json.dumps({"sources": sources, "skipped": skipped}, ensure_ascii=False, indent=2)


def render_text(report: Report, *, show_dropped: bool = False) -> str:
    """A readable report: a block per source, then the skipped files.

    With ``show_dropped`` the body is shown line by line: ``  `` before a kept line,
    ``- `` before a dropped one, followed by ``[reason]``.
    """
    out: list[str] = []
    for source in report.sources:
        name = source.file if source.item is None else f"{source.file} (item {source.item})"
        out.append(f"== {name}  [{source.format}]")
        for field_name in METADATA_FIELDS:
            value = _value(source.metadata, field_name)
            where = source.metadata.origin.get(field_name)
            shown = value if value is not None else "-"
            out.append(
                f"   {field_name:<10} {shown}" + (f"   <- {where}" if value and where else "")
            )
        out.append(f"   lines      {source.kept} kept, {len(source.dropped)} dropped")
        out.append("")
        if show_dropped:
            for decision in source.decisions:
                if not decision.line.strip():
                    continue
                if decision.kept:
                    out.append(f"     {decision.line}")
                else:
                    out.append(f"   - {decision.line}   [{decision.reason}]")
        elif source.paragraphs:
            for paragraph in source.paragraphs:
                out.append(f"     {paragraph}")
        else:
            out.append("     (no body text kept)")
        out.append("")
    if report.skipped:
        out.append(f"== skipped ({len(report.skipped)})")
        for skip in report.skipped:
            out.append(f"   {skip.file}: {skip.reason}")
        out.append("")
    if not report.sources and not report.skipped:
        out.append("no input files found")
    return "\n".join(out).rstrip() + "\n"

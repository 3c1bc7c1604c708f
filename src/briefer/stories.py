"""Many stories in one run: an archive folder holding one sub-folder per story, or a flat
folder or feed of mixed articles grouped into stories by content and dates (``--by-story``).

    briefer make archive/ -o out/             →  out/<story>/brief.md …, out/index.md, .json
    briefer make feed.jsonl --by-story -o out/ →  out/<story-slug>/brief.md …, the same index

A folder is an archive when it holds at least two story sub-folders and no loose article file
of its own (hidden folders and files are passed over). Each story is briefed on its own; a
story with no usable article is listed in the index with its reason and the others go on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LimitExceeded, NoUsableInput
from .models import Brief, BriefOptions, Skipped, Source

if TYPE_CHECKING:
    from .grouping import GroupingOptions
    from .progress import Progress

log = logging.getLogger(__name__)

INDEX_NAMES = ("index.md", "index.json")
#: the index's word on a story of one article that resembles no other story in the run
STRAY_NOTE = "a single article, like no other story in the run"


@dataclass(frozen=True)
class Story:
    """One story's outcome: its brief and files, or why none was made."""

    name: str
    folder: Path | None  # the story's sub-folder; None for a story grouped by content
    brief: Brief | None = None
    written: tuple[Path, ...] = ()
    error: str | None = None
    #: what the reader should know of how the story was made (a stray article alone)
    note: str | None = None


def story_folders(inputs: Sequence[Path]) -> list[Path] | None:
    """The story sub-folders when ``inputs`` is one archive folder, else ``None``."""
    from .read import SUPPORTED_SUFFIXES, natural_key, passed_over

    if len(inputs) != 1 or not inputs[0].is_dir():
        return None
    entries = [e for e in inputs[0].iterdir() if not passed_over(e.name)]
    folders = [e for e in entries if e.is_dir() and not e.is_symlink()]
    loose = [e for e in entries if e.is_file() and e.suffix.lower() in SUPPORTED_SUFFIXES]
    if len(folders) < 2 or loose:
        return None
    return sorted(folders, key=lambda f: natural_key(f.name))


def make_stories(
    folders: Sequence[Path],
    out_dir: Path,
    formats: Sequence[str],
    options: BriefOptions,
    progress: Callable[[str, int], None] | None = None,
) -> list[Story]:
    """Brief every story folder into ``out_dir/<name>/`` and write the index.

    ``LimitExceeded`` for one story is that story's error, like ``NoUsableInput``; output
    problems (``OutputError``) stop the run.
    """
    from .pipeline import make_brief, write_brief

    stories: list[Story] = []
    for folder in folders:
        if progress:
            progress(folder.name, len(folders))
        try:
            brief = make_brief([folder], options)
        except (NoUsableInput, LimitExceeded) as error:
            log.warning("story %s: %s", folder.name, error)
            stories.append(Story(folder.name, folder, error=str(error)))
            continue
        written = write_brief(brief, out_dir / folder.name, formats, options.templates)
        stories.append(Story(folder.name, folder, brief, tuple(written)))
    write_index(stories, out_dir)
    return stories


def make_grouped(
    inputs: Sequence[Path],
    out_dir: Path,
    formats: Sequence[str],
    options: BriefOptions,
    grouping: GroupingOptions | None = None,
    progress: Progress | None = None,
) -> tuple[list[Story], tuple[Skipped, ...]]:
    """Group the articles under ``inputs`` into stories by content and dates, brief each into
    ``out_dir/<story-slug>/`` and write the index; the stories and the run's skipped files.

    Raises ``NoUsableInput`` when no article at all is usable (nothing is written).
    """
    from dataclasses import replace

    from .compose import compose
    from .grouping import group_sources, story_name, story_slugs
    from .layout import fit_to_page
    from .pipeline import load_sources, write_brief

    if progress:
        progress.stage("reading and cleaning the articles")
    found = load_sources(inputs, options)
    if not found.sources:
        reasons = "; ".join(f"{s.file}: {s.reason}" for s in found.skipped[:5])
        raise NoUsableInput(
            "no usable article in the inputs" + (f" ({reasons})" if reasons else "")
        )
    if progress:
        progress.stage(f"grouping {len(found.sources):,} articles into stories")
    groups = group_sources(found.sources, grouping)
    slugs = story_slugs([story_name(group) for group in groups])
    log.info("%d articles in %d stories", len(found.sources), len(groups))
    stories: list[Story] = []
    for slug, group in zip(slugs, groups, strict=True):
        if progress:
            progress.advance(slug, len(groups))
        numbered = tuple(replace(s, id=f"S{i}") for i, s in enumerate(group, start=1))
        brief = fit_to_page(compose(numbered, (), options), options.templates)
        written = write_brief(brief, out_dir / slug, formats, options.templates)
        note = STRAY_NOTE if len(group) == 1 and len(groups) > 1 else None
        stories.append(Story(slug, None, brief, tuple(written), note=note))
    write_index(stories, out_dir, found.skipped)
    return stories, found.skipped


def _article(source: Source) -> str:
    return source.file if source.item is None else f"{source.file} (item {source.item})"


def index_json(
    stories: Sequence[Story], out_dir: Path, skipped: Sequence[Skipped] = ()
) -> str:
    """The index as JSON: one record per story, in folder order, and the run's skipped files."""
    from .render import strip_unsafe

    records = []
    for story in stories:
        brief = story.brief
        records.append(
            {
                "story": strip_unsafe(story.name),
                "title": strip_unsafe(brief.title) if brief else None,
                "sources": len(brief.sources) if brief else 0,
                "skipped": len(brief.skipped) if brief else 0,
                "key_points": len(brief.key_points) if brief else 0,
                "files": [p.relative_to(out_dir).as_posix() for p in story.written],
                "error": strip_unsafe(story.error) if story.error else None,
                "note": story.note,
                "articles": [strip_unsafe(_article(s)) for s in brief.sources] if brief else [],
            }
        )
    index: dict[str, object] = {"stories": records}
    if skipped:
        index["skipped"] = [
            {"file": strip_unsafe(s.file), "reason": strip_unsafe(s.reason)} for s in skipped
        ]
    return json.dumps(index, ensure_ascii=False, indent=2) + "\n"


def index_markdown(
    stories: Sequence[Story], out_dir: Path, skipped: Sequence[Skipped] = ()
) -> str:
    """The index as Markdown: a linked line per story, failures with their reason."""
    from .render import md_escape

    made = sum(1 for s in stories if s.brief)
    lines = ["# Briefs", "", f"{made} of {len(stories)} stories briefed.", ""]
    for story in stories:
        if story.brief is None:
            reason = md_escape(story.error or "")
            lines.append(f"- **{md_escape(story.name)}**: no brief ({reason})")
            continue
        main = next((p for p in story.written if p.suffix == ".md"), None) or (
            story.written[0] if story.written else None
        )
        title = md_escape(story.brief.title)
        link = f"[{title}](<{main.relative_to(out_dir).as_posix()}>)" if main else title
        note = f" ({md_escape(story.note)})" if story.note else ""
        count = len(story.brief.sources)
        sources = f"{count} source" + ("" if count == 1 else "s")
        lines.append(f"- **{md_escape(story.name)}**: {link} — {sources}{note}")
    if skipped:
        lines += ["", f"{len(skipped)} files or items skipped:", ""]
        lines += [f"- {md_escape(s.file)}: {md_escape(s.reason)}" for s in skipped]
    return "\n".join(lines) + "\n"


def write_index(
    stories: Sequence[Story], out_dir: Path, skipped: Sequence[Skipped] = ()
) -> list[Path]:
    """``out_dir/index.md`` and ``out_dir/index.json`` (atomic writes)."""
    from .atomic import write_atomic

    paths = [out_dir / name for name in INDEX_NAMES]
    write_atomic(paths[0], index_markdown(stories, out_dir, skipped).encode("utf-8"))
    write_atomic(paths[1], index_json(stories, out_dir, skipped).encode("utf-8"))
    return paths

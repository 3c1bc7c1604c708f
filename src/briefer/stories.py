"""Many stories in one run: an archive folder holding one sub-folder per story.

    briefer make archive/ -o out/   →  out/<story>/brief.md …, out/index.md, out/index.json

A folder is an archive when it holds at least two story sub-folders and no loose article file
of its own (hidden folders and files are passed over). Each story is briefed on its own; a
story with no usable article is listed in the index with its reason and the others go on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import LimitExceeded, NoUsableInput
from .models import Brief, BriefOptions

log = logging.getLogger(__name__)

INDEX_NAMES = ("index.md", "index.json")


@dataclass(frozen=True)
class Story:
    """One story's outcome: its brief and files, or why none was made."""

    name: str
    folder: Path
    brief: Brief | None = None
    written: tuple[Path, ...] = ()
    error: str | None = None


def story_folders(inputs: Sequence[Path]) -> list[Path] | None:
    """The story sub-folders when ``inputs`` is one archive folder, else ``None``."""
    from .read import SUPPORTED_SUFFIXES, _natural_key, _passed_over

    if len(inputs) != 1 or not inputs[0].is_dir():
        return None
    entries = [e for e in inputs[0].iterdir() if not _passed_over(e.name)]
    folders = [e for e in entries if e.is_dir() and not e.is_symlink()]
    loose = [e for e in entries if e.is_file() and e.suffix.lower() in SUPPORTED_SUFFIXES]
    if len(folders) < 2 or loose:
        return None
    return sorted(folders, key=lambda f: _natural_key(f.name))


def make_stories(
    folders: Sequence[Path],
    out_dir: Path,
    formats: Sequence[str],
    options: BriefOptions,
) -> list[Story]:
    """Brief every story folder into ``out_dir/<name>/`` and write the index.

    ``LimitExceeded`` for one story is that story's error, like ``NoUsableInput``; output
    problems (``OutputError``) stop the run.
    """
    from .pipeline import make_brief, write_brief

    stories: list[Story] = []
    for folder in folders:
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


def index_json(stories: Sequence[Story], out_dir: Path) -> str:
    """The index as JSON: one record per story, in folder order."""
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
            }
        )
    return json.dumps({"stories": records}, ensure_ascii=False, indent=2) + "\n"


def index_markdown(stories: Sequence[Story], out_dir: Path) -> str:
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
        lines.append(
            f"- **{md_escape(story.name)}**: {link} — {len(story.brief.sources)} sources"
        )
    return "\n".join(lines) + "\n"


def write_index(stories: Sequence[Story], out_dir: Path) -> list[Path]:
    """``out_dir/index.md`` and ``out_dir/index.json`` (atomic writes)."""
    from .atomic import write_atomic

    paths = [out_dir / name for name in INDEX_NAMES]
    write_atomic(paths[0], index_markdown(stories, out_dir).encode("utf-8"))
    write_atomic(paths[1], index_json(stories, out_dir).encode("utf-8"))
    return paths

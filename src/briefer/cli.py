"""The ``briefer`` command: a thin layer that parses options, runs the pipeline and reports.

Exit codes: 0 a brief was written; 1 no input was usable (nothing is written, existing
outputs stay as they were) or an output or template problem; 2 a usage error.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn a folder of news articles about one story into a one-page policy brief.",
)

EXIT_OK, EXIT_NO_INPUT, EXIT_USAGE = 0, 1, 2


class Format(StrEnum):
    md = "md"
    docx = "docx"
    json = "json"


class Page(StrEnum):
    a4 = "a4"
    letter = "letter"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefer {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn a folder of news articles about one story into a one-page policy brief."""


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    elif verbose >= 2:
        level = logging.DEBUG
    elif verbose == 1:
        level = logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefer: %(levelname)s: %(message)s"))
    root = logging.getLogger("briefer")
    root.handlers[:] = [handler]
    root.setLevel(level)


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(message, err=True)


@app.command()
def make(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Article files or folders of them (a JSONL feed is one file)."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for brief.md / brief.docx / brief.json.")
    ] = Path("outputs"),
    formats: Annotated[
        list[Format] | None,
        typer.Option(
            "--format", "-f", help="Output format; repeat for several. [default: md, docx]"
        ),
    ] = None,
    algorithm: Annotated[
        str, typer.Option("--algorithm", "-a", help="sumy summariser that ranks sentences.")
    ] = "lexrank",
    title: Annotated[
        str | None, typer.Option("--title", help="Title of the brief (default: from the sources).")
    ] = None,
    page: Annotated[Page, typer.Option("--page", help="Paper size of the Word brief.")] = Page.a4,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", help="Folder with brief.md.j2 and/or brief.docx to use instead."
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Generation date to print (YYYY-MM-DD) [default: today]."),
    ] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Say more.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Say nothing but errors.")] = False,
) -> None:
    """Make a one-page brief from INPUTS.

    Example: briefer make inputs/ -o out/ --format md --format docx --format json
    """
    from .errors import BrieferError, NoUsableInput
    from .models import BriefOptions
    from .pipeline import make_brief, write_brief
    from .rank import ALGORITHMS

    _configure_logging(verbose, quiet)
    if algorithm not in ALGORITHMS:
        raise typer.BadParameter(
            f"unknown algorithm {algorithm!r}; choose one of {', '.join(sorted(ALGORITHMS))}",
            param_hint="--algorithm",
        )
    today = None
    if date is not None:
        try:
            today = dt.date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(
                f"{date!r} is not a YYYY-MM-DD date", param_hint="--date"
            ) from None
    missing = [str(p) for p in inputs if not p.exists() and not p.is_symlink()]
    if missing:
        raise typer.BadParameter(
            f"no such file or folder: {', '.join(missing)}", param_hint="INPUTS"
        )

    options = BriefOptions(
        algorithm=algorithm, title=title, page=page.value, today=today, templates=templates
    )
    chosen = [f.value for f in formats] if formats else ["md", "docx"]
    try:
        brief = make_brief(inputs, options)
    except NoUsableInput as error:
        typer.echo(
            f"briefer: {error}. Nothing was written; check the files and run again.", err=True
        )
        raise typer.Exit(EXIT_NO_INPUT) from None

    for skip in brief.skipped:
        _say(f"  skipped {skip.file}: {skip.reason}", quiet)
    try:
        written = write_brief(brief, output, chosen, templates)
    except BrieferError as error:
        typer.echo(f"briefer: {error}", err=True)
        raise typer.Exit(EXIT_NO_INPUT) from None
    cited = {sid for item in (*brief.key_points, *brief.chronology) for sid in item.sources}
    _say(
        f"briefer: {len(brief.sources)} sources used ({len(cited)} cited), "
        f"{len(brief.skipped)} skipped; "
        f"{len(brief.key_points)} key points, {len(brief.chronology)} chronology items",
        quiet,
    )
    for path in written:
        _say(f"  wrote {path}", quiet)


def main() -> None:
    """Entry point of the ``briefer`` console script."""
    app()

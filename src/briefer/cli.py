"""The ``briefer`` command: a thin layer that parses options, runs the pipeline and reports.

Exit codes: 0 a brief was written; 1 no input was usable (nothing is written, existing
outputs stay as they were) or an output or template problem; 2 a usage error; 3 the inputs
hold more articles than ``--max-articles`` (nothing is written). See the README, "When
something goes wrong".

Unlike the other modules this one evaluates its annotations when it is imported (no
``from __future__ import annotations``): typer reads every command's parameters from them at
each start, and as strings each one was compiled again by ``typing.get_type_hints`` (12 ms of
each run before any work; 3 ms as objects). The names imported for type checking alone are
quoted.
"""

import datetime as dt
import gc
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from . import __version__

if TYPE_CHECKING:
    from .models import Brief, BriefOptions, Skipped
    from .progress import Progress
    from .stories import Story

app = typer.Typer(
    add_completion=False,
    # click's plain help: rich markup took [tool.briefer] and [default: …] in help texts for tags
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Turn a folder of news articles about one story into a one-page policy brief.",
)

EXIT_OK, EXIT_NO_INPUT, EXIT_USAGE, EXIT_LIMIT = 0, 1, 2, 3

#: the collector's thresholds for the command (briefer.parallel.GC_THRESHOLD, its workers')
_GC_THRESHOLD = (200_000, 30, 30)


class Format(StrEnum):
    md = "md"
    docx = "docx"
    json = "json"
    pdf = "pdf"
    png = "png"


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


def _printable(name: str) -> str:
    """A file name fit for one line of the report: control characters shown escaped."""
    return "".join(repr(c)[1:-1] if not c.isprintable() else c for c in name)


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(message, err=True)


@contextmanager
def _domain_errors(usage_note: str = "") -> Iterator[None]:
    """Turn the core's domain errors into a message on stderr and briefer's exit code.

    LimitExceeded exits 3; NoUsableInput exits 1 saying nothing was written; any other
    BrieferError (a template, an output) exits 1, followed by ``usage_note`` when given.
    """
    from .errors import BrieferError, LimitExceeded, NoUsableInput

    try:
        yield
    except LimitExceeded as error:
        typer.echo(f"briefer: {error}.", err=True)
        raise typer.Exit(EXIT_LIMIT) from None
    except NoUsableInput as error:
        typer.echo(
            f"briefer: {error}. Nothing was written; check the files and run again.", err=True
        )
        raise typer.Exit(EXIT_NO_INPUT) from None
    except BrieferError as error:
        typer.echo(f"briefer: {error}{usage_note}", err=True)
        raise typer.Exit(EXIT_NO_INPUT) from None


def _source_date_epoch() -> dt.date | None:
    """The date in ``SOURCE_DATE_EPOCH`` (reproducible builds' convention), if it is set."""
    import os

    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC).date()


def _brief_options(
    algorithm: str,
    title: str | None,
    page: Page | None,
    today: dt.date | None,
    templates: Path | None,
) -> "BriefOptions":
    """The run's options, the templates checked and the paper size taken from the Word template
    unless ``--page`` names one (raises ``TemplateError`` for an unusable template)."""
    from .models import BriefOptions

    if templates is not None:  # the shipped ones are checked by the tests, not on every run
        from .docx_render import check_templates
        from .layout import template_page

        check_templates(templates)
        paper = page.value if page is not None else template_page(templates)
    else:  # the shipped template's paper, read without loading python-docx
        from .paper import shipped_page

        paper = page.value if page is not None else shipped_page()
    return BriefOptions(
        algorithm=algorithm, title=title, page=paper, today=today, templates=templates
    )


# --- settings: flag > BRIEFER_* environment > briefer.toml / [tool.briefer] > default ----------

#: settings key (briefer.config) → the ``make`` parameter it stands in for
MAKE_SETTINGS = {
    "output": "output",
    "format": "formats",
    "algorithm": "algorithm",
    "page": "page",
    "templates": "templates",
    "max_file_mb": "max_file_mb",
    "max_articles": "max_articles",
    "language": "language",
    "by_story": "by_story",
}


def _language_option(value: str) -> str:
    """``value`` as a language briefer can summarise, or ``auto`` (usage error else)."""
    from .language import AUTO, LANGUAGES

    chosen = value.strip().lower()
    if chosen != AUTO and chosen not in LANGUAGES:
        raise typer.BadParameter(
            f"unknown language {value!r}; choose auto or one of {', '.join(LANGUAGES)}",
            param_hint="--language",
        )
    return chosen


def _settings(ctx: typer.Context, params: dict[str, str]) -> dict[str, Any]:
    """The configured values for the parameters the command line left at their default.

    A bad settings file or variable is a usage error (exit 2) naming the key.
    """
    import os

    from .config import ConfigError, load_settings

    try:
        found = load_settings(Path.cwd(), os.environ)
    except ConfigError as error:
        typer.echo(f"briefer: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    chosen: dict[str, Any] = {}
    for key, setting in found.items():
        source = ctx.get_parameter_source(params[key])
        if source is None or source.name in ("DEFAULT", "DEFAULT_MAP"):
            chosen[key] = setting.value
    return chosen


# --- many stories: an archive folder of story sub-folders → one brief each and an index ------


def _make_stories(
    inputs: list[Path], output: Path, formats: list[str], options: "BriefOptions", quiet: bool
) -> None:
    """When INPUTS is one archive folder, brief each story and exit: 0 when every story got
    a brief, 1 when any did not (the others are still written and the index lists all)."""
    from .stories import make_stories, story_folders

    folders = story_folders(inputs)
    if folders is None:
        return
    if str(output) == STDOUT:
        raise typer.BadParameter(
            f"{inputs[0]} holds {len(folders)} stories; write them to a folder, not to stdout",
            param_hint="--output",
        )
    _say(f"briefer: {len(folders)} stories in {inputs[0]}", quiet)
    with _domain_errors(), _progress(len(folders), quiet) as bar:
        stories = make_stories(folders, output, formats, options, progress=bar.advance)
    _report_stories(stories, output, (), quiet)


def _progress(total: int, quiet: bool) -> "Progress":
    """A progress line on stderr: drawn after 2 s, only on a terminal, never with -q."""
    from .progress import Progress

    return Progress(total, sys.stderr, enabled=not quiet)


def _report_stories(
    stories: "list[Story]", output: Path, skipped: "tuple[Skipped, ...]", quiet: bool
) -> None:
    """The run report of a many-story run on stderr; exit 0 when every story got a brief."""
    for skip in skipped:
        _say(f"  skipped {_printable(skip.file)}: {skip.reason}", quiet)
    for story in stories:
        if story.brief is None:
            typer.echo(f"briefer: {story.name}: no brief: {story.error}", err=True)
        else:
            _say(
                f"  {story.name}: {len(story.brief.sources)} sources, "
                f"{len(story.brief.skipped)} skipped → {output / story.name}",
                quiet,
            )
    made = sum(1 for s in stories if s.brief)
    _say(f"briefer: {made} of {len(stories)} stories briefed; index in {output}", quiet)
    raise typer.Exit(EXIT_OK if made == len(stories) else EXIT_NO_INPUT)


def _make_by_story(
    inputs: list[Path], output: Path, formats: list[str], options: "BriefOptions", quiet: bool
) -> None:
    """``--by-story``: group the articles into stories by content and dates, brief each into
    ``output/<story-slug>/`` with an index, and exit as an archive run does."""
    from .grouping import GroupingOptions
    from .stories import make_grouped

    if str(output) == STDOUT:
        raise typer.BadParameter(
            "--by-story writes one brief per story; write them to a folder, not to stdout",
            param_hint="--output",
        )
    with _domain_errors(), _progress(0, quiet) as bar:  # the total is known once grouped
        stories, skipped = make_grouped(
            inputs, output, formats, options, GroupingOptions(), progress=bar
        )
    _say(
        f"briefer: {sum(len(s.brief.sources) for s in stories if s.brief)} articles "
        f"in {len(stories)} stories",
        quiet,
    )
    _report_stories(stories, output, skipped, quiet)


# --- pipes: ``make -`` reads a JSONL feed from stdin, ``-o -`` writes one format to stdout ----

STDIN, STDOUT = "-", "-"
STDOUT_FORMATS = ("md", "json")


def _stdin_inputs(ctx: typer.Context, inputs: list[Path], limit: int, quiet: bool) -> list[Path]:
    """``inputs`` with ``-`` replaced by a scratch copy of stdin named ``stdin.jsonl``.

    At most ``limit + 1`` bytes are read, so an endless feed is skipped as too large rather
    than filling memory; the scratch folder goes when the command ends.
    """
    import tempfile

    if not any(str(p) == STDIN for p in inputs):
        return inputs
    if sum(str(p) == STDIN for p in inputs) > 1:
        raise typer.BadParameter("'-' (stdin) can be given once", param_hint="INPUTS")
    stream = sys.stdin.buffer
    if stream.isatty():
        _say("briefer: reading a JSONL feed from stdin (end it with Ctrl-D)", quiet)
    scratch = Path(ctx.with_resource(tempfile.TemporaryDirectory(prefix="briefer-stdin-")))
    feed = scratch / "stdin.jsonl"
    feed.write_bytes(stream.read(limit + 1))
    return [feed if str(p) == STDIN else p for p in inputs]


def _stdout_format(formats: list[Format] | None) -> str:
    """The one format ``-o -`` writes: md unless ``--format`` names json (usage error else)."""
    chosen = list(dict.fromkeys(f.value for f in formats or [Format.md]))
    if len(chosen) != 1 or chosen[0] not in STDOUT_FORMATS:
        raise typer.BadParameter(
            f"-o - writes exactly one of {', '.join(STDOUT_FORMATS)} to stdout "
            f"(got {', '.join(chosen)}); write other formats to a folder",
            param_hint="--format",
        )
    return chosen[0]


def _write_stdout(brief: "Brief", fmt: str, templates: Path | None) -> None:
    """The brief as Markdown or JSON on stdout, and nothing else there."""
    text = brief.to_json() if fmt == "json" else brief.to_markdown(templates)
    typer.echo(text, nl=False)


@app.command()
def make(
    ctx: typer.Context,
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Article files or folders of them (a JSONL feed is one file)."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Folder for brief.md / .docx / .json; '-': stdout (md or json)."
        ),
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
    page: Annotated[
        Page | None,
        typer.Option("--page", help="Paper size of the Word brief [default: the template's, A4]."),
    ] = None,
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
    max_file_mb: Annotated[
        float,
        typer.Option(
            "--max-file-mb",
            min=0.001,
            help="Skip files larger than this (and Word files that unpack to more).",
        ),
    ] = 50,
    max_articles: Annotated[
        int,
        typer.Option("--max-articles", min=1, help="Most articles (files + feed items) per run."),
    ] = 5000,
    language: Annotated[
        str,
        typer.Option(
            "--language",
            help="Language of the articles (french, spanish, …), or auto: each article's own.",
        ),
    ] = "auto",
    by_story: Annotated[
        bool,
        typer.Option(
            "--by-story/--one-brief",
            help="INPUTS mix several stories: group the articles by content and dates and "
            "write one brief per story to OUTPUT/<story>/ with an index (--one-brief: "
            "one brief of everything, overriding a by_story setting).",
        ),
    ] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Say more.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Say nothing but errors.")] = False,
) -> None:
    """Make a one-page brief from INPUTS.

    \b
    Example: briefer make inputs/ -o out/ --format md --format docx --format json

    \b
    Mixed example: briefer make feed.jsonl --by-story -o out/  (one brief per story found)

    \b
    Pipe example: cms-export | briefer make - -o - --format json > brief.json
    ('-' as an input reads a JSONL feed from stdin; '-o -' writes md or json to stdout and
    the run report to stderr).

    Settings: briefer.toml (or [tool.briefer] in pyproject.toml) in the working folder and
    BRIEFER_* variables set output, format, algorithm, page, templates, max_file_mb,
    max_articles, language, by_story; a flag beats a variable, which beats the file.

    Formats: md, docx, json; pdf (needs LibreOffice) and png, a picture of the page (needs
    LibreOffice and poppler's pdftoppm).
    """
    from dataclasses import replace

    from .pipeline import make_brief, write_brief
    from .rank import ALGORITHMS

    _configure_logging(verbose, quiet)
    settings = _settings(ctx, MAKE_SETTINGS)  # briefer.toml / BRIEFER_*, for flags not given
    output = Path(settings.get("output", output))
    formats = [Format(f) for f in settings["format"]] if "format" in settings else formats
    algorithm = settings.get("algorithm", algorithm)
    page = Page(settings["page"]) if "page" in settings else page
    templates = Path(settings["templates"]) if "templates" in settings else templates
    max_file_mb = settings.get("max_file_mb", max_file_mb)
    max_articles = settings.get("max_articles", max_articles)
    language = _language_option(settings.get("language", language))
    by_story = settings.get("by_story", by_story)
    if algorithm not in ALGORITHMS:
        raise typer.BadParameter(
            f"unknown algorithm {algorithm!r}; choose one of {', '.join(sorted(ALGORITHMS))}",
            param_hint="--algorithm",
        )
    today = _day_option(date, "--date")
    _check_inputs(inputs, allow_stdin=True)

    if today is None:
        today = _source_date_epoch()
    chosen = [f.value for f in formats] if formats else ["md", "docx"]
    if str(output) == STDOUT:
        chosen = [_stdout_format(formats)]
    inputs = _stdin_inputs(ctx, inputs, int(max_file_mb * 2**20), quiet)
    # a template that cannot be used stops the run before any input is read
    with _domain_errors(usage_note=" Nothing was written."):
        options = replace(
            _brief_options(algorithm, title, page, today, templates),
            max_file_bytes=int(max_file_mb * 2**20),
            max_articles=max_articles,
            language=language,
        )
        if by_story:  # exits: one brief per story found in the mixed INPUTS
            _make_by_story(inputs, output, chosen, options, quiet)
        _make_stories(inputs, output, chosen, options, quiet)  # exits when INPUTS is an archive
        with _progress(0, quiet) as bar:
            brief = make_brief(inputs, options, progress=bar.stage)

    for skip in brief.skipped:
        _say(f"  skipped {_printable(skip.file)}: {skip.reason}", quiet)
    with _domain_errors():
        if str(output) == STDOUT:
            _write_stdout(brief, chosen[0], templates)
            written = []
        else:
            written = write_brief(brief, output, chosen, templates)
    cited = {sid for item in (*brief.key_points, *brief.chronology) for sid in item.sources}
    _say(
        f"briefer: {len(brief.sources)} sources used ({len(cited)} cited), "
        f"{len(brief.skipped)} skipped; "
        f"{len(brief.key_points)} key points, {len(brief.chronology)} chronology items",
        quiet,
    )
    for path in written:
        _say(f"  wrote {path}", quiet)


templates_app = typer.Typer(
    no_args_is_help=True, help="The Markdown and Word templates a brief is rendered through."
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export", short_help="Write the default templates to FOLDER.")
def templates_export(
    folder: Annotated[Path, typer.Argument(help="Folder to write brief.md.j2 and brief.docx to.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace templates already in FOLDER.")
    ] = False,
) -> None:
    """Write the default templates to FOLDER, to restyle and use with make --templates FOLDER.

    brief.docx: edit its styles (Title, Meta, Heading 1, List Bullet, Source, Citation,
    Hyperlink), margins, paper, header and footer in Word; {{title}} and {{generated}} in
    the header or footer are filled in. brief.md.j2: a Jinja2 template (fields listed inside).

    \b
    Example: briefer templates export house/ && briefer make inputs/ --templates house/
    """
    from .render import export_templates

    with _domain_errors():
        written = export_templates(folder, force=force)
    for path in written:
        typer.echo(f"wrote {path}", err=True)


class InspectFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(short_help="Show what briefer reads in INPUTS.")
def inspect(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or folders of them.")],
    show_dropped: Annotated[
        bool, typer.Option("--show-dropped", help="Show every line, marking removed ones and why.")
    ] = False,
    output_format: Annotated[
        InspectFormat, typer.Option("--format", "-f", help="text (default) or json on stdout.")
    ] = InspectFormat.text,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Run date bounding publication dates [default: today]."),
    ] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Say more.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Say nothing but errors.")] = False,
) -> None:
    """Show what briefer reads in INPUTS: format, metadata and where it came from, kept text.

    Exit 1 when no input has any article text.

    \b
    Example: briefer inspect inputs/ --show-dropped
    """
    from .inspect import inspect_inputs, render_json, render_text

    _configure_logging(verbose, quiet)
    today = _day_option(date, "--date")
    _check_inputs(inputs)
    with _domain_errors():
        report = inspect_inputs(inputs, today=today)
    if output_format is InspectFormat.json:
        typer.echo(render_json(report, show_dropped=show_dropped))
    else:
        typer.echo(render_text(report, show_dropped=show_dropped), nl=False)
    if not any(source.paragraphs for source in report.sources):
        raise typer.Exit(EXIT_NO_INPUT)


class TimelineFormat(StrEnum):
    json = "json"
    md = "md"
    docx = "docx"


def _check_inputs(inputs: list[Path], *, allow_stdin: bool = False) -> None:
    """A usage error (exit 2) naming every INPUT that does not exist."""
    missing = [
        str(p)
        for p in inputs
        if not p.exists() and not p.is_symlink() and not (allow_stdin and str(p) == STDIN)
    ]
    if missing:
        raise typer.BadParameter(
            f"no such file or folder: {', '.join(missing)}", param_hint="INPUTS"
        )


def _day_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint=name) from None


@app.command(short_help="Make a dated chronology of INPUTS.")
def timeline(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Article files or folders of them (a JSONL feed is one file)."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for timeline.json / .md / .docx.")
    ] = Path("outputs"),
    dates: Annotated[
        int | None,
        typer.Option("--dates", "-n", min=1, help="Number of dates [default: from the material]."),
    ] = None,
    per_date: Annotated[
        int, typer.Option("--per-date", "-k", min=1, help="Sentences per date at most.")
    ] = 1,
    formats: Annotated[
        list[TimelineFormat] | None,
        typer.Option("--format", "-f", help="Output format; repeat for several. [default: json]"),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only articles published and dates from YYYY-MM-DD."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Only articles published and dates up to YYYY-MM-DD."),
    ] = None,
    keywords: Annotated[
        list[str] | None,
        typer.Option("--keyword", help="A chosen sentence must contain one of these; repeatable."),
    ] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Say more.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Say nothing but errors.")] = False,
) -> None:
    """Make a dated chronology of the story in INPUTS: N dates, up to K sentences each.

    \b
    Example: briefer timeline feed.jsonl -o out/ --dates 20 --per-date 2 --format md
    """
    from .chronology import ChronologyOptions
    from .timeline import make_timeline, write_timeline

    _configure_logging(verbose, quiet)
    _check_inputs(inputs)
    options = ChronologyOptions(
        dates=dates,
        per_date=per_date,
        since=_day_option(since, "--since"),
        until=_day_option(until, "--until"),
        keywords=tuple(keywords or ()),
    )
    with _domain_errors():
        made = make_timeline(inputs, options)
    for skip in made.skipped:
        _say(f"  skipped {_printable(skip.file)}: {skip.reason}", quiet)
    with _domain_errors():
        written = write_timeline(made, output, [f.value for f in formats or [TimelineFormat.json]])
    items = sum(len(e.items) for e in made.entries)
    _say(
        f"briefer: {len(made.entries)} dates, {items} sentences from {len(made.sources)} "
        f"cited sources; {len(made.skipped)} skipped",
        quiet,
    )
    for path in written:
        _say(f"  wrote {path}", quiet)


def main() -> None:
    """Entry point of the ``briefer`` console script.

    The process ends without freeing its heap object by object: after a brief of hundreds
    of articles that teardown took 0.2-0.25 s of a 3 s run, for nothing (the system frees a
    process's memory at once; mypy ends the same way). Every output is written, flushed and
    renamed into place before ``app`` returns; the standard streams and the log handlers are
    flushed here first, and a stream that cannot be flushed (a closed pipe) is exit 1.
    """
    # Collect garbage cycles after 200,000 new objects rather than 700 (mypy does the same): a
    # brief allocates millions of small objects and few cycles, and the default thresholds
    # spent ≈ 0.2 s of a 3 s run on bpoil_bbc scanning the heap (peak memory unchanged). The
    # library (make_brief) leaves its caller's settings alone; worker processes set their own.
    gc.set_threshold(*_GC_THRESHOLD)
    # numpy's OpenBLAS in one thread (unless the user chose otherwise): briefer's matrices are
    # small and its cores go to worker processes, and the threads OpenBLAS starts when numpy
    # is imported spin for ≈ 60 ms of CPU, taken from the workers cleaning meanwhile
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code: object = 0
    try:
        app()
    except SystemExit as done:
        code = done.code
    # the patterns this run compiled anew, kept for the next run (as Python keeps bytecode)
    from .patterns import save

    save()
    _end(code)


def _end(code: object) -> NoReturn:
    """Leave the process with ``code`` as ``sys.exit`` would give it, without teardown."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, a closed stream
            status = status or 1
    os._exit(status)

"""``briefer make --by-story``: a flat folder or feed of mixed articles → one brief per story."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.grouping import attach_fragments, average_linkage, slug, story_name, story_slugs
from briefer.models import Metadata, Source
from briefer.progress import Progress
from briefer.schemas import load_schema

MIXED = Path(__file__).parent / "fixtures" / "mixed"
STORIES = {"port": 4, "measles": 3, "fire": 3}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    shutil.copytree(MIXED, folder)
    (folder / "broken.docx").write_bytes(b"not a zip at all")
    return folder


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def grouped_files(index: dict[str, object]) -> list[set[str]]:
    stories = index["stories"]
    assert isinstance(stories, list)
    return [{Path(a.split(" (item")[0]).name.split("-")[0] for a in s["articles"]} for s in stories]


def test_mixed_folder_of_three_stories_gives_three_briefs(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(
        "make", str(mixed), "--by-story", "-o", str(out), "-f", "md", "-f", "json",
        "--date", "2025-04-01",
    )  # fmt: skip
    assert code == 0, stderr
    assert stdout == ""
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    stories = index["stories"]
    assert len(stories) == 3
    # every story holds the articles of one real story, and all of them
    assert sorted(map(sorted, grouped_files(index))) == [["fire"], ["measles"], ["port"]]
    assert {s["sources"] for s in stories} == set(STORIES.values())
    names = [s["story"] for s in stories]
    assert names[0].startswith("port-vessa")  # the biggest story first, named from headlines
    assert any("measles" in n for n in names) and any("brenner" in n for n in names)
    schema = load_schema("brief")
    for story in stories:
        folder = out / story["story"]
        assert sorted(p.name for p in folder.iterdir()) == ["brief.json", "brief.md"]
        jsonschema.validate(json.loads((folder / "brief.json").read_text("utf-8")), schema)
        assert story["files"] == [f"{story['story']}/brief.md", f"{story['story']}/brief.json"]
    # the unusable file is reported once, for the run, in the index and on stderr
    assert [s["file"] for s in index["skipped"]] == ["broken.docx"]
    assert "skipped broken.docx" in stderr
    assert "3 of 3 stories briefed" in stderr
    markdown = (out / "index.md").read_text(encoding="utf-8")
    assert markdown.count("](<") == 3 and "broken.docx" in markdown


def test_brief_of_a_story_cites_only_its_own_articles(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, stderr = run("make", str(mixed), "--by-story", "-o", str(out), "-f", "json")
    assert code == 0, stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    fire = next(s for s in index["stories"] if "brenner" in s["story"])
    brief = json.loads((out / fire["story"] / "brief.json").read_text(encoding="utf-8"))
    text = json.dumps(brief)
    assert "wildfire" in text and "measles" not in text and "Dockworkers" not in text
    assert [s["id"] for s in brief["sources"]] == ["S1", "S2", "S3"]


STRAY = """Eastbrook Chronicle

Chess club crowns a twelve-year-old champion

By Lena Fischer, 22 March 2025

Twelve-year-old Mira Olsen won the Eastbrook open chess championship on Saturday, beating
the club's veteran Piotr Nowak in a tense final game that lasted almost four hours.

Olsen, who learned the game from her grandfather, said she had prepared with endgame puzzles
every evening since January.

The club will send her to the national youth tournament in Lisbon this summer.
"""


def test_a_stray_article_stays_alone_and_the_index_says_so(mixed: Path, tmp_path: Path) -> None:
    (mixed / "stray-chess.txt").write_text(STRAY, encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = run("make", str(mixed), "--by-story", "-o", str(out), "-f", "md")
    assert code == 0, stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert sorted(map(sorted, grouped_files(index))) == [["fire"], ["measles"], ["port"], ["stray"]]
    notes = {s["story"]: s["note"] for s in index["stories"]}
    stray = next(name for name in notes if "chess" in name)
    assert notes.pop(stray) == "a single article, like no other story in the run"
    assert set(notes.values()) == {None}  # the real stories carry no note
    line = next(x for x in (out / "index.md").read_text("utf-8").splitlines() if stray in x)
    assert line.endswith("— 1 source (a single article, like no other story in the run)")


def test_feed_on_stdin_is_grouped_too(tmp_path: Path) -> None:
    lines = []
    for path in sorted(MIXED.glob("*.txt")):
        _, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        lines.append(json.dumps({"id": path.stem, "text": body}))
    out = tmp_path / "out"
    code, _, stderr = run(
        "make", "-", "--by-story", "-o", str(out), "-f", "md", stdin="\n".join(lines) + "\n"
    )
    assert code == 0, stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    groups = [{a.split("item ")[1].rstrip(")").split("-")[0] for a in s["articles"]}
              for s in index["stories"]]  # fmt: skip
    assert sorted(map(sorted, groups)) == [["fire"], ["measles"], ["port"]]


def test_by_story_needs_a_folder_to_write_to(mixed: Path) -> None:
    code, stdout, stderr = run("make", str(mixed), "--by-story", "-o", "-")
    assert code == 2 and stdout == ""
    assert "--by-story" in stderr


def test_nothing_usable_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.docx").write_bytes(b"junk")
    out = tmp_path / "out"
    code, _, stderr = run("make", str(folder), "--by-story", "-o", str(out))
    assert code == 1 and "Nothing was written" in stderr
    assert not out.exists()


def test_average_linkage_joins_blocks_and_stops_at_the_threshold() -> None:
    sim = np.array(
        [
            [1.0, 0.5, 0.4, 0.0, 0.01],
            [0.5, 1.0, 0.3, 0.02, 0.0],
            [0.4, 0.3, 1.0, 0.0, 0.0],
            [0.0, 0.02, 0.0, 1.0, 0.2],
            [0.01, 0.0, 0.0, 0.2, 1.0],
        ],
        dtype=np.float32,
    )
    labels = average_linkage(sim, 0.1)
    assert labels[0] == labels[1] == labels[2] and labels[3] == labels[4]
    assert labels[0] != labels[3]
    # at 0.35 the third article's average link to the pair (0.35) still holds; at 0.36 not
    assert len(set(average_linkage(sim, 0.35))) == 3
    assert len(set(average_linkage(sim, 0.36))) == 4
    assert len(set(average_linkage(sim, 0.9))) == 5
    assert average_linkage(np.zeros((0, 0), dtype=np.float32), 0.1) == []


def test_fragments_join_the_major_story_they_resemble_and_strays_stay_apart() -> None:
    # rows 0-7: one story's main body; 8-9: a fragment of it, told from another angle
    # (linked at 0.04, under the 0.06 cut); 10: another story's main body of 4 (11-13);
    # 14: a stray article like nothing (0.01)
    n = 15
    sim = np.full((n, n), 0.01, dtype=np.float32)
    body, fragment, other = range(8), (8, 9), range(10, 14)
    for block, value in ((body, 0.2), (fragment, 0.3), (other, 0.2)):
        for i in block:
            for j in block:
                sim[i, j] = value
    for i in fragment:
        for j in body:
            sim[i, j] = sim[j, i] = 0.04
        for j in other:
            sim[i, j] = sim[j, i] = 0.02
    np.fill_diagonal(sim, 1.0)
    labels = average_linkage(sim, 0.06)
    assert len(set(labels)) == 4  # body, fragment, other story, stray
    joined = attach_fragments(sim, labels, minor_share=0.2, threshold=0.03)
    assert len(set(joined)) == 3
    assert {joined[i] for i in (*body, *fragment)} == {joined[0]}  # the fragment joined
    assert {joined[i] for i in other} == {joined[10]} != {joined[0]}  # a major story stays
    assert joined[14] not in {joined[0], joined[10]}  # the stray stays apart
    # above the fragment's similarity to the body, nothing moves
    assert attach_fragments(sim, labels, minor_share=0.2, threshold=0.05) == labels
    # a major story is never moved, however similar
    assert attach_fragments(sim, labels, minor_share=0.1, threshold=0.03)[8] == labels[8]


def source(title: str | None, text: str = "Some text here.") -> Source:
    return Source("S1", "a.txt", "text", (text,), Metadata(title=title))


def test_story_name_takes_the_words_headlines_share() -> None:
    group = [
        source("Wildfire forces evacuation of Brenner village"),
        source("Firefighters battle Brenner wildfire for second day"),
        source("Brenner residents return home as wildfire is contained"),
    ]
    name = story_name(group)
    assert name.split()[:2] == ["Wildfire", "Brenner"]
    assert story_name([source(None, "Quake hits the coast on Monday.")]) == "Quake hits coast"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mesures d’urgence à Montréal", "mesures-d-urgence-a-montreal"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "story-con"),
        ("¿¡!?", "story"),
        ("Ünïcödé Straße", "unicode-strasse"),
        ("a" * 80, "a" * 48),
    ],
)
def test_slugs_are_safe_folder_names(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_slugs_are_distinct() -> None:
    assert story_slugs(["Port strike", "Port strike", "port  STRIKE!"]) == [
        "port-strike",
        "port-strike-2",
        "port-strike-3",
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_after_the_delay() -> None:
    pipe = io.StringIO()
    with Progress(3, pipe, delay=0) as bar:
        bar.advance("one")
    assert pipe.getvalue() == ""  # not a terminal
    terminal = Terminal()
    with Progress(3, terminal, delay=0) as bar:
        bar.advance("port-strike")
        assert "1/3 port-strike" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r")  # the line is cleared at the end
    quick = Terminal()
    with Progress(3, quick, delay=60) as bar:
        bar.advance("one")
    assert quick.getvalue() == ""  # a quick run shows nothing
    quiet = Terminal()
    with Progress(3, quiet, enabled=False, delay=0) as bar:
        bar.advance("one")
    assert quiet.getvalue() == ""


def test_progress_names_the_stage_and_the_time_spent() -> None:
    terminal = Terminal()
    with Progress(stream=terminal, delay=0) as bar:
        bar.stage("summarising 2,190 articles")
        assert "briefer: summarising 2,190 articles… 0 s" in terminal.getvalue()
        bar.advance("port-strike", 4)
        bar.advance("school-measles")
        assert bar.line(80).startswith("briefer: [#####---------------] 2/4 school-measles")
        assert len(bar.line(30)) == 29  # cut to the terminal's width


def test_cli_prints_no_progress_when_stderr_is_not_a_terminal(mixed: Path, tmp_path: Path) -> None:
    code, stdout, stderr = run("make", str(mixed / "fire-post.txt"), "-o", "-")
    assert code == 0 and stdout.startswith("# ")
    assert "\r" not in stderr and "briefer: [" not in stderr and "…" not in stderr

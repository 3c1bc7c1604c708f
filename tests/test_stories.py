"""Many stories at once: ``briefer make archive/ -o out/`` briefs each story sub-folder."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.schemas import load_schema
from briefer.stories import story_folders

BRIDGE = {
    "herald-bridge.txt": (
        "Harbour Herald | News | Sport | Weather 14°C\n\n"
        "Old swing bridge to close for 18 months of repairs\n\n"
        "By Nora Lind, Harbour Herald, 2 April 2025\n\n"
        "The Kessel swing bridge will close to all traffic on 1 June for 18 months of repairs, "
        "the city's transport department said on Tuesday.\n\n"
        "Engineers found corrosion in two of the bridge's four main bearings during an "
        "inspection in January.\n\n"
        "The repairs will cost an estimated €31 million, paid for by the city and the regional "
        "government.\n\n"
        "A free shuttle bus will run between the two banks every ten minutes while the bridge "
        "is closed.\n\nTRENDING\n1. Ferry fares rise\n2. Council elections\n"
    ),
    "wire-bridge.md": (
        "# Kessel bridge closure confirmed\n\n"
        "*North Wire — 3 April 2025*\n\n"
        "The Kessel swing bridge will shut on 1 June for 18 months, the transport department "
        "confirmed on Tuesday.\n\n"
        "Shop owners on Quay Street said the closure would cut their trade by a third.\n\n"
        "The repairs are expected to cost €31 million.\n"
    ),
}
SCHOOL = {
    "gazette-school.txt": (
        "Valley Gazette\n\nNew primary school for Ashford approved\n\n"
        "By Tom Reyes | 12 May 2025\n\n"
        "Ashford district council approved plans on Monday for a 420-pupil primary school on the "
        "former bus depot site.\n\n"
        "The school is due to open in September 2027 and will cost £14.5 million.\n\n"
        "Parents have campaigned for a new school since 2021, when two classes had to be taught "
        "in portable cabins.\n\nAdvertisement\nSubscribe to our newsletter\n"
    ),
    "radio-school.txt": (
        "Ashford Radio News\n\nCouncil backs Ashford school plan\n\n"
        "By Priya Nair, Ashford Radio, 13 May 2025\n\n"
        "Councillors in Ashford voted on Monday to build a 420-pupil primary school on the old "
        "bus depot site, ending a four-year campaign by local parents.\n\n"
        "The £14.5 million school should open its doors to the first pupils in September "
        "2027, the council's education officer told the meeting.\n\n"
        "Neighbours on Depot Road told the committee they were worried about traffic at "
        "drop-off times and asked for a one-way system around the site.\n"
    ),
}
FLOOD = {
    "post-flood.txt": (
        "Riverside Post\n\nFlood warning lifted as Tarn river falls\n\n"
        "By Ana Costa, 20 February 2025\n\n"
        "The environment agency lifted its flood warning for the Tarn valley on Thursday after "
        "river levels fell by more than a metre overnight.\n\n"
        "About 240 homes were evacuated on Monday when the river burst its banks at Millbrook.\n\n"
        "Residents were allowed to return home on Thursday afternoon.\n"
    ),
}


def write_story(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_story(root / "2025-04 kessel bridge", BRIDGE)
    write_story(root / "ashford-school", SCHOOL)
    write_story(root / "tarn-flood", FLOOD)
    (root / ".git").mkdir()  # hidden folders are not stories
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return root


def test_three_stories_give_three_briefs_and_an_index(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["make", str(archive), "-o", str(out), "-f", "md", "-f", "json", "--date", "2025-06-01"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "3 of 3 stories briefed" in result.output
    names = ["2025-04 kessel bridge", "ashford-school", "tarn-flood"]
    schema = load_schema("brief")
    titles = {}
    for name in names:
        document = json.loads((out / name / "brief.json").read_text("utf-8"))
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
        titles[name] = document["title"]
        assert (out / name / "brief.md").is_file()
    # each brief holds its own story only
    assert "bridge" in titles["2025-04 kessel bridge"].lower()
    assert "school" in titles["ashford-school"].lower()
    assert "flood" in titles["tarn-flood"].lower()
    school = json.loads((out / "ashford-school" / "brief.json").read_text("utf-8"))
    assert {s["file"] for s in school["sources"]} == set(SCHOOL)
    index = json.loads((out / "index.json").read_text("utf-8"))
    assert [s["story"] for s in index["stories"]] == names
    assert index["stories"][1]["files"] == ["ashford-school/brief.md", "ashford-school/brief.json"]
    assert all(s["error"] is None for s in index["stories"])
    markdown = (out / "index.md").read_text("utf-8")
    assert "3 of 3 stories briefed" in markdown
    assert "(<2025-04 kessel bridge/brief.md>)" in markdown


def test_a_story_without_articles_is_listed_and_the_others_are_written(
    archive: Path, tmp_path: Path
) -> None:
    write_story(archive / "photos-only", {"caption.txt": "", "menu.txt": "Home | News\n"})
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["make", str(archive), "-o", str(out), "-f", "json"])
    assert result.exit_code == 1
    assert "photos-only: no brief" in result.output
    index = json.loads((out / "index.json").read_text("utf-8"))
    failed = [s for s in index["stories"] if s["error"]]
    assert [s["story"] for s in failed] == ["photos-only"]
    assert not (out / "photos-only").exists()
    assert (out / "tarn-flood" / "brief.json").is_file()


def test_a_folder_with_loose_articles_is_one_story(archive: Path, tmp_path: Path) -> None:
    (archive / "late-update.txt").write_text(BRIDGE["herald-bridge.txt"], encoding="utf-8")
    assert story_folders([archive]) is None
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["make", str(archive), "-o", str(out), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["brief.json"]


def test_one_sub_folder_or_several_inputs_are_one_story(archive: Path, tmp_path: Path) -> None:
    single = tmp_path / "single"
    write_story(single / "only", SCHOOL)
    assert story_folders([single]) is None
    assert story_folders([archive, single]) is None
    assert story_folders([archive / "tarn-flood" / "post-flood.txt"]) is None
    assert [f.name for f in story_folders([archive]) or []] == [
        "2025-04 kessel bridge", "ashford-school", "tarn-flood"]  # fmt: skip


def test_an_archive_cannot_go_to_stdout(archive: Path) -> None:
    result = CliRunner().invoke(app, ["make", str(archive), "-o", "-"])
    assert result.exit_code == 2
    assert "3 stories" in result.output

"""brief.json and timeline.json validate against the JSON Schemas shipped in the package.

Every JSON document this module makes (the sample inputs with every algorithm, each test case
folder, a run with skipped files, a brief with all four policy sections, timelines through the
CLI and the API) is checked against ``briefer/schemas/*.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from briefer import BriefOptions, make_brief
from briefer.cli import app
from briefer.policy import with_policy
from briefer.rank import ALGORITHMS
from briefer.schemas import SCHEMA_VERSION, load_schema

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
CASES = sorted(p / "inputs" for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir())
DAY = dt.date(2025, 3, 12)


def validate(document: dict[str, Any], name: str) -> None:
    schema = load_schema(name)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["schema_version"] == SCHEMA_VERSION


def check_citations(document: dict[str, Any]) -> None:
    """What a schema cannot say: every cited id is a listed source."""
    ids = {s["id"] for s in document["sources"]}
    for key in ("key_points", "chronology", "why_it_matters", "what_to_watch", "who_said_what"):
        for item in document.get(key, []):
            assert set(item["sources"]) <= ids, (key, item)
            assert item["quoted_from"] in item["sources"] or item["quoted_from"] is None
    for disagreement in document.get("disagreements", []):
        for version in disagreement["versions"]:
            assert set(version["sources"]) <= ids


def test_the_schemas_ship_in_the_package_and_are_valid_schemas() -> None:
    folder = resources.files("briefer.schemas")
    for name in ("brief", "timeline"):
        assert folder.joinpath(f"{name}.schema.json").is_file()
        jsonschema.Draft202012Validator.check_schema(load_schema(name))
    with pytest.raises(ValueError, match="unknown schema 'report'"):
        load_schema("report")


@pytest.mark.parametrize("algorithm", sorted(ALGORITHMS))
def test_sample_brief_json_is_valid_with_every_algorithm(algorithm: str) -> None:
    brief = make_brief(SAMPLE, BriefOptions(algorithm=algorithm, today=DAY))
    document = json.loads(brief.to_json())
    validate(document, "brief")
    check_citations(document)
    assert document["key_points"] and document["chronology"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.parent.name)
def test_case_brief_json_and_timeline_json_are_valid(case: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["make", str(case), "-o", str(tmp_path), "-f", "json", "--date", "2025-03-12", "-q"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "brief.json").read_text("utf-8"))
    validate(document, "brief")
    check_citations(document)
    result = CliRunner().invoke(app, ["timeline", str(case), "-o", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    timeline = json.loads((tmp_path / "timeline.json").read_text("utf-8"))
    validate(timeline, "timeline")
    check_citations(timeline)
    assert timeline["dates"]


def test_a_run_with_skipped_files_and_odd_metadata_is_valid(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4)
    (folder / "empty.md").write_text("")
    (folder / "notes.rtf").write_text("{\\rtf1 hello}")
    (folder / "ferry.txt").write_text(
        "Ferry operator cuts winter crossings\n\n"
        "By  \n\n"
        "The island ferry operator said on Monday it would run two crossings a day instead of "
        "four from 1 December, blaming a shortage of qualified crew.\n\n"
        "Residents of Sandvik said the cut would leave commuters stranded on the mainland after "
        "the last sailing at 16:30.\n\n"
        "“We were told about this by a notice on the pier,” said Ingrid Vole, who chairs the "
        "island council.\n\n"
        "The operator said the timetable would be reviewed in March 2026.\n",
        encoding="utf-8",
    )
    brief = make_brief(folder, BriefOptions(today=dt.date(2025, 11, 20)))
    document = json.loads(brief.to_json())
    validate(document, "brief")
    assert {s["file"] for s in document["skipped"]} >= {"photo.txt", "empty.md", "notes.rtf"}
    assert document["sources"][0]["published"] is None


def test_brief_with_policy_sections_is_valid() -> None:
    """All four policy fields (why it matters, what to watch, who said what, disagreements)."""
    from briefer.models import Metadata, Source

    gazette = Source(
        "S1", "gazette.txt", "text",
        (
            "The regional council approved a €48 million tram extension to the university on "
            "Wednesday.",
            "The line will carry an estimated 9,000 passengers a day when it opens.",
            "Without the extension, the council warned, buses on the corridor would remain "
            "overcrowded and thousands of students would keep driving to campus.",
            "“This is the biggest investment in the east side for a generation,” said council "
            "leader Petra Holm.",
            "Construction is due to start in May 2026 and take three years.",
            "At least 14 shops on Mill Street will lose their loading bays during the works.",
        ),
        Metadata(title="Tram extension approved", published=dt.date(2025, 10, 8)),
    )  # fmt: skip
    radio = Source(
        "S2", "radio.txt", "text",
        (
            "“This is the biggest investment in the east side for a generation,” Petra Holm said "
            "after the vote.",
            "Traders on Mill Street will meet the council on Monday to ask for night deliveries.",
            "At least 30 shops on Mill Street will lose their loading bays during the works.",
            "The extension still needs approval from the national transport agency.",
        ),
        Metadata(title="Tram line to university gets green light", published=dt.date(2025, 10, 9)),
    )  # fmt: skip
    base = make_brief(SAMPLE, BriefOptions(today=DAY))
    from dataclasses import replace

    brief = with_policy(replace(base, sources=(gazette, radio)), [gazette, radio])
    document = json.loads(brief.to_json())
    validate(document, "brief")
    present = [
        key
        for key in ("why_it_matters", "what_to_watch", "who_said_what", "disagreements")
        if document[key]
    ]
    assert present == ["why_it_matters", "what_to_watch", "who_said_what", "disagreements"]


def test_the_schema_rejects_what_the_contract_forbids() -> None:
    document = json.loads(make_brief(SAMPLE, BriefOptions(today=DAY)).to_json())
    schema = load_schema("brief")
    bad_date = json.loads(json.dumps(document))
    bad_date["chronology"][0]["date"] = "12 March 2025"
    no_cite = json.loads(json.dumps(document))
    no_cite["key_points"][0]["sources"] = []
    extra = {**document, "summary": "not in the contract"}
    no_version = {k: v for k, v in document.items() if k != "schema_version"}
    for broken in (bad_date, no_cite, extra, no_version):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)

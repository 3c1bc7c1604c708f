"""The ``briefer`` command: outputs, run report, exit codes, and what a failed run leaves."""

from __future__ import annotations

import gc
import json
import os
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from briefer import __version__
from briefer.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"

runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_version() -> None:
    code, output = run("--version")
    assert code == 0, output
    assert output.strip() == f"briefer {__version__}"


def test_make_writes_markdown_and_word_by_default(tmp_path: Path) -> None:
    code, output = run("make", SAMPLE, "-o", tmp_path, "--date", "2025-03-12")
    assert code == 0, output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx", "brief.md"]
    md = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert md.startswith("# ")
    assert "## Key points" in md and "## Chronology" in md and "## Sources" in md
    assert "2025-03-12" in md  # the generation date given with --date
    # the run report names where the files went
    assert f"wrote {tmp_path / 'brief.md'}" in output
    assert "4 sources used" in output


def test_make_json_lists_sources_and_cites_them(tmp_path: Path) -> None:
    code, output = run("make", SAMPLE, "-o", tmp_path, "--format", "json")
    assert code == 0, output
    brief = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    ids = {s["id"] for s in brief["sources"]}
    assert {s["file"] for s in brief["sources"]} == {p.name for p in SAMPLE.iterdir()}
    items = brief["key_points"] + brief["chronology"]
    assert 3 <= len(brief["key_points"]) <= 5
    assert items and all(item["sources"] and set(item["sources"]) <= ids for item in items)
    dates = [item["date"] for item in brief["chronology"]]
    assert dates == sorted(dates)
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d) for d in dates)


def test_title_and_letter_page(tmp_path: Path) -> None:
    code, output = run(
        "make", SAMPLE, "-o", tmp_path, "--title", "Fuel rebate: where it stands",
        "--page", "letter", "--format", "docx",
    )  # fmt: skip
    assert code == 0, output
    document = docx.Document(str(tmp_path / "brief.docx"))
    assert document.paragraphs[0].text == "Fuel rebate: where it stands"
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert round(section.page_width.inches, 2) == 8.5
    assert round(section.page_height.inches, 2) == 11.0


def test_unusable_files_are_reported_and_the_brief_is_still_made(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(
        (SAMPLE / "fjordline_rebate_2025-03-04.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"

    code, output = run("make", folder, "-o", out, "--format", "json")

    assert code == 0, output
    skipped = json.loads((out / "brief.json").read_text(encoding="utf-8"))["skipped"]
    reasons = {s["file"]: s["reason"] for s in skipped}
    assert set(reasons) == {"empty.txt", "photo.txt", "sheet.xlsx"}
    assert all(reasons.values())
    for name in reasons:
        assert f"skipped {name}: {reasons[name]}" in output


def test_no_usable_input_exits_1_and_leaves_outputs_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.md").write_text("yesterday's brief\n", encoding="utf-8")

    code, output = run("make", folder, "-o", out, "--format", "md", "--format", "json")

    assert code == 1, output
    assert "no usable article" in output
    assert "empty.txt" in output
    assert (out / "brief.md").read_text(encoding="utf-8") == "yesterday's brief\n"
    assert not (out / "brief.json").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("make", "no-such-folder"),
        ("make", str(SAMPLE), "--algorithm", "gpt"),
        ("make", str(SAMPLE), "--format", "rtf"),
        ("make", str(SAMPLE), "--page", "a3"),
        ("make", str(SAMPLE), "--date", "22/11/2026"),
        ("make",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    code, output = run(*args, "-o", tmp_path)
    assert code == 2, output
    assert list(tmp_path.iterdir()) == []


def test_every_algorithm_makes_a_brief(tmp_path: Path) -> None:
    from briefer.rank import ALGORITHMS

    for name in sorted(ALGORITHMS):
        out = tmp_path / name
        code, output = run("make", SAMPLE, "-o", out, "--format", "json", "-a", name, "-q")
        assert code == 0, (name, output)
        assert output == ""  # -q: nothing but errors
        brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
        assert brief["key_points"] and brief["chronology"], name


def test_same_inputs_give_identical_markdown_and_json(tmp_path: Path) -> None:
    for run_name in ("a", "b"):
        code, output = run(
            "make", SAMPLE, "-o", tmp_path / run_name, "--format", "md", "--format", "json",
            "--date", "2025-03-12",
        )  # fmt: skip
        assert code == 0, output
    for name in ("brief.md", "brief.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_numpy_blas_runs_in_one_thread_unless_the_user_chose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The command's own process (not the library's caller) asks OpenBLAS for one thread,
    before numpy is imported; a user's own setting stands."""
    from briefer import cli

    monkeypatch.setattr(cli, "app", lambda: None)
    monkeypatch.setattr(cli, "_end", lambda code: None)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "placeholder")  # (restored after the test)
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    collector = gc.get_threshold()  # (main sets the command's own: put back for other tests)
    try:
        cli.main()
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
        cli.main()
        assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
    finally:
        gc.set_threshold(*collector)

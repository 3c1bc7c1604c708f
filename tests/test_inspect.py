"""``briefer inspect``: what briefer reads in each input, and why (the sample inputs and PDFs
written for this project)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from briefer.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
PDFS = ROOT / "tests" / "fixtures" / "pdf"

runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["inspect", *(str(a) for a in args)])
    return result.exit_code, result.stdout, result.stderr


def test_json_lists_every_source_with_metadata_origins_and_cleaned_text() -> None:
    code, out, _ = invoke(SAMPLE, "--format", "json", "--date", "2025-03-12")

    assert code == 0
    report = json.loads(out)  # nothing but the JSON on stdout
    by_file = {s["file"]: s for s in report["sources"]}
    assert set(by_file) == {
        "fishing-weekly-rebate.docx",
        "fjordline_rebate_2025-03-04.txt",
        "halden-coast-herald-fuel-rebate.html",
        "ncna_feed.jsonl",
    }
    scraped = by_file["fjordline_rebate_2025-03-04.txt"]
    assert scraped["format"] == "text"
    assert scraped["title"] == "Halden cabinet partly restores fuel rebate for inshore fleet"
    assert scraped["author"] == "Ole Brekke"
    assert scraped["published"] == "2025-03-04"  # not the weather bar's 9 February 2026
    assert scraped["origin"]["published"].startswith("byline line")
    assert "Double Click" not in scraped["text"] and "ALSO READ" not in scraped["text"]
    assert scraped["text"].startswith("The Halden regional cabinet on Tuesday")
    assert scraped["dropped_lines"] > 5 and scraped["kept_lines"] > 5
    assert "dropped" not in scraped
    for source in report["sources"]:
        assert {"file", "format", "title", "outlet", "author", "published", "text"} <= set(source)
        for field in source["origin"]:
            assert source[field] is not None
    assert report["skipped"] == []


def test_show_dropped_in_json_gives_each_removed_line_and_its_reason() -> None:
    code, out, _ = invoke(
        SAMPLE / "fjordline_rebate_2025-03-04.txt", "-f", "json", "--show-dropped",
        "--date", "2025-03-12",
    )

    assert code == 0
    (source,) = json.loads(out)["sources"]
    reasons = {d["line"]: d["reason"] for d in source["dropped"]}
    assert reasons["Double Click 300 x 250"] == "ad slot"
    assert reasons["Halden cabinet partly restores fuel rebate for inshore fleet"] == "title"
    assert len(source["dropped"]) == source["dropped_lines"]


def test_text_report_shows_origins_counts_and_text() -> None:
    code, out, _ = invoke(SAMPLE / "fjordline_rebate_2025-03-04.txt", "--date", "2025-03-12")

    assert code == 0
    assert out.startswith("== fjordline_rebate_2025-03-04.txt  [text]")
    assert "published  2025-03-04   <- byline line" in out
    assert " kept, " in out and " dropped" in out
    assert "The Halden regional cabinet on Tuesday" in out
    assert "Double Click" not in out


def test_text_report_with_show_dropped_marks_removed_lines() -> None:
    code, out, _ = invoke(
        SAMPLE / "fjordline_rebate_2025-03-04.txt", "--show-dropped", "--date", "2025-03-12"
    )

    assert code == 0
    assert "   - Double Click 300 x 250   [ad slot]" in out
    assert "     The Halden regional cabinet on Tuesday" in out


def test_pdfs_show_page_furniture_as_dropped_and_skips_with_reasons(tmp_path: Path) -> None:
    for name in ("wire-copy.pdf", "scanned.pdf", "encrypted.pdf"):
        shutil.copy(PDFS / name, tmp_path / name)

    code, out, _ = invoke(tmp_path, "-f", "json", "--show-dropped", "--date", "2025-03-12")

    assert code == 0
    report = json.loads(out)
    (wire,) = report["sources"]
    assert wire["format"] == "pdf"
    assert wire["published"] == "2025-03-11"
    assert {"line": "- 2 -", "reason": "page number"} in wire["dropped"]
    assert {s["file"]: s["reason"] for s in report["skipped"]} == {
        "encrypted.pdf": "PDF is encrypted (it needs a password to open)",
        "scanned.pdf": "PDF has no text layer (a scanned document?): run OCR on it first",
    }


def test_nothing_usable_exits_1_and_still_reports(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "menu.txt").write_text("Home | News | Sport | Weather\nSubscribe\nAdvertisement\n")

    code, out, _ = invoke(tmp_path, "-f", "json")

    assert code == 1
    report = json.loads(out)
    assert report["skipped"] == [{"file": "photo.txt", "reason": "not text (binary data)"}]
    (menu,) = report["sources"]  # read, but nothing of it is article text
    assert menu["text"] == "" and menu["kept_lines"] == 0 and menu["dropped_lines"] == 3


def test_missing_input_and_bad_date_are_usage_errors(tmp_path: Path) -> None:
    assert invoke(tmp_path / "nope")[0] == 2
    assert invoke(SAMPLE, "--date", "12/03/2025")[0] == 2

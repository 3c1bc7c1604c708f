"""``--format pdf`` and ``--format png``: LibreOffice and poppler when installed, a clear
message and exit 1 (nothing written) when not."""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
runner = CliRunner()

needs_converters = pytest.mark.skipif(
    shutil.which("soffice") is None
    or shutil.which("pdftoppm") is None
    or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) or poppler (pdftoppm, pdfinfo) is not installed",
)


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.libreoffice
@needs_converters
@pytest.mark.parametrize("page, pixels", [("a4", (1241, 1754)), ("letter", (1275, 1650))])
def test_pdf_and_png_of_the_one_page(tmp_path: Path, page: str, pixels: tuple[int, int]) -> None:
    import subprocess

    out = tmp_path / "out"
    code, output = run(
        "make", SAMPLE, "-o", out, "-f", "pdf", "-f", "png", "-f", "md", "--page", page,
        "--date", "2025-03-12",
    )  # fmt: skip
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == ["brief.md", "brief.pdf", "brief.png"]
    pdf = (out / "brief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    info = subprocess.run(
        ["pdfinfo", str(out / "brief.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"^Title:\s+Halden cabinet", info, re.M)  # the Word properties carry over
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "brief.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Key points" in text and "Chronology" in text and "2025-03-12" in text
    assert png_size((out / "brief.png").read_bytes()) == pixels  # page one at 150 dpi
    assert not list(tmp_path.glob("**/*.part"))  # atomic writes leave no temporaries


def _path_without(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *keep: str) -> None:
    """PATH holding only links to the commands in ``keep`` (a machine without the others)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in keep:
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        (bin_dir / name).symlink_to(found)
    monkeypatch.setenv("PATH", str(bin_dir))


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_without_libreoffice_pdf_and_png_fail_clearly_and_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    _path_without(tmp_path, monkeypatch)
    out = tmp_path / "out"
    code, output = run("make", SAMPLE, "-o", out, "-f", "md", "-f", fmt)
    assert code == 1, output
    assert f"--format {fmt} needs LibreOffice" in output
    assert "libreoffice-writer-nogui" in output
    assert not out.exists()  # not even brief.md: every output is rendered before any is written


def test_without_pdftoppm_png_fails_before_libreoffice_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "fake"
    bin_dir.mkdir()
    marker = tmp_path / "soffice-ran"
    fake = bin_dir / "soffice"
    fake.write_text(f"#!/bin/sh\n: > {marker}\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir))
    code, output = run("make", SAMPLE, "-o", tmp_path / "out", "-f", "png")
    assert code == 1, output
    assert "needs poppler's pdftoppm" in output and "poppler-utils" in output
    assert not marker.exists() and not (tmp_path / "out").exists()


def test_a_failing_libreoffice_is_reported_and_old_outputs_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "fake"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 81\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.pdf").write_bytes(b"%PDF- yesterday")
    code, output = run("make", SAMPLE, "-o", out, "-f", "pdf", "-f", "docx")
    assert code == 1, output
    assert "LibreOffice failed (exit 81): Error: source file could not be loaded" in output
    assert sorted(p.name for p in out.iterdir()) == ["brief.pdf"]
    assert (out / "brief.pdf").read_bytes() == b"%PDF- yesterday"


def test_libreoffice_that_writes_no_pdf_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "fake"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir))
    code, output = run("make", SAMPLE, "-o", tmp_path / "out", "-f", "pdf")
    assert code == 1, output
    assert "LibreOffice ran but wrote no PDF" in output

"""The Word brief as PDF (through LibreOffice) and as a PNG preview of its page (poppler).

Both run external programs: ``soffice`` (LibreOffice Writer) and ``pdftoppm`` (poppler).
Each conversion works in a private temporary folder with its own LibreOffice profile
(``-env:UserInstallation``), so it neither touches the user's LibreOffice settings nor
collides with a LibreOffice already running. Nothing is written where the brief goes:
the bytes are returned and the caller writes them atomically with the other outputs.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from briefer.errors import OutputError

logger = logging.getLogger(__name__)

#: Seconds LibreOffice may take for one brief (its first start builds a profile).
SOFFICE_TIMEOUT = 240
PDFTOPPM_TIMEOUT = 60
#: The preview's resolution: an A4 page becomes 1241 × 1754 pixels, sharp on a screen and
#: small enough for a chat message (about 400 kB for the sample brief).
PREVIEW_DPI = 150

_SOFFICE_NAMES = ("soffice", "libreoffice")


class ConverterMissing(OutputError):
    """A program a format needs (LibreOffice, poppler's pdftoppm) is not installed."""


class ConversionFailed(OutputError):
    """The program ran but gave no usable file."""


def find_soffice() -> str | None:
    """The LibreOffice command on this machine, or None."""
    for name in _SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _no_soffice(fmt: str) -> ConverterMissing:
    return ConverterMissing(
        f"--format {fmt} needs LibreOffice (the soffice command), which is not installed; "
        "install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or choose "
        "--format docx"
    )


def _no_pdftoppm() -> ConverterMissing:
    return ConverterMissing(
        "--format png needs poppler's pdftoppm, which is not installed; install it "
        "(Debian/Ubuntu: apt-get install poppler-utils) or choose --format pdf"
    )


def check_converters(formats: Iterable[str]) -> None:
    """Raise ``ConverterMissing`` now if a program ``formats`` need is not installed."""
    wanted = set(formats)
    for fmt in ("pdf", "png"):
        if fmt in wanted and find_soffice() is None:
            raise _no_soffice(fmt)
    if "png" in wanted and shutil.which("pdftoppm") is None:
        raise _no_pdftoppm()


def _run(command: list[str], timeout: int, what: str) -> None:
    logger.debug("running %s", " ".join(command))
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ConversionFailed(f"{what} did not finish within {timeout} s") from exc
    except OSError as exc:
        raise ConversionFailed(f"{what} could not be started: {exc}") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConversionFailed(
            f"{what} failed (exit {done.returncode})" + (f": {detail[-1]}" if detail else "")
        )


def docx_to_pdf(docx: bytes) -> bytes:
    """The Word file ``docx`` as PDF, as LibreOffice lays it out.

    Raises ``ConverterMissing`` when LibreOffice is not installed, ``ConversionFailed``
    when it gives no PDF.
    """
    soffice = find_soffice()
    if soffice is None:
        raise _no_soffice("pdf")
    with tempfile.TemporaryDirectory(prefix="briefer-pdf-") as temp:
        folder = Path(temp)
        source = folder / "brief.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        _run(command, SOFFICE_TIMEOUT, "LibreOffice")
        pdf = folder / "out" / "brief.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise ConversionFailed("LibreOffice ran but wrote no PDF")
        return pdf.read_bytes()


def pdf_to_png(pdf: bytes, dpi: int = PREVIEW_DPI) -> bytes:
    """Page one of ``pdf`` as a PNG image (``dpi`` dots per inch), drawn by poppler."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise _no_pdftoppm()
    with tempfile.TemporaryDirectory(prefix="briefer-png-") as temp:
        folder = Path(temp)
        source = folder / "brief.pdf"
        source.write_bytes(pdf)
        stem = folder / "page"
        command = [
            pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
            str(source), str(stem),
        ]  # fmt: skip
        _run(command, PDFTOPPM_TIMEOUT, "pdftoppm")
        png = stem.with_suffix(".png")
        if not png.is_file() or png.stat().st_size == 0:
            raise ConversionFailed("pdftoppm ran but drew no page")
        return png.read_bytes()

"""The page's fixed words follow the brief's language, and templates can name their own."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from briefer.cli import app
from test_language import FRENCH, SPANISH, folder


def make(story: Path, out: Path, *extra: str) -> None:
    result = CliRunner().invoke(
        app, ["make", str(story), "-o", str(out), "-f", "md", "-f", "docx",
              "--date", "2025-06-01", "-q", *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def headings(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


@pytest.mark.parametrize(
    ("files", "words", "meta"),
    [
        (FRENCH, ["Points clés", "Chronologie", "Sources"], "Note établie le 2025-06-01"),
        (SPANISH, ["Puntos clave", "Cronología", "Fuentes"], "Informe generado el 2025-06-01"),
    ],
)
def test_a_foreign_story_gets_headings_in_its_language(
    tmp_path: Path, files: dict[str, str], words: list[str], meta: str
) -> None:
    out = tmp_path / "out"
    make(folder(tmp_path, files), out)
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    for word in words:
        assert f"\n## {word}\n" in markdown
    assert meta in markdown
    assert "Key points" not in markdown and "Brief generated" not in markdown
    word_headings = headings(out / "brief.docx")
    assert set(words) <= set(word_headings)
    assert "Key points" not in word_headings


def test_forcing_english_gives_english_headings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make(folder(tmp_path, FRENCH), out, "--language", "english")
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    assert "\n## Key points\n" in markdown and "Brief generated 2025-06-01" in markdown
    assert "Key points" in headings(out / "brief.docx")


def test_word_template_names_its_own_labels(tmp_path: Path) -> None:
    house = tmp_path / "house"
    result = CliRunner().invoke(app, ["templates", "export", str(house)])
    assert result.exit_code == 0, result.output
    template = docx.Document(str(house / "brief.docx"))
    template.add_paragraph("briefer labels: key_points = L'essentiel; sources = Nos sources")
    template.save(str(house / "brief.docx"))
    out = tmp_path / "out"
    make(folder(tmp_path, FRENCH), out, "--templates", str(house))
    found = headings(out / "brief.docx")
    assert "L'essentiel" in found and "Nos sources" in found
    texts = [p.text for p in docx.Document(str(out / "brief.docx")).paragraphs]
    assert any(t.startswith("Note établie le") for t in texts)  # what it does not name: French
    assert not any(t.startswith("briefer labels") for t in texts)


def test_markdown_template_can_fix_its_own_words(tmp_path: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "brief.md.j2").write_text(
        "# {{ title }}\n\n## Das Wichtigste ({{ language }})\n\n"
        "{% for p in key_points %}- {{ p.text }}\n{% endfor %}\n## {{ labels.sources }}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    make(folder(tmp_path, SPANISH), out, "--templates", str(house))
    markdown = (out / "brief.md").read_text(encoding="utf-8")
    assert "## Das Wichtigste (spanish)" in markdown and "## Fuentes" in markdown

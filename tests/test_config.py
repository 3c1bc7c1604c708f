"""Settings from briefer.toml, [tool.briefer] and BRIEFER_*: flag > env > file > default."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in list(os.environ):
        if name.startswith("BRIEFER_") and name != "BRIEFER_WORKERS":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def make(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["make", str(SAMPLE), "--date", "2025-03-12", *args], env=env)
    return result.exit_code, result.output


def brief_json(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "brief.json").read_text("utf-8"))
    return data


def test_briefer_toml_sets_algorithm_formats_and_output(tmp_path: Path) -> None:
    (tmp_path / "briefer.toml").write_text(
        '# newsroom defaults\nalgorithm = "textrank"\nformat = ["json", "md"]\n'
        'output = "briefs/today"\nmax-file-mb = 5\n'
    )
    code, output = make()
    assert code == 0, output
    written = sorted(p.name for p in (tmp_path / "briefs" / "today").iterdir())
    assert written == ["brief.json", "brief.md"]
    assert brief_json(tmp_path / "briefs" / "today")["algorithm"] == "textrank"
    assert not (tmp_path / "outputs").exists()


def test_pyproject_tool_table_is_read_and_briefer_toml_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "newsdesk"\n\n[tool.ruff]\nline-length = 99\n\n'
        '[tool.briefer]\nalgorithm = "luhn"\nformat = "json"\n'
    )
    code, output = make()
    assert code == 0, output
    assert brief_json(tmp_path / "outputs")["algorithm"] == "luhn"
    (tmp_path / "briefer.toml").write_text('algorithm = "lsa"\nformat = ["json"]\n')
    code, output = make()
    assert code == 0, output
    assert brief_json(tmp_path / "outputs")["algorithm"] == "lsa"


def test_precedence_flag_over_environment_over_file(tmp_path: Path) -> None:
    (tmp_path / "briefer.toml").write_text('algorithm = "textrank"\nformat = ["json"]\n')
    assert make()[0] == 0
    assert brief_json(tmp_path / "outputs")["algorithm"] == "textrank"  # file over default
    assert make(env={"BRIEFER_ALGORITHM": "Luhn"})[0] == 0
    assert brief_json(tmp_path / "outputs")["algorithm"] == "luhn"  # environment over file
    assert make("-a", "lsa", env={"BRIEFER_ALGORITHM": "luhn"})[0] == 0
    assert brief_json(tmp_path / "outputs")["algorithm"] == "lsa"  # flag over environment
    # a flag given with its default value still wins over the settings
    assert make("-a", "lexrank", env={"BRIEFER_ALGORITHM": "luhn"})[0] == 0
    assert brief_json(tmp_path / "outputs")["algorithm"] == "lexrank"


def test_environment_lists_limits_and_page(tmp_path: Path) -> None:
    code, output = make(env={"BRIEFER_FORMAT": "md, json", "BRIEFER_OUTPUT": "env-out",
                             "BRIEFER_PAGE": "letter", "BRIEFER_WORKERS": "1"})  # fmt: skip
    assert code == 0, output
    assert brief_json(tmp_path / "env-out")["page"] == "letter"
    assert (tmp_path / "env-out" / "brief.md").is_file()
    code, output = make(env={"BRIEFER_MAX_ARTICLES": "2"})
    assert code == 3, output  # more articles than BRIEFER_MAX_ARTICLES allows


@pytest.mark.parametrize(
    ("toml", "env", "message"),
    [
        ('algoritm = "textrank"\n', {}, "unknown key 'algoritm'"),
        ("[layout]\nmargins = 2\n", {}, "unknown key 'layout'"),
        ('page = "legal"\n', {}, "'legal' is not one of a4, letter"),
        ('format = ["md", "rtf"]\n', {}, "'rtf' is not one of md, docx"),
        ("max_articles = 0\n", {}, "max_articles: 0 is below"),
        ('max_articles = "lots"\n', {}, "'lots' is not a number"),
        ('algorithm = "textrank\n', {}, "briefer.toml: not valid TOML"),
        ("", {"BRIEFER_ALGORITM": "luhn"}, "unknown environment variable BRIEFER_ALGORITM"),
        ("", {"BRIEFER_MAX_FILE_MB": "ten"}, "BRIEFER_MAX_FILE_MB: 'ten' is not a number"),
    ],
)
def test_bad_settings_are_usage_errors_naming_the_key(
    tmp_path: Path, toml: str, env: dict[str, str], message: str
) -> None:
    (tmp_path / "briefer.toml").write_text(toml)
    code, output = make(env=env)
    assert code == 2
    assert message in " ".join(output.split())
    assert not (tmp_path / "outputs").exists()


def test_unknown_key_in_pyproject_is_rejected_by_name(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.briefer]\ntitel = "Budget"\n')
    code, output = make()
    assert code == 2
    assert "pyproject.toml [tool.briefer]: unknown key 'titel'" in output


def test_no_settings_anywhere_keeps_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "elsewhere"\n')
    code, output = make()
    assert code == 0, output
    assert sorted(p.name for p in (tmp_path / "outputs").iterdir()) == ["brief.docx", "brief.md"]


def test_by_story_from_the_file_or_environment_and_one_brief_flag_beats_them(
    tmp_path: Path,
) -> None:
    mixed = Path(__file__).parent / "fixtures" / "mixed"

    def stories(*args: str, env: dict[str, str] | None = None) -> int:
        result = CliRunner().invoke(
            app, ["make", str(mixed), "--date", "2025-04-01", "-f", "md", *args], env=env
        )
        assert result.exit_code == 0, result.output
        index = tmp_path / "outputs" / "index.json"
        count = len(json.loads(index.read_text("utf-8"))["stories"]) if index.exists() else 1
        shutil.rmtree(tmp_path / "outputs")
        return count

    assert stories() == 1  # default: one brief of everything
    (tmp_path / "pyproject.toml").write_text("[tool.briefer]\nby-story = true\n")
    assert stories() == 3  # the file groups the mixed folder into its three stories
    assert stories(env={"BRIEFER_BY_STORY": "no"}) == 1  # environment over file
    assert stories("--one-brief") == 1  # flag over file
    assert stories("--by-story", env={"BRIEFER_BY_STORY": "off"}) == 3  # flag over environment
    (tmp_path / "pyproject.toml").write_text("[tool.briefer]\nby_story = \"maybe\"\n")
    result = CliRunner().invoke(app, ["make", str(mixed)])
    assert result.exit_code == 2
    assert "by_story: expected true or false, got 'maybe'" in result.output

"""The README's Python examples run as written, and every command's --help shows an example."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"^```python\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL)


def test_the_readme_has_python_examples() -> None:
    assert len(PYTHON_BLOCKS) >= 2
    assert any("from briefer import make_brief, BriefOptions" in b for b in PYTHON_BLOCKS)


@pytest.mark.parametrize("number", range(len(PYTHON_BLOCKS)))
def test_readme_python_example_runs(
    number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    monkeypatch.chdir(tmp_path)
    code = compile(PYTHON_BLOCKS[number], f"README.md python block {number + 1}", "exec")
    exec(code, {"__name__": f"readme_example_{number}"})


def _commands() -> list[tuple[str, ...]]:
    """Every leaf command of ``briefer`` as its words (``("templates", "export")``)."""
    import typer.main

    from briefer.cli import app

    found: list[tuple[str, ...]] = []

    def walk(command: object, words: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                walk(child, (*words, name))
        else:
            found.append(words)

    walk(typer.main.get_command(app), ())
    return found


def test_every_command_is_found() -> None:
    assert {"make", "inspect", "timeline", "templates export"} <= {" ".join(c) for c in _commands()}


def _example(words: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> str:
    """The command line after ``Example:`` in ``briefer WORDS --help`` (a wide terminal)."""
    from typer.testing import CliRunner

    from briefer.cli import app

    monkeypatch.setenv("COLUMNS", "240")  # rich wraps help at the terminal's width
    result = CliRunner().invoke(app, [*words, "--help"])
    assert result.exit_code == 0
    found = re.findall(r"Example: (briefer .*?)\s*$", result.output, flags=re.MULTILINE)
    assert found, f"briefer {' '.join(words)} --help has no 'Example:'"
    return str(found[0])


@pytest.mark.parametrize("words", _commands(), ids=" ".join)
def test_every_help_example_runs(
    words: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command's help example names the command and runs as written (exit 0), in a
    folder holding the sample inputs/ and a feed.jsonl."""
    import shlex

    from typer.testing import CliRunner

    from briefer.cli import app

    example = _example(words, monkeypatch)
    assert example.startswith("briefer " + " ".join(words) + " "), example
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    shutil.copy(ROOT / "inputs" / "ncna_feed.jsonl", tmp_path / "feed.jsonl")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741737600")  # 2025-03-12
    for command in example.split(" && "):
        argv = shlex.split(command)
        assert argv[0] == "briefer"
        result = CliRunner().invoke(app, argv[1:])
        assert result.exit_code == 0, (command, result.output)


def _words(text: str) -> str:
    """``text`` as its words joined by single spaces (help is rewrapped to the terminal)."""
    return " ".join(text.replace("\b", " ").split())


@pytest.mark.parametrize("words", _commands(), ids=" ".join)
def test_help_shows_every_text_as_written(
    words: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command's description and every parameter's help reach ``--help`` whole at 80
    columns: nothing taken for markup (``[tool.briefer]``, ``[default: today]``), and every
    ``Example:`` line on one line, so it can be copied from a terminal as it stands."""
    import typer.main
    from typer.testing import CliRunner

    from briefer.cli import app

    monkeypatch.setenv("COLUMNS", "80")
    result = CliRunner().invoke(app, [*words, "--help"])
    assert result.exit_code == 0
    shown = _words(result.output).replace("- ", "-")  # a hyphen may end a wrapped line
    command = typer.main.get_command(app)
    for word in words:
        command = command.commands[word]  # type: ignore[attr-defined]
    texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
    for text in filter(None, texts):
        assert _words(text).replace("- ", "-") in shown, text
    for line in (command.help or "").splitlines():
        if "xample: briefer " in line:
            assert line.strip() in {row.strip() for row in result.output.splitlines()}, line

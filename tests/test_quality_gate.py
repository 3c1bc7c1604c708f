"""The quality gate (trafilatura's eval_gate idea): extraction and metadata scores on the
project's own sample must not fall below the floors stored in tests/quality_floors.json.

The figures come from benchmarks/bench_quality.py (``own_figures``), which also prints them:
``python benchmarks/bench_quality.py --own-only -v`` lists every wrong field and leak. Raise a
floor when a change lifts a score for good; never lower one to make a change pass.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))


def _bench_quality():  # type: ignore[no-untyped-def]
    benchmarks = str(ROOT / "benchmarks")
    if benchmarks not in sys.path:
        sys.path.insert(0, benchmarks)
    path = ROOT / "benchmarks" / "bench_quality.py"
    spec = importlib.util.spec_from_file_location("bench_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_quality"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures():  # type: ignore[no-untyped-def]
    return _bench_quality().own_figures()


def test_floors_are_real_bars() -> None:
    assert set(FLOORS) == {"html_f1", "scraped_f1", "metadata_accuracy", "junk_leaks"}
    for name in ("html_f1", "scraped_f1", "metadata_accuracy"):
        assert 0.5 < FLOORS[name] <= 1.0


def test_html_body_extraction_stays_above_its_floor(figures) -> None:  # type: ignore[no-untyped-def]
    assert figures.html_f1 >= FLOORS["html_f1"]


def test_scraped_text_cleaning_stays_above_its_floor(figures) -> None:  # type: ignore[no-untyped-def]
    assert figures.scraped_f1 >= FLOORS["scraped_f1"]


def test_metadata_accuracy_stays_above_its_floor(figures) -> None:  # type: ignore[no-untyped-def]
    wrong = [
        f"{c.where} {c.field}: want {c.want!r}, got {c.got!r}" for c in figures.checks if not c.ok
    ]
    assert figures.metadata_accuracy >= FLOORS["metadata_accuracy"], wrong
    assert len(figures.checks) >= 80  # every source of every case, page and PDF is checked


def test_no_gold_junk_reaches_a_cleaned_source(figures) -> None:  # type: ignore[no-untyped-def]
    assert figures.junk_leaks <= FLOORS["junk_leaks"], figures.leaks


def test_the_gate_notices_a_broken_cleaner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keeping every line (no cleaning at all) must fail the scraped-text floor."""
    bench = _bench_quality()
    from briefer.models import CleanArticle

    def keep_everything(raw, today=None, language=None):  # type: ignore[no-untyped-def]
        lines = tuple(line for line in raw.lines if line.strip())
        return CleanArticle(paragraphs=lines, metadata=raw.metadata)

    monkeypatch.setattr(bench, "clean_article", keep_everything)
    broken = bench.own_figures()
    assert broken.scraped_f1 < FLOORS["scraped_f1"]

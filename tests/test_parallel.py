"""Per-article work on several processes gives the same brief as one process."""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from briefer import compose, dating, memo, parallel, read, split, words
from briefer.errors import LimitExceeded
from briefer.models import BriefOptions
from briefer.pipeline import make_brief
from briefer.read import ReadResult, read_inputs

CASE = Path(__file__).parent / "cases" / "mixed" / "inputs"


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two worker processes, even for the few items of a test, two items at a time."""
    monkeypatch.setenv("BRIEFER_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "CHUNK", 2)


def _stems_of(text: str, language: str) -> list[str]:
    stem = words.cached_stemmer(language)
    return [stem(w) for w in text.lower().split()]


def test_results_come_back_in_order_with_the_stems_workers_learned(two_workers: None) -> None:
    texts = [f"harbourmasters{k} dredging quaysides{k}" for k in range(9)]
    before = len(words.cached_stemmer("english"))

    results = parallel.map_ordered(partial(_stems_of, language="english"), texts)

    assert results == [_stems_of(t, "english") for t in texts]
    # the words were stemmed in the workers and remembered here
    assert len(words.cached_stemmer("english")) >= before + 2 * len(texts)


def _doubled(n: int) -> int:
    return 2 * n


def test_each_result_is_handed_over_in_order_as_it_comes_back(two_workers: None) -> None:
    seen: list[int] = []

    results = parallel.map_ordered(_doubled, range(9), each=seen.append)

    assert results == [2 * n for n in range(9)]
    assert seen == results  # every result once, in input order, while the workers ran


def test_each_is_not_called_without_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # in one process the later stage does that work itself, when it comes to it
    monkeypatch.setenv("BRIEFER_WORKERS", "1")
    seen: list[int] = []

    assert parallel.map_ordered(_doubled, range(60), each=seen.append) == [2 * n for n in range(60)]
    assert seen == []


def _dated(text: str) -> list[str]:
    return [m.when.iso() for m in dating.find_dates(text, dt.date(2025, 3, 12))]


def test_dates_learned_in_workers_come_back(two_workers: None) -> None:
    texts = [f"The ferry inquiry {k} reports on {k + 1} April, after the storm." for k in range(8)]
    assert not any(dating._FOUND.get((t, dt.date(2025, 3, 12), None, "english")) for t in texts)

    results = parallel.map_ordered(_dated, texts)

    assert results == [[f"2025-04-{k + 1:02d}"] for k in range(8)]
    for text in texts:  # known here without working them out again
        assert dating._FOUND.get((text, dt.date(2025, 3, 12), None, "english")) is not None


def _sentences(paragraph: str) -> int:
    return len(split.split_paragraph(paragraph))


def test_paragraphs_split_in_workers_come_back(two_workers: None) -> None:
    """Cleaning splits every paragraph in a worker; ranking, in the next stage's workers
    (forked from this process), finds them split."""
    paragraphs = [
        f"Pier {k} reopened on Tuesday. Ferries call there {k} times a day." for k in range(8)
    ]
    assert not any(split._SPANS.get(p) for p in paragraphs)

    assert parallel.map_ordered(_sentences, paragraphs) == [2] * 8
    for paragraph in paragraphs:  # known here without splitting them again
        assert split._SPANS.get(paragraph) == tuple(split.sentence_spans(paragraph))


def _collector_threshold(_: int) -> tuple[int, int, int]:
    return gc.get_threshold()


def test_workers_collect_garbage_less_often_and_leave_the_callers_collector_alone(
    two_workers: None,
) -> None:
    before = gc.get_threshold()
    assert before != parallel.GC_THRESHOLD

    found = parallel.map_ordered(_collector_threshold, range(6))

    assert found == [parallel.GC_THRESHOLD] * 6
    assert gc.get_threshold() == before


def test_a_memo_sends_back_only_what_was_learned_since_the_mark() -> None:
    found: memo.Memo[str, int] = memo.Memo("test.lengths", 3)
    found.put("quay", 4)
    mark = memo.marks()
    found.put("harbour", 7)
    assert memo.learned_since(mark)["test.lengths"] == [("harbour", 7)]
    found.put("pier", 4)
    found.put("slipway", 7)  # the memo was full: cleared, so everything it holds is new
    assert memo.learned_since(mark)["test.lengths"] == [("slipway", 7)]
    memo.remember({"test.lengths": [("dock", 4)], "not.imported": [("x", 1)]})
    assert found.get("dock") == 4


def test_the_brief_is_the_same_on_several_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    options = BriefOptions(today=dt.date(2025, 3, 12))
    monkeypatch.setenv("BRIEFER_WORKERS", "1")
    alone = make_brief([CASE], options)
    monkeypatch.setenv("BRIEFER_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(compose, "BACKGROUND_SOURCES", 1)  # policy sections made meanwhile
    assert make_brief([CASE], options) == alone


def test_a_few_items_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFER_WORKERS", "4")

    def not_picklable(x: int) -> int:  # a pool could not run this: it must not be used
        return x * 2

    assert parallel.map_ordered(not_picklable, range(parallel.MIN_ITEMS - 1)) == [
        2 * k for k in range(parallel.MIN_ITEMS - 1)
    ]


def test_this_process_works_meanwhile_only_when_there_are_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    called: list[int] = []
    monkeypatch.setenv("BRIEFER_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    texts = [f"trawler{k} quotas" for k in range(6)]

    results = parallel.map_ordered(
        partial(_stems_of, language="english"), texts, meanwhile=lambda: called.append(os.getpid())
    )
    assert results == [_stems_of(t, "english") for t in texts]
    assert called == [os.getpid()]  # once, here, not in a worker

    monkeypatch.setenv("BRIEFER_WORKERS", "1")
    parallel.map_ordered(len, texts, meanwhile=lambda: called.append(0))
    assert called == [os.getpid()]  # no workers: nothing to do meanwhile


def _pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


def test_background_work_runs_in_another_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFER_WORKERS", "2")

    result = parallel.in_background(partial(_pid_and, 21))

    pid, value = result()
    assert value == 42 and pid != os.getpid()
    assert result() == (pid, 42)  # asked again: the same answer, not a new process


def test_background_work_stays_here_without_a_second_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFER_WORKERS", "1")

    assert parallel.in_background(partial(_pid_and, 4))() == (os.getpid(), 8)


def test_background_work_that_fails_there_is_done_here(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BRIEFER_WORKERS", "2")
    here = os.getpid()

    def only_here() -> str:  # fails in the forked process (as a killed one would)
        if os.getpid() != here:
            raise RuntimeError("not here")
        return "done here"

    assert parallel.in_background(only_here)() == "done here"
    assert "background process failed" in caplog.text


def test_background_work_never_asked_for_leaves_no_process_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFER_WORKERS", "2")
    result = parallel.in_background(partial(_pid_and, 1))
    del result
    gc.collect()

    with pytest.raises(ChildProcessError):  # reaped: no child of this process is left
        os.waitpid(-1, os.WNOHANG)


_STUCK_RUN = """
import os, sys, time
from pathlib import Path
from briefer import parallel

def stuck(n):
    Path(sys.argv[1], str(os.getpid())).touch()
    time.sleep(120)
    return n

if __name__ == "__main__":
    parallel.map_ordered(stuck, range(parallel.MIN_ITEMS))
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended (its new parent has not reaped it yet)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal")
def test_workers_end_when_the_command_is_killed(tmp_path: Path) -> None:
    """``kill -9`` of the command leaves no worker behind (they would wait for work forever)."""
    script = tmp_path / "stuck.py"
    script.write_text(_STUCK_RUN, encoding="utf-8")
    started = tmp_path / "started"
    started.mkdir()
    process = subprocess.Popen(
        [sys.executable, str(script), str(started)], env={**os.environ, "BRIEFER_WORKERS": "2"}
    )
    try:
        deadline = time.monotonic() + 60
        while len(list(started.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [int(p.name) for p in started.iterdir()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    finally:
        process.kill()
        process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


class _Unfit(ValueError):
    """An error a worker meets in one item."""


def _fails_on_five(n: int) -> int:
    if n == 5:
        raise _Unfit(f"item {n} cannot be used")
    return n


def test_an_error_in_a_worker_is_raised_here_and_stops_the_others(two_workers: None) -> None:
    with pytest.raises(_Unfit, match="item 5 cannot be used"):
        parallel.map_ordered(_fails_on_five, range(40))
    with pytest.raises(ChildProcessError):  # every worker reaped: no child is left
        os.waitpid(-1, os.WNOHANG)


def _killed_on_seven(n: int) -> tuple[int, int]:
    if n == 7 and os.environ.get("BRIEFER_TEST_PARENT") != str(os.getpid()):
        os.kill(os.getpid(), 9)  # a worker killed (out of memory, an operator)
    return n, os.getpid()


def test_a_killed_worker_leaves_the_work_to_this_process(
    two_workers: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BRIEFER_TEST_PARENT", str(os.getpid()))

    results = parallel.map_ordered(_killed_on_seven, range(12))

    assert [n for n, _ in results] == list(range(12))
    assert {pid for _, pid in results} == {os.getpid()}  # all of it redone here
    assert "worker processes failed" in caplog.text
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_the_workers_take_the_chunks_between_them(two_workers: None) -> None:
    results = parallel.map_ordered(_pid_and, range(40))

    assert [n for _, n in results] == [2 * k for k in range(40)]
    assert os.getpid() not in {pid for pid, _ in results}
    with pytest.raises(ChildProcessError):  # the workers left and were reaped
        os.waitpid(-1, os.WNOHANG)


def _killed_on_seven_others_stuck(n: int) -> int:
    if os.environ.get("BRIEFER_TEST_PARENT") != str(os.getpid()):  # in a worker
        if n == 7:
            os.kill(os.getpid(), 9)
        if n > 7:
            time.sleep(60)  # the other worker, busy for a long time
    return n


def test_a_killed_worker_does_not_leave_this_process_waiting_for_the_others(
    two_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that ends without saying it leaves stops the pool at once: this process does
    not wait for the other worker's long chunk before doing the work itself."""
    monkeypatch.setenv("BRIEFER_TEST_PARENT", str(os.getpid()))
    began = time.monotonic()

    assert parallel.map_ordered(_killed_on_seven_others_stuck, range(12)) == list(range(12))

    assert time.monotonic() - began < 30  # not after the other worker's minute
    with pytest.raises(ChildProcessError):  # the stuck worker was stopped and reaped
        os.waitpid(-1, os.WNOHANG)


def test_more_items_than_a_pool_has_chunk_numbers_for_go_in_larger_chunks(
    two_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefer import workers

    monkeypatch.setattr(parallel, "MAX_CHUNKS", 3)
    monkeypatch.setattr(workers, "MAX_CHUNKS", 3)  # the pool refuses a fourth chunk
    results = parallel.map_ordered(_pid_and, range(40))  # 40 items: chunks of 14, not 2

    assert [n for _, n in results] == [2 * k for k in range(40)]
    assert os.getpid() not in {pid for pid, _ in results}
    with pytest.raises(ValueError, match="chunks"):
        workers.Workers(_doubled_chunk, [[1]] * 4, 2)


def _doubled_chunk(chunk: list[int]) -> list[int]:
    return [2 * n for n in chunk]


def test_chunk_numbers_a_pipe_cannot_hold_are_an_error_not_a_hang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The numbers are written before any worker reads them: more than the pipe holds
    (64 KB here) fails at once, before any process is started, and map_ordered does the work
    in this process."""
    from briefer import workers

    monkeypatch.setattr(workers, "MAX_CHUNKS", 10**6)
    began = time.monotonic()
    with pytest.raises(OSError):
        workers.Workers(_doubled_chunk, [[1]] * 100_000, 2)
    assert time.monotonic() - began < 10
    with pytest.raises(ChildProcessError):  # no worker was started
        os.waitpid(-1, os.WNOHANG)

    monkeypatch.setenv("BRIEFER_WORKERS", "2")
    monkeypatch.setattr(parallel, "MAX_CHUNKS", 10**6)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    assert parallel.map_ordered(_doubled, range(100_000)) == [2 * n for n in range(100_000)]


def _harbour_page(n: int) -> str:
    """A small news page (invented): title, byline, date, three paragraphs, page chrome."""
    day = 1 + n % 28
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>Ferry dispute, day {n}: crews vote again | Harbour News</title>
<meta property="article:published_time" content="2024-03-{day:02d}T09:00:00Z">
<meta name="author" content="Jane Roe"></head><body>
<nav><a href="/">Home</a> | <a href="/local">Local</a> | <a href="/sport">Sport</a></nav>
<article><h1>Ferry dispute, day {n}: crews vote again</h1>
<p class="byline">By Jane Roe</p>
<p>Ferry crews at Vesterhavn voted on day {n} of the dispute to keep striking, the union said,
leaving about {1000 + 37 * n:,} passengers to find other ways across the fjord.</p>
<p>The operator’s chief executive said the company’s “final offer” of a {n % 7 + 2} per cent
rise still stood and that talks would resume on Monday.</p>
<p>Harbour traders said takings had fallen by a third since the strike began.</p>
</article><aside>Trending: Storm closes coast road · Council approves budget</aside>
<footer>© 2024 Harbour News</footer></body></html>"""


def _newsroom_folder(folder: Path, pages: int) -> Path:
    folder.mkdir()
    for n in range(pages):
        (folder / f"page-{n:03d}.html").write_text(_harbour_page(n), encoding="utf-8")
    (folder / "page-empty.html").write_bytes(b"   \n")
    (folder / "page-binary.html").write_bytes(b"\x00\x01\x02binary" * 40)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")
    (folder / "wire.txt").write_text(
        "Ferry talks resume\n\nTalks between the ferry operator and the union resumed on "
        "Monday, both sides said, after a week of strikes at Vesterhavn.\n",
        encoding="utf-8",
    )
    return folder


def _read_with(
    workers: str, folder: Path, monkeypatch: pytest.MonkeyPatch, **limits: int
) -> ReadResult:
    monkeypatch.setenv("BRIEFER_WORKERS", workers)
    return read_inputs([folder], today=dt.date(2024, 6, 1), **limits)


def test_pages_are_read_on_several_processes_with_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _newsroom_folder(tmp_path / "in", read.PARALLEL_FILES + 2)
    calls: list[int] = []
    real = parallel.map_ordered

    def spy(function: Any, items: list[Any], **kwargs: Any) -> list[Any]:
        calls.append(len(items))
        return real(function, items, **kwargs)

    monkeypatch.setattr(parallel, "map_ordered", spy)
    alone = _read_with("1", folder, monkeypatch)
    both = _read_with("2", folder, monkeypatch)
    # (the unsupported file is skipped when the folder is listed; one core: read in order here)
    assert calls == [read.PARALLEL_FILES + 6, read.PARALLEL_FILES + 6]
    assert both == alone
    assert len(both.articles) == read.PARALLEL_FILES + 3
    reasons = {s.file.rsplit("/", 1)[-1]: s.reason for s in both.skipped}
    assert set(reasons) == {"page-empty.html", "page-binary.html", "broken.docx", "notes.xyz"}
    # and the limit on articles still stops the run, as before
    for workers in ("1", "2"):
        with pytest.raises(LimitExceeded):
            _read_with(workers, folder, monkeypatch, max_articles=read.PARALLEL_FILES)


def test_a_few_pages_are_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # one page fewer than the parsed files that pay for workers (with the two bad pages and
    # the Word file)
    folder = _newsroom_folder(tmp_path / "in", read.PARALLEL_FILES - 4)
    monkeypatch.setattr(parallel, "map_ordered", lambda *a, **k: pytest.fail("no workers"))
    result = _read_with("2", folder, monkeypatch)
    assert len(result.articles) == read.PARALLEL_FILES - 3

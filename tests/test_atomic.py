"""Nothing lost: a brief is replaced whole or not at all, whatever happens to the run.

Covers failures inside ``write_atomic`` (a full disk, an interrupt), two processes writing
the same files at once, and ``kill -9`` of a real ``python -m briefer make`` run, both while
it reads and while it writes.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import docx
import pytest

from briefer.atomic import remove_stale_parts, temporary_name, write_atomic
from briefer.errors import OutputError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs"
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals and modes")


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# --- one writer -------------------------------------------------------------------------------


def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "brief.md"
    old_umask = os.umask(0o027)
    try:
        write_atomic(target, b"first")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"first"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o604)
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert parts(target.parent) == []


def test_a_failed_rename_leaves_the_old_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.docx"
    target.write_bytes(b"yesterday")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError, match=r"Cannot write .*brief\.docx: No space left on device"):
        write_atomic(target, b"today")
    assert target.read_bytes() == b"yesterday"
    assert os.listdir(tmp_path) == ["brief.docx"]


def test_an_interrupt_while_writing_leaves_the_old_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.md"
    target.write_bytes(b"yesterday")

    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"today")
    assert target.read_bytes() == b"yesterday"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_a_folder_in_the_way_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "brief.md").mkdir()
    with pytest.raises(OutputError, match="a folder of that name is in the way"):
        write_atomic(tmp_path / "brief.md", b"x")


def test_parts_left_by_dead_processes_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    stale = tmp_path / f".brief.md.{dead_pid()}.0a1b2c.part"
    stale.write_bytes(b"half a brief")
    live = temporary_name(target)  # this process: still running
    live.write_bytes(b"being written")
    other = tmp_path / ".brief.json.1.0a1b2c.part"  # another target's part
    other.write_bytes(b"{")

    write_atomic(target, b"whole")

    assert not stale.exists()
    assert live.exists() and other.exists()
    assert target.read_bytes() == b"whole"
    assert remove_stale_parts(target) == []


# --- two writers --------------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefer.atomic import write_atomic
    target, mark, rounds = Path(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
    for i in range(rounds):
        write_atomic(target, mark * (200_000 + 37 * i))
    """
)


@posix_only
def test_two_processes_writing_one_file_never_leave_a_mixture(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    write_atomic(target, b"A" * 10)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(target), mark, "150"])
        for mark in ("A", "B")
    ]
    reads = 0
    while any(w.poll() is None for w in writers):
        data = target.read_bytes()
        reads += 1
        assert data and len(set(data)) == 1, "a read saw two writers' bytes mixed"
        assert len(data) == 10 or (len(data) - 200_000) % 37 == 0, "a read saw a cut file"
    assert [w.wait() for w in writers] == [0, 0]
    assert reads > 0
    assert visible(tmp_path) == ["brief.json"] and parts(tmp_path) == []


@posix_only
def test_two_briefer_runs_into_one_folder_leave_whole_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "briefer",
        "make",
        str(SAMPLE),
        "-o",
        str(out),
        "-q",
        "-f",
        "md",
        "-f",
        "docx",
        "-f",
        "json",
        "--date",
        "2025-03-12",
    ]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE) for _ in range(2)]
    for process in runs:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    assert visible(out) == ["brief.docx", "brief.json", "brief.md"]
    assert parts(out) == []
    assert json.loads((out / "brief.json").read_text(encoding="utf-8"))["key_points"]
    assert docx.Document(out / "brief.docx").paragraphs
    assert (out / "brief.md").read_text(encoding="utf-8").startswith("# ")


# --- kill -9 --------------------------------------------------------------------------------------


def _big_inputs(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:04d}.txt").write_text(
            f"Harbour works in district {n} delayed again\n\nBy Staff {n}\n\nJune 3, 2025\n\n"
            f"The harbour board said on Monday that dredging in district {n} would slip to "
            f"the autumn because the contractor had lost {n % 9 + 2} barges to repairs.\n\n"
            f"Residents of district {n} said the works had already cost the fish market "
            "several weeks of deliveries and that nobody had told them about the delay.\n\n"
            f"The board will publish a new timetable for district {n} before the summer.\n",
            encoding="utf-8",
        )


@posix_only
def test_kill_9_during_a_run_leaves_the_previous_brief_byte_identical(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    _big_inputs(inputs, 400)
    out = tmp_path / "out"
    out.mkdir()
    previous = {
        "brief.md": b"# Yesterday's brief\n\n- A fact. [1]\n",
        "brief.json": b'{"title": "yesterday"}\n',
        "brief.docx": b"PK yesterday's Word file",
    }
    for name, data in previous.items():
        (out / name).write_bytes(data)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefer",
            "make",
            str(inputs),
            "-o",
            str(out),
            "-vv",
            "-f",
            "md",
            "-f",
            "docx",
            "-f",
            "json",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:  # the run is under way once it reports reading files
        if "DEBUG" in line or "INFO" in line:
            break
    time.sleep(0.5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    for name, data in previous.items():
        assert (out / name).read_bytes() == data
    assert visible(out) == sorted(previous)


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefer.atomic import write_atomic
    target = Path(sys.argv[1])
    print("ready", flush=True)
    while True:
        write_atomic(target, b"N" * 30_000_000)
    """
)


@posix_only
def test_kill_9_while_writing_leaves_a_whole_file_and_the_next_write_tidies_up(
    tmp_path: Path,
) -> None:
    target = tmp_path / "brief.docx"
    for delay in (0.05, 0.13, 0.31):
        target.write_bytes(b"O" * 1000)
        process = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE
        )
        assert process.stdout is not None
        process.stdout.readline()
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        data = target.read_bytes()
        assert data in (b"O" * 1000, b"N" * 30_000_000)
        assert visible(tmp_path) == ["brief.docx"]
        write_atomic(target, b"after")  # removes the killed writer's part, if it left one
        assert parts(tmp_path) == []
        assert target.read_bytes() == b"after"

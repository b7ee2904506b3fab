"""Ctrl-C in ``saluran sim`` (a real SIGINT to the whole process group, as a terminal sends
it): the batch ends cleanly, keeps whole lines, reports what finished and exits 130; and a
results folder that is not empty is only reused with --force."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import main

MINI = str(Path(__file__).parent / "data" / "mini")


def interrupted_run(out: Path, jobs: int) -> tuple[int, str, str]:
    """Start a long batch, press Ctrl-C once some careers are written; code, stdout, stderr."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("SALURAN_LANG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "sim", "--scenario", MINI, "--games", "20000", "--jobs",
         str(jobs), "--out", str(out), "--no-plots"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env=env)
    games = out / "games.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if games.is_file() and games.read_text().count("\n") >= 20:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    stdout, stderr = process.communicate(timeout=120)
    return process.returncode, stdout, stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_keeps_what_finished_and_says_so(jobs: int, tmp_path: Path) -> None:
    out = tmp_path / "run"
    code, stdout, stderr = interrupted_run(out, jobs)
    assert code == 130
    assert "Traceback" not in stdout + stderr and "KeyboardInterrupt" not in stderr
    text = (out / "games.jsonl").read_text(encoding="utf-8")
    assert text.endswith("\n")
    rows = [json.loads(line) for line in text.splitlines()]
    assert [row["index"] for row in rows] == list(range(len(rows)))  # batch order, no gaps
    done = len(rows)
    assert 20 <= done < 20000
    assert stderr.strip() == (f"saluran: interrupted after {done} of 20000 careers: their lines "
                              f"are in {out}/games.jsonl, and summary.json and report.md cover "
                              f"those {done}")
    summary = json.loads((out / "summary.json").read_text())
    assert summary["careers"] == done
    assert (out / "report.md").is_file()
    batch = json.loads((out / "batch.json").read_text())
    assert batch["interrupted"] is True and batch["careers"] == done
    assert batch["careers_planned"] == 20000
    assert "greedy" in stdout  # the summary table of what finished


def loading_pydantic(pid: int) -> bool:
    """Whether process ``pid`` has loaded pydantic's compiled core: the game's imports are
    under way (``game.launch`` has taken Ctrl-C over before it imports any of them)."""
    return "pydantic_core" in Path(f"/proc/{pid}/maps").read_text()


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="reads /proc")
@pytest.mark.parametrize("entry", [["-m", "game"], ["-c", "from game.launch import main; "
                                                         "raise SystemExit(main())"]])
def test_ctrl_c_while_the_game_loads_is_one_line_and_leaves_no_folder(
        entry: list[str], tmp_path: Path) -> None:
    """A Ctrl-C in the first second, while Python imports the game: exit 130 with the one
    line every interruption gets, no traceback, and no results folder half made."""
    out = tmp_path / "run"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "SALURAN_LANG": "en"}
    process = subprocess.Popen(
        [sys.executable, *entry, "sim", "--scenario", MINI, "--games", "20000", "--jobs", "2",
         "--out", str(out), "--no-plots"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env=env)
    while not loading_pydantic(process.pid):  # half a second of imports still to come
        time.sleep(0.001)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr.strip() == "saluran: error: interrupted"
    assert not out.exists()


def test_ctrl_c_before_the_first_career_finishes_leaves_the_folder_as_it_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Pressed while the workers start: nothing written, so the same command runs again
    without --force."""
    from game.sim import batch

    def pressed(*_: object) -> Iterator[list[tuple[int, str]]]:
        raise KeyboardInterrupt
        yield []

    monkeypatch.setattr(batch, "local_chunks", pressed)
    out = tmp_path / "run"
    args = ["sim", "--scenario", MINI, "--games", "50", "--jobs", "2", "--out", str(out),
            "--no-plots"]
    assert main(args) == 130
    assert capsys.readouterr().err.strip() == (
        "saluran: interrupted before the first of 50 careers finished: nothing was written "
        f"to {out}")
    assert not out.exists()
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert main([*args, "--force"]) == 130
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_a_results_folder_is_reused_only_with_force(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "run"
    args = ["sim", "--scenario", MINI, "--games", "2", "--jobs", "1", "--out", str(out),
            "--no-plots"]
    assert main(args) == 0
    (out / "notes.txt").write_text("mine")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    capsys.readouterr()
    assert main([*args[:4], "3", *args[5:]]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"saluran: error: {out} is not empty")
    assert "--force" in err and "--out DIR" in err
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before
    assert main([*args[:4], "3", *args[5:], "--force"]) == 0
    assert len((out / "games.jsonl").read_text().splitlines()) == 3
    assert (out / "notes.txt").read_text() == "mine"
    Path(tmp_path / "file").write_text("x")
    assert main(["sim", "--scenario", MINI, "--games", "1", "--out", str(tmp_path / "file")]) == 1
    assert "is a file" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="Ctrl-C cannot wait here")
def test_ctrl_c_while_the_workers_start_still_stops_the_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from game.sim.batch import BatchSpec, run_batch

    real = multiprocessing.get_context

    class PressedWhileStarting:
        """A start method whose pool gets Ctrl-C while its workers start."""

        def __init__(self, method: str | None = None) -> None:
            self.context = real(method)

        def Pool(self, *args: object, **kwargs: object) -> object:
            os.kill(os.getpid(), signal.SIGINT)
            return self.context.Pool(*args, **kwargs)

    monkeypatch.setattr(multiprocessing, "get_context", PressedWhileStarting)
    done = threading.Event()  # another thread, as a long-lived process has: it may be the
    bystander = threading.Thread(target=done.wait)  # one the system hands the signal to
    bystander.start()
    try:
        run = run_batch(BatchSpec(scenario=MINI, games=40), tmp_path / "run", jobs=2)
    finally:
        done.set()
        bystander.join()
    assert run.interrupted and run.careers == 0  # stopped as soon as the pool existed
    assert not (tmp_path / "run").exists()  # and nothing was left behind

"""``saluran sim`` and ``saluran bench`` from the command line: runs, replays, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main

MINI = str(Path(__file__).parent / "data" / "mini")


def run_cli(args: list[str]) -> int:
    """Exit code of ``saluran ARGS``, whether returned or raised by argparse."""
    try:
        return main(args)
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    code = run_cli(["sim", "--scenario", MINI, "--games", "6", "--seed", "3", "--jobs", "1",
                    "--player-policy", "greedy,random", "--out", str(folder), "--no-plots"])
    assert code == 0
    return folder


def test_sim_writes_results(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("games.jsonl", "summary.json", "report.md", "batch.json", "scenario.json"):
        assert (out / name).is_file()
    assert len((out / "games.jsonl").read_text().splitlines()) == 12


def test_sim_prints_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["sim", "--scenario", MINI, "--games", "2", "--jobs", "1", "--out",
                    str(tmp_path), "--no-plots"]) == 0
    text = capsys.readouterr().out
    assert "greedy" in text and "top post" in text and "2 careers" in text


def test_replay(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["sim", "--replay", f"{out}/games.jsonl#7"]) == 0
    text = capsys.readouterr().out
    assert "line 7: seed 4, random" in text and "identical" in text


def test_replay_narrated(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["sim", "--replay", f"{out}/games.jsonl#0", "--narrate"]) == 0
    text = capsys.readouterr().out
    assert "== Turn 1 " in text and "identical" in text


def test_compare(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["sim", "--compare", str(out), str(out), "--out", str(tmp_path)]) == 0
    assert "B − A" in capsys.readouterr().out
    assert (tmp_path / "compare.md").is_file()


@pytest.mark.parametrize(("args", "code", "message"), [
    ([], 2, "one of the arguments"),
    (["--games", "0"], 2, "give 1 or more"),
    (["--games", "x"], 2, "not a whole number"),
    (["--games", "2", "--jobs", "0"], 2, "give 1 or more"),
    (["--games", "2", "--backend", "spark"], 2, "invalid choice"),
    (["--games", "2", "--scheduler", "tcp://127.0.0.1:1"], 2,
     "--scheduler needs --backend dask"),
    (["--games", "2", "--replay", "x#1"], 2, "not allowed with"),
    (["--games", "2", "--narrate"], 2, "--narrate needs --replay"),
    (["--replay", "x#1", "--seed", "3"], 2, "--seed needs --games"),
    (["--games", "2", "--player-policy", "greedy,,random"], 2, "distinct names"),
    (["--replay", "games.jsonl"], 2, "expected FILE#K"),
    (["--games", "2", "--player-policy", "nobody"], 1, "unknown policy 'nobody'"),
    (["--games", "2", "--rival-policy", "nobody"], 1, "unknown policy 'nobody'"),
    (["--replay", "no/such/games.jsonl#0"], 1, "no results at"),
    (["--compare", "no/a", "no/b"], 1, "no results at"),
])
def test_bad_flags_give_one_line_and_the_right_code(
    args: list[str], code: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 for a wrong command line, 1 for input refused (as in every sub-command)."""
    scenario = ["--scenario", MINI] if "--games" in args else []
    out = ["--out", str(tmp_path / "new")] if "--replay" not in args else []
    assert run_cli(["sim", *scenario, *out, *args]) == code
    err = capsys.readouterr().err
    assert err.startswith("saluran: error: ") and err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


def test_unknown_scenario_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run_cli(["sim", "--scenario", "atlantis", "--games", "1", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code in (1, 2) and "atlantis" in err and "Traceback" not in err


def test_bench_prints_throughput_and_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["bench", "--scenario", MINI, "--careers", "3", "--pipeline", "2"]) == 0
    text = capsys.readouterr().out
    for line in ("careers/s (one core):", "ms per career, median:", "ms per career, p90:",
                 "decisions per career:", "ms per decision:", "careers/s per core:",
                 "turn pipeline", "upkeep", "contests", "policy choice", "legal moves"):
        assert line in text
    shares = [float(line.split()[-1].rstrip("%")) for line in text.splitlines()
              if line.startswith("  ") and line.endswith("%")]
    assert sum(shares) == pytest.approx(100, abs=1)


def test_bench_compares_every_policy_given_with_the_bare_loop(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # any registered name works: the built-in ones, personas, and policies added later
    assert run_cli(["bench", "--scenario", MINI, "--careers", "2", "--pipeline", "0",
                    "--policy", "greedy", "--policy", "loyalist", "--policy", "random",
                    "--every-seat"]) == 0
    text = capsys.readouterr().out
    assert "every seat plays the policy" in text
    for name in ("greedy", "loyalist", "random"):
        assert f"\n{name}:\n" in text
    assert text.count("bare loop, same shape:") == 3
    assert text.count("x its time") == 3
    assert "before the faster engine" not in text  # recorded for nusantara only


def test_bench_times_careers_against_planning_rivals(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["bench", "--scenario", MINI, "--careers", "1", "--pipeline", "0",
                    "--difficulty", "normal"]) == 0
    text = capsys.readouterr().out
    assert "rivals play their personas (normal)" in text and "greedy:" in text


def test_bench_names_an_unknown_policy_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["bench", "--scenario", MINI, "--careers", "1", "--policy", "planer"]) == 1
    captured = capsys.readouterr()
    assert "planer" in captured.err and len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err and captured.out == ""


def test_bench_across_cores(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["bench", "--scenario", MINI, "--careers", "4", "--jobs", "2",
                    "--pipeline", "0"]) == 0
    text = capsys.readouterr().out
    assert "careers/s (2 jobs)" in text and "scaling" in text


def test_bench_leaves_the_core_unwrapped() -> None:
    import game.core.engine as engine
    import game.core.turns as turns

    before = (engine.validate, turns.upkeep, turns.check_ends)
    assert run_cli(["bench", "--scenario", MINI, "--careers", "1", "--pipeline", "1"]) == 0
    assert (engine.validate, turns.upkeep, turns.check_ends) == before


@pytest.mark.parametrize("folder_exists", [False, True])
def test_a_cluster_out_of_reach_leaves_no_results_behind(
        folder_exists: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from game.sim import dask_backend

    def out_of_reach() -> None:
        raise dask_backend.BackendUnavailable("cannot reach the Dask scheduler at tcp://x:1")

    monkeypatch.setattr(dask_backend, "_import_distributed", out_of_reach)
    out = tmp_path / "run"
    if folder_exists:
        out.mkdir()
    code = main(["sim", "--scenario", MINI, "--games", "2", "--backend", "dask", "--out",
                 str(out), "--no-plots"])
    err = capsys.readouterr().err
    assert code == 1 and err == "saluran: error: cannot reach the Dask scheduler at tcp://x:1\n"
    assert out.is_dir() == folder_exists and (not folder_exists or not any(out.iterdir()))
    assert main(["sim", "--scenario", MINI, "--games", "1", "--out", str(out), "--jobs", "1",
                 "--no-plots"]) == 0  # the folder is free for the next run, no --force

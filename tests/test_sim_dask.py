"""The Dask backend on a local cluster over loopback: the same lines as the local backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.sim import BatchSpec, run_batch
from game.sim.batch import GAMES_FILE

distributed = pytest.importorskip("distributed", reason="Dask is an extra: saluran[cluster]")

MINI = str(Path(__file__).parent / "data" / "mini")
SPEC = BatchSpec(scenario=MINI, games=20, seed=11, player_policies=("greedy", "random"))


@pytest.fixture(scope="module")
def local_lines(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("local")
    run_batch(SPEC, folder, jobs=1)
    return (folder / GAMES_FILE).read_bytes()


def test_dask_local_cluster_matches_local_backend(local_lines: bytes, tmp_path: Path) -> None:
    run = run_batch(SPEC, tmp_path, jobs=2, backend="dask")
    assert run.careers == 40
    assert (tmp_path / GAMES_FILE).read_bytes() == local_lines


def test_cli_with_a_scheduler_address(local_lines: bytes, tmp_path: Path) -> None:
    # A scheduler on loopback TCP with one in-process worker: quick to start, same protocol.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        code = main(["sim", "--scenario", MINI, "--games", "20", "--seed", "11",
                     "--player-policy", "greedy,random", "--backend", "dask",
                     "--scheduler", cluster.scheduler_address, "--out", str(tmp_path),
                     "--no-plots"])
    assert code == 0
    assert (tmp_path / GAMES_FILE).read_bytes() == local_lines

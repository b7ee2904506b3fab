"""The balance lab: AI-played careers in batches, their statistics, reports and benchmarks.

Python API (see docs/SIMULATION.md)::

    from game.sim import BatchSpec, load_rows, run_batch, run_career, write_report

    row = run_career("nusantara", seed=7, player_policy="greedy")      # one career, a dict
    spec = BatchSpec(scenario="nusantara", games=1000, player_policies=("greedy", "random"))
    run = run_batch(spec, "runs/base", jobs=2)                         # or backend="dask"
    summary = write_report("runs/base")                                # summary.json, report.md
    rows = load_rows("runs/base")                                      # every row, in order

Code that starts worker processes must sit under ``if __name__ == "__main__":`` in a script.
"""

from game.sim.batch import BatchRun, BatchSpec, default_jobs, run_batch, simulate
from game.sim.career import row_line, run_career
from game.sim.compare import compare_dirs, write_compare
from game.sim.invariants import InvariantBroken
from game.sim.replay import Replayed, replay_line
from game.sim.report import write_report
from game.sim.rows import BatchError, iter_rows, load_rows
from game.sim.stats import wilson
from game.sim.summary import summarise

__all__ = [
    "BatchError", "BatchRun", "BatchSpec", "InvariantBroken", "Replayed", "compare_dirs",
    "default_jobs", "iter_rows", "load_rows", "replay_line", "row_line", "run_batch",
    "run_career", "simulate", "summarise", "wilson", "write_compare", "write_report",
]

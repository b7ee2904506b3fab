"""The Dask backend: the same chunks of careers on a Dask distributed cluster.

Without a scheduler address a ``LocalCluster`` starts on the loopback interface with one
single-threaded worker process per job; with one, the batch runs on that cluster (every
worker needs the same saluran version: ``pip install 'saluran[cluster]'``).  The scenario is
scattered to the workers once; rows come back to this process, which writes them in order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from game.sim.worker import CareerSpec, Payload, dask_chunk

INSTALL_HINT = "the dask backend needs Dask: pip install 'saluran[cluster]'"


class BackendUnavailable(RuntimeError):
    """The chosen backend cannot run here (not installed, scheduler unreachable)."""


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise BackendUnavailable(INSTALL_HINT) from None
    return distributed


def dask_available() -> bool:
    """True when dask.distributed can be imported."""
    try:
        _import_distributed()
    except BackendUnavailable:
        return False
    return True


def _connect(distributed: Any, jobs: int, scheduler: str | None) -> tuple[Any, Any]:
    """A client, and the local cluster it owns (None when connecting to ``scheduler``)."""
    if scheduler:
        try:
            return distributed.Client(scheduler, timeout="10s"), None
        except OSError as exc:
            raise BackendUnavailable(f"cannot reach the Dask scheduler at {scheduler}: "
                                     f"{exc}") from None
    cluster = distributed.LocalCluster(
        n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR,
    )
    return distributed.Client(cluster), cluster


def dask_chunks(payload: Payload, careers: list[CareerSpec], jobs: int,
                scheduler: str | None) -> Iterator[list[tuple[int, str]]]:
    """Run ``careers`` on the cluster; yields chunks of (index, line) as they finish."""
    from game.sim.batch import chunked

    distributed = _import_distributed()
    client, cluster = _connect(distributed, jobs, scheduler)
    try:
        threads = sum(client.nthreads().values()) or jobs
        shared = client.scatter(payload, broadcast=True)
        futures = client.map(dask_chunk, chunked(careers, threads), payload=shared, pure=False)
        for future in distributed.as_completed(futures):
            rows: list[tuple[int, str]] = future.result()
            yield rows
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

"""The Dask engine: the same per-report function, on a Dask cluster.

``DaskEngine().map(func, items)`` has the contract of every engine (results in input order).
Items are cut into partitions of up to ``partition_size`` (default 200) and each partition is
one Dask task: at about 1.7 ms of scheduler overhead per task (measured, see
/work/shared/measured.md) a task per report would cost more than reading the report, while a
partition of hundreds costs nothing noticeable. Items are paths and manifest rows, never
texts: workers read the reports themselves, so the inputs must be on storage every worker
sees (a shared file system), and so must the token cache folder if one is used.

Without a scheduler address a ``LocalCluster`` is started (one single-threaded worker
process per core: underthesea holds the GIL, threads would not help) and stopped by
:meth:`DaskEngine.close`. With ``scheduler="tcp://host:8786"`` the engine connects to an
existing cluster whose workers have Soi installed (same version).

Only the per-report work runs on the cluster. Batch-level stages (reuse, content, plans)
then run on the driver, on the results gathered back: see benchmarks/README.md for what that
costs and how the stages would be split further.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from pipeline.engine.local import apply_shared, available_cores, chunk_size, run_chunk

T = TypeVar("T")
R = TypeVar("R")


def _quiet_dask_logs() -> None:
    """Dask logs every start and stop at INFO to stderr; keep that for ``soi -v`` only."""
    import logging

    import dask

    if logging.getLogger().isEnabledFor(logging.INFO):
        return
    dask.config.set({"logging.distributed": "warning"})  # the worker processes read this
    logging.getLogger("distributed").setLevel(logging.WARNING)


class DaskEngine:
    """Per-report work as Dask tasks (one per partition of items), results in input order.

    Parameters
    ----------
    workers:
        Worker processes of the LocalCluster started when no ``scheduler`` is given
        (None = every core). Ignored with a scheduler.
    scheduler:
        Address of an existing scheduler (``tcp://host:8786``); None starts a LocalCluster.
    partition_size:
        Largest number of items per task. Small batches use smaller partitions so every
        worker gets work (see :func:`pipeline.engine.local.chunk_size`).
    max_pending:
        Partitions in flight at once; None = 2 per worker thread. Bounds the memory of
        results waiting on the driver.
    client:
        An existing ``distributed.Client`` to use (then nothing is started or stopped).
    """

    name = "dask"

    def __init__(
        self,
        workers: int | None = None,
        scheduler: str | None = None,
        partition_size: int = 200,
        max_pending: int | None = None,
        client: Any = None,
    ) -> None:
        self.scheduler = scheduler
        self.partition_size = partition_size
        self._requested_workers = workers or available_cores()
        self._max_pending = max_pending
        self._client = client
        self._own_client = False
        self._cluster: Any = None

    # ------------------------------------------------------------------------------------------
    @property
    def client(self) -> Any:
        """The ``distributed.Client`` (connects or starts a LocalCluster on first use)."""
        if self._client is None:
            from distributed import Client, LocalCluster

            _quiet_dask_logs()
            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                self._cluster = LocalCluster(
                    n_workers=self._requested_workers,
                    threads_per_worker=1,
                    processes=True,
                    # no dashboard; its HTTP endpoint on a free port, never a clash on 8787
                    dashboard_address=None,
                    scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                )
                self._client = Client(self._cluster)
            self._own_client = True
        return self._client

    @property
    def workers(self) -> int:
        """Worker threads available on the cluster (1 per process on a LocalCluster)."""
        if self._client is None and not self.scheduler:
            return self._requested_workers
        info = self.client.scheduler_info()
        return max(1, sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()))

    def __enter__(self) -> DaskEngine:
        _ = self.client
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the client and the LocalCluster this engine started (not a given client)."""
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            import logging

            # idle workers that do not exit within the nanny's 4 s are killed: expected, not news
            nanny = logging.getLogger("distributed.nanny")
            level = nanny.level
            if not logging.getLogger().isEnabledFor(logging.INFO):
                nanny.setLevel(logging.ERROR)
            try:
                self._cluster.close(timeout=30)
            finally:
                nanny.setLevel(level)
            self._cluster = None

    # ------------------------------------------------------------------------------------------
    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``func`` over ``items`` on the cluster, partition by partition, in input order."""
        n = len(items) if hasattr(items, "__len__") else None  # type: ignore[arg-type]
        if n == 0:
            return
        client = self.client
        size = chunk_size(n, self.workers, self.partition_size)
        # pure=False: the same partition submitted twice (a rerun) is computed again
        yield from self._stream(lambda part: client.submit(run_chunk, func, part, pure=False), items, size)

    def map_shared(self, func: Callable[[Any, T], R], shared: Any, items: Iterable[T]) -> Iterator[R]:
        """``func(shared, item)`` for every item on the cluster, in input order; ``shared`` is
        scattered to every worker once (``broadcast``), and each item is one task (items are
        meant to be chunks already)."""
        items = list(items)
        if not items:
            return
        client = self.client
        # in a list: scatter would otherwise send a tuple, list or dict element by element
        (future,) = client.scatter([shared], broadcast=True, hash=False)
        try:
            yield from self._stream(
                lambda part: client.submit(apply_shared, func, future, part, pure=False), items, 1
            )
        finally:
            future.release()

    def _stream(self, submit: Callable[[list[Any]], Any], items: Iterable[Any], size: int) -> Iterator[Any]:
        """Submit a task per part of ``size`` items with at most ``max_pending`` in flight;
        yield the results in input order."""
        max_pending = self._max_pending or 2 * self.workers
        it = iter(items)
        pending: deque[Any] = deque()

        def submit_next() -> bool:
            part = list(islice(it, size))
            if not part:
                return False
            pending.append(submit(part))
            return True

        while len(pending) < max_pending and submit_next():
            pass
        try:
            while pending:
                future = pending.popleft()
                results = future.result()
                future.release()
                submit_next()
                yield from results
        finally:
            for future in pending:
                future.cancel()

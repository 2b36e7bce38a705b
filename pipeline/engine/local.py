"""Serial and multi-process local engines, and the engine contract they share.

Contract: ``engine.map(func, items)`` returns an iterator over ``func(item)`` for every item, in
input order. ``func`` must be picklable (a module-level function) and so must the items and
results. Per-report functions take small items (a path and its manifest row), never texts: a
report is read where it is processed.

``engine.map_shared(func, shared, items)`` is the same with one large read-only object (a fitted
model) that every call needs: ``func(shared, item)``. ``shared`` reaches each worker process once
(inherited when forked, pickled once per worker otherwise, scattered once on Dask), never once
per item.

Memory stays bounded by streaming: items are cut into chunks and only a fixed number of chunks
is in flight at a time (``max_pending``), so results do not pile up in the queue when the
caller consumes them slower than the workers produce them, and a batch of any size costs the
workers the memory of a few chunks.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Anything that maps a picklable function over items, results in input order."""

    def map(self, func: Callable[[Any], R], items: Iterable[Any]) -> Iterator[R]: ...

    def map_shared(self, func: Callable[[Any, Any], R], shared: Any, items: Iterable[Any]) -> Iterator[R]: ...


class SerialEngine:
    """Everything in this process (tests, tiny batches, debugging)."""

    name = "serial"
    workers = 1

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(func, items)

    def map_shared(self, func: Callable[[Any, T], R], shared: Any, items: Iterable[T]) -> Iterator[R]:
        """``func(shared, item)`` for every item, here."""
        return (func(shared, item) for item in items)

    def close(self) -> None:
        """Nothing to release (same interface as the other engines)."""


def run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Apply ``func`` to every item of one chunk (the unit of work shipped to a worker)."""
    return [func(item) for item in chunk]


#: What :meth:`LocalEngine.map_shared` gave each worker process, by call (set in the worker by the
#: pool's initializer; a forked worker inherits it without pickling).
_SHARED: dict[str, Any] = {}


def _install_shared(key: str, value: Any) -> None:
    """Pool initializer: keep the shared object of one ``map_shared`` call in this worker."""
    _SHARED[key] = value


def apply_shared(func: Callable[[Any, T], R], shared: Any, chunk: list[T]) -> list[R]:
    """Apply ``func(shared, item)`` to every item of one chunk."""
    return [func(shared, item) for item in chunk]


def run_shared_chunk(func: Callable[[Any, T], R], key: str, chunk: list[T]) -> list[R]:
    """:func:`apply_shared` with the ``shared`` object this worker was given under ``key``."""
    return apply_shared(func, _SHARED[key], chunk)


def chunk_size(n_items: int | None, workers: int, largest: int, per_worker: int = 4) -> int:
    """Items per chunk: about ``per_worker`` chunks per worker, at most ``largest``.

    Small batches get small chunks so that every worker has something to do; large batches
    get chunks of ``largest`` items so that the per-chunk cost (pickling, scheduling) is
    amortised. With an unknown length, ``largest``.
    """
    if n_items is None:
        return largest
    return max(1, min(largest, -(-n_items // max(1, workers * per_worker))))


def default_context() -> str:
    """``fork`` where available and safe (no other thread alive), else ``spawn``.

    fork starts two workers and loads the models in them in about 1.2 s on the 2-core test
    machine; spawn re-imports everything in each worker. fork is not safe once threads run in
    the parent (a Dask client, a notebook's helpers), so those get spawn.
    """
    if "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


class LocalEngine:
    """Worker processes on this machine (default: one per core), results in input order.

    Parameters
    ----------
    workers:
        Number of processes; None = every core (``os.sched_getaffinity`` where available).
    chunksize:
        Largest number of items sent to a worker at a time. Smaller batches use smaller
        chunks (see :func:`chunk_size`).
    max_pending:
        Chunks in flight at once; None = 2 per worker. Bounds the memory of results waiting
        to be consumed.
    context:
        multiprocessing start method; None = :func:`default_context`.
    preload:
        Called in this process before the workers start when they are forked (e.g.
        :func:`warm_per_report_models`): what it loads is shared by every worker instead of
        being loaded by each (copy-on-write memory, one load instead of one per worker).

    Use as a context manager to keep the worker pool (and the models loaded in it) across
    several ``map`` calls; otherwise each ``map`` starts and stops its own pool.
    """

    name = "local"

    def __init__(
        self,
        workers: int | None = None,
        chunksize: int = 16,
        max_pending: int | None = None,
        context: str | None = None,
        preload: Callable[[], Any] | None = None,
    ) -> None:
        self.workers = workers or available_cores()
        self.preload = preload
        self.chunksize = chunksize
        self.max_pending = max_pending or 2 * self.workers
        self.context = context
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        self._pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker pool kept by ``with`` (no-op otherwise)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _new_pool(self) -> ProcessPoolExecutor:
        method = self.context or default_context()
        if method == "fork" and self.preload is not None:
            self.preload()
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context(method))

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        n = len(items) if hasattr(items, "__len__") else None  # type: ignore[arg-type]
        size = chunk_size(n, self.workers, self.chunksize)
        if self.workers <= 1 or (n is not None and n < 2):
            yield from map(func, items)
            return
        if self._pool is not None:
            yield from _stream(self._pool, run_chunk, func, items, size, self.max_pending)
            return
        pool = self._new_pool()
        try:
            yield from _stream(pool, run_chunk, func, items, size, self.max_pending)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def map_shared(self, func: Callable[[Any, T], R], shared: Any, items: Iterable[T]) -> Iterator[R]:
        """``func(shared, item)`` for every item on worker processes, results in input order.

        Runs on a pool of its own, started for this call with ``shared`` installed in each worker
        by the pool's initializer: forked workers inherit it (no pickling at all), spawned ones
        unpickle it once. The engine's own pool (kept by ``with``) cannot be used: its workers
        started before ``shared`` existed. Items are sent one per task (they are meant to be
        chunks already, e.g. 5,000 rows of a frame).

        While forked workers start, the driver's objects are frozen for the garbage collector
        (``gc.freeze``, undone once they run): a collection in a worker would otherwise write to
        the header of every object it inherited and copy the driver's memory page by page.
        """
        items = list(items)
        workers = min(self.workers, len(items))
        if workers <= 1:
            yield from (func(shared, item) for item in items)
            return
        key = uuid.uuid4().hex
        method = self.context or default_context()
        if method == "fork":
            gc.freeze()
        try:
            pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=mp.get_context(method),
                initializer=_install_shared,
                initargs=(key, shared),
            )
            pool.submit(int).result()  # a forking pool starts all its workers on the first task
        finally:
            if method == "fork":
                gc.unfreeze()
        try:
            yield from _stream(pool, run_shared_chunk, func, items, 1, self.max_pending, key)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _stream(
    pool: ProcessPoolExecutor,
    task: Callable[..., list[R]],
    func: Callable[..., R],
    items: Iterable[T],
    size: int,
    max_pending: int,
    *before: Any,
) -> Iterator[R]:
    """Submit ``task(func, *before, chunk)`` per chunk with at most ``max_pending`` in flight;
    yield the results in input order."""
    it = iter(items)
    pending: deque[Future[list[R]]] = deque()

    def submit_next() -> bool:
        chunk = list(islice(it, size))
        if not chunk:
            return False
        pending.append(pool.submit(task, func, *before, chunk))
        return True

    while len(pending) < max_pending and submit_next():
        pass
    while pending:
        results = pending.popleft().result()
        submit_next()
        yield from results


def warm_per_report_models() -> None:
    """Load what the per-report function needs (section model, underthesea) in this process."""
    from underthesea import word_tokenize

    from pipeline.screen import default_segmenter

    default_segmenter()
    word_tokenize("Xin chào")


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity, e.g. in containers)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def get_engine(name: str = "local", workers: int | None = None, **options: Any) -> Engine:
    """Engine by name: serial, local, or dask (``scheduler=ADDRESS`` optional)."""
    if name == "serial":
        return SerialEngine()
    if name == "local":
        options.setdefault("preload", warm_per_report_models)
        return LocalEngine(workers, **options)
    if name == "dask":
        from pipeline.engine.dask import DaskEngine

        return DaskEngine(workers=workers, **options)
    raise ValueError(f"unknown engine {name!r}: use serial, local or dask")

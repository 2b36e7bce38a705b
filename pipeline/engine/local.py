"""Serial and multi-process local engines."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    def map(self, func: Callable[[Any], R], items: Iterable[Any]) -> Iterator[R]: ...


class SerialEngine:
    """Everything in this process (tests, tiny batches, debugging)."""

    name = "serial"

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(func, items)


class LocalEngine:
    """Worker processes on this machine (default: one per core), results in input order.

    Parameters
    ----------
    workers:
        Number of processes; None = ``os.cpu_count()``.
    chunksize:
        Items sent to a worker at a time (amortises inter-process overhead).
    """

    name = "local"

    def __init__(self, workers: int | None = None, chunksize: int = 8) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.chunksize = chunksize

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        items = list(items)
        if self.workers <= 1 or len(items) < 2 * self.chunksize:
            yield from map(func, items)
            return
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(func, items, chunksize=self.chunksize)


def get_engine(name: str = "local", workers: int | None = None, **options: Any) -> Engine:
    """Engine by name: serial, local, or dask (``scheduler=ADDRESS`` optional)."""
    if name == "serial":
        return SerialEngine()
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        from pipeline.engine.dask import DaskEngine  # type: ignore[import-not-found]

        return DaskEngine(workers=workers, **options)
    raise ValueError(f"unknown engine {name!r}: use serial, local or dask")

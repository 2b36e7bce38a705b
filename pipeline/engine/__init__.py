"""Engines run the per-report work (read, normalise, sections, tokens) over many reports.

An engine is anything with ``map(func, items) -> iterator of results in input order``.
``SerialEngine`` runs in-process; ``LocalEngine`` uses all cores with worker processes; the
Dask engine (pipeline.engine.dask) runs the same function on a cluster.

While the stages run, :func:`current_engine` returns the engine the screen was given, so a
stage with parallel work of its own (e.g. aligning candidate pairs) can map it over the same
workers instead of starting its own: ``current_engine().map(align_chunk, chunks)`` (a
module-level function, picklable chunks; results in order). Outside a screen it is serial.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pipeline.engine.local import Engine, LocalEngine, SerialEngine, get_engine

_CURRENT: ContextVar[Engine | None] = ContextVar("soi_engine", default=None)


def current_engine() -> Engine:
    """The engine of the screen that is running (serial outside a screen)."""
    return _CURRENT.get() or SerialEngine()


@contextmanager
def using_engine(engine: Engine) -> Iterator[Engine]:
    """Make ``engine`` the :func:`current_engine` inside the ``with`` block."""
    token = _CURRENT.set(engine)
    try:
        yield engine
    finally:
        _CURRENT.reset(token)


__all__ = ["Engine", "LocalEngine", "SerialEngine", "current_engine", "get_engine", "using_engine"]

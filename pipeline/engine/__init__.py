"""Engines run the per-report work (read, normalise, sections, tokens) over many reports.

An engine is anything with ``map(func, items) -> iterator of results in input order``.
``SerialEngine`` runs in-process; ``LocalEngine`` uses all cores with worker processes; the
Dask engine (pipeline.engine.dask) runs the same function on a cluster.
"""

from __future__ import annotations

from pipeline.engine.local import LocalEngine, SerialEngine, get_engine

__all__ = ["LocalEngine", "SerialEngine", "get_engine"]

"""Model probabilities over many rows, in bounded chunks, on the screen's workers when it pays.

The one place where a batch-level stage asks a fitted classifier for ``predict_proba`` over a
table of rows (sentences, units), so that how those rows are cut and where the chunks run is
decided here, not in each stage.

With a screen's engine of several workers (:func:`pipeline.engine.current_engine`) and at least
:data:`PARALLEL_MIN_ROWS` rows, the chunks are scored on the workers with
``engine.map_shared``: the model reaches each worker process once (inherited by a forked worker,
scattered once on Dask), only the rows travel per chunk. Every row's probabilities depend on
that row alone, so the result is the same, bit for bit, wherever and in whatever chunks the rows
are scored (tests/engine/test_proba.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

#: Rows per model call. A call builds the TF-IDF matrices of all its rows at once (Python lists of
#: every n-gram index first), so one call over a whole batch's sentences made a transient that grew
#: with the batch (~0.5 GB per 1,000 reports); a chunk of 5,000 rows needs ~0.1 GB whatever the batch
#: size. Every row's probabilities depend on that row alone: the same result, bit for bit.
CHUNK_ROWS = 5_000

#: Fewest rows sent to the engine's workers. A ``map_shared`` call on 2 forked workers costs
#: 0.12-0.19 s (measured under load on the 2-core test machine, benchmarks/RESULTS.md) and the
#: content models score ~0.1 ms per sentence row, so 2 workers break even at ~3,000 rows; from
#: 4,000 rows (about 55 reports' sentences) they save time.
PARALLEL_MIN_ROWS = 4_000


def _proba(model: Any, frame: pd.DataFrame) -> np.ndarray:
    """``model.predict_proba(frame)`` as float64 (run in a worker or here)."""
    return np.asarray(model.predict_proba(frame), dtype=float)


def chunked_proba(model: Any, frame: pd.DataFrame, chunk_rows: int = CHUNK_ROWS) -> np.ndarray:
    """``model.predict_proba(frame)`` as float64, computed ``chunk_rows`` rows at a time, on the
    current engine's workers when it has several and the frame has at least
    :data:`PARALLEL_MIN_ROWS` rows (then in chunks small enough to keep every worker busy)."""
    if chunk_rows < 1:
        raise ValueError("chunk_rows must be at least 1")
    # the models read the columns value by value: plain object columns iterate several times
    # faster than pandas' string dtype, with the same values
    frame = frame.astype(object)
    from pipeline.engine import current_engine

    engine = current_engine()
    workers = int(getattr(engine, "workers", 1) or 1)
    if workers > 1 and len(frame) >= PARALLEL_MIN_ROWS and hasattr(engine, "map_shared"):
        # at least two chunks per worker, so one slow chunk does not leave the other idle
        rows = min(chunk_rows, -(-len(frame) // (2 * workers)))
        chunks = [frame.iloc[i : i + rows] for i in range(0, len(frame), rows)]
        return np.concatenate(list(engine.map_shared(_proba, model, chunks)), axis=0)
    if len(frame) <= chunk_rows:
        return _proba(model, frame)
    parts = [_proba(model, frame.iloc[i : i + chunk_rows]) for i in range(0, len(frame), chunk_rows)]
    return np.concatenate(parts, axis=0)

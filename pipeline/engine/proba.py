"""Model probabilities over many rows, in bounded chunks.

The one place where a batch-level stage asks a fitted classifier for ``predict_proba`` over a
table of rows (sentences, units), so that how those rows are cut and where the chunks run is
decided here, not in each stage.
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


def chunked_proba(model: Any, frame: pd.DataFrame, chunk_rows: int = CHUNK_ROWS) -> np.ndarray:
    """``model.predict_proba(frame)`` as float64, computed ``chunk_rows`` rows at a time."""
    if chunk_rows < 1:
        raise ValueError("chunk_rows must be at least 1")
    # the models read the columns value by value: plain object columns iterate several times
    # faster than pandas' string dtype, with the same values
    frame = frame.astype(object)
    if len(frame) <= chunk_rows:
        return np.asarray(model.predict_proba(frame), dtype=float)
    parts = [
        np.asarray(model.predict_proba(frame.iloc[i : i + chunk_rows]), dtype=float)
        for i in range(0, len(frame), chunk_rows)
    ]
    return np.concatenate(parts, axis=0)

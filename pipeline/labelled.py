"""Loaders for the hand-labelled sets in corpora/labelled (see corpora/README.md).

Each set carries a fixed ``split`` column (train | test) that no model ever trains on the
test part of.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

CORPORA_DIR = Path(__file__).resolve().parent.parent / "corpora"


def corpora_dir() -> Path:
    """The corpora folder (env ``SOI_CORPORA`` overrides)."""
    return Path(os.environ.get("SOI_CORPORA", CORPORA_DIR))


def labelled_dir() -> Path:
    return corpora_dir() / "labelled"


def _read(name: str) -> pd.DataFrame:
    """Read ``labelled/NAME.csv`` plus any ``labelled/parts/NAME_*.csv`` shards."""
    folder = labelled_dir()
    frames = []
    main = folder / f"{name}.csv"
    if main.exists():
        frames.append(pd.read_csv(main, dtype=str, keep_default_na=False))
    for part in sorted((folder / "parts").glob(f"{name}_*.csv")):
        frames.append(pd.read_csv(part, dtype=str, keep_default_na=False))
    if not frames:
        raise FileNotFoundError(f"no labelled set {name!r} in {folder}")
    return pd.concat(frames, ignore_index=True)


def load_sentences() -> pd.DataFrame:
    """sentences.csv: id, text, dimension, quality (substantive|stock), sector, voice, split, source."""
    return _read("sentences")


def load_plan_items() -> pd.DataFrame:
    """plan_items.csv: id, text, label (specific|vague), has_measure, has_deadline, has_target, sector, split, source."""
    df = _read("plan_items")
    for col in ("has_measure", "has_deadline", "has_target"):
        df[col] = df[col].astype(int)
    return df


def load_weaknesses() -> pd.DataFrame:
    """weaknesses.csv: id, text, label (generic|specific), sector, split, source."""
    return _read("weaknesses")


def load_results() -> pd.DataFrame:
    """results.csv: id, text, label (quantified|qualitative), sector, split, source."""
    return _read("results")


def load_temporal() -> pd.DataFrame:
    """temporal.csv: id, text, report_year, expression, is_deadline, kind, start, end, source."""
    df = _read("temporal")
    df["report_year"] = df["report_year"].astype(int)
    df["is_deadline"] = df["is_deadline"].astype(int)
    return df

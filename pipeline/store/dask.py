"""Reading the archive from Dask: one task per (year) or (year, unit) partition.

    from pipeline.store.dask import archive_bag, read_partition
    bag = archive_bag("reports.soi", table="findings", by="year")   # a dask.bag of DataFrames
    frames = bag.compute()                                           # or client.compute(bag)

Each task opens the SQLite file read-only and reads its partition through the
``reports(year, unit)`` index, so workers need the file on storage they can read (a shared
file system, or a copy on each worker's disk: the archive is one file). SQLite over NFS is
safe for readers; write the archive on one machine. Only dask.bag / dask.delayed are used:
dask.dataframe (which needs pyarrow, +170 MB) is optional — ``dd.from_delayed`` over
:func:`delayed_partitions` gives a Dask DataFrame where pyarrow is installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.store.archive import Archive

Partition = tuple[int | None, str | None]


def partitions(path: str | Path, by: str = "year") -> list[Partition]:
    """Partitions of the archive: ``(year, None)`` per year, or ``(year, unit)`` pairs."""
    if by not in ("year", "year_unit"):
        raise ValueError("by must be 'year' or 'year_unit'")
    with Archive(path, readonly=True) as archive:
        pairs = archive.partitions()
    if by == "year":
        return [(y, None) for y in sorted({y for y, _ in pairs}, key=lambda v: (v is None, v or 0))]
    return list(pairs)


def read_partition(
    path: str | Path, partition: Partition, table: str = "reports", columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """One partition of one table (see :meth:`pipeline.store.archive.Archive.read`)."""
    year, unit = partition
    with Archive(path, readonly=True) as archive:
        return archive.read(table, year=year, unit=unit, columns=columns, missing_year=year is None)


def archive_bag(
    path: str | Path, table: str = "reports", by: str = "year", columns: Sequence[str] | None = None
) -> Any:
    """A ``dask.bag`` with one DataFrame per partition."""
    import dask.bag as db

    parts = partitions(path, by)
    path = str(Path(path).resolve())
    return db.from_sequence(parts, npartitions=max(1, len(parts))).map(
        lambda p: read_partition(path, p, table, columns)
    )


def delayed_partitions(
    path: str | Path, table: str = "reports", by: str = "year", columns: Sequence[str] | None = None
) -> list[Any]:
    """One ``dask.delayed`` DataFrame per partition (for ``dd.from_delayed``)."""
    from dask import delayed

    path = str(Path(path).resolve())
    return [delayed(read_partition)(path, p, table, columns) for p in partitions(path, by)]

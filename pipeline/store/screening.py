"""How ``screen(archive=...)`` uses the archive: reuse unchanged reports, load earlier years.

1. :func:`process_with_archive` — every report whose key (file bytes + manifest fields +
   processing fingerprint, :mod:`pipeline.store.keys`) is in the archive is taken from it as
   processed (text, sections, sentences, tokens); only the others go to the engine. Results
   come back in input order, like ``engine.map``.
2. :func:`attach_history` — archived reports of the years before the batch's (``lookback``
   years, default 2) become ``batch.history`` / ``batch.history_sections``, which the reuse
   stage searches for copies from a member's own earlier reports and from colleagues' without
   screening them again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.model import Batch
from pipeline.store.archive import Archive
from pipeline.store.keys import file_sha256, prep_key, processing_fingerprint, row_fields

if TYPE_CHECKING:
    from pipeline.engine.local import Engine
    from pipeline.screen import DocOutcome

#: Archived years searched before the batch's earliest year (the reuse stage looks back 2).
DEFAULT_LOOKBACK = 2


def open_archive(archive: str | Path | Archive | None, readonly: bool = True) -> Archive | None:
    """An :class:`Archive` from a path (or as given); None stays None."""
    if archive is None or isinstance(archive, Archive):
        return archive
    return Archive(archive, readonly=readonly)


def process_with_archive(
    engine: Engine, work: list[tuple[Path, Any, Path | None]], archive: Archive | None, stats: dict[str, Any]
) -> Iterator[DocOutcome]:
    """``process_document`` over ``work`` on ``engine``, skipping reports found in ``archive``."""
    from pipeline.screen import DocOutcome, process_document

    if archive is None:
        yield from engine.map(process_document, work)
        return
    t = time.perf_counter()
    fp = processing_fingerprint()
    keys: list[str | None] = []
    for path, row, _cache in work:
        try:
            keys.append(prep_key(file_sha256(path), row_fields(row), fp))
        except OSError:
            keys.append(None)  # unreadable: the engine reports it as an error row
    found = archive.load_processed(k for k in keys if k is not None)
    stats["lookup_seconds"] = round(time.perf_counter() - t, 3)
    stats["reused_reports"] = sum(1 for k in keys if k in found)
    stats["processed_reports"] = len(work) - stats["reused_reports"]
    todo = [w for w, k in zip(work, keys, strict=True) if k not in found]
    processed = engine.map(process_document, todo)
    for (path, row, _cache), key in zip(work, keys, strict=True):
        if key in found:
            doc, sentences = found[key]
            # the processed content is the archive's; where it is and its id are the caller's
            doc = _with(doc, path=path, doc_id=row.doc_id if row is not None else None)
            yield DocOutcome(path, doc, None, sentences, cache_hit=True)
        else:
            yield next(processed)


def _with(doc: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(doc, **changes)


def history_years(batch: Batch, lookback: int = DEFAULT_LOOKBACK) -> list[int]:
    """The archived years searched for a batch: ``lookback`` years before its earliest year,
    up to the year before its latest (same-year reports of other batches are not loaded)."""
    years = [int(y) for y in batch.documents["year"].dropna()] if len(batch.documents) else []
    if not years:
        return []
    return list(range(min(years) - lookback, max(years)))


def attach_history(batch: Batch, archive: Archive, lookback: int = DEFAULT_LOOKBACK) -> dict[str, Any]:
    """Load earlier years' archived reports into ``batch.history`` / ``history_sections``."""
    t = time.perf_counter()
    years = history_years(batch, lookback)
    docs, secs = archive.history(years, exclude_doc_ids=batch.documents["doc_id"].astype(str))
    batch.history, batch.history_sections = docs, secs
    return {
        "history_years": years,
        "history_reports": int(len(docs)),
        "history_seconds": round(time.perf_counter() - t, 3),
    }

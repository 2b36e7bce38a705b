"""How ``screen(archive=...)`` uses the archive: reuse unchanged reports, load earlier years.

1. :func:`process_with_archive` — every report whose key (file bytes + manifest fields +
   processing fingerprint, :mod:`pipeline.store.keys`) is in the archive is taken from it as
   processed (text, sections, sentences, tokens); only the others go to the engine. Results
   come back in input order, like ``engine.map``.
2. :func:`attach_history` — archived reports of the years before the batch's (``lookback``
   years, default 2) become ``batch.history`` / ``batch.history_sections``, which the reuse
   stage searches for copies from a member's own earlier reports and from colleagues' without
   screening them again.
3. :func:`replay_stages` — when the whole batch is unchanged (the same reports in the same
   order, the same history, the same stage code, models, banks and options: one
   :func:`stage_replay_key`) and the archive holds the findings, matches and plan items that
   screen stored, they are taken from the archive instead of running the stages again. Any
   difference, even one report, runs the stages.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from pipeline.model import Batch
from pipeline.store.archive import Archive
from pipeline.store.keys import PACKAGE_DIR, file_sha256, prep_key, processing_fingerprint, row_fields

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


# --- replaying the stages of an unchanged batch -------------------------------------------------
#: Folders and files whose content decides what the batch-level stages compute.
STAGE_SOURCES: tuple[str, ...] = ("stages", "model.py", "schema.py")


def _hash_tree(h: Any, root: Path) -> None:
    if root.is_file():
        h.update(root.name.encode())
        h.update(root.read_bytes())
        return
    if not root.is_dir():
        return
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())


@lru_cache(maxsize=1)
def stage_code_fingerprint() -> str:
    """Hash of the stages' code and data files, the shipped models and the repository's banks."""
    from pipeline.modelio import models_dir
    from pipeline.stages.reuse.bank import REPO_BANKS, default_bank_dirs

    h = hashlib.sha256()
    for name in STAGE_SOURCES:
        _hash_tree(h, PACKAGE_DIR / name)
    _hash_tree(h, models_dir())
    _hash_tree(h, REPO_BANKS)
    for d in default_bank_dirs():
        _hash_tree(h, d)
    return h.hexdigest()


def stage_replay_key(batch: Batch, skip: Iterable[str], stage_params: dict[str, Any]) -> str:
    """What the stages' output depends on: the reports (in order) and the history searched,
    as processed-report keys, the stages' code, models and banks, and the stage options.

    Two screens with the same key compute the same findings, matches and plan items.
    """
    h = hashlib.sha256()
    h.update(stage_code_fingerprint().encode())
    h.update(processing_fingerprint().encode())
    h.update(json.dumps(sorted(skip)).encode())
    h.update(json.dumps(stage_params, sort_keys=True, default=str).encode())
    for d in stage_params.get("reuse", {}).get("bank_dirs", []) or []:
        _hash_tree(h, Path(d))
    for frame in (batch.documents, batch.history):
        if frame is None or not len(frame):
            h.update(b"-")
            continue
        for rec in frame.reindex(columns=_KEY_COLUMNS).itertuples(index=False, name=None):
            h.update("\x1f".join("" if v is None or v is pd.NA else str(v) for v in rec).encode())
            h.update(b"\x1e")
    return h.hexdigest()[:32]


_KEY_COLUMNS = ["doc_id", "sha256", "member_id", "unit", "year", "kind", "role", "guessed_fields"]


def replay_stages(batch: Batch, archive: Archive, key: str) -> dict[str, Any] | None:
    """Fill the batch with the stage outputs an earlier screen with the same key stored.

    Only when every report of the batch is still the one that screen stored (none replaced
    since). Returns what was replayed, or None (then the stages run as usual).
    """
    t = time.perf_counter()
    stored = archive.stage_outputs(key, batch.documents["doc_id"].astype(str).tolist())
    if stored is None:
        return None
    run_id, params, frames = stored
    for name, frame in frames.items():
        setattr(batch, name, frame)
    for name, value in params.get("params", {}).items():
        if name not in ("engine", "archive", "replay_key"):
            batch.params[name] = value
    batch.stages_run = list(params.get("stages_run", []))
    return {"replayed_run": run_id, "replay_seconds": round(time.perf_counter() - t, 3)}

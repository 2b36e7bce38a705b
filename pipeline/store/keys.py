"""When is an archived report "unchanged"? Keys that say so.

A report's processed form (normalised text, header fields, sections, sentences and tokens)
depends on three things only: the file's bytes, the manifest row that came with it (member,
unit, year, kind, role; or none, when the header is read instead) and the code and models
that processed it. :func:`prep_key` hashes all three, so an archived report is reused only
when none changed; a new Soi version, a retrained section model or another underthesea
version re-processes every report once (the archive keeps the old rows for history).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: Source files whose code decides how a report is processed before the stages run.
PROCESSING_SOURCES: tuple[str, ...] = ("prepare.py", "ingest", "text")


@lru_cache(maxsize=1)
def processing_fingerprint() -> str:
    """Hash of the per-report processing: its source code, the section model, underthesea.

    Computed once per process (about 2 ms).
    """
    from pipeline.modelio import models_dir
    from pipeline.text.tokens import CACHE_VERSION, _underthesea_version

    h = hashlib.sha256()
    h.update(f"tokens-v{CACHE_VERSION}|underthesea-{_underthesea_version()}".encode())
    for name in PROCESSING_SOURCES:
        target = PACKAGE_DIR / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for f in files:
            h.update(str(f.relative_to(PACKAGE_DIR)).encode())
            h.update(f.read_bytes())
    models = models_dir()
    for f in sorted(models.glob("section_paragraphs.*")) if models.is_dir() else []:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def row_fields(row: Any) -> str:
    """The manifest fields that shape a processed report, or ``guessed`` without a manifest row."""
    if row is None:
        return "guessed"
    return "|".join(str(getattr(row, f)) for f in ("member_id", "unit", "year", "kind", "role"))


def prep_key(file_sha256: str, fields: str, fingerprint: str | None = None) -> str:
    """Key of a processed report: file bytes + manifest fields + processing fingerprint."""
    fp = fingerprint or processing_fingerprint()
    return hashlib.sha256(f"{file_sha256}|{fields}|{fp}".encode()).hexdigest()[:32]


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes (the same digest the readers record as ``sha256``)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

"""The archive of processed reports (SQLite): see :mod:`pipeline.store.archive`.

from pipeline.store import Archive
with Archive("reports.soi") as archive:
    archive.add_result(screen(["2024/"], manifest="2024/manifest.csv"))
screen(["2025/"], manifest="2025/manifest.csv", archive="reports.soi")
"""

from __future__ import annotations

from pipeline.store.archive import Archive
from pipeline.store.errors import ArchiveError
from pipeline.store.keys import prep_key, processing_fingerprint

__all__ = ["Archive", "ArchiveError", "prep_key", "processing_fingerprint"]

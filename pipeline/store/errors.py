"""Errors of the archive (a module of its own so the CLI can catch them without importing pandas)."""

from __future__ import annotations


class ArchiveError(RuntimeError):
    """The archive file is not a Soi archive, or is of an unknown schema version."""

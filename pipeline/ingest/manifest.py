"""The batch manifest: which file is whose report, for which unit and year.

CSV columns: ``path`` (relative to the manifest's folder), ``member_id``, ``unit``, ``year``,
``kind`` (individual | collective), ``role`` (member | leader), optional ``doc_id``; separated by
commas (or by semicolons or tabs, as the header line shows). A manifest
that does not parse stops the run with a message naming the line and column
(:class:`ManifestError`); a row whose file is missing is reported in errors.csv and the batch
goes on.

A bad value in one row (a year "2O24", a kind "personal", an empty member_id, a repeated
doc_id or path) stops the run too by default. With ``row_errors`` (a list), such a row is
left out instead and described there as an errors.csv row (``path``: the row's file,
``error``: the line, the column, the value and what is wrong), so one typo in a 5,000-row
manifest does not hold up the batch; a manifest that cannot be read, is binary, lacks a column
or has rows with more fields than the header still stops the run.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from pipeline import schema
from pipeline.ingest.encodings import DecodeError, decode_bytes

REQUIRED_COLUMNS = ("path", "member_id", "unit", "year", "kind", "role")
OPTIONAL_COLUMNS = ("doc_id",)
_KIND_ALIASES = {
    "ca_nhan": "individual",
    "cá nhân": "individual",
    "tap_the": "collective",
    "tập thể": "collective",
}
_ROLE_ALIASES = {"dang_vien": "member", "đảng viên": "member", "lanh_dao": "leader", "lãnh đạo": "leader"}


class ManifestError(ValueError):
    """The manifest cannot be used; the message names the file, line and column."""


@dataclass(frozen=True)
class ManifestRow:
    line: int  # line number in the CSV file (header = 1)
    path: Path  # absolute
    member_id: str
    unit: str
    year: int
    kind: str
    role: str
    doc_id: str | None


def load_manifest(
    manifest_path: str | Path, row_errors: list[dict[str, str]] | None = None
) -> list[ManifestRow]:
    """Parse and validate a manifest. Raises :class:`ManifestError` on the first bad value,
    or, with ``row_errors``, leaves bad rows out and appends ``{"path", "error"}`` for each
    (see the module docstring)."""
    manifest_path = Path(manifest_path)
    name = manifest_path.name
    try:
        data = manifest_path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"{manifest_path}: cannot read the manifest ({exc.strerror})") from exc
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        raise ManifestError(f"{name}: {exc}") from exc
    first_line = text.split("\n", 1)[0]
    # Excel in some locales separates with ";" (or saves tab-separated text): accept those too
    delimiter = next((d for d in (",", ";", "\t") if d in first_line), ",")
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ManifestError(
            f"{name}: missing column(s) {', '.join(missing)} (line 1 has: {', '.join(header) or 'nothing'})"
        )
    rows: list[ManifestRow] = []
    seen_ids: dict[str, int] = {}
    seen_paths: dict[Path, int] = {}
    base = manifest_path.parent.resolve()
    for index, raw in enumerate(reader):
        line = index + 2
        if None in raw:
            raise ManifestError(
                f"{name} line {line}: more fields than the {len(header)} columns of the header"
            )
        values = {k: (v or "").strip() for k, v in raw.items()}
        if not any(values.values()):
            continue
        try:
            row = _row(values, line, name, base, seen_ids, seen_paths)
        except ManifestError as exc:
            if row_errors is None:
                raise
            path = (base / values["path"]).resolve() if values.get("path") else manifest_path
            row_errors.append({"path": str(path), "error": f"not screened, bad manifest row: {exc}"})
            continue
        rows.append(row)
    return rows


def _row(
    values: dict[str, str],
    line: int,
    name: str,
    base: Path,
    seen_ids: dict[str, int],
    seen_paths: dict[Path, int],
) -> ManifestRow:
    """One validated row; raises :class:`ManifestError` naming the line, column and value."""

    def bad(column: str, why: str) -> ManifestError:
        return ManifestError(f"{name} line {line}, column '{column}': {values.get(column, '')!r} {why}")

    for column in REQUIRED_COLUMNS:
        if not values.get(column):
            raise bad(column, "is empty")
    try:
        year = int(values["year"])
    except ValueError:
        raise bad("year", "is not a year (expected e.g. 2024)") from None
    if not 1990 <= year <= 2100:
        raise bad("year", "is out of range (1990-2100)")
    kind = _KIND_ALIASES.get(values["kind"].lower(), values["kind"].lower())
    if kind not in schema.KINDS:
        raise bad("kind", f"must be one of {', '.join(schema.KINDS)}")
    role = _ROLE_ALIASES.get(values["role"].lower(), values["role"].lower())
    if role not in schema.ROLES:
        raise bad("role", f"must be one of {', '.join(schema.ROLES)}")
    doc_id = values.get("doc_id") or None
    path = (base / values["path"]).resolve()
    if doc_id is not None and doc_id in seen_ids:
        raise bad("doc_id", f"repeats the doc_id of line {seen_ids[doc_id]}")
    if path in seen_paths:
        raise bad("path", f"repeats the path of line {seen_paths[path]}")
    if doc_id is not None:
        seen_ids[doc_id] = line
    seen_paths[path] = line
    return ManifestRow(line, path, values["member_id"], values["unit"], year, kind, role, doc_id)

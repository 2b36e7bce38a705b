"""The batch manifest: which file is whose report, for which unit and year.

CSV columns: ``path`` (relative to the manifest's folder), ``member_id``, ``unit``, ``year``,
``kind`` (individual | collective), ``role`` (member | leader), optional ``doc_id``; separated by
commas (or by semicolons or tabs, as the header line shows). A manifest
that does not parse stops the run with a message naming the line and column
(:class:`ManifestError`); a row whose file is missing is reported in errors.csv and the batch
goes on.
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


def load_manifest(manifest_path: str | Path) -> list[ManifestRow]:
    """Parse and validate a manifest. Raises :class:`ManifestError` on the first bad value."""
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

        def bad(column: str, why: str, _line: int = line, _values: dict[str, str] = values) -> ManifestError:
            return ManifestError(f"{name} line {_line}, column '{column}': {_values.get(column, '')!r} {why}")

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
        if doc_id is not None:
            if doc_id in seen_ids:
                raise bad("doc_id", f"repeats the doc_id of line {seen_ids[doc_id]}")
            seen_ids[doc_id] = line
        path = (base / values["path"]).resolve()
        if path in seen_paths:
            raise bad("path", f"repeats the path of line {seen_paths[path]}")
        seen_paths[path] = line
        rows.append(ManifestRow(line, path, values["member_id"], values["unit"], year, kind, role, doc_id))
    return rows

"""The archive of processed reports: one SQLite file.

Earlier years' reports are kept processed — normalised text, header fields, sections,
sentences with their word-segmented tokens, and the findings, matches and plan items their
own screen produced — so that next year's batch is screened against them without reading
or tokenizing them again (``soi archive add``, ``soi screen --archive``), and so that an
unchanged report screened again is not processed again (see :mod:`pipeline.store.keys`).

Why SQLite (see benchmarks/README.md for the numbers): it ships with Python (no new
dependency), the archive is one file to copy or back up, and every ``add`` is one
transaction, so an archive interrupted while writing (Ctrl-C, power loss) is the archive as
it was before the add, never half a report. Reads by year and unit use an index, which is
what the history load and the Dask partitioned reads (:mod:`pipeline.store.dask`) need.

Tables (column names quoted: ``end`` is an SQL keyword)
    ``reports``  one row per report (doc_id is unique; adding a doc_id again replaces it):
                 the ``documents`` frame columns, ``key`` (:func:`~pipeline.store.keys.prep_key`),
                 ``fingerprint``, ``risk``, ``sentences`` (zlib-compressed JSON of
                 ``[start, end, tokens]`` triples; the sentence text is ``text[start:end]``),
                 ``added_at``, ``run_id``.
    ``sections`` ``findings`` ``matches`` ``plans``: the Batch frames' rows for those reports.
    ``runs``     one row per add: when, how many reports, the run.json of the screen.
    ``meta``     schema version.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from pipeline import schema
from pipeline.model import DOCUMENT_FRAME_COLUMNS, FINDING_COLUMNS, SECTION_COLUMNS, Batch, empty_frame
from pipeline.store.errors import ArchiveError
from pipeline.store.keys import prep_key, processing_fingerprint

if TYPE_CHECKING:
    from pipeline.prepare import PreparedDoc
    from pipeline.screen import ScreenResult

SCHEMA_VERSION = 2
#: Warning text build_batch adds for a file submitted twice; a property of the batch, not of
#: the report, so it is not part of an archived report's own warnings.
TWIN_WARNING_PREFIX = "identical file submitted under another name"

Sentence = tuple[int, int, str]

_REPORT_COLUMNS: tuple[str, ...] = DOCUMENT_FRAME_COLUMNS + (
    "key",
    "fingerprint",
    "risk",
    "sentences",
    "n_sentences",
    "added_at",
    "run_id",
)
_TABLES: dict[str, tuple[str, ...]] = {
    "sections": SECTION_COLUMNS,
    "findings": FINDING_COLUMNS,
    "matches": schema.MATCH_COLUMNS,
    "plans": schema.PLAN_COLUMNS,
}
_INT_COLUMNS = {"year", "start", "end", "source_start", "source_end", "flag", "n_sentences", "run_id"}
_REAL_COLUMNS = {"risk", "score", "similarity"}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _col_defs(columns: Iterable[str], primary: str | None = None) -> str:
    defs = []
    for c in columns:
        # floats get no declared type: a REAL column turns -0.0 into 0.0, and a screen replayed
        # from the archive must write the very same CSVs (a score printed as -0.0000 included)
        typ = "INTEGER" if c in _INT_COLUMNS else "" if c in _REAL_COLUMNS else "TEXT"
        if c == "sentences":
            typ = "BLOB"
        defs.append(f"{_q(c)} {typ}".rstrip() + (" PRIMARY KEY" if c == primary else ""))
    return ", ".join(defs)


def encode_sentences(sentences: Sequence[Sentence]) -> bytes:
    """Sentences as stored: zlib-compressed JSON ``[[start, end, tokens], ...]``."""
    return zlib.compress(json.dumps(sentences, ensure_ascii=False).encode("utf-8"), 6)


def decode_sentences(blob: bytes | None) -> list[Sentence]:
    if not blob:
        return []
    return [(int(a), int(b), str(t)) for a, b, t in json.loads(zlib.decompress(blob))]


class Archive:
    """A Soi archive (SQLite file) of processed reports.

    Parameters
    ----------
    path:
        The archive file; created when missing (unless ``readonly``).
    readonly:
        Open without write access (several screens may read one archive at once; also for
        Dask workers reading partitions).
    """

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"archive not found: {self.path}")
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit mode: transactions are opened explicitly (_transaction)
            self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("PRAGMA temp_store=MEMORY")
        self._check_or_create()

    # ------------------------------------------------------------------------------------------
    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _check_or_create(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in tables:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else None
            if version != SCHEMA_VERSION:
                raise ArchiveError(
                    f"{self.path}: archive schema version {version}, this Soi reads version {SCHEMA_VERSION}"
                )
            return
        if tables:
            raise ArchiveError(f"{self.path}: an SQLite file that is not a Soi archive")
        if self.readonly:
            raise ArchiveError(f"{self.path}: empty file, not a Soi archive")
        with self._transaction():
            c = self.conn
            c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            c.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            c.execute(f"CREATE TABLE reports ({_col_defs(_REPORT_COLUMNS, primary='doc_id')})")
            c.execute("CREATE INDEX reports_key ON reports (key)")
            c.execute("CREATE INDEX reports_year_unit ON reports (year, unit)")
            c.execute("CREATE INDEX reports_member ON reports (member_id, year)")
            for table, cols in _TABLES.items():
                c.execute(f"CREATE TABLE {table} ({_col_defs(cols)})")
                c.execute(f"CREATE INDEX {table}_doc ON {table} (doc_id)")
            c.execute(
                "CREATE TABLE runs (run_id INTEGER PRIMARY KEY, added_at TEXT, n_reports INTEGER, run_json TEXT, "
                "replay_key TEXT, params_json TEXT)"
            )
            c.execute("CREATE INDEX runs_replay ON runs (replay_key)")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it is stored, or nothing (also on Ctrl-C)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # --- writing -------------------------------------------------------------------------------
    def add_result(self, result: ScreenResult) -> int:
        """Store every report of a screen (processed form and findings); returns how many.

        Reports already in the archive under the same doc_id are replaced, with their rows in
        every table. The whole add is one transaction.
        """
        batch = result.batch
        risk = dict(zip(result.documents["doc_id"], result.documents["risk"], strict=False))
        return self.add_batch(batch, risk=risk, run=result.run)

    def add_batch(
        self, batch: Batch, risk: dict[str, Any] | None = None, run: dict[str, Any] | None = None
    ) -> int:
        """Store the reports of ``batch`` (see :meth:`add_result`)."""
        docs = batch.documents
        if not len(docs):
            return 0
        fp = processing_fingerprint()
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        sents = batch.sentences
        by_doc: dict[str, list[Sentence]] = {}
        if len(sents):
            for d, a, b, t in zip(
                sents["doc_id"], sents["start"], sents["end"], sents["tokens"], strict=True
            ):
                by_doc.setdefault(str(d), []).append((int(a), int(b), str(t)))
        doc_ids = [str(d) for d in docs["doc_id"]]
        with self._transaction() as c:
            cur = c.execute(
                "INSERT INTO runs (added_at, n_reports, run_json, replay_key, params_json) VALUES (?, ?, ?, ?, ?)",
                (
                    now,
                    len(docs),
                    json.dumps(run or {}, ensure_ascii=False, default=str),
                    batch.params.get("replay_key"),
                    json.dumps(
                        {"params": batch.params, "stages_run": batch.stages_run},
                        ensure_ascii=False,
                        default=str,
                    ),
                ),
            )
            run_id = cur.lastrowid
            self._delete(c, doc_ids)
            rows = []
            for rec in docs.to_dict("records"):
                doc_id = str(rec["doc_id"])
                fields = (
                    "guessed"
                    if rec.get("guessed_fields")
                    else "|".join(str(_plain(rec[f])) for f in ("member_id", "unit", "year", "kind", "role"))
                )
                s = by_doc.get(doc_id, [])
                values = [_plain(rec.get(col)) for col in DOCUMENT_FRAME_COLUMNS]
                r = _plain((risk or {}).get(doc_id))
                values += [
                    prep_key(str(rec["sha256"]), fields, fp),
                    fp,
                    None if r is None else float(r),
                    encode_sentences(s),
                    len(s),
                    now,
                    run_id,
                ]
                rows.append(values)
            c.executemany(
                f"INSERT INTO reports ({', '.join(map(_q, _REPORT_COLUMNS))}) "
                f"VALUES ({', '.join('?' * len(_REPORT_COLUMNS))})",
                rows,
            )
            wanted = set(doc_ids)
            for table, cols in _TABLES.items():
                frame = getattr(batch, table)
                if frame is None or not len(frame):
                    continue
                frame = frame[frame["doc_id"].astype(str).isin(wanted)].reindex(columns=list(cols))
                c.executemany(
                    f"INSERT INTO {table} ({', '.join(map(_q, cols))}) VALUES ({', '.join('?' * len(cols))})",
                    ([_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)),
                )
        return len(docs)

    @staticmethod
    def _delete(c: sqlite3.Connection, doc_ids: list[str]) -> None:
        c.execute("CREATE TEMP TABLE IF NOT EXISTS _gone (doc_id TEXT PRIMARY KEY)")
        c.execute("DELETE FROM _gone")
        c.executemany("INSERT OR IGNORE INTO _gone VALUES (?)", ((d,) for d in doc_ids))
        for table in ("reports", *_TABLES):
            c.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _gone)")

    def remove(self, doc_ids: Iterable[str]) -> None:
        """Remove reports (and their rows in every table)."""
        with self._transaction() as c:
            self._delete(c, [str(d) for d in doc_ids])

    # --- reading -------------------------------------------------------------------------------
    def _temp_keys(self, table: str, column: str, values: Iterable[str]) -> str:
        """Fill a temporary one-column table with ``values``; returns its name (for joins)."""
        c = self.conn
        c.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({column} TEXT PRIMARY KEY)")
        c.execute("BEGIN")
        try:
            c.execute(f"DELETE FROM {table}")
            c.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?)", ((v,) for v in values))
        finally:
            c.execute("COMMIT")
        return table

    def load_processed(self, keys: Iterable[str]) -> dict[str, tuple[PreparedDoc, list[Sentence]]]:
        """Processed reports by key (one per key found), as ``(PreparedDoc, sentences)``.

        The PreparedDoc's ``path`` is where it was read from when archived and its ``doc_id``
        is None: the caller sets both from the report in hand.
        """
        from pipeline.prepare import PreparedDoc
        from pipeline.text.sections import Section

        want = self._temp_keys("_want", "key", keys)
        cols = (
            "doc_id",
            "key",
            "path",
            "member_id",
            "unit",
            "year",
            "kind",
            "role",
            "form_version",
            "self_rating",
            "name",
            "dob",
            "text",
            "sha256",
            "guessed_fields",
            "warnings",
            "sentences",
        )
        rows = self.conn.execute(
            f"SELECT {', '.join('r.' + _q(c) for c in cols)} FROM reports r JOIN {want} w ON r.key = w.key"
        ).fetchall()
        by_key: dict[str, dict[str, Any]] = {}
        for row in rows:
            rec = dict(zip(cols, row, strict=True))
            by_key.setdefault(rec["key"], rec)
        if not by_key:
            return {}
        chosen = {rec["doc_id"]: k for k, rec in by_key.items()}
        sections: dict[str, list[Section]] = {k: [] for k in by_key}
        self._temp_keys("_docs", "doc_id", chosen)
        for doc_id, label, heading, start, end in self.conn.execute(
            'SELECT s.doc_id, s.label, s.heading, s."start", s."end" FROM sections s '
            "JOIN _docs d ON s.doc_id = d.doc_id ORDER BY s.rowid"
        ):
            sections[chosen[doc_id]].append(Section(label, int(start), int(end), heading or ""))
        out: dict[str, tuple[PreparedDoc, list[Sentence]]] = {}
        for key, rec in by_key.items():
            warnings = [
                w for w in (rec["warnings"] or "").split(";") if w and not w.startswith(TWIN_WARNING_PREFIX)
            ]
            doc = PreparedDoc(
                path=Path(rec["path"]),
                text=rec["text"],
                sha256=rec["sha256"],
                member_id=rec["member_id"],
                unit=rec["unit"],
                year=None if rec["year"] is None else int(rec["year"]),
                kind=rec["kind"],
                role=rec["role"],
                doc_id=None,
                name=rec["name"],
                dob=rec["dob"],
                form_version=rec["form_version"],
                self_rating=rec["self_rating"],
                sections=sections[key],
                guessed=[g for g in (rec["guessed_fields"] or "").split(";") if g],
                warnings=warnings,
            )
            out[key] = (doc, decode_sentences(rec["sentences"]))
        return out

    def stage_outputs(
        self, replay_key: str, doc_ids: list[str]
    ) -> tuple[int, dict[str, Any], dict[str, pd.DataFrame]] | None:
        """The findings, matches and plans a screen with ``replay_key`` stored, if every one of
        ``doc_ids`` is still the report that screen stored: ``(run_id, params, frames)``."""
        row = self.conn.execute(
            "SELECT run_id, params_json FROM runs WHERE replay_key = ? ORDER BY run_id DESC LIMIT 1",
            (replay_key,),
        ).fetchone()
        if row is None or not doc_ids or len(set(doc_ids)) != len(doc_ids):
            return None
        run_id, params_json = int(row[0]), row[1]
        docs = self._temp_keys("_docs", "doc_id", doc_ids)
        n = self.conn.execute(
            f"SELECT COUNT(*) FROM reports r JOIN {docs} d ON r.doc_id = d.doc_id WHERE r.run_id = ?",
            (run_id,),
        ).fetchone()[0]
        if n != len(doc_ids):
            return None
        frames = {}
        for table, cols in (
            ("findings", FINDING_COLUMNS),
            ("matches", schema.MATCH_COLUMNS),
            ("plans", schema.PLAN_COLUMNS),
        ):
            frame = pd.read_sql_query(
                f"SELECT {', '.join('t.' + _q(c) for c in cols)} FROM {table} t JOIN {docs} d ON t.doc_id = d.doc_id "
                "ORDER BY t.rowid",
                self.conn,
            )
            frames[table] = frame if len(frame) else empty_frame(cols)
        return run_id, json.loads(params_json or "{}"), frames

    def history(
        self, years: Iterable[int], exclude_doc_ids: Iterable[str] = ()
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Reports of ``years`` (minus ``exclude_doc_ids``) as (documents frame, sections frame).

        The frames have the columns of ``Batch.history`` and ``Batch.history_sections``.
        """
        years = sorted({int(y) for y in years})
        if not years:
            return empty_frame(DOCUMENT_FRAME_COLUMNS), empty_frame(SECTION_COLUMNS)
        marks = ", ".join("?" * len(years))
        excl = self._temp_keys("_excl", "doc_id", (str(d) for d in exclude_doc_ids))
        where = f"r.year IN ({marks}) AND r.doc_id NOT IN (SELECT doc_id FROM {excl})"
        docs = pd.read_sql_query(
            f"SELECT {', '.join('r.' + _q(c) for c in DOCUMENT_FRAME_COLUMNS)} FROM reports r WHERE {where} "
            "ORDER BY r.year, r.unit, r.doc_id",
            self.conn,
            params=years,
        )
        docs["year"] = docs["year"].astype("Int64")
        secs = pd.read_sql_query(
            f"SELECT {', '.join('s.' + _q(c) for c in SECTION_COLUMNS)} FROM sections s "
            f"JOIN reports r ON s.doc_id = r.doc_id WHERE {where} ORDER BY s.rowid",
            self.conn,
            params=years,
        )
        return docs, secs

    def partitions(self) -> list[tuple[int | None, str]]:
        """(year, unit) pairs present, the natural partitions for a Dask read."""
        return [
            (None if y is None else int(y), u or "")
            for y, u in self.conn.execute("SELECT DISTINCT year, unit FROM reports ORDER BY year, unit")
        ]

    def read(
        self,
        table: str = "reports",
        year: int | None = None,
        unit: str | None = None,
        columns: Sequence[str] | None = None,
        missing_year: bool = False,
    ) -> pd.DataFrame:
        """Rows of one table, optionally for one year and/or unit (joined through ``reports``).

        ``missing_year=True`` reads the reports without a year instead. ``reports`` without
        ``columns`` leaves out the ``sentences`` blob.
        """
        if table != "reports" and table not in _TABLES:
            raise ValueError(f"unknown table {table!r}")
        if columns is None:
            columns = (
                [c for c in _REPORT_COLUMNS if c != "sentences"] if table == "reports" else _TABLES[table]
            )
        where, params = [], []
        if missing_year:
            where.append("r.year IS NULL")
        elif year is not None:
            where.append("r.year = ?")
            params.append(int(year))
        if unit is not None:
            where.append("r.unit = ?")
            params.append(unit)
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        if table == "reports":
            sql = f"SELECT {', '.join('r.' + _q(c) for c in columns)} FROM reports r{cond}"
        else:
            sql = (
                f"SELECT {', '.join('t.' + _q(c) for c in columns)} FROM {table} t "
                f"JOIN reports r ON t.doc_id = r.doc_id{cond} ORDER BY t.rowid"
            )
        return pd.read_sql_query(sql, self.conn, params=params)

    def stats(self) -> dict[str, Any]:
        """Counts per table and per year, file size."""
        c = self.conn
        out: dict[str, Any] = {"path": str(self.path), "bytes": self.path.stat().st_size}
        for table in ("reports", *_TABLES, "runs"):
            out[table] = int(c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        out["years"] = {
            str(y): int(n)
            for y, n in c.execute("SELECT year, COUNT(*) FROM reports GROUP BY year ORDER BY year")
        }
        return out


def _plain(v: Any) -> Any:
    """A value SQLite takes: pandas/numpy scalars to Python, missing values to None."""
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item"):
        return v.item()
    return v

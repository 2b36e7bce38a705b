"""The output contract of ``soi screen``: documents.csv, matches.csv, plans.csv, errors.csv, units.csv,
run.json, and for people report.html and report.xlsx.

Columns come from :mod:`pipeline.schema` (extend, never rename or drop). A finding whose stage
did not run is an empty column, never 0. Files are written into a staging folder first and then
moved into place one by one with ``os.replace``, run.json last: a screen killed half-way leaves
each file either as it was or complete, never truncated. While the files are moved, SIGINT,
SIGTERM and SIGHUP are held and delivered afterwards, so such an interruption leaves the whole
previous set or the whole new one; the old run.json is removed before the first move, so a
SIGKILL or power loss in that millisecond leaves no run.json (an incomplete set says so).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pipeline import schema
from pipeline.model import Batch

if TYPE_CHECKING:
    from pipeline.screen import ScreenResult

OUTPUT_FILES = ("documents.csv", "matches.csv", "plans.csv", "errors.csv", "units.csv", "run.json")
#: Human-facing files, written unless switched off (``--no-html``, ``--no-xlsx``).
REPORT_FILES = ("report.html", "report.xlsx")


def _provided(batch: Batch) -> set[str]:
    """Findings computed by the stages that ran (without importing the stages)."""
    from pipeline.stages.registry import provided_findings

    return provided_findings(list(batch.stages_run))


def document_table(batch: Batch) -> pd.DataFrame:
    """documents.csv as a DataFrame (risk filled in later by scoring)."""
    docs = batch.documents
    out = pd.DataFrame(
        {
            c: docs[c]
            for c in (
                "doc_id",
                "path",
                "member_id",
                "unit",
                "year",
                "kind",
                "role",
                "form_version",
                "self_rating",
            )
        }
    )
    out["risk"] = pd.Series([None] * len(out), dtype="Float64")
    provided = _provided(batch)
    findings = batch.findings
    reasons: dict[str, list[str]] = {d: [] for d in out["doc_id"]}
    for finding in schema.ALL_FINDINGS:
        flag = pd.Series([pd.NA] * len(out), dtype="Int64")
        score = pd.Series([pd.NA] * len(out), dtype="Float64")
        if finding in provided and len(findings):
            rows = (
                findings[findings["finding"] == finding]
                .drop_duplicates("doc_id", keep="last")
                .set_index("doc_id")
            )
            flag = out["doc_id"].map(rows["flag"]).astype("Float64").round().astype("Int64")
            score = out["doc_id"].map(rows["score"]).astype("Float64")
            for doc_id, row in rows.iterrows():
                if row["flag"] == 1 and row["reason"] and doc_id in reasons:
                    reasons[doc_id].append(str(row["reason"]))
        out[finding] = flag.values
        out[schema.score_column(finding)] = score.values
    peer_of = pd.Series([""] * len(out))
    if "copied_peer" in provided and len(findings):
        rows = findings[(findings["finding"] == "copied_peer") & (findings["flag"] == 1)].drop_duplicates(
            "doc_id", keep="last"
        )
        peer_of = out["doc_id"].map(rows.set_index("doc_id")["detail"]).astype(object).fillna("")
    out["copied_peer_of"] = peer_of.values
    out["reasons"] = [("\n".join(reasons[d])) for d in out["doc_id"]]
    out["name"] = docs["name"].values
    out["guessed_fields"] = docs["guessed_fields"].values
    out["warnings"] = docs["warnings"].values
    share = batch.params.get("reuse", {}).get("common_wording_share", {})
    out["common_wording_share"] = (
        out["doc_id"].map(share).astype("Float64")
        if share
        else pd.Series([pd.NA] * len(out), dtype="Float64").values
    )
    out["sha256"] = docs["sha256"].values
    return out.reindex(columns=list(schema.DOCUMENT_COLUMNS)).reset_index(drop=True)


def match_table(batch: Batch) -> pd.DataFrame:
    m = batch.matches.reindex(columns=list(schema.MATCH_COLUMNS))
    return (
        m.sort_values(["doc_id", "start", "source_doc_id"], kind="stable").reset_index(drop=True)
        if len(m)
        else m
    )


def plan_table(batch: Batch) -> pd.DataFrame:
    p = batch.plans.reindex(columns=list(schema.PLAN_COLUMNS))
    return p.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True) if len(p) else p


def _csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n", float_format="%.4f").encode("utf-8")


def write_outputs(
    result: ScreenResult, out: Path, html: bool = True, xlsx: bool = True, lang: str = "vi"
) -> Path:
    """Write the output files into ``out`` (created if needed); returns ``out``.

    The CSVs and run.json always; report.html and report.xlsx unless switched off (a stale one
    from an earlier run is then removed, so the folder never mixes two runs).
    """
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".soi-staging-", dir=out))
    try:
        payloads = {
            "documents.csv": _csv_bytes(result.documents),
            "matches.csv": _csv_bytes(result.matches),
            "plans.csv": _csv_bytes(result.plans),
            "errors.csv": _csv_bytes(result.errors.reindex(columns=list(schema.ERROR_COLUMNS))),
            "units.csv": _csv_bytes(result.units),
        }
        if html:
            from pipeline.report.html import render_html

            payloads["report.html"] = render_html(result, lang=lang).encode("utf-8")
        if xlsx:
            from pipeline.report.xlsx import xlsx_bytes

            payloads["report.xlsx"] = xlsx_bytes(result, lang=lang)
        payloads["run.json"] = (
            json.dumps(result.run, indent=2, ensure_ascii=False, default=str, sort_keys=True) + "\n"
        ).encode("utf-8")
        for name, data in payloads.items():
            with open(staging / name, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        with _signals_held():
            with contextlib.suppress(FileNotFoundError):
                os.remove(out / "run.json")  # until the new one is in place, the set is incomplete
            for name in REPORT_FILES:
                if name not in payloads and (out / name).exists():
                    os.remove(out / name)
            for name in payloads:  # run.json last: its presence marks a complete set
                os.replace(staging / name, out / name)
            _fsync_dir(out)
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


#: Signals held while output files are moved into place (those that exist on this platform).
HELD_SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold :data:`HELD_SIGNALS` during the block; deliver them, in order, after it.

    Python runs signal handlers in the main thread only, so from another thread nothing is
    held (each move is still atomic on its own).
    """
    received: list[int] = []
    previous: dict[int, object] = {}
    try:
        for sig in HELD_SIGNALS:
            previous[sig] = signal.signal(sig, lambda signum, _frame: received.append(signum))
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)  # type: ignore[arg-type]
        for signum in dict.fromkeys(received):
            signal.raise_signal(signum)


def _fsync_dir(folder: Path) -> None:
    """Make the renames in ``folder`` durable (POSIX; nothing to do where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

"""One benchmark phase in its own process (so its peak memory and CPU time are its own).

    python benchmarks/scale/phase.py floor    --manifest M --workers 2
    python benchmarks/scale/phase.py cold     --manifest M --workers 2 --archive A --out DIR --cache DIR
    python benchmarks/scale/phase.py warm     --manifest M --workers 2 --archive A --out DIR --cache DIR
    python benchmarks/scale/phase.py nextyear --manifest M --workers 2 --archive A --out DIR --cache DIR
    python benchmarks/scale/phase.py allpairs --manifest M --workers 2 --time-limit 600

Prints one JSON object on the last line of stdout: wall seconds, per-stage seconds, counts,
this process's and its (waited-for) children's CPU seconds and peak RSS (getrusage), and the
driver's Python-heap peak for the phases where tracemalloc is cheap enough to run.
bench.py runs the phases and samples the whole process tree's RSS from outside.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pipeline.engine.local import LocalEngine, get_engine  # noqa: E402


def _rusage() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu_self_s": round(me.ru_utime + me.ru_stime, 2),
        "cpu_children_s": round(kids.ru_utime + kids.ru_stime, 2),
        "maxrss_self_mb": round(me.ru_maxrss / 1024, 1),
        "maxrss_children_mb": round(kids.ru_maxrss / 1024, 1),  # largest single child
    }


def manifest_paths(manifest: Path) -> list[Path]:
    with manifest.open(encoding="utf-8") as fh:
        return [(manifest.parent / row["path"]).resolve() for row in csv.DictReader(fh)]


# --- floor: underthesea tokenization alone ------------------------------------------------------
def tokenize_only(path: Path) -> tuple[int, int]:
    """The underthesea calls the pipeline makes for one report, and nothing else.

    Same calls as :class:`pipeline.text.tokens.Tokenizer` (sent_tokenize per line, then
    word_tokenize per sentence) on the file's text as read: no normalisation, header,
    sections, cache or stages. Returns (characters, sentences).
    """
    from underthesea import sent_tokenize, word_tokenize

    text = path.read_text(encoding="utf-8")
    n = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        for piece in sent_tokenize(line):
            if piece.strip():
                word_tokenize(piece.strip(), format="text")
                n += 1
    return len(text), n


def _warm_underthesea() -> None:
    """Load underthesea's models in the parent so forked workers share them (as the screen does)."""
    from underthesea import sent_tokenize, word_tokenize

    word_tokenize(sent_tokenize("Xin chào các đồng chí.")[0])


def floor(args: argparse.Namespace) -> dict[str, Any]:
    paths = manifest_paths(args.manifest)
    t = time.perf_counter()
    chars = sents = 0
    with LocalEngine(workers=args.workers, preload=_warm_underthesea) as engine:
        for c, s in engine.map(tokenize_only, paths):
            chars += c
            sents += s
    wall = time.perf_counter() - t
    return {"reports": len(paths), "chars": chars, "sentences": sents, "wall_s": round(wall, 2)}


# --- cold / warm / next-year screens --------------------------------------------------------------
def _proc_tree() -> tuple[float, float]:
    """(RSS MB, CPU seconds) of this process and its live descendants, read from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    rss_kb, cpu, stack, seen = 0, 0.0, [os.getpid()], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/status") as fh:
                rss_kb += next((int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:")), 0)
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    stack.extend(int(k) for k in fh.read().split())
        except (OSError, StopIteration, IndexError, ValueError):
            continue
    return rss_kb / 1024, cpu


class Heartbeat:
    """The screen's progress callback: appends a JSON line to ``path`` every ``every`` reports
    read and at every stage change (elapsed seconds, reports done, the process tree's RSS and
    CPU seconds), so that a phase stopped before its end still tells how far and how fast it got."""

    def __init__(self, path: Path | None, every: int = 1000) -> None:
        self.path, self.every, self.t0, self.last = path, every, time.perf_counter(), ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.path is None:
            return
        if stage == self.last and done % self.every and done != total:
            return
        self.last = stage
        rss, cpu = _proc_tree()
        line = {
            "t": round(time.perf_counter() - self.t0, 1),
            "stage": stage,
            "done": done,
            "total": total,
            "tree_rss_mb": round(rss, 1),
            "tree_cpu_s": round(cpu, 1),
            "loadavg": [round(x, 2) for x in os.getloadavg()],
        }
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(line) + "\n")


def _screen(args: argparse.Namespace, archive: Path | None) -> tuple[Any, dict[str, Any]]:
    from pipeline.screen import screen

    t = time.perf_counter()  # model loading included, as in `soi screen`
    engine = _engine(args)
    try:
        result = screen(
            manifest=args.manifest,
            cache_dir=args.cache,
            engine=engine,
            archive=archive,
            skip=args.skip,
            progress=Heartbeat(args.heartbeat),
        )
    finally:
        close = getattr(engine, "close", None)
        if close:
            close()
    wall = time.perf_counter() - t
    usage = _rusage()
    info = {
        "cpu_screen_s": round(usage["cpu_self_s"] + usage["cpu_children_s"], 2),
        "reports": int(len(result.documents)),
        "errors": int(len(result.errors)),
        "matches": int(len(result.matches)),
        "plan_items": int(len(result.plans)),
        "wall_s": round(wall, 2),
        "stage_s": result.run["seconds"],
        "stages_run": result.run["stages_run"],
        "engine": result.run["parameters"].get("engine"),
        "archive": result.run["parameters"].get("archive"),
        "reuse_s": result.run["parameters"].get("reuse", {}).get("timings_s"),
    }
    return result, info


def _engine(args: argparse.Namespace) -> Any:
    if args.engine == "dask":
        from pipeline.engine.dask import DaskEngine

        return DaskEngine(workers=args.workers)
    return get_engine("local", args.workers)


def _write(result: Any, out: Path, full: bool) -> float:
    t = time.perf_counter()
    result.write(out, html=full, xlsx=full)
    return round(time.perf_counter() - t, 2)


def cold(args: argparse.Namespace) -> dict[str, Any]:
    from pipeline.store import Archive

    result, info = _screen(args, None)
    info["write_s"] = _write(result, args.out, full=not args.csv_only)
    if args.archive:
        args.archive.unlink(missing_ok=True)
        t = time.perf_counter()
        with Archive(args.archive) as store:
            store.add_result(result)
        info["archive_add_s"] = round(time.perf_counter() - t, 2)
        info["archive_bytes"] = args.archive.stat().st_size
    return info


def warm(args: argparse.Namespace) -> dict[str, Any]:
    result, info = _screen(args, args.archive)
    info["write_s"] = _write(result, args.out, full=False)
    if args.compare:
        info["same_as_cold"] = {
            name: (args.out / name).read_bytes() == (args.compare / name).read_bytes()
            for name in ("documents.csv", "matches.csv", "plans.csv")
        }
    return info


def nextyear(args: argparse.Namespace) -> dict[str, Any]:
    """Archive the first year's reports (from the cold screen), then screen the second year."""
    import pandas as pd

    from pipeline.store import Archive

    rows = pd.read_csv(args.manifest, dtype=str)
    years = sorted(rows["year"].unique())
    first, second = years[0], years[-1]
    manifest2 = args.out.parent / f"manifest-{second}.csv"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows2 = rows[rows["year"] == second].copy()
    rows2["path"] = [str((args.manifest.parent / p).resolve()) for p in rows2["path"]]
    rows2.to_csv(manifest2, index=False)
    # the archive holds the first year only (a copy of the cold screen's archive, second year removed)
    with Archive(args.archive) as store:
        store.remove(rows.loc[rows["year"] == second, "doc_id"])
        held = store.stats()["years"]
    args.manifest = manifest2
    result, info = _screen(args, args.archive)
    info["write_s"] = _write(result, args.out, full=False)
    info["archive_years"] = held
    info["screened_year"] = second
    info["history_year"] = first
    info["prior_matches"] = int((result.matches["source_kind"] == "prior").sum())
    return info


# --- all-pairs sentence comparison ----------------------------------------------------------------
_SENT_RE = re.compile(r"(?<=[.;!?])\s+|\n+")
_ALL: dict[str, Any] = {}


def _sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [s.strip() for s in _SENT_RE.split(text) if len(s.strip()) >= 20]


def _compare_row(i: int) -> tuple[int, int, int]:
    """Sentences of report i against every sentence of every later report (rapidfuzz ratio >= 90)."""
    from rapidfuzz import fuzz, process

    sents, offsets = _ALL["sents"], _ALL["offsets"]
    mine = sents[offsets[i] : offsets[i + 1]]
    rest = sents[offsets[i + 1] :]
    if not mine or not rest:
        return i, 0, 0
    hits = 0
    step = 200_000  # bounded matrix: len(mine) x step cells at a time
    for k in range(0, len(rest), step):
        m = process.cdist(
            mine, rest[k : k + step], scorer=fuzz.ratio, score_cutoff=90, dtype="uint8", workers=1
        )
        hits += int((m >= 90).sum())
    return i, len(mine) * len(rest), hits


def allpairs(args: argparse.Namespace) -> dict[str, Any]:
    """Every report's sentences against every other report's (the brute force Soi avoids)."""
    paths = manifest_paths(args.manifest)
    t = time.perf_counter()
    per_doc = [_sentences(p) for p in paths]
    offsets = [0]
    for s in per_doc:
        offsets.append(offsets[-1] + len(s))
    _ALL["sents"] = [s for doc in per_doc for s in doc]
    _ALL["offsets"] = offsets
    n = len(paths)
    total_cells = sum(len(per_doc[i]) * (offsets[-1] - offsets[i + 1]) for i in range(n))
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    done_cells = done_rows = hits = 0
    deadline = t + args.time_limit

    def rows():
        for i in range(n):
            if time.perf_counter() > deadline:
                return
            yield i

    with LocalEngine(workers=args.workers, chunksize=4) as engine:  # fork: workers share _ALL
        for _i, cells, h in engine.map(_compare_row, rows()):
            done_cells += cells
            done_rows += 1
            hits += h
    wall = time.perf_counter() - t
    finished = done_rows == n
    rate = done_cells / wall if wall else 0.0
    return {
        "reports": n,
        "sentences": offsets[-1],
        "load_s": round(load_s, 2),
        "wall_s": round(wall, 2),
        "finished": finished,
        "rows_done": done_rows,
        "cells_done": done_cells,
        "cells_total": total_cells,
        "cells_per_s": round(rate),
        "projected_s": round(wall if finished else total_cells / rate, 1) if rate else None,
        "sentence_pairs_ge_90": hits,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("phase", choices=["floor", "cold", "warm", "nextyear", "allpairs"])
    ap.add_argument("--manifest", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--engine", choices=["local", "dask"], default="local")
    ap.add_argument("--archive", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--cache", type=Path, help="token cache folder (omit: no cache)")
    ap.add_argument("--compare", type=Path, help="warm: the cold screen's output folder")
    ap.add_argument("--csv-only", action="store_true", help="cold: no report.html / report.xlsx")
    ap.add_argument("--time-limit", type=float, default=600.0)
    ap.add_argument("--skip", action="append", default=[], help="stage to switch off (repeatable)")
    ap.add_argument("--heartbeat", type=Path, help="screens: progress lines (JSON) appended to this file")
    args = ap.parse_args()
    t = time.perf_counter()
    info = {"floor": floor, "cold": cold, "warm": warm, "nextyear": nextyear, "allpairs": allpairs}[
        args.phase
    ](args)
    info["phase"] = args.phase
    info["process_s"] = round(time.perf_counter() - t, 2)
    info.update(_rusage())
    print(json.dumps(info, default=str))


if __name__ == "__main__":
    main()

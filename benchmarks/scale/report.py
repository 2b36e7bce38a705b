"""Tables for benchmarks/RESULTS.md from bench.py's results (JSON lines).

    .venv/bin/python benchmarks/scale/report.py benchmarks/scale/results.jsonl

Prints Markdown: throughput (cold, warm, floor, ratio), time per stage, memory, all-pairs.
CPU columns are the phase's own process plus its worker processes (getrusage), so they do
not depend on what else ran on the machine; wall columns do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _f(v: Any, nd: int = 1) -> str:
    if v is None or v == "":
        return "-"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _cpu(p: dict[str, Any]) -> float:
    """CPU seconds of the screen (driver + workers; outputs and archive add excluded when known)."""
    if "cpu_screen_s" in p:
        return float(p["cpu_screen_s"])
    return float(p.get("cpu_self_s", 0)) + float(p.get("cpu_children_s", 0))


def idle_seconds(p: dict[str, Any], workers: int) -> float:
    """Wall seconds the phase would take on an idle machine, from its CPU time.

    The workers' CPU is spread over ``workers`` cores, the driver's CPU is serial (its stages
    run after the workers are done). An estimate: it ignores I/O waits and the few seconds of
    process start, and CPU time itself grows a little under contention.
    """
    driver = float(p.get("cpu_self_s", 0))
    kids = float(p.get("cpu_children_s", 0))
    if "cpu_screen_s" in p:  # screen() only: outputs and archive add were the driver's, afterwards
        driver = float(p["cpu_screen_s"]) - kids
    return kids / max(1, workers) + driver


def _rate(p: dict[str, Any] | None) -> float | None:
    if not p or "failed" in p or not p.get("wall_s"):
        return None
    return p["reports"] / p["wall_s"]


def _screen_s(p: dict[str, Any]) -> float:
    """Seconds of screen() itself (without writing outputs or the archive add)."""
    return float(p.get("stage_s", {}).get("total", p.get("wall_s", 0)))


def main(path: str) -> None:
    lines = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    merged: dict[tuple[int, str], dict[str, Any]] = {}
    for rec in lines:  # one line per phase (or per size): the last measurement of a phase wins
        merged.setdefault((rec["size"], rec.get("label", "")), {}).update(rec)
    records = sorted(merged.values(), key=lambda r: (r["size"], r.get("started", "")))
    out: list[str] = []
    w = out.append
    w("### Throughput (reports/s)\n")
    w(
        "| reports | run | floor: tokenization alone | cold screen | cold / floor | cold, CPU s per report | "
        "floor, CPU s per report | warm re-screen | warm, stages re-run (next year) | Dask engine, cold | load avg |"
    )
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in records:
        n = r["size"]
        fl, co, wa, ny, dk = (r.get(k) for k in ("floor", "cold", "warm", "nextyear", "dask"))
        cold_rate = n / _screen_s(co) if co and "failed" not in co else None
        floor_rate = _rate(fl)
        ratio = cold_rate / floor_rate if cold_rate and floor_rate else None
        warm_rate = n / _screen_s(wa) if wa and "failed" not in wa else None
        ny_rate = ny["reports"] / _screen_s(ny) if ny and "failed" not in ny else None
        dk_rate = dk["reports"] / _screen_s(dk) if dk and "failed" not in dk else None
        cold_cpu = (_cpu(co) / n) if co and "failed" not in co else None
        floor_cpu = (_cpu(fl) / n) if fl and "failed" not in fl else None
        load = co.get("loadavg_before", [None])[0] if co else None
        w(
            f"| {n:,} | {r.get('label', '')} | {_f(floor_rate)} | {_f(cold_rate)} | {_f(ratio, 2)} | {_f(cold_cpu, 3)} | "
            f"{_f(floor_cpu, 3)} | {_f(warm_rate)} | {_f(ny_rate)} | {_f(dk_rate)} | {_f(load)} |"
        )
    w("\n### Idle-machine estimate from CPU time (reports/s; see idle_seconds)\n")
    w("| reports | run | floor | cold | cold / floor | warm | next year (stages run) | Dask, cold |")
    w("|---|---|---|---|---|---|---|---|")
    for r in records:
        n, k = r["size"], r.get("workers", 2)
        est = {}
        for phase in ("floor", "cold", "warm", "nextyear", "dask"):
            p = r.get(phase)
            if p and "failed" not in p:
                est[phase] = p["reports"] / idle_seconds(p, k)
        ratio = est["cold"] / est["floor"] if "cold" in est and "floor" in est else None
        w(
            f"| {n:,} | {r.get('label', '')} | {_f(est.get('floor'))} | {_f(est.get('cold'))} | {_f(ratio, 2)} | {_f(est.get('warm'))} | "
            f"{_f(est.get('nextyear'))} | {_f(est.get('dask'))} |"
        )
    w("\n### Time per stage (seconds, wall)\n")
    w(
        "| reports | run | read+tokenize | history | reuse | content | plans | replay | scoring | screen total | "
        "write outputs | archive add |"
    )
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in records:
        for phase in ("cold", "warm", "nextyear", "dask"):
            p = r.get(phase)
            if not p or "failed" in p:
                continue
            s = p.get("stage_s", {})
            w(
                f"| {r['size']:,} | {r.get('label', '')}: {phase} ({p['reports']:,}) | {_f(s.get('read+tokenize'))} | {_f(s.get('history'))} | "
                f"{_f(s.get('reuse'))} | {_f(s.get('content'))} | {_f(s.get('plans'))} | {_f(s.get('replay'))} | "
                f"{_f(s.get('scoring'))} | {_f(s.get('total'))} | {_f(p.get('write_s'))} | {_f(p.get('archive_add_s'))} |"
            )
    w("\n### Reuse stage inside (seconds)\n")
    w("| reports | run | tokenise | boilerplate | candidates | align | score |")
    w("|---|---|---|---|---|---|---|")
    for r in records:
        for phase in ("cold", "nextyear"):
            p = r.get(phase) or {}
            rs = p.get("reuse_s") or {}
            if rs:
                w(
                    f"| {r['size']:,} | {r.get('label', '')}: {phase} | {_f(rs.get('tokenise'))} | {_f(rs.get('boilerplate'))} | "
                    f"{_f(rs.get('candidates'))} | {_f(rs.get('align'))} | {_f(rs.get('score'))} |"
                )
    w("\n### Memory (MB)\n")
    w(
        "| reports | run | process tree peak RSS | process tree peak PSS | driver peak RSS "
        "| largest worker peak RSS | archive file |"
    )
    w("|---|---|---|---|---|---|---|")
    for r in records:
        for phase in ("floor", "cold", "warm", "nextyear", "dask", "allpairs"):
            p = r.get(phase)
            if not p or "failed" in p:
                continue
            size = p.get("archive_bytes")
            w(
                f"| {r['size']:,} | {r.get('label', '')}: {phase} | {_f(p.get('tree_peak_rss_mb'), 0)} | "
                f"{_f(p.get('tree_peak_pss_mb'), 0)} | {_f(p.get('maxrss_self_mb'), 0)} | "
                f"{_f(p.get('maxrss_children_mb'), 0)} | {_f(size / 2**20 if size else None, 0)} |"
            )
    w("\n### All-pairs sentence comparison (rapidfuzz ratio >= 90, every sentence of every report)\n")
    w("| reports | sentences | finished | wall s | cells compared / s | projected s (all pairs) |")
    w("|---|---|---|---|---|---|")
    for r in records:
        p = r.get("allpairs")
        if p and "failed" not in p:
            w(
                f"| {r['size']:,} | {p['sentences']:,} | {'yes' if p['finished'] else 'no'} | {_f(p['wall_s'])} | "
                f"{_f(p['cells_per_s'])} | {_f(p['projected_s'], 0)} |"
            )
    w("\n### Checks\n")
    for r in records:
        wa = r.get("warm") or {}
        if wa.get("same_as_cold") is not None:
            arch = wa.get("archive") or {}
            w(
                f"- {r['size']:,}: warm outputs identical to cold: {wa['same_as_cold']}; reused "
                f"{arch.get('reused_reports')} of {wa.get('reports')}; stages replayed: {arch.get('stages_replayed')}"
            )
        ny = r.get("nextyear") or {}
        if ny.get("archive"):
            w(
                f"- {r['size']:,}: next year: {ny['reports']:,} reports of {ny.get('screened_year')} against "
                f"{ny['archive'].get('history_reports')} archived of {ny.get('archive_years')}: "
                f"{ny.get('prior_matches')} passages matched to own earlier reports"
            )
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("results.jsonl")))

"""Candidate channels: which source reports are worth aligning against which report.

* Own earlier years: a join on ``member_id`` (year-1, year-2); a collective report against the
  same unit's earlier collective reports.
* Colleagues: an inverted index of sampled, non-boilerplate syllable shingles. Postings longer
  than ``cap`` are stock wording and dropped, so the pairs generated are bounded by
  ``#shingles x cap^2`` and grow linearly with the batch: all-pairs comparison is never done.
  Pairs sharing at least ``min_shared`` sampled shingles become candidates (each report keeps its
  ``top_k`` strongest); every candidate is verified by alignment before anything is flagged.
* Templates: containment of a report's shingles in each bank template.

Sampling keeps a shingle when ``hash % mod == 0`` (Broder's mod-sampling), which keeps the
expected share of shared shingles unbiased while cutting the index by ``mod``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


def prior_pairs(
    meta: pd.DataFrame, n_query: int, lookback: tuple[int, ...] = (1, 2)
) -> list[tuple[int, int]]:
    """``(query, source)`` index pairs: own reports of earlier years.

    ``meta`` has one row per report (queries first, then history) with columns member_id, unit,
    year, kind, doc_id. Individual reports join on member_id; collective reports on unit.
    """
    out: list[tuple[int, int]] = []
    key_ind: dict[tuple[str, int], list[int]] = {}
    key_col: dict[tuple[str, int], list[int]] = {}
    members = meta["member_id"].fillna("").astype(str).tolist()
    units = meta["unit"].fillna("").astype(str).tolist()
    kinds = meta["kind"].fillna("individual").astype(str).tolist()
    years = pd.to_numeric(meta["year"], errors="coerce").fillna(-1).astype(int).tolist()
    for i, (m, u, k, y) in enumerate(zip(members, units, kinds, years, strict=True)):
        if k == "collective":
            if u:
                key_col.setdefault((u, y), []).append(i)
        elif m:
            key_ind.setdefault((m, y), []).append(i)
    ids = meta["doc_id"].astype(str).tolist()
    for i in range(n_query):
        y = years[i]
        if y < 0:
            continue
        if kinds[i] == "collective":
            table, key = key_col, units[i]
        else:
            table, key = key_ind, members[i]
        if not key:
            continue
        seen = set()
        for back in lookback:
            for j in table.get((key, y - back), ()):
                if ids[j] != ids[i] and ids[j] not in seen:
                    seen.add(ids[j])
                    out.append((i, j))
    return out


def sample(h: np.ndarray, mod: int) -> np.ndarray:
    """Mod-sampled distinct hashes."""
    if mod > 1:
        h = h[(h >> np.uint64(20)) % np.uint64(mod) == 0]
    return np.unique(h)


@dataclass
class PeerIndexStats:
    entries: int = 0
    postings_kept: int = 0
    postings_dropped_cap: int = 0
    pairs_generated: int = 0
    pairs_candidates: int = 0


#: pair codes held before they are counted and merged (bounds the index's memory: ~100 MB)
_MERGE_AT = 4_000_000


def _group_pairs(d: np.ndarray, starts: np.ndarray, sizes: np.ndarray, n: int, cap: int) -> list[np.ndarray]:
    """Pair codes ``lo * n + hi`` of the documents within each group (``d[start:start+size]``)
    of 2 to ``cap`` documents."""
    codes: list[np.ndarray] = []
    if not len(sizes):
        return codes
    for s in range(2, int(min(cap, sizes.max())) + 1):
        st = starts[sizes == s]
        if not len(st):
            continue
        docs = d[st[:, None] + np.arange(s)[None, :]]
        iu, ju = np.triu_indices(s, 1)
        a, b = docs[:, iu].ravel(), docs[:, ju].ravel()
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
        if sum(len(c) for c in codes) > _MERGE_AT:
            codes = [_count_merge(codes)]
    return codes


def peer_pairs(
    signatures: list[np.ndarray],
    is_query: np.ndarray,
    group: list[str],
    cap: int,
    min_shared: int,
    top_k: int,
    units: list[str] | None = None,
) -> tuple[list[tuple[int, int, int]], PeerIndexStats]:
    """Candidate ``(i, j, shared)`` pairs, ``i < j``, at least one of them a query report.

    ``signatures[i]``: distinct sampled shingle hashes of report ``i``; ``group[i]``: reports of
    one group (the same member) are never paired here (the prior channel covers them).
    ``units[i]``: a posting longer than ``cap`` still pairs the reports of one unit (at most
    ``cap`` of them): in a large batch much of a copied text is wording many units share, and
    colleagues of one unit are who copies most; the pairs stay bounded by the unit sizes.
    """
    stats = PeerIndexStats()
    n = len(signatures)
    lens = np.array([len(s) for s in signatures], dtype=np.int64)
    if n < 2 or lens.sum() == 0:
        return [], stats
    h = np.concatenate(signatures)
    d = np.repeat(np.arange(n, dtype=np.int64), lens)
    stats.entries = len(h)
    order = np.argsort(h, kind="stable")
    h, d = h[order], d[order]
    brk = np.flatnonzero(np.diff(h)) + 1
    starts = np.concatenate([[0], brk])
    sizes = np.diff(np.concatenate([starts, [len(h)]]))
    long = sizes > cap
    stats.postings_dropped_cap = int(long.sum())
    stats.postings_kept = int(((sizes >= 2) & ~long).sum())
    codes = _group_pairs(d, starts, sizes, n, cap)
    if units is not None and long.any():
        # long postings: the reports of each unit within them
        unit_index: dict[str, int] = {}
        uid = np.array([unit_index.setdefault(u, len(unit_index)) for u in units], dtype=np.int64)
        entry_long = np.repeat(long, sizes)
        posting = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)[entry_long]
        dl = d[entry_long]
        key = posting * max(len(unit_index), 1) + uid[dl]
        o = np.argsort(key, kind="stable")
        key, dl = key[o], dl[o]
        brk = np.flatnonzero(np.diff(key)) + 1
        st = np.concatenate([[0], brk])
        sz = np.diff(np.concatenate([st, [len(key)]]))
        codes = [_count_merge(codes)] if codes else []
        codes.extend(_group_pairs(dl, st, sz, n, cap))
    if not codes:
        return [], stats
    pair_code, counts = _unique_counts(codes)
    stats.pairs_generated = int(counts.sum())
    lo, hi = pair_code // n, pair_code % n
    grp = np.array(group, dtype=object)
    keep = (counts >= min_shared) & (is_query[lo] | is_query[hi]) & (lo != hi)
    same = (grp[lo] == grp[hi]) & (grp[lo] != "")
    keep &= ~same
    lo, hi, counts = lo[keep], hi[keep], counts[keep]
    # top-k per report, by shared count (a pair survives when either side keeps it)
    sel = np.zeros(len(lo), dtype=bool)
    for side in (lo, hi):
        order = np.lexsort((-counts, side))
        sd = side[order]
        first = np.concatenate([[0], np.flatnonzero(np.diff(sd)) + 1])
        rank = np.arange(len(sd)) - np.repeat(first, np.diff(np.concatenate([first, [len(sd)]])))
        sel[order[rank < top_k]] = True
    lo, hi, counts = lo[sel], hi[sel], counts[sel]
    stats.pairs_candidates = len(lo)
    return list(zip(lo.tolist(), hi.tolist(), counts.tolist(), strict=True)), stats


def _unique_counts(codes: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Merge (code, count) chunks: codes are int64 arrays, or 2-row arrays already counted."""
    cs, ws = [], []
    for c in codes:
        if c.ndim == 2:
            cs.append(c[0])
            ws.append(c[1])
        else:
            cs.append(c)
            ws.append(np.ones(len(c), dtype=np.int64))
    c = np.concatenate(cs)
    w = np.concatenate(ws)
    u, inv = np.unique(c, return_inverse=True)
    return u, np.bincount(inv, weights=w, minlength=len(u)).astype(np.int64)


def _count_merge(codes: list[np.ndarray]) -> np.ndarray:
    u, cnt = _unique_counts(codes)
    return np.vstack([u, cnt])


def template_hits(
    doc_sig: np.ndarray, tpl_hashes: np.ndarray, tpl_ids: np.ndarray, n_templates: int
) -> np.ndarray:
    """Shingles of a report found in each template (``tpl_hashes`` sorted, unique per template)."""
    if not len(doc_sig) or not len(tpl_hashes):
        return np.zeros(n_templates, dtype=np.int64)
    lo = np.searchsorted(tpl_hashes, doc_sig, side="left")
    hi = np.searchsorted(tpl_hashes, doc_sig, side="right")
    hit = hi > lo
    if not hit.any():
        return np.zeros(n_templates, dtype=np.int64)
    idx = np.concatenate([np.arange(a, b) for a, b in zip(lo[hit], hi[hit], strict=True)])
    return np.bincount(tpl_ids[idx], minlength=n_templates)

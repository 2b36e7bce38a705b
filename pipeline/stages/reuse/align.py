"""Verify a candidate pair and turn it into passages with exact spans in both texts.

1. Segments (sentences / lines) of both reports become strings with one character per syllable
   key; ``rapidfuzz.process.cdist(fuzz.ratio)`` scores every segment pair (normalised Indel
   similarity on syllables). Each report segment keeps its best source segment if the score
   reaches ``seg_cutoff`` (ties go to the source segment that continues the previous match).
2. Within a matched pair, ``Indel.opcodes`` on syllables gives the equal blocks; the span runs
   from the first to the last matched syllable, so a passage never starts or ends on a word that
   was not taken.
3. Matched segments that follow each other in the report (allowing one short unmatched segment,
   e.g. a heading) and whose sources lie within ``window`` segments of each other (reordered
   sentences) merge into one passage. A passage needs ``min_tokens`` matched syllables, of which
   ``min_own_tokens`` are not boilerplate: two reports that share stock phrases only yield none.
4. Type: ``identical`` when every matched segment is equal on folded syllables, ``refreshed`` when
   only number tokens (years, figures) differ, ``paraphrased`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from pipeline.stages.reuse.shingles import DocRep, Vocab


@dataclass(frozen=True)
class AlignParams:
    seg_cutoff: float = 60.0  # fuzz.ratio on syllables, 0-100
    min_seg_tokens: int = 3
    window: int = 8  # source segments a passage may wander (reordering)
    max_gap_segments: int = 2  # unmatched report segments allowed inside a passage
    max_gap_tokens: int = 12  # ... together at most this long
    min_tokens: int = 10  # matched syllables per passage
    min_own_tokens: int = 6  # of which not boilerplate


@dataclass
class SegPair:
    a_seg: int
    s_seg: int
    score: float  # 0-100
    a_lo: int  # token range of the matched part in A
    a_hi: int
    s_lo: int
    s_hi: int
    a_matched: np.ndarray  # token indices of A that are matched
    s_matched: np.ndarray  # token indices of S that are matched
    exact: bool  # equal on folded syllables (digits included)
    refreshed: bool  # equal once numbers are folded


@dataclass
class Passage:
    a_lo: int  # token range in the report, [a_lo, a_hi)
    a_hi: int
    s_lo: int  # token range in the source
    s_hi: int
    similarity: float  # 0-1
    match_type: str
    n_matched: int
    n_own: int  # matched tokens that are not boilerplate


def seg_strings(rep: DocRep, vocab: Vocab, segs: np.ndarray, mode: str) -> list[str]:
    """Cached one-char-per-syllable strings of ``rep``'s segments (mode: ids | nids | sids)."""
    cache = rep.meta.setdefault("chars_" + mode, {})
    arr = getattr(rep, mode)
    out = []
    for k in segs.tolist():
        s = cache.get(k)
        if s is None:
            s = vocab.chars(arr[rep.seg_lo[k] : rep.seg_hi[k]])
            cache[k] = s
        out.append(s)
    return out


def match_segments(
    a: DocRep, s: DocRep, vocab: Vocab, a_segs: np.ndarray, s_segs: np.ndarray, p: AlignParams
) -> list[SegPair]:
    """Best source segment for each report segment, with syllable-level spans."""
    if not len(a_segs) or not len(s_segs):
        return []
    mode = "sids" if (a.plain or s.plain) else "nids"
    a_str = seg_strings(a, vocab, a_segs, mode)
    s_str = seg_strings(s, vocab, s_segs, mode)
    m = process.cdist(a_str, s_str, scorer=fuzz.ratio, score_cutoff=p.seg_cutoff, workers=1)
    rows = np.flatnonzero(m.max(axis=1) >= p.seg_cutoff)
    out: list[SegPair] = []
    prev_j = -2
    for r in rows.tolist():
        row = m[r]
        best = row.max()
        ties = np.flatnonzero(row >= best - 1e-9)
        j = int(ties[np.argmin(np.abs(ties - (prev_j + 1)))]) if len(ties) > 1 else int(ties[0])
        prev_j = j
        ai, sj = int(a_segs[r]), int(s_segs[j])
        a0, s0 = int(a.seg_lo[ai]), int(s.seg_lo[sj])
        a_m, s_m = [], []
        for op in Indel.opcodes(a_str[r], s_str[j]):
            if op.tag == "equal":
                a_m.append(np.arange(a0 + op.src_start, a0 + op.src_end))
                s_m.append(np.arange(s0 + op.dest_start, s0 + op.dest_end))
        if not a_m:
            continue
        am, sm = np.concatenate(a_m), np.concatenate(s_m)
        a_lo, a_hi = int(a.seg_lo[ai]), int(a.seg_hi[ai])
        s_lo, s_hi = int(s.seg_lo[sj]), int(s.seg_hi[sj])
        if best >= 100.0 - 1e-9:
            refreshed = True
            exact = mode != "sids" and np.array_equal(a.ids[a_lo:a_hi], s.ids[s_lo:s_hi])
        else:
            refreshed = exact = False
        out.append(
            SegPair(
                a_seg=ai,
                s_seg=sj,
                score=float(best),
                a_lo=int(am[0]),
                a_hi=int(am[-1]) + 1,
                s_lo=int(sm.min()),
                s_hi=int(sm.max()) + 1,
                a_matched=am,
                s_matched=sm,
                exact=bool(exact),
                refreshed=bool(refreshed),
            )
        )
    return out


def _swap(pairs: list[SegPair]) -> list[SegPair]:
    """The same segment pairs seen from the source's side (one pair per source segment)."""
    best: dict[int, SegPair] = {}
    for q in pairs:
        cur = best.get(q.s_seg)
        if cur is None or q.score > cur.score:
            best[q.s_seg] = q
    out = []
    for q in best.values():
        out.append(
            SegPair(
                a_seg=q.s_seg,
                s_seg=q.a_seg,
                score=q.score,
                a_lo=q.s_lo,
                a_hi=q.s_hi,
                s_lo=q.a_lo,
                s_hi=q.a_hi,
                a_matched=q.s_matched,
                s_matched=q.a_matched,
                exact=q.exact,
                refreshed=q.refreshed,
            )
        )
    return out


def passages(pairs: list[SegPair], a: DocRep, p: AlignParams) -> list[Passage]:
    """Merge segment pairs into passages on the report's side and filter them."""
    if not pairs:
        return []
    pairs = sorted(pairs, key=lambda q: q.a_seg)
    groups: list[list[SegPair]] = [[pairs[0]]]
    for q in pairs[1:]:
        g = groups[-1]
        last = g[-1]
        gap = q.a_seg - last.a_seg - 1
        ok = 0 <= gap <= p.max_gap_segments
        if ok and gap:
            gap_tokens = int(a.seg_lo[q.a_seg]) - int(a.seg_hi[last.a_seg])
            ok = gap_tokens <= p.max_gap_tokens
        if ok:
            js = [x.s_seg for x in g]
            ok = min(js) - p.window <= q.s_seg <= max(js) + p.window
        if ok:
            g.append(q)
        else:
            groups.append([q])
    boiler = a.boiler if a.boiler is not None else np.zeros(a.n_tokens, dtype=bool)
    out = []
    for g in groups:
        matched = np.unique(np.concatenate([q.a_matched for q in g]))
        n_matched = len(matched)
        n_own = int((~boiler[matched]).sum())
        if n_matched < p.min_tokens or n_own < p.min_own_tokens:
            continue
        weights = np.array([q.a_hi - q.a_lo for q in g], dtype=float)
        sim = float(np.average([q.score for q in g], weights=weights)) / 100.0
        if all(q.exact for q in g):
            kind = "identical"
        elif all(q.refreshed for q in g):
            kind = "refreshed"
        else:
            kind = "paraphrased"
        out.append(
            Passage(
                a_lo=min(q.a_lo for q in g),
                a_hi=max(q.a_hi for q in g),
                s_lo=min(q.s_lo for q in g),
                s_hi=max(q.s_hi for q in g),
                similarity=round(sim, 4),
                match_type=kind,
                n_matched=n_matched,
                n_own=n_own,
            )
        )
    return out


def align_pair(
    a: DocRep,
    s: DocRep,
    vocab: Vocab,
    a_segs: np.ndarray,
    s_segs: np.ndarray,
    p: AlignParams,
    both_sides: bool = False,
) -> tuple[list[Passage], list[Passage]]:
    """Passages of ``a`` taken from ``s`` (and, if ``both_sides``, of ``s`` found in ``a``)."""
    pairs = match_segments(a, s, vocab, a_segs, s_segs, p)
    fwd = passages(pairs, a, p)
    back = passages(_swap(pairs), s, p) if both_sides else []
    return fwd, back

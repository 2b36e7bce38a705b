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

import math
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from pipeline.stages.reuse.shingles import DocRep, Vocab


@dataclass(frozen=True)
class AlignParams:
    seg_cutoff: float = 60.0  # fuzz.ratio on syllables, 0-100
    min_seg_tokens: int = 3
    min_pairs: int = 2  # fewer matched segments than this: the pair is dropped at once
    common_df: int = 5  # a sentence in this many reports carries no copy evidence (pair_bits)
    tie: float = 2.0  # attribution: block similarities this close count as equal


@dataclass(slots=True)
class SegPair:
    a_seg: int
    s_seg: int
    score: float  # 0-100
    a_lo: int  # token range of the matched part in A
    a_hi: int
    s_lo: int
    s_hi: int
    n_matched: int  # syllables in the equal blocks
    exact: bool  # equal on folded syllables (digits included)
    refreshed: bool  # equal once numbers are folded
    #: spans and ``n_matched`` are exact (identical segments, or :func:`refine` ran); before
    #: that they cover the whole segments
    refined: bool = True


@dataclass
class Passage:
    a_lo: int  # token range in the report, [a_lo, a_hi)
    a_hi: int
    s_lo: int  # token range in the source
    s_hi: int
    similarity: float  # 0-1
    match_type: str
    n_matched: int
    n_pairs: int  # matched segments
    n_content: int  # syllables of the copied content sentences
    evidence: float  # rarity bits of the copied sentences (0 for templates)


def doc_string(rep: DocRep, mode: str) -> str:
    """The whole report as one character per syllable key (``mode``: ids | nids | sids), cached."""
    key = "str_" + mode
    got = rep.meta.get(key)
    if got is None:
        got = Vocab.chars_of(getattr(rep, mode))
        rep.meta[key] = got
    return got


def seg_strings(rep: DocRep, vocab: Vocab, segs: np.ndarray, mode: str) -> list[str]:
    """One-char-per-syllable strings of ``rep``'s segments (slices of :func:`doc_string`)."""
    full = doc_string(rep, mode)
    lo, hi = rep.seg_lo, rep.seg_hi
    return [full[lo[k] : hi[k]] for k in segs.tolist()]


def sorted_strings(rep: DocRep, segs: np.ndarray, mode: str) -> list[str]:
    """Each segment's syllable keys sorted (a multiset: word order ignored), cached per report."""
    key = "sorted_" + mode
    cache = rep.meta.get(key)
    if cache is None:
        cache = rep.meta[key] = {}
    full = doc_string(rep, mode)
    out = []
    for k in segs.tolist():
        got = cache.get(k)
        if got is None:
            got = cache[k] = "".join(sorted(full[rep.seg_lo[k] : rep.seg_hi[k]]))
        out.append(got)
    return out


def match_segments(
    a: DocRep,
    s: DocRep,
    vocab: Vocab,
    a_segs: np.ndarray,
    s_segs: np.ndarray,
    p: AlignParams,
    template: bool = False,
    reorder_sim: float = 101.0,
) -> list[SegPair]:
    """Best source segment for each report segment, with syllable-level spans.

    ``reorder_sim`` <= 100: a segment pair also scores the ratio of its sorted syllables (word
    order ignored, :func:`sorted_strings`) where that reaches ``reorder_sim``; such a pair is
    never ``exact`` nor ``refreshed``. Returns nothing when fewer than ``min_pairs`` segments
    match: no block decision can use it.
    """
    if not len(a_segs) or not len(s_segs):
        return []
    mode = "sids" if (a.plain or s.plain) else "nids"
    a_str = seg_strings(a, vocab, a_segs, mode)
    s_str = seg_strings(s, vocab, s_segs, mode)
    m = process.cdist(a_str, s_str, scorer=fuzz.ratio, score_cutoff=p.seg_cutoff, workers=1)
    ordered = m
    if reorder_sim <= 100.0:
        m2 = process.cdist(
            sorted_strings(a, a_segs, mode),
            sorted_strings(s, s_segs, mode),
            scorer=fuzz.ratio,
            score_cutoff=max(reorder_sim, p.seg_cutoff),
            workers=1,
        )
        m = np.maximum(m, m2)
    row_max = m.max(axis=1)
    rows = np.flatnonzero(row_max >= p.seg_cutoff)
    if len(rows) < p.min_pairs:
        return []
    arg = m.argmax(axis=1)[rows]
    best_r = row_max[rows]
    n_ties = np.count_nonzero(m[rows] == best_r[:, None], axis=1)
    exact_ok = mode != "sids"
    out: list[SegPair] = []
    prev_j = -2
    a_lo_arr, a_hi_arr, s_lo_arr, s_hi_arr = a.seg_lo, a.seg_hi, s.seg_lo, s.seg_hi
    for r, j, best, ties in zip(rows.tolist(), arg.tolist(), best_r.tolist(), n_ties.tolist(), strict=True):
        if ties > 1 and j != prev_j + 1:
            cand = np.flatnonzero(m[r] == best)
            j = int(cand[np.argmin(np.abs(cand - (prev_j + 1)))])
        prev_j = j
        ai, sj = int(a_segs[r]), int(s_segs[j])
        a0, a1 = int(a_lo_arr[ai]), int(a_hi_arr[ai])
        s0, s1 = int(s_lo_arr[sj]), int(s_hi_arr[sj])
        full = best >= 100.0 and ordered[r, j] >= 100.0
        out.append(
            SegPair(
                a_seg=ai,
                s_seg=sj,
                score=best,
                a_lo=a0,
                a_hi=a1,
                s_lo=s0,
                s_hi=s1,
                n_matched=a1 - a0,
                exact=bool(full and exact_ok and a.ids[a0:a1].tobytes() == s.ids[s0:s1].tobytes()),
                refreshed=full,
                refined=full,
            )
        )
    return out


def refine(pairs: list[SegPair], a: DocRep, s: DocRep) -> None:
    """Exact syllable spans of matched segment pairs (in place): ``Indel.opcodes`` equal blocks,
    the span running from the first to the last matched syllable. Done only for the pairs of
    copied blocks, the others never need it."""
    mode = "sids" if (a.plain or s.plain) else "nids"
    a_full, s_full = doc_string(a, mode), doc_string(s, mode)
    for q in pairs:
        if q.refined:
            continue
        a0, s0 = int(a.seg_lo[q.a_seg]), int(s.seg_lo[q.s_seg])
        a_str = a_full[a0 : int(a.seg_hi[q.a_seg])]
        s_str = s_full[s0 : int(s.seg_hi[q.s_seg])]
        eq = [op for op in Indel.opcodes(a_str, s_str) if op.tag == "equal"]
        if eq:  # a pair at or above seg_cutoff always shares syllables
            q.a_lo, q.a_hi = a0 + eq[0].src_start, a0 + eq[-1].src_end
            q.s_lo, q.s_hi = s0 + eq[0].dest_start, s0 + eq[-1].dest_end
            q.n_matched = sum(op.src_end - op.src_start for op in eq)
        q.refined = True


def swap(pairs: list[SegPair]) -> list[SegPair]:
    """The same segment pairs seen from the source's side (one pair per source segment)."""
    best: dict[int, SegPair] = {}
    for q in pairs:
        cur = best.get(q.s_seg)
        if cur is None or q.score > cur.score:
            best[q.s_seg] = q
    return [
        SegPair(
            a_seg=q.s_seg,
            s_seg=q.a_seg,
            score=q.score,
            a_lo=q.s_lo,
            a_hi=q.s_hi,
            s_lo=q.a_lo,
            s_hi=q.a_hi,
            n_matched=q.n_matched,
            exact=q.exact,
            refreshed=q.refreshed,
            refined=q.refined,
        )
        for q in best.values()
    ]


def content_segments(rep: DocRep, min_tokens: int) -> np.ndarray:
    """Bool per segment: comparable text of ``min_tokens`` syllables that is not form wording."""
    got = rep.meta.get(("content", min_tokens))
    if got is None:
        n = len(rep.seg_lo)
        got = np.zeros(n, dtype=bool)
        form = rep.form if rep.form is not None else np.zeros(rep.n_tokens, dtype=bool)
        cf = np.concatenate([[0], np.cumsum(form)])
        cc = np.concatenate([[0], np.cumsum(rep.comparable)])
        length = rep.seg_hi - rep.seg_lo
        got = (length >= min_tokens) & ((cc[rep.seg_hi] - cc[rep.seg_lo]) * 2 >= length)
        got &= (cf[rep.seg_hi] - cf[rep.seg_lo]) * 2 < length
        rep.meta[("content", min_tokens)] = got
    return got


def segment_figures(rep: DocRep, seg: int) -> list[int]:
    """Sorted key ids of the tokens holding a digit in segment ``seg`` (its figures)."""
    lo, hi = int(rep.seg_lo[seg]), int(rep.seg_hi[seg])
    return sorted(rep.ids[lo:hi][rep.nids[lo:hi] == 0].tolist())


def same_figures(a: DocRep, a_seg: int, s: DocRep, s_seg: int) -> bool:
    """Whether two sentences state the same figures (both none counts as the same)."""
    return segment_figures(a, a_seg) == segment_figures(s, s_seg)


def pair_bits(q: SegPair, a: DocRep, s: DocRep, n_ref: float, common_df: int = 5) -> float:
    """Copy evidence of one matched segment pair, in bits: how unlikely the shared sentence is.

    ``df``: reports of the batch that hold the digit-folded sentence (the more common side).

    * Wording: ``log2(n_ref / df)``, zero for stock sentences and for any sentence found in
      ``common_df`` reports or more: such a sentence is a frame everyone with that job writes
      ("Đã xét xử … phiên tòa"), however rare it is in the whole batch.
    * Figures: when the two sentences are identical digits included, ``log2(df / dfi)`` more,
      ``dfi`` counting the reports with the same figures in that frame (small numbers coincide).
    * A reworded pair (not equal up to figures) whose figures differ carries no wording bits: the
      writer's own frame restated around new facts ("tham gia hòa giải thành 5 vụ" -> "... 7 vụ,
      ..." rephrased) is how an honest next-year report reads, not a copy. On the tuning seed,
      among the reworded blocks the rarity route accepted, figures had mostly changed in 4 of 6
      honest own-earlier-report blocks and 0 of 37 copied ones (colleagues: 4 of 5 and 2 of 25;
      models/REUSE.md, session 4).

    The sum is scaled by the pair's similarity.
    """
    if a.seg_df is None or s.seg_df is None:
        return 0.0
    df = max(int(a.seg_df[q.a_seg]), int(s.seg_df[q.s_seg]), 1)
    stock = (
        a.seg_boiler is not None
        and s.seg_boiler is not None
        and (a.seg_boiler[q.a_seg] or s.seg_boiler[q.s_seg])
    )
    bits = 0.0 if (stock or df >= common_df) else max(0.0, math.log2(n_ref / df))
    if bits and not q.refreshed and not same_figures(a, q.a_seg, s, q.s_seg):
        bits = 0.0  # reworded around other figures: this year's facts in the writer's frame
    if (
        q.exact
        and a.seg_dfi is not None
        and s.seg_dfi is not None
        and a.nids[q.a_lo : q.a_hi].min(initial=1) == 0
    ):
        dfi = max(int(a.seg_dfi[q.a_seg]), int(s.seg_dfi[q.s_seg]), 1)
        bits += max(0.0, math.log2(df / dfi))
    return bits * q.score / 100.0


def align_pair(
    a: DocRep,
    s: DocRep,
    vocab: Vocab,
    a_segs: np.ndarray,
    s_segs: np.ndarray,
    p: AlignParams,
    both_sides: bool = False,
    template: bool = False,
    reorder_sim: float = 101.0,
) -> tuple[list[SegPair], list[SegPair]]:
    """Matched segment pairs of ``a`` against ``s`` (and, if ``both_sides``, the same seen from ``s``)."""
    pairs = match_segments(a, s, vocab, a_segs, s_segs, p, template, reorder_sim)
    return pairs, (swap(pairs) if both_sides else [])

"""Copy decisions per block (section): how much of a section a source explains, and how well.

Why blocks: in this genre most sentences are stock wording and people with the same job describe
their duties with the same frames, so a handful of shared sentences means little. What a copy
leaves is a whole section (or the whole report) reproduced: nearly every sentence of the section
matched to the source (coverage), at a high similarity, with some content that is not common in
the batch (rarity bits, :func:`align.pair_bits`). A genuine next-year report reuses job frames
between new sentences (low coverage); two honest colleagues share stock sentences scattered over
their sections (low coverage or no rare content).

Blocks are the report's sections (``batch.sections``, excluding header, self-rating and
signature); without sections, heading lines (``I.``, ``2.``, ``a)``) split the text.

A block is copied from a source when, over the block's content sentences (not form headings,
at least ``min_seg_tokens`` syllables):

* coverage (syllables of its sentences matched to the source / syllables) >= ``cov``,
* mean segment similarity of the matched sentences >= ``sim``,
* the block has >= ``min_tokens`` content syllables,
* for own earlier reports and colleagues, the rarity bits of the matched sentences reach
  ``bits`` (a template is made of stock text: rarity says nothing there);
* at least ``run`` sentences in a row are matched to sentences in a row of the source (honest
  writers pick stock sentences in their own order: on the tuning batch, 4 of 2,242 honest
  section/template block pairs had such a run of 3, against 488 of 1,123 copied ones), or at
  least ``unordered`` sentences are matched in any order.

A block whose sentences are all identical up to figures (``exact_sim``) over ``exact_run``
sentences in a row is copied whatever its rarity (refreshed copies of frame-built sections), and
so is a long block (``long_tokens`` content syllables) matched over ``long_run`` sentences in a
row (a reworded copy of a whole section; on the tuning seed, 6 in a row over 100 syllables
added no false flag, see models/REUSE.md).
When covered, similar blocks hold ``whole`` of the report's content, all of them are copied (a
whole-report copy; honest reports never come close). A neighbouring block as fully covered and
as similar joins a copied block whatever its length and rarity (:func:`accept_blocks`): a
whole-report copy takes the short stock sections along.

Each copied block becomes a passage from its first to its last matched syllable; passages of
consecutive copied blocks from the same source are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from pipeline.stages.reuse.align import Passage, SegPair, content_segments, pair_bits
from pipeline.stages.reuse.shingles import DocRep

_HEADING_RE = re.compile(r"(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)/-]\s", re.IGNORECASE)


@dataclass(frozen=True)
class BlockParams:
    cov: float = 0.8
    sim: float = 80.0  # 0-100
    min_tokens: int = 20
    bits: float = 10.0
    run: int = 3  # sentences matched in the source's order, one after the other
    unordered: int = 99  # ... or this many matched sentences in any order (reordered copies)
    exact_sim: float = 99.0  # a block whose sentences are all identical (figures aside) ...
    exact_run: int = 6  # ... over this many sentences in a row is copied whatever their rarity
    extend: bool = True  # neighbours as covered and as similar join a copied block
    whole: float = 0.8  # share of the report's content in covered, similar blocks: a whole copy
    long_run: int = 99  # a block of ``long_tokens`` content syllables with this many sentences in a
    long_tokens: int = 100  # row matched is copied whatever its rarity (99: off)


@dataclass
class BlockStat:
    block: int
    n_tokens: int  # content syllables of the block
    matched: int  # syllables of the block's sentences matched to the source (at ``seg_cutoff``)
    cov: float
    sim: float
    bits: float
    run: int  # longest chain of consecutive sentences matched to consecutive source sentences
    pairs: list[SegPair]


def blocks_from_sections(rep: DocRep, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of the given character spans (sections to compare), in text order."""
    out = []
    for a, b in sorted(spans):
        lo = int(np.searchsorted(rep.starts, a, side="left"))
        hi = int(np.searchsorted(rep.starts, b, side="left"))
        if hi > lo:
            out.append((lo, hi))
    return out


def blocks_from_headings(rep: DocRep) -> list[tuple[int, int]]:
    """Fallback blocks: the comparable text split before heading-like lines."""
    cuts = [0]
    text = rep.text
    for k, lo in enumerate(rep.seg_lo.tolist()):
        start = int(rep.starts[lo])
        line_start = text.rfind("\n", 0, start) + 1
        if k and not text[line_start:start].strip() and _HEADING_RE.match(text, start):
            cuts.append(lo)
    cuts.append(rep.n_tokens)
    cuts = sorted(set(cuts))
    return [(a, b) for a, b in zip(cuts[:-1], cuts[1:], strict=True) if b > a and rep.comparable[a:b].any()]


def block_of_segments(rep: DocRep, blocks: list[tuple[int, int]]) -> np.ndarray:
    """Block index of every segment (-1 outside all blocks)."""
    starts = np.array([a for a, _ in blocks], dtype=np.int64)
    ends = np.array([b for _, b in blocks], dtype=np.int64)
    idx = np.searchsorted(starts, rep.seg_lo, side="right") - 1
    ok = (
        (idx >= 0) & (rep.seg_lo < ends[np.maximum(idx, 0)])
        if len(blocks)
        else np.zeros(len(rep.seg_lo), bool)
    )
    return np.where(ok, idx, -1)


def _ranks(rep: DocRep, min_seg_tokens: int) -> np.ndarray:
    """Index of each segment among the content segments (cached)."""
    key = ("rank", min_seg_tokens)
    got = rep.meta.get(key)
    if got is None:
        got = np.cumsum(content_segments(rep, min_seg_tokens)) - 1
        rep.meta[key] = got
    return got


def block_sizes(a: DocRep, seg_block: np.ndarray, n_blocks: int, min_seg_tokens: int) -> np.ndarray:
    """Content syllables per block."""
    content = content_segments(a, min_seg_tokens) & (seg_block >= 0)
    return np.bincount(seg_block[content], weights=(a.seg_hi - a.seg_lo)[content], minlength=n_blocks)


def block_stats(
    pairs: list[SegPair],
    a: DocRep,
    s: DocRep,
    seg_block: np.ndarray,
    sizes: np.ndarray,
    min_seg_tokens: int,
    template: bool,
    n_ref: float,
    common_df: int = 5,
) -> list[BlockStat]:
    """Coverage, similarity, order and rarity of each block of ``a`` that ``pairs`` touch."""
    content = content_segments(a, min_seg_tokens)
    a_rank = _ranks(a, min_seg_tokens)
    s_rank = _ranks(s, min_seg_tokens)
    by_block: dict[int, list[SegPair]] = {}
    for q in pairs:
        b = int(seg_block[q.a_seg])
        if b >= 0 and content[q.a_seg]:
            by_block.setdefault(b, []).append(q)
    seg_len = a.seg_hi - a.seg_lo
    out = []
    for b, qs in by_block.items():
        n_tok = int(sizes[b])
        if not n_tok:
            continue
        matched = int(sum(int(seg_len[q.a_seg]) for q in qs))
        bits = 0.0 if template else float(sum(pair_bits(q, a, s, n_ref, common_df) for q in qs))
        qs.sort(key=lambda q: q.a_seg)
        run = cur = 1
        for x, y in zip(qs, qs[1:], strict=False):
            cur = (
                cur + 1
                if (a_rank[y.a_seg] == a_rank[x.a_seg] + 1 and s_rank[y.s_seg] == s_rank[x.s_seg] + 1)
                else 1
            )
            run = max(run, cur)
        out.append(
            BlockStat(
                block=b,
                n_tokens=n_tok,
                matched=matched,
                cov=matched / n_tok,
                sim=sum(q.score for q in qs) / len(qs),
                bits=bits,
                run=run,
                pairs=qs,
            )
        )
    return out


def is_copied(st: BlockStat, p: BlockParams, template: bool) -> bool:
    """A block copied on its own evidence (see the module docstring)."""
    if st.cov < p.cov or st.sim < p.sim or st.n_tokens < p.min_tokens:
        return False
    ordered = st.run >= p.run or len(st.pairs) >= p.unordered
    rare = template or st.bits >= p.bits
    # a long run of sentences that are all identical up to figures needs no rarity
    exact = st.sim >= p.exact_sim and st.run >= p.exact_run
    # ... and so does a long section reproduced sentence after sentence
    long = st.run >= p.long_run and st.n_tokens >= p.long_tokens
    return (ordered and rare) or exact or long


def content_blocks(a: DocRep, seg_block: np.ndarray, min_seg_tokens: int) -> np.ndarray:
    """Sorted indices of the blocks that hold content sentences (not only headings)."""
    content = content_segments(a, min_seg_tokens)
    return np.unique(seg_block[content & (seg_block >= 0)])


def _neighbours(order: np.ndarray) -> dict[int, tuple[int, int]]:
    """Previous and next content block of each content block (-1 at the ends)."""
    lst = order.tolist()
    return {b: (lst[k - 1] if k else -1, lst[k + 1] if k + 1 < len(lst) else -1) for k, b in enumerate(lst)}


def seed_blocks(stats: list[BlockStat], p: BlockParams, template: bool, total_tokens: int = 0) -> set[int]:
    """Blocks copied on their own evidence: passing :func:`is_copied`, or every covered, similar
    block when together they hold ``whole`` of the report (the starts of :func:`accept_blocks`)."""
    seeds = {st.block for st in stats if is_copied(st, p, template)}
    similar = [st for st in stats if st.cov >= p.cov and st.sim >= p.sim]
    if total_tokens and sum(st.n_tokens for st in similar) >= p.whole * total_tokens:
        seeds |= {st.block for st in similar}
    return seeds


def anchored(stats: list[BlockStat], seeds: set[int], order: np.ndarray) -> list[BlockStat]:
    """The blocks of ``stats`` joined, through neighbours also in ``stats``, to a seed block.

    After attribution a source may keep a neighbour that joined a copied block (on that block's
    evidence) while the copied block itself went to another source (a template, the writer's own
    earlier report): the neighbour has no evidence of its own left and is dropped."""
    have = {st.block: st for st in stats}
    nb = _neighbours(order)
    keep = {b for b in have if b in seeds}
    todo = list(keep)
    while todo:
        b = todo.pop()
        for c in nb.get(b, (-1, -1)):
            if c in have and c not in keep:
                keep.add(c)
                todo.append(c)
    return [have[b] for b in sorted(keep)]


def accept_blocks(
    stats: list[BlockStat], p: BlockParams, template: bool, order: np.ndarray, total_tokens: int = 0
) -> list[BlockStat]:
    """Copied blocks: those passing :func:`is_copied`; all covered, similar blocks when they hold
    ``whole`` of the report's ``total_tokens`` content syllables; then the neighbours (next content
    block either side) of accepted blocks that are as fully covered and as similar: a whole-report
    copy takes the short stock sections along; their evidence is the copied section next to them."""
    by_block = {st.block: st for st in stats}
    # copied on their own evidence, or the whole report (nearly) is the source's
    accepted = seed_blocks(stats, p, template, total_tokens)
    nb = _neighbours(order)
    grew = p.extend and bool(accepted)
    while grew:
        grew = False
        for b, st in by_block.items():
            prev, nxt = nb.get(b, (-1, -1))
            if (
                b not in accepted
                and (prev in accepted or nxt in accepted)
                and st.cov >= p.cov
                and st.sim >= p.sim
            ):
                accepted.add(b)
                grew = True
    return [by_block[b] for b in sorted(accepted)]


def block_passages(stats: list[BlockStat], a: DocRep, order: np.ndarray) -> list[Passage]:
    """One passage per run of consecutive copied content blocks (``stats``: the copied ones)."""
    if not stats:
        return []
    stats = sorted(stats, key=lambda x: x.block)
    nb = _neighbours(order)
    runs: list[list[BlockStat]] = [[stats[0]]]
    for st in stats[1:]:
        if nb.get(runs[-1][-1].block, (-1, -1))[1] == st.block:
            runs[-1].append(st)
        else:
            runs.append([st])
    out = []
    for run in runs:
        qs = [q for st in run for q in st.pairs]
        weights = np.array([q.a_hi - q.a_lo for q in qs], dtype=float)
        sim = float(np.average([q.score for q in qs], weights=weights)) / 100.0
        full = all(st.matched >= st.n_tokens for st in run)
        if full and all(q.exact for q in qs):
            kind = "identical"
        elif full and all(q.refreshed for q in qs):
            kind = "refreshed"
        else:
            kind = "paraphrased"
        out.append(
            Passage(
                a_lo=min(q.a_lo for q in qs),
                a_hi=max(q.a_hi for q in qs),
                s_lo=min(q.s_lo for q in qs),
                s_hi=max(q.s_hi for q in qs),
                similarity=round(sim, 4),
                match_type=kind,
                n_matched=sum(q.n_matched for q in qs),
                n_pairs=len(qs),
                n_content=sum(st.matched for st in run),
                evidence=round(sum(st.bits for st in run), 2),
            )
        )
    return out

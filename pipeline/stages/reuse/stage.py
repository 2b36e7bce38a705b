"""The reuse stage: own earlier reports, colleagues' reports and sample templates, with evidence.

Pipeline (each step documented in its module):

1. :mod:`shingles` — syllables with spans, folded keys, segments; header, self-rating and
   signature sections are not compared.
2. :mod:`boilerplate` — known stock text and batch-common wording marked per syllable.
3. :mod:`candidates` — own earlier years (member_id / unit join), colleagues (sampled shingle
   index with capped postings), templates (containment).
4. :mod:`align` — every candidate verified by sentence alignment (colleague pairs in forked
   workers for large batches; own earlier reports and templates also scored with word order
   ignored); pairs without a covered, similar section dropped at once.
5. :mod:`blocks` — copy decisions per section (a proven source aligned again with word order
   ignored; reworded sentences around other figures carry no rarity); one source per section,
   neighbours kept only next to a section their source kept; who copied whom within a year
   (sequence rule, the post named in the text, rewording, the writers' own earlier reports);
   passages with spans.
6. Scores: share of the report's own (non-boilerplate) syllables inside passages from each
   source kind; flags at thresholds recorded in ``batch.params["reuse"]``.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from pipeline import schema
from pipeline.engine import current_engine
from pipeline.engine.local import default_context
from pipeline.model import Batch
from pipeline.stages.reuse import tells
from pipeline.stages.reuse.align import (
    AlignParams,
    Passage,
    SegPair,
    align_pair,
    content_segments,
    refine,
    sorted_strings,
)
from pipeline.stages.reuse.bank import REPO_BANKS, default_bank_dirs, load_templates
from pipeline.stages.reuse.blocks import (
    BlockParams,
    BlockStat,
    accept_blocks,
    anchored,
    block_of_segments,
    block_passages,
    block_sizes,
    block_stats,
    blocks_from_headings,
    blocks_from_sections,
    content_blocks,
    is_copied,
    seed_blocks,
)
from pipeline.stages.reuse.boilerplate import BUILTIN_STOCK, StockIndex, mark_boilerplate, read_phrases
from pipeline.stages.reuse.candidates import peer_pairs, prior_pairs, sample, template_hits
from pipeline.stages.reuse.shingles import DocRep, Vocab, make_rep, shingle_hashes, valid_shingles

EXCLUDED_SECTIONS = frozenset({"header", "self_rating", "other"})


@dataclass
class ReuseParams:
    """Every threshold and parameter of the stage (recorded in run.json)."""

    shingle_k: int = 5  # syllables per shingle (index, boilerplate)
    sample_mod: int = 4  # peer index keeps 1 shingle in sample_mod
    peer_cap: int = 50  # postings longer than this are stock wording, dropped
    peer_min_shared: int = 3  # sampled shingles two reports must share to be aligned
    peer_top_k: int = 10  # candidates kept per report
    #: postings over ``peer_cap`` still pair the reports of one unit (see candidates.peer_pairs)
    peer_unit_postings: bool = True
    #: a colleague copy whose source text is also copied from in other units is a circulating text
    #: (a published sample not in the bank): template_heavy, not copied_peer, when the copier, its
    #: sources and the other reports copying those sources span this many units (0: off). Chosen
    #: on the domain's account of how samples circulate (domain.md section 7), not tuned; see
    #: models/REUSE.md.
    circulating_units: int = 3
    peer_search_history: bool = True  # archive reports of other members are peer sources too
    spread_unit_min: int = 5  # a shingle in >= max(unit_min, unit_frac * units) units is boilerplate
    spread_unit_frac: float = 0.05
    template_min_hits: int = 8  # shingles shared with a template before aligning
    template_top_k: int = 3
    lookback: tuple[int, ...] = (1, 2)  # own earlier years searched
    # flag when the share of the report taken from that kind reaches this; every kept passage is
    # already a verified copied section, so the thresholds only drop slivers (see models/REUSE.md)
    prior_threshold: float = 0.05
    peer_threshold: float = 0.05
    template_threshold: float = 0.05
    peer_min_source_share: float = 0.05  # a colleague is listed when it supplied this share
    #: same year and rank: the side whose reworded sentences are rarer by this many bits (summed
    #: log2 document-frequency ratio) is taken as the copier, the other is not flagged
    direction_bits: float = 3.0
    #: same year, both sides flagged naming each other: the writers' own earlier reports decide
    #: (:meth:`ReuseStage.direction_by_history`); off only to measure it. The shared text's own
    #: wording (syllable bigrams outside boilerplate and outside every other report of the unit)
    #: must count >= ``history_min_words``; the side whose earlier reports hold >= ``history_hold``
    #: of it wrote it when the other side has no earlier report or its earlier reports hold <=
    #: ``history_lack``. Chosen on the tuning seed and the development sets (models/REUSE.md).
    direction_history: bool = True
    history_min_words: int = 20
    history_hold: float = 0.1
    history_lack: float = 0.02
    #: a source with a copied block: sentences matched again on sorted syllables (word order
    #: ignored) at this similarity (101: off); see :meth:`ReuseStage.reordered_pairs`
    reorder_sim: float = 80.0
    #: source kinds whose candidate pairs are aligned with the reordering-blind score from the
    #: start (not only once proven): own earlier reports and templates (few pairs per report);
    #: colleagues' pairs only once proven (+30% CPU for +0.001 plagdet on the tuning seed)
    reorder_first: tuple[str, ...] = ("prior", "template")
    #: drop a verified pair at once when no block is covered and similar enough (exact: such a
    #: pair can never yield a copied block); off only to check that it changes nothing
    prune_claims: bool = True
    #: after attribution, keep a source's neighbouring blocks only when joined to a block copied
    #: on its own evidence that the source kept (:func:`blocks.anchored`); off only to measure it
    anchor_neighbours: bool = True
    #: processes aligning colleague pairs: None = the screen engine's workers (1 outside a
    #: screen); forked only from a thread-free process and above ``parallel_min_pairs`` pairs
    align_workers: int | None = None
    parallel_min_pairs: int = 20_000
    peer_all_pairs: bool = False  # benchmarks only: verify every pair instead of the index
    n_ref: float = 1000.0  # rarity is log2(max(reports, n_ref) / df): small batches are a sample
    align: AlignParams = field(default_factory=AlignParams)
    # block thresholds: chosen on a generated tuning batch (benchmarks/reuse/tune.py, models/REUSE.md)
    prior_block: BlockParams = field(
        default_factory=lambda: BlockParams(
            cov=0.9, sim=80.0, bits=10.0, run=3, exact_run=6, whole=0.8, long_run=6, long_tokens=100
        )
    )
    peer_block: BlockParams = field(
        default_factory=lambda: BlockParams(
            cov=0.9, sim=80.0, bits=10.0, run=3, exact_run=5, whole=0.8, long_run=6, long_tokens=100
        )
    )
    #: colleagues of another unit or year: copying there is rarer, so more evidence is asked
    peer_far_block: BlockParams = field(
        default_factory=lambda: BlockParams(cov=0.9, sim=90.0, bits=40.0, run=3, exact_run=10, whole=1.01)
    )
    template_block: BlockParams = field(
        default_factory=lambda: BlockParams(cov=0.9, sim=80.0, bits=0.0, run=3, unordered=6)
    )


#: what forked alignment workers read (set just before the fork, cleared after)
_FORK_CTX: dict[str, Any] = {}


def _peer_chunk(chunk: list[tuple[int, int, int]]) -> list[tuple[int, int, list[SegPair]]]:
    """Worker side of :meth:`ReuseStage.peer_verdicts` (the reports came with the fork)."""
    stage, ctx = _FORK_CTX["run"]
    return stage.peer_verdicts(chunk, *ctx)


def _compared_spans(sections: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the sections that are compared (all but header, self-rating, other)."""
    out: dict[str, list[tuple[int, int]]] = {}
    if sections is None or not len(sections):
        return out
    for row in sections.itertuples(index=False):
        parts = set(str(row.label).split(schema.MERGE_SEP))
        if not parts <= EXCLUDED_SECTIONS:
            out.setdefault(str(row.doc_id), []).append((int(row.start), int(row.end)))
    return out


def attribute_blocks(
    copied: dict[tuple[str, str], list[BlockStat]], priority: dict[tuple[str, str], tuple], tie: float
) -> dict[tuple[str, str], list[BlockStat]]:
    """One source per copied block within a kind (best similarity, ties to the higher priority:
    nearest own year; collective report, leaders, members). Across kinds:

    * a colleague's block yields to the writer's own earlier report and to a template: text that
      came from either is not taken from the colleague;
    * the writer's own earlier block yields to a template that matches it as well (within
      ``tie``): a writer who takes the same sample two years running did not copy last year's
      report; when last year's wording is closer (the sample's blanks filled the same way), both
      are kept (that report is last year's and a template's)."""
    best: dict[tuple[str, int], tuple[float, tuple, tuple[str, str], BlockStat]] = {}
    for key, stats in copied.items():
        for st in stats:
            slot = (key[0], st.block)
            cur = best.get(slot)
            cand = (st.sim, priority[key], key, st)
            if (
                cur is None
                or st.sim > cur[0] + tie
                or (abs(st.sim - cur[0]) <= tie and priority[key] < cur[1])
            ):
                best[slot] = cand
    out: dict[tuple[str, str], list[BlockStat]] = {}
    for (kind, b), (sim, _, key, st) in best.items():
        if kind == "peer" and (("prior", b) in best or ("template", b) in best):
            continue
        if kind == "prior" and ("template", b) in best and best[("template", b)][0] >= sim - tie:
            continue
        out.setdefault(key, []).append(st)
    return out


def copy_direction(pairs: list[SegPair], a: DocRep, s: DocRep) -> float:
    """Bits for "``a`` copied ``s``" over "``s`` copied ``a``", from the sentences that differ.

    Who rewords a copied sentence moves away from the wording others use, so the original is the
    more common version: sum over matched, non-identical sentence pairs of
    ``log2(df(s's sentence) / df(a's sentence))``. Identical copies give no direction (0).
    """
    if a.seg_df is None or s.seg_df is None:
        return 0.0
    total = 0.0
    for q in pairs:
        if q.score < 100.0:
            total += math.log2(max(int(s.seg_df[q.s_seg]), 1) / max(int(a.seg_df[q.a_seg]), 1))
    return total


def post_of(rep: DocRep) -> str:
    """The header's work post of a report (cached on the rep)."""
    got = rep.meta.get("post")
    if got is None:
        got = tells.header_post(rep.text)
        rep.meta["post"] = got
    return got


def shared_text(a: DocRep, pairs: list[SegPair]) -> str:
    """The text of ``a``'s segments matched in ``pairs``."""
    return "\n".join(
        a.text[int(a.starts[a.seg_lo[q.a_seg]]) : int(a.ends[a.seg_hi[q.a_seg] - 1])] for q in pairs
    )


def _excluded_spans(sections: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    if sections is None or not len(sections):
        return out
    for row in sections.itertuples(index=False):
        parts = set(str(row.label).split(schema.MERGE_SEP))
        if parts and parts <= EXCLUDED_SECTIONS:
            out.setdefault(str(row.doc_id), []).append((int(row.start), int(row.end)))
    return out


def _year(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


class ReuseStage:
    """Stage ``reuse``: copied_prior, copied_peer, template_heavy (see module docstring)."""

    name = "reuse"
    provides = ("copied_prior", "copied_peer", "template_heavy")

    def __init__(
        self,
        params: ReuseParams | None = None,
        bank_dirs: list[str | Path] | None = None,
        include_repo_templates: bool = True,
        form_files: list[str | Path] | None = None,
        stock_files: list[str | Path] | None = None,
        templates: dict[str, str] | None = None,
    ) -> None:
        self.params = params or ReuseParams()
        self.bank_dirs = [Path(p) for p in bank_dirs] if bank_dirs is not None else default_bank_dirs()
        self.include_repo_templates = include_repo_templates
        self.form_files = (
            [Path(p) for p in form_files]
            if form_files is not None
            else [REPO_BANKS / "headings.csv", REPO_BANKS / "official_wording.csv"]
        )
        self.stock_files = (
            [Path(p) for p in stock_files]
            if stock_files is not None
            else [BUILTIN_STOCK, REPO_BANKS / "stock_phrases.csv"]
        )
        self._templates = templates
        #: set by :meth:`run` for evaluation scripts: reports, passages found per report
        self.last_run: dict[str, Any] = {}
        #: same-year pairs judged by :meth:`direction_by_history` in the last run
        self.direction_notes: list[dict[str, Any]] = []
        #: per unit: its reports' distinct bigrams and how many reports hold each (direction rule)
        self._unit_bigrams: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._n_ref = 1000.0

    # ------------------------------------------------------------------------------------------
    def run(self, batch: Batch) -> None:
        p = self.params
        t0 = time.perf_counter()
        timings: dict[str, float] = {}
        docs = batch.documents.reset_index(drop=True)
        hist = batch.history if batch.history is not None else pd.DataFrame(columns=docs.columns)
        if len(hist):
            hist = hist[~hist["doc_id"].astype(str).isin(set(docs["doc_id"].astype(str)))]
        hist = hist.reset_index(drop=True)
        n_q = len(docs)
        cols = ["doc_id", "member_id", "unit", "year", "kind", "role", "name", "text"]
        meta = pd.concat([docs.reindex(columns=cols), hist.reindex(columns=cols)], ignore_index=True)
        meta["doc_id"] = meta["doc_id"].astype(str)
        excl = _excluded_spans(batch.sections)
        comp_spans = _compared_spans(batch.sections)
        if len(hist):
            for k, v in _excluded_spans(batch.history_sections).items():
                excl.setdefault(k, v)

        vocab = Vocab()
        reps: list[DocRep] = [
            make_rep(d, str(t) if isinstance(t, str) else "", vocab, excl.get(d))
            for d, t in zip(meta["doc_id"], meta["text"], strict=True)
        ]
        timings["tokenise"] = time.perf_counter() - t0

        t = time.perf_counter()
        form = StockIndex(read_phrases(self.form_files), vocab, p.shingle_k)
        stock = StockIndex(read_phrases(self.stock_files), vocab, p.shingle_k)
        units = meta["unit"].fillna("").astype(str).tolist()
        units = [u or f"__doc{i}" for i, u in enumerate(units)]
        bp_stats = mark_boilerplate(
            reps, units, vocab, form, stock, p.shingle_k, p.spread_unit_min, p.spread_unit_frac
        )
        templates = (
            self._templates
            if self._templates is not None
            else load_templates(self.bank_dirs, include_repo=self.include_repo_templates)
        )
        tpl_ids = sorted(templates)
        tpl_reps = [make_rep(f"template:{tid}", templates[tid], vocab) for tid in tpl_ids]
        hashes = vocab.hashes()
        for r in tpl_reps:
            r.form = form.mark(r, hashes)
            r.boiler = r.form | stock.mark(r, hashes)
            r.seg_boiler = np.zeros(len(r.seg_lo), dtype=bool)
        timings["boilerplate"] = time.perf_counter() - t

        # ---- candidates ---------------------------------------------------------------------
        t = time.perf_counter()
        hashes = vocab.hashes()
        k = p.shingle_k
        tpl_hash_parts, tpl_id_parts = [], []
        for ti, r in enumerate(tpl_reps):
            h = np.unique(shingle_hashes(r.sids, hashes, k))
            tpl_hash_parts.append(h)
            tpl_id_parts.append(np.full(len(h), ti, dtype=np.int64))
        if tpl_hash_parts:
            th = np.concatenate(tpl_hash_parts)
            tid_arr = np.concatenate(tpl_id_parts)
            o = np.argsort(th, kind="stable")
            th, tid_arr = th[o], tid_arr[o]
        else:
            th, tid_arr = np.zeros(0, np.uint64), np.zeros(0, np.int64)
        # one pass over the reports: the sampled peer signature is kept, the full shingle set is
        # only used for template containment (not held for the whole batch)
        sigs: list[np.ndarray] = []
        tpl_cands: list[tuple[int, int]] = []
        for i, r in enumerate(reps):
            h = shingle_hashes(r.sids, hashes, k)
            h = h[valid_shingles(r.comparable & ~r.form, k)]
            sigs.append(sample(h, p.sample_mod) if (i < n_q or p.peer_search_history) else h[:0])
            if i < n_q and len(tpl_reps):
                hits = template_hits(np.unique(h), th, tid_arr, len(tpl_reps))
                order = np.argsort(-hits, kind="stable")[: p.template_top_k]
                tpl_cands.extend((i, int(ti)) for ti in order if hits[ti] >= p.template_min_hits)
        is_query = np.zeros(len(reps), dtype=bool)
        is_query[:n_q] = True
        group = meta["member_id"].fillna("").astype(str).tolist()
        peers, peer_stats = peer_pairs(
            sigs,
            is_query,
            group,
            p.peer_cap,
            p.peer_min_shared,
            p.peer_top_k,
            units if p.peer_unit_postings else None,
        )
        del sigs
        if p.peer_all_pairs:  # benchmark only: every pair verified, no candidate index
            peers = [
                (i, j, 0)
                for i in range(len(reps))
                for j in range(i + 1, len(reps))
                if (i < n_q or j < n_q) and not (group[i] and group[i] == group[j])
            ]
        priors = prior_pairs(meta, n_q, p.lookback)
        timings["candidates"] = time.perf_counter() - t

        # ---- verification -------------------------------------------------------------------
        self._n_ref = max(float(len(reps)), p.n_ref)  # rarity scale (see ReuseParams.n_ref)
        t = time.perf_counter()
        a_p = p.align
        segs = {}

        def segs_of(idx: int, rep: DocRep) -> np.ndarray:
            got = segs.get(idx)
            if got is None:
                got = rep.seg_comparable(a_p.min_seg_tokens)
                segs[idx] = got
            return got

        claims: dict[int, dict[tuple[str, str], list[SegPair]]] = {i: {} for i in range(n_q)}
        sources: dict[tuple[str, str], DocRep] = {}
        priority: dict[tuple[str, str], tuple] = {}
        kinds = meta["kind"].fillna("").astype(str).tolist()
        roles = meta["role"].fillna("").astype(str).tolist()
        years = [(_year(y) or 0) for y in meta["year"]]

        units_l = meta["unit"].fillna("").astype(str).tolist()
        far: dict[int, dict[tuple[str, str], bool]] = {i: {} for i in range(n_q)}

        def add(
            i: int,
            kind: str,
            j: int | None,
            rep: DocRep,
            pairs: list[SegPair],
            tid: str = "",
            checked: bool = False,
        ) -> None:
            if not pairs or (
                not checked
                and p.prune_claims
                and not self.promising(reps[i], rep, pairs, comp_spans.get(reps[i].doc_id), kind)
            ):
                return
            key = (kind, tid or rep.doc_id)
            claims[i][key] = pairs
            sources[key] = rep
            if kind == "peer" and j is not None:
                far[i][key] = units_l[i] != units_l[j] or years[i] != years[j]
            if key not in priority:
                if kind == "template":
                    priority[key] = (0, 0, 0, tid)
                else:
                    rank = 0 if kinds[j] == "collective" else (1 if roles[j] == "leader" else 2)
                    # own reports: the nearest year first; colleagues: collective, leaders, members
                    yr = -years[j] if kind == "prior" else years[j]
                    priority[key] = (1 if kind == "prior" else 2, rank, yr, j)

        first = {kd: (p.reorder_sim if kd in p.reorder_first else 101.0) for kd in schema.SOURCE_KINDS}
        for i, j in priors:
            fwd, _ = align_pair(
                reps[i],
                reps[j],
                vocab,
                segs_of(i, reps[i]),
                segs_of(j, reps[j]),
                a_p,
                reorder_sim=first["prior"],
            )
            add(i, "prior", j, reps[j], fwd)
        rank = [
            0 if k == "collective" else (1 if r == "leader" else 2) for k, r in zip(kinds, roles, strict=True)
        ]
        ctx = (reps, vocab, years, rank, n_q, comp_spans, segs_of)
        workers = self.align_workers(len(peers))
        if workers > 1:
            chunks = [peers[x : x + 400] for x in range(0, len(peers), 400)]
            _FORK_CTX["run"] = (self, ctx)
            try:
                with mp.get_context("fork").Pool(workers) as pool:
                    verdicts = [v for part in pool.imap(_peer_chunk, chunks) for v in part]
            finally:
                _FORK_CTX.clear()
        else:
            verdicts = self.peer_verdicts(peers, *ctx)
        for i, j, pairs in verdicts:
            add(i, "peer", j, reps[j], pairs, checked=True)
        for i, ti in tpl_cands:
            r = tpl_reps[ti]
            all_segs = segs.get(("t", ti))
            if all_segs is None:
                all_segs = r.seg_comparable(a_p.min_seg_tokens)
                segs[("t", ti)] = all_segs
            fwd, _ = align_pair(
                reps[i],
                r,
                vocab,
                segs_of(i, reps[i]),
                all_segs,
                a_p,
                template=True,
                reorder_sim=first["template"],
            )
            add(i, "template", None, r, fwd, tid=tpl_ids[ti])
        n_ref = self._n_ref
        found: dict[int, list[tuple[str, str, DocRep, Passage]]] = {i: [] for i in range(n_q)}
        for i in range(n_q):
            if claims[i]:
                table, order = self.block_table(
                    reps[i], claims[i], sources, n_ref, comp_spans.get(reps[i].doc_id)
                )
                found[i] = self.choose(
                    reps[i], table, order, sources, priority, far[i], comp_spans.get(reps[i].doc_id)
                )
        self.direction_notes = []
        if p.direction_history:
            earlier: dict[int, list[int]] = {}
            for i, j in priors:
                earlier.setdefault(i, []).append(j)
            self.direction_by_history(found, claims, reps, years, earlier, units_l, n_q)
        timings["align"] = time.perf_counter() - t

        # ---- scores, findings, matches ------------------------------------------------------
        t = time.perf_counter()
        finding_rows: list[dict[str, Any]] = []
        match_rows: list[dict[str, Any]] = []
        common: dict[str, float] = {}
        id_to_meta = {d: i for i, d in enumerate(meta["doc_id"])}
        for i in range(n_q):
            rows, mrows, cw = self._score_doc(i, reps[i], meta, found[i], id_to_meta)
            finding_rows.extend(rows)
            match_rows.extend(mrows)
            common[reps[i].doc_id] = cw
        if p.circulating_units:
            finding_rows = circulating_text(finding_rows, meta, p.circulating_units)
        batch.add_findings(finding_rows)
        if match_rows:
            batch.add_matches(pd.DataFrame(match_rows))
        timings["score"] = time.perf_counter() - t
        self.last_run = {
            "reps": reps,
            "n_query": n_q,
            "found": found,
            "priors": priors,
            "peers": peers,
            "templates": tpl_cands,
            "tpl_reps": tpl_reps,
            "tpl_ids": tpl_ids,
            "vocab": vocab,
            "claims": claims,
            "priority": priority,
            "sources": sources,
            "n_ref": n_ref,
            "compared": comp_spans,
            "meta": meta,
            "far": far,
            "direction_notes": self.direction_notes,
        }

        params = asdict(p)
        params.update(
            {
                "excluded_sections": sorted(EXCLUDED_SECTIONS),
                "templates": tpl_ids,
                "template_dirs": [str(d) for d in self.bank_dirs],
                "form_phrases": form.n_phrases,
                "stock_phrases": stock.n_phrases,
                "boilerplate": bp_stats,
                "candidates": {
                    "prior_pairs": len(priors),
                    "peer_pairs": len(peers),
                    "template_pairs": len(tpl_cands),
                    **asdict(peer_stats),
                },
                "score_unit": "share of the report's compared syllables (outside header, self-rating, "
                "signature, form headings and official wording) inside passages from that source kind",
                "timings_s": {kk: round(v, 3) for kk, v in timings.items()},
                "common_wording_share": common,
            }
        )
        batch.params["reuse"] = params
        batch.timings[self.name] = time.perf_counter() - t0
        if self.name not in batch.stages_run:
            batch.stages_run.append(self.name)

    # ------------------------------------------------------------------------------------------
    def align_workers(self, n_pairs: int) -> int:
        """Processes for the colleague alignments: ``align_workers``, or the screen's engine's
        workers (:func:`pipeline.engine.current_engine`); 1 (this process) for small batches and
        where forking is not safe (threads running, no fork on the platform)."""
        p = self.params
        w = (
            p.align_workers
            if p.align_workers is not None
            else int(getattr(current_engine(), "workers", 1) or 1)
        )
        if w <= 1 or n_pairs < p.parallel_min_pairs or default_context() != "fork":
            return 1
        return w

    def peer_verdicts(
        self,
        peers: list[tuple[int, int, int]],
        reps: list[DocRep],
        vocab: Vocab,
        years: list[int],
        rank: list[int],
        n_q: int,
        comp_spans: dict[str, list[tuple[int, int]]],
        segs_of: Any,
    ) -> list[tuple[int, int, list[SegPair]]]:
        """Verify colleague candidate pairs: ``(copier, source, matched segment pairs)`` for each
        direction that may hold a copied block.

        Who can have copied whom: not from a later year's report, and within a year not from a
        report written later under the sequence rule (collective report first, then leaders,
        then members; domain.md §3). Same year and rank: either may be the copier, unless the
        shared text names one side's post only (:func:`tells.post_lean`) or one side reworded
        the other's common sentences (:func:`copy_direction`)."""
        p = self.params
        out: list[tuple[int, int, list[SegPair]]] = []
        for i, j, _shared in peers:
            order_i, order_j = (years[i], rank[i]), (years[j], rank[j])
            i_can = i < n_q and order_i >= order_j
            j_can = j < n_q and order_j >= order_i
            if not i_can:
                i, j, i_can, j_can = j, i, j_can, i_can
            if not i_can:
                continue
            fwd, back = align_pair(
                reps[i],
                reps[j],
                vocab,
                segs_of(i, reps[i]),
                segs_of(j, reps[j]),
                p.align,
                both_sides=j_can,
                reorder_sim=p.reorder_sim if "peer" in p.reorder_first else 101.0,
            )
            if j_can and fwd:
                told = tells.post_lean(shared_text(reps[i], fwd), post_of(reps[i]), post_of(reps[j]))
                lean = copy_direction(fwd, reps[i], reps[j])
                if told > 0 or (not told and lean >= p.direction_bits):  # i copied j
                    j_can = False
                elif told < 0 or lean <= -p.direction_bits:
                    i_can = False
            for a, b, pairs, ok in ((i, j, fwd, i_can), (j, i, back, j_can)):
                if (
                    ok
                    and pairs
                    and (
                        not p.prune_claims
                        or self.promising(reps[a], reps[b], pairs, comp_spans.get(reps[a].doc_id))
                    )
                ):
                    out.append((a, b, pairs))
        return out

    def shared_segments(self, a: DocRep, passages: list[Passage], pairs: list[SegPair]) -> np.ndarray:
        """Content segments of ``a`` matched in ``pairs`` that lie inside ``passages``."""
        content = content_segments(a, self.params.align.min_seg_tokens)
        segs = {
            q.a_seg for q in pairs if content[q.a_seg] and any(ps.a_lo <= q.a_lo < ps.a_hi for ps in passages)
        }
        return np.array(sorted(segs), dtype=np.int32)

    @staticmethod
    def bigrams(rep: DocRep) -> np.ndarray:
        """Sorted distinct syllable bigrams of a report (folded keys, figures kept), cached."""
        got = rep.meta.get("bigrams")
        if got is None:
            ids = rep.ids.astype(np.int64)
            got = np.unique((ids[:-1] << 32) | ids[1:]) if len(ids) > 1 else np.zeros(0, np.int64)
            rep.meta["bigrams"] = got
        return got

    def unit_counts(
        self, unit: str, by_unit: dict[str, list[int]], reps: list[DocRep], words: np.ndarray
    ) -> np.ndarray:
        """How many reports of ``unit`` hold each bigram of ``words`` (per-unit table cached for
        the run)."""
        cache = self._unit_bigrams
        got = cache.get(unit)
        if got is None:
            members = by_unit.get(unit, [])
            allb = (
                np.concatenate([self.bigrams(reps[o]) for o in members]) if members else np.zeros(0, np.int64)
            )
            got = cache[unit] = np.unique(allb, return_counts=True)
        keys, counts = got
        if not len(keys):
            return np.zeros(len(words), dtype=np.int64)
        pos = np.minimum(np.searchsorted(keys, words), len(keys) - 1)
        return np.where(keys[pos] == words, counts[pos], 0)

    @staticmethod
    def own_bigrams(rep: DocRep, segs: np.ndarray) -> np.ndarray:
        """Distinct bigrams of ``rep``'s segments ``segs`` with neither syllable boilerplate."""
        parts = []
        ids = rep.ids.astype(np.int64)
        boiler = rep.boiler if rep.boiler is not None else np.zeros(rep.n_tokens, dtype=bool)
        for k in segs.tolist():
            lo, hi = int(rep.seg_lo[k]), int(rep.seg_hi[k])
            keep = ~(boiler[lo : hi - 1] | boiler[lo + 1 : hi])
            parts.append(((ids[lo : hi - 1] << 32) | ids[lo + 1 : hi])[keep])
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)

    def direction_by_history(
        self,
        found: dict[int, list[tuple[str, str, DocRep, Passage]]],
        claims: dict[int, dict[tuple[str, str], list[SegPair]]],
        reps: list[DocRep],
        years: list[int],
        earlier: dict[int, list[int]],
        units: list[str],
        n_q: int,
    ) -> None:
        """Who wrote a same-year text two colleagues share, from their own earlier reports (in place).

        For two reports of one year flagged as copies of each other (the text gave no direction,
        :meth:`peer_verdicts`), the side whose own earlier report already holds the shared
        passage (``history_hold``) wrote it, and its passages from the other side are dropped,
        provided the passage is rare (``history_rare``: honest writers repeat their stock
        sentences year after year, and a sample both used holds the same text, so stock text held
        by one side's earlier report says nothing) and the other side's earlier report lacks it
        (``history_lack``) or there is none. Otherwise both stay flagged. Each case is recorded in
        ``self.direction_notes``."""
        p = self.params
        idx = {reps[i].doc_id: i for i in range(n_q)}
        mutual = set()
        for i in range(n_q):
            for kind, sid, _, _ in found[i]:
                j = idx.get(sid)
                if kind == "peer" and j is not None and years[i] == years[j]:
                    if any(k2 == "peer" and s2 == reps[i].doc_id for k2, s2, _, _ in found[j]):
                        mutual.add((min(i, j), max(i, j)))
        drop: set[tuple[int, str]] = set()
        self._unit_bigrams = {}
        by_unit: dict[str, list[int]] = {}
        if mutual:
            for k, u in enumerate(units):
                by_unit.setdefault(u, []).append(k)
        for i, j in sorted(mutual):
            olds = {i: earlier.get(i, []), j: earlier.get(j, [])}
            pair_units = {units[i], units[j]}
            writers = {i, j, *olds[i], *olds[j]}
            side = {}
            for a, b in ((i, j), (j, i)):
                ps = [x[3] for x in found[a] if x[0] == "peer" and x[1] == reps[b].doc_id]
                segs = self.shared_segments(reps[a], ps, claims[a].get(("peer", reps[b].doc_id), []))
                words = self.own_bigrams(reps[a], segs)
                # the unit's wording: found in another report of the unit (any year) than the two
                # writers' own reports
                seen = np.zeros(len(words), dtype=np.int64)
                for u in pair_units:
                    seen += self.unit_counts(u, by_unit, reps, words)
                for w in writers:
                    if units[w] in pair_units:
                        seen -= np.isin(words, self.bigrams(reps[w]), assume_unique=True)
                words = words[seen == 0]
                held = 0.0
                if olds[a] and len(words):
                    hist = np.unique(np.concatenate([self.bigrams(reps[o]) for o in olds[a]]))
                    held = float(np.isin(words, hist, assume_unique=True).mean())
                side[a] = (bool(olds[a]), held, len(words))
            author = None
            for a, b in ((i, j), (j, i)):
                has_a, held_a, n_a = side[a]
                has_b, held_b, _ = side[b]
                if (
                    n_a >= p.history_min_words
                    and held_a >= p.history_hold
                    and (not has_b or held_b <= p.history_lack)
                ):
                    author = a
            if author is not None:
                other = j if author == i else i
                drop.add((author, reps[other].doc_id))
            self.direction_notes.append(
                {
                    "a": reps[i].doc_id,
                    "b": reps[j].doc_id,
                    "a_earlier": side[i][0],
                    "a_held": round(side[i][1], 3),
                    "a_words": side[i][2],
                    "b_earlier": side[j][0],
                    "b_held": round(side[j][1], 3),
                    "b_words": side[j][2],
                    "author": reps[author].doc_id if author is not None else "",
                }
            )
        for a, sid in drop:
            found[a] = [x for x in found[a] if not (x[0] == "peer" and x[1] == sid)]

    def layout(
        self, a: DocRep, compared: list[tuple[int, int]] | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Block of every segment, content syllables per block and the content blocks in order
        (cached on the rep)."""
        got = a.meta.get("layout")
        if got is None:
            min_seg = self.params.align.min_seg_tokens
            blocks = blocks_from_sections(a, compared) if compared else blocks_from_headings(a)
            seg_block = block_of_segments(a, blocks)
            got = (
                seg_block,
                block_sizes(a, seg_block, len(blocks), min_seg),
                content_blocks(a, seg_block, min_seg),
            )
            a.meta["layout"] = got
        return got

    def promising(
        self,
        a: DocRep,
        s: DocRep,
        pairs: list[SegPair],
        compared: list[tuple[int, int]] | None,
        kind: str = "peer",
    ) -> bool:
        """Whether the pair can yield a copied block under the block parameters of ``kind``
        (colleagues: near or far): a block passing :func:`blocks.is_copied`, or covered, similar
        blocks holding ``whole`` of the report (the only ways :func:`blocks.accept_blocks` starts).
        A candidate pair that cannot is dropped at once, so the alignments of a large batch are
        not held until the end. Exact: the decisions are the same with or without it."""
        p = self.params
        bps = {"prior": (p.prior_block,), "template": (p.template_block,)}.get(
            kind, (p.peer_block, p.peer_far_block)
        )
        template = kind == "template"
        seg_block, sizes, _ = self.layout(a, compared)
        total = int(sizes.sum())
        stats = block_stats(
            pairs, a, s, seg_block, sizes, p.align.min_seg_tokens, template, self._n_ref, p.align.common_df
        )
        for bp in bps:
            if any(is_copied(st, bp, template) for st in stats):
                return True
            similar = sum(st.n_tokens for st in stats if st.cov >= bp.cov and st.sim >= bp.sim)
            if total and similar >= bp.whole * total:
                return True
        return False

    def block_table(
        self,
        a: DocRep,
        claims: dict[tuple[str, str], list[SegPair]],
        sources: dict[tuple[str, str], DocRep],
        n_ref: float,
        compared: list[tuple[int, int]] | None,
    ) -> tuple[dict[tuple[str, str], list[BlockStat]], np.ndarray]:
        """Block statistics of report ``a`` against each source, and its content blocks in order."""
        min_seg = self.params.align.min_seg_tokens
        seg_block, sizes, order = self.layout(a, compared)
        a.meta["block_sizes"] = sizes
        table = {
            key: block_stats(
                pairs,
                a,
                sources[key],
                seg_block,
                sizes,
                min_seg,
                key[0] == "template",
                n_ref,
                self.params.align.common_df,
            )
            for key, pairs in claims.items()
        }
        return table, order

    def choose(
        self,
        a: DocRep,
        table: dict[tuple[str, str], list[BlockStat]],
        order: np.ndarray,
        sources: dict[tuple[str, str], DocRep],
        priority: dict[tuple[str, str], tuple],
        far: dict[tuple[str, str], bool],
        compared: list[tuple[int, int]] | None = None,
    ) -> list[tuple[str, str, DocRep, Passage]]:
        """Copied blocks per source (see blocks.py), one source per block and kind, as passages.

        ``far``: colleagues' reports from another unit or year (judged with ``peer_far_block``).
        A source with a copied block is aligned again with the reordering-blind similarity
        (:meth:`reordered_pairs`) and its blocks decided again with the same parameters: only
        proven copies gain, by the sentences whose clauses were shuffled."""
        p = self.params
        bparams = {"prior": p.prior_block, "peer": p.peer_block, "template": p.template_block}
        total = int(sum(st_sizes)) if (st_sizes := a.meta.get("block_sizes")) is not None else 0
        copied: dict[tuple[str, str], list[BlockStat]] = {}
        seeds: dict[tuple[str, str], set[int]] = {}
        for key, stats in table.items():
            bp = bparams[key[0]]
            if key[0] == "peer" and far.get(key):
                bp = p.peer_far_block  # another unit or year: stronger evidence needed
            template = key[0] == "template"
            ok = accept_blocks(stats, bp, template, order, total)
            seed = seed_blocks(stats, bp, template, total)
            if ok and p.reorder_sim <= 100.0:
                # a proven copy: its clause-reordered sentences count as matched too
                pairs = self.reordered_pairs(a, sources[key], [q for st in stats for q in st.pairs])
                seg_block, sizes, _ = self.layout(a, compared)
                stats = block_stats(
                    pairs,
                    a,
                    sources[key],
                    seg_block,
                    sizes,
                    p.align.min_seg_tokens,
                    template,
                    self._n_ref,
                    p.align.common_df,
                )
                again = accept_blocks(stats, bp, template, order, total)
                if again:
                    ok, seed = again, seed_blocks(stats, bp, template, total)
            if ok:
                copied[key] = ok
                seeds[key] = seed
        out = []
        for key, stats in attribute_blocks(copied, priority, p.align.tie).items():
            # a neighbour that joined a block now given to another source has lost its evidence
            stats = anchored(stats, seeds[key], order) if p.anchor_neighbours else stats
            for st in stats:
                refine(st.pairs, a, sources[key])
            for ps in block_passages(stats, a, order):
                out.append((key[0], key[1], sources[key], ps))
        return out

    def reordered_pairs(self, a: DocRep, s: DocRep, pairs: list[SegPair]) -> list[SegPair]:
        """``pairs`` with every content sentence of ``a`` matched again by a similarity blind to
        word order: ``fuzz.ratio`` on the sorted syllable keys (the multiset overlap), kept where
        it reaches ``reorder_sim`` and beats the sentence's ordered score. Paraphrase that moves
        clauses around ("A, B." -> "B, A.") falls under the ordered ratio's ``seg_cutoff``."""
        p = self.params
        min_seg = p.align.min_seg_tokens
        a_segs = np.flatnonzero(content_segments(a, min_seg))
        s_segs = np.flatnonzero(content_segments(s, min_seg))
        if not len(a_segs) or not len(s_segs):
            return pairs
        mode = "sids" if (a.plain or s.plain) else "nids"
        m = process.cdist(
            sorted_strings(a, a_segs, mode),
            sorted_strings(s, s_segs, mode),
            scorer=fuzz.ratio,
            score_cutoff=p.reorder_sim,
            workers=1,
        )
        have = {q.a_seg: q for q in pairs}
        out = dict(have)
        best = m.max(axis=1)
        arg = m.argmax(axis=1)
        for r in np.flatnonzero(best >= p.reorder_sim).tolist():
            ai, sj = int(a_segs[r]), int(s_segs[int(arg[r])])
            score = float(best[r])
            cur = have.get(ai)
            if cur is not None and cur.score >= score:
                continue
            a0, a1 = int(a.seg_lo[ai]), int(a.seg_hi[ai])
            s0, s1 = int(s.seg_lo[sj]), int(s.seg_hi[sj])
            out[ai] = SegPair(ai, sj, score, a0, a1, s0, s1, a1 - a0, False, False, refined=False)
        return sorted(out.values(), key=lambda q: q.a_seg)

    def _score_doc(
        self,
        i: int,
        rep: DocRep,
        meta: pd.DataFrame,
        found: list[tuple[str, str, DocRep, Passage]],
        id_to_meta: dict[str, int],
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], float]:
        p = self.params
        n = rep.n_tokens
        comp = rep.comparable
        own = comp & ~rep.form
        own_tpl = own
        n_comp = int(comp.sum())
        common = round(float((comp & rep.boiler).sum() / n_comp), 4) if n_comp else 0.0
        cov = {kind: np.zeros(n, dtype=bool) for kind in schema.SOURCE_KINDS}
        per_source: dict[tuple[str, str], np.ndarray] = {}
        mrows = []
        for kind, src_id, src, ps in found:
            span = np.zeros(n, dtype=bool)
            span[ps.a_lo : ps.a_hi] = True
            cov[kind] |= span
            key = (kind, src_id)
            per_source[key] = per_source.get(key, np.zeros(n, dtype=bool)) | span
            start, end = int(rep.starts[ps.a_lo]), int(rep.ends[ps.a_hi - 1])
            s_start, s_end = int(src.starts[ps.s_lo]), int(src.ends[ps.s_hi - 1])
            mrows.append(
                {
                    "doc_id": rep.doc_id,
                    "source_doc_id": src_id,
                    "source_kind": kind,
                    "start": start,
                    "end": end,
                    "source_start": s_start,
                    "source_end": s_end,
                    "similarity": ps.similarity,
                    "match_type": ps.match_type,
                    "text": rep.text[start:end],
                    "source_text": src.text[s_start:s_end],
                }
            )
        denom = max(int(own.sum()), 1)
        denom_t = max(int(own_tpl.sum()), 1)

        def share(mask: np.ndarray, base: np.ndarray, d: int) -> float:
            return round(float((mask & base).sum() / d), 4)

        row = meta.iloc[i]
        year = _year(row["year"])
        text = rep.text
        rows = []
        # copied_prior
        s_prior = share(cov["prior"], own, denom)
        prior_src = sorted(
            ((share(m, own, denom), sid) for (kd, sid), m in per_source.items() if kd == "prior"),
            reverse=True,
        )
        reason, detail = "Không thấy nội dung lấy lại từ bản kiểm điểm các năm trước", ""
        if prior_src:
            top_share, top_id = prior_src[0]
            src_row = meta.iloc[id_to_meta[top_id]]
            who = "của tập thể" if str(row.get("kind")) == "collective" else "của chính đảng viên"
            reason = (
                f"{round(s_prior * 100)}% nội dung trùng với bản kiểm điểm năm {_year(src_row['year']) or '?'} "
                f"{who} ({top_id})"
            )
            detail = ";".join(sid for _, sid in prior_src)
            extra = tells.year_tells(text, year) + tells.regulation_tells(text, year)
            if extra:
                reason += "; còn sót " + ", ".join(f"'{x}'" for x in extra[:3])
        rows.append(self._row(rep.doc_id, "copied_prior", s_prior, p.prior_threshold, reason, detail))
        # copied_peer
        s_peer = share(cov["peer"], own, denom)
        peer_src = sorted(
            (
                (share(m & cov["peer"], own, denom), sid)
                for (kd, sid), m in per_source.items()
                if kd == "peer"
            ),
            reverse=True,
        )
        listed = [(s, sid) for s, sid in peer_src if s >= p.peer_min_source_share]
        reason, detail = "Không thấy nội dung trùng với bản kiểm điểm của đảng viên khác", ""
        if listed:
            reason = f"{round(s_peer * 100)}% nội dung trùng với bản kiểm điểm của người khác: " + ", ".join(
                f"{sid} ({round(s * 100)}%)" for s, sid in listed[:3]
            )
            detail = ";".join(sid for _, sid in listed)
            names = [str(meta.iloc[id_to_meta[sid]].get("name") or "") for _, sid in listed]
            other = tells.name_tells(text, str(row.get("name") or ""), names)
            if other:
                reason += "; có tên người khác: " + ", ".join(other[:2])
        rows.append(self._row(rep.doc_id, "copied_peer", s_peer, p.peer_threshold, reason, detail))
        # template_heavy
        s_tpl = share(cov["template"], own_tpl, denom_t)
        tpl_src = sorted(
            ((share(m, own_tpl, denom_t), sid) for (kd, sid), m in per_source.items() if kd == "template"),
            reverse=True,
        )
        reason, detail = "Không thấy nội dung chép từ bài mẫu trong kho", ""
        if tpl_src:
            reason = f"{round(s_tpl * 100)}% nội dung trùng với bài mẫu '{tpl_src[0][1]}'"
            detail = ";".join(sid for _, sid in tpl_src)
            ph = tells.placeholder_tells(text)
            if ph:
                reason += "; còn chỗ trống của mẫu: " + ", ".join(f"'{x}'" for x in ph)
        rows.append(self._row(rep.doc_id, "template_heavy", s_tpl, p.template_threshold, reason, detail))
        return rows, mrows, common

    @staticmethod
    def _row(doc_id: str, finding: str, score: float, thr: float, reason: str, detail: str) -> dict[str, Any]:
        return {
            "doc_id": doc_id,
            "finding": finding,
            "flag": int(score >= thr),
            "score": score,
            "reason": reason,
            "detail": detail,
        }


def circulating_text(rows: list[dict[str, Any]], meta: pd.DataFrame, min_units: int) -> list[dict[str, Any]]:
    """Re-read colleague copies of a circulating text as template use.

    A report flagged ``copied_peer`` from sources in *other* units, where the report, its sources,
    the flagged reports naming it and the flagged reports naming one of its sources belong to at
    least ``min_units`` distinct units, has taken a text that circulates between units (in practice a published
    sample the bank does not hold), not a colleague's report: its ``template_heavy`` row is raised
    with the peer share and the reports sharing the text, and its ``copied_peer`` flag dropped.
    A copy from a colleague of the same unit is never re-read. Input and output: the stage's
    finding rows (dicts), in order.
    """
    unit_of = dict(zip(meta["doc_id"].astype(str), meta["unit"].fillna("").astype(str), strict=True))
    peer = {
        r["doc_id"]: [s for s in str(r["detail"]).split(";") if s]
        for r in rows
        if r["finding"] == "copied_peer" and r["flag"] == 1
    }
    users: dict[str, set[str]] = {}
    for doc, sources in peer.items():
        for src in sources:
            users.setdefault(src, set()).add(doc)
    change: dict[str, list[str]] = {}
    for doc, sources in peer.items():
        unit = unit_of.get(doc, "")
        if not sources or not unit or any(unit_of.get(src, "") == unit for src in sources):
            continue
        group = {doc, *sources, *users.get(doc, ()), *(u for src in sources for u in users.get(src, ()))}
        units = {unit_of.get(d, "") or d for d in group}
        if len(units) >= min_units:
            change[doc] = sorted(group - {doc})
    if not change:
        return rows
    peer_score = {r["doc_id"]: r["score"] for r in rows if r["finding"] == "copied_peer"}
    out = []
    for r in rows:
        doc = r["doc_id"]
        if doc in change and r["finding"] == "copied_peer":
            r = dict(r, flag=0, reason="Nội dung trùng được tính là văn bản lưu hành (xem template_heavy)")
        elif doc in change and r["finding"] == "template_heavy":
            others = change[doc]
            score = max(float(r["score"]), float(peer_score.get(doc, 0.0)))
            n_units = len({unit_of.get(d, "") for d in [doc, *others]})
            reason = (
                f"{round(score * 100)}% nội dung trùng với một văn bản lưu hành ở {n_units} đơn vị "
                f"({', '.join(others[:4])}): có thể là bài mẫu chưa có trong kho"
            )
            detail = ";".join(filter(None, [str(r["detail"]), *(f"circulating:{d}" for d in others)]))
            r = dict(r, flag=1, score=round(score, 4), reason=reason, detail=detail)
        out.append(r)
    return out

"""Boilerplate: stock wording that reports legitimately share, separated out before copy scores.

Three tiers mark a syllable:

1. Form text (``DocRep.form``): form headings and prompts (``corpora/banks/headings.csv``) and
   legitimately quoted official wording (``corpora/banks/official_wording.csv``). Excluded from
   every score, the template score included.
2. Stock phrases (``corpora/banks/stock_phrases.csv`` and the domain.md §7 phrases shipped with
   this package, ``stock_phrases.txt``): the sentences published samples circulate. Excluded from
   the prior / peer copy scores; they count towards the template score, since a template is
   made of them.
   For tiers 1-2 a syllable is marked when it lies in a run of at least ``k`` syllables (or a whole
   shorter phrase) that occurs in the bank text.
3. Batch spread, after Lang & Stice-Lawrence's boilerplate measure: a ``k``-syllable shingle that
   occurs in reports of many different units (``unit_min`` units and ``unit_frac`` of all
   units) is stock wording of the genre, not a copy between two people. Spread is counted over
   units, not reports, so that ten colleagues copying one report in one cell do not turn their
   shared text into "boilerplate". Counts use a two-row count-min sketch (no per-shingle dict
   at province scale).

``DocRep.boiler`` = all three tiers. It feeds the common-wording share; it is excluded from the copy
scores' numerator and denominator, and a passage needs enough non-boilerplate syllables to be
reported at all.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from pipeline.stages.reuse.shingles import (
    DocRep,
    Vocab,
    cover,
    make_rep,
    shingle_hashes,
    valid_shingles,
)

BUILTIN_STOCK = Path(__file__).with_name("stock_phrases.txt")


def read_phrases(paths: Iterable[Path]) -> list[str]:
    """Phrases from ``.txt`` files (one per line, ``#`` comments) and ``.csv`` files (``text`` column)."""
    out: list[str] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            continue
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                col = next((c for c in reader.fieldnames or () if c.strip().lower() == "text"), None)
                if col is None:
                    continue
                out.extend(r[col].strip() for r in reader if (r.get(col) or "").strip())
        else:
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    out.append(line)
    return out


class StockIndex:
    """Exact syllable runs of known stock text (accent-stripped, digit-folded keys, so that reports
    typed without diacritics are marked too)."""

    def __init__(self, phrases: Iterable[str], vocab: Vocab, k: int, min_len: int = 2) -> None:
        self.k = k
        by_len: dict[int, list[np.ndarray]] = {}
        hashes = None
        self.n_phrases = 0
        for phrase in phrases:
            rep = make_rep("", phrase, vocab)
            n = rep.n_tokens
            if n < min_len:
                continue
            self.n_phrases += 1
            hashes = vocab.hashes()
            length = min(n, k)
            by_len.setdefault(length, []).append(shingle_hashes(rep.sids, hashes, length))
        self.by_len = {length: np.unique(np.concatenate(v)) for length, v in by_len.items()}

    def mark(self, rep: DocRep, hashes: np.ndarray) -> np.ndarray:
        """Bool per token of ``rep``: inside a known stock run."""
        out = np.zeros(rep.n_tokens, dtype=bool)
        for length, table in self.by_len.items():
            h = shingle_hashes(rep.sids, hashes, length)
            if not len(h):
                continue
            pos = np.minimum(np.searchsorted(table, h), len(table) - 1)
            hit = np.flatnonzero(table[pos] == h)
            if len(hit):
                out |= cover(hit, rep.n_tokens, length)
        return out


class SpreadSketch:
    """Count-min sketch (two rows) of how many units use each shingle."""

    def __init__(self, bits: int) -> None:
        self.bits = bits
        self.mask = np.uint64((1 << bits) - 1)
        self.rows = np.zeros((2, 1 << bits), dtype=np.uint32)

    def _index(self, h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (h & self.mask).astype(np.int64), ((h >> np.uint64(32)) & self.mask).astype(np.int64)

    def add_groups(self, groups: Iterable[np.ndarray]) -> None:
        """Add each group's distinct shingles once (a group = the reports of one unit)."""
        buf: list[np.ndarray] = []
        size = 0
        for g in groups:
            u = np.unique(g)
            buf.append(u)
            size += len(u)
            if size > 4_000_000:
                self._flush(buf)
                buf, size = [], 0
        self._flush(buf)

    def _flush(self, buf: list[np.ndarray]) -> None:
        if not buf:
            return
        h = np.concatenate(buf)
        i0, i1 = self._index(h)
        n = 1 << self.bits
        self.rows[0] += np.bincount(i0, minlength=n).astype(np.uint32)
        self.rows[1] += np.bincount(i1, minlength=n).astype(np.uint32)

    def estimate(self, h: np.ndarray) -> np.ndarray:
        i0, i1 = self._index(h)
        return np.minimum(self.rows[0][i0], self.rows[1][i1])


def sketch_bits(n_entries: int) -> int:
    """Table size for about ``n_entries`` distinct shingles (2^16 .. 2^24 cells per row)."""
    return int(min(24, max(16, np.ceil(np.log2(max(n_entries, 1))) + 1)))


def doc_shingles(rep: DocRep, hashes: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Shingle hashes of ``rep`` (accent-stripped, digit-folded keys) and a mask of the shingles whose
    tokens are all comparable."""
    h = shingle_hashes(rep.sids, hashes, k)
    ok = valid_shingles(rep.comparable, k)
    return h, ok


def spread_threshold(n_units: int, unit_min: int, unit_frac: float) -> int:
    """Units a sentence or shingle must appear in to count as batch boilerplate."""
    return int(max(unit_min, np.ceil(unit_frac * n_units)))


def segment_keys(rep: DocRep, mode: str = "sids") -> np.ndarray:
    """One int64 key per segment: its syllable keys (``sids``: accent-stripped, digit-folded;
    ``ids``: folded, digits kept). Keys are per process (Python's bytes hash)."""
    arr = getattr(rep, mode)
    return np.array(
        [hash(arr[lo:hi].tobytes()) for lo, hi in zip(rep.seg_lo.tolist(), rep.seg_hi.tolist(), strict=True)],
        dtype=np.int64,
    )


def lookup_counts(keys: np.ndarray, table_keys: np.ndarray, table_counts: np.ndarray) -> np.ndarray:
    """Counts of ``keys`` in a sorted (keys, counts) table; 0 when absent."""
    if not len(table_keys) or not len(keys):
        return np.zeros(len(keys), dtype=np.int64)
    pos = np.minimum(np.searchsorted(table_keys, keys), len(table_keys) - 1)
    return np.where(table_keys[pos] == keys, table_counts[pos], 0)


def _unit_frequency(keys: list[np.ndarray], unit_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct keys and the number of distinct units each occurs in."""
    lens = np.array([len(k) for k in keys], dtype=np.int64)
    if not lens.sum():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    k = np.concatenate(keys)
    u = np.repeat(unit_ids, lens)
    order = np.lexsort((u, k))
    k, u = k[order], u[order]
    first = np.concatenate([[True], (k[1:] != k[:-1]) | (u[1:] != u[:-1])])
    return np.unique(k[first], return_counts=True)


def mark_boilerplate(
    reps: list[DocRep],
    units: list[str],
    vocab: Vocab,
    form: StockIndex,
    stock: StockIndex,
    k: int,
    unit_min: int,
    unit_frac: float,
    near_stock: float = 0.9,
) -> dict[str, float]:
    """Set ``rep.form``, ``rep.seg_boiler`` and ``rep.boiler`` on every report.

    A segment (sentence) is boilerplate when the same sentence occurs in ``threshold`` units, or
    when at least ``near_stock`` of its syllables lie in ``k``-syllable runs that occur in that many
    units or in the stock banks (a stock sentence with a typo, a synonym or a new figure). A syllable
    is boilerplate when its segment is, or when it lies in a form / stock-bank run.
    Returns diagnostics for ``batch.params``.
    """
    hashes = vocab.hashes()
    unit_index: dict[str, int] = {}
    unit_ids = np.array([unit_index.setdefault(u, len(unit_index)) for u in units], dtype=np.int64)
    n_units = len(unit_index)
    thr = spread_threshold(n_units, unit_min, unit_frac)
    use_spread = n_units >= thr
    seg_keys = [segment_keys(r) for r in reps]
    seg_ok = [_seg_comparable(r) for r in reps]
    uf_keys, uf_counts = _unit_frequency([sk[ok] for sk, ok in zip(seg_keys, seg_ok, strict=True)], unit_ids)
    doc_ids = np.arange(len(reps), dtype=np.int64)
    df_keys, df_counts = _unit_frequency([sk[ok] for sk, ok in zip(seg_keys, seg_ok, strict=True)], doc_ids)
    id_keys = [segment_keys(r, "ids") for r in reps]
    dfi_keys, dfi_counts = _unit_frequency([sk[ok] for sk, ok in zip(id_keys, seg_ok, strict=True)], doc_ids)
    sketch = None
    if use_spread:
        # shingles are hashed again in the loop below rather than held for the whole batch
        total = sum(int(valid_shingles(r.comparable, k).sum()) for r in reps)
        sketch = SpreadSketch(sketch_bits(total))
        groups: dict[int, list[int]] = {}
        for i, u in enumerate(unit_ids.tolist()):
            groups.setdefault(u, []).append(i)
        sketch.add_groups(
            np.concatenate([h[ok] for h, ok in (doc_shingles(reps[i], hashes, k) for i in idx)])
            for idx in groups.values()
        )
    n_tok = n_boil = 0
    for rep, keys, ikeys in zip(reps, seg_keys, id_keys, strict=True):
        h, ok = doc_shingles(rep, hashes, k) if use_spread else (None, None)
        rep.seg_df = lookup_counts(keys, df_keys, df_counts)
        rep.seg_dfi = lookup_counts(ikeys, dfi_keys, dfi_counts)
        rep.form = form.mark(rep, hashes)
        banked = rep.form | stock.mark(rep, hashes)
        near = banked.copy()
        seg_common = np.zeros(len(keys), dtype=bool)
        if use_spread:
            if h is not None and len(h):
                hit = np.flatnonzero((sketch.estimate(h) >= thr) & ok)
                if len(hit):
                    near |= cover(hit, rep.n_tokens, k)
            pos = np.minimum(np.searchsorted(uf_keys, keys), max(len(uf_keys) - 1, 0))
            if len(uf_keys):
                seg_common = (uf_keys[pos] == keys) & (uf_counts[pos] >= thr)
        c = np.concatenate([[0], np.cumsum(near)])
        seg_len = np.maximum(rep.seg_hi - rep.seg_lo, 1)
        near_share = (c[rep.seg_hi] - c[rep.seg_lo]) / seg_len
        rep.seg_boiler = seg_common | (near_share >= near_stock)
        boiler = banked.copy()
        for lo, hi in zip(
            rep.seg_lo[rep.seg_boiler].tolist(), rep.seg_hi[rep.seg_boiler].tolist(), strict=True
        ):
            boiler[lo:hi] = True
        rep.boiler = boiler
        n_tok += int(rep.comparable.sum())
        n_boil += int((boiler & rep.comparable).sum())
    return {
        "documents": len(reps),
        "units": n_units,
        "spread_threshold_units": thr,
        "spread_used": bool(use_spread),
        "boilerplate_share_of_batch": round(n_boil / n_tok, 4) if n_tok else 0.0,
    }


def _seg_comparable(rep: DocRep) -> np.ndarray:
    c = np.concatenate([[0], np.cumsum(rep.comparable)])
    return (c[rep.seg_hi] - c[rep.seg_lo]) * 2 >= (rep.seg_hi - rep.seg_lo)

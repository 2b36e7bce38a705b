"""Syllable tokens, matching keys, segments and shingle hashes for the reuse stage.

Copy detection works on syllables, not words: a regex split runs at ~20M chars/s and needs no
word segmentation (../shared/measured.md). Every token keeps its character span in the
normalised text, so passages found on syllables map back to exact evidence spans.

Keys used for matching (never for display):

* ``ids``: the syllable folded by :func:`pipeline.text.normalize.fold` (lower case, lý/lí,
  kỷ/kỉ folded). Two reports match "identically" when their ``ids`` agree.
* ``nids``: as ``ids`` but every token that contains a digit becomes one ``<num>`` key, so a
  report whose years and figures were refreshed still matches ("refreshed").
* ``sids``: the accent-stripped fingerprint (đ → d) of ``nids``. Shingles (candidate index,
  boilerplate, template containment) use ``sids`` for every report, so a report typed without
  diacritics lands in the same index; stripping merges a few distinct syllables, which matters
  little for 5-syllable shingles and not at all for the verification, which aligns on ``nids``
  unless one of the two reports is plain.

Each distinct key gets a small integer id (per :class:`Vocab`, i.e. per stage run) and a stable
64-bit hash (blake2b), from which k-syllable shingle hashes are computed with numpy.
For alignment a run of syllables becomes a string with one character per syllable
(:meth:`Vocab.chars`), so rapidfuzz's bit-parallel Indel/LCS works on syllables directly.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np

from pipeline.text.normalize import fold, strip_accents

TOKEN_RE = re.compile(r"\w+")
#: Sentence ends: . ! ? ; followed by a space, or a line break. Segments never cross a line.
_SEG_END_RE = re.compile(r"(?<=[.!?;])[ ]+(?=\S)|\n+")
_HAS_DIGIT_RE = re.compile(r"\d")

NUM_KEY = "<num>"
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MUL = np.uint64(0xBF58476D1CE4E5B9)
_MUL2 = np.uint64(0x94D049BB133111EB)


def _stable_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def _code_point(i: int) -> str:
    """One character per key id, skipping the surrogate block (for rapidfuzz strings)."""
    cp = 0x100 + i
    if cp >= 0xD800:
        cp += 0x800
    return chr(cp)


class Vocab:
    """Maps raw tokens to key ids (``ids``, ``nids``, ``sids``) and key ids to stable hashes."""

    def __init__(self) -> None:
        self._key_id: dict[str, int] = {}
        self._keys: list[str] = []
        self._hash: list[int] = []
        self._raw: dict[str, tuple[int, int, int]] = {}
        self._raw_i: dict[str, int] = {}
        self._raw_n: dict[str, int] = {}
        self._raw_s: dict[str, int] = {}
        self._hash_arr = np.zeros(0, dtype=np.uint64)
        self.num_id = self.key_id(NUM_KEY)  # 0: align.pair_bits relies on it

    def key_id(self, key: str) -> int:
        i = self._key_id.get(key)
        if i is None:
            i = len(self._keys)
            self._key_id[key] = i
            self._keys.append(key)
            self._hash.append(_stable_hash(key))
        return i

    def lookup(self, raw: str) -> tuple[int, int, int]:
        """``(id, nid, sid)`` of a raw token (cached)."""
        got = self._raw.get(raw)
        if got is None:
            key = fold(raw)
            i = self.key_id(key)
            if _HAS_DIGIT_RE.search(key):
                n = s = self.num_id
            else:
                n = i
                stripped = strip_accents(key)
                s = i if stripped == key else self.key_id(stripped)
            got = (i, n, s)
            self._raw[raw] = got
            self._raw_i[raw], self._raw_n[raw], self._raw_s[raw] = got
        return got

    def encode(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``ids``, ``nids``, ``sids`` arrays of lower-cased raw tokens."""
        raw = self._raw
        for t in set(tokens).difference(raw):
            self.lookup(t)
        n = len(tokens)
        return (
            np.fromiter(map(self._raw_i.__getitem__, tokens), dtype=np.int32, count=n),
            np.fromiter(map(self._raw_n.__getitem__, tokens), dtype=np.int32, count=n),
            np.fromiter(map(self._raw_s.__getitem__, tokens), dtype=np.int32, count=n),
        )

    def hashes(self) -> np.ndarray:
        """Stable 64-bit hash of every key id (grows with the vocabulary)."""
        if len(self._hash_arr) != len(self._hash):
            self._hash_arr = np.array(self._hash, dtype=np.uint64)
        return self._hash_arr

    def chars(self, ids: np.ndarray) -> str:
        """A string with one character per syllable key id (rapidfuzz input)."""
        return self.chars_of(ids)

    @staticmethod
    def chars_of(ids: np.ndarray) -> str:
        """:meth:`chars` vectorised: code point ``0x100 + id``, skipping the surrogate block."""
        cp = np.asarray(ids, dtype=np.uint32) + np.uint32(0x100)
        cp[cp >= 0xD800] += np.uint32(0x800)
        return cp.astype("<u4").tobytes().decode("utf-32-le")

    def key(self, i: int) -> str:
        return self._keys[i]

    def __len__(self) -> int:
        return len(self._keys)


@dataclass
class DocRep:
    """One report (or template) as syllables, keys and segments."""

    doc_id: str
    text: str
    starts: np.ndarray  # int32, char start of each token
    ends: np.ndarray  # int32, char end
    ids: np.ndarray  # int32 folded key ids
    nids: np.ndarray  # int32 digit-folded ids
    sids: np.ndarray  # int32 accent-stripped digit-folded ids
    seg_lo: np.ndarray  # int32 first token of each segment
    seg_hi: np.ndarray  # int32 one past the last token
    comparable: np.ndarray  # bool per token: outside header / self-rating / other sections
    plain: bool = False  # typed without diacritics
    meta: dict = field(default_factory=dict)
    form: np.ndarray | None = None  # bool per token: form headings, prompts, official wording
    boiler: np.ndarray | None = None  # bool per token: form, stock phrases or batch-common wording
    seg_boiler: np.ndarray | None = None  # bool per segment: a stock sentence
    seg_df: np.ndarray | None = None  # reports of the batch holding the segment (digit-folded key)
    seg_dfi: np.ndarray | None = None  # ... with the same digits

    @property
    def n_tokens(self) -> int:
        return len(self.ids)

    def seg_comparable(self, min_tokens: int = 1) -> np.ndarray:
        """Indices of segments that are mostly comparable text and have ``min_tokens`` tokens."""
        out = []
        for k, (lo, hi) in enumerate(zip(self.seg_lo.tolist(), self.seg_hi.tolist(), strict=True)):
            if hi - lo >= min_tokens and self.comparable[lo:hi].mean() >= 0.5:
                out.append(k)
        return np.array(out, dtype=np.int32)


_ENUM_RE = re.compile(r"(?m)^[ ]*(?:[0-9]{1,2}|[IVXivx]{1,4}|[a-zđ])(?:\.[0-9]{1,2})*[.)]?[ ]*$")


def _segment_bounds(text: str, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    cuts = []
    prev = 0
    for m in _SEG_END_RE.finditer(text):
        # "2. Nguyên nhân", "II. HẠN CHẾ", "a. ...": an enumerator is not a sentence
        if m.group(0)[0] == " " and _ENUM_RE.search(text, prev, m.start()):
            continue
        cuts.append(m.end())
        prev = m.end()
    if not len(starts):
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    tok_cuts = np.searchsorted(starts, np.array(cuts, dtype=np.int64), side="left")
    bounds = np.unique(np.concatenate([[0], tok_cuts, [len(starts)]]))
    lo, hi = bounds[:-1], bounds[1:]
    keep = hi > lo
    return lo[keep].astype(np.int32), hi[keep].astype(np.int32)


# \w of Python's re on str = str.isalnum() or "_"; a table for the BMP
_WORD_BMP = np.array([chr(c).isalnum() or c == 0x5F for c in range(0x10000)], dtype=bool)


def _token_spans(text: str) -> tuple[np.ndarray, np.ndarray, list[str], bool] | None:
    """Token starts, ends, lower-cased tokens and :func:`is_plain`, vectorised; None when the fast
    path does not apply."""
    low = text.lower()
    if len(low) != len(text):
        return None
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if len(cps) and cps.max() >= 0x10000:
        return None
    word = _WORD_BMP[cps]
    edges = np.diff(np.concatenate([[False], word, [False]]).astype(np.int8))
    starts = np.flatnonzero(edges == 1).astype(np.int32)
    ends = np.flatnonzero(edges == -1).astype(np.int32)
    tokens = TOKEN_RE.findall(low)
    if len(tokens) != len(starts):
        return None
    n_word = int(word.sum())
    plain = n_word >= 200 and int((cps[word] > 127).sum()) < 0.01 * n_word
    return starts, ends, tokens, plain


def is_plain(text: str) -> bool:
    """True when a report was typed without diacritics (under 1% of its word characters outside ASCII)."""
    word = [c for c in text if c.isalnum()]
    return len(word) >= 200 and sum(1 for c in word if ord(c) > 127) < 0.01 * len(word)


def make_rep(
    doc_id: str,
    text: str,
    vocab: Vocab,
    excluded: list[tuple[int, int]] | None = None,
) -> DocRep:
    """Tokenise ``text``; tokens inside ``excluded`` char spans are marked not comparable."""
    fast = _token_spans(text)
    if fast is not None:
        starts, ends, tokens, plain = fast
    else:
        plain = is_plain(text)
        spans = [(m.start(), m.end(), m.group().lower()) for m in TOKEN_RE.finditer(text)]
        starts = np.array([x[0] for x in spans], dtype=np.int32)
        ends = np.array([x[1] for x in spans], dtype=np.int32)
        tokens = [x[2] for x in spans]
    ids, nids, sids = vocab.encode(tokens)
    n = len(tokens)
    comparable = np.ones(n, dtype=bool)
    for a, b in excluded or ():
        lo, hi = np.searchsorted(starts, a, side="left"), np.searchsorted(starts, b, side="left")
        comparable[lo:hi] = False
    seg_lo, seg_hi = _segment_bounds(text, starts)
    return DocRep(
        doc_id=doc_id,
        text=text,
        starts=starts,
        ends=ends,
        ids=ids,
        nids=nids,
        sids=sids,
        seg_lo=seg_lo,
        seg_hi=seg_hi,
        comparable=comparable,
        plain=plain,
    )


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser (uint64 arithmetic wraps)."""
    h = h ^ (h >> np.uint64(30))
    h = h * _MUL
    h = h ^ (h >> np.uint64(27))
    h = h * _MUL2
    return h ^ (h >> np.uint64(31))


def shingle_hashes(key_ids: np.ndarray, hashes: np.ndarray, k: int) -> np.ndarray:
    """Hash of every run of ``k`` consecutive keys (``len - k + 1`` values, uint64)."""
    n = len(key_ids) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    hv = hashes[key_ids]
    h = hv[:n].copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            h = h * _MIX + hv[j : j + n]
        return _mix(h + np.uint64(k))


def valid_shingles(mask: np.ndarray, k: int) -> np.ndarray:
    """Bool per shingle start: all ``k`` tokens of the shingle have ``mask`` set."""
    n = len(mask) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=bool)
    c = np.concatenate([[0], np.cumsum(mask.astype(np.int32))])
    return (c[k : k + n] - c[:n]) == k


def cover(starts_hit: np.ndarray, n_tokens: int, k: int) -> np.ndarray:
    """Bool per token: covered by one of the shingles starting at ``starts_hit``."""
    if not len(starts_hit):
        return np.zeros(n_tokens, dtype=bool)
    diff = np.bincount(starts_hit, minlength=n_tokens + 1) - np.bincount(
        np.minimum(starts_hit + k, n_tokens), minlength=n_tokens + 1
    )
    return np.cumsum(diff[:-1]) > 0

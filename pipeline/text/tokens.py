"""Sentences and word segmentation (underthesea), cached by text hash.

``sent_tokenize`` does not split on newlines, so each line (a Word paragraph) is split on its
own. ``word_tokenize`` returns normalised tokens that are not always substrings of the input,
so offsets come from the sentence spans in our own normalised text, and tokens are kept as a
separate string (words joined by spaces, syllables of a word by ``_``).

The cache holds one JSON file per text hash (sharded folders, atomic writes), so a rerun or a
parallel worker never tokenizes the same text twice and never reads a half-written entry.

Within a process, underthesea's calls are memoised (bounded LRU, :class:`SegmentMemo`): the
sentence split of a line and the word segmentation of a sentence piece are pure functions of
that string, so a stock sentence or a copied paragraph met again in another report is not
segmented again, and the output cannot change. ``SOI_TOKEN_MEMO=0`` switches the memo off
(for measuring it), another number sets its size in entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from pipeline.modelio import atomic_write_bytes

#: Bump when the tokenization output format changes: old cache entries are then ignored.
CACHE_VERSION = 1
_SENT_FALLBACK_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZĐÀ-Ỹ\-+])")

Sentence = tuple[int, int, str]  # (start, end, tokens)


#: Entries kept per memo (sentence pieces and lines, each): ~1 KB per entry with its tokens, so
#: at most ~40 MB per process. A batch's stock sentences and copied paragraphs recur within a few
#: hundred reports, far inside this bound.
MEMO_ENTRIES = 20_000


class SegmentMemo:
    """A bounded least-recently-used memo of a pure function of one string, with hit counts.

    ``chars_hit`` / ``chars_seen`` count the characters of the keys looked up, so the share of
    text that did not need underthesea can be reported (see benchmarks/scale/memo.py).
    """

    def __init__(self, func: Callable[[str], object], entries: int) -> None:
        self.func = func
        self.entries = entries
        self._store: OrderedDict[str, object] = OrderedDict()
        self.hits = self.misses = self.chars_hit = self.chars_seen = 0

    def __call__(self, key: str) -> object:
        self.chars_seen += len(key)
        if self.entries <= 0:
            self.misses += 1
            return self.func(key)
        try:
            value = self._store[key]
        except KeyError:
            self.misses += 1
            value = self._store[key] = self.func(key)
            if len(self._store) > self.entries:
                self._store.popitem(last=False)
            return value
        self._store.move_to_end(key)
        self.hits += 1
        self.chars_hit += len(key)
        return value

    def stats(self) -> dict[str, int]:
        """Lookups, hits and characters (seen, hit) since the process started."""
        return {
            "hits": self.hits,
            "misses": self.misses,
            "chars_hit": self.chars_hit,
            "chars_seen": self.chars_seen,
        }


def _memo_entries() -> int:
    try:
        return int(os.environ.get("SOI_TOKEN_MEMO", MEMO_ENTRIES))
    except ValueError:
        return MEMO_ENTRIES


def _split_line(line: str) -> tuple[str, ...]:
    """underthesea's sentence split of one line (a regex split if underthesea fails on it)."""
    from underthesea import sent_tokenize

    try:
        return tuple(sent_tokenize(line))
    except Exception:
        return tuple(_SENT_FALLBACK_RE.split(line))


def _segment(piece: str) -> str:
    """underthesea's word segmentation of one sentence piece (words joined by spaces)."""
    from underthesea import word_tokenize

    return str(word_tokenize(piece, format="text"))


#: Per-process memos of the two underthesea calls (a worker process has its own, inherited
#: empty or warm from the parent when forked).
LINE_MEMO = SegmentMemo(_split_line, _memo_entries())
PIECE_MEMO = SegmentMemo(_segment, _memo_entries())


def memo_stats() -> dict[str, dict[str, int]]:
    """Hit counts of this process's line and piece memos."""
    return {"lines": LINE_MEMO.stats(), "pieces": PIECE_MEMO.stats()}


def default_cache_dir() -> Path:
    return Path(os.environ.get("SOI_CACHE", Path.cwd() / ".soi-cache")) / "tokens"


def _underthesea_version() -> str:
    try:
        from importlib.metadata import version

        return version("underthesea")
    except Exception:
        return "unknown"


class Tokenizer:
    """Splits normalised text into sentences with word-segmented tokens.

    Parameters
    ----------
    cache_dir:
        Folder of the token cache; None disables caching.
    segment_words:
        False skips underthesea word segmentation (tokens are then syllables): for speed in
        stages that do not need words.
    """

    def __init__(self, cache_dir: Path | None = None, segment_words: bool = True) -> None:
        self.cache_dir = cache_dir
        self.segment_words = segment_words
        self._key_suffix = f"v{CACHE_VERSION}-{_underthesea_version()}-{int(segment_words)}"
        self.hits = 0
        self.misses = 0

    def _path(self, text: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256((self._key_suffix + "\0" + text).encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def sentences(self, text: str) -> list[Sentence]:
        """(start, end, tokens) for each sentence of ``text``; offsets index ``text``."""
        path = self._path(text)
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self.hits += 1
                return [(int(a), int(b), str(t)) for a, b, t in data]
            except (ValueError, OSError):
                pass  # a damaged entry is recomputed
        self.misses += 1
        result = self._compute(text)
        if path is not None:
            atomic_write_bytes(path, json.dumps(result, ensure_ascii=False).encode("utf-8"))
        return result

    def _compute(self, text: str) -> list[Sentence]:
        out: list[Sentence] = []
        pos = 0
        for line in text.split("\n"):
            line_start = pos
            pos += len(line) + 1
            if not line.strip():
                continue
            pieces: tuple[str, ...] = LINE_MEMO(line)  # type: ignore[assignment]
            cursor = 0
            for piece in pieces:
                piece = piece.strip()
                if not piece:
                    continue
                idx = line.find(piece, cursor)
                if idx < 0:  # underthesea altered the text: fall back to the rest of the line
                    idx = cursor
                    piece = line[cursor:].strip()
                start, end = line_start + idx, line_start + idx + len(piece)
                cursor = idx + len(piece)
                tokens = str(PIECE_MEMO(piece)) if self.segment_words else piece
                out.append((start, end, tokens))
        return out

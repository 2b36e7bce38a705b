"""Sentences and word segmentation (underthesea), cached by text hash.

``sent_tokenize`` does not split on newlines, so each line (a Word paragraph) is split on its
own. ``word_tokenize`` returns normalised tokens that are not always substrings of the input,
so offsets come from the sentence spans in our own normalised text, and tokens are kept as a
separate string (words joined by spaces, syllables of a word by ``_``).

The cache holds one JSON file per text hash (sharded folders, atomic writes), so a rerun or a
parallel worker never tokenizes the same text twice and never reads a half-written entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from pipeline.modelio import atomic_write_bytes

#: Bump when the tokenization output format changes: old cache entries are then ignored.
CACHE_VERSION = 1
_SENT_FALLBACK_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZĐÀ-Ỹ\-+])")

Sentence = tuple[int, int, str]  # (start, end, tokens)


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
        from underthesea import sent_tokenize, word_tokenize

        out: list[Sentence] = []
        pos = 0
        for line in text.split("\n"):
            line_start = pos
            pos += len(line) + 1
            if not line.strip():
                continue
            try:
                pieces = sent_tokenize(line)
            except Exception:
                pieces = _SENT_FALLBACK_RE.split(line)
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
                tokens = word_tokenize(piece, format="text") if self.segment_words else piece
                out.append((start, end, tokens))
        return out

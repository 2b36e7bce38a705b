"""How much word segmentation the tokenizer's memo saves on a set of reports.

    .venv/bin/python benchmarks/scale/memo.py corpora/labelled/blind corpora/labelled/blind2 \\
        --manifest /tmp/soi-bench/batch-1000/manifest-1000.csv

For each set (a folder searched for .docx/.txt/.md, or a manifest's files): every report is read
and normalised as the screen does (``pipeline.prepare.prepare_file``), then split into sentences
and segmented by :class:`pipeline.text.tokens.Tokenizer` three ways, timed on CPU:

- one memo for the whole set (a serial screen, or one worker process);
- one memo per worker, reports dealt to the workers in chunks as ``LocalEngine`` deals them
  (``--workers``, default 2): the share a screen on that many processes can expect;
- memo off (every piece goes to underthesea: what the floor does), last.

Printed per set: the pieces and characters found in the memo, and the CPU seconds of each way.
Counts only; no report text is printed (the blind sets must stay unread).
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path
from typing import Any

from pipeline.engine.local import chunk_size
from pipeline.ingest.readers import IngestError
from pipeline.prepare import prepare_file
from pipeline.screen import collect_inputs, default_segmenter
from pipeline.text import tokens
from pipeline.text.tokens import SegmentMemo, Tokenizer


def texts_of(source: Path) -> list[str]:
    """Normalised texts of a folder's reports or of a manifest's files (unreadable ones skipped)."""
    if source.suffix == ".csv":
        with source.open(encoding="utf-8") as fh:
            files = [source.parent / r["path"] for r in csv.DictReader(fh)]
    else:
        files = collect_inputs([source])
    out = []
    for f in files:
        try:
            out.append(prepare_file(f, None, default_segmenter()).text)
        except IngestError:
            continue
    return out


def tokenize(texts: list[str], memos: int, entries: int) -> dict[str, Any]:
    """Tokenize ``texts`` with ``memos`` separate memos (reports dealt in engine-sized chunks)."""
    size = chunk_size(len(texts), memos, 16)
    lines = [SegmentMemo(tokens._split_line, entries) for _ in range(memos)]
    pieces = [SegmentMemo(tokens._segment, entries) for _ in range(memos)]
    t = time.process_time()
    for k, text in enumerate(texts):
        w = (k // size) % memos
        tokens.LINE_MEMO, tokens.PIECE_MEMO = lines[w], pieces[w]
        Tokenizer(None).sentences(text)
    cpu = time.process_time() - t
    stats = {key: sum(m.stats()[key] for m in pieces) for key in pieces[0].stats()}
    looked = stats["hits"] + stats["misses"]
    return {
        "cpu_s": round(cpu, 2),
        "pieces": looked,
        "piece_hit_share": round(stats["hits"] / looked, 4) if looked else 0.0,
        "char_hit_share": round(stats["chars_hit"] / stats["chars_seen"], 4) if stats["chars_seen"] else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="*", type=Path, help="folders of reports")
    ap.add_argument("--manifest", type=Path, action="append", default=[], help="a manifest's files")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    saved = tokens.LINE_MEMO, tokens.PIECE_MEMO
    tokenize(["Xin chào."], 1, 0)  # load underthesea before timing
    for source in [*args.sources, *args.manifest]:
        texts = texts_of(source)
        row: dict[str, Any] = {"set": str(source), "reports": len(texts)}
        # memo off last: any warm-up inside underthesea then favours it, not the memo
        row["one_memo"] = tokenize(texts, 1, tokens.MEMO_ENTRIES)
        row[f"memo_per_worker_{args.workers}"] = tokenize(texts, args.workers, tokens.MEMO_ENTRIES)
        row["memo_off"] = tokenize(texts, 1, 0)
        print(json.dumps(row), flush=True)
    tokens.LINE_MEMO, tokens.PIECE_MEMO = saved


if __name__ == "__main__":
    main()

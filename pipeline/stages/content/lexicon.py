"""A keyword-lexicon baseline for the content findings (for evaluation only, never run by ``soi screen``).

The rules a reviewer would write first:

* missing_ideology / missing_ethics: no sentence of at least 6 syllables in part I (or anywhere,
  when the report has no recognised sections) contains a keyword of the topic;
* unquantified_results: no sentence of the duties / leadership (targets) sections contains a figure
  (list numbering at the start of a line does not count);
* generic_weaknesses: no sentence of the weaknesses section contains a figure;
* no_collective_responsibility (leaders with a collective report of the same unit and year): no
  sentence of the leader's collective-responsibility or weaknesses sections shares at least a
  third of its content words with a shortcoming of the collective report.

The benchmark (benchmarks/content) runs it on the same batches as the stage.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.model import Batch
from pipeline.stages.content.collective import content_key

IDEOLOGY_KEYWORDS: tuple[str, ...] = (
    "chính trị",
    "mác",
    "lênin",
    "hồ chí minh",
    "nghị quyết",
    "lý luận",
    "đường lối",
    "chủ trương",
    "tư tưởng",
    "lập trường",
    "lãnh đạo của đảng",
    "chủ nghĩa xã hội",
    "xã hội chủ nghĩa",
    "tự diễn biến",
    "sai trái",
    "thù địch",
    "xuyên tạc",
    "niềm tin",
    "trung thành",
    "kiên định",
)
ETHICS_KEYWORDS: tuple[str, ...] = (
    "đạo đức",
    "lối sống",
    "giản dị",
    "trung thực",
    "đoàn kết",
    "gia đình",
    "lành mạnh",
    "tệ nạn",
    "phong bì",
    "quà",
    "vụ lợi",
    "trục lợi",
    "cơ hội",
    "tiết kiệm",
    "lãng phí",
    "văn hóa",
    "nêu gương",
)
PART_ONE = {"ideology", "ethics", "discipline", "working_style", "duties", "leadership", "commitment"}
_LEADING_NUMBER = re.compile(r"^\s*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)/:-]\s*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low) for w in words)


def _has_figure(text: str) -> bool:
    return bool(_DIGIT.search(_LEADING_NUMBER.sub("", text, count=1)))


def lexicon_findings(batch: Batch) -> pd.DataFrame:
    """doc_id, finding, flag for the five content findings (the baseline's decisions)."""
    rows: list[dict[str, Any]] = []
    sents = batch.sentences.copy()
    sents["parts"] = [set(str(s).split(schema.MERGE_SEP)) for s in sents["section"]]
    sents["syl"] = [len(_WORD.findall(str(t))) for t in sents["text"]]
    by_doc = {d: g for d, g in sents.groupby("doc_id", sort=False)}
    docs = batch.documents
    for doc in docs.itertuples(index=False):
        g = by_doc.get(doc.doc_id, sents.iloc[0:0])
        sectioned = any(p - {"header", "other"} for p in g["parts"])
        part1 = g[g["parts"].map(lambda p: bool(p & PART_ONE))] if sectioned else g
        long1 = part1[part1["syl"] >= 6]
        individual = doc.kind == "individual"
        for finding, words in (("missing_ideology", IDEOLOGY_KEYWORDS), ("missing_ethics", ETHICS_KEYWORDS)):
            flag = int(individual and not any(_has_any(t, words) for t in long1["text"]))
            rows.append({"doc_id": doc.doc_id, "finding": finding, "flag": flag})
        res_parts = {"targets"} if not individual else {"duties", "leadership"}
        res = g[g["parts"].map(lambda p, rp=res_parts: bool(p & rp))]
        rows.append(
            {
                "doc_id": doc.doc_id,
                "finding": "unquantified_results",
                "flag": int(not any(_has_figure(t) for t in res["text"])),
            }
        )
        weak = g[g["parts"].map(lambda p: "weaknesses" in p)]
        rows.append(
            {
                "doc_id": doc.doc_id,
                "finding": "generic_weaknesses",
                "flag": int(not any(_has_figure(t) for t in weak["text"])),
            }
        )
        rows.append(
            {
                "doc_id": doc.doc_id,
                "finding": "no_collective_responsibility",
                "flag": _collective_flag(doc, docs, by_doc),
            }
        )
    return pd.DataFrame(rows)


def _collective_flag(doc: Any, docs: pd.DataFrame, by_doc: dict[str, pd.DataFrame]) -> int:
    if doc.kind != "individual" or doc.role != "leader" or not str(doc.unit or ""):
        return 0
    same = docs[(docs["kind"] == "collective") & (docs["unit"] == doc.unit) & (docs["year"] == doc.year)]
    shortcomings: list[set[str]] = []
    for cid in same["doc_id"]:
        cg = by_doc.get(cid)
        if cg is None:
            continue
        for t in cg.loc[cg["parts"].map(lambda p: "weaknesses" in p), "text"]:
            words = set(content_key(str(t)).split())
            if len(words) >= 3:
                shortcomings.append(words)
    if not shortcomings:
        return 0
    g = by_doc.get(doc.doc_id)
    if g is None:
        return 1
    mine = [
        set(content_key(str(t)).split())
        for t in g.loc[
            g["parts"].map(lambda p: bool(p & {"collective_responsibility", "weaknesses"})), "text"
        ]
    ]
    for c in shortcomings:
        for m in mine:
            if m and len(c & m) / len(c) >= 1 / 3:
                return 0
    return 1

"""The content stage: required topics, generic weaknesses, unquantified results, collective responsibility.

For every document it appends one row per finding (:data:`ContentStage.provides`) to
``batch.findings``; thresholds and model identities go to ``batch.params["content"]``.

Sentence level (models in models/, see models/CONTENT.md):

* ``content_dimension``: P(dimension | sentence text), 14 dimensions. The section heading is one
  more feature, applied as a log-linear prior: the probability of each dimension the heading names
  is multiplied by ``exp(heading_weight)`` and the row renormalised. Headings lie (an
  "ideology" heading over attendance and dues), so the text must also speak to the topic on its own
  (``text_floor``).
* ``content_quality``: P(substantive | sentence) (used to rank evidence and in details).
* ``content_results``: P(quantified | result statement).
* ``content_weaknesses``: P(specific | weakness statement).

Document level (scores in 0-1, flags at the thresholds of :class:`ContentParams`):

* missing_ideology / missing_ethics (individual reports): evidence of a sentence = its combined
  probability of the topic, counted only when its text alone gives the topic at least
  ``text_floor`` and it has at least ``min_syllables`` syllables (a bare heading, "Bản thân đảm
  bảo.", "Tốt." are not content). score = 1 - max evidence; flag when max evidence < threshold.
  Collective reports: not applicable (flag 0, score 0).
* unquantified_results: result statements = sentences of the duties / leadership sections
  (targets for collective reports) and part-I sentences whose combined dimension is
  duties_results or leadership; score = 1 - max P(quantified); flag when that max < threshold.
* generic_weaknesses: statements of the weaknesses section (split at ';'), causes excluded;
  score = 1 - max P(specific); flag when that max < threshold, or when no weakness is stated.
* no_collective_responsibility (leaders' individual reports with a collective report of the
  same unit and year in the batch): score = 1 - best link similarity of any collective
  shortcoming (:mod:`collective`); flag when no shortcoming reaches ``link_threshold``. Not
  applicable (members, collective reports, no collective report in the batch): flag 0, score 0.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from pipeline import schema
from pipeline.model import Batch
from pipeline.modelio import ModelError, load_card, load_model
from pipeline.stages.content.collective import link_shortcomings, split_statements
from pipeline.stages.content.features import content_words, strip_heading
from pipeline.stages.content.models import (
    DIMENSION_MODEL,
    LINK_MODEL,
    POSITIVE,
    QUALITY_MODEL,
    RESULTS_MODEL,
    WEAKNESS_MODEL,
)

log = logging.getLogger(__name__)

#: Section label part -> the sentence dimension a heading of that section announces.
SECTION_TO_DIMENSION: dict[str, str] = {
    "ideology": "ideology",
    "ethics": "ethics_lifestyle",
    "discipline": "discipline",
    "working_style": "working_style",
    "duties": "duties_results",
    "leadership": "leadership",
    "commitment": "commitment",
    "weaknesses": "weakness",
    "causes": "cause",
    "remedy_earlier": "remedy_earlier",
    "collective_responsibility": "collective_responsibility",
    "plan": "plan",
    "self_rating": "rating",
    "other": "other",
    # collective reports
    "principles": "discipline",
    "targets": "duties_results",
    "party_building": "ideology",
    "political_task": "leadership",
}

#: Part I of an individual report: where ideology / ethics / results content is looked for.
PART_ONE: frozenset[str] = frozenset(
    {"ideology", "ethics", "discipline", "working_style", "duties", "leadership", "commitment"}
)
RESULT_SECTIONS_INDIVIDUAL: frozenset[str] = frozenset({"duties", "leadership"})
RESULT_SECTIONS_COLLECTIVE: frozenset[str] = frozenset({"targets"})
LEADER_LINK_SECTIONS: frozenset[str] = frozenset({"collective_responsibility", "weaknesses", "explanations"})

TOPICS: dict[str, tuple[str, str, str]] = {
    # finding: (dimension, section label, Vietnamese name used in reasons)
    "missing_ideology": ("ideology", "ideology", "tư tưởng chính trị"),
    "missing_ethics": ("ethics_lifestyle", "ethics", "đạo đức, lối sống"),
}

EXCELLENT = "hoan_thanh_xuat_sac"


@dataclass
class ContentParams:
    """Every threshold of the stage (recorded in run.json). Values chosen on generated variant-a
    batches (train side); how and why: models/CONTENT.md, benchmarks/content/tune.py."""

    heading_weight: float = 1.5  # log-odds bonus of the dimensions a sentence's heading names
    text_floor: float = 0.15  # P(topic | text alone) a sentence needs before the heading may help
    min_syllables: int = 5  # shorter sentences (after the heading) are formal clauses, not content
    ideology_threshold: float = 0.5  # flag missing_ideology when the best evidence is below this
    ethics_threshold: float = 0.5
    results_threshold: float = 0.5  # flag unquantified_results when max P(quantified) < this
    weakness_threshold: float = 0.5  # flag generic_weaknesses when max P(specific) < this
    result_dimension_min: float = 0.5  # a part-I sentence outside the duties sections counts as a result statement above this
    cause_exclude_min: float = 0.5  # a sentence in a weaknesses section is a cause, not a weakness, above this
    link_threshold: float = 0.35  # a collective shortcoming is taken on at this similarity


class ContentStage:
    """Stage ``content`` (see the module docstring)."""

    name = "content"
    provides = (
        "missing_ideology",
        "missing_ethics",
        "generic_weaknesses",
        "unquantified_results",
        "no_collective_responsibility",
    )

    def __init__(self, params: ContentParams | None = None, models: dict[str, Any] | None = None, **overrides: Any) -> None:
        self.params = params or ContentParams()
        for k, v in overrides.items():
            if not hasattr(self.params, k):
                raise TypeError(f"unknown content parameter {k!r}")
            setattr(self.params, k, v)
        self._models = models
        #: Per-document intermediate results of the last run (for evaluation scripts).
        self.last_run: dict[str, Any] = {}

    # --- models ---------------------------------------------------------------------------------
    def models(self) -> dict[str, Any]:
        """The five fitted models, loaded once (a missing model raises ModelError: run `soi train`)."""
        if self._models is None:
            self._models = _load_models()
        return self._models

    # --- run ------------------------------------------------------------------------------------
    def run(self, batch: Batch) -> None:
        t0 = time.perf_counter()
        models = self.models()
        docs = batch.documents.reset_index(drop=True)
        sents = batch.sentences.reset_index(drop=True) if len(batch.sentences) else batch.sentences
        table = _sentence_table(batch, sents)
        scored = self._score_sentences(table, models)
        kinds = dict(zip(docs["doc_id"].astype(str), docs["kind"].astype(str), strict=True))
        scored = self._score_results(scored, kinds, models)
        by_doc = {d: g for d, g in scored.groupby("doc_id", sort=False)} if len(scored) else {}
        statements = self._score_weaknesses(by_doc, models)
        rows: list[dict[str, Any]] = []
        details: dict[str, Any] = {}
        for doc in docs.itertuples(index=False):
            g = by_doc.get(str(doc.doc_id))
            if g is None:
                g = scored.iloc[0:0]
            doc_rows, info = self._document(doc, g, docs, by_doc, statements)
            rows.extend(doc_rows)
            details[str(doc.doc_id)] = info
        _excellent_note(rows, docs)
        batch.add_findings(rows)
        batch.params[self.name] = {
            **asdict(self.params),
            "models": {n: _card_id(n) for n in (DIMENSION_MODEL, QUALITY_MODEL, RESULTS_MODEL, WEAKNESS_MODEL, LINK_MODEL)},
            "score_units": {
                "missing_ideology": "1 - best topic evidence (combined dimension probability of a contentful sentence)",
                "missing_ethics": "1 - best topic evidence",
                "unquantified_results": "1 - max P(quantified) over result statements",
                "generic_weaknesses": "1 - max P(specific) over weakness statements (1 when none is stated)",
                "no_collective_responsibility": "1 - best similarity of a collective shortcoming to the leader's statements; 0 when not applicable",
            },
            "sentence_numbers_in_reasons": "câu N = sent_idx N-1 (1-based); details list 0-based sent_idx",
            "seconds": round(time.perf_counter() - t0, 3),
        }
        self.last_run = {"sentences": scored, "documents": details}

    # --- sentence scoring -----------------------------------------------------------------------
    def _score_sentences(self, table: pd.DataFrame, models: dict[str, Any]) -> pd.DataFrame:
        p = self.params
        if not len(table):
            return table.assign(dim_text="", dim="", topic_ideology=0.0, topic_ethics=0.0, substantive=0.0)
        dim_model = models[DIMENSION_MODEL]
        classes = [str(c) for c in dim_model.classes_]
        frame = table[["text", "tokens"]]
        proba_text = np.asarray(dim_model.predict_proba(frame), dtype=float)
        bonus = np.zeros_like(proba_text)
        col = {c: i for i, c in enumerate(classes)}
        for r, (label, has_heading) in enumerate(zip(table["section"], table["has_heading"], strict=True)):
            if not has_heading:
                continue
            for part in str(label).split(schema.MERGE_SEP):
                d = SECTION_TO_DIMENSION.get(part)
                if d in col:
                    bonus[r, col[d]] = p.heading_weight
        combined = proba_text * np.exp(bonus)
        combined /= combined.sum(axis=1, keepdims=True)
        out = table.copy()
        out["dim_text"] = [classes[i] for i in proba_text.argmax(axis=1)]
        out["dim"] = [classes[i] for i in combined.argmax(axis=1)]
        for d in ("ideology", "ethics_lifestyle", "duties_results", "leadership", "cause", "weakness"):
            out[f"p_text_{d}"] = proba_text[:, col[d]]
            out[f"p_{d}"] = combined[:, col[d]]
        qual = models[QUALITY_MODEL]
        k = list(qual.classes_).index(POSITIVE[QUALITY_MODEL])
        out["substantive"] = np.asarray(qual.predict_proba(frame), dtype=float)[:, k]
        return out

    def _score_results(self, scored: pd.DataFrame, kinds: dict[str, str], models: dict[str, Any]) -> pd.DataFrame:
        """Mark result statements and give them P(quantified), in one model call for the batch."""
        p = self.params
        out = scored.copy()
        out["is_result"] = False
        out["p_quantified"] = 0.0
        if not len(out):
            return out
        collective = out["doc_id"].astype(str).map(kinds).eq("collective")
        parts = out["parts"]
        in_sections = np.where(
            collective,
            parts.map(lambda s: bool(s & RESULT_SECTIONS_COLLECTIVE)),
            parts.map(lambda s: bool(s & RESULT_SECTIONS_INDIVIDUAL)),
        )
        lead_like = out["dim"].isin(["duties_results", "leadership"]) & (
            np.maximum(out["p_duties_results"], out["p_leadership"]) >= p.result_dimension_min
        )
        part_one = parts.map(lambda s: bool(s & PART_ONE)) | out["unsectioned"]
        mask = (in_sections | (~collective & part_one & lead_like)) & out["content"] & (out["syllables"] >= 3)
        out["is_result"] = mask
        if mask.any():
            out.loc[mask, "p_quantified"] = _positive_proba(models[RESULTS_MODEL], out[mask], RESULTS_MODEL)
        return out

    def _score_weaknesses(self, by_doc: dict[str, pd.DataFrame], models: dict[str, Any]) -> dict[str, list[tuple[int, str, float]]]:
        """Each document's weakness statements with P(specific), in one model call for the batch."""
        p = self.params
        items: list[tuple[str, int, str, str]] = []
        for doc_id, g in by_doc.items():
            items.extend((doc_id, i, text, toks) for i, text, toks in _weakness_statements(g, p))
        out: dict[str, list[tuple[int, str, float]]] = {d: [] for d in by_doc}
        if not items:
            return out
        frame = pd.DataFrame({"text": [t for _, _, t, _ in items], "tokens": [k for _, _, _, k in items]})
        probs = _positive_proba(models[WEAKNESS_MODEL], frame, WEAKNESS_MODEL)
        for (doc_id, i, text, _), q in zip(items, probs, strict=True):
            out[doc_id].append((i, text, float(q)))
        return out

    # --- one document ---------------------------------------------------------------------------
    def _document(
        self,
        doc: Any,
        g: pd.DataFrame,
        docs: pd.DataFrame,
        by_doc: dict[str, pd.DataFrame],
        statements: dict[str, list[tuple[int, str, float]]],
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        p = self.params
        did = str(doc.doc_id)
        collective = str(doc.kind) == "collective"
        rows: list[dict[str, Any]] = []
        info: dict[str, Any] = {}
        body = g[g["content"]]
        in_part_one = body["parts"].map(lambda s: bool(s & PART_ONE)) | body["unsectioned"]

        # required topics
        for finding, (dim, section, name) in TOPICS.items():
            if collective:
                rows.append(_row(did, finding, 0, 0.0, "", "not applicable: collective report"))
                continue
            cand = body[in_part_one]
            ok = (cand[f"p_text_{dim}"] >= p.text_floor) & (cand["syllables"] >= p.min_syllables)
            evidence = cand[f"p_{dim}"].where(ok, 0.0)
            best = float(evidence.max()) if len(evidence) else 0.0
            threshold = p.ideology_threshold if finding == "missing_ideology" else p.ethics_threshold
            flag = int(best < threshold)
            headed = g[g["parts"].map(lambda s, sec=section: sec in s)]
            if flag:
                reason = _topic_reason(name, headed)
                detail = ";".join(str(i) for i in headed["sent_idx"])
            else:
                ev = cand[evidence >= threshold].sort_values(f"p_{dim}", ascending=False)
                reason = ""
                stock_only = bool((ev["substantive"] < 0.5).all())
                detail = ";".join(str(i) for i in sorted(ev["sent_idx"])) + (";stock_only" if stock_only else "")
            rows.append(_row(did, finding, flag, round(1.0 - best, 4), reason, detail))
            info[finding] = {"best": best}

        # results
        res = g[g["is_result"]]
        pq = res["p_quantified"].to_numpy(dtype=float)
        best_q = float(pq.max()) if len(pq) else 0.0
        flag = int(best_q < p.results_threshold)
        idx = [int(i) for i in res["sent_idx"]]
        if flag:
            where = "kết quả thực hiện chỉ tiêu, nhiệm vụ" if collective else "kết quả thực hiện nhiệm vụ"
            reason = (
                f"Phần {where} không có số liệu, sản phẩm cụ thể ({_sent_ref(idx)})"
                if idx
                else f"Không có phần {where}"
            )
            detail = ";".join(map(str, idx))
        else:
            reason = ""
            detail = ";".join(str(i) for i, q in zip(idx, pq, strict=True) if q >= p.results_threshold)
        rows.append(_row(did, "unquantified_results", flag, round(1.0 - best_q, 4), reason, detail))
        info["unquantified_results"] = {"best": best_q, "n": len(idx)}

        # weaknesses
        stated = statements.get(did, [])
        best_s = max((q for _, _, q in stated), default=0.0)
        flag = int(best_s < p.weakness_threshold)
        widx = sorted({i for i, _, _ in stated})
        if flag:
            reason = (
                f"Hạn chế, khuyết điểm nêu ra chỉ là những điều chung chung, không chỉ rõ việc, số liệu, thời điểm ({_sent_ref(widx)})"
                if stated
                else "Không nêu hạn chế, khuyết điểm cụ thể nào"
            )
            detail = ";".join(map(str, widx))
        else:
            reason = ""
            detail = ";".join(str(i) for i in sorted({i for i, _, q in stated if q >= p.weakness_threshold}))
        rows.append(_row(did, "generic_weaknesses", flag, round(1.0 - best_s, 4), reason, detail))
        info["generic_weaknesses"] = {"best": best_s, "n": len(stated)}

        # collective responsibility
        rows.append(self._collective(doc, g, docs, by_doc, statements, info))
        return rows, info

    def _collective(
        self,
        doc: Any,
        g: pd.DataFrame,
        docs: pd.DataFrame,
        by_doc: dict[str, pd.DataFrame],
        statements: dict[str, list[tuple[int, str, float]]],
        info: dict[str, Any],
    ) -> dict[str, Any]:
        p = self.params
        did = str(doc.doc_id)
        if str(doc.kind) != "individual" or str(doc.role) != "leader":
            return _row(did, "no_collective_responsibility", 0, 0.0, "", "not applicable: not a leader's individual report")
        unit = _unit_key(doc.unit)
        same = docs[
            (docs["kind"] == "collective")
            & (docs["unit"].map(_unit_key) == unit)
            & (docs["year"].astype("Int64") == _as_int(doc.year))
        ] if unit else docs.iloc[0:0]
        if not len(same):
            return _row(did, "no_collective_responsibility", 0, 0.0, "", "not applicable: no collective report of the same unit and year in the batch")
        shortcomings: list[tuple[str, int, str]] = []
        for cid in same["doc_id"].astype(str):
            for idx, text, _ in statements.get(cid, []):
                shortcomings.append((cid, idx, text))
        if not shortcomings:
            return _row(did, "no_collective_responsibility", 0, 0.0, "", "not applicable: the collective report states no shortcoming")
        body = g[g["content"]]
        leader = body[body["parts"].map(lambda s: bool(s & LEADER_LINK_SECTIONS))]
        links = link_shortcomings(
            shortcomings, list(zip(leader["sent_idx"], leader["text"], strict=True)), self.models()[LINK_MODEL]
        )
        best = max(lk.similarity for lk in links)
        unanswered = [lk for lk in links if lk.similarity < p.link_threshold]
        flag = int(best < p.link_threshold)
        info["no_collective_responsibility"] = {"best": best, "links": [asdict(lk) for lk in links]}
        detail = ";".join(f"{lk.coll_doc_id}:{lk.coll_sent_idx}" for lk in unanswered)
        if flag:
            quotes = "; ".join(f'"{_short(lk.text, 60)}"' for lk in unanswered[:3])
            more = f" và {len(unanswered) - 3} hạn chế khác" if len(unanswered) > 3 else ""
            has_section = bool(len(g[g["parts"].map(lambda s: "collective_responsibility" in s)]))
            how = "chỉ nhận trách nhiệm chung chung" if has_section and len(leader) else "không nhận phần trách nhiệm nào"
            reason = (
                f"Báo cáo tập thể nêu {len(links)} hạn chế, bản kiểm điểm của người lãnh đạo {how}: {quotes}{more}"
            )
        else:
            reason = ""
        return _row(did, "no_collective_responsibility", flag, round(1.0 - best, 4), reason, detail)


# --- helpers ------------------------------------------------------------------------------------


def _load_models() -> dict[str, Any]:
    out = {}
    for name in (DIMENSION_MODEL, QUALITY_MODEL, RESULTS_MODEL, WEAKNESS_MODEL, LINK_MODEL):
        try:
            out[name] = load_model(name)
        except ModelError as exc:
            raise ModelError(f"content stage: {exc}. Run `soi train` to build the content models.") from exc
    return out


def _card_id(name: str) -> str:
    try:
        return str(load_card(name).get("sha256", ""))[:12]
    except ModelError:
        return "given"


def _row(doc_id: str, finding: str, flag: int, score: float, reason: str, detail: str) -> dict[str, Any]:
    return {"doc_id": doc_id, "finding": finding, "flag": int(flag), "score": float(score), "reason": reason, "detail": detail}


def _as_int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _unit_key(unit: Any) -> str:
    if unit is None or (isinstance(unit, float) and np.isnan(unit)):
        return ""
    return re.sub(r"\s+", " ", str(unit)).strip().lower()


def _short(text: str, n: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _sent_ref(idx: list[int]) -> str:
    """'câu 3-5, 9' from 0-based sentence indexes (shown 1-based)."""
    if not idx:
        return ""
    nums = sorted({i + 1 for i in idx})
    runs: list[tuple[int, int]] = []
    for n in nums:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return "câu " + ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in runs)


def _topic_reason(name: str, headed: pd.DataFrame) -> str:
    if not len(headed):
        return f"Không có câu nào nói về {name}"
    content = headed[headed["content"]]
    ref = _sent_ref([int(i) for i in headed["sent_idx"]])
    if not len(content) or (content["syllables"] < 5).all():
        return f"Mục {name} chỉ có tiêu đề hoặc câu hình thức, không có nội dung ({ref})"
    return f"Mục {name} không có câu nào nói về {name}, chỉ nói việc khác như sinh hoạt, đảng phí ({ref})"


def _positive_proba(model: Any, frame: pd.DataFrame, name: str) -> np.ndarray:
    k = list(model.classes_).index(POSITIVE[name])
    return np.asarray(model.predict_proba(frame[["text", "tokens"]]), dtype=float)[:, k]


def _weakness_statements(g: pd.DataFrame, p: ContentParams) -> list[tuple[int, str, str]]:
    """(sent_idx, statement, tokens) of a document's stated weaknesses."""
    if not len(g):
        return []
    in_section = g["parts"].map(lambda s: "weaknesses" in s) & g["content"]
    sel = g[in_section]
    if len(sel):
        merged = sel["parts"].map(lambda s: len(s) > 1)
        is_cause = merged & (sel["p_cause"] >= p.cause_exclude_min) & (sel["p_cause"] > sel["p_weakness"])
        sel = sel[~is_cause & ~sel["text"].str.match(r"(?i)\s*nguyên nhân")]
    else:
        rest = g[g["content"] & g["parts"].map(lambda s: not (s & PART_ONE))]
        sel = rest[(rest["dim"] == "weakness") & (rest["p_weakness"] >= 0.5)]
    out: list[tuple[int, str, str]] = []
    for row in sel.itertuples(index=False):
        pieces = split_statements(row.text)
        if len(pieces) <= 1:
            out.append((int(row.sent_idx), row.text, row.tokens))
        else:
            out.extend((int(row.sent_idx), piece, piece) for piece in pieces)
    return out


def _excellent_note(rows: list[dict[str, Any]], docs: pd.DataFrame) -> None:
    """A self-proposed 'Hoàn thành xuất sắc' with content findings: say so in their reasons."""
    excellent = set(docs.loc[docs["self_rating"] == EXCELLENT, "doc_id"].astype(str))
    for r in rows:
        if r["flag"] == 1 and r["doc_id"] in excellent and r["reason"]:
            reason = r["reason"]
            r["reason"] = "Tự nhận Hoàn thành xuất sắc nhiệm vụ nhưng " + reason[0].lower() + reason[1:]


def _sentence_table(batch: Batch, sents: pd.DataFrame) -> pd.DataFrame:
    """Sentences with their section parts, heading flag, heading-stripped text and syllable count."""
    cols = ["doc_id", "sent_idx", "start", "end", "section", "text", "tokens"]
    if not len(sents):
        return pd.DataFrame(columns=[*cols, "parts", "has_heading", "content", "syllables"])
    secs = batch.sections
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    if len(secs):
        for s in secs.itertuples(index=False):
            spans.setdefault(str(s.doc_id), []).append(
                (int(s.start), int(s.end), str(s.label), "" if pd.isna(s.heading) else str(s.heading))
            )
    texts, toks, has_heading, content = [], [], [], []
    for row in sents.itertuples(index=False):
        text = str(row.text)
        heading = ""
        for a, b, _lab, h in spans.get(str(row.doc_id), ()):
            if a <= int(row.start) < b:
                heading = h
                break
        stripped = strip_heading(text, heading) if heading else text
        is_heading_line = bool(heading) and _is_heading_sentence(text, heading, stripped)
        texts.append(stripped)
        toks.append(str(row.tokens) if stripped == text else _drop_syllables(str(row.tokens), content_words(text) - content_words(stripped)))
        has_heading.append(bool(heading))
        content.append(not is_heading_line)
    out = sents[cols].copy()
    out["text"] = texts
    out["tokens"] = toks
    out["parts"] = [frozenset(str(s).split(schema.MERGE_SEP)) for s in sents["section"]]
    sectioned = {d for d, parts in zip(out["doc_id"], out["parts"], strict=True) if parts - {"header", "other"}}
    out["unsectioned"] = ~out["doc_id"].isin(sectioned)
    out["has_heading"] = has_heading
    out["syllables"] = [content_words(t) for t in texts]
    out["content"] = [c and n > 0 and not _is_numbering(t) for c, n, t in zip(content, out["syllables"], texts, strict=True)]
    return out


def _drop_syllables(tokens: str, n: int) -> str:
    """``tokens`` without the words covering its first ``n`` syllables (the stripped heading)."""
    if n <= 0:
        return tokens
    words = tokens.split(" ")
    seen = 0
    for i, w in enumerate(words):
        if seen >= n:
            return " ".join(words[i:])
        seen += content_words(w.replace("_", " "))
    return ""


_NUMBERING_RE = re.compile(r"^\s*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)/:-]?\s*$", re.IGNORECASE)


def _is_numbering(text: str) -> bool:
    return bool(_NUMBERING_RE.match(text))


def _is_heading_sentence(text: str, heading: str, stripped: str) -> bool:
    """The sentence is (part of) the heading line itself, with no content after it."""
    head = heading.split(":", 1)[0].strip().lower()
    t = text.strip().rstrip(":").strip().lower()
    if not stripped.strip():
        return True
    return bool(t) and (t in head or head.endswith(t)) and ":" not in text.rstrip(": ")

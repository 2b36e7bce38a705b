"""The content stage: required topics, generic weaknesses, unquantified results, collective responsibility.

For every document it appends one row per finding (:data:`ContentStage.provides`) to
``batch.findings``; thresholds and model identities go to ``batch.params["content"]``.

Sentence level (models in models/, see models/CONTENT.md):

* ``content_dimension``: P(dimension | sentence text), 14 dimensions. The section heading is one
  more feature, applied as a log-linear prior: the probability of each dimension the heading names
  is multiplied by ``exp(heading_weight)`` and the row renormalised. Used to find result statements
  outside the duties sections and causes inside a merged weaknesses section.
* ``content_topic``: P(ideology | ethics_lifestyle | other), trained on the hand-labelled sentences
  plus generated variant-a sentences; used for the two required-topic findings.
* ``content_quality``: P(substantive | clause) of the topic clauses: a present topic whose evidence
  is all stock phrasing is marked ``stock_only`` in the finding's detail.
* ``content_results``: P(quantified | result statement).
* ``content_weaknesses``: P(specific | weakness statement).

Document level (scores in 0-1, flags at the thresholds of :class:`ContentParams`):

* missing_ideology / missing_ethics (individual reports): part-I sentences, and sentences anywhere
  else whose own text the dimension model assigns to ideology or ethics (headings get lost), are
  split at ';' into clauses; evidence of a clause = its topic probability with the same heading prior. Headings lie
  (an "ideology" heading over attendance and dues), so a clause counts only when its text alone
  gives the topic at least ``text_floor``, it has at least 3 syllables and its sentence at least
  ``min_syllables`` after the heading (a bare heading, "Bản thân đảm bảo.", "Tốt." are not content). score = 1 - max
  evidence; flag when max evidence < threshold. Collective reports: not applicable (flag 0, score 0).
* unquantified_results: result statements = sentences of the duties / leadership sections
  (targets for collective reports) and part-I sentences whose combined dimension is
  duties_results or leadership, minus sentences about attendance, commitment, plan, weakness ...;
  without any, the part-I sentences whose own text states work, and without those, such sentences
  anywhere in the report (results are never assumed absent). P(quantified) is the maximum over a
  statement's ';'-clauses, read with numbers in words as digits and with the bare figure cells of
  a flattened table appended; score = 1 - max P(quantified); flag when that max < threshold.
* generic_weaknesses: statements of the weaknesses section (split at ';'), causes excluded;
  score = 1 - max P(specific); flag when that max < threshold, or when no weakness is stated.
* no_collective_responsibility (leaders' individual reports with a collective report of the
  same unit and year in the batch): score = 1 - best link similarity of any collective
  shortcoming (:mod:`collective`); flag when no shortcoming reaches ``link_threshold``. Without
  that report in the batch, judged from the leader's own report: flag when it states shortcomings
  and its part V answers with a refusal or a formal clause (no sentence with
  P(collective_responsibility) >= ``responsibility_threshold``); the reason says it was judged
  without the collective report. Not applicable (members, collective reports, or no collective
  report and no part V / no stated shortcoming): flag 0, score 0.
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
from pipeline.engine.proba import chunked_proba
from pipeline.model import Batch
from pipeline.modelio import ModelError, ModelMissing, load_card, load_model
from pipeline.stages.content.collective import link_shortcomings, merge_fragments, split_statements
from pipeline.stages.content.features import content_words, spelled_numbers_to_digits
from pipeline.stages.content.models import (
    DIMENSION_MODEL,
    LINK_MODEL,
    POSITIVE,
    QUALITY_MODEL,
    RESULTS_MODEL,
    TOPIC_CLASSES,
    TOPIC_MODEL,
    WEAKNESS_MODEL,
)
from pipeline.text.sections import classify_heading

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
#: Part I of a collective report (form Mẫu 01 I.1-I.4): where its results are looked for when its
#: targets section is not found (unrecognised heading "2. Kết quả thực hiện nhiệm vụ chính trị năm
#: học …", results written under the political-task or principles part).
PART_ONE_COLLECTIVE: frozenset[str] = frozenset({"principles", "targets", "party_building", "political_task"})
LEADER_LINK_SECTIONS: frozenset[str] = frozenset({"collective_responsibility", "weaknesses", "explanations"})

TOPICS: dict[str, tuple[str, str, str]] = {
    # finding: (dimension, section label, Vietnamese name used in reasons)
    "missing_ideology": ("ideology", "ideology", "tư tưởng chính trị"),
    "missing_ethics": ("ethics_lifestyle", "ethics", "đạo đức, lối sống"),
}

#: Dimensions of sentences that are never result statements, whatever their section (by their text).
NON_RESULT_DIMENSIONS: frozenset[str] = frozenset(
    {
        "discipline",
        "commitment",
        "plan",
        "weakness",
        "cause",
        "remedy_earlier",
        "rating",
        "collective_responsibility",
    }
)
#: Dimensions whose sentences (by their text) state work results when no duties section is found.
RESULT_TEXT_DIMENSIONS: frozenset[str] = frozenset({"duties_results", "leadership", "working_style"})

#: Dimensions whose sentences are topic evidence wherever the report puts them.
TOPIC_DIMENSIONS: frozenset[str] = frozenset({"ideology", "ethics_lifestyle"})

EXCELLENT = "hoan_thanh_xuat_sac"


@dataclass
class ContentParams:
    """Every threshold of the stage (recorded in run.json). Values chosen on generated variant-a
    batches (train side); how and why: models/CONTENT.md, benchmarks/content/tune.py."""

    heading_weight: float = 2.0  # log-odds bonus of the dimensions / topic a sentence's heading names
    text_floor: float = 0.2  # P(topic | text alone) a clause needs before the heading may help (guard)
    min_syllables: int = 6  # shorter sentences (after the heading) are formal clauses, not content ...
    short_text_min: float = 0.5  # ... unless their text alone gives the topic this (not tuned: boundary)
    ideology_threshold: float = 0.5  # flag missing_ideology when the best evidence is below this
    ethics_threshold: float = 0.75  # the variant-a rule (re-swept after the blind-set round)
    results_threshold: float = 0.7  # flag unquantified_results when max P(quantified) < this
    weakness_threshold: float = 0.5  # flag generic_weaknesses when max P(specific) < this
    result_dimension_min: float = (
        0.5  # a part-I sentence outside the duties sections counts as a result statement above this
    )
    result_section_min: float = (
        0.0  # a duties-section sentence counts only when P(duties or leadership) reaches this
    )
    weakness_section_min: float = (
        0.1  # a weaknesses-section statement counts only when P(weakness) reaches this
    )
    cause_exclude_min: float = (
        0.5  # a sentence in a weaknesses section is a cause, not a weakness, above this
    )
    link_threshold: float = 0.45  # a collective shortcoming is taken on at this similarity
    responsibility_threshold: float = 0.5  # without the collective report: a responsibility sentence counts at this P(collective_responsibility)


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

    def __init__(
        self, params: ContentParams | None = None, models: dict[str, Any] | None = None, **overrides: Any
    ) -> None:
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
        scored = self.score(batch)
        t1 = time.perf_counter()
        rows, details = self.decide(batch, scored)
        seconds = {"models": round(t1 - t0, 3), "decisions": round(time.perf_counter() - t1, 3)}
        batch.add_findings(rows)
        batch.params[self.name] = {
            **asdict(self.params),
            "models": {
                n: _card_id(n)
                for n in (
                    DIMENSION_MODEL,
                    QUALITY_MODEL,
                    RESULTS_MODEL,
                    WEAKNESS_MODEL,
                    TOPIC_MODEL,
                    LINK_MODEL,
                )
            },
            "score_units": SCORE_UNITS,
            "sentence_numbers_in_reasons": "câu N = sent_idx N-1 (1-based); details list 0-based sent_idx",
        }
        # timings stay out of run.json parameters (two runs must give identical parameters)
        self.last_run = {"scored": scored, "documents": details, "seconds": seconds}

    # --- model scores (independent of the thresholds) -------------------------------------------
    def score(self, batch: Batch) -> Scored:
        """Every model probability the decisions need, computed once per batch."""
        models = self.models()
        sents = batch.sentences.reset_index(drop=True) if len(batch.sentences) else batch.sentences
        table = _sentence_table(batch, sents)
        docs = batch.documents
        kinds = dict(zip(docs["doc_id"].astype(str), docs["kind"].astype(str), strict=True))
        if len(table):
            dim_model = models[DIMENSION_MODEL]
            classes = [str(c) for c in dim_model.classes_]
            frame = table[["text", "tokens"]]
            proba = chunked_proba(dim_model, frame)
            for k, c in enumerate(classes):
                table[f"pt_{c}"] = proba[:, k]
            collective = table["doc_id"].astype(str).map(kinds).eq("collective")
            part_one = table["parts"].map(lambda s: bool(s & PART_ONE)) | table["unsectioned"]
            coll_part = table["parts"].map(lambda s: bool(s & PART_ONE_COLLECTIVE)) | table["unsectioned"]
            region = np.where(collective, coll_part, part_one)
            # sentences elsewhere (not the header) whose own words state work: the last place
            # results are looked for when part I has none (a report segmented as one weaknesses
            # section, results written after the shortcomings)
            elsewhere = ~table["parts"].map(lambda s: "header" in s).to_numpy(dtype=bool) & _text_dimension(
                table
            ).isin(list(RESULT_TEXT_DIMENSIONS)).to_numpy(dtype=bool)
            table["result_region"] = region
            cand = table["content"] & (table["syllables"] >= 3) & (region | elsewhere)
            table["p_quantified"] = np.nan
            if cand.any():
                cells = _with_table_figures(table)[cand.to_numpy(dtype=bool)]
                table.loc[cand, "p_quantified"] = _clause_max_proba(
                    models[RESULTS_MODEL], cells, RESULTS_MODEL
                )
        else:
            classes = []
        statements = _statements(table)
        if len(statements):
            statements["p_specific"] = _positive_proba(
                models[WEAKNESS_MODEL],
                _with_digits(
                    statements["text"].astype(str).tolist(), statements["tokens"].astype(str).tolist()
                ),
                WEAKNESS_MODEL,
            )
        units = _topic_units(table)
        if len(units):
            topic = models[TOPIC_MODEL]
            proba = chunked_proba(topic, units[["text", "tokens"]])
            for k, c in enumerate(str(c) for c in topic.classes_):
                units[f"tt_{c}"] = proba[:, k]
            units["substantive"] = _positive_proba(models[QUALITY_MODEL], units, QUALITY_MODEL)
        return Scored(table, statements, classes, units)

    # --- decisions (no model calls except the linking TF-IDF space) -----------------------------
    def decide(self, batch: Batch, scored: Scored) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """Finding rows for every document from the model scores and :attr:`params`.

        Aggregates are computed for the whole batch at once (narrow frames, group-bys); the loop
        over documents only assembles rows from per-document lists.
        """
        p = self.params
        table = combine_heading(scored.table, scored.classes, p.heading_weight)
        docs = batch.documents.reset_index(drop=True)
        kinds = dict(zip(docs["doc_id"].astype(str), docs["kind"].astype(str), strict=True))
        stm = self._kept_statements(scored.statements, table)
        units = combine_topics(scored.units, p.heading_weight)
        topics = self._topic_aggregates(units, table)
        results = self._result_aggregates(table, kinds)
        stm_by_doc: dict[str, list[tuple[int, str, float]]] = {}
        for d, i_, t, q in zip(
            stm["doc_id"].astype(str),
            stm["sent_idx"],
            stm["text"],
            stm["p_specific"] if len(stm) else [],
            strict=True,
        ):
            stm_by_doc.setdefault(d, []).append((int(i_), str(t), float(q)))
        narrow = table[["doc_id", "sent_idx", "parts", "content"]] if len(table) else None
        leader_ids = set(
            docs.loc[(docs["kind"] == "individual") & (docs["role"] == "leader"), "doc_id"].astype(str)
        )
        by_doc = {str(d): g for d, g in narrow.groupby("doc_id", sort=False)} if narrow is not None else {}
        by_doc = {d: table.loc[g.index] for d, g in by_doc.items() if d in leader_ids}
        collectives = _collectives_by_unit_year(docs)
        rows: list[dict[str, Any]] = []
        details: dict[str, Any] = {}
        for doc in docs.itertuples(index=False):
            did = str(doc.doc_id)
            collective = kinds[did] == "collective"
            info: dict[str, Any] = {}
            for finding in TOPICS:
                rows.append(self._topic_row(did, finding, collective, topics, info))
            rows.append(self._result_row(did, collective, results, info))
            rows.append(self._weakness_row(did, stm_by_doc.get(did), info))
            rows.append(
                self._collective(doc, by_doc.get(did, table.iloc[0:0]), collectives, stm_by_doc, info)
            )
            details[did] = info
        _excellent_note(rows, docs)
        return rows, details

    def _kept_statements(self, stm: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
        """Weakness statements minus causes (in merged sections), minus section sentences whose
        heading-combined P(weakness) is below ``weakness_section_min`` (plan items or results that
        segmentation put under the weaknesses heading) and minus fallback sentences whose dimension
        is not weakness."""
        p = self.params
        if not len(stm) or not len(table):
            return stm
        key = table.set_index(["doc_id", "sent_idx"])
        idx = pd.MultiIndex.from_frame(stm[["doc_id", "sent_idx"]])
        p_cause = key["p_cause"].reindex(idx).to_numpy()
        p_weak = key["p_weakness"].reindex(idx).to_numpy()
        dim = key["dim"].reindex(idx).to_numpy()
        keep = np.where(
            stm["in_section"].to_numpy(dtype=bool),
            ~(stm["merged"].to_numpy(dtype=bool) & (p_cause >= p.cause_exclude_min) & (p_cause > p_weak))
            & (p_weak >= p.weakness_section_min),
            (dim == "weakness") & (p_weak >= 0.5),
        )
        return stm[keep & ~stm["text"].str.match(r"(?i)\s*nguyên nhân").to_numpy()]

    def _topic_aggregates(self, units: pd.DataFrame, table: pd.DataFrame) -> dict[str, Any]:
        """Per document and topic: best evidence, evidence sentences, whether they are all stock, and
        the sentences under the topic's heading (one pass over numpy columns)."""
        p = self.params
        out: dict[str, Any] = {}
        docs_u = units["doc_id"].astype(str).to_numpy() if len(units) else np.zeros(0, dtype=object)
        sent_u = units["sent_idx"].to_numpy(dtype=int) if len(units) else np.zeros(0, dtype=int)
        sub_u = units["substantive"].to_numpy(dtype=float) if len(units) else np.zeros(0)
        # plain lists, read once for both topics (iterating pandas columns value by value is slow)
        columns = (
            [table[c].tolist() for c in ("doc_id", "parts", "sent_idx", "content", "syllables")]
            if len(table)
            else []
        )
        if len(table):
            columns[0] = [str(d) for d in columns[0]]
        # a sentence outside part I is evidence only when its heading does not outweigh its text:
        # under a weaknesses or plan heading, "Tôi chưa tham gia được đợt học tập nghị quyết …" is
        # a weakness about the topic, not the topic (combined dimension, as for result statements)
        outside_ok = np.ones(len(units), dtype=bool)
        if len(units) and len(table) and "outside" in units.columns:
            combined = table.set_index(["doc_id", "sent_idx"])["dim"]
            key = pd.MultiIndex.from_arrays([units["doc_id"], units["sent_idx"]])
            dims = combined[~combined.index.duplicated()].reindex(key).to_numpy()
            outside_ok = ~units["outside"].to_numpy(dtype=bool) | np.isin(dims, list(TOPIC_DIMENSIONS))
        for finding, (dim, section, _name) in TOPICS.items():
            threshold = p.ideology_threshold if finding == "missing_ideology" else p.ethics_threshold
            best: dict[str, float] = {}
            evidence: dict[str, set[int]] = {}
            substantive: dict[str, float] = {}
            if len(units):
                ok = (
                    (units[f"tt_{dim}"].to_numpy(dtype=float) >= p.text_floor)
                    & (
                        (units["sent_syllables"].to_numpy(dtype=int) >= p.min_syllables)
                        | (units[f"tt_{dim}"].to_numpy(dtype=float) >= p.short_text_min)
                    )
                    & (units["syllables"].to_numpy(dtype=int) >= 3)
                    & outside_ok
                )
                ev = np.where(ok, units[f"q_{dim}"].to_numpy(dtype=float), 0.0)
                for d, i_, e, q in zip(docs_u, sent_u, ev, sub_u, strict=True):
                    if e > best.get(d, -1.0):
                        best[d] = float(e)
                    if e >= threshold:
                        evidence.setdefault(d, set()).add(int(i_))
                        substantive[d] = max(substantive.get(d, 0.0), float(q))
            headed: dict[str, list[tuple[int, bool, int]]] = {}
            if len(table):
                for d, parts, i_, c, n in zip(*columns, strict=True):
                    if section in parts:
                        headed.setdefault(d, []).append((int(i_), bool(c), int(n)))
            stock = {d: q < 0.5 for d, q in substantive.items()}
            out[finding] = (best, {d: sorted(v) for d, v in evidence.items()}, stock, headed)
        return out

    def _topic_row(
        self, did: str, finding: str, collective: bool, topics: dict[str, Any], info: dict[str, Any]
    ) -> dict[str, Any]:
        p = self.params
        if collective:
            return _row(did, finding, 0, 0.0, "", "not applicable: collective report")
        _dim, _section, name = TOPICS[finding]
        best_map, evidence, stock, headed = topics[finding]
        best = float(best_map.get(did, 0.0))
        threshold = p.ideology_threshold if finding == "missing_ideology" else p.ethics_threshold
        flag = int(best < threshold)
        info[finding] = {"best": best}
        if flag:
            h = headed.get(did, [])
            return _row(
                did,
                finding,
                1,
                round(1.0 - best, 4),
                _topic_reason(name, h),
                ";".join(str(i) for i, _, _ in h),
            )
        detail = ";".join(map(str, evidence.get(did, []))) + (";stock_only" if stock.get(did, False) else "")
        return _row(did, finding, 0, round(1.0 - best, 4), "", detail)

    def _result_aggregates(
        self, table: pd.DataFrame, kinds: dict[str, str]
    ) -> dict[str, list[tuple[int, float]]]:
        """Per document: (sent_idx, P(quantified)) of its result statements."""
        p = self.params
        if not len(table):
            return {}
        body = table[table["p_quantified"].notna()]
        collective = body["doc_id"].astype(str).map(kinds).eq("collective").to_numpy()
        in_ind = body["parts"].map(lambda s: bool(s & RESULT_SECTIONS_INDIVIDUAL)).to_numpy(dtype=bool)
        in_coll = body["parts"].map(lambda s: bool(s & RESULT_SECTIONS_COLLECTIVE)).to_numpy(dtype=bool)
        lead_like = (
            body["dim"].isin(["duties_results", "leadership"])
            & (np.maximum(body["p_duties_results"], body["p_leadership"]) >= p.result_dimension_min)
        ).to_numpy(dtype=bool)
        in_sections = np.where(collective, in_coll, in_ind)
        result_like = (
            np.maximum(body["p_duties_results"], body["p_leadership"]) >= p.result_section_min
        ).to_numpy(dtype=bool)
        # what the sentence is about: attendance, dues, commitments, plan items and weaknesses
        # carry figures ("11/12 kỳ họp") that are not work results. Outside the result sections
        # by its own words (no heading); inside them with the heading's prior, so that a weak
        # text reading ("… hướng nghiệp cho 84% phạm nhân …": cause 0.39) does not outvote the
        # duties heading, while attendance (discipline 0.94) still does
        text_dim = _text_dimension(body)
        not_result = np.where(
            in_sections,
            body["dim"].isin(list(NON_RESULT_DIMENSIONS)).to_numpy(dtype=bool),
            text_dim.isin(list(NON_RESULT_DIMENSIONS)).to_numpy(dtype=bool),
        )
        region = body["result_region"].to_numpy(dtype=bool)
        chosen = ((in_sections & result_like) | (~collective & lead_like)) & ~not_result & region
        # no result statement where the report should have them (duties / targets section missing,
        # merged or mislabelled): any part-I sentence whose own words state a work result; with
        # none there either, any such sentence of the report (never "no results" by assumption)
        doc_ids = body["doc_id"].astype(str)
        states_work = text_dim.isin(list(RESULT_TEXT_DIMENSIONS)).to_numpy(dtype=bool)
        found = set(doc_ids[chosen])
        fallback = ~doc_ids.isin(found).to_numpy(dtype=bool) & states_work & region
        found |= set(doc_ids[fallback])
        anywhere = ~doc_ids.isin(found).to_numpy(dtype=bool) & states_work & ~region
        res = body[chosen | fallback | anywhere]
        out: dict[str, list[tuple[int, float]]] = {}
        for d, i_, q in zip(
            res["doc_id"].astype(str),
            res["sent_idx"].to_numpy(dtype=int),
            res["p_quantified"].to_numpy(dtype=float),
            strict=True,
        ):
            out.setdefault(d, []).append((int(i_), float(q)))
        return out

    def _result_row(
        self, did: str, collective: bool, results: dict[str, list[tuple[int, float]]], info: dict[str, Any]
    ) -> dict[str, Any]:
        p = self.params
        res = results.get(did, [])
        idx = [i for i, _ in res]
        best_q = max((q for _, q in res), default=0.0)
        flag = int(best_q < p.results_threshold)
        info["unquantified_results"] = {"best": best_q, "n": len(idx)}
        if flag:
            where = "kết quả thực hiện chỉ tiêu, nhiệm vụ" if collective else "kết quả thực hiện nhiệm vụ"
            reason = (
                f"Phần {where} không có số liệu, sản phẩm cụ thể ({_sent_ref(idx)})"
                if idx
                else f"Không có phần {where}"
            )
            return _row(
                did, "unquantified_results", 1, round(1.0 - best_q, 4), reason, ";".join(map(str, idx))
            )
        detail = ";".join(str(i) for i, q in res if q >= p.results_threshold)
        return _row(did, "unquantified_results", 0, round(1.0 - best_q, 4), "", detail)

    def _weakness_row(
        self, did: str, stated: list[tuple[int, str, float]] | None, info: dict[str, Any]
    ) -> dict[str, Any]:
        p = self.params
        stated = stated or []
        best_s = max((q for _, _, q in stated), default=0.0)
        flag = int(best_s < p.weakness_threshold)
        widx = sorted({i for i, _, _ in stated})
        info["generic_weaknesses"] = {"best": best_s, "n": len(stated)}
        if flag:
            reason = (
                f"Hạn chế, khuyết điểm nêu ra chỉ là những điều chung chung, không chỉ rõ việc, số liệu, thời điểm ({_sent_ref(widx)})"
                if stated
                else "Không nêu hạn chế, khuyết điểm cụ thể nào"
            )
            return _row(
                did, "generic_weaknesses", 1, round(1.0 - best_s, 4), reason, ";".join(map(str, widx))
            )
        detail = ";".join(str(i) for i in sorted({i for i, _, q in stated if q >= p.weakness_threshold}))
        return _row(did, "generic_weaknesses", 0, round(1.0 - best_s, 4), "", detail)

    def _collective(
        self,
        doc: Any,
        g: pd.DataFrame,
        collectives: dict[tuple[str, int], list[str]],
        stm_by_doc: dict[str, list[tuple[int, str, float]]],
        info: dict[str, Any],
    ) -> dict[str, Any]:
        p = self.params
        did = str(doc.doc_id)
        finding = "no_collective_responsibility"
        if str(doc.kind) != "individual" or str(doc.role) != "leader":
            return _row(did, finding, 0, 0.0, "", "not applicable: not a leader's individual report")
        unit, year = _unit_key(doc.unit), _as_int(doc.year)
        same = collectives.get((unit, year), []) if unit and year is not None else []
        if not same:
            return self._responsibility_without_report(did, g, stm_by_doc.get(did, []), info)
        shortcomings: list[tuple[str, int, str]] = []
        for cid in same:
            shortcomings.extend((cid, i, t) for i, t, _ in stm_by_doc.get(cid, []))
        shortcomings = merge_fragments(shortcomings)
        if not shortcomings:
            return _row(
                did, finding, 0, 0.0, "", "not applicable: the collective report states no shortcoming"
            )
        body = g[g["content"]] if len(g) else g
        leader = body[body["parts"].map(lambda s: bool(s & LEADER_LINK_SECTIONS))] if len(body) else body
        links = link_shortcomings(
            shortcomings,
            list(zip(leader["sent_idx"], leader["text"], strict=True)),
            self.models()[LINK_MODEL],
        )
        best = max(lk.similarity for lk in links)
        unanswered = [lk for lk in links if lk.similarity < p.link_threshold]
        flag = int(best < p.link_threshold)
        info[finding] = {"best": best, "links": [asdict(lk) for lk in links]}
        detail = ";".join(f"{lk.coll_doc_id}:{lk.coll_sent_idx}" for lk in unanswered)
        if flag:
            quotes = "; ".join(f'"{_short(lk.text.lstrip("-+*• "), 60)}"' for lk in unanswered[:3])
            more = f" và {len(unanswered) - 3} hạn chế khác" if len(unanswered) > 3 else ""
            resp = body[body["parts"].map(lambda s: "collective_responsibility" in s)] if len(body) else body
            said_something = bool(len(resp)) and bool((resp["syllables"] >= 6).any())
            how = "chỉ nhận trách nhiệm chung chung" if said_something else "không nhận phần trách nhiệm nào"
            reason = f"Báo cáo tập thể nêu {len(links)} hạn chế, bản kiểm điểm của người lãnh đạo {how}: {quotes}{more}"
        else:
            reason = ""
        return _row(did, finding, flag, round(1.0 - best, 4), reason, detail)

    def _responsibility_without_report(
        self, did: str, g: pd.DataFrame, own: list[tuple[int, str, float]], info: dict[str, Any]
    ) -> dict[str, Any]:
        """A leader's report judged without the unit's collective report (none in the batch).

        The collective's shortcomings are then those the leader's own report states (a unit head's
        weaknesses are largely the unit's), and what is judged is whether the report takes any
        responsibility for the collective's shortcomings at all: the best heading-combined
        P(collective_responsibility) of a contentful sentence (at least ``min_syllables``) of its
        responsibility part (form 02B/2A part V), or of a weaknesses / explanations sentence whose
        own text is about that responsibility. A bare "Không." / "Không có." or a formal clause
        gives 0. Flag when the report states a shortcoming and that evidence is below
        ``responsibility_threshold``. Not applicable when it states no shortcoming, or when no
        responsibility part is found (not written, or not recognised by the segmenter: a refusal
        cannot be told from a missed heading, and the finding is then left to the collective
        report).
        """
        p = self.params
        finding = "no_collective_responsibility"
        body = g[g["content"]] if len(g) else g
        has_part = bool(len(g)) and bool(g["parts"].map(lambda s: "collective_responsibility" in s).any())
        if not own or not has_part:
            why = "no shortcoming stated" if not own else "no responsibility part found"
            return _row(
                did,
                finding,
                0,
                0.0,
                "",
                f"not applicable: no collective report of the same unit and year in the batch and {why}",
            )
        part = (
            body["parts"].map(lambda s: "collective_responsibility" in s)
            if len(body)
            else pd.Series(dtype=bool)
        )
        near = body["parts"].map(lambda s: bool(s & LEADER_LINK_SECTIONS)) if len(body) else part
        text_dim = _text_dimension(body) if len(body) else pd.Series(dtype=object)
        cand = body[part | (near & text_dim.eq("collective_responsibility"))] if len(body) else body
        ok = cand[cand["syllables"] >= p.min_syllables] if len(cand) else cand
        best = float(ok["p_collective_responsibility"].max()) if len(ok) else 0.0
        said = [int(i) for i in cand["sent_idx"]] if len(cand) else []
        info[finding] = {"best": best, "without_collective_report": True}
        own_idx = sorted({i for i, _, _ in own})
        detail = ";".join(["without_collective_report", *(f"own:{i}" for i in own_idx)])
        if best >= p.responsibility_threshold:
            return _row(did, finding, 0, round(1.0 - best, 4), "", "without_collective_report")
        how = (
            f"phần trách nhiệm đối với hạn chế của tập thể không nhận trách nhiệm nào ({_sent_ref(said)})"
            if said
            else "không có phần trách nhiệm đối với hạn chế của tập thể"
        )
        reason = (
            "Không có báo cáo kiểm điểm của tập thể cùng đơn vị, cùng năm trong lô; theo bản kiểm điểm: "
            f"người lãnh đạo nêu {len(own)} hạn chế ({_sent_ref(own_idx)}) nhưng {how}"
        )
        return _row(did, finding, 1, round(1.0 - best, 4), reason, detail)


@dataclass
class Scored:
    """Model outputs of one batch: the sentence table (with ``pt_<dimension>`` and ``p_quantified``), the weakness statements (with ``p_specific``) and the dimension classes."""

    table: pd.DataFrame
    statements: pd.DataFrame
    classes: list[str]
    #: Part-I sentences split into ';'-separated clauses for the topic findings (a sentence often
    #: chains ideology, ethics and discipline: "Kiên định ...; sống giản dị ...; chấp hành ...").
    units: pd.DataFrame | None = None


SCORE_UNITS: dict[str, str] = {
    "missing_ideology": "1 - best topic evidence (heading-combined probability of a contentful ideology sentence)",
    "missing_ethics": "1 - best topic evidence",
    "unquantified_results": "1 - max P(quantified) over result statements",
    "generic_weaknesses": "1 - max P(specific) over weakness statements (1 when none is stated)",
    "no_collective_responsibility": "1 - best similarity of a collective shortcoming to the leader's statements; 0 when not applicable",
}


def _heading_prior(
    proba: np.ndarray, rows: pd.DataFrame, classes: list[str], section_to_class: dict[str, Any], weight: float
) -> np.ndarray:
    """``proba`` (rows x classes) times ``exp(weight)`` for each class a row's heading names
    (``section_to_class`` of its section parts; only rows with ``has_heading``), renormalised."""
    col = {c: i for i, c in enumerate(classes)}
    cache: dict[frozenset[str], np.ndarray] = {}
    none = np.zeros(len(classes))

    def vector(parts: frozenset[str]) -> np.ndarray:
        v = cache.get(parts)
        if v is None:
            v = np.zeros(len(classes))
            for part in parts:
                c = section_to_class.get(part)
                if c in col:
                    v[col[c]] = weight
            cache[parts] = v
        return v

    bonus = np.stack(
        [
            vector(parts) if headed else none
            for parts, headed in zip(rows["parts"], rows["has_heading"], strict=True)
        ]
    )
    comb = proba * np.exp(bonus)
    comb /= comb.sum(axis=1, keepdims=True)
    return comb


def combine_heading(table: pd.DataFrame, classes: list[str], weight: float) -> pd.DataFrame:
    """Add ``p_<dimension>`` (text probabilities with the heading prior) and ``dim`` (its argmax).

    ``p(d | text, heading) ∝ p(d | text) · exp(weight · [d is named by the heading])``; sentences
    of unheaded sections (or no section) keep the text probabilities.
    """
    out = table.copy()
    if not len(out) or not classes:
        for d in ("ideology", "ethics_lifestyle", "duties_results", "leadership", "cause", "weakness"):
            out[f"p_{d}"] = pd.Series(dtype=float)
        out["dim"] = pd.Series(dtype=object)
        return out
    proba = out[[f"pt_{c}" for c in classes]].to_numpy(dtype=float)
    col = {c: i for i, c in enumerate(classes)}
    comb = _heading_prior(proba, out, classes, SECTION_TO_DIMENSION, weight)
    for c in classes:
        out[f"p_{c}"] = comb[:, col[c]]
    out["dim"] = [classes[i] for i in comb.argmax(axis=1)]
    return out


#: Section label part -> topic class whose probability a heading of that section raises.
SECTION_TO_TOPIC: dict[str, str] = {
    part: ("ideology" if part == "ideology" else "ethics_lifestyle" if part == "ethics" else "other")
    for part in SECTION_TO_DIMENSION
}


def combine_topics(units: pd.DataFrame | None, weight: float) -> pd.DataFrame:
    """Add ``q_<topic>``: the topic model's probabilities with the heading prior (as in
    :func:`combine_heading`, over the classes ideology, ethics_lifestyle, other)."""
    if units is None or not len(units):
        return pd.DataFrame(
            columns=[
                "doc_id",
                "sent_idx",
                "syllables",
                "substantive",
                *(f"tt_{c}" for c in TOPIC_CLASSES),
                *(f"q_{c}" for c in TOPIC_CLASSES),
            ]
        )
    out = units.copy()
    proba = out[[f"tt_{c}" for c in TOPIC_CLASSES]].to_numpy(dtype=float)
    col = {c: i for i, c in enumerate(TOPIC_CLASSES)}
    comb = _heading_prior(proba, out, list(TOPIC_CLASSES), SECTION_TO_TOPIC, weight)
    for c in TOPIC_CLASSES:
        out[f"q_{c}"] = comb[:, col[c]]
    return out


def _text_dimension(table: pd.DataFrame) -> pd.Series:
    """The dimension a sentence's text alone speaks to (argmax of the ``pt_`` columns, no heading)."""
    cols = [c for c in table.columns if c.startswith("pt_")]
    if not cols or not len(table):
        return pd.Series("", index=table.index, dtype=object)
    return table[cols].idxmax(axis=1).str.slice(3)


def split_clauses(text: str, tokens: str) -> list[tuple[str, str]]:
    """``(text, tokens)`` of the ';'-separated clauses of a sentence with at least 3 syllables
    (the tokens split the same way, or the clause text when the two splits disagree)."""
    pieces = [c.strip() for c in re.split(r";\s*", text) if content_words(c) >= 3]
    if len(pieces) <= 1:
        return [(text, tokens)]
    tok_pieces = [t.strip() for t in re.split(r"\s;\s*", tokens)]
    tok_pieces = [t for t in tok_pieces if content_words(t.replace("_", " ")) >= 3]
    if len(tok_pieces) != len(pieces):
        tok_pieces = pieces
    return list(zip(pieces, tok_pieces, strict=True))


def _clause_max_proba(model: Any, frame: pd.DataFrame, name: str) -> np.ndarray:
    """P(positive class) of each row of ``frame`` (text, tokens): the maximum over its ';'-separated
    clauses (a sentence often chains a concrete result with a stock clause: "… chữa cháy 37 vụ, …;
    bản thân luôn xác định rõ trách nhiệm, … hoàn thành tốt nhiệm vụ được giao")."""
    owner: list[int] = []
    texts: list[str] = []
    toks: list[str] = []
    for k, (t, tk) in enumerate(zip(frame["text"].tolist(), frame["tokens"].tolist(), strict=True)):
        for ct, ctk in split_clauses(str(t), str(tk)):
            owner.append(k)
            texts.append(ct)
            toks.append(ctk)
    proba = _positive_proba(model, _with_digits(texts, toks), name)
    out = np.zeros(len(frame))
    np.maximum.at(out, np.asarray(owner, dtype=int), proba)
    return out


_FIGURE_CELL_RE = re.compile(r"^\s*[-+]?\d[\d.,]*\s*(?:%|/\s*\d+)?\s*$")


def _with_table_figures(table: pd.DataFrame) -> pd.DataFrame:
    """``text`` and ``tokens`` of every sentence, with the bare figures that follow it in the same
    section appended ("Hồ sơ tiếp nhận" + "1.200" + "1.246" -> "Hồ sơ tiếp nhận 1.200 1.246"): a
    .docx table is flattened one cell per line, so a row's figures are sentences of their own
    with no words, which would leave its label looking unquantified."""
    texts = [str(t) for t in table["text"].tolist()]
    toks = [str(t) for t in table["tokens"].tolist()]
    docs = table["doc_id"].tolist()
    sections = table["section"].tolist()
    out_t, out_k = list(texts), list(toks)
    owner = -1
    for i, t in enumerate(texts):
        if (
            _FIGURE_CELL_RE.match(t)
            and owner >= 0
            and docs[owner] == docs[i]
            and sections[owner] == sections[i]
        ):
            out_t[owner] += " " + t.strip()
            out_k[owner] += " " + toks[i].strip()
        elif t.strip():
            owner = i
    return pd.DataFrame({"text": out_t, "tokens": out_k}, index=table.index)


def _with_digits(texts: list[str], tokens: list[str]) -> pd.DataFrame:
    """Model input (text, tokens) with numbers written in words as digits ("hai mươi ba hồ sơ" ->
    "23 hồ sơ": a quantity for the results and weaknesses models, trained on digits); a row that
    changes takes its converted text, syllables space-separated, as its tokens."""
    out_t, out_k = [], []
    for t, k in zip(texts, tokens, strict=True):
        d = spelled_numbers_to_digits(t)
        out_t.append(d)
        out_k.append(k if d == t else spelled_numbers_to_digits(k.replace("_", " ")))
    return pd.DataFrame({"text": out_t, "tokens": out_k})


def _topic_units(table: pd.DataFrame) -> pd.DataFrame:
    """Candidate topic sentences, each split at ';' into clauses of at least 3 syllables (``clause``
    marks the pieces of split sentences; unsplit sentences keep their model scores).

    Candidates are the part-I content sentences (all sentences of a report without recognised
    sections) and, anywhere else in the report, the sentences whose text alone (the dimension
    model, no heading) speaks to ideology or ethics: segmentation misses, merges and mislabels
    headings, so ethics content under a "weaknesses" or header label is still evidence, while a
    plan item or weakness about ethics ("rèn luyện đạo đức …", "chưa gương mẫu …") is not. Those
    sentences get no heading prior (``has_heading`` False, ``outside`` True)."""
    columns = [*table.columns, "outside", "sent_syllables", "clause"]
    if not len(table):
        return pd.DataFrame(columns=columns)
    part_one = table["parts"].map(lambda s: bool(s & PART_ONE)) | table["unsectioned"]
    outside = ~part_one & _text_dimension(table).isin(list(TOPIC_DIMENSIONS))
    base = table[table["content"] & (part_one | outside)].copy()
    base["outside"] = outside[base.index].to_numpy(dtype=bool)
    base.loc[base["outside"], "has_heading"] = False
    rows: list[dict[str, Any]] = []
    for row in base.to_dict("records"):
        row["sent_syllables"] = row["syllables"]
        pieces = split_clauses(row["text"], str(row["tokens"]))
        if len(pieces) <= 1:
            rows.append({**row, "clause": False})
            continue
        for text, toks in pieces:
            rows.append(
                {**row, "text": text, "tokens": toks, "syllables": content_words(text), "clause": True}
            )
    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(rows, columns=columns)


def _statements(table: pd.DataFrame) -> pd.DataFrame:
    """Weakness statements: sentences of weaknesses sections split at ';' (``in_section``), and, for
    documents without a weaknesses section, every contentful sentence outside part I (kept later
    only when its dimension is weakness)."""
    cols = ["doc_id", "sent_idx", "text", "tokens", "in_section", "merged"]
    if not len(table):
        return pd.DataFrame(columns=cols)
    content = table[table["content"]]
    in_sec = content["parts"].map(lambda s: "weaknesses" in s)
    has_sec = set(content.loc[in_sec, "doc_id"])
    fallback = ~content["doc_id"].isin(has_sec) & (
        content["parts"].map(lambda s: not (s & PART_ONE)) | content["unsectioned"]
    )
    rows: list[tuple[Any, ...]] = []
    for row, inside in zip(
        content[in_sec | fallback].itertuples(index=False), in_sec[in_sec | fallback], strict=True
    ):
        pieces = split_statements(row.text) if inside else []
        merged = len(row.parts) > 1
        if len(pieces) <= 1:
            rows.append((row.doc_id, int(row.sent_idx), row.text, row.tokens, bool(inside), merged))
        else:
            rows.extend((row.doc_id, int(row.sent_idx), piece, piece, True, merged) for piece in pieces)
    return pd.DataFrame(rows, columns=cols)


# --- helpers ------------------------------------------------------------------------------------


def _load_models() -> dict[str, Any]:
    out = {}
    for name in (DIMENSION_MODEL, QUALITY_MODEL, RESULTS_MODEL, WEAKNESS_MODEL, TOPIC_MODEL, LINK_MODEL):
        try:
            out[name] = load_model(name)
        except ModelError as exc:
            hint = " Run `soi train` to build the content models." if isinstance(exc, ModelMissing) else ""
            raise type(exc)(f"content stage: {exc}.{hint}") from exc
    return out


def _card_id(name: str) -> str:
    try:
        return str(load_card(name).get("sha256", ""))[:12]
    except ModelError:
        return "given"


def _row(doc_id: str, finding: str, flag: int, score: float, reason: str, detail: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "finding": finding,
        "flag": int(flag),
        "score": float(score),
        "reason": reason,
        "detail": detail,
    }


def _as_int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _collectives_by_unit_year(docs: pd.DataFrame) -> dict[tuple[str, int], list[str]]:
    """Doc ids of the collective reports per (unit key, year), in batch order (looked up once
    per batch instead of filtering every document for every leader)."""
    out: dict[tuple[str, int], list[str]] = {}
    years = pd.array(docs["year"], dtype="Int64")
    for did, kind, unit, year in zip(docs["doc_id"], docs["kind"], docs["unit"], years, strict=True):
        key = _unit_key(unit)
        if kind == "collective" and key and year is not pd.NA:
            out.setdefault((key, int(year)), []).append(str(did))
    return out


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


def _topic_reason(name: str, headed: list[tuple[int, bool, int]]) -> str:
    """Reason for a missing topic from the sentences under the topic's heading: (sent_idx, content, syllables)."""
    if not headed:
        return f"Không có câu nào nói về {name}"
    ref = _sent_ref([i for i, _, _ in headed])
    content = [n for _, c, n in headed if c]
    if not content or all(n < 6 for n in content):
        return f"Mục {name} chỉ có tiêu đề hoặc câu hình thức, không có nội dung ({ref})"
    return f"Mục {name} không có câu nào nói về {name}, chỉ nói việc khác như sinh hoạt, đảng phí ({ref})"


def _positive_proba(model: Any, frame: pd.DataFrame, name: str) -> np.ndarray:
    k = list(model.classes_).index(POSITIVE[name])
    return chunked_proba(model, frame[["text", "tokens"]])[:, k]


def _excellent_note(rows: list[dict[str, Any]], docs: pd.DataFrame) -> None:
    """A self-proposed 'Hoàn thành xuất sắc' with content findings: say so in their reasons."""
    excellent = set(docs.loc[docs["self_rating"] == EXCELLENT, "doc_id"].astype(str))
    for r in rows:
        if r["flag"] == 1 and r["doc_id"] in excellent and r["reason"]:
            reason = r["reason"]
            r["reason"] = "Tự nhận Hoàn thành xuất sắc nhiệm vụ nhưng " + reason[0].lower() + reason[1:]


def _sentence_table(batch: Batch, sents: pd.DataFrame) -> pd.DataFrame:
    """Sentences with their section parts, heading flag, heading-stripped text and syllable count.

    The heading lines of a headed section (its first line, plus following lines that are
    numbered or in capitals and carry no content, e.g. "I. ƯU ĐIỂM" then "1. Về tư tưởng
    chính trị") are not content; a line "Heading: content" keeps the part after the colon.
    """
    cols = ["doc_id", "sent_idx", "start", "end", "section", "text", "tokens"]
    extra = ["parts", "unsectioned", "has_heading", "syllables", "content"]
    if not len(sents):
        return pd.DataFrame(columns=[*cols, *extra])
    texts_by_doc = dict(zip(batch.documents["doc_id"].astype(str), batch.documents["text"], strict=True))
    heads: dict[str, list[tuple[int, int, int]]] = {}  # doc -> (section start, section end, heading end)
    if len(batch.sections):
        for sec in batch.sections.itertuples(index=False):
            heading = "" if pd.isna(sec.heading) else str(sec.heading).strip()
            doc_text = texts_by_doc.get(str(sec.doc_id), "")
            a, b = int(sec.start), int(sec.end)
            if not heading and not _starts_with_caps_line(doc_text, a, b):
                continue
            # an unheaded section that starts with an all-capitals line ("I. ƯU ĐIỂM, KẾT QUẢ ĐẠT
            # ĐƯỢC") has heading lines all the same: the segmenter named it by its content
            heads.setdefault(str(sec.doc_id), []).append((a, b, heading_end(doc_text, a, b)))
    texts, toks, has_heading, content = [], [], [], []
    # plain Python lists: iterating pandas string columns value by value is several times slower
    for doc_id, raw_text, raw_tokens, raw_start, raw_end in zip(
        sents["doc_id"].tolist(),
        sents["text"].tolist(),
        sents["tokens"].tolist(),
        sents["start"].tolist(),
        sents["end"].tolist(),
        strict=True,
    ):
        text, start, end = str(raw_text), int(raw_start), int(raw_end)
        h_end = None
        for a, b, he in heads.get(str(doc_id), ()):
            if a <= start < b:
                h_end = he
                break
        if h_end is None or h_end <= start:
            texts.append(text)
            toks.append(str(raw_tokens))
            content.append(True)
        elif h_end >= end:
            texts.append("")
            toks.append("")
            content.append(False)
        else:
            kept = text[h_end - start :].lstrip(" :.-")
            texts.append(kept)
            toks.append(_drop_syllables(str(raw_tokens), content_words(text) - content_words(kept)))
            content.append(True)
        has_heading.append(h_end is not None)
        cut = _label_end(texts[-1]) if content[-1] else 0
        if cut:
            kept = texts[-1][cut:].lstrip(" :.-")
            toks[-1] = _drop_syllables(toks[-1], content_words(texts[-1]) - content_words(kept))
            texts[-1] = kept
            content[-1] = bool(kept)
    out = sents[cols].copy()
    out["text"] = texts
    out["tokens"] = toks
    parts: dict[str, frozenset[str]] = {}  # one shared set per section label (labels repeat)
    out["parts"] = [
        parts.get(s) or parts.setdefault(s, frozenset(s.split(schema.MERGE_SEP)))
        for s in map(str, sents["section"].tolist())
    ]
    sectioned = {
        d for d, parts in zip(out["doc_id"], out["parts"], strict=True) if parts - {"header", "other"}
    }
    out["unsectioned"] = ~out["doc_id"].isin(sectioned)
    out["has_heading"] = has_heading
    out["syllables"] = [content_words(t) for t in texts]
    out["content"] = [
        c and n > 0 and not _is_numbering(t) and not _is_instruction(t)
        for c, n, t in zip(content, out["syllables"], texts, strict=True)
    ]
    return out


_NUMBERED_LINE_RE = re.compile(r"^\s*(?:phần\s+\S+|[IVX]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):/-]", re.IGNORECASE)


def heading_end(text: str, start: int, end: int, max_lines: int = 3) -> int:
    """Offset where a headed section's heading lines end (see :func:`_sentence_table`)."""
    pos = start
    k = -1
    while k + 1 < max_lines:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped and k >= 0 and nl >= 0 and line_end + 1 < end:
            pos = line_end + 1  # blank lines between heading lines do not end the heading
            continue
        k += 1
        if k > 0 and not (_NUMBERED_LINE_RE.match(stripped) or _is_caps(stripped)):
            return pos
        colon = line.find(":")
        if colon >= 0 and content_words(line[colon + 1 :]) >= 2:
            return pos + colon + 1
        if k > 0 and (stripped.endswith(".") and not _is_numbering(stripped)) and not _is_caps(stripped):
            return pos
        if content_words(stripped) > 40:
            return pos if k > 0 else pos  # a paragraph, not a heading
        pos = line_end + 1
        if nl < 0 or pos >= end:
            return min(pos, end)
    return pos


def _starts_with_caps_line(text: str, start: int, end: int) -> bool:
    """Whether the section ``text[start:end]`` opens with a line in capitals (a heading)."""
    nl = text.find("\n", start, end)
    line = text[start : end if nl < 0 else nl].strip()
    return bool(line) and _is_caps(line) and content_words(line) <= MAX_LABEL_SYLLABLES


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


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


_LEAD_RE = re.compile(r"^\s*(?:[-+*•]\s*|(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)/:-]\s*)*", re.IGNORECASE)
_SENT_END_RE = re.compile(r"[.;!?…]\s*$")
MAX_LABEL_SYLLABLES = 20


def _label_end(text: str) -> int:
    """Length of a section label the segmenter did not take as a heading, at the start of a
    sentence: the whole sentence when it is only a heading phrase ("Lập trường, quan điểm chính
    trị", no closing punctuation), the part up to the colon when what precedes it names a section
    ("Mặt chính trị, tư tưởng: Tốt."); 0 otherwise. Named by the segmenter's own heading patterns
    (:func:`pipeline.text.sections.classify_heading`)."""
    lead = _LEAD_RE.match(text)
    start = lead.end() if lead else 0
    body = text[start:]
    colon = body.find(":")
    if colon >= 0:
        head = body[:colon]
        if 0 < content_words(head) <= MAX_LABEL_SYLLABLES and classify_heading(head) is not None:
            return start + colon + 1
        return 0
    if (
        not _SENT_END_RE.search(body)
        and 0 < content_words(body) <= MAX_LABEL_SYLLABLES
        and classify_heading(body) is not None
    ):
        return len(text)
    return 0


#: A whole sentence in parentheses: the form's own guidance copied into the report ("(Liên hệ các
#: biểu hiện suy thoái …)", "(nếu có)"), not something the member says.
_INSTRUCTION_RE = re.compile(r"^\s*(?:[-+*]\s*)?\([^()]*(?:\([^()]*\)[^()]*)*\)\s*[.:;]?\s*$")


def _is_instruction(text: str) -> bool:
    return bool(_INSTRUCTION_RE.match(text))

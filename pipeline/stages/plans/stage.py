"""The plans stage: remediation items, their SMART slots, vague_plan and unremedied_weaknesses.

For each report:

1. :mod:`items` finds the remediation items (plan section, bullets, run-on paragraphs, remedies
   inside other sections) and the stated weaknesses.
2. :mod:`temporal` reads each item's deadline (or the deadline of its lead-in, "Năm 2025: …")
   and normalises it; :mod:`classifier` (models/plan_items.skops) gives the probability that the
   item is specific (``score``) and which of measure / target it lacks; the deadline slot is the
   grammar's verdict.
3. :mod:`linking` links each item to the weakness it answers.

Findings:

* ``vague_plan`` — flag 1 when no item is specific (a measure with a deadline or a measurable
  target), and when the report has no item at all. Score = 1 - the highest item score (1.0
  without items), so the flag is ``score > 1 - item_threshold``.
* ``unremedied_weaknesses`` — flag 1 when at least one stated weakness has no item answering it.
  Score = share of the stated weaknesses left without remedy (0 when none is stated). Detail =
  those weaknesses, ';'-joined.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.engine import current_engine
from pipeline.engine.local import chunk_size
from pipeline.model import Batch
from pipeline.stages.plans.classifier import MODEL_NAME, LexiconModel
from pipeline.stages.plans.items import (
    Span,
    _heading_like,
    candidate_units,
    plan_items,
    scan_sections,
    weaknesses,
)
from pipeline.stages.plans.linking import LinkParams, link_score
from pipeline.stages.plans.temporal import find_deadlines

log = logging.getLogger(__name__)

#: Sentence labels that, when they beat "weaknesses", mark a line of the weaknesses section as
#: something else (a cause, last year's remedy, a responsibility statement, a plan).
WEAKNESS_RIVALS = ("causes", "remedy_earlier", "collective_responsibility", "explanations", "plan")

SLOT_NAMES_VI = {"measure": "biện pháp cụ thể", "deadline": "thời hạn", "target": "chỉ tiêu đo được"}


@dataclass
class PlanParams:
    """Thresholds of the stage (recorded in ``batch.params["plans"]``)."""

    item_threshold: float | None = None  # None: the model's own (chosen by CV on the train split)
    model: str = MODEL_NAME
    link: LinkParams = field(default_factory=LinkParams)
    max_reason_items: int = 3  # weaknesses quoted in a reason
    quote_chars: int = 70
    #: Use the segmenter's sentence classifier (models/section_paragraphs) to drop causes,
    #: earlier-remedy and responsibility lines from the weaknesses, and to rescue plan items the
    #: segmenter put into a neighbouring section.
    sentence_model: bool = True
    weak_drop_min: float = 0.3  # drop a weakness line when a rival label reaches this probability
    weak_drop_margin: float = 0.0  # ... and beats "weaknesses" by at least this much
    rescue_min_proba: float = 0.6  # a unit of a neighbouring section is an item from this P(plan)
    #: ... and a paragraph (or bullet run) of at least two such units is a plan written without a
    #: heading when its mean P(plan) reaches this (None: off); chosen on the development batches
    rescue_block_mean: float | None = 0.25
    #: A lead-in's time frame ("Năm 2026, tôi đề ra các biện pháp sau:") counts as the deadline of
    #: the items under it that have none of their own.
    inherit_lead_in: bool = True
    #: "label": the label model's probability; "mean_slots": its mean with the slots' own verdict
    #: P(measure) * max(deadline found, P(target)), so that the label and slot models agree more
    score_mode: str = "label"


#: One report's input to :meth:`PlanStage.run_docs`: doc_id, text, year, its sections as
#: (label, start, end, heading).
DocInput = tuple[Any, str, int, list[tuple[str, int, int, str]]]
#: Fewest reports sent to the engine's workers: the stage costs ~5 ms per generated report
#: (benchmarks/RESULTS.md) and a ``map_shared`` call on 2 forked workers 0.12-0.19 s, so 2 workers
#: break even at ~60 reports; from 100 they save time.
PARALLEL_MIN_DOCS = 100
#: Largest chunk of reports per task (each worker gets about 4 chunks of a smaller batch).
DOCS_PER_CHUNK = 250


@dataclass
class PlanRows:
    """What :meth:`PlanStage.run_docs` returns for some reports."""

    plan_rows: list[dict[str, Any]] = field(default_factory=list)
    finding_rows: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("items", "specific_items", "weaknesses", "unremedied"), 0)
    )
    last_run: dict[str, dict[Any, Any]] = field(default_factory=dict)


def _plan_chunk(shared: tuple[PlanStage, float], inputs: list[DocInput]) -> PlanRows:
    """:meth:`PlanStage.run_docs` on a worker (the stage and threshold given once per worker)."""
    stage, threshold = shared
    return stage.run_docs(inputs, threshold)


def _load_model(name: str) -> tuple[Any, str]:
    from pipeline.modelio import ModelMissing, load_card, load_model

    try:
        model = load_model(name)
        return model, f"{name} (sha256 {load_card(name).get('sha256', '')[:12]})"
    except ModelMissing as exc:  # a modified or untrusted file (ModelRefused) stops the screen
        log.warning("plan item model not available (%s); falling back to the lexicon baseline", exc)
        return LexiconModel(), "lexicon baseline (model not found)"


def _quote(text: str, n: int) -> str:
    t = " ".join(text.split()).lstrip("-+*• ").rstrip(".;, ")
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


class PlanStage:
    """Stage ``plans``: vague_plan and unremedied_weaknesses (see module docstring)."""

    name = "plans"
    provides = ("vague_plan", "unremedied_weaknesses")

    def __init__(self, model: Any = None, **params: Any) -> None:
        link = params.pop("link", None)
        self.params = PlanParams(**params)
        if isinstance(link, dict):
            self.params.link = LinkParams(**link)
        elif isinstance(link, LinkParams):
            self.params.link = link
        self._model = model
        self._model_desc = "given" if model is not None else ""

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model, self._model_desc = _load_model(self.params.model)
        return self._model

    # ------------------------------------------------------------------------------------
    def run(self, batch: Batch) -> None:
        t0 = time.perf_counter()
        p = self.params
        model = self.model
        threshold = (
            p.item_threshold if p.item_threshold is not None else float(getattr(model, "threshold", 0.5))
        )
        if p.sentence_model:
            self._sentence_model()  # loaded here, so that forked workers inherit it
        sections = batch.sections
        by_doc = {d: g for d, g in sections.groupby("doc_id")} if len(sections) else {}
        inputs: list[DocInput] = []
        for doc in batch.documents.itertuples(index=False):
            text = str(doc.text) if isinstance(doc.text, str) else ""
            g = by_doc.get(doc.doc_id)
            rows4 = (
                []
                if g is None
                else [
                    (
                        str(r.label),
                        int(r.start),
                        int(r.end),
                        str(r.heading) if isinstance(r.heading, str) else "",
                    )
                    for r in g.itertuples(index=False)
                ]
            )
            inputs.append((doc.doc_id, text, _year(doc.year), rows4))

        # every report's work depends on that report alone: chunks of reports on the engine's
        # workers when there are enough of them (same rows, in the same order, bit for bit)
        engine = current_engine()
        workers = int(getattr(engine, "workers", 1) or 1)
        if workers > 1 and len(inputs) >= PARALLEL_MIN_DOCS and hasattr(engine, "map_shared"):
            size = chunk_size(len(inputs), workers, DOCS_PER_CHUNK)
            chunks = [inputs[i : i + size] for i in range(0, len(inputs), size)]
            outs = list(engine.map_shared(_plan_chunk, (self, threshold), chunks))
        else:
            outs = [self.run_docs(inputs, threshold)]

        #: diagnostics for benchmarks: the units the stage worked on, per document
        self.last_run = {"items": {}, "weaknesses": {}, "remedied": {}}
        plan_rows: list[dict[str, Any]] = []
        finding_rows: list[dict[str, Any]] = []
        counts = dict.fromkeys(("items", "specific_items", "weaknesses", "unremedied"), 0)
        for out in outs:
            for key in ("items", "weaknesses", "remedied"):
                self.last_run[key].update(out.last_run[key])
            plan_rows += out.plan_rows
            finding_rows += out.finding_rows
            for key in counts:
                counts[key] += out.counts[key]
        if plan_rows:
            batch.add_plans(pd.DataFrame(plan_rows, columns=list(schema.PLAN_COLUMNS)))
        batch.add_findings(finding_rows)
        params = asdict(p)
        params.update(
            {
                "item_threshold": threshold,
                "vague_plan_rule": "flag = no item with score >= item_threshold; score = 1 - max item score (1.0 without items)",
                "unremedied_rule": "flag = a stated weakness with no item of link score >= link.threshold; score = share unremedied",
                "model": self._model_desc,
                "counts": counts,
                "timings_s": {"total": round(time.perf_counter() - t0, 3)},
            }
        )
        batch.params["plans"] = params

    def run_docs(self, inputs: list[DocInput], threshold: float) -> PlanRows:
        """Items, their scores and links, and the two findings, for some reports (in order)."""
        p = self.params
        model = self.model

        # 1. items and weaknesses of every report
        raw: list[tuple[Any, str, int, list[Span], list[Span], list[Span], bool]] = []
        for doc_id, text, year, rows4 in inputs:
            secs = [(lab, a, b) for lab, a, b, _h in rows4]
            rows4, secs = _with_scan(text, rows4, secs)
            has_plan_section = any("plan" in str(lab).split(schema.MERGE_SEP) for lab, _a, _b in secs)
            items = plan_items(text, rows4)
            cands = (
                [
                    c
                    for c in candidate_units(text, secs)
                    if not any(c.start < it.end and it.start < c.end for it in items)
                ]
                if p.sentence_model
                else []
            )
            raw.append((doc_id, text, year, items, weaknesses(text, rows4), cands, has_plan_section))
        sent_model = self._sentence_model() if p.sentence_model else None
        if sent_model is not None:
            raw = self._refine(raw, sent_model)

        out = PlanRows(last_run={"items": {r[0]: r[3] for r in raw}, "weaknesses": {r[0]: r[4] for r in raw}})
        out.last_run["remedied"] = {}
        docs: list[dict[str, Any]] = []
        all_texts: list[str] = []
        all_years: list[int] = []
        for doc_id, _text, year, items, weak, _c, has_plan_section in raw:
            rows = []
            for it in items:
                own = find_deadlines(it.text, year)
                ctx = (
                    find_deadlines(it.context, year) if (not own and it.context and p.inherit_lead_in) else []
                )
                dl = _primary(own) or _primary(ctx)
                scored = f"{it.context}: {it.text}" if ctx else it.text
                rows.append({"span": it, "deadline": dl, "scored": scored})
                all_texts.append(scored)
                all_years.append(year)
            docs.append({"doc_id": doc_id, "items": rows, "weak": weak, "has_plan_section": has_plan_section})

        # 2. classify every item at once
        preds = model.predict(all_texts, all_years) if all_texts else []
        k = 0
        counts = out.counts
        for d in docs:
            items = d["items"]
            for row in items:
                pr = preds[k]
                k += 1
                row["score"] = _item_score(pr, row["deadline"] is not None, p.score_mode)
                row["label"] = "specific" if row["score"] >= threshold else "vague"
                row["missing"] = _missing(pr, row["deadline"] is not None, row["label"])
            # 3. links
            weak: list[Span] = d["weak"]
            scores = [[link_score(w.text, r["span"].text, p.link) for r in items] for w in weak]
            remedied = [bool(s) and max(s) >= p.link.threshold for s in scores]
            out.last_run["remedied"][d["doc_id"]] = remedied
            for j, row in enumerate(items):
                best_i, best_s = None, 0.0
                for i in range(len(weak)):
                    if scores[i][j] >= p.link.threshold and scores[i][j] > best_s:
                        best_i, best_s = i, scores[i][j]
                row["answers"] = weak[best_i].text if best_i is not None else ""
            for row in items:
                sp: Span = row["span"]
                dl = row["deadline"]
                out.plan_rows.append(
                    {
                        "doc_id": d["doc_id"],
                        "item": sp.text,
                        "label": row["label"],
                        "missing": ";".join(row["missing"]),
                        "score": round(row["score"], 4),
                        "start": sp.start,
                        "end": sp.end,
                        "deadline": dl.text if dl else "",
                        "deadline_start": dl.iso_start if dl else "",
                        "deadline_end": dl.iso_end if dl else "",
                        "answers_weakness": row["answers"],
                    }
                )
            out.finding_rows.append(self._vague_plan(d["doc_id"], items, d["has_plan_section"], threshold))
            out.finding_rows.append(self._unremedied(d["doc_id"], weak, remedied))
            counts["items"] += len(items)
            counts["specific_items"] += sum(r["label"] == "specific" for r in items)
            counts["weaknesses"] += len(weak)
            counts["unremedied"] += sum(not r for r in remedied)
        return out

    # ------------------------------------------------------------------------------------
    def _sentence_model(self) -> Any:
        """The segmenter's paragraph classifier (a fitted pipeline with predict_proba), or None."""
        if getattr(self, "_sent_model", None) is None:
            self._sent_model: Any = False
            try:
                from pipeline.screen import default_segmenter

                pipe = getattr(getattr(default_segmenter(), "paragraph_model", None), "pipeline", None)
                if pipe is not None and hasattr(pipe, "predict_proba"):
                    self._sent_model = pipe
            except Exception as exc:  # the stage works without it
                log.warning("sentence classifier not available for the plans stage: %s", exc)
        return self._sent_model or None

    def _refine(self, raw: list[Any], model: Any) -> list[Any]:
        """Drop non-weakness lines from the weaknesses; add rescued plan items."""
        p = self.params
        classes = [str(c) for c in model.classes_]
        texts = [w.text for r in raw for w in r[4]] + [c.text for r in raw for c in r[5]]
        if not texts:
            return raw
        proba = model.predict_proba(texts)
        wi = classes.index("weaknesses") if "weaknesses" in classes else None
        pi = classes.index("plan") if "plan" in classes else None
        drop = [classes.index(c) for c in WEAKNESS_RIVALS if c in classes]
        k = 0
        out = []
        for doc_id, text, year, items, weak, cands, has_plan in raw:
            kept = []
            for w in weak:
                row = proba[k]
                k += 1
                rival = max((row[i] for i in drop), default=0.0)
                if wi is None or not (rival >= p.weak_drop_min and rival - row[wi] >= p.weak_drop_margin):
                    kept.append(w)
            out.append([doc_id, text, year, items, kept, cands, has_plan])
        for r in out:
            rescued = []
            probs = []
            for c in r[5]:
                row = proba[k]
                k += 1
                probs.append(float(row[pi]) if pi is not None else 0.0)
                if pi is not None and row[pi] >= p.rescue_min_proba and row[pi] >= max(row):
                    rescued.append(c)
            if p.rescue_block_mean is not None:
                for block in _blocks(r[1], list(zip(r[5], probs, strict=True))):
                    if len(block) >= 2 and sum(pr for _c, pr in block) / len(block) >= p.rescue_block_mean:
                        rescued += [c for c, _pr in block if c not in rescued]
            if rescued:
                r[3] = sorted([*r[3], *rescued], key=lambda s: s.start)
        return [tuple(r) for r in out]

    def _vague_plan(
        self, doc_id: str, items: list[dict[str, Any]], has_section: bool, threshold: float
    ) -> dict[str, Any]:
        if not items:
            where = (
                "Phần phương hướng, biện pháp khắc phục không có biện pháp nào"
                if has_section
                else "Không có phần phương hướng, biện pháp khắc phục"
            )
            return {
                "doc_id": doc_id,
                "finding": "vague_plan",
                "flag": 1,
                "score": 1.0,
                "reason": where + ".",
                "detail": "items=0;specific=0",
            }
        best = max(r["score"] for r in items)
        n = len(items)
        spec = sum(r["label"] == "specific" for r in items)
        flag = int(spec == 0)
        detail = f"items={n};specific={spec}"
        if not flag:
            reason = f"{spec}/{n} mục có biện pháp kèm thời hạn hoặc chỉ tiêu đo được."
        else:
            counts = {s: sum(s in r["missing"] for r in items) for s in schema.PLAN_SLOTS}
            parts = []
            for s in schema.PLAN_SLOTS:
                c = counts[s]
                if c == n:
                    parts.append(
                        f"{'cả ' if n == 2 else ''}{n} mục đều thiếu {SLOT_NAMES_VI[s]}"
                        if n > 1
                        else f"mục duy nhất thiếu {SLOT_NAMES_VI[s]}"
                    )
                elif c:
                    parts.append(f"{c}/{n} mục thiếu {SLOT_NAMES_VI[s]}")
            reason = (
                "Không có biện pháp nào có thời hạn hoặc chỉ tiêu đo được: "
                + ("; ".join(parts) if parts else f"{n} mục đều chung chung")
                + "."
            )
            detail += ";" + ";".join(f"missing_{s}={counts[s]}" for s in schema.PLAN_SLOTS)
        return {
            "doc_id": doc_id,
            "finding": "vague_plan",
            "flag": flag,
            "score": round(1.0 - best, 4),
            "reason": reason,
            "detail": detail,
        }

    def _unremedied(self, doc_id: str, weak: list[Span], remedied: list[bool]) -> dict[str, Any]:
        p = self.params
        if not weak:
            return {
                "doc_id": doc_id,
                "finding": "unremedied_weaknesses",
                "flag": 0,
                "score": 0.0,
                "reason": "Không nêu hạn chế cụ thể nào.",
                "detail": "",
            }
        left = [w for w, r in zip(weak, remedied, strict=True) if not r]
        share = len(left) / len(weak)
        if not left:
            return {
                "doc_id": doc_id,
                "finding": "unremedied_weaknesses",
                "flag": 0,
                "score": 0.0,
                "reason": f"Cả {len(weak)} hạn chế đều có biện pháp khắc phục."
                if len(weak) > 1
                else "Hạn chế nêu ra có biện pháp khắc phục.",
                "detail": "",
            }
        quoted = "; ".join(f"«{_quote(w.text, p.quote_chars)}»" for w in left[: p.max_reason_items])
        more = f" và {len(left) - p.max_reason_items} hạn chế khác" if len(left) > p.max_reason_items else ""
        reason = f"{len(left)}/{len(weak)} hạn chế không có biện pháp khắc phục: {quoted}{more}."
        detail = ";".join(" ".join(w.text.replace(";", ",").split()) for w in left)
        return {
            "doc_id": doc_id,
            "finding": "unremedied_weaknesses",
            "flag": 1,
            "score": round(share, 4),
            "reason": reason,
            "detail": detail,
        }


def _item_score(pred: dict[str, Any], has_deadline: bool, mode: str) -> float:
    """The probability that an item is specific (see ``PlanParams.score_mode``)."""
    label = float(pred["score"])
    if mode != "mean_slots":
        return label
    sp = pred.get("slot_proba", {})
    slots = float(sp.get("measure", 0.0)) * max(1.0 if has_deadline else 0.0, float(sp.get("target", 0.0)))
    return (label + slots) / 2


def _blocks(text: str, units: list[tuple[Span, float]]) -> list[list[tuple[Span, float]]]:
    """Group consecutive units into paragraphs: a blank line or a heading-like line between two
    units starts a new group."""
    out: list[list[tuple[Span, float]]] = []
    prev_end = -1
    for u, pr in units:
        gap = text[prev_end : u.start] if prev_end >= 0 else ""
        if not out or "\n\n" in gap or any(_heading_like(line) for line in gap.split("\n")[1:]):
            out.append([])
        out[-1].append((u, pr))
        prev_end = u.end
    return out


def _missing(pred: dict[str, Any], has_deadline: bool, label: str) -> list[str]:
    """Slots missing from an item: measure and target from the slot models, deadline from the
    grammar; reconciled with the label (a vague item lacks something, a specific one has its
    measure and a deadline or a target)."""
    proba = dict(pred.get("slot_proba", {}))
    proba["deadline"] = 1.0 if has_deadline else 0.0
    present = {s: proba.get(s, 0.0) >= 0.5 for s in schema.PLAN_SLOTS}
    if label == "specific":
        present["measure"] = True
        if not (present["deadline"] or present["target"]):
            present["target"] = True
    elif present["measure"] and (present["deadline"] or present["target"]):
        # the label model judged it vague although every slot reads present: name the weakest slot
        weakest = min(
            ("measure", "target") if present["target"] else ("measure",), key=lambda s: proba.get(s, 0.0)
        )
        present[weakest] = False
    return [s for s in schema.PLAN_SLOTS if not present[s]]


def _with_scan(
    text: str, rows4: list[tuple[str, int, int, str]], secs: list[tuple[str, int, int]]
) -> tuple[list[Any], list[Any]]:
    """Add the plan / weaknesses blocks of our own heading scan when the segmenter found none.

    The segmenter's sections that a scanned block overlaps are cut back so that a label is not
    read twice (a missed plan heading leaves the plan inside e.g. the causes)."""
    have = {part for lab, _a, _b in secs for part in lab.split(schema.MERGE_SEP)}
    missing = {"plan", "weaknesses"} - have
    # a plan the segmenter found only by its content (no heading) yields to a plan heading of ours
    if "plan" in have and all(
        not h.strip() for lab, _a, _b, h in rows4 if "plan" in lab.split(schema.MERGE_SEP)
    ):
        missing.add("plan")
    if not missing or not text:
        return rows4, secs
    scanned = scan_sections(text)
    add = [(lab, a, b) for lab, a, b in scanned if lab in missing]
    if not add:
        return rows4, secs
    if "plan" in missing and "plan" in have and any(lab == "plan" for lab, _a, _b in add):
        # drop the segmenter's heading-less plan sections: the scanned block replaces them
        rows4 = [r for r in rows4 if "plan" not in r[0].split(schema.MERGE_SEP)]
    # scanned remedy_earlier / causes blocks also bound what we add
    out4: list[tuple[str, int, int, str]] = []
    for lab, a, b, h in rows4:
        for _l, sa, sb in add:
            if a < sb and sa < b:
                if a < sa:
                    out4.append((lab, a, sa, h))
                if sb < b:
                    out4.append((lab, sb, b, ""))
                break
        else:
            out4.append((lab, a, b, h))
    out4 += [
        (lab, a, b, text[a : text.find("\n", a) if text.find("\n", a) != -1 else b]) for lab, a, b in add
    ]
    out4.sort(key=lambda r: r[1])
    return out4, [(lab, a, b) for lab, a, b, _h in out4]


def _primary(found: list[Any]) -> Any:
    """The deadline to report for an item: a dated one first, then an event, then a recurring one."""
    if not found:
        return None
    rank = {"date": 0, "period": 0, "event": 1, "recurring": 2}
    return min(
        found,
        key=lambda d: (
            rank.get(d.kind, 3) if (d.period_start or d.period_end or d.kind != "period") else 3,
            d.start,
        ),
    )


def _year(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return time.localtime().tm_year

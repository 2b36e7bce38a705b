"""Ground truth of a generated report, computed from its final structure (never from intentions).

Flag definitions (the datasheet, corpora/README.md, states them for users):

* copied_prior: a passage reused from the writer's own report of an earlier year (direct copy).
* copied_peer: a passage reused from a colleague's report or the unit's collective report of the
  same year (the copier only; the source has ``peer_source_of``).
* template_heavy: at least one whole section (or the whole report) comes from a template, directly
  or through a copied report.
* missing_ideology / missing_ethics: no substantive sentence about politics / about ethics and
  lifestyle anywhere (individual reports; 0 for collective reports).
* vague_plan: no remediation item with a measure plus a deadline or a target.
* generic_weaknesses: no specific stated weakness (including "no weaknesses").
* unquantified_results: no sentence stating a figure or a named product in the duties and
  leadership sections (targets section for collective reports).
* no_collective_responsibility: a leader's report names none of the shortcomings of the unit's
  collective report of that year (members: 0).
* unremedied_weaknesses: a stated weakness whose topic no remediation item addresses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline import schema
from pipeline.corpus.doc import OBFUSCATIONS, Doc, Sent


@dataclass
class DocTruth:
    doc_id: str
    flags: dict[str, int]
    copied_peer_of: list[str]
    template_ids: list[str]
    sections: list[dict[str, Any]] = field(default_factory=list)
    spans: list[dict[str, Any]] = field(default_factory=list)
    plans: list[dict[str, Any]] = field(default_factory=list)
    weaknesses: list[dict[str, Any]] = field(default_factory=list)
    responsibility: list[dict[str, Any]] = field(default_factory=list)


def section_rows(doc: Doc) -> list[dict[str, Any]]:
    """Labelled spans tiling the text: a parent heading belongs to its first child, the gap
    after a section (newlines) to that section; adjacent equal labels are merged."""
    r = doc.rendered
    assert r is not None
    starts: list[tuple[int, str]] = []
    pending: int | None = None
    for sec, (start, _body, end) in zip(doc.sections, r.spans, strict=True):
        if start == end and sec.heading is None:
            continue
        if sec.label is None:
            pending = start if pending is None else pending
            continue
        begin = pending if pending is not None else start
        pending = None
        if starts and starts[-1][1] == sec.label:
            continue
        starts.append((begin, sec.label))
    if starts:
        starts[0] = (0, starts[0][1])
    rows = []
    n = len(r.text)
    for i, (begin, label) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else n
        rows.append({"doc_id": doc.doc_id, "label": label, "start": begin, "end": end})
    return rows


def _template_runs(doc: Doc) -> list[dict[str, Any]]:
    """Template-origin spans of sections not copied directly from that template."""
    r = doc.rendered
    assert r is not None
    rows = []
    for sec in doc.sections:
        direct = sec.copy.source_doc_id if sec.copy and sec.copy.source_kind == "template" else None
        run: list[Sent] = []
        for s in sec.body.sentences():
            if s.origin is not None and s.origin[0] != direct:
                if run and run[-1].origin and run[-1].origin[0] != s.origin[0]:
                    rows.append(_run_row(doc, run))
                    run = []
                run.append(s)
            elif run:
                rows.append(_run_row(doc, run))
                run = []
        if run:
            rows.append(_run_row(doc, run))
    return rows


def _run_row(doc: Doc, run: list[Sent]) -> dict[str, Any]:
    r = doc.rendered
    assert r is not None
    starts = [r.sent_spans[id(s)] for s in run]
    origins = [s.origin for s in run if s.origin]
    start, end = min(a for a, _ in starts), max(b for _, b in starts)
    s_start, s_end = min(o[1] for o in origins), max(o[2] for o in origins)
    # the obfuscation of a chain of copies: what the text shows, not what each step intended
    if r.text[start:end] == template_text(origins[0][0])[s_start:s_end]:
        obf = "verbatim"
    else:
        obf = OBFUSCATIONS[max(max(o[3] for o in origins), OBFUSCATIONS.index("reordered"))] \
            if max(o[3] for o in origins) == 0 else OBFUSCATIONS[max(o[3] for o in origins)]
    return {
        "doc_id": doc.doc_id, "source_doc_id": origins[0][0], "source_kind": "template",
        "start": start, "end": end, "source_start": s_start, "source_end": s_end,
        "obfuscation": obf, "scope": origins[0][4],
    }


def template_text(template_id: str) -> str:
    from pipeline.corpus.templates import load_templates

    for t in load_templates():
        if t.id == template_id:
            return t.text
    raise KeyError(template_id)


def compute(doc: Doc, coll_weak: list[dict[str, Any]] | None) -> DocTruth:
    """Truth rows and flags of a rendered report.

    ``coll_weak``: the unit's collective shortcomings of the year (dicts with id, topic), used to
    link a leader's responsibility statements; None for collective reports.
    """
    r = doc.rendered
    assert r is not None
    meta = doc.meta
    kind = meta["kind"]
    did = doc.doc_id
    sents = [s for sec in doc.sections for s in sec.body.sentences()]
    spans: list[dict[str, Any]] = []
    for idx, sec in enumerate(doc.sections):
        if sec.copy is None:
            continue
        start, body_start, end = r.spans[idx]
        cm = sec.copy
        spans.append({
            "doc_id": did, "source_doc_id": cm.source_doc_id, "source_kind": cm.source_kind,
            "start": start if cm.include_heading else body_start, "end": end,
            "source_start": cm.source_start, "source_end": cm.source_end,
            "obfuscation": cm.obfuscation, "scope": cm.scope,
        })
    spans += _template_runs(doc)
    weak_rows = []
    weak_ids: dict[str, str] = {}
    for k, s in enumerate([s for s in sents if s.kind == "weakness"], start=1):
        a, b = r.sent_spans[id(s)]
        wid = f"{did}-W{k:02d}"
        weak_ids.setdefault(s.topic, wid)
        weak_rows.append({"doc_id": did, "id": wid, "start": a, "end": b, "label": s.label, "topic": s.topic})
    plan_sents = [s for s in sents if s.kind == "plan"]
    plan_topics = {s.topic for s in plan_sents if s.topic}
    for row in weak_rows:
        row["remedied"] = int(row["topic"] in plan_topics)
        row["addressed_by"] = ""
    plan_rows = []
    for s in plan_sents:
        a, b = r.sent_spans[id(s)]
        plan_rows.append({
            "doc_id": did, "start": a, "end": b, "label": s.label, "has_measure": s.flags[0],
            "has_deadline": s.flags[1], "has_target": s.flags[2], "topic": s.topic,
            "answers_weakness": weak_ids.get(s.topic, ""),
        })
    resp_rows = []
    coll_by_topic = {w["topic"]: w["id"] for w in coll_weak or []}
    for s in sents:
        if s.kind == "resp":
            a, b = r.sent_spans[id(s)]
            resp_rows.append({"doc_id": did, "start": a, "end": b, "topic": s.topic,
                              "collective_weakness_id": coll_by_topic.get(s.topic, "")})
    individual = kind == "individual"
    quant_dims = ("duties_results", "leadership") if individual else ("duties_results",)
    flags = {
        "copied_prior": int(any(sp["source_kind"] == "prior" for sp in spans)),
        "copied_peer": int(any(sp["source_kind"] == "peer" for sp in spans)),
        "template_heavy": int(any(sp["source_kind"] == "template" for sp in spans)),
        "missing_ideology": int(individual and not any(s.dim == "ideology" and s.subst for s in sents)),
        "missing_ethics": int(individual and not any(s.dim == "ethics_lifestyle" and s.subst for s in sents)),
        "vague_plan": int(not any(s.label == "specific" for s in plan_sents)),
        "generic_weaknesses": int(not any(w["label"] == "specific" for w in weak_rows)),
        "unquantified_results": int(not any(s.quant and s.dim in quant_dims for s in sents)),
        "no_collective_responsibility": int(
            individual and meta["role"] == "leader" and bool(coll_weak)
            and not any(row["collective_weakness_id"] for row in resp_rows)
        ),
        "unremedied_weaknesses": int(any(not row["remedied"] for row in weak_rows)),
    }
    assert set(flags) == set(schema.ALL_FINDINGS)
    peers = sorted({sp["source_doc_id"] for sp in spans if sp["source_kind"] == "peer"})
    templates = sorted({sp["source_doc_id"] for sp in spans if sp["source_kind"] == "template"})
    return DocTruth(did, flags, peers, templates, section_rows(doc), spans, plan_rows, weak_rows, resp_rows)

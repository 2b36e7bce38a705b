"""Evaluation of the reuse stage against generated truth (PAN text-alignment measures).

Measures (Potthast et al., "An Evaluation Framework for Plagiarism Detection", COLING 2010; PAN 2014):

* A *case* s is a reused passage from truth_spans.csv: characters ``[start, end)`` of the report plus
  ``[source_start, source_end)`` of the source. A *detection* r is one row of matches.csv.
  r detects s when both name the same report and source and overlap in the report and in the
  source. Characters are counted in both texts (a case is the union of its two char sets).
* precision = mean over detections of the share of its characters inside cases it detects;
  recall = mean over cases of the share of its characters inside detections that detect it;
  granularity = mean number of detections per detected case;
  plagdet = F1 / log2(1 + granularity).
* Per obfuscation type: recall and granularity over the cases of that type; precision over the
  detections that detect at least one case of that type (so false detections only count in the
  overall and per-channel precision). Per channel (prior / peer / template): cases and detections
  of that source kind.
* Document level: per finding, flags against truth.csv; per obfuscation type, the positives whose
  truth passages are (mostly) of that type plus all negatives.
* Pair level: (report, source) pairs of truth spans against pairs in matches.csv.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.model import DOCUMENT_FRAME_COLUMNS, SECTION_COLUMNS, Batch

# --------------------------------------------------------------------------------------------
# loading a generated folder


def batch_from_folder(folder: str | Path, with_sections: bool = True) -> Batch:
    """A Batch from a generated folder (manifest.csv + texts; sections from truth_sections.csv).

    For evaluation only: ``pipeline.screen`` builds batches properly (ingestion, segmentation).
    """
    folder = Path(folder)
    man = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    rows = []
    for r in man.to_dict("records"):
        text = (folder / r["path"]).read_text(encoding="utf-8")
        row = {c: r.get(c, "") for c in DOCUMENT_FRAME_COLUMNS if c in r}
        row["text"] = text
        row["year"] = int(r["year"]) if str(r.get("year", "")).strip() else None
        rows.append(row)
    batch = Batch()
    batch.documents = pd.DataFrame(rows).reindex(columns=list(DOCUMENT_FRAME_COLUMNS))
    sec_path = folder / "truth_sections.csv"
    if with_sections and sec_path.is_file():
        sec = pd.read_csv(sec_path, dtype={"doc_id": str, "label": str}, keep_default_na=False)
        if "heading" not in sec.columns:
            sec["heading"] = ""
        batch.sections = sec.reindex(columns=list(SECTION_COLUMNS))
    return batch


# --------------------------------------------------------------------------------------------
# PAN character measures


@dataclass
class Span:
    doc: str
    src: str
    a0: int
    a1: int
    s0: int
    s1: int
    label: str = ""  # obfuscation (cases) or match_type (detections)
    kind: str = ""  # source kind

    @property
    def size(self) -> int:
        return (self.a1 - self.a0) + (self.s1 - self.s0)


def _spans(df: pd.DataFrame, label_col: str) -> list[Span]:
    out = []
    for r in df.itertuples(index=False):
        out.append(
            Span(
                str(r.doc_id),
                str(r.source_doc_id),
                int(r.start),
                int(r.end),
                int(r.source_start),
                int(r.source_end),
                str(getattr(r, label_col, "") or ""),
                str(getattr(r, "source_kind", "") or ""),
            )
        )
    return out


def _union_len(intervals: Iterable[tuple[int, int]]) -> int:
    total, cur_s, cur_e = 0, None, None
    for s, e in sorted(intervals):
        if e <= s:
            continue
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        total += cur_e - cur_s
    return total


def _inter(a0: int, a1: int, b0: int, b1: int) -> tuple[int, int]:
    return max(a0, b0), min(a1, b1)


def _detects(r: Span, s: Span) -> bool:
    return (
        r.doc == s.doc
        and r.src == s.src
        and min(r.a1, s.a1) > max(r.a0, s.a0)
        and min(r.s1, s.s1) > max(r.s0, s.s0)
    )


def pan_scores(
    cases: list[Span], dets: list[Span], precision_cases: list[Span] | None = None
) -> dict[str, float]:
    """Macro precision, recall, granularity and plagdet (PAN 2010/2014).

    ``precision_cases``: the cases a detection's characters are checked against for precision
    (default ``cases``). A per-obfuscation subset passes every case: PAN's per-obfuscation
    corpora hold one obfuscation per document pair, while a generated whole-report copy mixes
    them per section, so one detection covering a verbatim and a reordered section is not
    half wrong."""
    by_pair: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for r in dets:
        by_pair[(r.doc, r.src)].append(r)
    case_by_pair: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for s in cases if precision_cases is None else precision_cases:
        case_by_pair[(s.doc, s.src)].append(s)
    rec_sum, gran_sum, n_detected = 0.0, 0, 0
    for s in cases:
        hits = [r for r in by_pair.get((s.doc, s.src), ()) if _detects(r, s)]
        if hits:
            n_detected += 1
            gran_sum += len(hits)
            a = _union_len(_inter(s.a0, s.a1, r.a0, r.a1) for r in hits)
            b = _union_len(_inter(s.s0, s.s1, r.s0, r.s1) for r in hits)
            rec_sum += (a + b) / max(s.size, 1)
    prec_sum = 0.0
    for r in dets:
        hits = [s for s in case_by_pair.get((r.doc, r.src), ()) if _detects(r, s)]
        if hits:
            a = _union_len(_inter(s.a0, s.a1, r.a0, r.a1) for s in hits)
            b = _union_len(_inter(s.s0, s.s1, r.s0, r.s1) for s in hits)
            prec_sum += (a + b) / max(r.size, 1)
    prec = prec_sum / len(dets) if dets else (1.0 if not cases else 0.0)
    rec = rec_sum / len(cases) if cases else 1.0
    gran = gran_sum / n_detected if n_detected else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "granularity": round(gran, 4),
        "plagdet": round(f1 / math.log2(1 + gran), 4),
        "cases": len(cases),
        "detections": len(dets),
    }


def pan_report(truth_spans: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """PAN measures overall, per channel and per obfuscation type (one row each)."""
    cases = _spans(truth_spans, "obfuscation")
    dets = _spans(matches, "match_type")
    rows = [{"subset": "all", **pan_scores(cases, dets)}]
    for kind in sorted({c.kind for c in cases} | {d.kind for d in dets}):
        rows.append(
            {
                "subset": f"channel={kind}",
                **pan_scores([c for c in cases if c.kind == kind], [d for d in dets if d.kind == kind]),
            }
        )
    for ob in sorted({c.label for c in cases}):
        cs = [c for c in cases if c.label == ob]
        ds = [d for d in dets if any(_detects(d, c) for c in cs)]
        rows.append({"subset": f"obfuscation={ob}", **pan_scores(cs, ds, cases)})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# document and pair level


def f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def short_copies(truth_spans: pd.DataFrame, min_chars: int = 400) -> dict[str, set[str]]:
    """Per finding, the positive reports whose reused passages of that kind total < ``min_chars``
    characters (one or two sentences, mostly stock wording)."""
    t = truth_spans.assign(chars=truth_spans["end"] - truth_spans["start"])
    total = t.groupby(["source_kind", "doc_id"])["chars"].sum()
    out: dict[str, set[str]] = {}
    for (kind, doc), chars in total.items():
        if chars < min_chars:
            out.setdefault(_KIND_FINDING.get(kind, kind), set()).add(str(doc))
    return out


def doc_report(
    truth: pd.DataFrame,
    findings: pd.DataFrame,
    doc_obfuscation: dict[tuple[str, str], str] | None = None,
    short: dict[str, set[str]] | None = None,
) -> pd.DataFrame:
    """Document-level P/R/F1 per finding, and per (finding, obfuscation) subset.

    With ``short`` (see :func:`short_copies`), a "long" subset is added: those short positives are
    left out (neither counted as found nor as missed, nor as false alarms when flagged).
    """
    rows = []
    flags = findings.pivot_table(index="doc_id", columns="finding", values="flag", aggfunc="max")
    for finding in ("copied_prior", "copied_peer", "template_heavy"):
        if finding not in truth.columns or finding not in flags.columns:
            continue
        t = truth.set_index("doc_id")[finding].astype(int)
        pr = flags[finding].reindex(t.index).fillna(0).astype(int)
        tp = int(((t == 1) & (pr == 1)).sum())
        fp = int(((t == 0) & (pr == 1)).sum())
        fn = int(((t == 1) & (pr == 0)).sum())
        rows.append({"finding": finding, "subset": "all", **f1(tp, fp, fn)})
        if short is not None:
            keep = ~t.index.isin(sorted(short.get(finding, set())))
            tk, pk = t[keep], pr[keep]
            rows.append(
                {
                    "finding": finding,
                    "subset": "long",
                    **f1(
                        int(((tk == 1) & (pk == 1)).sum()),
                        int(((tk == 0) & (pk == 1)).sum()),
                        int(((tk == 1) & (pk == 0)).sum()),
                    ),
                }
            )
        if doc_obfuscation:
            obs = sorted({ob for (f, _d), ob in doc_obfuscation.items() if f == finding})
            for ob in obs:
                pos = [
                    d for (f, d), o in doc_obfuscation.items() if f == finding and o == ob and d in t.index
                ]
                tp_o = int((pr.loc[pos] == 1).sum())
                fn_o = len(pos) - tp_o
                rows.append({"finding": finding, "subset": f"obfuscation={ob}", **f1(tp_o, fp, fn_o)})
    return pd.DataFrame(rows)


def pair_report(truth_spans: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """(report, source) pairs: truth pairs against pairs with at least one match, per channel."""
    rows = []
    for kind in [None, *sorted(set(truth_spans["source_kind"]))]:
        t = truth_spans if kind is None else truth_spans[truth_spans["source_kind"] == kind]
        m = matches if kind is None else matches[matches["source_kind"] == kind]
        tp_set = set(zip(t["doc_id"].astype(str), t["source_doc_id"].astype(str), strict=True))
        pr_set = set(zip(m["doc_id"].astype(str), m["source_doc_id"].astype(str), strict=True))
        rows.append(
            {
                "channel": kind or "all",
                **f1(len(tp_set & pr_set), len(pr_set - tp_set), len(tp_set - pr_set)),
            }
        )
    return pd.DataFrame(rows)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, dict[str, float]]:
    """Threshold on ``scores`` (flag when >=) with the best F1, and that F1 (oracle, for baselines)."""
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    best = (math.inf, f1(0, 0, int(labels.sum())))
    for thr in np.unique(scores):
        pred = scores >= thr
        res = f1(
            int((pred & (labels == 1)).sum()),
            int((pred & (labels == 0)).sum()),
            int((~pred & (labels == 1)).sum()),
        )
        if res["f1"] > best[1]["f1"]:
            best = (float(thr), res)
    return best


# --------------------------------------------------------------------------------------------
# baselines: Lazy Prices year-over-year measures and plain MinHash Jaccard


def _comparable_tokens(batch: Batch) -> dict[str, list[str]]:
    """Folded syllables of each report outside header / self-rating / other sections."""
    from pipeline.stages.reuse.shingles import TOKEN_RE
    from pipeline.stages.reuse.stage import _excluded_spans
    from pipeline.text.normalize import fold

    excl = _excluded_spans(batch.sections)
    out = {}
    for d, text in zip(batch.documents["doc_id"].astype(str), batch.documents["text"], strict=True):
        spans = excl.get(d, [])
        toks = []
        for m in TOKEN_RE.finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            toks.append(fold(m.group()))
        out[d] = toks
    return out


def _minhash(tokens: list[str], perms: int = 128, k: int = 5, seed: int = 7) -> np.ndarray:
    from pipeline.stages.reuse.shingles import _stable_hash

    if len(tokens) < k:
        return np.full(perms, np.iinfo(np.uint64).max, dtype=np.uint64)
    hv = np.array([_stable_hash(t) for t in tokens], dtype=np.uint64)
    n = len(hv) - k + 1
    h = hv[:n].copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            h = h * np.uint64(0x9E3779B97F4A7C15) + hv[j : j + n]
        rng = np.random.default_rng(seed)
        a = rng.integers(1, 2**63, size=perms, dtype=np.uint64) | np.uint64(1)
        b = rng.integers(0, 2**63, size=perms, dtype=np.uint64)
        return (np.unique(h)[None, :] * a[:, None] + b[:, None]).min(axis=1)


def baseline_measures(a: list[str], b: list[str], mh_a: np.ndarray, mh_b: np.ndarray) -> dict[str, float]:
    """Lazy Prices (Cohen, Malloy & Nguyen 2020) similarities of two syllable sequences + MinHash."""
    from collections import Counter

    from rapidfuzz.distance import Indel, Levenshtein

    ca, cb = Counter(a), Counter(b)
    dot = sum(v * cb.get(t, 0) for t, v in ca.items())
    na = math.sqrt(sum(v * v for v in ca.values()))
    nb = math.sqrt(sum(v * v for v in cb.values()))
    sa, sb = set(ca), set(cb)
    return {
        "cosine_tf": dot / (na * nb) if na and nb else 0.0,
        "jaccard": len(sa & sb) / len(sa | sb) if sa | sb else 0.0,
        "edit_similarity": Levenshtein.normalized_similarity(a, b),
        "diff_similarity": Indel.normalized_similarity(a, b),
        "minhash_jaccard": float((mh_a == mh_b).mean()),
    }


def baseline_scores(batch: Batch, templates: dict[str, str] | None = None) -> pd.DataFrame:
    """Per report and finding, the highest baseline similarity to any candidate source.

    Sources: own reports of year-1 / year-2 (copied_prior); every other member's report of the
    same unit and year (copied_peer; all pairs within the unit, affordable for evaluation only);
    every template (template_heavy).
    """
    from pipeline.stages.reuse.shingles import TOKEN_RE
    from pipeline.text.normalize import fold

    toks = _comparable_tokens(batch)
    mh = {d: _minhash(t) for d, t in toks.items()}
    tpl_toks = {
        f"template:{k}": [fold(m.group()) for m in TOKEN_RE.finditer(v)] for k, v in (templates or {}).items()
    }
    tpl_mh = {k: _minhash(t) for k, t in tpl_toks.items()}
    docs = batch.documents.copy()
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs["year"] = pd.to_numeric(docs["year"], errors="coerce")
    by_member = docs.groupby("member_id")
    by_unit_year = docs.groupby(["unit", "year"])
    rows = []
    for r in docs.itertuples(index=False):
        cand = {"copied_prior": [], "copied_peer": [], "template_heavy": list(tpl_toks)}
        if isinstance(r.member_id, str) and r.member_id and r.kind != "collective":
            g = by_member.get_group(r.member_id)
            cand["copied_prior"] = g[g["year"].isin([r.year - 1, r.year - 2])]["doc_id"].tolist()
        elif r.kind == "collective":
            g = docs[(docs["unit"] == r.unit) & (docs["kind"] == "collective")]
            cand["copied_prior"] = g[g["year"].isin([r.year - 1, r.year - 2])]["doc_id"].tolist()
        g = by_unit_year.get_group((r.unit, r.year))
        cand["copied_peer"] = [
            d for d, m in zip(g["doc_id"], g["member_id"], strict=True) if m != r.member_id or not m
        ]
        cand["copied_peer"] = [d for d in cand["copied_peer"] if d != r.doc_id]
        for finding, srcs in cand.items():
            best: dict[str, float] = {}
            for s in srcs:
                st, sm = (tpl_toks[s], tpl_mh[s]) if s.startswith("template:") else (toks[s], mh[s])
                for name, v in baseline_measures(toks[r.doc_id], st, mh[r.doc_id], sm).items():
                    best[name] = max(best.get(name, 0.0), v)
            for name, v in best.items():
                rows.append({"doc_id": r.doc_id, "finding": finding, "measure": name, "score": v})
    return pd.DataFrame(rows, columns=["doc_id", "finding", "measure", "score"])


def baseline_report(scores: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Each baseline measure with its best (oracle) threshold, per finding."""
    rows = []
    t = truth.set_index("doc_id")
    for (finding, measure), g in scores.groupby(["finding", "measure"]):
        if finding not in t.columns:
            continue
        lab = t[finding].reindex(t.index).astype(int)
        sc = g.set_index("doc_id")["score"].reindex(lab.index).fillna(0.0)
        thr, res = best_threshold(sc.to_numpy(), lab.to_numpy())
        rows.append({"finding": finding, "measure": measure, "threshold": round(thr, 4), **res})
    return pd.DataFrame(rows)


_KIND_FINDING = {"prior": "copied_prior", "peer": "copied_peer", "template": "template_heavy"}


def doc_obfuscations(truth_spans: pd.DataFrame) -> dict[tuple[str, str], str]:
    """``(finding, doc_id) -> obfuscation`` of a positive report: the type covering most characters."""
    t = truth_spans.assign(chars=truth_spans["end"] - truth_spans["start"])
    t = t.groupby(["source_kind", "doc_id", "obfuscation"], as_index=False)["chars"].sum()
    t = t.sort_values("chars", ascending=False).drop_duplicates(["source_kind", "doc_id"])
    return {
        (_KIND_FINDING.get(k, k), str(d)): o
        for k, d, o in zip(t["source_kind"], t["doc_id"], t["obfuscation"], strict=True)
    }

"""report.html: one self-contained page for the commission (jinja2, inline CSS/JS, no network).

What it holds (templates in ``pipeline/report/templates``):

- the ranked table (riskiest first) with filters by unit, year and finding; the filter state
  lives in the URL fragment (``#unit=...&year=...&finding=...``) so a link, or a headless
  browser, can open the page already filtered;
- per unit and year, the summary of :mod:`pipeline.report.units` with the "excellent" proposals
  made on reports that have findings called out;
- two pictures (:mod:`pipeline.report.plots`) embedded as base64 PNG;
- per report, its evidence in place: the full text with reused passages coloured by source
  (each with a link to the source report when it is in the batch), passage-by-passage views
  against last year's report, colleagues' reports and samples (word-level differences marked),
  the missing topics, and each plan item with its missing slots.

Every piece of report text goes through jinja2 autoescaping: a report containing HTML shows
as text and cannot inject into the page.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import pandas as pd

from pipeline import schema
from pipeline.report import plots
from pipeline.report.i18n import check_lang, labels
from pipeline.report.units import excellent_with_findings, unit_summary

if TYPE_CHECKING:
    from pipeline.screen import ScreenResult

TEMPLATES = Path(__file__).with_name("templates")

#: Reports listed in the ranked table at most (the riskiest); the rest are in the CSV/xlsx.
MAX_ROWS = 20_000
#: Reports with a full evidence section at most (the riskiest).
MAX_DETAILS = 500
#: Findings about topics the report should cover (shown under "missing topics").
TOPIC_FINDINGS: tuple[str, ...] = ("missing_ideology", "missing_ethics", "no_collective_responsibility")
#: Form sections every individual report has (domain.md §2); those not found are listed.
CORE_SECTIONS: tuple[str, ...] = ("ideology", "ethics", "duties", "weaknesses", "plan", "self_rating")
SECTION_FINDING = {"ideology": "missing_ideology", "ethics": "missing_ethics"}
#: Sources shown passage by passage per report (the rest: legend and highlights only).
MAX_SBS_SOURCES = 4
#: Passages shown per source in the side-by-side view.
MAX_SBS_PAIRS = 25
KIND_ORDER = {"prior": 0, "peer": 1, "template": 2}
SHADES_PER_KIND = 3

_TOKEN_RE = re.compile(r"\w+|[^\w\s]+|\s+")
#: C0 controls other than tab/newline/CR (e.g. Word's \x0b): shown as a space, same length, so
#: character spans still line up.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """``text`` with control characters replaced by spaces (offsets unchanged)."""
    return _CONTROL_RE.sub(" ", text)


@dataclass
class Segment:
    """A run of text with the sources covering it (empty: not reused)."""

    text: str
    sources: list[int] = field(default_factory=list)  # legend numbers, best match first
    css: str = ""
    end_refs: list[int] = field(default_factory=list)  # source links placed after this run


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda v: "" if v is None else f"{100 * float(v):.0f}%"
    env.filters["num"] = lambda v, d=2: "" if v is None else f"{float(v):.{d}f}"
    env.filters["width"] = risk_width
    return env


def _val(v: Any) -> Any:
    """None for pandas/NumPy missing values, plain Python otherwise."""
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        return v
    if hasattr(v, "item"):
        return v.item()
    return v


def _str(v: Any) -> str:
    v = _val(v)
    return "" if v is None else clean_text(str(v))


def _year(v: Any) -> str:
    v = _val(v)
    if v is None:
        return ""
    try:
        return str(int(v))
    except (TypeError, ValueError):
        return str(v)


def _num(v: Any) -> float:
    """Sort key for a possibly missing number (missing last)."""
    v = _val(v)
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.inf


def _records_by_doc(frame: pd.DataFrame | None, ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``frame`` for the documents in ``ids``, as dicts grouped by doc_id."""
    out: dict[str, list[dict[str, Any]]] = {}
    if frame is None or not len(frame) or not ids:
        return out
    sub = frame[frame["doc_id"].astype(str).isin(ids)]
    for rec in sub.to_dict("records"):
        out.setdefault(str(rec["doc_id"]), []).append(rec)
    return out


def word_diff(a: str, b: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both passages as ``(text, changed)`` runs, words compared case-insensitively (LCS alignment)."""
    from rapidfuzz.distance import Indel

    ta, tb = _TOKEN_RE.findall(a), _TOKEN_RE.findall(b)
    out_a: list[tuple[str, bool]] = []
    out_b: list[tuple[str, bool]] = []
    for op in Indel.opcodes([t.lower() for t in ta], [t.lower() for t in tb]):
        changed = op.tag != "equal"
        for toks, lo, hi, out in ((ta, op.src_start, op.src_end, out_a), (tb, op.dest_start, op.dest_end, out_b)):
            if hi > lo:
                piece = "".join(toks[lo:hi])
                out.append((piece, changed and not piece.isspace()))
    return _merge_runs(out_a), _merge_runs(out_b)


def _merge_runs(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Adjacent runs with the same flag joined."""
    out: list[tuple[str, bool]] = []
    for t, c in runs:
        if out and out[-1][1] == c:
            out[-1] = (out[-1][0] + t, c)
        else:
            out.append((t, c))
    return out


def highlight_segments(text: str, spans: list[tuple[int, int, int, float]]) -> list[Segment]:
    """Split ``text`` at span boundaries; each run lists the legend numbers covering it.

    ``spans`` are ``(start, end, legend_number, similarity)``; overlapping spans are allowed
    (the most similar source colours the run, all are listed). A link to each source is placed
    after the last run of every maximal highlighted stretch.
    """
    n = len(text)
    clean = [(max(0, s), min(n, e), k, sim) for s, e, k, sim in spans if e > s and s < n]
    if not clean:
        return [Segment(text)] if text else []
    bounds = sorted({0, n, *[s for s, _, _, _ in clean], *[e for _, e, _, _ in clean]})
    segs: list[Segment] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if b <= a:
            continue
        cover = sorted(((sim, k) for s, e, k, sim in clean if s <= a and e >= b), key=lambda t: (-t[0], t[1]))
        segs.append(Segment(text[a:b], [k for _, k in cover]))
    merged: list[Segment] = []
    for s in segs:
        if merged and merged[-1].sources == s.sources:
            merged[-1].text += s.text
        else:
            merged.append(s)
    # links after each highlighted stretch: the union of its sources
    stretch: list[int] = []
    for i, s in enumerate(merged):
        if s.sources:
            stretch.extend(k for k in s.sources if k not in stretch)
            nxt = merged[i + 1] if i + 1 < len(merged) else None
            if nxt is None or not nxt.sources:
                s.end_refs = sorted(stretch)
                stretch = []
    return merged


class _Lookup:
    """doc_id -> what the page shows about a report (batch or archive)."""

    def __init__(self, result: ScreenResult) -> None:
        self.info: dict[str, dict[str, str]] = {}
        batch = result.batch
        hist = getattr(batch, "history", None)
        if hist is not None and len(hist):
            for r in hist.itertuples(index=False):
                self.info[str(r.doc_id)] = {
                    "name": _str(getattr(r, "name", "")),
                    "unit": _str(r.unit),
                    "year": _year(r.year),
                    "archive": "1",
                }
        for r in result.documents.itertuples(index=False):
            self.info[str(r.doc_id)] = {
                "name": _str(r.name),
                "unit": _str(r.unit),
                "year": _year(r.year),
                "archive": "",
            }
        self._texts: dict[str, Any] = {}
        if batch is not None and len(batch.documents):
            self._texts = dict(zip(batch.documents["doc_id"].astype(str), batch.documents["text"], strict=True))

    def text(self, doc_id: str) -> str:
        """The report's normalised text, control characters shown as spaces."""
        return clean_text(_str(self._texts.get(doc_id)))


def build_context(
    result: ScreenResult,
    lang: str = "vi",
    max_rows: int = MAX_ROWS,
    max_details: int = MAX_DETAILS,
    generated: str | None = None,
    with_plots: bool = True,
) -> dict[str, Any]:
    """Everything the template renders, as plain Python values (no markup)."""
    lang = check_lang(lang)
    lab = labels(lang)
    docs = result.documents.copy()
    docs["risk"] = pd.to_numeric(docs["risk"], errors="coerce").astype(float)
    docs = docs.sort_values(["risk", "doc_id"], ascending=[False, True], na_position="last", kind="stable")
    docs = docs.reset_index(drop=True)
    computed = [f for f in schema.ALL_FINDINGS if f in docs.columns and docs[f].notna().any()]
    not_computed = [f for f in schema.ALL_FINDINGS if f not in computed]
    excellent_flag = excellent_with_findings(docs) if len(docs) else pd.Series(dtype=bool)
    lookup = _Lookup(result)

    n_rows = min(len(docs), max_rows)
    n_details = min(n_rows, max_details)
    anchors = {str(d): f"r{k}" for k, d in enumerate(docs["doc_id"].iloc[:n_rows])}
    detail_ids = set(list(anchors)[:n_details])

    def href(doc_id: str) -> str | None:
        a = anchors.get(doc_id)
        if a is None:
            return None
        return f"#doc-{a}" if doc_id in detail_ids else f"#row-{a}"

    rows: list[dict[str, Any]] = []
    for k, r in enumerate(docs.iloc[:n_rows].itertuples(index=False)):
        raised = [f for f in computed if _val(getattr(r, f)) == 1]
        rows.append(
            {
                "rank": k + 1,
                "doc_id": str(r.doc_id),
                "anchor": anchors[str(r.doc_id)],
                "has_detail": str(r.doc_id) in detail_ids,
                "name": _str(r.name),
                "unit": _str(r.unit),
                "year": _year(r.year),
                "kind": _str(r.kind),
                "role": _str(r.role),
                "form_version": _str(r.form_version),
                "rating": _str(r.self_rating),
                "risk": _val(r.risk),
                "findings": raised,
                "findings_attr": " ".join(raised),
                "excellent_flagged": bool(excellent_flag.iloc[k]) if len(excellent_flag) else False,
            }
        )

    matches = result.matches
    plans = result.plans
    m_by_doc = _records_by_doc(matches, detail_ids)
    p_by_doc = _records_by_doc(plans, detail_ids)
    f_by_doc = _records_by_doc(result.batch.findings if result.batch is not None else None, detail_ids)
    s_by_doc = _records_by_doc(result.batch.sections if result.batch is not None else None, detail_ids)
    plans_ran = "plans" in (result.batch.stages_run if result.batch is not None else [])

    details = []
    for row, r in zip(rows[:n_details], docs.iloc[:n_details].itertuples(index=False), strict=True):
        details.append(
            _detail(
                row,
                r,
                lookup,
                m_by_doc.get(row["doc_id"]),
                p_by_doc.get(row["doc_id"]),
                f_by_doc.get(row["doc_id"]),
                s_by_doc.get(row["doc_id"]),
                computed,
                plans_ran or row["doc_id"] in p_by_doc,
                href,
            )
        )

    units = result.units if hasattr(result, "units") else unit_summary(result.documents)
    unit_rows = []
    for u in units.itertuples(index=False):
        d = {c: _val(getattr(u, c)) for c in units.columns}
        d["year"] = _year(u.year)
        d["flagged_links"] = [
            (i, href(i)) for i in str(d.get("excellent_with_findings_ids") or "").split(";") if i
        ]
        unit_rows.append(d)

    callouts = [row for row in rows if row["excellent_flagged"]]
    units_list = sorted({row["unit"] for row in rows})
    years = sorted({row["year"] for row in rows if row["year"]})
    weights = (result.run.get("parameters", {}) or {}).get("risk", {}) if result.run else {}

    charts: dict[str, str | None] = {"units": None, "trend": None}
    charts_ok = True
    if with_plots and len(docs):
        try:
            charts["units"] = plots.data_uri(plots.risk_by_unit_png(result.documents, lang))
            charts["trend"] = plots.data_uri(plots.trend_by_year_png(result.documents, lang))
        except ImportError:
            charts_ok = False

    errors = [
        {"path": _str(e.path), "error": _str(e.error)} for e in result.errors.itertuples(index=False)
    ] if len(result.errors) else []

    return {
        "L": lab,
        "generated": generated or _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "n_docs": len(docs),
        "n_rows": n_rows,
        "n_details": n_details,
        "rows": rows,
        "details": details,
        "units": unit_rows,
        "unit_columns": list(units.columns),
        "callouts": callouts,
        "filter_units": units_list,
        "filter_years": years,
        "computed": computed,
        "not_computed": not_computed,
        "all_findings": list(schema.ALL_FINDINGS),
        "weights": weights.get("weights", {}),
        "weights_origin": weights.get("origin", ""),
        "weights_fitted": str(weights.get("origin", "")).startswith("fitted"),
        "charts": charts,
        "charts_ok": charts_ok,
        "errors": errors,
        "href": href,
    }


def _detail(
    row: dict[str, Any],
    r: Any,
    lookup: _Lookup,
    m: list[dict[str, Any]] | None,
    p: list[dict[str, Any]] | None,
    f: list[dict[str, Any]] | None,
    s: list[dict[str, Any]] | None,
    computed: list[str],
    plans_ran: bool,
    href: Any,
) -> dict[str, Any]:
    doc_id = row["doc_id"]
    text = lookup.text(doc_id)
    reasons = [x for x in _str(r.reasons).split("\n") if x.strip()]
    finding_rows = []
    for name in schema.ALL_FINDINGS:
        finding_rows.append(
            {
                "name": name,
                "computed": name in computed,
                "flag": _val(getattr(r, name)),
                "score": _val(getattr(r, schema.score_column(name))),
            }
        )

    # sources, legend numbers, colours: own earlier reports first, then colleagues, then samples;
    # within a kind the source covering most of the report first
    sources: list[dict[str, Any]] = []
    spans: list[tuple[int, int, int, float]] = []
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for mr in m or []:
        groups.setdefault((_str(mr.get("source_kind")), _str(mr.get("source_doc_id"))), []).append(mr)

    def covered(rows: list[dict[str, Any]]) -> float:
        return sum(max(0.0, _num(x.get("end")) - _num(x.get("start"))) for x in rows if _val(x.get("start")) is not None)

    order = sorted(groups, key=lambda k: (KIND_ORDER.get(k[0], 3), -covered(groups[k]), k[1]))
    per_kind: dict[str, int] = {}
    for number, (kind, sid) in enumerate(order, start=1):
        shade = per_kind.get(kind, 0)
        per_kind[kind] = shade + 1
        info = lookup.info.get(sid, {})
        rows = sorted(groups[(kind, sid)], key=lambda x: _num(x.get("start")))
        src = {
            "number": number,
            "kind": kind,
            "source_id": sid,
            "css": f"src-{kind if kind in KIND_ORDER else 'other'}-{shade % SHADES_PER_KIND}",
            "href": href(sid) if kind != "template" else None,
            "name": info.get("name", ""),
            "unit": info.get("unit", ""),
            "year": info.get("year", ""),
            "archive": bool(info.get("archive")),
            "passages": len(rows),
            "pairs": [],
            "more_pairs": 0,
        }
        sources.append(src)
        for mr in rows:
            start, end = _val(mr.get("start")), _val(mr.get("end"))
            sim = float(_val(mr.get("similarity")) or 0.0)
            if start is not None and end is not None:
                spans.append((int(start), int(end), number, sim))
        if number > MAX_SBS_SOURCES:
            continue  # legend and highlights only
        for mr in rows[:MAX_SBS_PAIRS]:
            start, end = _val(mr.get("start")), _val(mr.get("end"))
            passage = _str(mr.get("text")) or (
                text[int(start) : int(end)] if start is not None and end is not None else ""
            )
            a, b = word_diff(passage, _str(mr.get("source_text")))
            src["pairs"].append(
                {
                    "a": a,
                    "b": b,
                    "similarity": float(_val(mr.get("similarity")) or 0.0),
                    "match_type": _str(mr.get("match_type")),
                    "start": start,
                }
            )
        src["more_pairs"] = max(0, len(rows) - MAX_SBS_PAIRS)
    segments = highlight_segments(text, spans)
    css_of = {src["number"]: src["css"] for src in sources}
    for seg in segments:
        seg.css = css_of.get(seg.sources[0], "") if seg.sources else ""
    src_by_number = {src["number"]: src for src in sources}

    # missing topics: flagged topic findings with their reasons; core form sections not found
    reason_of: dict[str, str] = {}
    for fr in f or []:
        if _val(fr.get("flag")) == 1:
            reason_of[str(fr.get("finding"))] = _str(fr.get("reason"))
    topics = [
        {"name": name, "reason": reason_of.get(name, "")}
        for name in TOPIC_FINDINGS
        if name in computed and _val(getattr(r, name)) == 1
    ]
    sections_missing: list[str] = []
    if s and _str(r.kind) != "collective":
        found = {part for x in s for part in _str(x.get("label")).split(schema.MERGE_SEP)}
        covered = {t["name"] for t in topics}  # a raised topic finding already says it
        sections_missing = [
            c for c in CORE_SECTIONS if c not in found and SECTION_FINDING.get(c) not in covered
        ]

    plan_items = []
    for pr in sorted(p or [], key=lambda x: _num(x.get("start"))):
        plan_items.append(
            {
                "item": _str(pr.get("item")),
                "label": _str(pr.get("label")),
                "missing": [x for x in _str(pr.get("missing")).split(";") if x],
                "score": _val(pr.get("score")),
                "deadline": _str(pr.get("deadline")),
                "answers": _str(pr.get("answers_weakness")),
            }
        )

    return {
        **row,
        "path": _str(r.path),
        "reasons": reasons,
        "warnings": [x for x in _str(r.warnings).split(";") if x],
        "guessed": _str(r.guessed_fields),
        "finding_rows": finding_rows,
        "sources": sources,
        "src_by_number": src_by_number,
        "segments": segments,
        "topics": topics,
        "sections_missing": sections_missing,
        "plan_items": plan_items,
        "plans_ran": plans_ran,
    }


def render_html(
    result: ScreenResult,
    lang: str = "vi",
    max_rows: int = MAX_ROWS,
    max_details: int = MAX_DETAILS,
    generated: str | None = None,
    with_plots: bool = True,
) -> str:
    """The whole report.html as a string."""
    ctx = build_context(result, lang, max_rows, max_details, generated, with_plots)
    return _env().get_template("report.html.j2").render(**ctx)


def side_by_side_html(result: ScreenResult, doc_id: str, kinds: Sequence[str] = ("prior", "peer"),
                      lang: str = "vi") -> str:
    """A report's reused passages next to their sources (for notebooks: ``IPython.display.HTML``).

    ``kinds`` picks the source kinds shown (``prior``, ``peer``, ``template``); word-level
    differences are marked; all text is escaped.
    """
    docs = result.documents
    hit = docs[docs["doc_id"].astype(str) == str(doc_id)]
    if hit.empty:
        raise KeyError(f"no document {doc_id!r}")
    r = next(hit.itertuples(index=False))
    computed = [f for f in schema.ALL_FINDINGS if f in docs.columns and docs[f].notna().any()]
    row = {"doc_id": str(doc_id), "name": _str(r.name), "unit": _str(r.unit), "year": _year(r.year)}
    m = _records_by_doc(result.matches, {str(doc_id)}).get(str(doc_id), [])
    detail = _detail(row, r, _Lookup(result), m, None, None, None, computed, False, lambda _: None)
    sources = [s for s in detail["sources"] if s["kind"] in kinds]
    return _env().get_template("side_by_side.html.j2").render(L=labels(lang), d=detail, sources=sources)


def risk_width(risk: float | None) -> int:
    """Width in percent of the risk bar."""
    if risk is None or (isinstance(risk, float) and math.isnan(risk)):
        return 0
    return max(0, min(100, round(100 * float(risk))))

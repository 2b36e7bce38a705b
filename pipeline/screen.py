"""``screen()``: the Python API behind ``soi screen``.

    from pipeline import screen
    result = screen(["corpora/sample"], manifest="corpora/sample/manifest.csv")
    result.documents            # one row per report: the documents.csv contract
    result.write("soi-out")     # documents.csv, matches.csv, plans.csv, errors.csv, run.json

Steps: collect files → prepare each (read, normalise, header, sections, rating) → sentences
and word segmentation (cached) → stages (reuse, content, plans; each can be skipped) →
scoring (risk) → outputs. Bad files become errors rows; the batch goes on.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.engine import using_engine
from pipeline.engine.local import Engine, SerialEngine
from pipeline.ingest.header import slug
from pipeline.ingest.manifest import load_manifest
from pipeline.ingest.readers import IngestError, display_path
from pipeline.model import DOCUMENT_FRAME_COLUMNS, SECTION_COLUMNS, SENTENCE_COLUMNS, Batch
from pipeline.prepare import PreparedDoc, prepare_file
from pipeline.stages.registry import load_stage, stage_names
from pipeline.text.sections import SectionSegmenter
from pipeline.text.tokens import Tokenizer, default_cache_dir

log = logging.getLogger(__name__)

#: Files never treated as submissions when a folder is walked.
IGNORED_SUFFIXES = {".csv", ".json", ".xlsx", ".html", ".png", ".jpg", ".jpeg", ".py", ".ipynb"}
REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO_ROOT / "corpora" / "sample"

Progress = Callable[[str, int, int], None]


@dataclass
class ScreenResult:
    """The outcome of a screen: the output tables as DataFrames, plus the batch behind them."""

    documents: pd.DataFrame
    matches: pd.DataFrame
    plans: pd.DataFrame
    errors: pd.DataFrame
    run: dict[str, Any]
    batch: Batch = field(repr=False)

    def write(self, out: str | Path, html: bool = True, xlsx: bool = True, lang: str = "vi") -> Path:
        """Write the output files atomically into ``out``; returns the folder.

        ``html`` / ``xlsx`` add report.html and report.xlsx (labels in ``lang``: vi or en).
        """
        from pipeline.report.outputs import write_outputs

        return write_outputs(self, Path(out), html=html, xlsx=xlsx, lang=lang)

    @property
    def units(self) -> pd.DataFrame:
        """Per unit and year: findings, self-proposed ratings and the excellent-rating quota
        (units.csv; see :mod:`pipeline.report.units`)."""
        cached = self.__dict__.get("_units")
        if cached is None or cached[0] is not self.documents:
            from pipeline.report.units import unit_summary

            cached = (self.documents, unit_summary(self.documents))
            self.__dict__["_units"] = cached
        return cached[1]

    def to_html(self, path: str | Path | None = None, lang: str = "vi") -> str:
        """The self-contained HTML report (report.html) as a string; also written to ``path`` if given."""
        from pipeline.report.html import render_html

        page = render_html(self, lang=lang)
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def explain(self, doc_id: str) -> str:
        """The reasons and evidence behind one report's findings, as plain text (Vietnamese).

        Header (name, unit, year, self-proposed rating, risk), one line per raised finding, the
        reused passages grouped by source, and the plan items with their missing slots.
        """
        from pipeline.report.i18n import RATING_LABELS, SLOT_LABELS, SOURCE_KIND_LABELS

        row = self.documents.loc[self.documents["doc_id"] == doc_id]
        if row.empty:
            raise KeyError(f"no document {doc_id!r}")
        r = row.iloc[0]

        def txt(v: Any) -> str:
            return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)

        risk = f"{float(r['risk']):.2f}" if pd.notna(r["risk"]) else "-"
        rating = RATING_LABELS["vi"].get(txt(r["self_rating"]), txt(r["self_rating"]))
        who = ", ".join(x for x in (txt(r.get("name")), txt(r["unit"]), txt(r["year"])) if x)
        lines = [f"{doc_id} ({who}): rủi ro {risk}; tự nhận: {rating}", f"  tệp: {r['path']}"]
        reasons = [x for x in txt(r["reasons"]).split("\n") if x]
        lines += [f"- {x}" for x in reasons] or ["Không có phát hiện nào."]
        if r["self_rating"] == "hoan_thanh_xuat_sac" and reasons:
            lines.append("! Tự nhận hoàn thành xuất sắc nhiệm vụ trên bản có phát hiện.")
        m = self.matches[self.matches["doc_id"] == doc_id]
        for (kind, source), g in m.groupby(["source_kind", "source_doc_id"], sort=False):
            label = SOURCE_KIND_LABELS["vi"].get(str(kind), str(kind))
            lines.append(f"Trùng với {label} {source} ({len(g)} đoạn):")
            for mr in g.itertuples():
                lines.append(f"  [{mr.match_type} {float(mr.similarity):.2f}] {str(mr.text)[:160]}")
        p = self.plans[self.plans["doc_id"] == doc_id]
        if len(p):
            lines.append("Biện pháp khắc phục:")
            slots = SLOT_LABELS["vi"]
            for pr in p.itertuples():
                missing = [slots.get(x, x) for x in txt(pr.missing).split(";") if x]
                tag = "cụ thể" if pr.label == "specific" else "chung chung"
                gap = f"; thiếu: {', '.join(missing)}" if missing else ""
                lines.append(f"  [{tag}{gap}] {str(pr.item)[:160]}")
        return "\n".join(lines)


def collect_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files named, and files found recursively in folders named (sorted, hidden files skipped)."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    if f.suffix.lower() not in IGNORED_SUFFIXES and not f.name.lower().startswith("readme"):
                        found.append(f.resolve())
        elif path.exists():
            found.append(path.resolve())
        else:
            raise FileNotFoundError(f"input not found: {item}")
    seen: set[Path] = set()
    return [f for f in found if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]


def screen(
    inputs: Sequence[str | Path] | None = None,
    manifest: str | Path | None = None,
    skip: Iterable[str] = (),
    cache_dir: Path | None | str = "default",
    stage_params: dict[str, dict[str, Any]] | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
    archive: str | Path | Any | None = None,
    history_lookback: int = 2,
    strict_manifest: bool = False,
) -> ScreenResult:
    """Screen a batch of reports.

    Parameters
    ----------
    inputs:
        Files and folders (searched recursively). None or empty with no manifest: the bundled
        sample batch (corpora/sample, with its manifest).
    manifest:
        CSV with path, member_id, unit, year, kind, role[, doc_id]. Without it, the fields are
        read from each report's header and listed in ``guessed_fields``.
        A row with a bad value (a year "2O24", an unknown kind, a repeated doc_id) leaves its
        file out of the screen and becomes an errors.csv row naming the line, the column and the
        value; a manifest that cannot be read or lacks a column raises ``ManifestError``.
    skip:
        Stage names not to run (their findings are empty columns).
    cache_dir:
        Token cache folder; None disables it; "default" is ./.soi-cache (env SOI_CACHE).
    stage_params:
        Keyword arguments per stage name, e.g. ``{"reuse": {"bank_dirs": [...]}}``.
    progress:
        Callback ``(stage, done, total)`` for progress display.
    engine:
        Where per-report work runs (``pipeline.engine``): serial by default; ``LocalEngine()``
        uses every core.
    archive:
        A Soi archive (``pipeline.store``, path or ``Archive``): reports found in it unchanged
        are not processed again, and its reports of the ``history_lookback`` years before the
        batch are searched by the reuse stage as ``batch.history``. A batch identical to one
        the archive stored (same reports, history, stage code and options) takes the stored
        findings instead of running the stages. Read only here; ``soi archive add`` writes it.
    strict_manifest:
        Stop with ``ManifestError`` on the first bad manifest value instead of leaving that row's
        file out with an errors.csv row.
    """
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    if not inputs and manifest is None:
        inputs, manifest = [SAMPLE_DIR], SAMPLE_DIR / "manifest.csv"
    row_errors: list[dict[str, str]] = []
    if manifest is not None:
        rows = load_manifest(manifest, row_errors=None if strict_manifest else row_errors)
    else:
        rows = []
    by_path = {r.path: r for r in rows}
    files = collect_inputs(inputs or [])
    if manifest is not None and not inputs:
        files = [r.path for r in rows]
    # a file whose only manifest row is bad is not screened (its metadata is unknown)
    refused = {Path(e["path"]) for e in row_errors} - set(by_path)
    files = [f for f in files if f.resolve() not in refused]
    errors: list[dict[str, str]] = [
        {"path": display_path(Path(e["path"])), "error": e["error"]} for e in row_errors
    ]
    file_set = set(files)
    for r in rows:
        if not r.path.exists():
            errors.append(
                {
                    "path": display_path(r.path),
                    "error": f"listed in the manifest (line {r.line}) but the file does not exist",
                }
            )
        elif r.path not in file_set and inputs:
            files.append(r.path)  # a manifest row outside the named folders is still screened
    files = [f for f in files if f.exists()]

    # 1. prepare each report and split it into sentences (per-report work, on the engine)
    t = time.perf_counter()
    cache = default_cache_dir() if cache_dir == "default" else (Path(cache_dir) if cache_dir else None)
    engine = engine or SerialEngine()
    work = [(path, by_path.get(path), cache) for path in files]
    from pipeline.store.screening import attach_history, open_archive, process_with_archive

    store = open_archive(archive)
    archive_stats: dict[str, Any] = {}
    outcomes: list[DocOutcome] = []
    for i, outcome in enumerate(process_with_archive(engine, work, store, archive_stats)):
        outcomes.append(outcome)
        if progress:
            progress("read", i + 1, len(work))
    prepared = [o.doc for o in outcomes if o.doc is not None]
    errors.extend({"path": display_path(o.path), "error": o.error} for o in outcomes if o.error is not None)
    timings["read+tokenize"] = time.perf_counter() - t
    batch = build_batch(prepared, errors)
    batch.sentences = sentence_frame(
        batch, {display_path(o.path): o.sentences for o in outcomes if o.doc is not None}
    )
    cache_hits = sum(o.cache_hit for o in outcomes)
    n_prepared = len(prepared)
    # the batch's frames now hold everything; the per-report objects would double the memory
    del outcomes, prepared
    batch.params["engine"] = {
        "name": getattr(engine, "name", type(engine).__name__),
        "workers": getattr(engine, "workers", 1),
    }
    if store is not None:
        archive_stats.update(attach_history(batch, store, history_lookback))
        archive_stats["path"] = str(store.path)
        batch.params["archive"] = archive_stats
        timings["history"] = archive_stats["history_seconds"]

    # 3. stages
    skip = set(skip)
    unknown = skip - set(stage_names())
    if unknown:
        raise ValueError(
            f"unknown stage(s) to skip: {', '.join(sorted(unknown))}; stages are {', '.join(stage_names())}"
        )
    params = stage_params or {}
    from pipeline.store.screening import replay_stages, stage_replay_key

    batch.params["replay_key"] = stage_replay_key(batch, skip, params)
    replayed = replay_stages(batch, store, batch.params["replay_key"]) if store is not None else None
    if store is not None:
        archive_stats["stages_replayed"] = replayed is not None
        if replayed is not None:
            timings["replay"] = replayed["replay_seconds"]
        if not isinstance(archive, type(store)):
            store.close()
    for name in stage_names():
        if name in skip or replayed is not None:
            continue
        stage = load_stage(name, **params.get(name, {}))
        if stage is None:
            continue
        t = time.perf_counter()
        if progress:
            progress(name, 0, 1)
        with using_engine(engine):  # a stage may map parallel work over the same workers
            stage.run(batch)
        if name not in batch.stages_run:
            batch.stages_run.append(name)
        timings[name] = time.perf_counter() - t
        if progress:
            progress(name, 1, 1)

    # 4. scoring and outputs
    from pipeline.report.outputs import document_table, match_table, plan_table
    from pipeline.scoring.risk import score_risk

    t = time.perf_counter()
    documents = document_table(batch)
    documents = score_risk(documents, batch)
    timings["scoring"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    run = run_info(batch, files, manifest, timings, cache_hits, n_prepared - cache_hits)
    return ScreenResult(
        documents, match_table(batch), plan_table(batch), batch.errors.reset_index(drop=True), run, batch
    )


_SEGMENTER: SectionSegmenter | None = None


def default_segmenter() -> SectionSegmenter:
    """The segmenter with the trained paragraph model when it is shipped (models/)."""
    global _SEGMENTER
    if _SEGMENTER is None:
        from pipeline.modelio import ModelMissing, load_model
        from pipeline.text.paragraphs import MODEL_NAME, ParagraphSectionModel

        try:
            _SEGMENTER = SectionSegmenter(ParagraphSectionModel(load_model(MODEL_NAME)))
        except ModelMissing as exc:  # a modified or untrusted file (ModelRefused) stops the screen
            log.warning(
                "section paragraph model not available (%s); unheaded paragraphs follow the previous section",
                exc,
            )
            _SEGMENTER = SectionSegmenter()
    return _SEGMENTER


def build_batch(prepared: list[PreparedDoc], errors: list[dict[str, str]]) -> Batch:
    """Documents and sections frames from prepared reports; doc_ids made unique."""
    batch = Batch()
    if errors:
        batch.add_errors(errors)
    by_hash: dict[str, list[PreparedDoc]] = {}
    for p in prepared:
        by_hash.setdefault(p.sha256, []).append(p)
    used: set[str] = set()
    doc_rows: list[dict[str, Any]] = []
    section_rows: list[dict[str, Any]] = []
    for p in prepared:
        doc_id = p.doc_id or _make_doc_id(p)
        base, n = doc_id, 2
        while doc_id in used:
            doc_id, n = f"{base}-{n}", n + 1
        used.add(doc_id)
        warnings = list(p.warnings)
        if display_path(p.path) != str(p.path):
            warnings.append("file name is not valid UTF-8 (odd bytes shown as \\x escapes)")
        twins = [q for q in by_hash[p.sha256] if q is not p]
        if twins:
            warnings.append(
                "identical file submitted under another name: "
                + ", ".join(display_path(q.path.name) for q in twins)
            )
        doc_rows.append(
            {
                "doc_id": doc_id,
                "path": display_path(p.path),
                "member_id": p.member_id,
                "unit": p.unit,
                "year": p.year,
                "kind": p.kind,
                "role": p.role,
                "form_version": p.form_version,
                "self_rating": p.self_rating,
                "name": p.name,
                "dob": p.dob,
                "text": p.text,
                "sha256": p.sha256,
                "guessed_fields": ";".join(p.guessed),
                "warnings": ";".join(warnings),
            }
        )
        for s in p.sections:
            section_rows.append(
                {"doc_id": doc_id, "label": s.label, "heading": s.heading, "start": s.start, "end": s.end}
            )
    if doc_rows:
        batch.documents = pd.DataFrame(doc_rows, columns=list(DOCUMENT_FRAME_COLUMNS))
        batch.documents["year"] = batch.documents["year"].astype("Int64")
    if section_rows:
        batch.sections = pd.DataFrame(section_rows, columns=list(SECTION_COLUMNS))
    return batch


def _make_doc_id(p: PreparedDoc) -> str:
    year = p.year if p.year is not None else "unknown"
    if p.member_id and p.member_id != "unknown":
        return f"{p.member_id}-{year}"
    digest = hashlib.sha256(str(p.path).encode("utf-8", "surrogateescape")).hexdigest()[:6]
    return f"{slug(p.path.stem)}-{digest}"


@dataclass
class DocOutcome:
    """What the per-report worker returns: the prepared report and its sentences, or an error."""

    path: Path
    doc: PreparedDoc | None
    error: str | None
    sentences: list[tuple[int, int, str]]
    cache_hit: bool = False


def process_document(item: tuple[Path, Any, Path | None]) -> DocOutcome:
    """Per-report work, picklable for worker processes: prepare, then sentences + tokens."""
    path, row, cache = item
    segmenter = default_segmenter()  # a refused model file stops the screen, not one report
    try:
        doc = prepare_file(path, row, segmenter)
    except IngestError as exc:
        return DocOutcome(path, None, str(exc), [])
    except Exception as exc:  # a bug must not lose the batch: report it per file
        log.exception("unexpected error on %s", path)
        return DocOutcome(path, None, f"internal error while reading ({type(exc).__name__}: {exc})", [])
    tokenizer = _tokenizer(cache)
    hits = tokenizer.hits
    sentences = tokenizer.sentences(doc.text)
    return DocOutcome(path, doc, None, sentences, tokenizer.hits > hits)


_TOKENIZERS: dict[Path | None, Tokenizer] = {}


def _tokenizer(cache: Path | None) -> Tokenizer:
    if cache not in _TOKENIZERS:
        _TOKENIZERS[cache] = Tokenizer(cache)
    return _TOKENIZERS[cache]


def sentence_frame(batch: Batch, sentences_by_path: dict[str, list[tuple[int, int, str]]]) -> pd.DataFrame:
    """One row per sentence with its section label (the section holding its start).

    Built column by column (one list per column, sections grouped in one pass): a list of row
    dicts cost 10x the time and about 1.5 GB of transient memory at 50,000 reports. Equal sentence
    texts and token strings (stock sentences, copies) are stored once and shared by their rows:
    strings are immutable, so no value changes, and the frame holds each distinct string once.
    """
    spans_by_doc: dict[str, list[tuple[int, int, str]]] = {}
    if len(batch.sections):
        s = batch.sections
        for d, a, b, lab in zip(s["doc_id"], s["start"], s["end"], s["label"], strict=True):
            spans_by_doc.setdefault(d, []).append((int(a), int(b), lab))
        for spans in spans_by_doc.values():
            spans.sort()
    cols: dict[str, list[Any]] = {c: [] for c in SENTENCE_COLUMNS}
    shared: dict[str, str] = {}
    docs = batch.documents
    for doc_id, path, text in zip(docs["doc_id"], docs["path"], docs["text"], strict=True):
        spans = spans_by_doc.get(doc_id, [])
        for k, (start, end, tokens) in enumerate(sentences_by_path.get(path, [])):
            cols["doc_id"].append(doc_id)
            cols["sent_idx"].append(k)
            cols["start"].append(start)
            cols["end"].append(end)
            cols["section"].append(next((lab for a, b, lab in spans if a <= start < b), "header"))
            piece = text[start:end]
            cols["text"].append(shared.setdefault(piece, piece))
            cols["tokens"].append(shared.setdefault(tokens, tokens))
    return pd.DataFrame(cols, columns=list(SENTENCE_COLUMNS)) if cols["doc_id"] else batch.sentences


def run_info(
    batch: Batch,
    files: list[Path],
    manifest: Any,
    timings: dict[str, float],
    cache_hits: int,
    cache_misses: int,
) -> dict[str, Any]:
    """run.json: versions, parameters, counts and time per stage."""
    from importlib.metadata import PackageNotFoundError, version

    def v(pkg: str) -> str:
        try:
            return version(pkg)
        except PackageNotFoundError:
            return "not installed"

    return {
        "soi_version": v("soi"),
        "python": sys.version.split()[0],
        "versions": {p: v(p) for p in ("underthesea", "scikit-learn", "rapidfuzz", "pandas", "python-docx")},
        "manifest": display_path(manifest) if manifest else None,
        "counts": {
            "files": len(files),
            "documents": int(len(batch.documents)),
            "errors": int(len(batch.errors)),
            "sentences": int(len(batch.sentences)),
            "matches": int(len(batch.matches)),
            "plan_items": int(len(batch.plans)),
            "token_cache_hits": cache_hits,
            "token_cache_misses": cache_misses,
        },
        "stages_run": list(batch.stages_run),
        "stages_not_run": [s for s in stage_names() if s not in batch.stages_run],
        "parameters": {
            k: (
                {kk: vv for kk, vv in v.items() if kk != "common_wording_share"} if isinstance(v, dict) else v
            )
            for k, v in batch.params.items()
        },
        "seconds": {k: round(val, 3) for k, val in timings.items()},
    }

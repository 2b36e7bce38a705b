"""Screen the blind hand-written set with Soi and score it against the hand labels.

    nice -n 10 .venv/bin/python benchmarks/blind/evaluate.py [--out benchmarks/blind/RESULTS.md]

The set (``corpora/labelled/blind``: reports, ``manifest.csv``, ``labels.csv``) was written and
labelled before Soi was run on it and is never used for training or tuning. This script screens
the manifest's files through the Python API (``pipeline.screen``, no template bank beyond Soi's
own, no archive, no token cache so that nothing of an earlier run leaks in) and writes
``RESULTS.md``: per finding precision, recall, F1 and support; the risk ranking against "the
report has some true finding"; and every error with Soi's own reason (false positives) or score
(false negatives). A finding whose stage did not run (empty cells) is reported as not run, not
as zeros.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pipeline import screen  # noqa: E402
from pipeline.schema import FINDINGS, score_column  # noqa: E402

BLIND = REPO / "corpora" / "labelled" / "blind"
DEFAULT_OUT = Path(__file__).resolve().parent / "RESULTS.md"
SAMPLE = Path(__file__).resolve().parent / "published_sample.txt"
REUSE_FINDINGS = ("copied_prior", "copied_peer", "template_heavy")


@dataclass
class Score:
    """Confusion counts and metrics of one finding."""

    finding: str
    tp: int
    fp: int
    fn: int
    tn: int
    ran: bool

    @property
    def support(self) -> int:
        """Number of true positives in the labels."""
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        """TP / raised; None when nothing was raised."""
        raised = self.tp + self.fp
        return self.tp / raised if raised else None

    @property
    def recall(self) -> float | None:
        """TP / support; None without positives."""
        return self.tp / self.support if self.support else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (0 when both are defined and TP is 0)."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return 0.0 if self.support and self.tp == 0 else None
        return 2 * p * r / (p + r) if p + r else 0.0


def load_labels(folder: Path = BLIND) -> pd.DataFrame:
    """The hand labels, indexed by doc_id, with integer finding columns."""
    labels = pd.read_csv(folder / "labels.csv", dtype={"copied_peer_of": str}, keep_default_na=False)
    missing = [c for c in ("doc_id", *FINDINGS, "copied_peer_of") if c not in labels.columns]
    if missing:
        raise ValueError(f"labels.csv lacks columns {missing} (schema.FINDINGS changed?)")
    for finding in FINDINGS:
        labels[finding] = labels[finding].astype(int)
    return labels.set_index("doc_id")


def run_screen(folder: Path = BLIND, bank_dirs: list[Path] | None = None) -> tuple[pd.DataFrame, dict]:
    """Screen every file of the manifest; returns (documents, run.json dict).

    ``bank_dirs`` adds template-bank folders (the ``--bank`` option of ``soi screen``).
    """
    manifest = folder / "manifest.csv"
    paths = pd.read_csv(manifest)["path"].tolist()
    params = {"reuse": {"bank_dirs": [str(b) for b in bank_dirs]}} if bank_dirs else None
    result = screen([folder / p for p in paths], manifest=manifest, cache_dir=None, stage_params=params)
    if len(result.errors):
        raise RuntimeError(f"Soi could not read some reports:\n{result.errors.to_string()}")
    return result.documents.set_index("doc_id"), result.run


def predicted(documents: pd.DataFrame, finding: str) -> pd.Series | None:
    """The 0/1 flag of a finding per doc_id, or None when its stage did not run."""
    column = documents[finding]
    if column.isna().all() or (column.astype(str) == "").all():
        return None
    return pd.to_numeric(column, errors="coerce").fillna(0).astype(int)


def score_findings(labels: pd.DataFrame, documents: pd.DataFrame) -> list[Score]:
    """Confusion counts per finding over the labelled reports."""
    scores = []
    for finding in FINDINGS:
        truth = labels[finding]
        pred = predicted(documents, finding)
        if pred is None:
            scores.append(Score(finding, 0, 0, int(truth.sum()), int((truth == 0).sum()), ran=False))
            continue
        pred = pred.reindex(truth.index).fillna(0).astype(int)
        scores.append(
            Score(
                finding,
                tp=int(((truth == 1) & (pred == 1)).sum()),
                fp=int(((truth == 0) & (pred == 1)).sum()),
                fn=int(((truth == 1) & (pred == 0)).sum()),
                tn=int(((truth == 0) & (pred == 0)).sum()),
                ran=True,
            )
        )
    return scores


def reasons_line(reasons: object) -> str:
    """All of Soi's reason lines for a report, on one line (one line per raised finding)."""
    if not isinstance(reasons, str) or not reasons.strip():
        return ""
    return " / ".join(line.strip() for line in reasons.splitlines() if line.strip())


def error_rows(labels: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (report, finding) where Soi and the label disagree."""
    rows = []
    for finding in FINDINGS:
        pred = predicted(documents, finding)
        if pred is None:
            continue
        for doc_id, truth in labels[finding].items():
            guess = int(pred.get(doc_id, 0))
            if guess == truth:
                continue
            doc = documents.loc[doc_id]
            score = doc.get(score_column(finding))
            detail = reasons_line(doc.get("reasons", "")) if guess else ""
            if finding == "copied_peer" and guess:
                detail = f"copied_peer_of={doc.get('copied_peer_of', '')}; {detail}"
            rows.append(
                {
                    "doc_id": doc_id,
                    "finding": finding,
                    "truth": truth,
                    "predicted": guess,
                    "score": "" if pd.isna(score) else f"{float(score):.3f}",
                    "soi_reason": detail,
                }
            )
    return pd.DataFrame(rows)


def risk_ranking(labels: pd.DataFrame, documents: pd.DataFrame) -> dict[str, float | int | None]:
    """ROC AUC of ``risk`` against "some true finding", and mean risk of each group."""
    from sklearn.metrics import roc_auc_score

    any_true = (labels[list(FINDINGS)].sum(axis=1) > 0).astype(int)
    risk = pd.to_numeric(documents["risk"], errors="coerce").reindex(any_true.index)
    auc = roc_auc_score(any_true, risk) if any_true.nunique() == 2 else None
    return {
        "auc": auc,
        "with_finding": int(any_true.sum()),
        "clean": int((any_true == 0).sum()),
        "mean_risk_with_finding": _mean_or_none(risk[any_true == 1]),
        "mean_risk_clean": _mean_or_none(risk[any_true == 0]),
    }


def _mean_or_none(values: pd.Series) -> float | None:
    """Mean of a group, None for an empty group (a set whose reports are all clean, or none is)."""
    return float(values.mean()) if len(values.dropna()) else None


def peer_source_agreement(labels: pd.DataFrame, documents: pd.DataFrame) -> list[str]:
    """For each true peer copy that Soi flagged, whether it named the labelled source."""
    lines = []
    for doc_id, row in labels[labels["copied_peer"] == 1].iterrows():
        if int(pd.to_numeric(documents.at[doc_id, "copied_peer"], errors="coerce") or 0) != 1:
            continue
        named = {s for s in str(documents.at[doc_id, "copied_peer_of"] or "").split(";") if s and s != "nan"}
        wanted = {s for s in row["copied_peer_of"].split(";") if s}
        verdict = "names the source" if wanted <= named else "does not name the source"
        lines.append(f"- {doc_id}: labelled {sorted(wanted)}, Soi {sorted(named)} ({verdict})")
    return lines


def bank_check(labels: pd.DataFrame) -> tuple[list[Score], pd.DataFrame]:
    """Scores of the reuse findings when the set's own sample text is added as a bank.

    Not a generalisation measure (Soi is handed the very sample the four template reports
    used); it tells whether a template_heavy miss comes from the bank's content or from the
    mechanism. The sample must never be added to Soi's shipped bank. Returns the scores and
    the disagreements of the reuse findings.
    """
    with tempfile.TemporaryDirectory() as tmp:
        bank = Path(tmp) / "blind_sample"
        bank.mkdir()
        (bank / SAMPLE.name).write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        documents, _ = run_screen(bank_dirs=[bank])
    errors = error_rows(labels, documents)
    if not errors.empty:
        errors = errors[errors["finding"].isin(REUSE_FINDINGS)]
    return [s for s in score_findings(labels, documents) if s.finding in REUSE_FINDINGS], errors


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _bank_section(with_bank: tuple[list[Score], pd.DataFrame] | None) -> list[str]:
    """The Markdown lines of the bank check, or nothing when it was not run."""
    if with_bank is None:
        return []
    scores, errors = with_bank
    wrong = "; ".join(
        f"{r.doc_id} {r.finding} ({'FP' if r.predicted else 'FN'})" for r in errors.itertuples(index=False)
    )
    return [
        "## Check: the set's own sample added as a bank",
        "",
        "The reuse findings again, with `benchmarks/blind/published_sample.txt` (the sample the",
        "template reports used) given as an extra bank, as `soi screen --bank` would. Not a measure of",
        "generalisation: it only separates a missing bank entry from a mechanism that does not fire.",
        "",
        "| finding | P | R | F1 | support | TP | FP | FN |",
        "|---|---|---|---|---|---|---|---|",
        *_score_rows(scores),
        "",
        f"Disagreements in this run: {wrong or 'none'}.",
        "",
    ]


def _score_rows(scores: list[Score]) -> list[str]:
    """One Markdown table row per finding."""
    rows = []
    for s in scores:
        if not s.ran:
            rows.append(f"| {s.finding} | not run | | | {s.support} | | | |")
            continue
        rows.append(
            f"| {s.finding} | {_fmt(s.precision)} | {_fmt(s.recall)} | {_fmt(s.f1)} | {s.support} "
            f"| {s.tp} | {s.fp} | {s.fn} |"
        )
    return rows


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(
    scores: list[Score],
    errors: pd.DataFrame,
    ranking: dict,
    peers: list[str],
    run: dict,
    seconds: float,
    with_bank: tuple[list[Score], pd.DataFrame] | None = None,
) -> str:
    """RESULTS.md as a string."""
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "pipeline", "models"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    uptime = Path("/proc/uptime").read_text().split()[0] if Path("/proc/uptime").exists() else "?"
    raised = [s for s in scores if s.ran]
    micro_tp = sum(s.tp for s in raised)
    micro_fp = sum(s.fp for s in raised)
    micro_fn = sum(s.fn for s in raised)
    micro = Score("all", micro_tp, micro_fp, micro_fn, 0, True)
    macro_f1 = [s.f1 for s in raised if s.f1 is not None]
    out = [
        "# Soi on the blind hand-written set",
        "",
        "Written by `benchmarks/blind/evaluate.py`; the set and its datasheet are in",
        "`corpora/labelled/blind/` (36 reports, labels written before Soi was run). Do not tune on it.",
        "",
        f"- Code: commit `{commit}`{' with uncommitted changes under pipeline/ or models/' if dirty else ''};"
        f" screened at machine uptime {uptime} s in {seconds:.0f} s (no token cache, no archive, no extra bank).",
        f"- Stages that ran: {', '.join(run.get('stages_run', [])) or 'see run.json'}.",
        "- Support = labelled positives out of 36 reports. With 4-5 positives one report moves recall by"
        " 0.20-0.25: read the table as a smoke test.",
        "",
        "| finding | P | R | F1 | support | TP | FP | FN |",
        "|---|---|---|---|---|---|---|---|",
    ]
    out += _score_rows(scores)
    out.append(
        f"| **micro (all flags)** | {_fmt(micro.precision)} | {_fmt(micro.recall)} | {_fmt(micro.f1)} "
        f"| {micro.support} | {micro.tp} | {micro.fp} | {micro.fn} |"
    )
    out += [
        "",
        f"Macro F1 over the findings that ran: {_fmt(sum(macro_f1) / len(macro_f1) if macro_f1 else None)}.",
        "",
        "## Risk ranking",
        "",
        f'ROC AUC of `risk` against "the report has at least one true finding" '
        f"({ranking['with_finding']} such reports, {ranking['clean']} clean): {_fmt(ranking['auc'])}; "
        f"mean risk {_fmt(ranking['mean_risk_with_finding'])} (with a finding) vs "
        f"{_fmt(ranking['mean_risk_clean'])} (clean).",
        "",
        *_bank_section(with_bank),
        "## Peer copies: the named source",
        "",
        *(peers or ["- no true peer copy was flagged"]),
        "",
        "## Errors",
        "",
        "Every disagreement. `score` is Soi's `<finding>_score`; `soi_reason` is the report's `reasons`"
        " column (all raised findings, in Soi's words) for false positives. The label notes stay in"
        " `corpora/labelled/blind/labels.csv` so that this page can be read without learning the set.",
        "",
        "| doc_id | finding | truth | predicted | score | soi_reason |",
        "|---|---|---|---|---|---|",
    ]
    for row in errors.itertuples(index=False):
        out.append(
            f"| {row.doc_id} | {row.finding} | {row.truth} | {row.predicted} | {row.score} "
            f"| {_cell(row.soi_reason)} |"
        )
    if errors.empty:
        out.append("| - | - | - | - | - | no errors |")
    return "\n".join(out) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


#: A section of RESULTS.md whose heading holds this is a person's reading of the errors of a run:
#: a re-run keeps it (after the new tables) instead of overwriting it.
HAND_WRITTEN_MARK = "hand-written"


def hand_written_sections(text: str) -> str:
    """The ``## `` sections of an earlier RESULTS.md whose heading says they were written by hand."""
    kept: list[str] = []
    keeping = False
    for line in text.splitlines(keepends=True):
        if line.startswith("## ") or line.startswith("# "):
            keeping = line.startswith("## ") and HAND_WRITTEN_MARK in line
        if keeping:
            kept.append(line)
    return "".join(kept)


def main(argv: list[str] | None = None) -> int:
    """Screen, score and write RESULTS.md (and the screened documents as a CSV next to it).

    Sections of the existing RESULTS.md whose heading says "hand-written" (a reading of an
    earlier run's errors) are kept at the end of the new file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the Markdown results file")
    parser.add_argument(
        "--no-bank-check", action="store_true", help="skip the second screen with the set's sample as a bank"
    )
    args = parser.parse_args(argv)
    labels = load_labels()
    t0 = time.perf_counter()
    documents, run = run_screen()
    seconds = time.perf_counter() - t0
    missing = sorted(set(labels.index) - set(documents.index))
    if missing:
        raise RuntimeError(f"labelled reports missing from Soi's output: {missing}")
    scores = score_findings(labels, documents)
    errors = error_rows(labels, documents)
    with_bank = None if args.no_bank_check else bank_check(labels)
    text = render(
        scores,
        errors,
        risk_ranking(labels, documents),
        peer_source_agreement(labels, documents),
        run,
        seconds,
        with_bank,
    )
    earlier = hand_written_sections(args.out.read_text(encoding="utf-8")) if args.out.exists() else ""
    if earlier:
        text = text.rstrip("\n") + "\n\n" + earlier
    write_atomic(args.out, text)
    keep = ["risk", *FINDINGS, "copied_peer_of", *(score_column(f) for f in FINDINGS), "reasons"]
    csv_text = documents[[c for c in keep if c in documents.columns]].to_csv()
    write_atomic(args.out.with_name("documents.csv"), csv_text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fitting the risk weights (models/risk.json) on generated batches with ground truth.

    python -m pipeline.scoring.fit --train-seeds 101 102 103 --test-seeds 104 --units 4 \
        --years 2023-2025 --out models/risk.json

Each seed's batch is written by the corpus generator (``python -m pipeline.corpus.cli generate``;
training seeds with phrase variant ``a``, held-out seeds with variant ``b`` by default), screened
with :func:`pipeline.screen.screen`, and joined with the generator's ``truth.csv``.

:mod:`pipeline.scoring.risk` combines the raised flags as a noisy-OR::

    risk = 1 - prod_f (1 - w_f) ** flag_f

**The shipped weights** are each flag's precision against its own truth column, smoothed with a
uniform prior: ``w_f = (true positives + 1) / (raised + 2)``. Risk then reads as "the chance
that at least one raised finding is real" (if flags erred independently), and a flag that is
often wrong weighs little. This choice was made before looking at any result, for that reading;
a flag never raised in training gets (0 + 1) / (0 + 2) = 0.5, the unfitted default, and is
listed under ``not_fitted`` with the findings whose stage did not run.

For comparison the card also holds, fitted on the same training rows:

- ``noisy_or_ml``: the noisy-OR weights of maximum likelihood for the target "the report is
  formulaic in a way the stages that ran could see" (any true finding among the computed ones);
  the negative log-likelihood is convex in ``log(1 - w_f)``, solved with L-BFGS-B;
- ``logistic_regression`` on the same flags.

and held-out metrics (ROC AUC, average precision, precision in the top 20%, Brier score, log
loss) of every scorer, including the unfitted 0.5 weights, for two targets: ``detectable`` (any
true finding among the computed findings) and ``any`` (any true finding at all).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline import schema
from pipeline.scoring.risk import DEFAULT_WEIGHT

W_MIN, W_MAX = 1e-4, 0.999
EPS = 1e-9


# --- the model ---------------------------------------------------------------------------------


def noisy_or(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """P(y=1) per row of the 0/1 flag matrix ``x`` under weights ``w``."""
    return 1.0 - np.exp(x @ np.log1p(-np.clip(w, 0.0, W_MAX)))


def fit_noisy_or(x: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Maximum-likelihood noisy-OR weights for flags ``x`` (n×k, 0/1) and target ``y`` (0/1).

    Columns never raised get NaN (not estimable). ``l2`` is a small ridge on ``log(1-w)``
    that keeps a flag raised only on positives finite (it would run to w=1 otherwise).
    """
    from scipy.optimize import minimize

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    used = x.sum(axis=0) > 0
    w = np.full(x.shape[1], np.nan)
    if not used.any():
        return w
    xu = x[:, used]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        s = xu @ theta  # log P(y=0) <= 0
        p0 = np.clip(np.exp(s), EPS, 1 - EPS)
        nll = -np.sum((1 - y) * s + y * np.log1p(-p0)) + l2 * np.sum(theta**2)
        # d/ds of -[(1-y) s + y log(1-e^s)] = -(1-y) + y e^s / (1 - e^s)
        ds = -(1 - y) + y * p0 / (1 - p0)
        return float(nll), xu.T @ ds + 2 * l2 * theta

    theta0 = np.full(xu.shape[1], np.log1p(-0.5))
    bounds = [(np.log1p(-W_MAX), np.log1p(-W_MIN))] * xu.shape[1]
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds)
    w[used] = 1.0 - np.exp(res.x)
    return w


def metrics(y: np.ndarray, p: np.ndarray) -> dict[str, float | None]:
    """Ranking and calibration of scores ``p`` against ``y``."""
    from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

    y = np.asarray(y, dtype=int)
    p = np.clip(np.asarray(p, dtype=float), EPS, 1 - EPS)
    both = len(set(y.tolist())) == 2
    top = max(1, int(round(0.2 * len(y))))
    order = np.argsort(-p, kind="stable")
    return {
        "n": int(len(y)),
        "positives": int(y.sum()),
        "roc_auc": round(float(roc_auc_score(y, p)), 4) if both else None,
        "average_precision": round(float(average_precision_score(y, p)), 4) if both else None,
        "brier": round(float(brier_score_loss(y, p)), 4),
        "log_loss": round(float(log_loss(y, p, labels=[0, 1])), 4),
        "precision_top20pct": round(float(y[order[:top]].mean()), 4),
    }


# --- data --------------------------------------------------------------------------------------


def generate(seed: int, units: int, years: str, out: Path, variant: str = "a") -> Path:
    """Write one generated batch with truth via the corpus generator's CLI; returns its folder."""
    cmd = [
        sys.executable, "-m", "pipeline.corpus.cli", "generate",
        "--seed", str(seed), "--units", str(units), "--years", years, "--out", str(out),
        "--variant", variant,
    ]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return out


def load_truth(folder: Path) -> pd.DataFrame:
    """truth.csv of a generated batch (one row per report, 0/1 per finding)."""
    return pd.read_csv(folder / "truth.csv", dtype={"doc_id": str})


def screened_with_truth(folder: Path) -> tuple[pd.DataFrame, list[str]]:
    """documents of a screened batch joined with its truth (columns ``<finding>`` and ``true_<finding>``)."""
    from pipeline.screen import screen

    result = screen([folder], manifest=folder / "manifest.csv", cache_dir=None)
    docs = result.documents
    truth = load_truth(folder)
    key = "doc_id" if "doc_id" in truth.columns else "path"
    if key == "path":
        truth["path"] = [str((folder / p).resolve()) for p in truth["path"]]
        docs = docs.assign(path=[str(Path(p).resolve()) for p in docs["path"]])
    tcols = [f for f in schema.ALL_FINDINGS if f in truth.columns]
    joined = docs.merge(
        truth[[key, *tcols]].rename(columns={f: f"true_{f}" for f in tcols}), on=key, how="inner"
    )
    if len(joined) != len(docs):
        raise ValueError(f"{folder}: {len(docs) - len(joined)} screened reports have no truth row")
    return joined, list(result.run.get("stages_run", []))


def design(frame: pd.DataFrame, findings: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Flag matrix (NA -> 0) and the target "any true finding"."""
    x = np.column_stack([frame[f].fillna(0).astype(float).to_numpy() for f in findings])
    tcols = [c for c in frame.columns if c.startswith("true_")]
    y = (frame[tcols].fillna(0).astype(float) > 0).any(axis=1).astype(int).to_numpy()
    return x, y


def per_finding(frame: pd.DataFrame, findings: Sequence[str]) -> dict[str, dict[str, Any]]:
    """For each flag: how often raised, precision/recall against its own truth and against the target."""
    _, y = design(frame, findings)
    out: dict[str, dict[str, Any]] = {}
    for f in findings:
        flag = frame[f].fillna(0).astype(float).to_numpy() > 0
        row: dict[str, Any] = {"raised": int(flag.sum()), "precision_formulaic": None}
        if flag.any():
            row["precision_formulaic"] = round(float(y[flag].mean()), 4)
        t = f"true_{f}"
        if t in frame.columns:
            truth = frame[t].fillna(0).astype(float).to_numpy() > 0
            tp = int((flag & truth).sum())
            row.update(
                {
                    "true": int(truth.sum()),
                    "precision": round(tp / flag.sum(), 4) if flag.any() else None,
                    "recall": round(tp / truth.sum(), 4) if truth.any() else None,
                }
            )
        out[f] = row
    return out


# --- the whole fit -----------------------------------------------------------------------------


def precision_weights(frame: pd.DataFrame, findings: Sequence[str]) -> dict[str, float]:
    """Laplace-smoothed precision of each flag against its own truth: (tp + 1) / (raised + 2)."""
    out: dict[str, float] = {}
    for f in findings:
        flag = frame[f].fillna(0).astype(float).to_numpy() > 0
        t = f"true_{f}"
        truth = frame[t].fillna(0).astype(float).to_numpy() > 0 if t in frame.columns else np.zeros(len(frame), bool)
        out[f] = round(float(((flag & truth).sum() + 1) / (flag.sum() + 2)), 4)
    return out


def targets(frame: pd.DataFrame, computed: Sequence[str]) -> dict[str, np.ndarray]:
    """``detectable``: any true finding among ``computed``; ``any``: any true finding."""

    def anyof(cols: list[str]) -> np.ndarray:
        if not cols:
            return np.zeros(len(frame), dtype=int)
        return (frame[cols].fillna(0).astype(float) > 0).any(axis=1).astype(int).to_numpy()

    tcols = [c for c in frame.columns if c.startswith("true_")]
    return {
        "detectable": anyof([f"true_{f}" for f in computed if f"true_{f}" in frame.columns]),
        "any": anyof(tcols),
    }


def fit(
    train: pd.DataFrame,
    test: pd.DataFrame | None,
    computed: Sequence[str],
) -> dict[str, Any]:
    """Weights, alternatives and metrics (without the provenance fields the CLI adds)."""
    from sklearn.linear_model import LogisticRegression

    findings = list(schema.ALL_FINDINGS)
    x, _ = design(train, findings)
    raised = x.sum(axis=0) > 0
    fitted = [f for k, f in enumerate(findings) if f in computed and raised[k]]
    prec = precision_weights(train, findings)
    weights = {f: (prec[f] if f in fitted else DEFAULT_WEIGHT) for f in findings}
    y_train = targets(train, computed)
    ml = fit_noisy_or(x, y_train["detectable"])
    ml_weights = {
        f: (round(float(v), 4) if f in fitted and not np.isnan(v) else DEFAULT_WEIGHT)
        for f, v in zip(findings, ml, strict=True)
    }
    cols = [k for k, f in enumerate(findings) if f in fitted]
    lr = None
    if cols and len(set(y_train["detectable"].tolist())) == 2:
        lr = LogisticRegression(C=1.0, max_iter=1000).fit(x[:, cols], y_train["detectable"])

    def scorers(xm: np.ndarray) -> dict[str, np.ndarray]:
        out = {
            "precision_weights": noisy_or(xm, np.array([weights[f] for f in findings])),
            "noisy_or_ml": noisy_or(xm, np.array([ml_weights[f] for f in findings])),
            "default_0.5": noisy_or(xm, np.full(len(findings), DEFAULT_WEIGHT)),
        }
        if lr is not None:
            out["logistic_regression"] = lr.predict_proba(xm[:, cols])[:, 1]
        return out

    def evaluate(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
        xm, _ = design(frame, findings)
        ys = targets(frame, computed)
        sc = scorers(xm)
        return {t: {name: metrics(y, p) for name, p in sc.items()} for t, y in ys.items()}

    card: dict[str, Any] = {
        "weights": weights,
        "fitted": fitted,
        "not_fitted": [f for f in findings if f not in fitted],
        "alternatives": {"noisy_or_ml": ml_weights},
        "per_finding_train": per_finding(train, findings),
        "metrics": {"train": evaluate(train)},
    }
    if lr is not None:
        card["alternatives"]["logistic_regression"] = {
            "intercept": round(float(lr.intercept_[0]), 4),
            "coef": {findings[k]: round(float(c), 4) for k, c in zip(cols, lr.coef_[0], strict=True)},
        }
    if test is not None and len(test):
        card["metrics"]["test"] = evaluate(test)
        card["per_finding_test"] = per_finding(test, findings)
    return card


def _years_list(years: str) -> list[int]:
    a, _, b = years.partition("-")
    return list(range(int(a), int(b or a) + 1))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train-seeds", type=int, nargs="+", default=[101, 102, 103])
    ap.add_argument("--test-seeds", type=int, nargs="*", default=[104])
    ap.add_argument("--units", type=int, default=4)
    ap.add_argument("--train-variant", choices=["a", "b"], default="a")
    ap.add_argument("--test-variant", choices=["a", "b"], default="b")
    ap.add_argument("--years", default="2023-2025")
    ap.add_argument("--work", type=Path, default=None, help="Keep the generated batches here.")
    ap.add_argument("--out", type=Path, default=Path("models/risk.json"))
    args = ap.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="soi-fit-"))
    frames: dict[str, list[pd.DataFrame]] = {"train": [], "test": []}
    stages: set[str] = set()
    variants = {"train": args.train_variant, "test": args.test_variant}
    for part, seeds in (("train", args.train_seeds), ("test", args.test_seeds)):
        for seed in seeds:
            folder = work / f"seed-{seed}-{variants[part]}"
            if not (folder / "truth.csv").exists():
                generate(seed, args.units, args.years, folder, variants[part])
            frame, ran = screened_with_truth(folder)
            stages.update(ran)
            frames[part].append(frame.assign(seed=seed))
            print(f"{part} seed {seed}: {len(frame)} reports", file=sys.stderr)
    train = pd.concat(frames["train"], ignore_index=True)
    test = pd.concat(frames["test"], ignore_index=True) if frames["test"] else None
    computed = [f for f in schema.ALL_FINDINGS if train[f].notna().any()]
    card = fit(train, test, computed)
    from importlib.metadata import PackageNotFoundError, version

    try:
        soi_version = version("soi")
    except PackageNotFoundError:
        soi_version = "unknown"
    card = {
        "weights": card.pop("weights"),
        "model": "noisy-OR: risk = 1 - prod_f (1 - w_f) ** flag_f",
        "method": (
            "w_f = (true positives + 1) / (raised + 2): each flag's smoothed precision against its own "
            "truth column on the training seeds (chosen a priori); see pipeline/scoring/fit.py"
        ),
        "data": {
            "generator": "python -m pipeline.corpus.cli generate",
            "train_seeds": args.train_seeds,
            "train_variant": args.train_variant,
            "test_seeds": args.test_seeds,
            "test_variant": args.test_variant,
            "units": args.units,
            "years": _years_list(args.years),
            "train_reports": int(len(train)),
            "test_reports": int(len(test)) if test is not None else 0,
            "stages_run": sorted(stages),
        },
        **card,
        "soi_version": soi_version,
        "created": _dt.date.today().isoformat(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = {"weights": card["weights"], "test": card["metrics"].get("test", {})}
    print(json.dumps(summary, indent=2), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

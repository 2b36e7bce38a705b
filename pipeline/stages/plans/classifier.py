"""The remediation-item classifier: specific | vague, and which slots an item lacks.

One :class:`PlanItemModel` holds four logistic regressions over the same features — the slot
cues of :mod:`pipeline.stages.plans.slots` (scaled by ``cue_weight``) next to character and
syllable n-gram TF-IDF of the item text:

* three slot models (measure, deadline, target), trained on the ``has_*`` columns of
  corpora/labelled/plan_items.csv, which fill the ``missing`` column;
* one label model (specific vs vague) whose probability is the item's ``score``; an item is
  specific when ``score >= threshold``.

Trained by :func:`train` (``soi train``) on the train split only; the fixed test split is
scored once for the model card. The threshold and the feature variant were chosen by
cross-validation on the train split (benchmarks/plans/cv.py).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from pipeline.modelio import register_trusted
from pipeline.schema import PLAN_SLOTS
from pipeline.stages.plans.slots import CUE_NAMES, lexicon_label, rule_slots, slot_cues

MODEL_NAME = "plan_items"
#: Year assumed for the hand-written items, which carry none (they mostly plan for 2025).
DEFAULT_ITEM_YEAR = 2024


def cue_matrix(texts: Sequence[str], years: Sequence[int] | None = None) -> np.ndarray:
    """Slot cues of each text as a dense matrix (columns :data:`CUE_NAMES`)."""
    years = list(years) if years is not None else [DEFAULT_ITEM_YEAR] * len(texts)
    rows = [_cue_row(str(t), int(y)) for t, y in zip(texts, years, strict=True)]
    return np.asarray(rows, dtype=float).reshape(len(texts), len(CUE_NAMES))


@lru_cache(maxsize=20000)
def _cue_row(text: str, year: int) -> tuple[float, ...]:
    cues = slot_cues(text, year)
    return tuple(cues.get(name, 0.0) for name in CUE_NAMES)


class PlanItemModel:
    """Slot and label models over slot cues + n-grams (see module docstring)."""

    def __init__(
        self,
        C: float = 2.0,
        cue_weight: float = 1.0,
        use_ngrams: bool = True,
        use_cues: bool = True,
        threshold: float = 0.5,
        seed: int = 0,
    ) -> None:
        self.C = C
        self.cue_weight = cue_weight
        self.use_ngrams = use_ngrams
        self.use_cues = use_cues
        self.threshold = threshold
        self.seed = seed
        self.cue_names = list(CUE_NAMES)
        self.char_vec: TfidfVectorizer | None = None
        self.word_vec: TfidfVectorizer | None = None
        self.label_model: LogisticRegression | None = None
        self.slot_models: dict[str, LogisticRegression] = {}

    # -- persistence -----------------------------------------------------------------------
    # skops writes a dict node per vocabulary entry (~500 bytes each); the vocabularies are
    # stored instead as one newline-joined string of terms in column order (a few kB).
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        for key in ("char_vec", "word_vec"):
            vec = state.get(key)
            if vec is not None and hasattr(vec, "vocabulary_"):
                terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
                if any("\n" in t for t in terms):
                    continue  # cannot happen with these analyzers; keep the dict if it does
                light = copy.copy(vec)
                del light.vocabulary_
                state[key] = light
                state[f"{key}_terms"] = "\n".join(terms)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        for key in ("char_vec", "word_vec"):
            terms = state.pop(f"{key}_terms", None)
            if terms is not None and state.get(key) is not None:
                state[key].vocabulary_ = {t: i for i, t in enumerate(terms.split("\n"))}
        self.__dict__.update(state)

    # -- features --------------------------------------------------------------------------
    def _features(self, texts: Sequence[str], years: Sequence[int] | None, fit: bool = False) -> Any:
        blocks = []
        if self.use_ngrams:
            if fit:
                self.char_vec = TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2, lowercase=True
                )
                self.word_vec = TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    min_df=2,
                    lowercase=True,
                    token_pattern=r"(?u)\b[^\W\d_]+\b",
                )
                blocks.append(self.char_vec.fit_transform(texts))
                blocks.append(self.word_vec.fit_transform(texts))
                # terms cut by min_df are kept only for introspection: drop them (model size)
                for vec in (self.char_vec, self.word_vec):
                    if hasattr(vec, "stop_words_"):
                        delattr(vec, "stop_words_")
            else:
                assert self.char_vec is not None and self.word_vec is not None
                blocks.append(self.char_vec.transform(texts))
                blocks.append(self.word_vec.transform(texts))
        if self.use_cues:
            blocks.append(sp.csr_matrix(cue_matrix(texts, years) * self.cue_weight))
        return sp.hstack(blocks).tocsr()

    def _clf(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, max_iter=5000, class_weight="balanced", random_state=self.seed)

    # -- training --------------------------------------------------------------------------
    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        slots: dict[str, Sequence[int]],
        years: Sequence[int] | None = None,
        fit_slots: bool = True,
    ) -> PlanItemModel:
        """Fit on items with their labels (specific|vague) and slot indicators (0/1 per slot)."""
        texts = [str(t) for t in texts]
        X = self._features(texts, years, fit=True)
        y = np.asarray([1 if lab == "specific" else 0 for lab in labels])
        self.label_model = self._clf().fit(X, y)
        self.slot_models = {}
        for slot in PLAN_SLOTS if fit_slots else ():
            ys = np.asarray(slots[slot], dtype=int)
            self.slot_models[slot] = self._clf().fit(X, ys)
        return self

    # -- prediction ------------------------------------------------------------------------
    def score(self, texts: Sequence[str], years: Sequence[int] | None = None) -> np.ndarray:
        """Probability that each item is specific."""
        if not len(texts):
            return np.zeros(0)
        assert self.label_model is not None, "model not fitted"
        X = self._features([str(t) for t in texts], years)
        return self.label_model.predict_proba(X)[:, 1]

    def predict(self, texts: Sequence[str], years: Sequence[int] | None = None) -> list[dict[str, Any]]:
        """Per item: score, label, and the slot probabilities and the missing slots."""
        if not len(texts):
            return []
        assert self.label_model is not None, "model not fitted"
        texts = [str(t) for t in texts]
        X = self._features(texts, years)
        score = self.label_model.predict_proba(X)[:, 1]
        slot_p = {s: m.predict_proba(X)[:, 1] for s, m in self.slot_models.items()}
        out = []
        for i in range(len(texts)):
            present = {s: bool(slot_p[s][i] >= 0.5) for s in PLAN_SLOTS}
            out.append(
                {
                    "score": float(score[i]),
                    "label": "specific" if score[i] >= self.threshold else "vague",
                    "slot_proba": {s: float(slot_p[s][i]) for s in PLAN_SLOTS},
                    "missing": [s for s in PLAN_SLOTS if not present[s]],
                }
            )
        return out


register_trusted(f"{PlanItemModel.__module__}.{PlanItemModel.__qualname__}")


class LexiconModel:
    """The lexicon-only baseline with the same ``predict`` shape (no training)."""

    threshold = 0.5

    def predict(self, texts: Sequence[str], years: Sequence[int] | None = None) -> list[dict[str, Any]]:
        years = list(years) if years is not None else [DEFAULT_ITEM_YEAR] * len(texts)
        out = []
        for t, y in zip(texts, years, strict=True):
            slots = rule_slots(str(t), int(y))
            label = lexicon_label(str(t), int(y))
            out.append(
                {
                    "score": 1.0 if label == "specific" else 0.0,
                    "label": label,
                    "slot_proba": {s: float(v) for s, v in slots.items()},
                    "missing": [s for s in PLAN_SLOTS if not slots[s]],
                }
            )
        return out


#: Hyper-parameters chosen by cross-validation on the train split (benchmarks/plans/cv.py).
CHOSEN: dict[str, Any] = {"C": 2.0, "cue_weight": 1.0, "use_ngrams": True, "use_cues": True, "threshold": 0.5}


def item_metrics(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Accuracy, vague-class precision/recall/F1 and macro-F1."""
    from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

    return {
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
        "vague_precision": round(float(precision_score(gold, pred, pos_label="vague", zero_division=0)), 4),
        "vague_recall": round(float(recall_score(gold, pred, pos_label="vague", zero_division=0)), 4),
        "vague_f1": round(float(f1_score(gold, pred, pos_label="vague", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(gold, pred, average="macro", zero_division=0)), 4),
    }


def train(seed: int = 0) -> tuple[PlanItemModel, dict[str, Any]]:
    """``soi train`` entry: fit on the train split of plan_items.csv, score the test split.

    The metrics also hold the lexicon baseline on the same test split and per-slot accuracy.
    """
    from pipeline.labelled import load_plan_items

    df = load_plan_items()
    tr, te = df[df["split"] == "train"], df[df["split"] == "test"]
    model = PlanItemModel(seed=seed, **CHOSEN)
    model.fit(tr["text"].tolist(), tr["label"].tolist(), {s: tr[f"has_{s}"].tolist() for s in PLAN_SLOTS})
    pred = model.predict(te["text"].tolist())
    base = LexiconModel().predict(te["text"].tolist())
    metrics: dict[str, Any] = {
        f"test_{k}": v for k, v in item_metrics(te["label"].tolist(), [p["label"] for p in pred]).items()
    }
    metrics.update(
        {
            f"baseline_test_{k}": v
            for k, v in item_metrics(te["label"].tolist(), [p["label"] for p in base]).items()
        }
    )
    for s in PLAN_SLOTS:
        gold = te[f"has_{s}"].to_numpy()
        metrics[f"test_slot_{s}_accuracy"] = round(
            float(np.mean([(s not in p["missing"]) == bool(g) for p, g in zip(pred, gold, strict=True)])), 4
        )
        metrics[f"baseline_test_slot_{s}_accuracy"] = round(
            float(np.mean([(s not in p["missing"]) == bool(g) for p, g in zip(base, gold, strict=True)])), 4
        )
    metrics.update(
        {
            "n_train": int(len(tr)),
            "n_test": int(len(te)),
            "threshold": model.threshold,
            **{f"param_{k}": v for k, v in CHOSEN.items()},
        }
    )
    return model, metrics

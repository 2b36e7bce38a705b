"""Compact, safely loadable forms of TF-IDF + linear text models (shared by the content stage and
the section paragraph model).

skops writes a scikit-learn ``TfidfVectorizer`` vocabulary as one JSON node per term (about
800 bytes each, uncompressed), which made a 25,000-feature model weigh 24 MB, and
``CalibratedClassifierCV`` holds types that :mod:`pipeline.modelio` does not trust. The classes
here keep exactly what prediction needs, as a few strings and numpy arrays:

* :class:`CompactVectorizer`: one TF-IDF block (analyzer settings, the terms as one
  ``\\x1f``-joined string, float32 IDF), sublinear TF and L2 row norm like ``TfidfVectorizer``.
* :class:`CompactTextClassifier`: several blocks plus the shallow features (column-weighted, as
  the ``ColumnTransformer`` did), a linear model (float32 coefficients) and a calibration fitted on
  out-of-fold decision values: Platt scaling for binary models, temperature scaling of the softmax
  for the multiclass one (it halved the test log-loss of one-vs-rest Platt scaling, see the card).

Both are built from fitted scikit-learn objects at training time (:func:`compact_from_pipeline`
for a ``ColumnTransformer`` pipeline, :func:`compact_from_feature_union` for a ``FeatureUnion``
of TF-IDF blocks over one text), which check that the compact model reproduces the original's
decision values. Loading one is fast: no per-term objects, the vocabulary dicts are rebuilt from
one string (models/section_paragraphs: about 5 s as a skops'd scikit-learn pipeline, well under
0.5 s in this form).

Models saved before this module moved here name their classes
``pipeline.stages.content.compact.*``; that module re-exports these classes and both names are
on the trusted-type list, so those files load unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from pipeline.modelio import register_trusted

SEP = "\x1f"
#: Bound on the per-word n-gram cache of a ``char_wb`` block (about 10 MB at most).
MAX_CACHED_WORDS = 50_000
#: Texts counted at a time by :meth:`CompactVectorizer.counts` (the index lists of one chunk are
#: Python lists: a chunk of reports' sentences stays within a few MB).
COUNT_CHUNK = 2048
_VERSION = 1


class CompactVectorizer:
    """A fitted TF-IDF block: ``transform(texts)`` gives L2-normalised sublinear TF-IDF rows."""

    def __init__(
        self,
        terms: list[str],
        idf: np.ndarray,
        analyzer: str = "word",
        ngram_range: tuple[int, int] = (1, 1),
        token_pattern: str | None = r"(?u)\b\w\w+\b",
        lowercase: bool = True,
        sublinear_tf: bool = True,
        column: str = "text",
        weight: float = 1.0,
    ) -> None:
        self.__setstate__(
            {
                "terms": SEP.join(terms),
                "idf": np.asarray(idf, dtype=np.float32),
                "analyzer": analyzer,
                "ngram_range": [int(ngram_range[0]), int(ngram_range[1])],
                "token_pattern": token_pattern,
                "lowercase": bool(lowercase),
                "sublinear_tf": bool(sublinear_tf),
                "column": column,
                "weight": float(weight),
            }
        )

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.idf = np.asarray(self.idf, dtype=np.float32)
        terms = self.terms.split(SEP) if self.terms else []
        if len(terms) != len(self.idf):
            raise ValueError("compact vectorizer: terms and IDF lengths differ")
        kwargs: dict[str, Any] = {
            "analyzer": self.analyzer,
            "ngram_range": tuple(self.ngram_range),
            "lowercase": self.lowercase,
            "vocabulary": {t: i for i, t in enumerate(terms)},
            "dtype": np.float64,
        }
        if self.analyzer == "word" and self.token_pattern is not None:
            kwargs["token_pattern"] = self.token_pattern
        self._counter = CountVectorizer(**kwargs)
        self._vocab: dict[str, int] = kwargs["vocabulary"]
        self._idf64 = self.idf.astype(np.float64)
        #: char_wb blocks: in-vocabulary n-gram indices of each word seen so far (Vietnamese has a
        #: few thousand syllables, so after a few reports nearly every word is a cache hit).
        self._word_cache: dict[str, list[int]] = {}

    def idf_map(self) -> tuple[dict[str, float], float]:
        """``{term: idf}`` and the IDF of an unseen term (the largest one)."""
        cached = getattr(self, "_idf_map", None)
        if cached is None:
            terms = self.terms.split(SEP) if self.terms else []
            idf = {t: float(v) for t, v in zip(terms, self.idf, strict=True)}
            cached = (idf, max(idf.values(), default=1.0))
            self._idf_map = cached
        return cached

    @property
    def n_features(self) -> int:
        return len(self.idf)

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Term counts (float64, sorted column indices): the matrix ``CountVectorizer.transform``
        gives, built faster. Each text's in-vocabulary feature indices come from its analyzer
        output (for ``char_wb``, from the per-word n-grams, cached by word: the analyzer makes a
        word's n-grams from that word alone), then texts are counted ``COUNT_CHUNK`` at a time
        (bounded memory) in one ``np.unique`` each."""
        if len(texts) <= COUNT_CHUNK:
            return self._count_chunk(texts)
        parts = [self._count_chunk(texts[i : i + COUNT_CHUNK]) for i in range(0, len(texts), COUNT_CHUNK)]
        return sp.csr_matrix(sp.vstack(parts, format="csr"))

    def _count_chunk(self, texts: Sequence[str]) -> sp.csr_matrix:
        vocab = self._vocab
        flat: list[int] = []  # the in-vocabulary feature indices of every text, one after the other
        lengths: list[int] = []
        if self.analyzer == "char_wb":
            preprocess = self._counter.build_preprocessor()
            white = self._counter._white_spaces
            ngrams = self._counter._char_wb_ngrams
            cache = self._word_cache
            for doc in texts:
                before = len(flat)
                for w in white.sub(" ", preprocess(self._counter.decode(doc))).split():
                    hit = cache.get(w)
                    if hit is None:
                        hit = [vocab[g] for g in ngrams(w) if g in vocab]
                        if len(cache) >= MAX_CACHED_WORDS:
                            cache.clear()
                        cache[w] = hit
                    flat.extend(hit)
                lengths.append(len(flat) - before)
        else:
            analyze = self._counter.build_analyzer()
            for doc in texts:
                ids = [vocab[f] for f in analyze(doc) if f in vocab]
                flat.extend(ids)
                lengths.append(len(ids))
        n_docs, n_features = len(lengths), len(self.idf)
        rows = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        cols = np.asarray(flat, dtype=np.int64)
        keys, counts = np.unique(rows * n_features + cols, return_counts=True)
        indptr = np.zeros(n_docs + 1, dtype=np.int32)
        np.cumsum(np.bincount(keys // n_features, minlength=n_docs), out=indptr[1:])
        indices = (keys % n_features).astype(np.int32)
        return sp.csr_matrix((counts.astype(np.float64), indices, indptr), shape=(n_docs, n_features))

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        tf = self.counts(texts)
        if self.sublinear_tf:
            tf.data = np.log(tf.data) + 1.0
        x = tf.multiply(self._idf64[None, :]).tocsr()
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ x)

    @classmethod
    def from_sklearn(cls, vec: Any, column: str = "text", weight: float = 1.0) -> CompactVectorizer:
        """From a fitted ``TfidfVectorizer`` (norm l2, smooth IDF as fitted)."""
        if vec.norm != "l2":
            raise ValueError("only l2-normalised TF-IDF blocks are supported")
        terms = [""] * len(vec.vocabulary_)
        for t, i in vec.vocabulary_.items():
            if SEP in t:
                raise ValueError("a term contains the separator")
            terms[i] = t
        pattern = vec.token_pattern if vec.analyzer == "word" else None
        return cls(
            terms,
            vec.idf_,
            vec.analyzer,
            vec.ngram_range,
            pattern,
            vec.lowercase,
            vec.sublinear_tf,
            column,
            weight,
        )


class CompactTextClassifier:
    """TF-IDF blocks + shallow features → linear model → per-class sigmoid calibration."""

    def __init__(
        self,
        blocks: list[CompactVectorizer],
        shallow_weight: float,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: list[str],
        calib_a: np.ndarray,
        calib_b: np.ndarray,
    ) -> None:
        self.__setstate__(
            {
                "version": _VERSION,
                "blocks": [b.__getstate__() for b in blocks],
                "shallow_weight": float(shallow_weight),
                "coef": np.asarray(coef, dtype=np.float32),
                "intercept": np.asarray(intercept, dtype=np.float64),
                "classes": [str(c) for c in classes],
                "calib_a": np.asarray(calib_a, dtype=np.float64),
                "calib_b": np.asarray(calib_b, dtype=np.float64),
            }
        )

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._blocks = []
        for b in self.blocks:
            v = CompactVectorizer.__new__(CompactVectorizer)
            v.__setstate__(dict(b))
            self._blocks.append(v)
        self.classes_ = np.asarray(self.classes, dtype=object)
        self._coef64 = np.asarray(self.coef).astype(np.float64)

    def features(self, frame: pd.DataFrame | Sequence[str]) -> sp.csr_matrix:
        """The feature matrix of ``frame`` (a DataFrame with the blocks' columns, or plain texts
        standing for the ``text`` column)."""
        if isinstance(frame, pd.DataFrame):
            needed = {b.column for b in self._blocks} | ({"text"} if self.shallow_weight > 0 else set())
            columns = {c: [str(t) for t in frame[c]] for c in needed}
        else:  # plain texts (the section paragraph model): no DataFrame to build
            columns = {"text": [str(t) for t in frame]}
        parts = [b.transform(columns[b.column]) * b.weight for b in self._blocks]
        if self.shallow_weight > 0:
            from pipeline.stages.content.features import shallow_features  # content models only

            dense = np.asarray([shallow_features(t) for t in columns["text"]], dtype=float)
            parts.append(sp.csr_matrix(dense * self.shallow_weight))
        return sp.hstack(parts, format="csr")

    def decision_function(self, frame: pd.DataFrame | Sequence[str]) -> np.ndarray:
        x = self.features(frame)
        d = np.asarray(x @ self._coef64.T) + self.intercept
        return d[:, 0] if d.shape[1] == 1 else d

    def predict_proba(self, frame: pd.DataFrame | Sequence[str]) -> np.ndarray:
        d = self.decision_function(frame)
        if d.ndim == 1:
            p1 = _sigmoid(self.calib_a[0] * d + self.calib_b[0])
            return np.column_stack([1.0 - p1, p1])
        if len(self.calib_a) == 1:  # temperature scaling: softmax(a * d)
            z = self.calib_a[0] * d
            z = np.exp(z - z.max(axis=1, keepdims=True))
            return z / z.sum(axis=1, keepdims=True)
        p = _sigmoid(self.calib_a[None, :] * d + self.calib_b[None, :])
        s = p.sum(axis=1, keepdims=True)
        s[s == 0] = 1.0
        return p / s

    def predict(self, frame: pd.DataFrame | Sequence[str]) -> np.ndarray:
        return self.classes_[self.predict_proba(frame).argmax(axis=1)]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))


def fit_platt(decision: np.ndarray, y: np.ndarray, classes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Sigmoid parameters ``a, b`` per class (one for a binary model) from out-of-fold decisions."""
    from sklearn.calibration import _sigmoid_calibration

    y = np.asarray(y)
    if decision.ndim == 1:
        a, b = _sigmoid_calibration(decision, (y == classes[1]).astype(int))
        # sklearn's parametrisation is 1 / (1 + exp(a * d + b))
        return np.array([-a]), np.array([-b])
    a_s, b_s = [], []
    for k, c in enumerate(classes):
        a, b = _sigmoid_calibration(decision[:, k], (y == c).astype(int))
        a_s.append(-a)
        b_s.append(-b)
    return np.array(a_s), np.array(b_s)


def fit_temperature(decision: np.ndarray, y: np.ndarray, classes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Temperature scaling of a multiclass model (Guo et al. 2017): ``a = 1/T`` minimising the
    log-loss of ``softmax(a * d)`` on out-of-fold decisions; returned as ``([a], [])``."""
    from scipy.optimize import minimize_scalar

    idx = np.array([classes.index(str(v)) for v in y])

    def nll(a: float) -> float:
        z = a * decision
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(idx)), idx].mean())

    res = minimize_scalar(nll, bounds=(0.01, 50.0), method="bounded")
    return np.array([float(res.x)]), np.zeros(0)


def compact_from_pipeline(
    pipe: Any, calib_a: np.ndarray, calib_b: np.ndarray, check: pd.DataFrame | None = None
) -> CompactTextClassifier:
    """Convert a fitted ``Pipeline([features ColumnTransformer, LogisticRegression])``."""
    ct = pipe.named_steps["features"]
    clf = pipe.named_steps["clf"]
    weights = ct.transformer_weights or {}
    blocks: list[CompactVectorizer] = []
    shallow_weight = 0.0
    order: list[str] = []
    for name, tr, cols in ct.transformers_:
        if name == "remainder":
            continue
        order.append(name)
        if name == "shallow":
            shallow_weight = float(weights.get(name, 1.0))
            continue
        col = cols if isinstance(cols, str) else cols[0]
        blocks.append(CompactVectorizer.from_sklearn(tr, col, float(weights.get(name, 1.0))))
    if "shallow" in order and order[-1] != "shallow":
        raise ValueError("the shallow block must come last")
    model = CompactTextClassifier(
        blocks, shallow_weight, clf.coef_, clf.intercept_, list(clf.classes_), calib_a, calib_b
    )
    if check is not None and len(check):
        ref = clf.decision_function(ct.transform(check))
        got = model.decision_function(check)
        if not np.allclose(ref, got, atol=1e-3):
            raise AssertionError(
                f"compact model differs from the pipeline (max {np.abs(ref - got).max():.2e})"
            )
    return model


def compact_from_feature_union(pipe: Any, check: Sequence[str] | None = None) -> CompactTextClassifier:
    """Convert a fitted ``Pipeline([FeatureUnion of TfidfVectorizers, LogisticRegression])`` over
    one text column. A multiclass model keeps its own softmax (temperature 1, so the
    probabilities are those of ``predict_proba``); a binary one its own sigmoid."""
    union = pipe.steps[0][1]
    clf = pipe.steps[-1][1]
    weights = union.transformer_weights or {}
    blocks = [
        CompactVectorizer.from_sklearn(tr, "text", float(weights.get(name, 1.0)))
        for name, tr in union.transformer_list
        if tr not in ("drop", None)
    ]
    classes = list(clf.classes_)
    calib_a, calib_b = (
        (np.array([1.0]), np.zeros(0)) if len(classes) > 2 else (np.array([1.0]), np.array([0.0]))
    )
    model = CompactTextClassifier(blocks, 0.0, clf.coef_, clf.intercept_, classes, calib_a, calib_b)
    if check is not None and len(check):
        texts = [str(t) for t in check]
        ref = pipe.decision_function(texts)
        got = model.decision_function(texts)
        if not np.allclose(ref, got, atol=1e-4):
            raise AssertionError(
                f"compact model differs from the pipeline (max {np.abs(ref - got).max():.2e})"
            )
        if list(pipe.predict(texts)) != list(model.predict(texts)):
            raise AssertionError("compact model predicts other labels than the pipeline")
    return model


register_trusted(
    "pipeline.compact.CompactVectorizer",
    "pipeline.compact.CompactTextClassifier",
    # the same classes under the name they had when the content models were saved
    "pipeline.stages.content.compact.CompactVectorizer",
    "pipeline.stages.content.compact.CompactTextClassifier",
)

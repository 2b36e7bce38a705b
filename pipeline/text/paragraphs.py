"""Paragraph → section classifier for text that no heading covers.

A scikit-learn pipeline (character and syllable n-gram TF-IDF → logistic regression) trained
on the train split of the hand-labelled sentences (corpora/labelled/sentences.csv), whose
dimensions map one-to-one onto section labels. Used by :class:`pipeline.text.sections.SectionSegmenter`
for reports that leave headings out.

The shipped model (models/section_paragraphs.skops) is the fitted pipeline converted to the
compact form of :mod:`pipeline.compact` (same decision values up to float32 rounding, same
labels): it loads in a fraction of a second instead of about 5 s, in every worker process.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import FeatureUnion, Pipeline

from pipeline.compact import CompactTextClassifier, compact_from_feature_union
from pipeline.labelled import load_sentences

MODEL_NAME = "section_paragraphs"
#: Vocabulary caps: keep the shipped model small (it is loaded by every worker process).
MAX_CHAR_FEATURES = 30000
MAX_WORD_FEATURES = 15000

DIMENSION_TO_SECTION = {
    "ideology": "ideology",
    "ethics_lifestyle": "ethics",
    "discipline": "discipline",
    "working_style": "working_style",
    "duties_results": "duties",
    "leadership": "leadership",
    "commitment": "commitment",
    "weakness": "weaknesses",
    "cause": "causes",
    "remedy_earlier": "remedy_earlier",
    "collective_responsibility": "collective_responsibility",
    "plan": "plan",
    "rating": "self_rating",
    "other": "other",
}


def build_pipeline(seed: int = 0, C: float = 4.0) -> Pipeline:
    """Features: char 2-5-grams within word boundaries + syllable 1-2-grams, both sublinear TF-IDF."""
    features = FeatureUnion(
        [
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    sublinear_tf=True,
                    min_df=2,
                    lowercase=True,
                    max_features=MAX_CHAR_FEATURES,
                ),
            ),
            (
                "word",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    min_df=1,
                    max_features=MAX_WORD_FEATURES,
                    lowercase=True,
                    token_pattern=r"(?u)\b\w+\b",
                ),
            ),
        ]
    )
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


_UNIT_RE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|$)")


def annotated_units(reports: list[Any]) -> tuple[list[str], list[str]]:
    """Sentence-sized units of hand-annotated reports with their section label.

    ``reports`` are :class:`pipeline.evaluate.sections.LabelledReport`. The header, merged
    labels (ambiguous by construction) and units shorter than four words are left out.
    """
    texts: list[str] = []
    labels: list[str] = []
    for report in reports:
        for m in _UNIT_RE.finditer(report.text):
            unit = m.group(0).strip()
            if len(unit.split()) < 4:
                continue
            label = report.labels[m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))]
            if label == "header" or "+" in label:
                continue
            texts.append(unit)
            labels.append(label)
    return texts, labels


def training_data(exclude: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Train split of sentences.csv plus units of the annotated reports corpora/labelled/sections.

    ``exclude``: annotated file names to leave out (cross-fitting when measuring on them). The
    blind set corpora/labelled/sections_heldout is never used for training.
    """
    from pipeline.evaluate.sections import load_labelled_sections
    from pipeline.labelled import labelled_dir

    df = load_sentences()
    df = df[(df["split"] == "train") & df["dimension"].isin(DIMENSION_TO_SECTION)]
    texts = df["text"].tolist()
    labels = df["dimension"].map(DIMENSION_TO_SECTION).tolist()
    reports = [
        r for r in load_labelled_sections(labelled_dir() / "sections") if r.name not in (exclude or set())
    ]
    more_texts, more_labels = annotated_units(reports)
    return texts + more_texts, labels + more_labels


def train(seed: int = 0, exclude: set[str] | None = None) -> tuple[CompactTextClassifier, dict[str, Any]]:
    """Fit on :func:`training_data` and convert to the compact form (checked against the fitted
    pipeline on the training texts); report accuracy and macro-F1 on the sentences test split
    (mapped to sections), the only fixed test set that no section model trains on."""
    texts, labels = training_data(exclude)
    pipe = build_pipeline(seed)
    pipe.fit(texts, labels)
    model = compact_from_feature_union(pipe, check=texts)
    df = load_sentences()
    test_df = df[(df["split"] == "test") & df["dimension"].isin(DIMENSION_TO_SECTION)]
    gold = test_df["dimension"].map(DIMENSION_TO_SECTION).tolist()
    pred = model.predict(test_df["text"].tolist())
    metrics = {
        "test_accuracy": round(float(accuracy_score(gold, pred)), 4),
        "test_macro_f1": round(float(f1_score(gold, pred, average="macro", labels=sorted(set(gold)))), 4),
        "n_train": len(texts),
        "n_train_annotated_units": len(texts)
        - int(((df["split"] == "train") & df["dimension"].isin(DIMENSION_TO_SECTION)).sum()),
        "n_test": int(len(test_df)),
    }
    return model, metrics


class ParagraphSectionModel:
    """Adapter giving the segmenter ``predict(list[str]) -> list[str]`` over a fitted classifier
    (the compact form, or a scikit-learn pipeline) that takes a list of texts."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline

    def predict(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        return [str(x) for x in np.asarray(self.pipeline.predict(texts))]

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        """Per text, the probability of each section label."""
        if not texts:
            return []
        classes = [str(c) for c in self.pipeline.classes_]
        return [
            dict(zip(classes, map(float, row), strict=True)) for row in self.pipeline.predict_proba(texts)
        ]

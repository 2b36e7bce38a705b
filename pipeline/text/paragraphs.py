"""Paragraph → section classifier for text that no heading covers.

A scikit-learn pipeline (character and syllable n-gram TF-IDF → logistic regression) trained
on the train split of the hand-labelled sentences (corpora/labelled/sentences.csv), whose
dimensions map one-to-one onto section labels. Used by :class:`pipeline.text.sections.SectionSegmenter`
for reports that leave headings out.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import FeatureUnion, Pipeline

from pipeline.labelled import load_sentences

MODEL_NAME = "section_paragraphs"

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
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, lowercase=True
                ),
            ),
            (
                "word",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    min_df=1,
                    lowercase=True,
                    token_pattern=r"(?u)\b\w+\b",
                ),
            ),
        ]
    )
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


def train(seed: int = 0) -> tuple[Pipeline, dict[str, Any]]:
    """Fit on the train split, report accuracy and macro-F1 on the fixed test split."""
    df = load_sentences()
    df = df[df["dimension"].isin(DIMENSION_TO_SECTION)]
    df = df.assign(section=df["dimension"].map(DIMENSION_TO_SECTION))
    train_df, test_df = df[df["split"] == "train"], df[df["split"] == "test"]
    model = build_pipeline(seed)
    model.fit(train_df["text"].tolist(), train_df["section"].tolist())
    pred = model.predict(test_df["text"].tolist())
    metrics = {
        "test_accuracy": round(float(accuracy_score(test_df["section"], pred)), 4),
        "test_macro_f1": round(float(f1_score(test_df["section"], pred, average="macro")), 4),
        "n_train": int(len(train_df)),
        "n_test": int(len(test_df)),
    }
    return model, metrics


class ParagraphSectionModel:
    """Adapter giving the segmenter ``predict(list[str]) -> list[str]`` over a fitted pipeline."""

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

"""Re-export of :mod:`pipeline.compact` (the compact model forms moved there to be shared with the
section paragraph model). Kept so that imports from here, and model files saved with class names
``pipeline.stages.content.compact.*``, keep working."""

from pipeline.compact import (
    SEP,
    CompactTextClassifier,
    CompactVectorizer,
    compact_from_feature_union,
    compact_from_pipeline,
    fit_platt,
    fit_temperature,
)

__all__ = [
    "SEP",
    "CompactTextClassifier",
    "CompactVectorizer",
    "compact_from_feature_union",
    "compact_from_pipeline",
    "fit_platt",
    "fit_temperature",
]

"""``soi train``: rebuild every model in models/ from corpora/, reproducibly.

Each trainer is ``train(seed) -> (fitted_model, metrics_dict)`` and is listed in :data:`TRAINERS`;
the model is saved with skops plus a JSON card holding the metrics on the fixed test split, the
seed and the data it was trained on. The same seed gives the same metrics.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from typing import Any

import click

#: (model name, "module:function", what it is). Stage contributors append their trainers here.
TRAINERS: list[tuple[str, str, str]] = [
    (
        "section_paragraphs",
        "pipeline.text.paragraphs:train",
        "paragraph -> section label for text without headings",
    ),
    ("content_dimension", "pipeline.stages.content.models:train_dimension", "sentence -> dimension (14 classes)"),
    ("content_quality", "pipeline.stages.content.models:train_quality", "sentence -> substantive | stock"),
    ("content_results", "pipeline.stages.content.models:train_results", "result statement -> quantified | qualitative"),
    ("content_weaknesses", "pipeline.stages.content.models:train_weaknesses", "weakness statement -> specific | generic"),
    ("content_link", "pipeline.stages.content.models:train_link", "TF-IDF space linking collective shortcomings"),
    ("content_topic", "pipeline.stages.content.models:train_topic", "sentence -> ideology | ethics_lifestyle | other"),
    ("plan_items", "pipeline.stages.plans.classifier:train", "remediation item -> specific | vague, plus measure/deadline/target slots"),
]


def _resolve(target: str) -> Callable[..., tuple[Any, dict[str, Any]]]:
    module, _, func = target.partition(":")
    return getattr(importlib.import_module(module), func)


def train_all(seed: int = 0, only: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """Train the listed models (all by default); returns the metrics per model."""
    from pipeline.modelio import save_model

    results: dict[str, dict[str, Any]] = {}
    for name, target, description in TRAINERS:
        if only and name not in only:
            continue
        t = time.perf_counter()
        model, metrics = _resolve(target)(seed=seed)
        card = {"name": name, "description": description, "trainer": target, "seed": seed, "metrics": metrics}
        save_model(model, name, card)
        results[name] = dict(metrics, seconds=round(time.perf_counter() - t, 2))
    return results


@click.command("train")
@click.option("--seed", default=0, show_default=True, help="Random seed (same seed, same metrics).")
@click.option("--only", multiple=True, help="Train only this model; repeatable.")
def train(seed: int, only: tuple[str, ...]) -> None:
    """Rebuild the models in models/ from corpora/ and print their test metrics."""
    for name, metrics in train_all(seed, only).items():
        shown = ", ".join(f"{k}={v}" for k, v in metrics.items())
        click.echo(f"{name}: {shown}")

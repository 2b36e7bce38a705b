"""The stages Soi runs, in order, looked up by name.

A stage whose module is not present (not built yet, or removed) is simply not available: its
findings are written as empty columns, never as zeros. ``soi screen --skip NAME`` switches a
stage off.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from pipeline.stages.base import Stage

log = logging.getLogger(__name__)

#: (name, "module:ClassName") in running order. Reuse first (it needs only text), then content
#: (sentence classes), then plans (may use the weaknesses the content stage found).
STAGES: tuple[tuple[str, str], ...] = (
    ("reuse", "pipeline.stages.reuse:ReuseStage"),
    ("content", "pipeline.stages.content:ContentStage"),
    ("plans", "pipeline.stages.plans:PlanStage"),
)


#: The findings each stage provides, known without importing the stage (its module pulls in
#: scikit-learn): a replayed (warm) screen writes documents.csv from this. Each stage class's
#: ``provides`` must equal its entry (tests/stages/test_registry.py).
PROVIDES: dict[str, tuple[str, ...]] = {
    "reuse": ("copied_prior", "copied_peer", "template_heavy"),
    "content": (
        "missing_ideology",
        "missing_ethics",
        "generic_weaknesses",
        "unquantified_results",
        "no_collective_responsibility",
    ),
    "plans": ("vague_plan", "unremedied_weaknesses"),
}


def provided_findings(stage_names_run: list[str] | tuple[str, ...]) -> set[str]:
    """The findings computed by the named stages."""
    return {f for name in stage_names_run for f in PROVIDES.get(name, ())}


def stage_names() -> list[str]:
    return [name for name, _ in STAGES]


def load_stage(name: str, **params: Any) -> Stage | None:
    """Instantiate the stage called ``name``, or None when its code is not available."""
    target = dict(STAGES).get(name)
    if target is None:
        raise KeyError(f"unknown stage {name!r}; stages are {', '.join(stage_names())}")
    module_name, _, cls_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
        cls = getattr(module, cls_name)
    except (ImportError, AttributeError) as exc:
        log.debug("stage %s not available: %s", name, exc)
        return None
    return cls(**params)

"""Reuse stage: copies of own earlier reports, colleagues' reports and sample templates."""

from pipeline.stages.reuse.stage import ReuseParams, ReuseStage

__all__ = ["ReuseParams", "ReuseStage"]

"""Content stage: required topics, generic weaknesses, unquantified results, collective responsibility."""

from pipeline.stages.content.stage import ContentParams, ContentStage

__all__ = ["ContentParams", "ContentStage"]

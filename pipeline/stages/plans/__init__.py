"""Remediation-plan stage (issue 9): items, SMART slots, deadlines, vague_plan, unremedied_weaknesses.

Modules: :mod:`temporal` (Vietnamese deadline grammar), :mod:`slots` (slot cues and the lexicon
baseline), :mod:`classifier` (trained item model), :mod:`items` (item and weakness extraction),
:mod:`linking` (items to weaknesses), :mod:`stage` (the :class:`PlanStage`), :mod:`evaluate`.
"""

from pipeline.stages.plans.stage import PlanStage
from pipeline.stages.plans.temporal import Deadline, find_deadlines

__all__ = ["PlanStage", "Deadline", "find_deadlines"]

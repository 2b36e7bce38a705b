"""The stage protocol: a named component over the shared ``Batch`` (spaCy-style).

A stage does one thing, can be switched off by name (``soi screen --skip NAME``), records the
parameters and thresholds it used in ``batch.params[name]`` and declares the findings it
provides. A finding whose stage did not run is written as an empty column, never as 0.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from pipeline.model import Batch


@runtime_checkable
class Stage(Protocol):
    #: Unique name, used in run.json, progress output and ``--skip``.
    name: str
    #: Findings (``schema.ALL_FINDINGS`` names) this stage computes for every document.
    provides: tuple[str, ...]

    def run(self, batch: Batch) -> None:
        """Read ``batch`` and append findings / matches / plans to it."""
        ...

"""The registry's static list of findings per stage matches what each stage says it provides."""

from __future__ import annotations

import pytest

from pipeline import schema
from pipeline.stages.registry import PROVIDES, load_stage, provided_findings, stage_names


@pytest.mark.parametrize("name", stage_names())
def test_static_provides_equals_the_stage_class(name: str) -> None:
    stage = load_stage(name)
    assert stage is not None
    assert tuple(stage.provides) == PROVIDES[name]


def test_every_finding_has_one_stage() -> None:
    every = [f for fs in PROVIDES.values() for f in fs]
    assert sorted(every) == sorted(schema.ALL_FINDINGS)
    assert provided_findings(["plans"]) == {"vague_plan", "unremedied_weaknesses"}
    assert provided_findings([]) == set()

from __future__ import annotations

import pytest

from pipeline.stages.content import ContentStage


@pytest.fixture(scope="session")
def stage() -> ContentStage:
    """One stage with its shipped models loaded once for the whole session."""
    s = ContentStage()
    s.models()
    return s

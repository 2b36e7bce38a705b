"""notebooks/explore.ipynb runs top to bottom (nbclient), so it never rots.

It screens the bundled sample batch when corpora/sample has a manifest; otherwise (the sample
is regenerated from time to time) a three-report text batch stands in via SOI_NOTEBOOK_BATCH.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.screen import SAMPLE_DIR

from .fixtures import write_text_batch

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


def test_notebook_executes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    if not (SAMPLE_DIR / "manifest.csv").exists():
        monkeypatch.setenv("SOI_NOTEBOOK_BATCH", str(write_text_batch(tmp_path / "batch")))
    monkeypatch.setenv("SOI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "reports screened" in text and "report.html" in text
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "soi-sbs" in html or "No report in this batch reused" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)

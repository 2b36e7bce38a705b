"""notebooks/explore.ipynb runs top to bottom (nbclient), so it never rots.

To stay fast (the whole notebook in well under a minute on a 2-core machine) the test points
the notebook (SOI_NOTEBOOK_BATCH) at one unit of the bundled sample batch: the smallest unit's
rows of corpora/sample/manifest.csv, with absolute paths. Without the sample (it is regenerated
from time to time) a three-report text batch stands in.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.screen import SAMPLE_DIR

from .fixtures import write_text_batch

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


def sample_unit(folder: Path) -> Path:
    """A manifest of the sample's smallest unit (absolute paths) in ``folder``."""
    with (SAMPLE_DIR / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[r["unit"]] = sizes.get(r["unit"], 0) + 1
    unit = min(sizes, key=lambda u: (sizes[u], u))
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        for r in rows:
            if r["unit"] == unit:
                w.writerow({**r, "path": str((SAMPLE_DIR / r["path"]).resolve())})
    return folder


def test_notebook_executes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    if (SAMPLE_DIR / "manifest.csv").exists():
        batch = sample_unit(tmp_path / "sample-unit")
    else:
        batch = write_text_batch(tmp_path / "batch")
    monkeypatch.setenv("SOI_NOTEBOOK_BATCH", str(batch))
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

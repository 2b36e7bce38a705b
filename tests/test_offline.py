"""Offline: the whole screen completes with networking disabled, and nothing tries to reach out.

The run is run B of tests/hostile/runs.py: a fresh process whose socket connections and name
lookups are replaced by recorders that refuse, and whose underthesea / Hugging Face download
functions are recorders too; inside a network namespace without interfaces (``unshare -n``)
when this machine allows it. ``HF_HUB_OFFLINE`` is deliberately *not* set: it would hide an
attempt instead of revealing it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hostile.runs import Runs, shared_runs, unshare_works


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    return shared_runs(tmp_path_factory.mktemp("runs"))


def test_screen_completes_offline(runs: Runs) -> None:
    assert runs.b_returncode == 0, runs.b_stderr
    docs = pd.read_csv(runs.out_b / "documents.csv")
    assert len(docs) == 16
    assert (runs.out_b / "run.json").exists()


def test_nothing_reaches_out(runs: Runs) -> None:
    assert runs.b_network == [], "network attempts: " + "; ".join(runs.b_network)


def test_no_download_path_is_triggered(runs: Runs) -> None:
    assert runs.b_downloads == [], "downloads: " + "; ".join(runs.b_downloads)


def test_network_namespace_used_when_available(runs: Runs) -> None:
    if not unshare_works():
        pytest.skip("unshare -n not permitted here: the socket recorders alone disabled the network")
    assert runs.b_isolated


def test_outputs_do_not_reference_remote_resources(runs: Runs) -> None:
    """report.html must open on a machine without network: no http(s) scripts, styles, fonts."""
    html_path = Path(runs.out_b) / "report.html"
    if not html_path.exists():
        pytest.skip("report.html not written by this version")
    import re

    html = html_path.read_text(encoding="utf-8")
    remote = re.findall(r"""(?:src|href)\s*=\s*["'](?:https?:)?//[^"']+""", html)
    assert remote == []
    assert "@import url(" not in html

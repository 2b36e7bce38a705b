"""The human-facing outputs through the real pipeline: screen() -> write(), and the CLI options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.screen import screen

from .fixtures import make_result, write_text_batch


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_text_batch(tmp_path_factory.mktemp("batch"))


def test_screen_writes_reports(batch_dir: Path, tmp_path: Path) -> None:
    result = screen([batch_dir], manifest=batch_dir / "manifest.csv", cache_dir=None)
    assert list(result.units["unit"]) == ["Khu phố 3", "Khu phố 3"]
    out = result.write(tmp_path / "out")
    names = {p.name for p in out.iterdir()}
    assert {"documents.csv", "units.csv", "report.html", "report.xlsx", "run.json"} <= names
    assert not [n for n in names if n.startswith(".soi-staging")]
    page = (out / "report.html").read_text(encoding="utf-8")
    for doc_id in ("a-2024", "a-2025", "b-2025"):
        assert f'data-doc="{doc_id}"' in page
    if "reuse" in result.run["stages_run"]:
        # the copied report shows its passages against last year's report
        assert "src-prior-0" in page
    wb = load_workbook(out / "report.xlsx", read_only=True)
    assert wb.sheetnames == ["documents", "matches", "plans", "units", "errors"]
    assert len(list(wb["documents"].iter_rows(values_only=True))) == 4
    wb.close()
    units = (out / "units.csv").read_text(encoding="utf-8").splitlines()
    assert units[0].startswith("unit,year,regulation,")
    assert len(units) == 3
    assert "Khu phố 3" in result.to_html(lang="en")


def test_no_html_no_xlsx_remove_stale_reports(tmp_path: Path) -> None:
    result = make_result()
    out = result.write(tmp_path)
    assert (out / "report.html").exists() and (out / "report.xlsx").exists()
    result.write(tmp_path, html=False, xlsx=False)
    assert not (out / "report.html").exists() and not (out / "report.xlsx").exists()
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]["documents"] == 6


def test_cli_options(batch_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli"
    res = runner.invoke(
        main,
        ["screen", "--manifest", str(batch_dir / "manifest.csv"), "--out", str(out), "--no-cache",
         "--lang", "en", "--no-xlsx", "-q"],
    )
    assert res.exit_code == 0, res.output
    assert "report.html" in res.output and "report.xlsx" not in res.output
    assert (out / "report.html").exists() and not (out / "report.xlsx").exists()
    assert "Ranking" in (out / "report.html").read_text(encoding="utf-8")
    res = runner.invoke(main, ["screen", "--manifest", str(batch_dir / "manifest.csv"), "--lang", "fr"])
    assert res.exit_code != 0 and "fr" in res.output

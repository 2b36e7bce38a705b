"""The archive: warm re-screens equal cold ones, earlier years feed the reuse stage, writes are atomic."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from scale_fixtures import assert_same_outputs, write_batch  # noqa: E402

from pipeline import screen  # noqa: E402
from pipeline.cli import main  # noqa: E402
from pipeline.engine import SerialEngine  # noqa: E402
from pipeline.store import Archive, ArchiveError  # noqa: E402
from pipeline.store import archive as archive_module  # noqa: E402
from pipeline.store.dask import partitions, read_partition  # noqa: E402

#: Stages after reuse: switched off where a test is about the archive, not their outputs (time).
LATER_STAGES = ("content", "plans")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("scale") / "batch"
    return folder, write_batch(folder)


@pytest.fixture(scope="module")
def cold(batch: tuple[Path, Path]):
    folder, manifest = batch
    return screen([folder], manifest=manifest, cache_dir=None, engine=SerialEngine())


def test_warm_rescreen_equals_cold_and_processes_nothing(batch, cold, tmp_path: Path):
    folder, manifest = batch
    with Archive(tmp_path / "a.soi") as store:
        assert store.add_result(cold) == 5
    warm = screen([folder], manifest=manifest, cache_dir=None, archive=tmp_path / "a.soi")
    assert_same_outputs(cold, warm)
    info = warm.run["parameters"]["archive"]
    assert (info["reused_reports"], info["processed_reports"]) == (5, 0)
    # nothing changed at all: the stored findings, matches and plans are taken, stages not run
    assert info["stages_replayed"] and "reuse" not in warm.run["seconds"]
    assert warm.run["stages_run"] == cold.run["stages_run"]
    # the batch's own reports are not loaded again as history
    assert info["history_reports"] == 0 and len(warm.batch.history) == 0
    # sentences and tokens come back exactly
    pd_cols = ["doc_id", "sent_idx", "start", "end", "section", "text", "tokens"]
    assert cold.batch.sentences[pd_cols].astype(str).equals(warm.batch.sentences[pd_cols].astype(str))


def test_changed_file_or_manifest_row_is_processed_again(batch, cold, tmp_path: Path):
    folder, manifest = batch
    with Archive(tmp_path / "a.soi") as store:
        store.add_result(cold)
    changed = tmp_path / "changed"
    write_batch(changed)
    text = (changed / "hung-2024.txt").read_text(encoding="utf-8")
    (changed / "hung-2024.txt").write_text(text + "\nBổ sung một dòng.", encoding="utf-8")
    rows = (changed / "manifest.csv").read_text(encoding="utf-8").replace("L01,U03", "L01,U99")
    (changed / "manifest.csv").write_text(rows, encoding="utf-8")
    warm = screen(
        [changed],
        manifest=changed / "manifest.csv",
        cache_dir=None,
        archive=tmp_path / "a.soi",
        skip=LATER_STAGES,
    )
    info = warm.run["parameters"]["archive"]
    assert (info["reused_reports"], info["processed_reports"]) == (3, 2)
    assert not info["stages_replayed"] and "reuse" in warm.run["seconds"]
    docs = warm.documents.set_index("doc_id")
    assert docs.loc["L01-2024", "unit"] == "U99"
    assert "Bổ sung một dòng." in warm.batch.documents.set_index("doc_id").loc["HUNG-2024", "text"]


def test_earlier_year_in_archive_is_searched_without_being_screened(tmp_path: Path):
    y2023, y2024 = tmp_path / "y2023", tmp_path / "y2024"
    write_batch(y2023, years=(2023,))
    write_batch(y2024, years=(2024,))
    alone = screen([y2024], manifest=y2024 / "manifest.csv", cache_dir=None)
    with Archive(tmp_path / "a.soi") as store:
        store.add_result(screen([y2023], manifest=y2023 / "manifest.csv", cache_dir=None))
    with_archive = screen(
        [y2024], manifest=y2024 / "manifest.csv", cache_dir=None, archive=tmp_path / "a.soi"
    )
    info = with_archive.run["parameters"]["archive"]
    assert info["history_reports"] == 1 and 2023 in info["history_years"]
    assert list(with_archive.documents["doc_id"]) == list(alone.documents["doc_id"])  # 2023 not screened
    flag = with_archive.documents.set_index("doc_id")["copied_prior"]
    assert flag["MAI-2024"] == 1 and alone.documents.set_index("doc_id")["copied_prior"]["MAI-2024"] == 0
    prior = with_archive.matches[with_archive.matches["source_kind"] == "prior"]
    assert set(prior["source_doc_id"]) == {"MAI-2023"}


def test_stages_run_again_when_the_archive_no_longer_holds_that_screen(batch, cold, tmp_path: Path):
    folder, manifest = batch
    path = tmp_path / "a.soi"
    with Archive(path) as store:
        store.add_result(cold)
    # a different stage option is a different screen: the stages run
    other = screen([folder], manifest=manifest, cache_dir=None, archive=path, skip=("reuse", *LATER_STAGES))
    assert not other.run["parameters"]["archive"]["stages_replayed"]
    assert other.documents["copied_prior"].isna().all()
    # that screen's add replaces every report: the first screen's findings are no longer the archive's
    with Archive(path) as store:
        store.add_result(other)
    again = screen([folder], manifest=manifest, cache_dir=None, archive=path)
    assert not again.run["parameters"]["archive"]["stages_replayed"]
    assert again.run["parameters"]["archive"]["reused_reports"] == 5
    assert_same_outputs(cold, again)


def test_stored_floats_come_back_bit_for_bit(cold, tmp_path: Path):
    import math

    from pipeline.model import Batch

    batch = Batch(documents=cold.batch.documents.iloc[:1].copy())
    doc = str(batch.documents["doc_id"].iloc[0])
    batch.add_findings(
        [{"doc_id": doc, "finding": "x", "flag": 0, "score": v} for v in (-0.0, 1e-17, 0.1 + 0.2)]
    )
    with Archive(tmp_path / "a.soi") as store:
        store.add_batch(batch)
        scores = store.read("findings")["score"].tolist()
    assert [math.copysign(1, s) for s in scores] == [-1.0, 1.0, 1.0]
    assert scores[1:] == [1e-17, 0.1 + 0.2]


def test_readding_a_doc_id_replaces_it(cold, tmp_path: Path):
    with Archive(tmp_path / "a.soi") as store:
        store.add_result(cold)
        store.add_result(cold)
        stats = store.stats()
    assert stats["reports"] == 5 and stats["runs"] == 2
    assert stats["findings"] == len(cold.batch.findings) and stats["matches"] == len(cold.batch.matches)
    assert stats["sections"] == len(cold.batch.sections)


def test_interrupted_add_leaves_the_archive_as_it_was(cold, tmp_path: Path, monkeypatch):
    path = tmp_path / "a.soi"
    with Archive(path) as store:
        store.add_result(cold)
    with Archive(path, readonly=True) as store:
        before = store.stats()
    calls = {"n": 0}
    real = archive_module.encode_sentences

    def dies_on_third(sentences):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(sentences)

    monkeypatch.setattr(archive_module, "encode_sentences", dies_on_third)
    with Archive(path) as store, pytest.raises(KeyboardInterrupt):
        store.add_result(cold)
    with Archive(path, readonly=True) as store:
        after = store.stats()
    assert {k: v for k, v in after.items() if k != "bytes"} == {
        k: v for k, v in before.items() if k != "bytes"
    }


def test_refuses_files_that_are_not_archives(tmp_path: Path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(ArchiveError, match="not a Soi archive"):
        Archive(other)
    with pytest.raises(FileNotFoundError):
        Archive(tmp_path / "missing.soi", readonly=True)
    with Archive(tmp_path / "a.soi") as store:
        store.conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(ArchiveError, match="schema version 99"):
        Archive(tmp_path / "a.soi")
    with Archive(tmp_path / "b.soi") as store:
        pass
    with Archive(tmp_path / "b.soi", readonly=True) as store, pytest.raises(sqlite3.OperationalError):
        store.remove(["x"])


def test_partitioned_reads_for_dask(cold, tmp_path: Path):
    path = tmp_path / "a.soi"
    with Archive(path) as store:
        store.add_result(cold)
    assert partitions(path) == [(2023, None), (2024, None)]
    assert (2024, "U02") in partitions(path, by="year_unit")
    reports = read_partition(path, (2024, None))
    assert sorted(reports["doc_id"]) == ["HUNG-2024", "L01-2024", "MAI-2024", "TUAN-2024"]
    assert "sentences" not in reports.columns and set(reports["year"]) == {2024}
    findings = read_partition(path, (2024, "U02"), table="findings")
    assert set(findings["doc_id"]) == {"HUNG-2024", "TUAN-2024"}
    pytest.importorskip("dask")
    from pipeline.store.dask import archive_bag

    frames = archive_bag(path, table="reports", by="year").compute(scheduler="sync")
    assert sum(len(f) for f in frames) == 5


def test_cli_archive_add_then_screen(batch, tmp_path: Path):
    folder, manifest = batch
    runner = CliRunner()
    path = tmp_path / "a.soi"
    added = runner.invoke(
        main,
        [
            "archive",
            "add",
            str(folder),
            "--manifest",
            str(manifest),
            "--archive",
            str(path),
            "--engine",
            "serial",
            "--no-cache",
            "-q",
            "--skip",
            "content",
            "--skip",
            "plans",
        ],
    )
    assert added.exit_code == 0, added.output
    assert "Added 5 report(s)" in added.output
    screened = runner.invoke(
        main,
        [
            "screen",
            str(folder),
            "--manifest",
            str(manifest),
            "--archive",
            str(path),
            "--engine",
            "serial",
            "--no-cache",
            "-q",
            "--out",
            str(tmp_path / "out"),
            "--skip",
            "content",
            "--skip",
            "plans",
            "--no-html",
            "--no-xlsx",
        ],
    )
    assert screened.exit_code == 0, screened.output
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert (
        run["parameters"]["archive"]["reused_reports"] == 5
        and run["parameters"]["archive"]["stages_replayed"]
    )
    missing = runner.invoke(main, ["screen", str(folder), "--archive", str(tmp_path / "nope.soi")])
    assert missing.exit_code != 0 and "nope.soi" in missing.output
